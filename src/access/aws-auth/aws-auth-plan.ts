import { AccessEntryType } from '../../core/access-entry-type';
import { AccessPolicy } from '../../core/access-policy';
import { AuthenticationMode } from '../../core/authentication-mode';

/**
 * One access entry the migration creates.
 */
export interface AwsAuthMigrationEntry {
  /** Where it comes from, e.g. `mapRoles[0]`. */
  readonly source: string;
  /** The principal ARN (a role ARN without its path, as aws-auth matched it). */
  readonly principalArn: string;
  /** The entry type. */
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
   * Mappings (or parts of them) that are not carried over: they must be acknowledged, or handled
   * some other way, before the ConfigMap can go.
   */
  readonly unmappable: AwsAuthMigrationFinding[];
  /** Mappings carried over with a change worth knowing (e.g. a role path removed). */
  readonly notes: AwsAuthMigrationFinding[];
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
}
