/**
 * What an identity change is about.
 */
export enum IdentityChangeArea {
  /** Which service accounts (subjects, audiences) an IAM role's IRSA trust lets in, per cluster or OIDC provider. */
  IRSA_TRUST = 'IRSA_TRUST',
  /** How tightly an IAM role's trust holds EKS Pod Identity (session tag conditions on cluster, namespace, service account). */
  POD_IDENTITY_TRUST = 'POD_IDENTITY_TRUST',
  /** An EKS Pod Identity association: which service account gets which role, session tags, session policy. */
  POD_IDENTITY_ASSOCIATION = 'POD_IDENTITY_ASSOCIATION',
  /** The cross-account target role (`TargetRoleArn`) an association chains to. */
  TARGET_ROLE = 'TARGET_ROLE',
  /** AWS principals (accounts, roles) an identity role's trust lets in, e.g. a target role's trust of the association role. */
  AWS_PRINCIPAL_TRUST = 'AWS_PRINCIPAL_TRUST',
  /** An IAM OIDC provider of a cluster: whether it exists and its audiences (client ids). */
  OIDC_PROVIDER = 'OIDC_PROVIDER',
  /** An EKS access entry: principal, type, access policies and scopes, Kubernetes groups, username. */
  ACCESS_ENTRY = 'ACCESS_ENTRY',
  /** A Kubernetes RBAC object (Role, ClusterRole, RoleBinding, ClusterRoleBinding) in the Kubernetes objects. */
  RBAC = 'RBAC',
  /** The permissions of an identity role: statements and managed policies. */
  PERMISSIONS = 'PERMISSIONS',
}

/**
 * Whether something appeared, disappeared or changed.
 */
export enum IdentityChangeKind {
  /** Only in the assembly after. */
  ADDED = 'ADDED',
  /** Only in the assembly before. */
  REMOVED = 'REMOVED',
  /** In both, different. */
  CHANGED = 'CHANGED',
}

/**
 * What makes a change deserve review first.
 */
export enum IdentityChangeFlag {
  /** A role that existed before now lets in someone it did not (a subject, audience, session tag scope, principal or target role). */
  BROADENED_TRUST = 'BROADENED_TRUST',
  /** A wildcard that was not there: a subject pattern, a trust not scoped to one service account, `*` actions or RBAC rules, a `*` principal. */
  NEW_WILDCARD = 'NEW_WILDCARD',
  /**
   * A principal or group that now administers a whole cluster: `AmazonEKSClusterAdminPolicy`,
   * `system:masters`, a ClusterRoleBinding to `cluster-admin`, or an access entry with a
   * Kubernetes group that such a binding names.
   */
  NEW_CLUSTER_ADMIN = 'NEW_CLUSTER_ADMIN',
}

/**
 * One change in who can assume which role, who can do what in a cluster, or what an identity
 * role may do.
 */
export interface IdentityChange {
  /** What the change is about. */
  readonly area: IdentityChangeArea;

  /** Added, removed or changed. */
  readonly kind: IdentityChangeKind;

  /**
   * Whether it grants more than before: a flag, or a widening of something that existed before
   * (an access policy, scope, group, statement, managed policy, audience, session tags turned
   * off). A new, narrowly scoped grant (an exact IRSA subject, a namespace-scoped access policy)
   * is an addition, not a broadening.
   */
  readonly broadening: boolean;

  /** Why it deserves review first (empty for most changes). */
  readonly flags: IdentityChangeFlag[];

  /** What changed, e.g. `role app-reader` or `access entry of role Ops`. */
  readonly subject: string;

  /**
   * The cluster (or OIDC issuer) the change is about, for reading.
   * @default - the change is not about one cluster (e.g. the permissions of a role)
   */
  readonly cluster?: string;

  /**
   * The stack of the resource that changed (the assembly after, else before).
   * @default - the change is about Kubernetes objects
   */
  readonly stackName?: string;

  /**
   * Logical id of the resource that changed.
   * @default - the change is about Kubernetes objects
   */
  readonly logicalId?: string;

  /** The change in one line. */
  readonly summary: string;

  /** The details: `+ <what is new>`, `- <what is gone>`, or `<before> → <after>`. */
  readonly details: string[];
}

/**
 * The diff as data (what `IdentityDiff.toJson()` prints).
 */
export interface IdentityDiffDocument {
  /** Label of the assembly before (its directory). */
  readonly before: string;

  /** Label of the assembly after (its directory). */
  readonly after: string;

  /** Whether some change grants more than before. */
  readonly broadened: boolean;

  /** Every change, flagged and broadening ones first. */
  readonly changes: IdentityChange[];
}
