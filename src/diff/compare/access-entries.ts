import { AccessScopeType, CLUSTER_ADMIN_POLICY_NAME } from '../../core/access-policy';
import { SYSTEM_MASTERS_GROUP } from '../../core/kubernetes-vocabulary';
import { flagsWhen, makeChange, pairByKey, without } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from '../diff-types';
import { AccessEntrySnapshot, AccessPolicySnapshot, IdentitySnapshot } from '../identity-snapshot';
import { RbacObjectSnapshot } from '../rbac-snapshot';

/*
 * EKS access entries, matched by cluster and principal: type, username, Kubernetes groups, and
 * access policies with their scopes. A policy or group added, or a scope widened (namespace to
 * cluster, more namespaces), widens an entry that existed. An entry makes a cluster admin with
 * `AmazonEKSClusterAdminPolicy` (at any scope: EKS documents it as typically cluster-wide), with
 * `system:masters`, or with a Kubernetes group that a ClusterRoleBinding of the same cluster
 * binds to `cluster-admin` (or to a ClusterRole that allows everything; see `rbac-snapshot`). A
 * RoleBinding to `cluster-admin` grants a namespace only, so it does not count. A group that comes
 * to be bound so makes every entry holding it a new cluster admin, though the entry is unchanged.
 * Access policies: https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html.
 */

/** Per cluster id, the groups bound to a cluster admin role, each with how (`ClusterRole cluster-admin by ClusterRoleBinding x`). */
type AdminGroups = Map<string, Map<string, string[]>>;

/** The groups the ClusterRoleBindings of an assembly make cluster admins, per cluster. */
function adminGroupsOf(rbac: Map<string, RbacObjectSnapshot>): AdminGroups {
  const byCluster: AdminGroups = new Map();
  for (const binding of rbac.values()) {
    if (!binding.grantsClusterAdmin) continue;
    const groups = byCluster.get(binding.clusterId) ?? new Map<string, string[]>();
    byCluster.set(binding.clusterId, groups);
    for (const group of binding.groups) groups.set(group, [...groups.get(group) ?? [], `${binding.roleRef} by ${binding.label}`].sort());
  }
  return byCluster;
}

/** How a group of an entry is bound to a cluster admin role, if it is. */
function adminBinding(e: AccessEntrySnapshot, group: string, admins: AdminGroups): string | undefined {
  const how = admins.get(e.clusterId)?.get(group);
  return how === undefined ? undefined : how.join(', ');
}

function isClusterAdmin(e: AccessEntrySnapshot | undefined, admins: AdminGroups): boolean {
  return e !== undefined && (e.policies.has(CLUSTER_ADMIN_POLICY_NAME) || e.groups.includes(SYSTEM_MASTERS_GROUP)
    || e.groups.some((g) => adminBinding(e, g, admins) !== undefined));
}

function scopeText(p: AccessPolicySnapshot): string {
  return p.scope === AccessScopeType.NAMESPACE ? `namespaces ${p.namespaces.join(', ')}` : 'cluster';
}

function policyText(p: AccessPolicySnapshot): string {
  return `${p.name} (${scopeText(p)})`;
}

/** A Kubernetes group of an entry, with the binding that makes it cluster admin. */
function groupText(e: AccessEntrySnapshot, group: string, admins: AdminGroups): string {
  const how = adminBinding(e, group, admins);
  return `Kubernetes group ${group}${how === undefined ? '' : ` (cluster admin: bound to ${how})`}`;
}

function describe(e: AccessEntrySnapshot, admins: AdminGroups): string[] {
  return [
    `type ${e.type}`,
    ...[...e.policies.values()].map((p) => `access policy ${policyText(p)}`),
    ...e.groups.map((g) => groupText(e, g, admins)),
    ...(e.username !== undefined ? [`username ${e.username}`] : []),
  ];
}

function place(e: AccessEntrySnapshot) {
  return { subject: `access entry of ${e.principalLabel}`, cluster: e.clusterLabel, stackName: e.stackName, logicalId: e.logicalId };
}

/** Whether an after scope lets the policy apply where the before scope did not. */
function scopeWidened(b: AccessPolicySnapshot, a: AccessPolicySnapshot): boolean {
  if (a.scope === AccessScopeType.CLUSTER) return b.scope !== AccessScopeType.CLUSTER;
  return b.scope === AccessScopeType.NAMESPACE && without(a.namespaces, b.namespaces).length > 0;
}

/** What the groups each assembly binds to cluster admin roles. */
interface Admins {
  readonly before: AdminGroups;
  readonly after: AdminGroups;
}

function entryChange(before: AccessEntrySnapshot | undefined, after: AccessEntrySnapshot | undefined, admins: Admins): IdentityChange | undefined {
  const newAdmin = isClusterAdmin(after, admins.after) && !isClusterAdmin(before, admins.before);
  if (!before || !after) {
    const e = (after ?? before)!;
    return makeChange({
      area: IdentityChangeArea.ACCESS_ENTRY,
      kind: after ? IdentityChangeKind.ADDED : IdentityChangeKind.REMOVED,
      flags: flagsWhen([[IdentityChangeFlag.NEW_CLUSTER_ADMIN, newAdmin]]),
      ...place(e),
      summary: after ? `${e.principalLabel} ${newAdmin ? 'becomes cluster admin of' : 'gets access to'} ${e.clusterLabel}` : `${e.principalLabel} loses its access entry to ${e.clusterLabel}`,
      details: describe(e, after ? admins.after : admins.before).map((d) => `${after ? '+' : '-'} ${d}`),
    });
  }
  const details: string[] = [];
  let widens = false;
  for (const [name, a] of after.policies) {
    const b = before.policies.get(name);
    if (!b) {
      details.push(`+ access policy ${policyText(a)}`);
      widens = true;
    } else if (scopeText(a) !== scopeText(b)) {
      details.push(`${name}: ${scopeText(b)} → ${scopeText(a)}`);
      widens = widens || scopeWidened(b, a);
    }
  }
  for (const [name, b] of before.policies) if (!after.policies.has(name)) details.push(`- access policy ${policyText(b)}`);
  const addedGroups = without(after.groups, before.groups);
  addedGroups.forEach((g) => details.push(`+ ${groupText(after, g, admins.after)}`));
  without(before.groups, after.groups).forEach((g) => details.push(`- ${groupText(before, g, admins.before)}`));
  // Groups the entry keeps whose binding to a cluster admin role came or went.
  let boundNow = false;
  for (const g of after.groups.filter((x) => before.groups.includes(x))) {
    const was = adminBinding(before, g, admins.before);
    const is = adminBinding(after, g, admins.after);
    if (was === undefined && is !== undefined) {
      details.push(`Kubernetes group ${g}: now bound to ${is}`);
      boundNow = true;
    } else if (was !== undefined && is === undefined) {
      details.push(`Kubernetes group ${g}: no longer bound to ${was}`);
    }
  }
  if (before.type !== after.type) details.push(`type: ${before.type} → ${after.type}`);
  if (before.username !== after.username) details.push(`username: ${before.username ?? '(derived from the principal)'} → ${after.username ?? '(derived from the principal)'}`);
  if (details.length === 0) return undefined;
  widens = widens || addedGroups.length > 0 || boundNow;
  return makeChange({
    area: IdentityChangeArea.ACCESS_ENTRY,
    kind: IdentityChangeKind.CHANGED,
    flags: flagsWhen([[IdentityChangeFlag.NEW_CLUSTER_ADMIN, newAdmin]]),
    widens,
    ...place(after),
    summary: newAdmin ? `${after.principalLabel} becomes cluster admin of ${after.clusterLabel}`
      : `access of ${after.principalLabel} to ${after.clusterLabel} ${widens ? 'widened' : 'changed'}`,
    details,
  });
}

/** The access entry changes between two assemblies (whose RBAC objects say which groups are cluster admins). */
export function accessEntryChanges(before: IdentitySnapshot, after: IdentitySnapshot): IdentityChange[] {
  const admins = { before: adminGroupsOf(before.rbac), after: adminGroupsOf(after.rbac) };
  return pairByKey(before.accessEntries, after.accessEntries).flatMap((p) => entryChange(p.before, p.after, admins) ?? []);
}
