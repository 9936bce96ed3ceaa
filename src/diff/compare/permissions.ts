import { flagsWhen, makeChange, without } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from '../diff-types';
import { RolePair } from '../role-pairs';
import { StatementTrust } from '../role-snapshot';
import { rolePlace } from './role-place';

/*
 * What an identity role may do: statements (compared in canonical form) and managed policies.
 * A new Allow statement or managed policy, or a Deny that went away, widens a role that existed.
 */

/** The change of an identity role's permissions, if any. */
export function permissionsChange(pair: RolePair): IdentityChange | undefined {
  if (!(pair.before?.identity || pair.after?.identity)) return undefined;
  const before = pair.before?.statements ?? new Map<string, StatementTrust>();
  const after = pair.after?.statements ?? new Map<string, StatementTrust>();
  const added = without([...after.keys()], [...before.keys()]).map((k) => after.get(k)!);
  const removed = without([...before.keys()], [...after.keys()]).map((k) => before.get(k)!);
  const addedPolicies = without([...pair.after?.managedPolicies ?? []], [...pair.before?.managedPolicies ?? []]);
  const removedPolicies = without([...pair.before?.managedPolicies ?? []], [...pair.after?.managedPolicies ?? []]);
  if (added.length + removed.length + addedPolicies.length + removedPolicies.length === 0) return undefined;
  const roleExisted = pair.before !== undefined && pair.after !== undefined;
  const place = rolePlace(pair);
  const kind = !pair.before ? IdentityChangeKind.ADDED : !pair.after ? IdentityChangeKind.REMOVED : IdentityChangeKind.CHANGED;
  const widens = roleExisted && (added.some((s) => s.effect === 'Allow') || removed.some((s) => s.effect === 'Deny') || addedPolicies.length > 0);
  const adds = added.length + addedPolicies.length > 0;
  const removes = removed.length + removedPolicies.length > 0;
  // Only additions: added; only removals of what allowed: reduced; anything else (statements
  // replaced, a Deny removed): changed (the label says whether it widened).
  const how = adds && !removes ? 'added' : removes && !adds && !widens ? 'reduced' : 'changed';
  const summary = kind === IdentityChangeKind.ADDED ? `permissions of new ${place.subject}`
    : kind === IdentityChangeKind.REMOVED ? `${place.subject} removed, with its permissions`
      : `permissions of ${place.subject} ${how}`;
  return makeChange({
    area: IdentityChangeArea.PERMISSIONS,
    kind,
    flags: flagsWhen([[IdentityChangeFlag.NEW_WILDCARD, added.some((s) => s.wildcard)]]),
    widens,
    ...place,
    summary,
    details: [
      ...added.map((s) => `+ ${s.summary}`),
      ...addedPolicies.map((p) => `+ managed policy ${p}`),
      ...removed.map((s) => `- ${s.summary}`),
      ...removedPolicies.map((p) => `- managed policy ${p}`),
    ],
  });
}
