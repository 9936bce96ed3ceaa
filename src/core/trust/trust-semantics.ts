import { allConditionsHold, holdsWhenAbsent, parseOperator, valueMatches } from './condition-evaluation';
import { issuerMatch, issuersOfProviderArn, splitIssuerKey } from './issuer-keys';
import { parseArn } from '../arn';
import { hasDeployTimeValue } from '../deploy-time';
import { IRSA_ACTION, IRSA_AUDIENCE, SAML_ACTION, serviceAccountSubject, TAG_SESSION_ACTION } from '../irsa';
import {
  CLUSTER_ARN_TAG, CLUSTER_NAME_TAG, NAMESPACE_TAG, POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL, SERVICE_ACCOUNT_TAG,
} from '../pod-identity';
import {
  conditionsOnKey, coversAction, hasPrincipal, PolicyCondition, PolicyDocument, PolicyStatement,
} from '../template/policy-document';

/*
 * Who can assume a role, read from its trust policy as synthesized (literal JSON, `Fn::Join` or
 * `Fn::Sub` strings, `CfnJson` conditions: see `TemplateText`). The one place that answers trust
 * questions: the constructs' inspection of a role you bring, every trust rule of the rule pack,
 * the identity report, the identity diff and `IdentityAssertions` ask it and nothing else.
 *
 * It evaluates IAM's rules for Allow and Deny statements, principals, actions (wildcards and
 * `NotAction`) and string/ARN conditions on the keys a request carries; values that are only
 * known at deploy time, and conditions on keys it does not model, make a verdict unknown rather
 * than guessed.
 */

/** How a key's values are matched by the conditions on it. */
export enum MatchKind {
  /** No condition restricts the key: any value. */
  ANY = 'ANY',
  /** `StringEquals`-like conditions: only the listed values. */
  EXACT = 'EXACT',
  /** `StringLike`-like conditions with a wildcard: values matching a pattern. */
  PATTERN = 'PATTERN',
  /** Only negated conditions (`StringNotEquals`, ...): any value but the listed ones. */
  EXCEPT = 'EXCEPT',
}

/** The conditions a statement puts on one key, and what they let through. */
export interface KeyMatch {
  readonly kind: MatchKind;
  /** The values of the positive conditions (EXACT/PATTERN), or the excluded values (EXCEPT). */
  readonly values: string[];
  /** The conditions on the key. */
  readonly conditions: PolicyCondition[];
  /** Whether the conditions also hold when the key is absent (`IfExists`, `ForAllValues:`, negations). */
  readonly holdsWhenAbsent: boolean;
  /** The operators as written, e.g. `StringEquals`, `ForAnyValue:StringLike`. */
  readonly operators: string[];
}

function keyMatch(conditions: PolicyCondition[]): KeyMatch {
  const operators = [...new Set(conditions.map((c) => c.operator))];
  const absent = conditions.every(holdsWhenAbsent);
  const positive = conditions.filter((c) => !parseOperator(c.operator).negated && parseOperator(c.operator).comparesText);
  const negative = conditions.filter((c) => parseOperator(c.operator).negated);
  if (positive.length > 0) {
    const pattern = positive.some((c) => parseOperator(c.operator).like && c.values.some((v) => /[*?]/.test(v)));
    const kind = pattern ? MatchKind.PATTERN : MatchKind.EXACT;
    return { kind, values: positive.flatMap((c) => c.values), conditions, holdsWhenAbsent: absent, operators };
  }
  if (negative.length > 0) {
    return { kind: MatchKind.EXCEPT, values: negative.flatMap((c) => c.values), conditions, holdsWhenAbsent: absent, operators };
  }
  return { kind: MatchKind.ANY, values: [], conditions, holdsWhenAbsent: true, operators };
}

/**
 * Whether the conditions pin the key to listed values or patterns: a positive condition that
 * fails when the key is absent (`IfExists`, `ForAllValues:` and negated operators alone do not).
 */
export function pinsKey(match: KeyMatch): boolean {
  return (match.kind === MatchKind.EXACT || match.kind === MatchKind.PATTERN) && !match.holdsWhenAbsent;
}

/** Whether a key match lets a value through (`undefined` value: the key is absent); undefined when unknown. */
export function keyAllows(match: KeyMatch, value: string | undefined): boolean | undefined {
  return allConditionsHold(match.conditions, value);
}

/** One Federated OIDC provider an IRSA statement trusts, with its subject and audience conditions. */
export interface IrsaGrant {
  /** Index of the statement in the document. */
  readonly statementIndex: number;
  readonly statement: PolicyStatement;
  /** The `Federated` principal as written. */
  readonly providerArn: string;
  /** The `<issuer>:sub` conditions for this provider's tokens. */
  readonly subject: KeyMatch;
  /** The `<issuer>:aud` conditions for this provider's tokens. */
  readonly audience: KeyMatch;
  /**
   * Issuers (as written) of `:sub`/`:aud` condition keys that are not this provider's: its tokens
   * never carry them.
   */
  readonly foreignIssuers: string[];
  /** Whether the provider's issuer could be told, so that keys could be tied to it. */
  readonly issuerKnown: boolean;
  /** Conditions on other keys (e.g. `aws:SourceIp`): the grant depends on them. */
  readonly otherConditions: PolicyCondition[];
}

/** A pod identity statement's scope: the narrowest thing its session tag conditions pin. */
export enum PodIdentityScope {
  /** No tag condition: any association in the account that names the role. */
  UNSCOPED = 'UNSCOPED',
  /** Only the cluster (ARN or name). */
  CLUSTER = 'CLUSTER',
  /** The namespace (with or without the cluster). */
  NAMESPACE = 'NAMESPACE',
  /** The namespace and the service account (with or without the cluster). */
  SERVICE_ACCOUNT = 'SERVICE_ACCOUNT',
}

/** A statement that lets EKS Pod Identity in (principal `pods.eks.amazonaws.com`, or `*`). */
export interface PodIdentityGrant {
  readonly statementIndex: number;
  readonly statement: PolicyStatement;
  /** Whether the statement allows `sts:AssumeRole` (wildcards and `NotAction` count). */
  readonly allowsAssumeRole: boolean;
  /** Whether the statement allows `sts:TagSession` (`sts:*`, `sts:Tag*` count). */
  readonly allowsTagSession: boolean;
  readonly scope: PodIdentityScope;
  /** Whether the cluster is pinned (`aws:RequestTag/eks-cluster-arn` or `eks-cluster-name`). */
  readonly clusterPinned: boolean;
  readonly namespacePinned: boolean;
  readonly serviceAccountPinned: boolean;
  /** The conditions on each session tag (lower-case tag name → match). */
  readonly tags: { readonly [tag: string]: KeyMatch };
  /** Whether the statement needs session tags: some tag condition fails when no tags arrive. */
  readonly needsSessionTags: boolean;
  /** Whether the principal is `*` rather than the service principal. */
  readonly anyPrincipal: boolean;
}

/** An AWS principal (account, role, user or `*`) a statement lets assume the role. */
export interface AwsPrincipalGrant {
  readonly statementIndex: number;
  readonly statement: PolicyStatement;
  /** The principal as written: an account id, `arn:...:root`, a role or user ARN, or `*`. */
  readonly principal: string;
  /**
   * The account, when the principal is a whole account (`arn:<partition>:iam::<account>:root` or
   * the account id): every principal of the account that its own policies allow.
   */
  readonly account?: string;
  readonly allowsAssumeRole: boolean;
  readonly allowsTagSession: boolean;
  /** `aws:PrincipalArn` conditions (which roles of the account). */
  readonly principalArn: KeyMatch;
  /** `sts:ExternalId` conditions. */
  readonly externalId: KeyMatch;
  /** The conditions on each session tag (lower-case tag name → match). */
  readonly tags: { readonly [tag: string]: KeyMatch };
}

/**
 * An Allow statement that lets in any principal of any account: `"Principal": "*"`,
 * `"Principal": {"AWS": "*"}`, or a `NotPrincipal`.
 */
export interface AnyPrincipalGrant {
  readonly statementIndex: number;
  readonly statement: PolicyStatement;
  /** How it is written: `"*"`, `{"AWS": "*"}` or `NotPrincipal`. */
  readonly form: string;
  /**
   * The condition keys that pin who the caller is (`aws:PrincipalArn`, `aws:PrincipalAccount`,
   * `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`) with a positive condition that fails when the
   * key is absent; empty when nothing restricts the principal.
   */
  readonly principalScopedBy: string[];
}

/**
 * A `Federated` principal of an Allow statement, with the actions the statement allows it. An
 * IAM SAML provider (`saml-provider/...`) federates with `sts:AssumeRoleWithSAML`, every other
 * one (OIDC providers, web identity providers) with `sts:AssumeRoleWithWebIdentity`; either may
 * also need `sts:TagSession` when its tokens carry session tags ("the trust policies for all roles
 * connected to the identity provider (IdP) passing tags must have the sts:TagSession permission",
 * IAM user guide, "Pass session tags in AWS STS", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
 */
export interface FederatedGrant {
  readonly statementIndex: number;
  readonly statement: PolicyStatement;
  /** The `Federated` principal as written. */
  readonly provider: string;
  /** The action its federation uses. */
  readonly federationAction: string;
  /** Whether the statement allows the federation action. */
  readonly allowsFederation: boolean;
  /**
   * The actions as written that allow more than the federation action and `sts:TagSession` (a
   * wildcard such as `sts:*`, or another action such as `sts:AssumeRole`); for a `NotAction`
   * statement, `NotAction` and its actions.
   */
  readonly otherActions: string[];
}

/** Everything a trust policy lets in. */
export interface TrustAnalysis {
  readonly irsa: IrsaGrant[];
  readonly podIdentity: PodIdentityGrant[];
  readonly awsPrincipals: AwsPrincipalGrant[];
  /** Allow statements open to any principal. */
  readonly anyPrincipal: AnyPrincipalGrant[];
  /** Every `Federated` principal of an Allow statement. */
  readonly federated: FederatedGrant[];
  /** Deny statements (they are honoured by the `*Allowed` questions). */
  readonly denies: PolicyStatement[];
}

/** How to tie condition keys to providers. */
export interface TrustAnalysisOptions {
  /**
   * The comparable issuers (see `canonicalIssuer`) a `Federated` provider ARN stands for.
   * @default - the issuer in the ARN after `oidc-provider/`
   */
  readonly issuersOfProvider?: (providerArn: string) => string[];
}

function tagMatches(statement: PolicyStatement): { [tag: string]: KeyMatch } {
  const tags: { [tag: string]: PolicyCondition[] } = {};
  for (const condition of statement.conditions) {
    const tag = /^aws:requesttag\/(.+)$/i.exec(condition.key)?.[1]?.toLowerCase();
    if (tag !== undefined) (tags[tag] = tags[tag] ?? []).push(condition);
  }
  return Object.fromEntries(Object.entries(tags).map(([tag, conditions]) => [tag, keyMatch(conditions)]));
}

/** Whether a tag is pinned: `pinsKey`, and not only by patterns that match anything (`*`). */
function pinned(tags: { [tag: string]: KeyMatch }, tag: string): boolean {
  const match = tags[tag];
  return match !== undefined && pinsKey(match) && !(match.kind === MatchKind.PATTERN && match.values.every((v) => /^\*+$/.test(v)));
}

function irsaGrants(statement: PolicyStatement, index: number, options: TrustAnalysisOptions): IrsaGrant[] {
  if (statement.effect !== 'Allow' || !coversAction(statement, IRSA_ACTION) || statement.notPrincipal) return [];
  const keyed = statement.conditions.map((condition) => ({ condition, key: splitIssuerKey(condition.key) }));
  return (statement.principals.Federated ?? []).map((providerArn) => {
    const issuers = (options.issuersOfProvider ?? issuersOfProviderArn)(providerArn);
    const issuerKnown = issuers.length > 0;
    const mine = (issuer: string) => !issuerKnown || issuerMatch(issuer, issuers) !== 'no';
    const claim = (name: string) => keyed.filter((k) => k.key?.claim === name && mine(k.key.issuer)).map((k) => k.condition);
    const foreign = keyed.filter((k) => k.key !== undefined && (k.key.claim === 'sub' || k.key.claim === 'aud') && !mine(k.key.issuer));
    return {
      statementIndex: index,
      statement,
      providerArn,
      subject: keyMatch(claim('sub')),
      audience: keyMatch(claim('aud')),
      foreignIssuers: [...new Set(foreign.map((k) => k.key!.issuer))],
      issuerKnown,
      otherConditions: keyed.filter((k) => k.key === undefined || !['sub', 'aud'].includes(k.key.claim) && mine(k.key.issuer)).map((k) => k.condition),
    };
  });
}

function podIdentityGrant(statement: PolicyStatement, index: number): PodIdentityGrant | undefined {
  if (statement.effect !== 'Allow' || !hasPrincipal(statement, 'Service', POD_IDENTITY_PRINCIPAL)) return undefined;
  const allowsAssumeRole = coversAction(statement, POD_IDENTITY_ACTIONS[0]);
  const allowsTagSession = coversAction(statement, POD_IDENTITY_ACTIONS[1]);
  if (!allowsAssumeRole && !allowsTagSession) return undefined;
  const tags = tagMatches(statement);
  const clusterPinned = pinned(tags, CLUSTER_ARN_TAG) || pinned(tags, CLUSTER_NAME_TAG);
  const namespacePinned = pinned(tags, NAMESPACE_TAG);
  const serviceAccountPinned = pinned(tags, SERVICE_ACCOUNT_TAG);
  const scope = namespacePinned && serviceAccountPinned ? PodIdentityScope.SERVICE_ACCOUNT
    : namespacePinned ? PodIdentityScope.NAMESPACE
      : clusterPinned ? PodIdentityScope.CLUSTER : PodIdentityScope.UNSCOPED;
  return {
    statementIndex: index,
    statement,
    allowsAssumeRole,
    allowsTagSession,
    scope,
    clusterPinned,
    namespacePinned,
    serviceAccountPinned,
    tags,
    needsSessionTags: Object.values(tags).some((m) => !m.holdsWhenAbsent),
    anyPrincipal: !(statement.principals.Service ?? []).includes(POD_IDENTITY_PRINCIPAL),
  };
}

/** The account of an account principal (`arn:<partition>:iam::<account>:root`, or the account id as written). */
export function accountOfPrincipal(principal: string): string | undefined {
  // Read as an ARN whose deploy-time parts stay whole: `arn:${Ref:AWS::Partition}:iam::<account>:root` is a root too.
  const root = parseArn(principal);
  if (root !== undefined && root.service === 'iam' && root.region === '' && root.resource === 'root') return root.account;
  return /^\d{12}$/.test(principal) || hasDeployTimeValue(principal) && !principal.startsWith('arn:') ? principal : undefined;
}

function awsPrincipalGrants(statement: PolicyStatement, index: number): AwsPrincipalGrant[] {
  if (statement.effect !== 'Allow' || statement.notPrincipal) return [];
  const principals = [...(statement.principals.AWS ?? []), ...(statement.principals['*'] ?? [])];
  return principals.map((principal) => ({
    statementIndex: index,
    statement,
    principal,
    ...(principal !== '*' && accountOfPrincipal(principal) !== undefined ? { account: accountOfPrincipal(principal) } : {}),
    allowsAssumeRole: coversAction(statement, POD_IDENTITY_ACTIONS[0]),
    allowsTagSession: coversAction(statement, POD_IDENTITY_ACTIONS[1]),
    principalArn: keyMatch(conditionsOnKey(statement, 'aws:PrincipalArn')),
    externalId: keyMatch(conditionsOnKey(statement, 'sts:ExternalId')),
    tags: tagMatches(statement),
  })).filter((g) => g.allowsAssumeRole || g.allowsTagSession);
}

/** The keys that pin who the caller is. */
const PRINCIPAL_KEYS = ['aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths'];

function anyPrincipalGrant(statement: PolicyStatement, index: number): AnyPrincipalGrant | undefined {
  if (statement.effect !== 'Allow') return undefined;
  const form = statement.notPrincipal ? 'NotPrincipal'
    : statement.principals['*'] !== undefined ? '"*"'
      : (statement.principals.AWS ?? []).includes('*') ? '{"AWS": "*"}' : undefined;
  if (form === undefined) return undefined;
  return {
    statementIndex: index,
    statement,
    form,
    principalScopedBy: PRINCIPAL_KEYS.filter((key) => pinsKey(keyMatch(conditionsOnKey(statement, key)))),
  };
}

/** The federation action of a `Federated` principal: SAML for an IAM SAML provider, web identity otherwise. */
export function federationActionOf(provider: string): string {
  return /:saml-provider\//.test(provider) ? SAML_ACTION : IRSA_ACTION;
}

function federatedGrants(statement: PolicyStatement, index: number): FederatedGrant[] {
  if (statement.effect !== 'Allow' || statement.notPrincipal) return [];
  return (statement.principals.Federated ?? []).map((provider) => {
    const federationAction = federationActionOf(provider);
    const expected = [federationAction, TAG_SESSION_ACTION].map((a) => a.toLowerCase());
    return {
      statementIndex: index,
      statement,
      provider,
      federationAction,
      allowsFederation: coversAction(statement, federationAction),
      otherActions: statement.notAction ? [`NotAction ${statement.actions.join(', ')}`] : statement.actions.filter((a) => !expected.includes(a.toLowerCase())),
    };
  });
}

/** Reads what a trust policy lets in. */
export function analyzeTrust(document: PolicyDocument | undefined, options: TrustAnalysisOptions = {}): TrustAnalysis {
  const statements = document?.statements ?? [];
  return {
    irsa: statements.flatMap((s, i) => irsaGrants(s, i, options)),
    podIdentity: statements.flatMap((s, i) => podIdentityGrant(s, i) ?? []),
    awsPrincipals: statements.flatMap((s, i) => awsPrincipalGrants(s, i)),
    anyPrincipal: statements.flatMap((s, i) => anyPrincipalGrant(s, i) ?? []),
    federated: statements.flatMap((s, i) => federatedGrants(s, i)),
    denies: statements.filter((s) => s.effect === 'Deny'),
  };
}

/** A verdict that can be unknown at synth. */
export type Tristate = boolean | undefined;

function or(values: Tristate[]): Tristate {
  return values.some((v) => v === true) ? true : values.every((v) => v === false) ? false : undefined;
}

/** Keys of a request and their values; `undefined` for a key the request does not carry. */
type RequestKeys = (key: string) => { known: boolean; value?: string };

/** Whether every condition of a statement holds for a request (unknown keys make it unknown). */
function statementHolds(statement: PolicyStatement, keys: RequestKeys): Tristate {
  let unknown = statement.opaqueConditions;
  for (const condition of statement.conditions) {
    const key = keys(condition.key);
    const holds = key.known ? allConditionsHold([condition], key.value) : undefined;
    if (holds === false) return false;
    if (holds === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

function denied(analysis: TrustAnalysis, principalType: string, principal: string, action: string, keys: RequestKeys): Tristate {
  return or(analysis.denies.filter((d) => hasPrincipal(d, principalType, principal) && coversAction(d, action))
    .map((d) => statementHolds(d, keys)));
}

/** One service account's token, as IRSA presents it. */
export interface IrsaRequest {
  /** The provider ARN as written in the trust (the cluster's provider). */
  readonly providerArn: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** @default sts.amazonaws.com */
  readonly audience?: string;
}

function irsaKeys(options: TrustAnalysisOptions, request: IrsaRequest, subject: string): RequestKeys {
  const issuers = (options.issuersOfProvider ?? issuersOfProviderArn)(request.providerArn);
  return (key) => {
    const split = splitIssuerKey(key);
    if (!split) return { known: false };
    const match = issuers.length === 0 ? 'yes' : issuerMatch(split.issuer, issuers);
    if (match === 'no') return { known: true };
    if (match === 'maybe') return { known: false };
    if (split.claim === 'sub') return { known: true, value: subject };
    if (split.claim === 'aud') return { known: true, value: request.audience ?? IRSA_AUDIENCE };
    return { known: false };
  };
}

/**
 * Whether a service account's IRSA token from a provider can assume the role: some Allow
 * statement trusts the provider with conditions that hold for the subject and audience, and no
 * Deny applies. Undefined when it cannot be told at synth.
 */
export function irsaAllowed(analysis: TrustAnalysis, request: IrsaRequest, options: TrustAnalysisOptions = {}): Tristate {
  const subject = serviceAccountSubject(request.namespace, request.serviceAccount);
  const grants = analysis.irsa.filter((g) => g.providerArn === request.providerArn);
  const allowed = or(grants.map((g) => statementHolds(g.statement, irsaKeys(options, request, subject))));
  if (allowed === false) return false;
  const deny = denied(analysis, 'Federated', request.providerArn, IRSA_ACTION, irsaKeys(options, request, subject));
  if (deny === true) return false;
  return allowed === true && deny === false ? true : undefined;
}

/** What EKS Pod Identity presents when it assumes a role for an association. */
export interface PodIdentityRequest {
  readonly clusterArn?: string;
  readonly clusterName?: string;
  readonly namespace?: string;
  readonly serviceAccount?: string;
  /** Whether the association sends session tags (false with `DisableSessionTags`). */
  readonly sessionTags: boolean;
}

function podKeys(request: PodIdentityRequest): RequestKeys {
  const values: { [tag: string]: string | undefined } = {
    [CLUSTER_ARN_TAG]: request.clusterArn,
    [CLUSTER_NAME_TAG]: request.clusterName,
    [NAMESPACE_TAG]: request.namespace,
    [SERVICE_ACCOUNT_TAG]: request.serviceAccount,
  };
  return (key) => {
    const tag = /^aws:requesttag\/(.+)$/i.exec(key)?.[1]?.toLowerCase();
    if (tag === undefined) return { known: false };
    if (!request.sessionTags) return { known: true };
    // Pod name and uid differ per pod: a condition on them is unknown at synth.
    if (!(tag in values)) return { known: false };
    const value = values[tag];
    return value === undefined ? { known: false } : { known: true, value };
  };
}

/**
 * Whether EKS Pod Identity can assume the role for an association: `sts:AssumeRole` and
 * `sts:TagSession` are both allowed to `pods.eks.amazonaws.com` under conditions that hold for
 * the association's session tags (or their absence), and no Deny applies.
 */
export function podIdentityAllowed(analysis: TrustAnalysis, request: PodIdentityRequest): Tristate {
  const keys = podKeys(request);
  return and(POD_IDENTITY_ACTIONS.map((action) => {
    const allowed = or(analysis.podIdentity.filter((g) => coversAction(g.statement, action)).map((g) => statementHolds(g.statement, keys)));
    if (allowed === false) return false;
    const deny = denied(analysis, 'Service', POD_IDENTITY_PRINCIPAL, action, keys);
    if (deny === true) return false;
    return allowed === true && deny === false ? true : undefined;
  }));
}

function and(values: Tristate[]): Tristate {
  return values.some((v) => v === false) ? false : values.every((v) => v === true) ? true : undefined;
}

/**
 * The conditions that refuse an association: those of the statements allowing EKS Pod Identity
 * `sts:AssumeRole` that do not hold for its session tags (for messages).
 */
export function podIdentityRefusals(analysis: TrustAnalysis, request: PodIdentityRequest): PolicyCondition[] {
  const keys = podKeys(request);
  return analysis.podIdentity.filter((g) => g.allowsAssumeRole).flatMap((g) => g.statement.conditions.filter((c) => {
    const key = keys(c.key);
    return key.known && allConditionsHold([c], key.value) === false;
  }));
}

/**
 * Whether the trust allows the pod identity service principal an action: some Allow statement
 * covers it (conditions aside: `podIdentityAllowed` judges those) and no unconditional Deny does.
 */
export function podIdentityGrantsAction(analysis: TrustAnalysis, action: string): boolean {
  return analysis.podIdentity.some((g) => coversAction(g.statement, action))
    && !analysis.denies.some((d) => d.conditions.length === 0 && !d.opaqueConditions
      && hasPrincipal(d, 'Service', POD_IDENTITY_PRINCIPAL) && coversAction(d, action));
}

/** What EKS Pod Identity presents when the association role assumes a cross-account target role. */
export interface TargetRoleRequest {
  /** The association role ARN (`aws:PrincipalArn`). */
  readonly associationRoleArn: string;
  /** The association role's account (the cluster's). */
  readonly account: string;
  /** The association's external id (`sts:ExternalId`), when known. */
  readonly externalId?: string;
  /** The session tags (absent when the association disables them). */
  readonly tags?: PodIdentityRequest;
}

/**
 * A principal names one account or one role exactly: IAM refuses a wildcard in part of a principal
 * ARN (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html),
 * so only `*` as a whole matches more than one.
 */
const EXACTLY = parseOperator('StringEquals');

function principalNames(principal: string, request: TargetRoleRequest): Tristate {
  if (principal === '*') return true;
  const account = accountOfPrincipal(principal);
  return account !== undefined
    ? valueMatches(EXACTLY, account, request.account)
    : valueMatches(EXACTLY, principal, request.associationRoleArn);
}

/**
 * Whether the association role can assume a target role with one action (`sts:AssumeRole` or
 * `sts:TagSession`), with the external id and session tags EKS Pod Identity passes.
 */
export function targetRoleActionAllowed(analysis: TrustAnalysis, request: TargetRoleRequest, action: string): Tristate {
  const tagKeys = podKeys(request.tags ?? { sessionTags: false });
  const keys: RequestKeys = (key) => {
    if (/^aws:principalarn$/i.test(key)) return { known: true, value: request.associationRoleArn };
    if (/^sts:externalid$/i.test(key)) return request.externalId === undefined ? { known: false } : { known: true, value: request.externalId };
    return tagKeys(key);
  };
  return or(analysis.awsPrincipals
    .filter((g) => coversAction(g.statement, action))
    .map((g) => {
      const names = principalNames(g.principal, request);
      if (names === false) return false;
      const holds = statementHolds(g.statement, keys);
      return names === true ? holds : holds === false ? false : undefined;
    }));
}

/** Whether the association role can assume a target role with both `sts:AssumeRole` and `sts:TagSession`. */
export function targetRoleAllowed(analysis: TrustAnalysis, request: TargetRoleRequest): Tristate {
  return and(POD_IDENTITY_ACTIONS.map((action) => targetRoleActionAllowed(analysis, request, action)));
}
