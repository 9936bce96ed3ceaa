import { AccessScopeType, CLUSTER_ADMIN_POLICY_NAME } from '../../core/access-policy';
import { SYSTEM_MASTERS_GROUP } from '../../core/kubernetes-vocabulary';
import { flagsWhen, makeChange, pairByKey, without } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from '../diff-types';
import { AccessEntrySnapshot, AccessPolicySnapshot } from '../identity-snapshot';

/*
 * EKS access entries, matched by cluster and principal: type, username, Kubernetes groups, and
 * access policies with their scopes. A policy or group added, or a scope widened (namespace to
 * cluster, more namespaces), widens an entry that existed; `AmazonEKSClusterAdminPolicy` (at any
 * scope: EKS documents it as typically cluster-wide) and `system:masters` make a cluster admin.
 * Access policies: https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html.
 */


function isClusterAdmin(e: AccessEntrySnapshot | undefined): boolean {
  return e !== undefined && (e.policies.has(CLUSTER_ADMIN_POLICY_NAME) || e.groups.includes(SYSTEM_MASTERS_GROUP));
}

function scopeText(p: AccessPolicySnapshot): string {
  return p.scope === AccessScopeType.NAMESPACE ? `namespaces ${p.namespaces.join(', ')}` : 'cluster';
}

function policyText(p: AccessPolicySnapshot): string {
  return `${p.name} (${scopeText(p)})`;
}

function describe(e: AccessEntrySnapshot): string[] {
  return [
    `type ${e.type}`,
    ...[...e.policies.values()].map((p) => `access policy ${policyText(p)}`),
    ...e.groups.map((g) => `Kubernetes group ${g}`),
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

function entryChange(before: AccessEntrySnapshot | undefined, after: AccessEntrySnapshot | undefined): IdentityChange | undefined {
  const newAdmin = isClusterAdmin(after) && !isClusterAdmin(before);
  if (!before || !after) {
    const e = (after ?? before)!;
    return makeChange({
      area: IdentityChangeArea.ACCESS_ENTRY,
      kind: after ? IdentityChangeKind.ADDED : IdentityChangeKind.REMOVED,
      flags: flagsWhen([[IdentityChangeFlag.NEW_CLUSTER_ADMIN, newAdmin]]),
      ...place(e),
      summary: after ? `${e.principalLabel} ${newAdmin ? 'becomes cluster admin of' : 'gets access to'} ${e.clusterLabel}` : `${e.principalLabel} loses its access entry to ${e.clusterLabel}`,
      details: describe(e).map((d) => `${after ? '+' : '-'} ${d}`),
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
  addedGroups.forEach((g) => details.push(`+ Kubernetes group ${g}`));
  without(before.groups, after.groups).forEach((g) => details.push(`- Kubernetes group ${g}`));
  if (before.type !== after.type) details.push(`type: ${before.type} → ${after.type}`);
  if (before.username !== after.username) details.push(`username: ${before.username ?? '(derived from the principal)'} → ${after.username ?? '(derived from the principal)'}`);
  if (details.length === 0) return undefined;
  widens = widens || addedGroups.length > 0;
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

/** The access entry changes between two assemblies. */
export function accessEntryChanges(before: Map<string, AccessEntrySnapshot>, after: Map<string, AccessEntrySnapshot>): IdentityChange[] {
  return pairByKey(before, after).flatMap((p) => entryChange(p.before, p.after) ?? []);
}
