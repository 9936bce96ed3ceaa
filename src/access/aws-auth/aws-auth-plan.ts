import { AccessEntryType } from '../../core/access-entry-type';
import { AccessPolicy } from '../../core/access-policy';
import { AuthenticationMode } from '../../core/authentication-mode';

/**
 * One access entry the migration creates.
 */
export interface AwsAuthMigrationEntry {
  /** Where it comes from, e.g. `mapRoles[0]`. */
  readonly source: string;
  /**
   * The principal ARN. For a role, its real ARN with its path: from the role ARNs you gave, or as
   * the mapping wrote it (aws-auth compared roles without their path, an access entry needs the
   * path; see the plan's notes).
   */
  readonly principalArn: string;
  /**
   * Whether `principalArn` is known to be right: the role's real ARN was given, or it is an IAM
   * user's ARN (aws-auth matched those as written) or a deploy-time value. False for a role planned
   * with the ARN the mapping wrote, which is right only if that is the role's path (most roles
   * have none); give the real role ARNs to check.
   */
  readonly principalArnVerified: boolean;
  /**
   * The entry type: `STANDARD`, `EC2_LINUX`, `EC2_WINDOWS` (node roles with
   * `eks:kube-proxy-windows`) or `HYBRID_LINUX` (node roles mapped to the username
   * `system:node:{{SessionName}}`, which hybrid nodes use and EC2 nodes do not).
   */
  readonly type: AccessEntryType;
  /** Kubernetes groups (the mapping's groups that are not `system:` groups). */
  readonly kubernetesGroups: string[];
  /**
   * The Kubernetes username, kept from the mapping when EKS allows it.
   * @default - EKS derives it from the principal ARN
   */
  readonly username?: string;
  /** Access policies (`system:masters` becomes AmazonEKSClusterAdminPolicy at cluster scope). */
  readonly accessPolicies: AccessPolicy[];
}

/**
 * Something about one `aws-auth` mapping that needs a reader's attention.
 */
export interface AwsAuthMigrationFinding {
  /** Where it is, e.g. `mapRoles[2]` or `mapAccounts[0]`. */
  readonly source: string;
  /**
   * The mapping as the ConfigMap names it: its ARN, the account ID, or the mapping's text when it
   * has neither. Acknowledge a finding with this value (or with `source`).
   */
  readonly item: string;
  /** What happens to it and why. */
  readonly reason: string;
}

/**
 * What an `aws-auth` ConfigMap becomes as access entries.
 */
export interface AwsAuthMigrationPlan {
  /** How many mappings the ConfigMap has (`mapRoles` + `mapUsers` + `mapAccounts` items). */
  readonly mappingCount: number;
  /** The access entries to create, one per principal. */
  readonly entries: AwsAuthMigrationEntry[];
  /**
   * Mappings (or parts of them) that are not carried over and need a decision: they must be
   * acknowledged, or handled some other way (e.g. the real ARN of an IAM Identity Center role),
   * before the ConfigMap can go.
   */
  readonly unmappable: AwsAuthMigrationFinding[];
  /**
   * Mappings carried over with a change worth knowing (a role path, a group that grants nothing),
   * and mappings left out because nothing is lost: EKS makes the entries of managed node groups
   * and Fargate profiles itself, an identical duplicate.
   */
  readonly notes: AwsAuthMigrationFinding[];
  /**
   * The account node entries must belong to (EKS takes node roles of the cluster's account only):
   * the one given, or the one most mappings are in (`clusterAccountInferred`).
   * @default - unknown: no mapping has an account
   */
  readonly clusterAccount?: string;
  /** Whether `clusterAccount` was inferred from the mappings rather than given. */
  readonly clusterAccountInferred: boolean;
  /**
   * The authentication mode to deploy the entries with: `API_AND_CONFIG_MAP` (both work while
   * you check access), or `API` for a cluster that is already there (never backwards).
   */
  readonly recommendedAuthenticationMode: AuthenticationMode;
  /** The modes to go through, in order, ending with `API`. */
  readonly authenticationModePath: AuthenticationMode[];
}

/**
 * Options of `AwsAuthMigration.plan`.
 */
export interface AwsAuthMigrationPlanOptions {
  /**
   * The cluster's current authentication mode (the plan never moves it backwards).
   * @default AuthenticationMode.CONFIG_MAP
   */
  readonly currentAuthenticationMode?: AuthenticationMode;

  /**
   * The real ARNs of roles the ConfigMap maps, with their paths (e.g. from `aws iam list-roles`).
   * aws-auth ARNs carry no path, but an access entry needs the role's real ARN; a mapping's role
   * is matched by account and name (IAM role names are unique in an account, in any letter case).
   * Without its real ARN, an IAM Identity Center role (`AWSReservedSSO_*`, which lives under
   * `aws-reserved/sso.amazonaws.com/`) is reported as needing a decision.
   * @default - none: roles are planned with the ARN the mapping writes
   */
  readonly roleArns?: string[];

  /**
   * Accounts for which `roleArns` lists every role (as the whole output of `aws iam list-roles`
   * does): a mapped role of such an account that is not listed no longer exists, and is reported
   * instead of planned (EKS refuses an access entry for a principal that does not exist).
   * @default - none
   */
  readonly completeRoleAccounts?: string[];

  /**
   * Roles of the cluster's managed node groups and Fargate profiles. EKS creates their access
   * entries itself once the cluster's authentication mode includes the API, and a second entry
   * for the same principal fails, so their mappings are left out with a note.
   * @default - unknown: node role mappings are planned as self-managed nodes, each with a note
   */
  readonly managedNodeRoleArns?: string[];

  /**
   * The cluster's account. Node entries take roles of the cluster's account only; a node role of
   * another account is reported.
   * @default - the account most mappings are in, and the plan says so (`clusterAccountInferred`)
   */
  readonly clusterAccount?: string;
}
