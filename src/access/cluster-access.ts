import { Annotations, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct, IConstruct } from 'constructs';
import { claimAccessEntry } from './private/access-entry-registry';
import type { IIdentityCluster } from '../cluster/i-identity-cluster';
import { accessEntryUsernameProblem, kubernetesGroupProblem } from '../core/access-entry-names';
import {
  accessPolicyCountProblem, accessPolicyNameProblem, accessPolicyScopeProblem, clusterAdminScopeWarning, duplicateAccessPolicyProblem,
  entryTypeIdentityProblem, entryTypePoliciesProblem, serviceLinkedOnlyPolicyProblem, unknownAccessPolicyWarning,
} from '../core/access-entry-rules';
import { AccessEntryType } from '../core/access-entry-type';
import { AccessPolicy } from '../core/access-policy';
import { parseIamArn, principalArnProblem, principalKey } from '../core/arn';
import { AuthenticationMode } from '../core/authentication-mode';
import { isOpaque } from '../core/deploy-time';
import { identityErrorMessage, throwIdentityError, throwIfProblem } from '../core/errors';
import { knownPartition, stackPartition } from '../private/stack-values';
import { asTemplateText } from '../private/template-text-of';

/**
 * What an access entry grants (everything but the cluster and the principal).
 */
export interface AccessEntryOptions {
  /**
   * The entry type. Only `STANDARD` entries take `kubernetesGroups` and `username`; `EC2_LINUX`
   * and `EC2_WINDOWS` take no access policies.
   * @default AccessEntryType.STANDARD
   */
  readonly type?: AccessEntryType;

  /**
   * EKS access policies with their scopes (at most 20).
   * @default - none
   */
  readonly accessPolicies?: AccessPolicy[];

  /**
   * Kubernetes groups the principal belongs to, for your own RBAC bindings (see
   * `cluster.addKubernetesGroup`). Groups starting with `system:` are not allowed.
   * @default - none
   */
  readonly kubernetesGroups?: string[];

  /**
   * The Kubernetes username. Must not start with `system:`, `eks:`, `aws:`, `amazon:` or `iam:`;
   * `{{SessionName}}` needs a colon before it (e.g. `admin:{{SessionName}}`).
   * @default - EKS derives it from the principal ARN
   */
  readonly username?: string;

  /**
   * Tags on the access entry.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Properties of {@link ClusterAccess}.
 */
export interface ClusterAccessProps extends AccessEntryOptions {
  /** The cluster (its authentication mode must be `API` or `API_AND_CONFIG_MAP`). */
  readonly cluster: IIdentityCluster;

  /**
   * ARN of the IAM role or user, e.g. `arn:aws:iam::111122223333:role/Admin` (a role path is
   * allowed). Not an STS assumed-role session ARN.
   */
  readonly principalArn: string;
}

/**
 * An EKS access entry for one IAM principal on one cluster: a native `AWS::EKS::AccessEntry` (no
 * Lambda) with its type, Kubernetes groups, username and scoped access policies. The EKS API rules
 * are checked at synth: one entry per principal and cluster, no `system:` groups, no reserved
 * username prefixes, no groups or username on node types, no policies on `EC2_LINUX`/`EC2_WINDOWS`,
 * at most 20 policies, namespaces for namespace scopes, no STS session ARNs.
 *
 * @example
 * new ClusterAccess(this, 'Developers', {
 *   cluster,
 *   principalArn: 'arn:aws:iam::111122223333:role/Developers',
 *   accessPolicies: [AccessPolicy.edit({ type: AccessScopeType.NAMESPACE, namespaces: ['app'] })],
 *   kubernetesGroups: ['pod-readers'],
 * });
 */
export class ClusterAccess extends Construct {
  /** The principal ARN. */
  public readonly principalArn: string;
  /** The entry type. */
  public readonly type: AccessEntryType;
  /** The Kubernetes groups. */
  public readonly kubernetesGroups: string[];
  /**
   * The Kubernetes username.
   * @default - EKS derives it from the principal ARN
   */
  public readonly username?: string;
  /** The ARN of the access entry. */
  public readonly accessEntryArn: string;
  /** The `AWS::EKS::AccessEntry` resource. */
  public readonly resource: eks.CfnAccessEntry;

  private readonly cluster: IIdentityCluster;
  private readonly policies: AccessPolicy[] = [];

  constructor(scope: Construct, id: string, props: ClusterAccessProps) {
    super(scope, id);
    this.cluster = props.cluster;
    this.principalArn = props.principalArn;
    this.type = props.type ?? AccessEntryType.STANDARD;
    this.kubernetesGroups = [...(props.kubernetesGroups ?? [])];
    this.username = props.username;

    if (props.cluster.authenticationMode === AuthenticationMode.CONFIG_MAP) {
      throwIdentityError(this, `cluster ${props.cluster.node.path} uses authenticationMode CONFIG_MAP, which has no access entries`,
        'switch the cluster to API_AND_CONFIG_MAP (then API; the change is one-way) and declare that mode where you import it, or map the principal in aws-auth');
    }
    this.validatePrincipal();
    throwIfProblem(this, entryTypeIdentityProblem(this.type, this.kubernetesGroups, this.username));
    for (const group of this.kubernetesGroups) throwIfProblem(this, kubernetesGroupProblem(asTemplateText(this, group)));
    if (this.username !== undefined) throwIfProblem(this, accessEntryUsernameProblem(asTemplateText(this, this.username)));
    claimAccessEntry(props.cluster, this, this.principalArn);
    this.addAccessPolicies(...(props.accessPolicies ?? []));

    const partition = stackPartition(Stack.of(this));
    const tags = Object.entries(props.tags ?? {}).map(([key, value]) => ({ key, value }));
    this.resource = new eks.CfnAccessEntry(this, 'Resource', {
      clusterName: props.cluster.clusterName,
      principalArn: this.principalArn,
      // STANDARD is the default; left out so that entries made by aws-eks-v2 (which omit it) update in
      // place instead of being replaced (Type is create-only).
      type: this.type === AccessEntryType.STANDARD ? undefined : this.type,
      kubernetesGroups: this.kubernetesGroups.length > 0 ? this.kubernetesGroups : undefined,
      username: this.username,
      accessPolicies: Lazy.any({
        produce: () => this.policies.map((policy) => ({
          policyArn: policy.policyArnInPartition(partition),
          accessScope: {
            type: policy.scope.type,
            ...(policy.scope.namespaces && policy.scope.namespaces.length > 0 ? { namespaces: [...policy.scope.namespaces] } : {}),
          },
        })),
      }, { omitEmptyArray: true }),
      tags: tags.length > 0 ? tags : undefined,
    });
    this.accessEntryArn = this.resource.attrAccessEntryArn;
    this.node.addValidation({ validate: () => this.otherEntriesForPrincipal() });
  }

  /** The access policies of the entry. */
  public get accessPolicies(): AccessPolicy[] {
    return [...this.policies];
  }

  /**
   * Associates more access policies with the entry (each policy once; at most 20 in all).
   */
  public addAccessPolicies(...policies: AccessPolicy[]): void {
    const all = [...this.policies, ...policies];
    const names = all.map((p) => p.policyName);
    throwIfProblem(this, entryTypePoliciesProblem(this.type, names));
    throwIfProblem(this, accessPolicyCountProblem(all.length));
    throwIfProblem(this, duplicateAccessPolicyProblem(names));
    for (const policy of policies) {
      const name = asTemplateText(this, policy.policyName);
      throwIfProblem(this, accessPolicyNameProblem(name));
      throwIfProblem(this, serviceLinkedOnlyPolicyProblem(name));
      const association = { name, scopeType: policy.scope.type, namespaces: policy.scope.namespaces ?? [] };
      throwIfProblem(this, accessPolicyScopeProblem(association));
      for (const [id, warning] of [['unknownAccessPolicy', unknownAccessPolicyWarning(name)], ['clusterAdminNamespaceScope', clusterAdminScopeWarning(association)]] as const) {
        if (warning) Annotations.of(this).addWarningV2(`cdk-eks-identity:${id}`, `${warning.problem}. Fix: ${warning.fix}`);
      }
    }
    this.policies.push(...policies);
  }

  private validatePrincipal(): void {
    throwIfProblem(this, principalArnProblem(asTemplateText(this, this.principalArn), 'principal', { partition: knownPartition(Stack.of(this)) }));
    if (this.type === AccessEntryType.STANDARD || isOpaque(this.principalArn)) return;
    const parsed = parseIamArn(this.principalArn)!;
    if (parsed.resourceType !== 'role') {
      throwIdentityError(this, `an access entry of type ${this.type} needs an IAM role, not '${this.principalArn}'`,
        'give the node role (or Fargate pod execution role) ARN, or use AccessEntryType.STANDARD');
    }
    const clusterAccount = Stack.of(this.cluster).account;
    if (!Token.isUnresolved(parsed.account) && !Token.isUnresolved(clusterAccount) && parsed.account !== clusterAccount) {
      throwIdentityError(this, `an access entry of type ${this.type} needs a role of the cluster's account ${clusterAccount}, not of ${parsed.account}`,
        'use a role in the cluster\'s account, or AccessEntryType.STANDARD for a principal of another account');
    }
  }

  /** Access entries for the same principal and cluster made by other means (e.g. aws-eks-v2 `grantAccess`). */
  private otherEntriesForPrincipal(): string[] {
    const stack = Stack.of(this);
    const key = (entry: eks.CfnAccessEntry) => `${asTemplateText(entry, entry.clusterName)} ${principalKey(asTemplateText(entry, entry.principalArn))}`;
    const mine = key(this.resource);
    return stack.node.findAll()
      .filter((c: IConstruct): c is eks.CfnAccessEntry => c instanceof eks.CfnAccessEntry && c !== this.resource && Stack.of(c) === stack)
      .filter((other) => key(other) === mine)
      .map((other) => identityErrorMessage(this, `principal ${this.principalArn} has a second access entry on the same cluster at ${other.node.path}; EKS allows one per principal`,
        'keep one entry per principal: remove the other one (e.g. aws-eks-v2 grantAccess, grantClusterAdmin or mastersRole) or this one'));
  }
}
