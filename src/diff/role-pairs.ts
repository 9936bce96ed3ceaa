import { RoleSnapshot } from './role-snapshot';

/** A role of the assembly before and/or after. */
export interface RolePair {
  readonly before?: RoleSnapshot;
  readonly after?: RoleSnapshot;
}

/**
 * The roles of two assemblies matched: by `<stack>/<logicalId>`, then the rest by literal role
 * name (a role whose construct moved keeps its name), each role at most once.
 */
export function pairRoles(before: Map<string, RoleSnapshot>, after: Map<string, RoleSnapshot>): RolePair[] {
  const pairs: RolePair[] = [];
  const unmatchedAfter = new Map(after);
  const unmatchedBefore: RoleSnapshot[] = [];
  for (const [key, b] of before) {
    const a = unmatchedAfter.get(key);
    if (a) {
      pairs.push({ before: b, after: a });
      unmatchedAfter.delete(key);
    } else {
      unmatchedBefore.push(b);
    }
  }
  const afterByName = new Map<string, RoleSnapshot>();
  for (const a of unmatchedAfter.values()) if (a.roleName !== undefined && !afterByName.has(a.roleName)) afterByName.set(a.roleName, a);
  for (const b of unmatchedBefore) {
    const a = b.roleName === undefined ? undefined : afterByName.get(b.roleName);
    if (a) {
      pairs.push({ before: b, after: a });
      afterByName.delete(b.roleName!);
      unmatchedAfter.delete(a.key);
    } else {
      pairs.push({ before: b });
    }
  }
  for (const a of unmatchedAfter.values()) pairs.push({ after: a });
  return pairs;
}
