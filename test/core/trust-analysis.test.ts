import { parsePolicyDocument } from '../../src/core/template/policy-document';
import {
  accountOfPrincipal, analyzeTrust, irsaAllowed, keyAllows, MatchKind, pinsKey, podIdentityAllowed, podIdentityGrantsAction, podIdentityRefusals,
  PodIdentityScope, targetRoleActionAllowed, targetRoleAllowed, TrustAnalysisOptions,
} from '../../src/core/trust/trust-semantics';

/*
 * What the trust semantics read from a trust policy (grants, scopes, what a key is pinned to) and
 * how they answer when the answer depends on a deploy-time value, a Deny or a principal of another
 * form. Verdicts on the common shapes are compared with the IAM evaluator in trust-semantics.test.ts.
 */

const ACCOUNT = '123456789012';
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789';
const OTHER_ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`;
const CLUSTER = `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/myeks`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app-association`;
const PODS = 'pods.eks.amazonaws.com';
const SUB = 'system:serviceaccount:app:web';

const analyze = (statements: any[], options?: TrustAnalysisOptions) => analyzeTrust(parsePolicyDocument({ Version: '2012-10-17', Statement: statements }), options);
const irsa = (condition?: any, extra: any = {}) => ({
  Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}), ...extra,
});
const pods = (condition?: any, extra: any = {}) => ({
  Effect: 'Allow', Principal: { Service: PODS }, Action: ['sts:AssumeRole', 'sts:TagSession'], ...(condition ? { Condition: condition } : {}), ...extra,
});
const tag = (name: string) => `aws:RequestTag/${name}`;
const request = (overrides: any = {}) => ({ providerArn: PROVIDER, namespace: 'app', serviceAccount: 'web', ...overrides });
const association = (overrides: any = {}) => ({ clusterArn: CLUSTER, clusterName: 'myeks', namespace: 'app', serviceAccount: 'web', sessionTags: true, ...overrides });

describe('an empty or missing trust', () => {
  test('lets nothing in', () => {
    const nothing = { irsa: [], podIdentity: [], awsPrincipals: [], anyPrincipal: [], federated: [], denies: [] };
    expect(analyzeTrust(undefined)).toEqual(nothing);
    const empty = analyze([]);
    expect(empty).toEqual(nothing);
    expect(irsaAllowed(empty, request())).toBe(false);
    expect(podIdentityAllowed(empty, association())).toBe(false);
    expect(targetRoleAllowed(empty, { associationRoleArn: ROLE, account: ACCOUNT })).toBe(false);
  });
});

describe('IRSA grants', () => {
  test('what a grant records', () => {
    const statement = irsa({
      StringEquals: { [`${ISSUER}:sub`]: SUB, [`${ISSUER}:aud`]: 'sts.amazonaws.com', [`${OTHER_ISSUER}:sub`]: 'x', [`${OTHER_ISSUER}:aud`]: 'y', [`${ISSUER}:amr`]: 'z' },
      IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
    });
    const [grant] = analyze([{ Sid: 'Other', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }, statement]).irsa;
    expect(grant.statementIndex).toBe(1);
    expect(grant.providerArn).toBe(PROVIDER);
    expect(grant.issuerKnown).toBe(true);
    expect(grant.subject).toEqual({ kind: MatchKind.EXACT, values: [SUB], conditions: [{ operator: 'StringEquals', key: `${ISSUER}:sub`, values: [SUB] }], holdsWhenAbsent: false, operators: ['StringEquals'] });
    expect(grant.audience.values).toEqual(['sts.amazonaws.com']);
    expect(grant.foreignIssuers).toEqual([OTHER_ISSUER]);
    expect(grant.otherConditions.map((c) => c.key)).toEqual([`${ISSUER}:amr`, 'aws:SourceIp']);
  });

  test('one grant per Federated provider of a statement; keys of the others are foreign to each', () => {
    const other = `arn:aws:iam::${ACCOUNT}:oidc-provider/${OTHER_ISSUER}`;
    const grants = analyze([irsa({ StringEquals: { [`${ISSUER}:sub`]: SUB, [`${OTHER_ISSUER}:sub`]: SUB } }, { Principal: { Federated: [PROVIDER, other] } })]).irsa;
    expect(grants.map((g) => [g.providerArn, g.subject.values, g.foreignIssuers]))
      .toEqual([[PROVIDER, [SUB], [OTHER_ISSUER]], [other, [SUB], [ISSUER]]]);
  });

  test('only the sub and aud keys of another issuer make it foreign', () => {
    const foreignOf = (condition: any) => analyze([irsa({ StringEquals: condition })]).irsa[0].foreignIssuers;
    expect(foreignOf({ [`${OTHER_ISSUER}:aud`]: 'sts.amazonaws.com' })).toEqual([OTHER_ISSUER]);
    expect(foreignOf({ [`${OTHER_ISSUER}:sub`]: SUB })).toEqual([OTHER_ISSUER]);
    expect(foreignOf({ [`${OTHER_ISSUER}:amr`]: 'x' })).toEqual([]);
  });

  test('a provider whose issuer cannot be told takes every issuer key as its own', () => {
    const [grant] = analyze([irsa({ StringEquals: { [`${ISSUER}:sub`]: SUB } }, { Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/x` } })]).irsa;
    expect([grant.issuerKnown, grant.subject.values, grant.foreignIssuers]).toEqual([false, [SUB], []]);
  });

  test('the issuers of a provider can be told by the caller', () => {
    const options = { issuersOfProvider: () => [OTHER_ISSUER.toLowerCase()] };
    const [grant] = analyze([irsa({ StringEquals: { [`${ISSUER}:sub`]: SUB, [`${OTHER_ISSUER}:sub`]: 'other' } })], options).irsa;
    expect([grant.subject.values, grant.foreignIssuers]).toEqual([['other'], [ISSUER]]);
    expect(irsaAllowed(analyze([irsa({ StringEquals: { [`${OTHER_ISSUER}:sub`]: SUB } })], options), request(), options)).toBe(true);
    expect(irsaAllowed(analyze([irsa({ StringEquals: { [`${OTHER_ISSUER}:sub`]: SUB } })]), request())).toBe(false);
  });

  test.each([
    ['a Deny', irsa(undefined, { Effect: 'Deny' })],
    ['another action', irsa(undefined, { Action: 'sts:AssumeRole' })],
    ['a NotPrincipal', { Effect: 'Allow', NotPrincipal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' }],
    ['a statement without a Federated principal', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:*' }],
  ])('no grant from %s', (_what, statement) => {
    expect(analyze([statement]).irsa).toEqual([]);
  });

  test('how the conditions on a key match', () => {
    const match = (condition: any) => analyze([irsa(condition)]).irsa[0].subject;
    const key = `${ISSUER}:sub`;
    expect(match(undefined)).toEqual({ kind: MatchKind.ANY, values: [], conditions: [], holdsWhenAbsent: true, operators: [] });
    expect(match({ StringLike: { [key]: 'system:serviceaccount:app:web' } })).toMatchObject({ kind: MatchKind.EXACT, values: [SUB] });
    expect(match({ StringLike: { [key]: 'system:serviceaccount:app:*' } })).toMatchObject({ kind: MatchKind.PATTERN, holdsWhenAbsent: false });
    expect(match({ StringLike: { [key]: 'system:serviceaccount:app:we?' } }).kind).toBe(MatchKind.PATTERN);
    expect(match({ StringEquals: { [key]: 'system:serviceaccount:app:*' } }).kind).toBe(MatchKind.EXACT);
    expect(match({ StringEquals: { [key]: SUB }, StringLike: { [key]: ['a', 'b*'] } })).toMatchObject({ kind: MatchKind.PATTERN, values: [SUB, 'a', 'b*'], operators: ['StringEquals', 'StringLike'] });
    expect(match({ StringNotEquals: { [key]: SUB } })).toMatchObject({ kind: MatchKind.EXCEPT, values: [SUB], holdsWhenAbsent: true });
    expect(match({ StringNotEquals: { [key]: 'x' }, StringEquals: { [key]: SUB } })).toMatchObject({ kind: MatchKind.EXACT, values: [SUB], holdsWhenAbsent: false });
    expect(match({ StringEqualsIfExists: { [key]: SUB } })).toMatchObject({ kind: MatchKind.EXACT, holdsWhenAbsent: true });
    expect(match({ Null: { [key]: 'false' } })).toMatchObject({ kind: MatchKind.ANY, values: [], holdsWhenAbsent: true, operators: ['Null'] });
    expect(match({ NumericNotEquals: { [key]: '1' } })).toMatchObject({ kind: MatchKind.EXCEPT, values: ['1'] });
  });

  test('pinsKey: a positive condition that fails without the key', () => {
    const match = (condition: any) => analyze([irsa(condition)]).irsa[0].subject;
    const key = `${ISSUER}:sub`;
    expect(pinsKey(match({ StringEquals: { [key]: SUB } }))).toBe(true);
    expect(pinsKey(match({ StringLike: { [key]: 'system:serviceaccount:*' } }))).toBe(true);
    expect(pinsKey(match({ StringEqualsIfExists: { [key]: SUB } }))).toBe(false);
    expect(pinsKey(match({ StringNotEquals: { [key]: SUB } }))).toBe(false);
    expect(pinsKey(match(undefined))).toBe(false);
    // Only negations, even when the key must be present: any value but the listed ones.
    expect(pinsKey(match({ StringNotEquals: { [key]: SUB }, Null: { [key]: 'false' } }))).toBe(false);
    expect(pinsKey(match({ 'ForAnyValue:StringNotEquals': { [key]: SUB } }))).toBe(false);
  });

  test('keyAllows', () => {
    const match = analyze([irsa({ StringEquals: { [`${ISSUER}:sub`]: SUB } })]).irsa[0].subject;
    expect([keyAllows(match, SUB), keyAllows(match, 'x'), keyAllows(match, undefined)]).toEqual([true, false, false]);
  });
});

describe('irsaAllowed beyond the common shapes', () => {
  const condition = { StringEquals: { [`${ISSUER}:sub`]: SUB, [`${ISSUER}:aud`]: 'sts.amazonaws.com' } };

  test('only the grants of the request\'s provider count', () => {
    const other = `arn:aws:iam::${ACCOUNT}:oidc-provider/${OTHER_ISSUER}`;
    expect(irsaAllowed(analyze([irsa(condition)]), request({ providerArn: other }))).toBe(false);
    // Another provider's statement without conditions lets that provider's tokens in, not this one's.
    const trust = analyze([irsa(condition), irsa(undefined, { Principal: { Federated: other } })]);
    expect(irsaAllowed(trust, request({ serviceAccount: 'other' }))).toBe(false);
    expect(irsaAllowed(trust, request({ providerArn: other, serviceAccount: 'other' }))).toBe(true);
  });

  test('a condition on a key the request does not carry, or cannot be told', () => {
    expect(irsaAllowed(analyze([irsa({ ...condition, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })]), request())).toBeUndefined();
    expect(irsaAllowed(analyze([irsa({ StringEquals: { [`${ISSUER}:amr`]: 'x' } })]), request())).toBeUndefined();
    expect(irsaAllowed(analyze([irsa({ StringEquals: { 'aws:PrincipalTag/x': 'y' } })]), request())).toBeUndefined();
  });

  test('conditions on another issuer\'s keys: the token never carries them', () => {
    expect(irsaAllowed(analyze([irsa({ StringEquals: { [`${OTHER_ISSUER}:sub`]: SUB } })]), request())).toBe(false);
    expect(irsaAllowed(analyze([irsa({ StringEqualsIfExists: { [`${OTHER_ISSUER}:sub`]: SUB } })]), request())).toBe(true);
  });

  test('a provider whose issuer cannot be told: every issuer key is its own', () => {
    const saml = `arn:aws:iam::${ACCOUNT}:saml-provider/x`;
    const trust = analyze([irsa({ StringEquals: { [`${OTHER_ISSUER}:sub`]: SUB, [`${OTHER_ISSUER}:aud`]: 'sts.amazonaws.com' } }, { Principal: { Federated: saml } })]);
    expect(irsaAllowed(trust, request({ providerArn: saml }))).toBe(true);
    expect(irsaAllowed(trust, request({ providerArn: saml, serviceAccount: 'other' }))).toBe(false);
  });

  test('a deploy-time issuer key against a literal provider: unknown', () => {
    const key = '${Select:1,${Split:https://,${GetAtt:Cluster.OpenIdConnectIssuerUrl}}}';
    expect(irsaAllowed(analyze([irsa({ StringEquals: { [`${key}:sub`]: SUB } })]), request())).toBeUndefined();
  });

  test('an unreadable Condition: unknown', () => {
    expect(irsaAllowed(analyze([irsa('${Token[TOKEN.1]}')]), request())).toBeUndefined();
  });

  test('the audience of the request', () => {
    const trust = analyze([irsa(condition)]);
    expect(irsaAllowed(trust, request())).toBe(true);
    expect(irsaAllowed(trust, request({ audience: 'sts.amazonaws.com' }))).toBe(true);
    expect(irsaAllowed(trust, request({ audience: 'other' }))).toBe(false);
  });

  test('Deny statements: one that applies refuses, one whose conditions cannot be told makes the verdict unknown', () => {
    const deny = (extra: any) => ({ Effect: 'Deny', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', ...extra });
    expect(irsaAllowed(analyze([irsa(condition), deny({})]), request())).toBe(false);
    expect(irsaAllowed(analyze([irsa(condition), deny({ Condition: { StringEquals: { [`${ISSUER}:sub`]: SUB } } })]), request())).toBe(false);
    expect(irsaAllowed(analyze([irsa(condition), deny({ Condition: { StringEquals: { [`${ISSUER}:sub`]: 'other' } } })]), request())).toBe(true);
    expect(irsaAllowed(analyze([irsa(condition), deny({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })]), request())).toBeUndefined();
    expect(irsaAllowed(analyze([irsa(condition), deny({ Action: 'sts:AssumeRole' })]), request())).toBe(true);
    expect(irsaAllowed(analyze([irsa(condition), deny({ Principal: { Service: PODS } })]), request())).toBe(true);
    expect(irsaAllowed(analyze([irsa({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), deny({})]), request())).toBe(false);
  });
});

describe('pod identity grants', () => {
  test('what a grant records', () => {
    const [grant] = analyze([{ Effect: 'Deny', Principal: '*', Action: '*' }, pods({ StringEquals: { [tag('kubernetes-namespace')]: 'app' }, StringLike: { [tag('Kubernetes-Pod-Name')]: 'web-*' } })]).podIdentity;
    expect(grant).toMatchObject({
      statementIndex: 1,
      allowsAssumeRole: true,
      allowsTagSession: true,
      scope: PodIdentityScope.NAMESPACE,
      clusterPinned: false,
      namespacePinned: true,
      serviceAccountPinned: false,
      needsSessionTags: true,
      anyPrincipal: false,
    });
    expect(Object.keys(grant.tags)).toEqual(['kubernetes-namespace', 'kubernetes-pod-name']);
    expect(grant.tags['kubernetes-pod-name'].kind).toBe(MatchKind.PATTERN);
  });

  test.each<[string, any, PodIdentityScope, boolean, boolean, boolean]>([
    ['none', undefined, PodIdentityScope.UNSCOPED, false, false, false],
    ['the cluster ARN', { StringEquals: { [tag('eks-cluster-arn')]: CLUSTER } }, PodIdentityScope.CLUSTER, true, false, false],
    ['the cluster name', { StringEquals: { [tag('eks-cluster-name')]: 'myeks' } }, PodIdentityScope.CLUSTER, true, false, false],
    ['a cluster pattern', { StringLike: { [tag('eks-cluster-arn')]: 'arn:aws:eks:*:*:cluster/my*' } }, PodIdentityScope.CLUSTER, true, false, false],
    ['only * patterns', { StringLike: { [tag('eks-cluster-arn')]: ['*', '**'], [tag('kubernetes-namespace')]: '*' } }, PodIdentityScope.UNSCOPED, false, false, false],
    ['a * pattern and a real one', { StringLike: { [tag('kubernetes-namespace')]: ['*', 'app'] } }, PodIdentityScope.NAMESPACE, false, true, false],
    ['a pattern that starts with *', { StringLike: { [tag('kubernetes-namespace')]: '*-system' } }, PodIdentityScope.NAMESPACE, false, true, false],
    // StringEquals compares "*" as text: only a namespace named "*".
    ['an exact "*"', { StringEquals: { [tag('kubernetes-namespace')]: '*' } }, PodIdentityScope.NAMESPACE, false, true, false],
    ['the service account only', { StringEquals: { [tag('kubernetes-service-account')]: 'web' } }, PodIdentityScope.UNSCOPED, false, false, true],
    ['the namespace and the service account', { StringEquals: { [tag('kubernetes-namespace')]: 'app', [tag('kubernetes-service-account')]: 'web' } }, PodIdentityScope.SERVICE_ACCOUNT, false, true, true],
    ['everything', { StringEquals: { [tag('eks-cluster-arn')]: CLUSTER, [tag('kubernetes-namespace')]: 'app', [tag('kubernetes-service-account')]: 'web' } }, PodIdentityScope.SERVICE_ACCOUNT, true, true, true],
    ['the cluster and a negated namespace', { StringEquals: { [tag('eks-cluster-arn')]: CLUSTER }, StringNotEquals: { [tag('kubernetes-namespace')]: 'kube-system' } }, PodIdentityScope.CLUSTER, true, false, false],
  ])('scoped by %s', (_what, condition, scope, cluster, namespace, serviceAccount) => {
    const [grant] = analyze([pods(condition)]).podIdentity;
    expect([grant.scope, grant.clusterPinned, grant.namespacePinned, grant.serviceAccountPinned])
      .toEqual([scope, cluster, namespace, serviceAccount]);
  });

  test('needsSessionTags: some tag condition fails when no tags arrive', () => {
    expect(analyze([pods(undefined)]).podIdentity[0].needsSessionTags).toBe(false);
    expect(analyze([pods({ StringEqualsIfExists: { [tag('kubernetes-namespace')]: 'app' } })]).podIdentity[0].needsSessionTags).toBe(false);
    expect(analyze([pods({ StringEqualsIfExists: { [tag('kubernetes-namespace')]: 'app' }, StringEquals: { [tag('kubernetes-service-account')]: 'web' } })]).podIdentity[0].needsSessionTags).toBe(true);
    expect(analyze([pods({ StringEquals: { 'aws:SourceAccount': ACCOUNT } })]).podIdentity[0].needsSessionTags).toBe(false);
  });

  test('one action, the * principal, and statements that are not grants', () => {
    const [assumeOnly] = analyze([pods(undefined, { Action: 'sts:AssumeRole' })]).podIdentity;
    expect([assumeOnly.allowsAssumeRole, assumeOnly.allowsTagSession]).toEqual([true, false]);
    const [tagOnly] = analyze([pods(undefined, { Action: 'sts:TagSession' })]).podIdentity;
    expect([tagOnly.allowsAssumeRole, tagOnly.allowsTagSession]).toEqual([false, true]);
    const [anyone] = analyze([{ Effect: 'Allow', Principal: '*', Action: 'sts:*' }]).podIdentity;
    expect(anyone.anyPrincipal).toBe(true);
    const [both] = analyze([pods(undefined, { Principal: { Service: ['ec2.amazonaws.com', PODS] } })]).podIdentity;
    expect(both.anyPrincipal).toBe(false);
    expect(analyze([pods(undefined, { Action: 's3:GetObject' })]).podIdentity).toEqual([]);
    expect(analyze([pods(undefined, { Effect: 'Deny' })]).podIdentity).toEqual([]);
    expect(analyze([pods(undefined, { Principal: { Service: 'ec2.amazonaws.com' } })]).podIdentity).toEqual([]);
  });
});

describe('podIdentityAllowed beyond the common shapes', () => {
  test('the cluster name tag, and tags the request has no value for', () => {
    const byName = analyze([pods({ StringEquals: { [tag('eks-cluster-name')]: 'myeks' } })]);
    expect(podIdentityAllowed(byName, association())).toBe(true);
    expect(podIdentityAllowed(byName, association({ clusterName: 'other' }))).toBe(false);
    expect(podIdentityAllowed(byName, association({ clusterName: undefined }))).toBeUndefined();
  });

  test('pod name and uid tags differ per pod: unknown at synth', () => {
    expect(podIdentityAllowed(analyze([pods({ StringLike: { [tag('kubernetes-pod-name')]: 'web-*' } })]), association())).toBeUndefined();
  });

  test('a condition on another key: unknown', () => {
    expect(podIdentityAllowed(analyze([pods({ StringEquals: { 'aws:SourceAccount': ACCOUNT } })]), association())).toBeUndefined();
  });

  test.each([
    ['a prefix', `x-${tag('kubernetes-namespace')}`],
    ['a trailing line break', `${tag('kubernetes-namespace')}\n`],
  ])('a key that is a session tag key with %s is another key: no tag, and unknown', (_what, key) => {
    const trust = analyze([pods({ StringEquals: { [key]: 'app' } })]);
    expect([Object.keys(trust.podIdentity[0].tags), trust.podIdentity[0].namespacePinned]).toEqual([[], false]);
    expect(podIdentityAllowed(trust, association())).toBeUndefined();
  });

  test('without session tags, tag conditions see no tags', () => {
    const trust = analyze([pods({ StringEquals: { [tag('kubernetes-namespace')]: 'app' } })]);
    expect(podIdentityAllowed(trust, association({ sessionTags: false }))).toBe(false);
    expect(podIdentityAllowed(analyze([pods({ StringEqualsIfExists: { [tag('kubernetes-namespace')]: 'app' } })]), association({ sessionTags: false }))).toBe(true);
  });

  test('both actions are needed: AssumeRole and TagSession', () => {
    expect(podIdentityAllowed(analyze([pods(undefined, { Action: 'sts:AssumeRole' })]), association())).toBe(false);
    expect(podIdentityAllowed(analyze([pods(undefined, { Action: 'sts:AssumeRole' }), pods(undefined, { Action: 'sts:TagSession' })]), association())).toBe(true);
    expect(podIdentityAllowed(analyze([pods(undefined, { Action: 'sts:AssumeRole' }), pods({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { Action: 'sts:TagSession' })]), association())).toBeUndefined();
  });

  test('Deny statements', () => {
    const deny = (extra: any) => ({ Effect: 'Deny', Principal: { Service: PODS }, Action: 'sts:TagSession', ...extra });
    expect(podIdentityAllowed(analyze([pods(undefined), deny({})]), association())).toBe(false);
    expect(podIdentityAllowed(analyze([pods(undefined), deny({ Condition: { StringEquals: { [tag('kubernetes-namespace')]: 'other' } } })]), association())).toBe(true);
    expect(podIdentityAllowed(analyze([pods(undefined), deny({ Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } })]), association())).toBeUndefined();
    expect(podIdentityAllowed(analyze([pods({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }), deny({})]), association())).toBe(false);
  });

  test('podIdentityRefusals: the conditions that refuse the association', () => {
    const trust = analyze([
      pods({ StringEquals: { [tag('eks-cluster-arn')]: CLUSTER, [tag('kubernetes-namespace')]: 'app', 'aws:SourceAccount': 'x' }, StringLike: { [tag('kubernetes-pod-name')]: 'x' } }),
      pods({ StringEquals: { [tag('kubernetes-service-account')]: 'web' } }, { Action: 'sts:TagSession' }),
    ]);
    expect(podIdentityRefusals(trust, association({ namespace: 'other', serviceAccount: 'other' }))).toEqual([
      { operator: 'StringEquals', key: tag('kubernetes-namespace'), values: ['app'] },
    ]);
    expect(podIdentityRefusals(trust, association())).toEqual([]);
    expect(podIdentityRefusals(trust, association({ sessionTags: false })).map((c) => c.key)).toEqual([tag('eks-cluster-arn'), tag('kubernetes-namespace'), tag('kubernetes-pod-name')]);
  });

  test('podIdentityGrantsAction: an Allow covers it and no unconditional Deny takes it away', () => {
    const deny = (extra: any) => ({ Effect: 'Deny', Principal: { Service: PODS }, Action: 'sts:TagSession', ...extra });
    expect(podIdentityGrantsAction(analyze([pods(undefined)]), 'sts:TagSession')).toBe(true);
    expect(podIdentityGrantsAction(analyze([pods(undefined, { Action: 'sts:AssumeRole' })]), 'sts:TagSession')).toBe(false);
    expect(podIdentityGrantsAction(analyze([pods(undefined), deny({})]), 'sts:TagSession')).toBe(false);
    expect(podIdentityGrantsAction(analyze([pods(undefined), deny({})]), 'sts:AssumeRole')).toBe(true);
    expect(podIdentityGrantsAction(analyze([pods(undefined), deny({ Principal: { Service: 'ec2.amazonaws.com' } })]), 'sts:TagSession')).toBe(true);
    expect(podIdentityGrantsAction(analyze([pods(undefined), deny({ Condition: { StringEquals: { [tag('kubernetes-namespace')]: 'x' } } })]), 'sts:TagSession')).toBe(true);
    expect(podIdentityGrantsAction(analyze([pods(undefined), deny({ Condition: '${Token[TOKEN.1]}' })]), 'sts:TagSession')).toBe(true);
  });
});

describe('AWS principal grants and cross-account target roles', () => {
  const root = `arn:aws:iam::${ACCOUNT}:root`;
  const target = (principal: any, condition?: any, action: any = ['sts:AssumeRole', 'sts:TagSession']) =>
    ({ Effect: 'Allow', Principal: principal === '*' ? '*' : { AWS: principal }, Action: action, ...(condition ? { Condition: condition } : {}) });
  const asRole = { ArnEquals: { 'aws:PrincipalARN': ROLE } };
  const asked = (overrides: any = {}) => ({ associationRoleArn: ROLE, account: ACCOUNT, ...overrides });

  test('what a grant records', () => {
    const [grant, ...rest] = analyze([target([root, ROLE], { ...asRole, StringEquals: { 'sts:ExternalId': 'id', [tag('kubernetes-namespace')]: 'app' } }, 'sts:AssumeRole')]).awsPrincipals;
    expect(grant).toMatchObject({ statementIndex: 0, principal: root, allowsAssumeRole: true, allowsTagSession: false });
    expect(grant.principalArn).toMatchObject({ kind: MatchKind.EXACT, values: [ROLE] });
    expect(grant.externalId).toMatchObject({ kind: MatchKind.EXACT, values: ['id'] });
    expect(Object.keys(grant.tags)).toEqual(['kubernetes-namespace']);
    expect(rest.map((g) => g.principal)).toEqual([ROLE]);
  });

  test('statements that are not AWS principal grants', () => {
    expect(analyze([target(root, undefined, 's3:GetObject')]).awsPrincipals).toEqual([]);
    expect(analyze([{ ...target(root), Effect: 'Deny' }]).awsPrincipals).toEqual([]);
    expect(analyze([{ Effect: 'Allow', NotPrincipal: { AWS: root }, Action: 'sts:AssumeRole' }]).awsPrincipals).toEqual([]);
    expect(analyze([target('*')]).awsPrincipals.map((g) => g.principal)).toEqual(['*']);
    expect(analyze([target(root, undefined, 'sts:TagSession')]).awsPrincipals.map((g) => [g.allowsAssumeRole, g.allowsTagSession])).toEqual([[false, true]]);
  });

  test.each<[string, any, boolean | undefined]>([
    ['the account root', root, true],
    ['the account id', ACCOUNT, true],
    ['the association role', ROLE, true],
    ['everyone', '*', true],
    ['another account root', 'arn:aws:iam::210987654321:root', false],
    ['another account id', '210987654321', false],
    ['another role', `arn:aws:iam::${ACCOUNT}:role/other`, false],
    ['a deploy-time account', '${Ref:AWS::AccountId}', undefined],
    ['the account root in a deploy-time partition', `arn:\${Ref:AWS::Partition}:iam::${ACCOUNT}:root`, true],
    ['another account root in a deploy-time partition', 'arn:${Ref:AWS::Partition}:iam::210987654321:root', false],
    ['a deploy-time account root', 'arn:${Ref:AWS::Partition}:iam::${Ref:AWS::AccountId}:root', undefined],
    ['a root with a region', `arn:aws:iam:us-east-1:${ACCOUNT}:root`, false],
    ['a root of another service', `arn:aws:sts::${ACCOUNT}:root`, false],
    ['a deploy-time role', 'arn:aws:iam::${Ref:AWS::AccountId}:role/app-association', undefined],
    ['a deploy-time role of another name', 'arn:aws:iam::${Ref:AWS::AccountId}:role/other', false],
    ['an account id of 11 digits', '12345678901', false],
    ['the account id with a suffix', `${ACCOUNT}x`, false],
    ['text after a root ARN', `${root}x`, false],
  ])('the principal %s, with the association role pinned', (_what, principal, verdict) => {
    expect(targetRoleAllowed(analyze([target(principal, asRole)]), asked())).toBe(verdict);
  });

  test('the principal of a deploy-time account must still be the association role', () => {
    expect(targetRoleAllowed(analyze([target('${Ref:AWS::AccountId}', { ArnEquals: { 'aws:PrincipalARN': `arn:aws:iam::${ACCOUNT}:role/other` } })]), asked())).toBe(false);
  });

  test('the external id, when the association has one', () => {
    const trust = analyze([target(root, { ...asRole, StringEquals: { 'sts:ExternalId': 'us-east-1/1/myeks/app/web' } }, 'sts:AssumeRole'), target(root, asRole, 'sts:TagSession')]);
    expect(targetRoleAllowed(trust, asked({ externalId: 'us-east-1/1/myeks/app/web' }))).toBe(true);
    expect(targetRoleAllowed(trust, asked({ externalId: 'other' }))).toBe(false);
    expect(targetRoleAllowed(trust, asked())).toBeUndefined();
    expect(targetRoleActionAllowed(trust, asked(), 'sts:TagSession')).toBe(true);
    expect(targetRoleActionAllowed(trust, asked(), 'sts:AssumeRole')).toBeUndefined();
  });

  test('session tags, when the association sends them', () => {
    const trust = analyze([target(root, { ...asRole, StringEquals: { [tag('kubernetes-namespace')]: 'app' } })]);
    expect(targetRoleAllowed(trust, asked({ tags: association() }))).toBe(true);
    expect(targetRoleAllowed(trust, asked({ tags: association({ namespace: 'other' }) }))).toBe(false);
    expect(targetRoleAllowed(trust, asked())).toBe(false);
    expect(targetRoleAllowed(trust, asked({ tags: association({ sessionTags: false }) }))).toBe(false);
  });

  test('a condition on another key, with a principal that may or may not be the role', () => {
    const condition = { ...asRole, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } };
    expect(targetRoleAllowed(analyze([target(root, condition)]), asked())).toBeUndefined();
    expect(targetRoleAllowed(analyze([target('${Ref:AWS::AccountId}', condition)]), asked())).toBeUndefined();
    expect(targetRoleAllowed(analyze([target('${Ref:AWS::AccountId}', { ...condition, StringEquals: { 'sts:ExternalId': 'x' } })]), asked({ externalId: 'y' }))).toBe(false);
  });

  test('the * principal without conditions lets any principal in', () => {
    expect(targetRoleAllowed(analyze([target('*')]), asked({ associationRoleArn: 'arn:aws:iam::210987654321:role/anyone', account: '210987654321' }))).toBe(true);
    // Even an association role only known at deploy time.
    expect(targetRoleAllowed(analyze([target('*')]), asked({ associationRoleArn: '${GetAtt:AssociationRole.Arn}' }))).toBe(true);
    expect(targetRoleAllowed(analyze([target(['*'])]), asked({ associationRoleArn: '${GetAtt:AssociationRole.Arn}' }))).toBe(true);
  });

  test('a role principal names one role: IAM takes no wildcard in part of a principal ARN', () => {
    expect(targetRoleAllowed(analyze([target(`arn:aws:iam::${ACCOUNT}:role/app-*`)]), asked())).toBe(false);
    expect(targetRoleAllowed(analyze([target(`arn:aws:iam::${ACCOUNT}:role/app-associatio?`)]), asked())).toBe(false);
    expect(targetRoleAllowed(analyze([target(ROLE.toUpperCase())]), asked())).toBe(false);
  });

  test.each([
    ['aws:PrincipalArn with a suffix', { ArnEquals: { 'aws:PrincipalArnX': ROLE } }, {}],
    ['aws:PrincipalArn with a prefix', { ArnEquals: { 'x-aws:PrincipalArn': ROLE } }, {}],
    ['sts:ExternalId with a suffix', { ...asRole, StringEquals: { 'sts:ExternalIdX': 'id' } }, { externalId: 'id' }],
    ['sts:ExternalId with a prefix', { ...asRole, StringEquals: { 'x-sts:ExternalId': 'id' } }, { externalId: 'id' }],
  ])('a condition on a near miss of %s is a key the request may carry: unknown', (_what, condition, overrides) => {
    expect(targetRoleAllowed(analyze([target(root, condition)]), asked(overrides))).toBeUndefined();
  });

  test.each<[string, string, string | undefined]>([
    ['an account id', ACCOUNT, ACCOUNT],
    ['an account root', `arn:aws:iam::${ACCOUNT}:root`, ACCOUNT],
    ['a deploy-time account id', '${Ref:AWS::AccountId}', '${Ref:AWS::AccountId}'],
    ['a root in a deploy-time account', 'arn:aws:iam::${Ref:AWS::AccountId}:root', '${Ref:AWS::AccountId}'],
    ['a role in a deploy-time account', 'arn:aws:iam::${Ref:AWS::AccountId}:role/x', undefined],
    ['a role', ROLE, undefined],
    ['13 digits', `${ACCOUNT}3`, undefined],
    ['an account id with a prefix', `x${ACCOUNT}`, undefined],
    ['an account id with a suffix', `${ACCOUNT}x`, undefined],
    ['*', '*', undefined],
  ])('accountOfPrincipal: %s', (_what, principal, account) => {
    expect(accountOfPrincipal(principal)).toBe(account);
    expect(analyze([target(principal)]).awsPrincipals[0].account).toBe(account);
  });
});
