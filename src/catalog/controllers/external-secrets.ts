import { IConstruct } from 'constructs';
import { throwIdentityError } from '../../core/errors';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { PARAMETER, SECRET } from './secrets-store-csi-driver-provider-aws';
import { actionsSince, atLeast, CatalogEntryData, ControllerDefinition, requireArns, statement } from '../private/controller-definition';

/**
 * Inputs of the External Secrets Operator entry (its controller's own credentials, for
 * SecretStores without `auth`).
 */
export interface ExternalSecretsOptions extends ControllerOptions {
  /**
   * ARNs of the Secrets Manager secrets the operator reads (a trailing `*` matches names by prefix).
   * @default - none (then `parameterArns` must name at least one parameter)
   */
  readonly secretArns?: string[];

  /**
   * ARNs of the Systems Manager parameters the operator reads.
   * @default - none
   */
  readonly parameterArns?: string[];

  /**
   * The operator also writes `secretArns` with PushSecret (create, update, tag and delete the
   * secrets it manages).
   * @default false
   */
  readonly pushSecrets?: boolean;

  /**
   * The operator also writes `parameterArns` with PushSecret (`ssm:PutParameter`,
   * `ssm:AddTagsToResource`, `ssm:ListTagsForResource`: "Pushing Parameters" of
   * docs/provider/aws-parameter-store.md, from v0.10.1). That documented policy has no
   * `ssm:DeleteParameter`, which a PushSecret with `deletionPolicy: Delete` calls; add it with a
   * WorkloadIdentity statement if you use that.
   * @default false
   */
  readonly pushParameters?: boolean;
}

const NAME = 'External Secrets Operator';

/**
 * External Secrets Operator (external-secrets/external-secrets) with the AWS Secrets Manager and
 * Parameter Store providers, service account `external-secrets/external-secrets` of the Helm
 * chart installed as release `external-secrets` in namespace `external-secrets` (the project's
 * getting-started guide). SecretStores may instead name their own service account
 * (`auth.jwt.serviceAccountRef`); give that one a WorkloadIdentity of its own.
 *
 * Statements written from docs/provider/aws-secrets-manager.md and docs/provider/aws-parameter-store.md
 * at the range tags: the secret reads (`GetResourcePolicy`, `GetSecretValue`, `DescribeSecret`,
 * `ListSecretVersionIds`), from v0.13.0 `ListSecrets` and `BatchGetSecretValue` (which take no
 * resource), the PushSecret writes (`CreateSecret`, `PutSecretValue`, `TagResource`, from v0.20.4 the
 * resource policy actions, from v2.7.0 the replication actions, and `DeleteSecret` of secrets tagged
 * `managed-by: external-secrets`), the parameter reads, `ssm:GetParameter*` spelled out, and from
 * v0.10.1 the Parameter Store PushSecret writes ("Pushing Parameters", opt-in like the Secrets
 * Manager writes, since the doc gives them as a separate policy for pushing).
 * v0.12's docs added `BatchGetSecretValue` to the statement scoped to secrets, where an action
 * without resource types grants nothing; v0.13 grants it on `*`.
 *
 * Pod identity: from v0.9.10, by its SDK: go.mod at v0.9.10 requires github.com/aws/aws-sdk-go
 * v1.48.16, past v1.47.11 (v0.9.9 has v1.47.3). docs/provider/aws-access.md at v2.9.0 has an
 * "EKS Pod Identity Setup" section.
 * @internal
 */
export const EXTERNAL_SECRETS: CatalogEntryData = {
  id: 'external-secrets',
  name: NAME,
  factory: 'externalSecrets',
  defaultNamespace: 'external-secrets',
  defaultServiceAccountName: 'external-secrets',
  defaultsMatch: 'the external-secrets Helm chart installed as release external-secrets in namespace external-secrets (getting-started guide)',
  ranges: [
    { since: 'v0.9.5', change: 'docs/provider/aws-secrets-manager.md and aws-parameter-store.md at v0.9.5' },
    { since: 'v0.10.1', change: 'PushSecret to Parameter Store (ssm:PutParameter*, ssm:AddTagsToResource, ssm:ListTagsForResource; opt-in with pushParameters)' },
    { since: 'v0.12.0', change: 'adds secretsmanager:BatchGetSecretValue to the statement scoped to secrets' },
    { since: 'v0.13.0', change: 'adds secretsmanager:ListSecrets and BatchGetSecretValue on *' },
    { since: 'v0.20.4', change: 'PushSecret also manages resource policies (Get/Put/DeleteResourcePolicy)' },
    { since: 'v2.7.0', change: 'PushSecret also replicates secrets (ReplicateSecretToRegions, RemoveRegionsFromReplication)' },
  ],
  newestKnownVersion: 'v2.9.0',
  olderVersionsReason: 'the catalog\'s copies of the provider docs start at v0.9.5',
  podIdentity: { minimumVersion: 'v0.9.10', source: 'go.mod at v0.9.10: github.com/aws/aws-sdk-go v1.48.16 (pod identity from v1.47.11)' },
  narrowings: [
    {
      kind: NarrowingKind.ACTIONS_NARROWED,
      actions: ['ssm:GetParameter*'],
      description: 'ssm:GetParameter* is spelled out: GetParameter, GetParameterHistory, GetParameters, GetParametersByPath',
    },
    {
      kind: NarrowingKind.ACTIONS_NARROWED,
      actions: ['ssm:PutParameter*'],
      description: 'ssm:PutParameter* is spelled out: PutParameter',
    },
    {
      kind: NarrowingKind.OPTIONAL,
      actions: [
        'secretsmanager:CreateSecret', 'secretsmanager:PutSecretValue', 'secretsmanager:TagResource', 'secretsmanager:DeleteSecret',
        'secretsmanager:PutResourcePolicy', 'secretsmanager:DeleteResourcePolicy', 'secretsmanager:ReplicateSecretToRegions',
        'secretsmanager:RemoveRegionsFromReplication',
      ],
      description: 'the PushSecret writes only with pushSecrets: true',
    },
    {
      kind: NarrowingKind.OPTIONAL,
      actions: ['ssm:PutParameter*', 'ssm:AddTagsToResource', 'ssm:ListTagsForResource'],
      description: 'the Parameter Store PushSecret writes only with pushParameters: true',
    },
  ],
};

/** @internal */
export function externalSecretsDefinition(options: ExternalSecretsOptions): ControllerDefinition {
  return {
    entry: EXTERNAL_SECRETS,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct, policyVersion: string) => {
      const secrets = requireArns(scope, NAME, SECRET, options.secretArns ?? [], true);
      const parameters = requireArns(scope, NAME, PARAMETER, options.parameterArns ?? [], true);
      if (secrets.length + parameters.length === 0) {
        throwIdentityError(scope, `the ${NAME} catalog entry got no secrets and no parameters`,
          'pass the ARNs it reads, e.g. secretArns: [secret.secretArn] or parameterArns: [parameter.parameterArn]');
      }
      if (options.pushSecrets && secrets.length === 0) {
        throwIdentityError(scope, `the ${NAME} catalog entry pushes secrets but got no secretArns`,
          'pass the ARNs of the secrets PushSecret writes, e.g. secretArns: [\'arn:aws:secretsmanager:eu-west-1:111122223333:secret:pushed/*\']');
      }
      if (options.pushParameters && parameters.length === 0) {
        throwIdentityError(scope, `the ${NAME} catalog entry pushes parameters but got no parameterArns`,
          'pass the ARNs of the parameters PushSecret writes, e.g. parameterArns: [\'arn:aws:ssm:eu-west-1:111122223333:parameter/pushed/*\']');
      }
      if (options.pushParameters && !atLeast(policyVersion, 'v0.10.1')) {
        throwIdentityError(scope, `the ${NAME} documentation has no Parameter Store push policy before v0.10.1 (policy range ${policyVersion})`,
          'run v0.10.1 or later and give that version, or leave pushParameters out and add the ssm:PutParameter statements yourself');
      }
      const v0dot12 = atLeast(policyVersion, 'v0.12.0') && !atLeast(policyVersion, 'v0.13.0');
      return [
        ...(atLeast(policyVersion, 'v0.13.0') && secrets.length > 0
          ? [statement('ListAndBatchReadSecrets', ['secretsmanager:BatchGetSecretValue', 'secretsmanager:ListSecrets'], ['*'])] : []),
        ...(secrets.length === 0 ? [] : [statement('ReadSecrets', [
          ...(v0dot12 ? ['secretsmanager:BatchGetSecretValue'] : []),
          'secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds',
        ], secrets)]),
        ...(options.pushSecrets ? [
          statement('PushSecrets', actionsSince(policyVersion, [
            ['v0.9.5', ['secretsmanager:CreateSecret', 'secretsmanager:PutSecretValue', 'secretsmanager:TagResource']],
            ['v0.20.4', ['secretsmanager:DeleteResourcePolicy', 'secretsmanager:GetResourcePolicy', 'secretsmanager:PutResourcePolicy']],
            ['v2.7.0', ['secretsmanager:RemoveRegionsFromReplication', 'secretsmanager:ReplicateSecretToRegions']],
          ]), secrets),
          statement('DeletePushedSecrets', ['secretsmanager:DeleteSecret'], secrets,
            { StringEquals: { 'secretsmanager:ResourceTag/managed-by': 'external-secrets' } }),
        ] : []),
        ...(parameters.length === 0 ? [] : [statement('ReadParameters',
          ['ssm:GetParameter', 'ssm:GetParameterHistory', 'ssm:GetParameters', 'ssm:GetParametersByPath'], parameters)]),
        ...(options.pushParameters ? [
          statement('PushParameters', ['ssm:AddTagsToResource', 'ssm:ListTagsForResource', 'ssm:PutParameter'], parameters),
        ] : []),
      ];
    },
  };
}
