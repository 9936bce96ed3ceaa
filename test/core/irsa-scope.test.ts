import { EksIdentityChecks, TrustScope } from '../../src';
import { parsePolicyDocument } from '../../src/core/template/policy-document';
import { irsaAudienceScope, irsaSubjectGrants, irsaSubjectPatterns, subjectValueScope } from '../../src/core/trust/irsa-scope';
import { analyzeTrust } from '../../src/core/trust/trust-semantics';
import { ISSUER_A, providerArnOf } from '../support/fixtures';
import { isAllowed, irsaRequest } from '../support/iam-evaluator';

/*
 * The one classifier of IRSA subject scope: what each `:sub` value lets in, checked against an
 * independent IAM policy evaluator, and the same verdict from the rule pack (EKSID-IRSA-002, -003,
 * -004) that the report, the diff and the test helpers show.
 */

const PROVIDER = providerArnOf(ISSUER_A);
const SUB = `${ISSUER_A}:sub`;
const AUD = `${ISSUER_A}:aud`;
const sub = (ns: string, sa: string) => `system:serviceaccount:${ns}:${sa}`;
const trustOf = (condition: any) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) }],
});
const grantOf = (trust: any) => analyzeTrust(parsePolicyDocument(trust)).irsa[0];

describe('one :sub value', () => {
  test.each([
    [sub('app', 'web'), false, TrustScope.EXACT_SUBJECT, 'app', 'web', 'exact subject'],
    [sub('app', 'web'), true, TrustScope.EXACT_SUBJECT, 'app', 'web', 'exact subject'],
    [sub('app', 'job-*'), false, TrustScope.EXACT_SUBJECT, 'app', 'job-*', 'exact subject'],
    [sub('batch', 'job-*'), true, TrustScope.NAME_PATTERN, 'batch', 'job-*', 'name pattern (batch/job-*)'],
    [sub('batch', 'job-?'), true, TrustScope.NAME_PATTERN, 'batch', 'job-?', 'name pattern (batch/job-?)'],
    [sub('team', '*'), true, TrustScope.NAMESPACE_WILDCARD, 'team', '*', 'namespace wildcard (any service account in team)'],
    [sub('team', '**'), true, TrustScope.NAMESPACE_WILDCARD, 'team', '**', 'namespace wildcard (any service account in team)'],
    [sub('team', '*x'), true, TrustScope.NAME_PATTERN, 'team', '*x', 'name pattern (team/*x)'],
    [sub('**', '**'), true, TrustScope.ANY_SERVICE_ACCOUNT, '**', '**', `unscoped: any service account (${sub('**', '**')})`],
    [sub('*', 'web'), true, TrustScope.ANY_NAMESPACE, '*', 'web', `wildcard across namespaces (${sub('*', 'web')})`],
    [sub('team-*', '*'), true, TrustScope.ANY_NAMESPACE, 'team-*', '*', `wildcard across namespaces (${sub('team-*', '*')})`],
    [sub('*', '*'), true, TrustScope.ANY_SERVICE_ACCOUNT, '*', '*', `unscoped: any service account (${sub('*', '*')})`],
    ['system:serviceaccount:*', true, TrustScope.ANY_SERVICE_ACCOUNT, '*', '*', 'unscoped: any service account (system:serviceaccount:*)'],
    ['*', true, TrustScope.ANY_SERVICE_ACCOUNT, '*', '*', 'unscoped: any service account (*)'],
    ['system:serviceaccounts:app', false, TrustScope.NOT_TRUSTED, '', 'system:serviceaccounts:app',
      'subject system:serviceaccounts:app is not system:serviceaccount:<namespace>:<name>, so it matches no service account'],
  ])('%s (wildcards: %s) is %s', (value, wildcards, scope, namespace, serviceAccount, description) => {
    expect(subjectValueScope(value, wildcards)).toEqual({ subject: value, namespace, serviceAccount, scope, description });
  });
});

describe('a grant: who gets in, and with which audience', () => {
  test('one entry per value of the positive conditions, with the operator', () => {
    const grant = grantOf(trustOf({
      StringEquals: { [SUB]: [sub('app', 'web'), sub('app', 'api')], [AUD]: 'sts.amazonaws.com' },
      StringNotEquals: { [SUB]: sub('app', 'admin') },
    }));
    expect(irsaSubjectPatterns(grant).map((p) => [p.subject, p.operator, p.wildcardOperator, p.scope])).toEqual([
      [sub('app', 'web'), 'StringEquals', false, TrustScope.EXACT_SUBJECT],
      [sub('app', 'api'), 'StringEquals', false, TrustScope.EXACT_SUBJECT],
    ]);
    expect(irsaSubjectGrants(grant).map((g) => [g.subject, g.scopeDescription])).toEqual([
      [sub('app', 'web'), 'exact subject + audience'],
      [sub('app', 'api'), 'exact subject + audience'],
    ]);
  });

  test.each([
    ['no :sub condition', { StringEquals: { [AUD]: 'sts.amazonaws.com' } }, 'unscoped: any service account (no :sub condition) + audience'],
    ['only excluded subjects', { StringNotEquals: { [SUB]: sub('app', 'admin') } }, `unscoped: any service account but ${sub('app', 'admin')}, no audience condition`],
    ['a condition that also holds without a subject', { StringEqualsIfExists: { [SUB]: sub('app', 'web') } },
      'unscoped: any service account (the :sub condition StringEqualsIfExists also holds without a subject), no audience condition'],
    ['two excluded subjects', { StringNotEquals: { [SUB]: [sub('app', 'admin'), sub('app', 'root')] } },
      `unscoped: any service account but ${sub('app', 'admin')}, ${sub('app', 'root')}, no audience condition`],
    ['two conditions that also hold without a subject', { StringEqualsIfExists: { [SUB]: sub('app', 'web') }, StringLikeIfExists: { [SUB]: sub('app', '*') } },
      'unscoped: any service account (the :sub condition StringEqualsIfExists, StringLikeIfExists also holds without a subject), no audience condition'],
  ])('%s: any service account', (_name, condition, description) => {
    expect(irsaSubjectGrants(grantOf(trustOf(condition)))).toEqual([expect.objectContaining({
      subject: '*', namespace: '*', serviceAccount: '*', scope: TrustScope.ANY_SERVICE_ACCOUNT, scopeDescription: description,
    })]);
  });

  test('conditions only known at deploy time: unknown', () => {
    const trust = trustOf(undefined);
    (trust.Statement[0] as any).Condition = '${Ref:Conditions}';
    expect(irsaSubjectGrants(grantOf(trust)).map((g) => [g.scope, g.description])).toEqual([[TrustScope.UNKNOWN, 'conditions only known at deploy time']]);
  });

  test.each([
    [{ StringEquals: { [AUD]: 'sts.amazonaws.com' } }, { allowsStsAudience: true, pinned: true, onlySts: true, description: 'audience sts.amazonaws.com' }],
    [{}, { allowsStsAudience: true, pinned: false, onlySts: false, description: 'no audience condition' }],
    [{ StringEquals: { [AUD]: ['sts.amazonaws.com', 'other'] } }, { allowsStsAudience: true, pinned: true, onlySts: false, description: 'audience sts.amazonaws.com or other' }],
    [{ StringEquals: { [AUD]: 'other' } }, { allowsStsAudience: false, pinned: true, onlySts: false, description: 'audience other' }],
    [{ StringLike: { [AUD]: 'sts.*' } }, { allowsStsAudience: true, pinned: true, onlySts: false, description: 'audience pattern sts.*' }],
    [{ StringNotEquals: { [AUD]: 'other' } }, { allowsStsAudience: true, pinned: false, onlySts: false, description: 'audience anything but other' }],
    [{ StringNotEquals: { [AUD]: ['a', 'b'] } }, { allowsStsAudience: true, pinned: false, onlySts: false, description: 'audience anything but a, b' }],
    [{ StringLike: { [AUD]: ['sts.*', 'x*'] } }, { allowsStsAudience: true, pinned: true, onlySts: false, description: 'audience pattern sts.* or x*' }],
    // StringLike without a wildcard matches exactly.
    [{ StringLike: { [AUD]: 'sts.amazonaws.com' } }, { allowsStsAudience: true, pinned: true, onlySts: true, description: 'audience sts.amazonaws.com' }],
    // Pinned to sts.amazonaws.com and excluding it: no token gets in.
    [{ StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringNotEquals: { [AUD]: 'sts.amazonaws.com' } },
      { allowsStsAudience: false, pinned: true, onlySts: false, description: 'audience sts.amazonaws.com' }],
    [{ StringEqualsIfExists: { [AUD]: 'sts.amazonaws.com' }, StringLikeIfExists: { [AUD]: 'x*' } }, {
      allowsStsAudience: false,
      pinned: false,
      onlySts: false,
      description: 'no audience condition that requires an audience (StringEqualsIfExists, StringLikeIfExists sts.amazonaws.com or x*)',
    }],
    [{ StringEqualsIfExists: { [AUD]: 'sts.amazonaws.com' } },
      { allowsStsAudience: true, pinned: false, onlySts: false, description: 'no audience condition that requires an audience (StringEqualsIfExists sts.amazonaws.com)' }],
  ])('audience %j', (condition, scope) => {
    expect(irsaAudienceScope(grantOf(trustOf(condition)).audience)).toEqual(scope);
  });
});

/** Trusts of every scope, with service accounts the scope says get in and ones it says do not. */
const SHAPES: Array<[string, any, TrustScope, Array<[string, string]>, Array<[string, string]>]> = [
  ['exact', { StringEquals: { [SUB]: sub('app', 'web') } }, TrustScope.EXACT_SUBJECT, [['app', 'web']], [['app', 'api'], ['other', 'web']]],
  ['name pattern', { StringLike: { [SUB]: sub('batch', 'job-*') } }, TrustScope.NAME_PATTERN, [['batch', 'job-1'], ['batch', 'job-nightly']], [['batch', 'web'], ['other', 'job-1']]],
  ['namespace wildcard', { StringLike: { [SUB]: sub('team', '*') } }, TrustScope.NAMESPACE_WILDCARD, [['team', 'a'], ['team', 'b']], [['other', 'a']]],
  ['across namespaces', { StringLike: { [SUB]: sub('*', 'web') } }, TrustScope.ANY_NAMESPACE, [['app', 'web'], ['other', 'web']], [['app', 'api']]],
  ['any', { StringLike: { [SUB]: sub('*', '*') } }, TrustScope.ANY_SERVICE_ACCOUNT, [['app', 'web'], ['kube-system', 'admin']], []],
  ['no :sub', undefined, TrustScope.ANY_SERVICE_ACCOUNT, [['app', 'web'], ['kube-system', 'admin']], []],
  ['not a subject', { StringEquals: { [SUB]: 'system:serviceaccounts:app' } }, TrustScope.NOT_TRUSTED, [], [['app', 'web']]],
];

describe('the scope agrees with the evaluator', () => {
  test.each(SHAPES)('%s', async (_name, condition, scope, allowed, denied) => {
    const trust = trustOf(condition);
    expect(irsaSubjectGrants(grantOf(trust)).map((g) => g.scope)).toEqual([scope]);
    const verdict = async (namespace: string, serviceAccount: string) =>
      [namespace, serviceAccount, await isAllowed(trust, irsaRequest({ issuer: ISSUER_A, namespace, serviceAccount }))];
    for (const [namespace, serviceAccount] of allowed) expect(await verdict(namespace, serviceAccount)).toEqual([namespace, serviceAccount, true]);
    for (const [namespace, serviceAccount] of denied) expect(await verdict(namespace, serviceAccount)).toEqual([namespace, serviceAccount, false]);
  });
});

describe('the rule pack judges the scope the classifier gives', () => {
  /** The rule that reports each scope: patterns across namespaces are errors, patterns within one a warning, no :sub condition an error of its own. */
  const RULE_OF: { [scope in TrustScope]?: string } = {
    [TrustScope.ANY_NAMESPACE]: 'EKSID-IRSA-003',
    [TrustScope.NAME_PATTERN]: 'EKSID-IRSA-004',
    [TrustScope.NAMESPACE_WILDCARD]: 'EKSID-IRSA-004',
  };
  const ruleIds = (trust: any) => EksIdentityChecks.checkTemplates([{
    stackName: 'Stack',
    template: { Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust } } } },
  }]).map((f) => f.ruleId).filter((id) => /^EKSID-IRSA-00[234]$/.test(id));

  test.each(SHAPES)('%s', (_name, condition, scope) => {
    const trust = trustOf({ ...condition, StringEquals: { ...condition?.StringEquals, [AUD]: 'sts.amazonaws.com' } });
    const expected = scope === TrustScope.ANY_SERVICE_ACCOUNT ? (condition === undefined ? 'EKSID-IRSA-002' : 'EKSID-IRSA-003') : RULE_OF[scope];
    expect(ruleIds(trust)).toEqual(expected === undefined ? [] : [expected]);
  });
});
