import { RoleSnapshot } from './role-snapshot';
import { RoleModel } from '../checks/template-model';
import { isKnown } from '../core/deploy-time';
import { roleId } from '../report/permissions';

/** A role of the assembly before and/or after. */
export interface RolePair {
  readonly before?: RoleSnapshot;
  readonly after?: RoleSnapshot;
}

/**
 * How the diff knows each role of an assembly across assemblies, both in pairing roles and
 * wherever something refers to a role (an access entry's principal, an association's role or
 * target role): by its literal name, which a role keeps when its construct moves (another
 * construct id or stack), unless another role of the assembly has that name; else by
 * `<stack>/<logicalId>`.
 */
export function roleMatchKeys(roles: RoleModel[]): Map<RoleModel, string> {
  const named = new Map<string, number>();
  for (const role of roles) if (isKnown(role.roleName)) named.set(role.roleName, (named.get(role.roleName) ?? 0) + 1);
  return new Map(roles.map((role) => [role, isKnown(role.roleName) && named.get(role.roleName) === 1 ? `role ${role.roleName}` : roleId(role)]));
}

/**
 * The roles of two assemblies matched: by their match key (see `roleMatchKeys`), then the rest by
 * `<stack>/<logicalId>` (a role that got or lost a literal name), each role at most once.
 */
export function pairRoles(before: Map<string, RoleSnapshot>, after: Map<string, RoleSnapshot>): RolePair[] {
  const pairs: RolePair[] = [];
  const afterByMatch = new Map([...after.values()].map((a) => [a.matchKey, a]));
  const unmatchedBefore: RoleSnapshot[] = [];
  for (const b of before.values()) {
    const a = afterByMatch.get(b.matchKey);
    if (a) {
      pairs.push({ before: b, after: a });
      afterByMatch.delete(b.matchKey);
    } else {
      unmatchedBefore.push(b);
    }
  }
  const unmatchedAfter = new Map([...afterByMatch.values()].map((a) => [a.key, a]));
  for (const b of unmatchedBefore) {
    const a = unmatchedAfter.get(b.key);
    if (a) {
      pairs.push({ before: b, after: a });
      unmatchedAfter.delete(b.key);
    } else {
      pairs.push({ before: b });
    }
  }
  for (const a of unmatchedAfter.values()) pairs.push({ after: a });
  return pairs;
}
