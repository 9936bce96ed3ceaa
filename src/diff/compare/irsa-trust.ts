import { wildcardMatch } from '../../core/template/policy-document';
import { TrustScope } from '../../core/trust/trust-scope';
import { KeyMatch, MatchKind } from '../../core/trust/trust-semantics';
import { flagsWhen, makeChange } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from '../diff-types';
import { RolePair } from '../role-pairs';
import { IrsaTrust, SubjectTrust } from '../role-snapshot';
import { rolePlace } from './role-place';

/*
 * IRSA: per role and cluster (or OIDC issuer), which subjects with which audience the trust lets
 * in. An after subject is new ground unless a before subject of the same target lets at least the
 * same service accounts in (an exact subject only itself, a pattern what it matches) with at
 * least the same audiences.
 */

const WILDCARD_SCOPES = [TrustScope.NAME_PATTERN, TrustScope.NAMESPACE_WILDCARD, TrustScope.ANY_NAMESPACE, TrustScope.ANY_SERVICE_ACCOUNT];

function subjectCovers(b: SubjectTrust, a: SubjectTrust): boolean {
  const before = b.grant;
  const after = a.grant;
  if (after.scope === TrustScope.NOT_TRUSTED) return true;
  if ([before.scope, after.scope].some((s) => s === TrustScope.NOT_TRUSTED || s === TrustScope.UNKNOWN)) {
    return before.scope === after.scope && before.subject === after.subject;
  }
  if (before.scope === TrustScope.EXACT_SUBJECT) return after.scope === TrustScope.EXACT_SUBJECT && after.subject === before.subject;
  return wildcardMatch(before.subject, after.subject);
}

function audienceCovers(b: KeyMatch, a: KeyMatch): boolean {
  if (b.kind === MatchKind.ANY) return true;
  if (a.kind === MatchKind.ANY) return false;
  if (a.kind === MatchKind.EXCEPT || b.kind === MatchKind.EXCEPT) {
    return a.kind === b.kind && b.values.every((v) => a.values.includes(v));
  }
  return a.values.every((v) => b.values.some((p) => b.kind === MatchKind.PATTERN ? wildcardMatch(p, v) : p === v));
}

function covered(before: SubjectTrust[], a: SubjectTrust): boolean {
  return before.some((b) => subjectCovers(b, a) && audienceCovers(b.audience, a.audience));
}

function line(s: SubjectTrust): string {
  return `${s.grant.subject === '*' ? 'any subject' : s.grant.subject} (${s.grant.scopeDescription})`;
}

function same(a: SubjectTrust, b: SubjectTrust): boolean {
  return line(a) === line(b);
}

function isWildcard(s: SubjectTrust): boolean {
  return WILDCARD_SCOPES.includes(s.grant.scope);
}

function targetChange(pair: RolePair, before: IrsaTrust | undefined, after: IrsaTrust | undefined): IdentityChange | undefined {
  const bs = before?.subjects ?? [];
  const as = after?.subjects ?? [];
  const added = as.filter((a) => !bs.some((b) => same(a, b)));
  const removed = bs.filter((b) => !as.some((a) => same(a, b)));
  if (added.length === 0 && removed.length === 0) return undefined;
  const uncovered = added.filter((a) => !covered(bs, a));
  const roleExisted = pair.before !== undefined && pair.after !== undefined;
  const target = (after ?? before)!;
  const place = rolePlace(pair);
  const details: string[] = [];
  const paired = new Set<SubjectTrust>();
  for (const a of added) {
    // The same subject with another audience condition: say how the audience changed.
    const b = removed.find((r) => !paired.has(r) && r.grant.subject === a.grant.subject && r.grant.scope === a.grant.scope);
    if (b) {
      paired.add(b);
      details.push(`${line(a).split(' (')[0]}: ${b.audienceText} → ${a.audienceText}`);
    } else {
      details.push(`+ ${line(a)}`);
    }
  }
  for (const b of removed) if (!paired.has(b)) details.push(`- ${line(b)}`);
  const kind = !before ? IdentityChangeKind.ADDED : !after ? IdentityChangeKind.REMOVED : IdentityChangeKind.CHANGED;
  const summary = kind === IdentityChangeKind.REMOVED
    ? `${place.subject} no longer trusts service accounts of ${target.targetLabel}`
    : kind === IdentityChangeKind.ADDED
      ? `${place.subject} ${roleExisted ? 'now also' : 'is'} trusted by service accounts of ${target.targetLabel} (IRSA)`
      : `IRSA trust of ${place.subject} on ${target.targetLabel} ${uncovered.length > 0 ? 'broadened' : 'narrowed'}`;
  return makeChange({
    area: IdentityChangeArea.IRSA_TRUST,
    kind,
    flags: flagsWhen([
      [IdentityChangeFlag.BROADENED_TRUST, roleExisted && uncovered.length > 0],
      [IdentityChangeFlag.NEW_WILDCARD, uncovered.some(isWildcard)],
    ]),
    ...place,
    cluster: target.targetLabel,
    summary,
    details,
  });
}

/** The IRSA trust changes of a role, one per cluster (or OIDC issuer). */
export function irsaTrustChanges(pair: RolePair): IdentityChange[] {
  const targets = new Set([...pair.before?.irsa.keys() ?? [], ...pair.after?.irsa.keys() ?? []]);
  return [...targets].flatMap((t) => targetChange(pair, pair.before?.irsa.get(t), pair.after?.irsa.get(t)) ?? []);
}
