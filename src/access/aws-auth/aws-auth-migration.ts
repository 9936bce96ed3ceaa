import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AwsAuthMigrationEntry, AwsAuthMigrationFinding, AwsAuthMigrationPlan, AwsAuthMigrationPlanOptions } from './aws-auth-plan';
import { awsAuthEntryId, FOREIGN_NODE_ROLE, IDENTITY_CENTER_DECISION, planAwsAuthMigration, planOptionsProblem } from './private/aws-auth-planner';
import { clusterNodeRoles } from './private/cluster-node-roles';
import type { IIdentityCluster } from '../../cluster/i-identity-cluster';
import { parseArn, principalKey, withoutRolePath } from '../../core/arn';
import { AuthenticationMode } from '../../core/authentication-mode';
import { configMapSizeProblem } from '../../core/config-map-size';
import { identityErrorMessage, throwIdentityError, throwIfProblem } from '../../core/errors';
import { literalClusterArn } from '../../private/cluster-literals';
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
   * Mappings not to migrate although they could be, e.g. a principal you grant access to in
   * another way.
   * @default - none
   */
  readonly exclude?: AwsAuthMigrationDecision[];

  /**
   * The real ARNs of mapped roles that have a path, e.g. IAM Identity Center roles
   * (`arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_<set>_<suffix>`).
   * aws-auth ARNs carry no path, but an access entry needs the role's real ARN; a mapping's role
   * is matched by account and name. An `AWSReservedSSO_*` role mapped without its path and not
   * listed here must be acknowledged (it is then left out).
   * @default - none: roles get the ARN the mapping writes
   */
  readonly roleArns?: string[];

  /**
   * Roles of managed node groups and Fargate profiles this app does not make (e.g. made with
   * eksctl or the console). EKS creates their access entries itself (a second entry would fail
   * the deploy), so their mappings are left out with a note. Those of the cluster's `Nodegroup`s
   * and `FargateProfile`s in this app are found without this, and Fargate pod execution role
   * mappings (with `system:node-proxier`) are left out in any case.
   * @default - none besides those of this app; other node role mappings become `EC2_LINUX`,
   * `EC2_WINDOWS` or `HYBRID_LINUX` entries (self-managed and hybrid nodes)
   */
  readonly managedNodeRoleArns?: string[];
}

/**
 * Moves an `aws-auth` ConfigMap to access entries: `system:masters` becomes
 * AmazonEKSClusterAdminPolicy, node roles `EC2_LINUX`/`EC2_WINDOWS`, hybrid node roles (username
 * `system:node:{{SessionName}}`) `HYBRID_LINUX`, other groups `kubernetesGroups`, valid usernames
 * are kept. Roles get their real ARNs from `roleArns` (aws-auth ARNs carry no path). Managed node
 * groups and Fargate profiles are left out with a note (EKS makes their entries), and so is
 * `system:authenticated` (everyone has it). Nothing is dropped silently: the synth fails listing
 * every mapping that cannot be carried over and is not acknowledged (other `system:` groups,
 * `mapAccounts`, node roles of another account, IAM Identity Center roles without their path).
 * Use `AwsAuthMigration.plan(...)` (or the CLI `migrate-aws-auth`) to see the plan.
 *
 * Keep the ConfigMap until the entries are deployed and checked with the cluster in
 * `API_AND_CONFIG_MAP`, then switch to `API`.
 *
 * @example
 * new AwsAuthMigration(this, 'AwsAuth', {
 *   cluster,
 *   configMap: fs.readFileSync('aws-auth.yaml', 'utf8'),
 *   roleArns: ['arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef'],
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

  /** The plan that was applied (before `exclude`), with the node groups and Fargate profiles found in the app. */
  public readonly migrationPlan: AwsAuthMigrationPlan;
  /** The access entries created. */
  public readonly accessEntries: ClusterAccess[];

  constructor(scope: Construct, id: string, props: AwsAuthMigrationProps) {
    super(scope, id);
    if (props.cluster.authenticationMode === AuthenticationMode.CONFIG_MAP) {
      throwIdentityError(this, `cluster ${props.cluster.node.path} uses authenticationMode CONFIG_MAP, which has no access entries`,
        'switch the cluster to API_AND_CONFIG_MAP first (one-way), deploy the entries, check access, then switch to API');
    }
    throwIfProblem(this, configMapSizeProblem(props.configMap, 'configMap', { name: 'aws-auth', namespace: 'kube-system' }));
    const nodeRolesOfApp = clusterNodeRoles(props.cluster);
    // The managed node roles are known when the cluster is made in this app (its node groups are
    // here too) or when they are given; otherwise the plan says which node entries are assumed
    // self-managed.
    const nodeRolesKnown = props.managedNodeRoleArns !== undefined || nodeRolesOfApp.length > 0 || isMadeInThisApp(props.cluster);
    const managedNodeRoleArns = [...nodeRolesOfApp.map((r) => r.roleArn), ...(props.managedNodeRoleArns ?? [])];
    const planOptions: AwsAuthMigrationPlanOptions = {
      currentAuthenticationMode: props.cluster.authenticationMode,
      roleArns: props.roleArns,
      managedNodeRoleArns: nodeRolesKnown ? managedNodeRoleArns : undefined,
      clusterAccount: clusterAccountOf(props.cluster),
    };
    throwIfProblem(this, planOptionsProblem(planOptions));
    try {
      this.migrationPlan = planAwsAuthMigration(props.configMap, planOptions);
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
      // The fixes of the findings the props can resolve come first.
      const resolvable = [
        open.some((f) => f.reason.startsWith(IDENTITY_CENTER_DECISION)) ? 'give the real ARNs of the IAM Identity Center roles in roleArns (aws iam get-role shows them)' : undefined,
        open.some((f) => f.reason.startsWith(FOREIGN_NODE_ROLE)) ? 'give those nodes a node role of the cluster\'s account' : undefined,
      ].filter((x): x is string => x !== undefined);
      throwIdentityError(this, `${open.length} aws-auth mapping(s) cannot be migrated to access entries:\n${open.map((f) => `  - ${describe(f)}`).join('\n')}\n`,
        `${resolvable.map((x) => `${x}; `).join('')}grant that access another way (an access entry, a Kubernetes group with RBAC), then list each item in acknowledged with the reason`);
    }
    const excludes = (x: AwsAuthMigrationDecision, entry: AwsAuthMigrationEntry) =>
      x.item === entry.source || sameItem(withoutRolePath(x.item), withoutRolePath(entry.principalArn));
    const stale = [
      ...acknowledged.filter((a) => !this.migrationPlan.unmappable.some((f) => matches(a.item, f))).map((a) => `acknowledged '${a.item}' matches no unmappable item`),
      ...excluded.filter((x) => !this.migrationPlan.entries.some((e) => excludes(x, e))).map((x) => {
        const leftOut = this.migrationPlan.notes.find((n) => n.source === x.item || sameItem(withoutRolePath(x.item), withoutRolePath(n.item)));
        return leftOut
          ? `exclude '${x.item}' names ${leftOut.source}, which the plan leaves out already (${leftOut.reason})`
          : `exclude '${x.item}' matches no mapping that would be migrated`;
      }),
    ];
    if (stale.length > 0) {
      throwIdentityError(this, stale.join('; '), 'remove the stale decisions, or name the item as the plan does (its ARN as written, the account ID, or its place such as mapRoles[2])');
    }

    const created = this.migrationPlan.entries.filter((entry) => !excluded.some((x) => excludes(x, entry)));
    const usedIds = new Set<string>();
    this.accessEntries = created.map((entry) => new ClusterAccess(this, awsAuthEntryId(entry, usedIds), {
      cluster: props.cluster,
      principalArn: entry.principalArn,
      type: entry.type,
      kubernetesGroups: entry.kubernetesGroups.length > 0 ? entry.kubernetesGroups : undefined,
      username: entry.username,
      accessPolicies: entry.accessPolicies,
    }));

    // A node group or Fargate profile made after this construct may use a role whose mapping
    // became an entry here, which EKS makes too.
    this.node.addValidation({
      validate: () => {
        const later = clusterNodeRoles(props.cluster).filter((r) => !nodeRolesOfApp.some((known) => known.path === r.path));
        if (later.length === 0) return [];
        const withLater = [...managedNodeRoleArns, ...later.map((r) => r.roleArn)];
        const replanned = planAwsAuthMigration(props.configMap, { ...planOptions, managedNodeRoleArns: withLater });
        const doubled = created.filter((entry) => !replanned.entries.some((e) => e.source === entry.source));
        if (doubled.length === 0) return [];
        return [identityErrorMessage(this,
          `${doubled.map((e) => `${e.source} (${e.principalArn})`).join(', ')} became access entries, but ${later.map((r) => r.path).join(', ')}, `
            + 'made after this construct, use the role, and EKS creates the access entries of managed node groups and Fargate profiles itself',
          'create the AwsAuthMigration after the cluster\'s node groups and Fargate profiles')];
      },
    });

    if (props.cluster.authenticationMode === AuthenticationMode.API_AND_CONFIG_MAP) {
      Annotations.of(this).addInfo('The aws-auth mappings are now access entries. Check access with the cluster in API_AND_CONFIG_MAP, then switch it to API (one-way) and delete the aws-auth ConfigMap.');
    }
  }

  private decisions(prop: string, decisions: AwsAuthMigrationDecision[]): AwsAuthMigrationDecision[] {
    for (const decision of decisions) {
      if (decision.reason.trim().length === 0) {
        throwIdentityError(this, `${prop} item '${decision.item}' has no reason`, 'say why, e.g. \'the CI role has its own access entry\'');
      }
    }
    return decisions;
  }
}

/**
 * The cluster's account, which node entries must be in: the account of its stack (as
 * `ClusterAccess` checks), or of its literal ARN.
 */
function clusterAccountOf(cluster: IIdentityCluster): string | undefined {
  const account = Stack.of(cluster).account;
  if (!Token.isUnresolved(account)) return account;
  const arn = literalClusterArn(cluster);
  return arn !== undefined ? parseArn(arn)?.account : undefined;
}

/** Whether the cluster is an `AWS::EKS::Cluster` of this app (its name is a reference to it). */
function isMadeInThisApp(cluster: IIdentityCluster): boolean {
  const name = Stack.of(cluster).resolve(cluster.clusterName);
  return typeof name === 'object' && name !== null && 'Ref' in name;
}

function sameItem(a: string, b: string): boolean {
  return principalKey(a) === principalKey(b);
}

function describe(finding: AwsAuthMigrationFinding): string {
  return `${finding.source} ${finding.item}: ${finding.reason}`;
}
