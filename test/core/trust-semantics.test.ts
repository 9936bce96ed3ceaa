import { parsePolicyDocument } from '../../src/core/template/policy-document';
import { analyzeTrust, irsaAllowed, MatchKind, podIdentityAllowed, PodIdentityScope, targetRoleAllowed } from '../../src/core/trust/trust-semantics';
import { ACCOUNT, ISSUER_A, ISSUER_B, providerArnOf } from '../support/fixtures';
import { isAllowed, irsaRequest, podIdentityRequest } from '../support/iam-evaluator';

/*
 * The core's trust semantics against an independent IAM policy evaluator: for every trust shape
 * and request below, a verdict the core gives (true or false) is the evaluator's verdict; "unknown"
 * is allowed only where the value is only known at deploy time.
 */

const PROVIDER = providerArnOf(ISSUER_A);
const doc = (...statements: any[]) => ({ Version: '2012-10-17', Statement: statements });
const irsa = (condition: any, extra: any = {}) => ({
  Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}), ...extra,
});
const sub = (ns: string, sa: string) => `system:serviceaccount:${ns}:${sa}`;

const IRSA_TRUSTS: Array<[string, any]> = [
  ['exact sub and aud', doc(irsa({ StringEquals: { [`${ISSUER_A}:sub`]: sub('app', 'web'), [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } }))],
  ['two subjects', doc(irsa({ StringEquals: { [`${ISSUER_A}:sub`]: [sub('app', 'web'), sub('app', 'api')], [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } }))],
  ['namespace pattern', doc(irsa({ StringLike: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:app:*' }, StringEquals: { [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } }))],
  ['any namespace', doc(irsa({ StringLike: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:*:web' } }))],
  ['no condition', doc(irsa(undefined))],
  ['negated subject', doc(irsa({ StringNotEquals: { [`${ISSUER_A}:sub`]: sub('app', 'web') } }))],
  ['ForAnyValue', doc(irsa({ 'ForAnyValue:StringEquals': { [`${ISSUER_A}:sub`]: sub('app', 'web') } }))],
  ['ForAllValues', doc(irsa({ 'ForAllValues:StringEquals': { [`${ISSUER_A}:sub`]: sub('app', 'web') } }))],
  ['IfExists', doc(irsa({ StringEqualsIfExists: { [`${ISSUER_A}:sub`]: sub('app', 'web') } }))],
  ['IgnoreCase', doc(irsa({ StringEqualsIgnoreCase: { [`${ISSUER_A}:sub`]: sub('APP', 'Web') } }))],
  ['wrong audience', doc(irsa({ StringEquals: { [`${ISSUER_A}:sub`]: sub('app', 'web'), [`${ISSUER_A}:aud`]: 'other' } }))],
  ['keys of another issuer', doc(irsa({ StringEquals: { [`${ISSUER_B}:sub`]: sub('app', 'web') } }))],
  ['allow and deny', doc(
    irsa({ StringLike: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:app:*' } }),
    { Effect: 'Deny', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${ISSUER_A}:sub`]: sub('app', 'admin') } } },
  )],
  ['sts:* action', doc(irsa({ StringEquals: { [`${ISSUER_A}:sub`]: sub('app', 'web') } }, { Action: 'sts:*' }))],
  ['another action only', doc(irsa({ StringEquals: { [`${ISSUER_A}:sub`]: sub('app', 'web') } }, { Action: 'sts:AssumeRole' }))],
];
const IRSA_REQUESTS: Array<[string, string, string?]> = [['app', 'web'], ['app', 'api'], ['app', 'admin'], ['other', 'web'], ['app', 'web', 'other'], ['APP', 'WEB']];

describe('IRSA: the core agrees with the evaluator', () => {
  test.each(IRSA_TRUSTS)('%s', async (_name, trust) => {
    const analysis = analyzeTrust(parsePolicyDocument(trust));
    for (const [namespace, serviceAccount, audience] of IRSA_REQUESTS) {
      const core = irsaAllowed(analysis, { providerArn: PROVIDER, namespace, serviceAccount, audience });
      const evaluator = await isAllowed(trust, irsaRequest({ issuer: ISSUER_A, namespace, serviceAccount, audience }));
      expect({ request: `${namespace}/${serviceAccount} ${audience ?? ''}`, core }).toEqual({ request: `${namespace}/${serviceAccount} ${audience ?? ''}`, core: evaluator });
    }
  });
});

const CLUSTER = `arn:aws:eks:ap-northeast-2:${ACCOUNT}:cluster/myeks`;
const pods = (condition: any, action: any = ['sts:AssumeRole', 'sts:TagSession']) => ({
  Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: action, ...(condition ? { Condition: condition } : {}),
});
const tags = (clusterArn: string, namespace: string, serviceAccount: string) => ({
  'aws:RequestTag/eks-cluster-arn': clusterArn, 'aws:RequestTag/kubernetes-namespace': namespace, 'aws:RequestTag/kubernetes-service-account': serviceAccount,
});
const POD_TRUSTS: Array<[string, any, PodIdentityScope | undefined]> = [
  ['scoped to cluster, namespace and service account', doc(pods({ StringEquals: tags(CLUSTER, 'app', 'web') })), PodIdentityScope.SERVICE_ACCOUNT],
  ['unscoped', doc(pods(undefined)), PodIdentityScope.UNSCOPED],
  ['namespace only', doc(pods({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'app' } })), PodIdentityScope.NAMESPACE],
  ['cluster pattern', doc(pods({ StringLike: { 'aws:RequestTag/eks-cluster-arn': 'arn:aws:eks:*:*:cluster/my*' } })), PodIdentityScope.CLUSTER],
  ['sts:*', doc(pods({ StringEquals: tags(CLUSTER, 'app', 'web') }, 'sts:*')), PodIdentityScope.SERVICE_ACCOUNT],
  ['sts:Tag* and AssumeRole', doc(pods({ StringEquals: tags(CLUSTER, 'app', 'web') }, ['sts:AssumeRole', 'sts:Tag*'])), PodIdentityScope.SERVICE_ACCOUNT],
  // IfExists holds when the tags are absent: an association without session tags, of any namespace, gets in.
  ['IfExists tags', doc(pods({ StringEqualsIfExists: tags(CLUSTER, 'app', 'web') })), PodIdentityScope.UNSCOPED],
  ['negated namespace', doc(pods({ StringNotEquals: { 'aws:RequestTag/kubernetes-namespace': 'kube-system' } })), PodIdentityScope.UNSCOPED],
  ['deny one namespace', doc(pods(undefined), { Effect: 'Deny', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'app' } } }), PodIdentityScope.UNSCOPED],
];
const POD_REQUESTS: Array<[string, string, string, boolean]> = [
  [CLUSTER, 'app', 'web', true], [CLUSTER, 'app', 'api', true], [CLUSTER, 'other', 'web', true],
  [CLUSTER.replace('myeks', 'other'), 'app', 'web', true], [CLUSTER, 'app', 'web', false], [CLUSTER, 'kube-system', 'web', true],
];

describe('EKS Pod Identity: the core agrees with the evaluator, for both actions', () => {
  test.each(POD_TRUSTS)('%s', async (_name, trust, scope) => {
    const analysis = analyzeTrust(parsePolicyDocument(trust));
    if (scope !== undefined) expect(analysis.podIdentity[0].scope).toBe(scope);
    for (const [clusterArn, namespace, serviceAccount, sessionTags] of POD_REQUESTS) {
      const core = podIdentityAllowed(analysis, { clusterArn, namespace, serviceAccount, sessionTags });
      const given = sessionTags ? { clusterArn, namespace, serviceAccount } : {};
      const evaluator = (await isAllowed(trust, podIdentityRequest(given, 'sts:AssumeRole'))) && (await isAllowed(trust, podIdentityRequest(given, 'sts:TagSession')));
      const request = `${clusterArn.split('/')[1]} ${namespace}/${serviceAccount} tags:${sessionTags}`;
      expect({ request, core }).toEqual({ request, core: evaluator });
    }
  });
});

describe('what the analysis reads', () => {
  test('subjects and audiences by how they match', () => {
    const [exact] = analyzeTrust(parsePolicyDocument(IRSA_TRUSTS[0][1])).irsa;
    expect([exact.subject.kind, exact.subject.values, exact.audience.kind]).toEqual([MatchKind.EXACT, [sub('app', 'web')], MatchKind.EXACT]);
    expect(analyzeTrust(parsePolicyDocument(IRSA_TRUSTS[2][1])).irsa[0].subject.kind).toBe(MatchKind.PATTERN);
    expect(analyzeTrust(parsePolicyDocument(IRSA_TRUSTS[4][1])).irsa[0].subject.kind).toBe(MatchKind.ANY);
    expect(analyzeTrust(parsePolicyDocument(IRSA_TRUSTS[5][1])).irsa[0].subject.kind).toBe(MatchKind.EXCEPT);
    const foreign = analyzeTrust(parsePolicyDocument(IRSA_TRUSTS[11][1])).irsa[0];
    expect([foreign.foreignIssuers, foreign.subject.kind]).toEqual([[ISSUER_B], MatchKind.ANY]);
  });

  test('TagSession through wildcards, per statement', () => {
    const [g] = analyzeTrust(parsePolicyDocument(POD_TRUSTS[4][1])).podIdentity;
    expect([g.allowsAssumeRole, g.allowsTagSession]).toEqual([true, true]);
    const [only] = analyzeTrust(parsePolicyDocument(doc(pods(undefined, 'sts:AssumeRole')))).podIdentity;
    expect([only.allowsAssumeRole, only.allowsTagSession]).toEqual([true, false]);
  });

  test('deploy-time values are unknown, not guessed', () => {
    const trust = doc(pods({ StringEquals: { 'aws:RequestTag/eks-cluster-arn': '${GetAtt:Cluster.Arn}' } }));
    const analysis = analyzeTrust(parsePolicyDocument(trust));
    expect(podIdentityAllowed(analysis, { clusterArn: '${GetAtt:Cluster.Arn}', namespace: 'a', serviceAccount: 'b', sessionTags: true })).toBe(true);
    expect(podIdentityAllowed(analysis, { clusterArn: CLUSTER, namespace: 'a', serviceAccount: 'b', sessionTags: true })).toBeUndefined();
    // A known segment that differs decides: another cluster name.
    const literal = analyzeTrust(parsePolicyDocument(doc(pods({ StringEquals: { 'aws:RequestTag/eks-cluster-arn': CLUSTER } }))));
    expect(podIdentityAllowed(literal, { clusterArn: 'arn:${Ref:AWS::Partition}:eks:${Ref:AWS::Region}:${Ref:AWS::AccountId}:cluster/other', sessionTags: true, namespace: 'a', serviceAccount: 'b' })).toBe(false);
    expect(podIdentityAllowed(literal, { clusterArn: 'arn:${Ref:AWS::Partition}:eks:${Ref:AWS::Region}:${Ref:AWS::AccountId}:cluster/myeks', sessionTags: true, namespace: 'a', serviceAccount: 'b' })).toBeUndefined();
  });
});

describe('cross-account target roles: the core agrees with the evaluator', () => {
  const ROLE = `arn:aws:iam::${ACCOUNT}:role/app-association`;
  const target = (statements: any[]) => doc(...statements);
  const tagged = target([{
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
    Condition: { ArnEquals: { 'aws:PrincipalARN': ROLE }, StringEquals: tags(CLUSTER, 'app', 'web') },
  }]);
  const externalId = `ap-northeast-2/${ACCOUNT}/myeks/app/web`;
  const untagged = target([
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': externalId }, ArnEquals: { 'aws:PrincipalARN': ROLE } } },
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:TagSession', Condition: { ArnEquals: { 'aws:PrincipalARN': ROLE } } },
  ]);
  const TARGET = 'arn:aws:iam::210987654321:role/data';
  // Cross-account: the association role's own policy allows the chaining too (the library grants it).
  const request = (action: string, principalArn: string, context: { [key: string]: any }) => ({
    principal: principalArn,
    action,
    context: { 'aws:PrincipalArn': principalArn, ...context },
    roleArn: TARGET,
    identityPolicies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: TARGET }] }],
  });
  test.each([
    ['tags on, the association', tagged, ROLE, tags(CLUSTER, 'app', 'web'), undefined],
    ['tags on, another service account', tagged, ROLE, tags(CLUSTER, 'app', 'other'), undefined],
    ['tags on, another role', tagged, `arn:aws:iam::${ACCOUNT}:role/other`, tags(CLUSTER, 'app', 'web'), undefined],
    ['tags off, its external id', untagged, ROLE, {}, externalId],
    ['tags off, another external id', untagged, ROLE, {}, `ap-northeast-2/${ACCOUNT}/myeks/app/other`],
  ])('%s', async (_name, trust, principalArn, context, id) => {
    const tagValues = context as any;
    const core = targetRoleAllowed(analyzeTrust(parsePolicyDocument(trust)), {
      associationRoleArn: principalArn as string,
      account: ACCOUNT,
      externalId: id as string | undefined,
      tags: Object.keys(tagValues).length > 0 ? {
        clusterArn: tagValues['aws:RequestTag/eks-cluster-arn'],
        namespace: tagValues['aws:RequestTag/kubernetes-namespace'],
        serviceAccount: tagValues['aws:RequestTag/kubernetes-service-account'],
        sessionTags: true,
      } : undefined,
    });
    // sts:ExternalId comes with AssumeRole only.
    const evaluator = (await isAllowed(trust, request('sts:AssumeRole', principalArn as string, { ...tagValues, ...(id ? { 'sts:ExternalId': id } : {}) }) as any))
      && (await isAllowed(trust, request('sts:TagSession', principalArn as string, tagValues) as any));
    expect(core).toBe(evaluator);
  });
});

describe('who else a trust lets in: any principal, Federated principals and their actions, account principals', () => {
  const analysis = (...statements: any[]) => analyzeTrust(parsePolicyDocument(doc(...statements)));

  test('any principal: "*", {"AWS": "*"} and an Allow with NotPrincipal; what pins the caller', () => {
    const open = analysis(
      { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } },
      { Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEqualsIfExists: { 'aws:PrincipalArn': 'x' } } },
    ).anyPrincipal;
    expect(open.map((g) => [g.statementIndex, g.form, g.principalScopedBy])).toEqual([
      [0, '"*"', []], [1, '{"AWS": "*"}', ['aws:PrincipalOrgID']], [2, 'NotPrincipal', []], [4, '{"AWS": "*"}', []],
    ]);
  });

  test('Federated principals: the federation action of their kind, and every other action allowed', () => {
    const saml = `arn:aws:iam::${ACCOUNT}:saml-provider/corp`;
    const federated = analysis(
      irsa(undefined, { Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }),
      irsa(undefined, { Action: 'sts:AssumeRole' }),
      irsa(undefined, { Action: 'sts:*' }),
      { Effect: 'Allow', Principal: { Federated: saml }, Action: 'sts:AssumeRoleWithSAML' },
      { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, NotAction: ['s3:*', 'ec2:*'] },
      // Not grants: a Deny, and an Allow with NotPrincipal (it names who is left out).
      { Effect: 'Deny', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' },
      { Effect: 'Allow', NotPrincipal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' },
    ).federated;
    expect(federated.map((g) => [g.provider, g.federationAction, g.allowsFederation, g.otherActions])).toEqual([
      [PROVIDER, 'sts:AssumeRoleWithWebIdentity', true, []],
      [PROVIDER, 'sts:AssumeRoleWithWebIdentity', false, ['sts:AssumeRole']],
      [PROVIDER, 'sts:AssumeRoleWithWebIdentity', true, ['sts:*']],
      [saml, 'sts:AssumeRoleWithSAML', true, []],
      ['cognito-identity.amazonaws.com', 'sts:AssumeRoleWithWebIdentity', true, ['NotAction s3:*, ec2:*']],
    ]);
  });

  test('AWS principals: the account of an account principal', () => {
    const grants = analysis({ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/x`, '*'] }, Action: 'sts:AssumeRole' }).awsPrincipals;
    expect(grants.map((g) => [g.principal, g.account])).toEqual([
      [`arn:aws:iam::${ACCOUNT}:root`, ACCOUNT], [ACCOUNT, ACCOUNT], [`arn:aws:iam::${ACCOUNT}:role/x`, undefined], ['*', undefined],
    ]);
  });
});
