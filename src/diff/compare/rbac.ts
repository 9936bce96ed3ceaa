import { flagsWhen, makeChange, pairByKey, without } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from '../diff-types';
import { RbacObjectSnapshot } from '../rbac-snapshot';

/*
 * Kubernetes RBAC objects, matched by cluster, kind, namespace and name: the rules of Roles and
 * ClusterRoles, what RoleBindings and ClusterRoleBindings bind and to which subjects. A rule or
 * subject added widens an object that existed; `*` verbs or resources are wildcards; a
 * ClusterRoleBinding to `cluster-admin` (or a ClusterRole allowing everything) makes its subjects
 * cluster admins.
 */

function describe(o: RbacObjectSnapshot): string[] {
  return o.roleRef !== undefined
    ? [`binds ${o.roleRef}`, ...o.subjects.map((s) => `to ${s}`)]
    : o.rules.map((r) => `rule: ${r}`);
}

function place(o: RbacObjectSnapshot) {
  return { subject: o.label, cluster: o.clusterLabel };
}

function objectChange(before: RbacObjectSnapshot | undefined, after: RbacObjectSnapshot | undefined): IdentityChange | undefined {
  if (!before || !after) {
    const o = (after ?? before)!;
    const admin = after !== undefined && after.grantsClusterAdmin && after.subjects.length > 0;
    return makeChange({
      area: IdentityChangeArea.RBAC,
      kind: after ? IdentityChangeKind.ADDED : IdentityChangeKind.REMOVED,
      flags: flagsWhen([
        [IdentityChangeFlag.NEW_WILDCARD, after !== undefined && after.wildcardRules.length > 0],
        [IdentityChangeFlag.NEW_CLUSTER_ADMIN, admin],
      ]),
      ...place(o),
      summary: after ? (admin ? `${o.label} makes ${o.subjects.join(', ')} cluster admins of ${o.clusterLabel}` : `${o.label} added to ${o.clusterLabel}`)
        : `${o.label} removed from ${o.clusterLabel}`,
      details: describe(o).map((d) => `${after ? '+' : '-'} ${d}`),
    });
  }
  const addedRules = without(after.rules, before.rules);
  const removedRules = without(before.rules, after.rules);
  const addedSubjects = without(after.subjects, before.subjects);
  const removedSubjects = without(before.subjects, after.subjects);
  const refChanged = before.roleRef !== after.roleRef;
  if (addedRules.length + removedRules.length + addedSubjects.length + removedSubjects.length === 0 && !refChanged) return undefined;
  const newAdmin = after.grantsClusterAdmin && (!before.grantsClusterAdmin ? after.subjects.length > 0 : addedSubjects.length > 0);
  return makeChange({
    area: IdentityChangeArea.RBAC,
    kind: IdentityChangeKind.CHANGED,
    flags: flagsWhen([
      [IdentityChangeFlag.NEW_WILDCARD, without(after.wildcardRules, before.wildcardRules).length > 0],
      [IdentityChangeFlag.NEW_CLUSTER_ADMIN, newAdmin],
    ]),
    widens: addedRules.length > 0 || addedSubjects.length > 0 || refChanged,
    ...place(after),
    summary: newAdmin ? `${after.label} makes ${(before.grantsClusterAdmin ? addedSubjects : after.subjects).join(', ')} cluster admins of ${after.clusterLabel}`
      : `${after.label} in ${after.clusterLabel} ${addedRules.length > 0 || addedSubjects.length > 0 ? 'widened' : 'changed'}`,
    details: [
      ...(refChanged ? [`binds ${before.roleRef} → ${after.roleRef}`] : []),
      ...addedRules.map((r) => `+ rule: ${r}`),
      ...removedRules.map((r) => `- rule: ${r}`),
      ...addedSubjects.map((s) => `+ to ${s}`),
      ...removedSubjects.map((s) => `- to ${s}`),
    ],
  });
}

/** The RBAC changes between two assemblies. */
export function rbacChanges(before: Map<string, RbacObjectSnapshot>, after: Map<string, RbacObjectSnapshot>): IdentityChange[] {
  return pairByKey(before, after).flatMap((p) => objectChange(p.before, p.after) ?? []);
}
