import { parseOperator } from './condition-evaluation';
import { TrustScope } from './trust-scope';
import { IrsaGrant, keyAllows, KeyMatch, MatchKind, pinsKey } from './trust-semantics';
import { IRSA_AUDIENCE, parseServiceAccountSubject } from '../irsa';

/*
 * How widely an IRSA grant lets service accounts in: the one classifier of `:sub` values (exact,
 * name pattern, namespace wildcard, pattern across namespaces, any service account, none; as
 * `TrustScope`s) and of
 * the `:aud` condition, over the grants the trust semantics reads. The rule pack (EKSID-IRSA-003
 * and -004), the identity report, the identity diff and `IdentityAssertions` all ask it, so they
 * cannot disagree on how tightly a trust is scoped.
 *
 * A `:sub` or `:aud` condition restricts only when it fails for a token without the claim
 * (`pinsKey`: `...IfExists`, `ForAllValues:` and negated operators alone do not), as the rules
 * EKSID-IRSA-001 and -002 judge it.
 */

/** What one `:sub` value lets in. */
export interface SubjectValueScope {
  /** The value as written; `*` when the scope comes from the lack of a `:sub` condition. */
  readonly subject: string;
  /** The namespace (or its pattern); `*` when any; empty when the value is not a subject. */
  readonly namespace: string;
  /** The service account name (or its pattern); `*` when any; the value itself when it is not a subject. */
  readonly serviceAccount: string;
  /** How many service accounts it lets in: an IRSA scope, `NOT_TRUSTED` for a value that is no subject, `UNKNOWN` for conditions only known at deploy time. */
  readonly scope: TrustScope;
  /** The scope in words, e.g. `exact subject`, `name pattern (batch/job-*)`. */
  readonly description: string;
}

/** One value of a positive `:sub` condition of a grant, classified. */
export interface SubjectPattern extends SubjectValueScope {
  /** The operator of the condition that lists the value, e.g. `StringLike`. */
  readonly operator: string;
  /** Whether the operator treats `*` and `?` as wildcards (`StringLike`-like). */
  readonly wildcardOperator: boolean;
}

const WILDCARD = /[*?]/;
const ONLY_STARS = /^\*+$/;

/**
 * What one `:sub` value lets in.
 *
 * @param value the condition value
 * @param wildcardOperator whether the condition's operator treats `*` and `?` as wildcards
 */
export function subjectValueScope(value: string, wildcardOperator: boolean): SubjectValueScope {
  const parts = parseServiceAccountSubject(value);
  const result = (scope: TrustScope, description: string, namespace = parts?.namespace ?? '*', serviceAccount = parts?.name ?? '*') =>
    ({ subject: value, namespace, serviceAccount, scope, description });
  if (!wildcardOperator || !WILDCARD.test(value)) {
    return parts ? result(TrustScope.EXACT_SUBJECT, 'exact subject')
      : result(TrustScope.NOT_TRUSTED, `subject ${value} is not system:serviceaccount:<namespace>:<name>, so it matches no service account`, '', value);
  }
  if (!parts || (ONLY_STARS.test(parts.namespace) && ONLY_STARS.test(parts.name))) {
    return result(TrustScope.ANY_SERVICE_ACCOUNT, `unscoped: any service account (${value})`);
  }
  if (WILDCARD.test(parts.namespace)) return result(TrustScope.ANY_NAMESPACE, `wildcard across namespaces (${value})`);
  if (ONLY_STARS.test(parts.name)) return result(TrustScope.NAMESPACE_WILDCARD, `namespace wildcard (any service account in ${parts.namespace})`);
  return result(TrustScope.NAME_PATTERN, `name pattern (${parts.namespace}/${parts.name})`);
}

/** Every value of the positive `:sub` conditions of a grant (`StringEquals`, `StringLike`, ... not negated), classified. */
export function irsaSubjectPatterns(grant: IrsaGrant): SubjectPattern[] {
  return grant.subject.conditions.flatMap((condition) => {
    const operator = parseOperator(condition.operator);
    if (operator.negated || !operator.comparesText) return [];
    return condition.values.map((value) => ({
      ...subjectValueScope(value, operator.like),
      operator: condition.operator,
      wildcardOperator: operator.like,
    }));
  });
}

/** How an IRSA grant conditions the token audience. */
export interface AudienceScope {
  /** Whether tokens with audience `sts.amazonaws.com` (the tokens EKS projects) get through; true when it cannot be told at synth. */
  readonly allowsStsAudience: boolean;
  /** Whether a condition requires the audience to be one of its values (`pinsKey`). */
  readonly pinned: boolean;
  /** Whether the audience is pinned to exactly `sts.amazonaws.com`. */
  readonly onlySts: boolean;
  /** The audience condition in words, e.g. `audience sts.amazonaws.com`, `no audience condition`. */
  readonly description: string;
}

/** How an IRSA grant's `:aud` conditions (the grant's `audience`) let tokens in. */
export function irsaAudienceScope(audience: KeyMatch): AudienceScope {
  const allowsStsAudience = keyAllows(audience, IRSA_AUDIENCE) !== false;
  const pinned = pinsKey(audience);
  const scope = (description: string, onlySts = false): AudienceScope => ({ allowsStsAudience, pinned, onlySts, description });
  if (audience.kind === MatchKind.ANY) return scope('no audience condition');
  if (audience.kind === MatchKind.EXCEPT) return scope(`audience anything but ${audience.values.join(', ')}`);
  if (!pinned) return scope(`no audience condition that requires an audience (${audience.operators.join(', ')} ${audience.values.join(' or ')})`);
  if (allowsStsAudience && audience.values.every((v) => v === IRSA_AUDIENCE)) {
    return scope(`audience ${IRSA_AUDIENCE}`, true);
  }
  return scope(audience.kind === MatchKind.EXACT ? `audience ${audience.values.join(' or ')}` : `audience pattern ${audience.values.join(' or ')}`);
}

/** One (pattern of) service account(s) an IRSA grant lets in, with the grant's audience condition. */
export interface IrsaSubjectGrant extends SubjectValueScope {
  readonly audience: AudienceScope;
  /** Subject and audience in words, e.g. `exact subject + audience`, `namespace wildcard (any service account in team), no audience condition`. */
  readonly scopeDescription: string;
}

/**
 * The service accounts (or patterns) an IRSA grant lets in, with how tightly: one entry per
 * `:sub` value when a condition requires one of them; else one entry for any service account
 * (no `:sub` condition, only excluded values, or a condition that also holds without a subject);
 * `UNKNOWN` when the statement's conditions are only known at deploy time.
 */
export function irsaSubjectGrants(grant: IrsaGrant): IrsaSubjectGrant[] {
  const audience = irsaAudienceScope(grant.audience);
  const withAudience = (scope: SubjectValueScope): IrsaSubjectGrant => ({
    ...scope,
    audience,
    scopeDescription: scope.description + (audience.onlySts ? ' + audience' : `, ${audience.description}`),
  });
  const any = (scope: TrustScope, description: string) =>
    withAudience({ subject: '*', namespace: '*', serviceAccount: '*', scope, description });
  const subject = grant.subject;
  if (grant.statement.opaqueConditions) return [any(TrustScope.UNKNOWN, 'conditions only known at deploy time')];
  if (subject.kind === MatchKind.ANY) return [any(TrustScope.ANY_SERVICE_ACCOUNT, 'unscoped: any service account (no :sub condition)')];
  if (subject.kind === MatchKind.EXCEPT) return [any(TrustScope.ANY_SERVICE_ACCOUNT, `unscoped: any service account but ${subject.values.join(', ')}`)];
  if (!pinsKey(subject)) {
    return [any(TrustScope.ANY_SERVICE_ACCOUNT, `unscoped: any service account (the :sub condition ${subject.operators.join(', ')} also holds without a subject)`)];
  }
  return irsaSubjectPatterns(grant).map(withAudience);
}
