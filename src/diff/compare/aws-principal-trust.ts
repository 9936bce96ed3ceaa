import { flagsWhen, makeChange, without } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from '../diff-types';
import { RolePair } from '../role-pairs';
import { rolePlace } from './role-place';

/*
 * AWS principals an identity role's trust lets assume it (a cross-account target role trusts the
 * association role's account; a brought role may trust more). Compared by principal and
 * conditions; any new one is new ground.
 */

/** The change of an identity role's AWS principal trust, if any. */
export function awsPrincipalTrustChange(pair: RolePair): IdentityChange | undefined {
  if (!(pair.before?.identity || pair.after?.identity)) return undefined;
  const before = pair.before?.awsPrincipals ?? new Map();
  const after = pair.after?.awsPrincipals ?? new Map();
  const added = without([...after.keys()], [...before.keys()]).map((k) => after.get(k)!);
  const removed = without([...before.keys()], [...after.keys()]).map((k) => before.get(k)!);
  if (added.length === 0 && removed.length === 0) return undefined;
  const roleExisted = pair.before !== undefined && pair.after !== undefined;
  const place = rolePlace(pair);
  const kind = before.size === 0 ? IdentityChangeKind.ADDED : after.size === 0 ? IdentityChangeKind.REMOVED : IdentityChangeKind.CHANGED;
  return makeChange({
    area: IdentityChangeArea.AWS_PRINCIPAL_TRUST,
    kind,
    flags: flagsWhen([
      [IdentityChangeFlag.BROADENED_TRUST, roleExisted && added.length > 0],
      [IdentityChangeFlag.NEW_WILDCARD, added.some((a) => a.wildcard)],
    ]),
    ...place,
    summary: added.length > 0 ? `${place.subject} ${roleExisted ? 'now also trusts' : 'trusts'} AWS principals` : `${place.subject} trusts fewer AWS principals`,
    details: [...added.map((a) => `+ ${a.description}`), ...removed.map((b) => `- ${b.description}`)],
  });
}
