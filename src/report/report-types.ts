import { CheckFinding, CheckSuppression } from '../checks/check-types';
import { AccessScopeType } from '../core/access-policy';
import { IdentityMode } from '../core/identity-mode';
import { TrustScope } from '../core/trust/trust-scope';

/**
 * Whether the principal that creates a cluster gets cluster admin: EKS gives it an access entry
 * with `AmazonEKSClusterAdminPolicy` that appears in no template unless the cluster's
 * `AccessConfig.BootstrapClusterCreatorAdminPermissions` is false (with CloudFormation, that
 * principal is the stack's execution role).
 */
export enum CreatorAdmin {
  /** `BootstrapClusterCreatorAdminPermissions` is true: the creator is a cluster admin no template shows. */
  GRANTED = 'GRANTED',
  /** `BootstrapClusterCreatorAdminPermissions` is not set: EKS (and aws-eks-v2's `Cluster`) default it to true. */
  GRANTED_BY_DEFAULT = 'GRANTED_BY_DEFAULT',
  /** `BootstrapClusterCreatorAdminPermissions` is false: the cluster's admins are the access entries of the templates. */
  NOT_GRANTED = 'NOT_GRANTED',
}

/**
 * One statement of a role's permission policies, summarized.
 */
export interface PermissionReport {
  /** `Allow` or `Deny`. */
  readonly effect: string;

  /** The actions (or the excluded actions, when `notAction` is true). */
  readonly actions: string[];

  /** Whether `actions` is a `NotAction` list. */
  readonly notAction: boolean;

  /**
   * The resources (or the excluded resources, when `notResource` is true): literal ARNs as
   * written, values only known at deploy time in words (e.g. `the ARN of Bucket83908E77
   * (App/Bucket/Resource)`, `{the ARN of Bucket83908E77 (App/Bucket/Resource)}/*`).
   */
  readonly resources: string[];

  /** Whether `resources` is a `NotResource` list. */
  readonly notResource: boolean;

  /** Whether the statement has a `Condition`. */
  readonly conditional: boolean;

  /**
   * The statement's conditions, one per operator and key, e.g. `StringEquals aws:RequestTag/team = a or b`
   * (deploy-time values in words); empty when it has none.
   */
  readonly conditions: string[];

  /** Where the statement comes from: `inline`, or the name of a customer managed policy in the templates. */
  readonly source: string;

  /**
   * One line, e.g. `Allow s3:GetObject on arn:aws:s3:::bucket/* when StringEquals aws:PrincipalTag/team = a`
   * (long lists shortened, deploy-time values in words as in `resources`).
   */
  readonly summary: string;
}

/**
 * An IAM role a service account can assume, with what it may do.
 */
export interface RoleReport {
  /** `<stack>/<logicalId>` for a role in the templates, else its ARN (deploy-time values in words). */
  readonly id: string;

  /** The role name, else its logical id, else its ARN (deploy-time values in words). */
  readonly name: string;

  /** Whether the role is defined in the templates (if not, its trust and permissions are unknown). */
  readonly inTemplates: boolean;

  /**
   * The stack that defines the role.
   * @default - the role is not in the templates
   */
  readonly stackName?: string;

  /**
   * Logical id of the role.
   * @default - the role is not in the templates
   */
  readonly logicalId?: string;

  /**
   * Construct path of the role.
   * @default - the template has no path metadata, or the role is not in the templates
   */
  readonly constructPath?: string;

  /** Managed policies by name (e.g. `AmazonS3ReadOnlyAccess`). */
  readonly managedPolicies: string[];

  /** Inline statements and statements of customer managed policies defined in the templates. */
  readonly statements: PermissionReport[];
}

/**
 * One way a Kubernetes service account (or a pattern of them) can assume an IAM role.
 */
export interface ServiceAccountBinding {
  /** Namespace, or a pattern for wildcard IRSA trusts; empty when an EKS add-on chooses it. */
  readonly namespace: string;

  /** Service account name, or a pattern for wildcard IRSA trusts. */
  readonly serviceAccount: string;

  /** `IRSA` or `POD_IDENTITY`. */
  readonly mode: IdentityMode;

  /** The `id` of the role in the cluster's `roles`. */
  readonly roleId: string;

  /** The role's name, for reading. */
  readonly roleName: string;

  /** How tightly the trust is scoped. */
  readonly scope: TrustScope;

  /** The scope in words, e.g. `exact subject + audience` or `session tags: cluster+namespace+SA`. */
  readonly scopeDescription: string;

  /**
   * IRSA: the `:sub` value (or pattern) of the trust statement.
   * @default - pod identity, or no `:sub` condition
   */
  readonly subject?: string;

  /**
   * IRSA: whether the trust conditions `:aud` on `sts.amazonaws.com`.
   * @default - pod identity
   */
  readonly audienceRestricted?: boolean;

  /**
   * Pod identity: the `id` of the cross-account target role (`TargetRoleArn`) in the cluster's `roles`.
   * @default - no target role
   */
  readonly targetRoleId?: string;

  /**
   * Pod identity: the EKS add-on whose `PodIdentityAssociations` made the association.
   * @default - a standalone association, or IRSA
   */
  readonly addonName?: string;

  /** Pod identity: whether the association disables session tags. */
  readonly sessionTagsDisabled: boolean;

  /** Pod identity: whether the association has a session policy. */
  readonly sessionPolicy: boolean;

  /** The stack of the association (pod identity) or the role (IRSA). */
  readonly stackName: string;

  /**
   * Logical id of the association (pod identity) or the role (IRSA).
   * @default - the binding comes from a service account annotation naming a role outside the templates
   */
  readonly logicalId?: string;

  /** Remarks, e.g. whether the ServiceAccount object carries the IRSA annotation. */
  readonly notes: string[];
}

/**
 * A resource of the templates that a value refers to, for tools that read the JSON report.
 */
export interface ResourceReference {
  /** The stack of the resource. */
  readonly stackName: string;

  /** Logical id of the resource (or the name of a template parameter). */
  readonly logicalId: string;

  /**
   * The attribute the value is (`Fn::GetAtt`), e.g. `Arn`.
   * @default - the value is a `Ref` of the resource
   */
  readonly attribute?: string;
}

/**
 * One access policy of an access entry.
 */
export interface AccessPolicyReport {
  /** The policy name, e.g. `AmazonEKSViewPolicy`. */
  readonly policyName: string;

  /** The policy ARN as written (deploy-time values, such as the partition, in words: `arn:{partition}:eks::aws:...`). */
  readonly policyArn: string;

  /** Cluster or namespace scope. */
  readonly scope: AccessScopeType;

  /** The namespaces of a namespace scope (empty at cluster scope). */
  readonly namespaces: string[];
}

/**
 * An RBAC binding (in the Kubernetes objects of the templates) of a group an access entry puts
 * its principal in.
 */
export interface GroupBindingReport {
  /** The Kubernetes group. */
  readonly group: string;

  /** The binding, e.g. `RoleBinding app/pod-readers`. */
  readonly binding: string;

  /** What it binds, e.g. `Role pod-readers` or `ClusterRole view`. */
  readonly roleRef: string;

  /** The rules of the bound (Cluster)Role when it is among the objects, e.g. `get, list, watch pods, pods/log`. */
  readonly rules: string[];
}

/**
 * An access entry: an IAM principal's access to the Kubernetes API of a cluster.
 */
export interface AccessEntryReport {
  /**
   * The principal ARN, when it is known at synth (a literal in the template).
   * @default - the ARN is only known at deploy time: see `principal` and `principalReference`
   */
  readonly principalArn?: string;

  /**
   * The principal ARN in words: the literal ARN, or what it refers to, e.g.
   * `role testuser (App/TestUser/Resource)` for the ARN of a role of the templates, or
   * `arn:aws:iam::{account}:role/admin` for an ARN with the stack's account in it.
   */
  readonly principal: string;

  /**
   * The resource of the templates whose ARN the principal is (`Fn::GetAtt` of its `Arn`, or a `Ref`).
   * @default - the principal ARN is not a reference to a resource of the templates
   */
  readonly principalReference?: ResourceReference;

  /** The principal for reading, e.g. `role testuser`. */
  readonly principalName: string;

  /** Access entry type, e.g. `STANDARD`, `EC2_LINUX`. */
  readonly type: string;

  /**
   * The Kubernetes username.
   * @default - EKS derives it from the principal ARN
   */
  readonly username?: string;

  /** Kubernetes groups. */
  readonly kubernetesGroups: string[];

  /** Access policies with their scopes. */
  readonly accessPolicies: AccessPolicyReport[];

  /** RBAC bindings of `kubernetesGroups` found in the Kubernetes objects. */
  readonly groupBindings: GroupBindingReport[];

  /** The stack of the access entry. */
  readonly stackName: string;

  /** Logical id of the access entry. */
  readonly logicalId: string;
}

/**
 * Everything about one cluster: who can assume which role from which service account, who may
 * use the Kubernetes API, and the rule pack's findings.
 */
export interface ClusterReport {
  /** `<stack>/<logicalId>` for a cluster in the templates; `name:<name>` or `oidc:<issuer>` for one made elsewhere. */
  readonly id: string;

  /** The cluster name (its logical id when the name is not known at synth; its issuer when only that is known). */
  readonly name: string;

  /** Whether the `AWS::EKS::Cluster` is in the templates. */
  readonly inTemplates: boolean;

  /**
   * The stack of the cluster.
   * @default - the cluster is not in the templates
   */
  readonly stackName?: string;

  /**
   * Logical id of the cluster.
   * @default - the cluster is not in the templates
   */
  readonly logicalId?: string;

  /**
   * `AccessConfig.AuthenticationMode`.
   * @default - not set (CloudFormation's default is `CONFIG_MAP`), or the cluster is not in the templates
   */
  readonly authenticationMode?: string;

  /** Service accounts and the roles they can assume. */
  readonly serviceAccounts: ServiceAccountBinding[];

  /** Service accounts in the Kubernetes objects with no role (`<namespace>/<name>`). */
  readonly serviceAccountsWithoutRole: string[];

  /** The roles of `serviceAccounts`, with their permissions. */
  readonly roles: RoleReport[];

  /** Access entries. */
  readonly accessEntries: AccessEntryReport[];

  /**
   * Whether the principal that creates the cluster gets a cluster-admin access entry that is in
   * no template (`AccessConfig.BootstrapClusterCreatorAdminPermissions`).
   * @default - the cluster is not in the templates, so it is not known
   */
  readonly creatorAdmin?: CreatorAdmin;

  /** Findings of the rule pack about this cluster's resources. */
  readonly findings: CheckFinding[];
}

/**
 * Options of {@link IdentityReport}.
 */
export interface IdentityReportOptions {
  /**
   * Rules of the rule pack to leave out of the report's findings, each with the reason.
   * @default - every rule runs
   */
  readonly suppressions?: CheckSuppression[];

  /**
   * Lists of a cluster longer than this are summarized in the Markdown and the Mermaid diagram.
   *
   * Service accounts are counted by namespace and kind of trust (and listed one by one only where
   * the trust is not exact), roles grouped by their permissions, access entries by what they
   * grant, findings by rule. The diagram draws namespaces with counts instead of one node per
   * service account, so that it stays within Mermaid's default limits (500 edges, 50,000
   * characters). The JSON report always lists everything.
   *
   * @default 50
   */
  readonly summarizeAbove?: number;
}

/**
 * The report as data (what `IdentityReport.toJson()` prints).
 */
export interface IdentityReportDocument {
  /** The stacks the report was made from. */
  readonly stackNames: string[];

  /** Every cluster, those defined in the templates first. */
  readonly clusters: ClusterReport[];

  /** Findings that belong to no single cluster. */
  readonly otherFindings: CheckFinding[];
}
