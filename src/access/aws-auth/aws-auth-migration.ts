import { Annotations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AwsAuthMigrationEntry, AwsAuthMigrationFinding, AwsAuthMigrationPlan, AwsAuthMigrationPlanOptions } from './aws-auth-plan';
import { awsAuthEntryId, planAwsAuthMigration } from './aws-auth-planner';
import type { IIdentityCluster } from '../../cluster/i-identity-cluster';
import { principalKey, withoutRolePath } from '../../core/arn';
import { AuthenticationMode } from '../../core/authentication-mode';
import { throwIdentityError } from '../../core/errors';
import { ClusterAccess } from '../cluster-access';

/**
 * A decision about one `aws-auth` mapping, with the reason.
 */
export interface AwsAuthMigrationDecision {
  /**
   * The mapping: its ARN as written in the ConfigMap, the account ID of a `mapAccounts` item, or
   * its place (`mapRoles[2]`).
   */
  readonly item: string;

  /** Why (kept in the construct tree as documentation; must not be empty). */
  readonly reason: string;
}

/**
 * Properties of {@link AwsAuthMigration}.
 */
export interface AwsAuthMigrationProps {
  /** The cluster (authentication mode `API_AND_CONFIG_MAP` or `API`). */
  readonly cluster: IIdentityCluster;

  /**
   * The `aws-auth` ConfigMap: the whole object as YAML or JSON
   * (`kubectl get configmap aws-auth -n kube-system -o yaml`), its `data`, or the `mapRoles`,
   * `mapUsers` or `mapAccounts` text.
   */
  readonly configMap: string;

  /**
   * Unmappable items you have dealt with (granted differently, or no longer needed). Every item
   * the plan cannot carry over must be listed here, or the synth fails.
   * @default - none
   */
  readonly acknowledged?: AwsAuthMigrationDecision[];

  /**
   * Mappings not to migrate although they could be, e.g. the node role of a managed node group
   * or a Fargate profile's pod execution role (EKS creates their access entries itself, so a
   * second entry would fail the deploy), or a principal you grant access to in another way.
   * @default - none
   */
  readonly exclude?: AwsAuthMigrationDecision[];
}

/**
 * Moves an `aws-auth` ConfigMap to access entries: `system:masters` becomes
 * AmazonEKSClusterAdminPolicy, node roles `EC2_LINUX`/`EC2_WINDOWS`, Fargate pod execution roles
 * `FARGATE_LINUX`, other groups `kubernetesGroups`, valid usernames are kept. Nothing is dropped
 * silently: the synth fails listing every mapping that cannot be carried over and is not
 * acknowledged. Use `AwsAuthMigration.plan(...)` (or the CLI `migrate-aws-auth`) to see the plan.
 *
 * Keep the ConfigMap until the entries are deployed and checked with the cluster in
 * `API_AND_CONFIG_MAP`, then switch to `API`.
 *
 * @example
 * new AwsAuthMigration(this, 'AwsAuth', {
 *   cluster,
 *   configMap: fs.readFileSync('aws-auth.yaml', 'utf8'),
 *   acknowledged: [{ item: '111122223333', reason: 'mapAccounts: the CI role has its own entry' }],
 * });
 */
export class AwsAuthMigration extends Construct {
  /**
   * What the ConfigMap becomes as access entries, without creating anything.
   * @param configMap the ConfigMap (YAML or JSON), its `data`, or its `mapRoles`/`mapUsers`/`mapAccounts` text
   */
  public static plan(configMap: string, options: AwsAuthMigrationPlanOptions = {}): AwsAuthMigrationPlan {
    return planAwsAuthMigration(configMap, options);
  }

  /** The plan that was applied (before `exclude`). */
  public readonly migrationPlan: AwsAuthMigrationPlan;
  /** The access entries created. */
  public readonly accessEntries: ClusterAccess[];

  constructor(scope: Construct, id: string, props: AwsAuthMigrationProps) {
    super(scope, id);
    if (props.cluster.authenticationMode === AuthenticationMode.CONFIG_MAP) {
      throwIdentityError(this, `cluster ${props.cluster.node.path} uses authenticationMode CONFIG_MAP, which has no access entries`,
        'switch the cluster to API_AND_CONFIG_MAP first (one-way), deploy the entries, check access, then switch to API');
    }
    try {
      this.migrationPlan = planAwsAuthMigration(props.configMap, { currentAuthenticationMode: props.cluster.authenticationMode });
    } catch (e) {
      throwIdentityError(this, `the aws-auth ConfigMap cannot be read: ${(e as Error).message}`,
        'pass the output of kubectl get configmap aws-auth -n kube-system -o yaml (or its mapRoles/mapUsers/mapAccounts text)');
    }

    const acknowledged = this.decisions('acknowledged', props.acknowledged ?? []);
    const excluded = this.decisions('exclude', props.exclude ?? []);
    const matches = (decision: string, finding: { source: string; item: string }) =>
      decision === finding.source || sameItem(decision, finding.item);

    const open = this.migrationPlan.unmappable.filter((f) => !acknowledged.some((a) => matches(a.item, f)));
    if (open.length > 0) {
      throwIdentityError(this, `${open.length} aws-auth mapping(s) cannot be migrated to access entries:\n${open.map((f) => `  - ${describe(f)}`).join('\n')}\n`,
        'grant that access another way (an access entry, a Kubernetes group with RBAC), then list each item in acknowledged with the reason');
    }
    const excludes = (x: AwsAuthMigrationDecision, entry: AwsAuthMigrationEntry) =>
      x.item === entry.source || sameItem(withoutRolePath(x.item), entry.principalArn);
    const stale = [
      ...acknowledged.filter((a) => !this.migrationPlan.unmappable.some((f) => matches(a.item, f))).map((a) => `acknowledged '${a.item}' matches no unmappable item`),
      ...excluded.filter((x) => !this.migrationPlan.entries.some((e) => excludes(x, e))).map((x) => `exclude '${x.item}' matches no mapping that would be migrated`),
    ];
    if (stale.length > 0) {
      throwIdentityError(this, stale.join('; '), 'remove the stale decisions, or name the item as the plan does (its ARN as written, the account ID, or its place such as mapRoles[2])');
    }

    const usedIds = new Set<string>();
    this.accessEntries = this.migrationPlan.entries
      .filter((entry) => !excluded.some((x) => excludes(x, entry)))
      .map((entry) => new ClusterAccess(this, awsAuthEntryId(entry, usedIds), {
        cluster: props.cluster,
        principalArn: entry.principalArn,
        type: entry.type,
        kubernetesGroups: entry.kubernetesGroups.length > 0 ? entry.kubernetesGroups : undefined,
        username: entry.username,
        accessPolicies: entry.accessPolicies,
      }));

    if (props.cluster.authenticationMode === AuthenticationMode.API_AND_CONFIG_MAP) {
      Annotations.of(this).addInfo('The aws-auth mappings are now access entries. Check access with the cluster in API_AND_CONFIG_MAP, then switch it to API (one-way) and delete the aws-auth ConfigMap.');
    }
  }

  private decisions(prop: string, decisions: AwsAuthMigrationDecision[]): AwsAuthMigrationDecision[] {
    for (const decision of decisions) {
      if (decision.reason.trim().length === 0) {
        throwIdentityError(this, `${prop} item '${decision.item}' has no reason`, 'say why, e.g. \'EKS created the entry for the managed node group\'');
      }
    }
    return decisions;
  }
}

function sameItem(a: string, b: string): boolean {
  return principalKey(a) === principalKey(b);
}

function describe(finding: AwsAuthMigrationFinding): string {
  return `${finding.source} ${finding.item}: ${finding.reason}`;
}
