import { wildcardMatch } from '../../core/template/policy-document';
import { PodIdentityScope } from '../../core/trust/trust-semantics';
import { flagsWhen, makeChange } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from '../diff-types';
import { RolePair } from '../role-pairs';
import { PodTrust } from '../role-snapshot';
import { rolePlace } from './role-place';

/*
 * EKS Pod Identity trust: the statements that let `pods.eks.amazonaws.com` assume a role, by the
 * session tags (cluster, namespace, service account) they pin. An after statement is new ground
 * unless a before statement pins no more tags, each to values that cover the after ones.
 */

function covers(b: PodTrust, a: PodTrust): boolean {
  if (a.anyPrincipal && !b.anyPrincipal) return false;
  return Object.entries(b.pins).every(([tag, patterns]) => {
    const values = a.pins[tag];
    return values !== undefined && values.every((v) => patterns.some((p) => wildcardMatch(p, v)));
  });
}

function isWildcard(t: PodTrust): boolean {
  return t.scope !== PodIdentityScope.SERVICE_ACCOUNT || t.anyPrincipal || Object.values(t.pins).some((values) => values.some((v) => /[*?]/.test(v)));
}

/** The change of a role's pod identity trust, if any. */
export function podIdentityTrustChange(pair: RolePair): IdentityChange | undefined {
  const bs = pair.before?.podIdentity ?? [];
  const as = pair.after?.podIdentity ?? [];
  const added = as.filter((a) => !bs.some((b) => b.description === a.description));
  const removed = bs.filter((b) => !as.some((a) => a.description === b.description));
  if (added.length === 0 && removed.length === 0) return undefined;
  const uncovered = added.filter((a) => !bs.some((b) => covers(b, a)));
  const roleExisted = pair.before !== undefined && pair.after !== undefined;
  const place = rolePlace(pair);
  const kind = bs.length === 0 ? IdentityChangeKind.ADDED : as.length === 0 ? IdentityChangeKind.REMOVED : IdentityChangeKind.CHANGED;
  const lostScope = uncovered.length > 0 && bs.length > 0;
  const summary = kind === IdentityChangeKind.REMOVED ? `${place.subject} no longer trusts EKS Pod Identity`
    : kind === IdentityChangeKind.ADDED ? `${place.subject} ${roleExisted ? 'now also' : 'is'} trusted by EKS Pod Identity`
      : `pod identity trust of ${place.subject} ${lostScope ? 'lost scope' : 'narrowed'}`;
  return makeChange({
    area: IdentityChangeArea.POD_IDENTITY_TRUST,
    kind,
    flags: flagsWhen([
      [IdentityChangeFlag.BROADENED_TRUST, roleExisted && uncovered.length > 0],
      [IdentityChangeFlag.NEW_WILDCARD, uncovered.some(isWildcard)],
    ]),
    ...place,
    summary,
    details: [...added.map((a) => `+ ${a.description}`), ...removed.map((b) => `- ${b.description}`)],
  });
}
