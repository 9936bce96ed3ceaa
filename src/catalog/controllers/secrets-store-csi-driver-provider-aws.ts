import { IConstruct } from 'constructs';
import { throwIdentityError } from '../../core/errors';
import { ArnKind, CatalogEntryData, ControllerDefinition, requireArns, statement } from '../private/controller-definition';

/**
 * Inputs of the AWS provider of the Secrets Store CSI driver (ASCP). The provider fetches secrets
 * with the credentials of the pod that mounts them, so the identity is the application's: name its
 * namespace and service account.
 */
export interface SecretsStoreCsiDriverProviderAwsOptions {
  /** The namespace of the application that mounts the secrets. */
  readonly namespace: string;

  /** The service account of the application that mounts the secrets. */
  readonly serviceAccountName: string;

  /**
   * The provider's version (its Helm chart version, e.g. `3.1.1`). Versions before 0.3.11 use IRSA
   * only.
   * @default - not known: the newest version the catalog knows is assumed
   */
  readonly version?: string;

  /**
   * ARNs of the Secrets Manager secrets the SecretProviderClass names (`secret.secretArn`; the
   * random suffix may be `-??????`).
   * @default - none (then `parameterArns` must name at least one parameter)
   */
  readonly secretArns?: string[];

  /**
   * ARNs of the Systems Manager parameters the SecretProviderClass names.
   * @default - none
   */
  readonly parameterArns?: string[];
}

/** @internal */
export const SECRET: ArnKind = {
  what: 'Secrets Manager secret',
  article: 'a',
  pattern: /^arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@?*-]+$/,
  example: 'arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<suffix>, e.g. secret.secretArn',
};

/** @internal */
export const PARAMETER: ArnKind = {
  what: 'Systems Manager parameter',
  article: 'a',
  pattern: /^arn:[a-z-]+:ssm:[a-z0-9-]+:\d{12}:parameter\/[\w/.*-]+$/,
  example: 'arn:<partition>:ssm:<region>:<account>:parameter/<name>, e.g. parameter.parameterArn',
};

const NAME = 'AWS Secrets and Configuration Provider';

/**
 * The AWS provider of the Secrets Store CSI driver (aws/secrets-store-csi-driver-provider-aws,
 * "ASCP"). It mounts secrets with the credentials of the pod that mounts them, so the entry has no
 * default service account: the identity is the application's.
 *
 * Statements written from the provider's README (tag secrets-store-csi-driver-provider-aws-0.3.9):
 * `secretsmanager:GetSecretValue` and `secretsmanager:DescribeSecret` on the secrets, and
 * `ssm:GetParameters` on parameters ("when using SSM parameters the permission ssm:GetParameters is
 * needed").
 *
 * Pod identity: from 0.3.11 (aws/secrets-store-csi-driver-provider-aws#416, "Add support for EKS
 * Pod Identity"; the README of 0.3.11 documents it). The SecretProviderClass must also say
 * `usePodIdentity: "true"`; without it the provider uses IRSA.
 * @internal
 */
export const SECRETS_STORE_CSI_DRIVER_PROVIDER_AWS: CatalogEntryData = {
  id: 'secrets-store-csi-driver-provider-aws',
  name: NAME,
  factory: 'secretsStoreCsiDriverProviderAws',
  defaultsMatch: 'no default: the provider uses the service account of the pod that mounts the secrets',
  ranges: [{ since: '0.3.9', change: 'README at secrets-store-csi-driver-provider-aws-0.3.9 (unchanged through 3.1.1)' }],
  newestKnownVersion: '3.1.1',
  olderVersionsReason: 'the catalog\'s copy of the provider\'s README starts at 0.3.9',
  podIdentity: {
    minimumVersion: '0.3.11',
    source: 'aws/secrets-store-csi-driver-provider-aws#416 (released in 0.3.11); the SecretProviderClass needs usePodIdentity: "true"',
  },
  narrowings: [],
};

/** @internal */
export function secretsStoreCsiDriverProviderAwsDefinition(options: SecretsStoreCsiDriverProviderAwsOptions): ControllerDefinition {
  return {
    entry: SECRETS_STORE_CSI_DRIVER_PROVIDER_AWS,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct) => {
      const secrets = requireArns(scope, NAME, SECRET, options.secretArns ?? [], true);
      const parameters = requireArns(scope, NAME, PARAMETER, options.parameterArns ?? [], true);
      if (secrets.length + parameters.length === 0) {
        throwIdentityError(scope, `the ${NAME} catalog entry got no secrets and no parameters`,
          'pass the ARNs the SecretProviderClass names, e.g. secretArns: [secret.secretArn]');
      }
      return [
        ...(secrets.length === 0 ? [] : [statement('ReadSecrets', ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], secrets)]),
        ...(parameters.length === 0 ? [] : [statement('ReadParameters', ['ssm:GetParameters'], parameters)]),
      ];
    },
  };
}
