import { allConditionsHold, conditionHolds, holdsWhenAbsent, parseOperator, valueMatches } from '../../src/core/trust/condition-evaluation';
import { canonicalIssuer, issuerMatch, issuerOfUrlText, issuersOfProviderArn, splitIssuerKey } from '../../src/core/trust/issuer-keys';

/*
 * The building blocks of the trust semantics: how one IAM condition judges a single-valued key
 * (the IAM user guide's condition operator reference), and which issuer a condition key or a
 * provider ARN names. The whole trust questions are tested against the IAM evaluator in
 * trust-semantics.test.ts.
 */

describe('parseOperator', () => {
  const plain = { negated: false, like: false, ignoreCase: false, ifExists: false, comparesText: true };
  test.each<[string, object]>([
    ['StringEquals', { ...plain, base: 'StringEquals' }],
    ['StringNotEquals', { ...plain, base: 'StringEquals', negated: true }],
    ['StringLike', { ...plain, base: 'StringLike', like: true }],
    ['StringNotLike', { ...plain, base: 'StringLike', like: true, negated: true }],
    ['StringEqualsIgnoreCase', { ...plain, base: 'StringEquals', ignoreCase: true }],
    ['StringNotEqualsIgnoreCase', { ...plain, base: 'StringEquals', ignoreCase: true, negated: true }],
    ['StringEqualsIfExists', { ...plain, base: 'StringEquals', ifExists: true }],
    ['ArnEquals', { ...plain, base: 'ArnEquals', like: true }],
    ['ArnNotEquals', { ...plain, base: 'ArnEquals', like: true, negated: true }],
    ['ArnLike', { ...plain, base: 'ArnLike', like: true }],
    ['ArnNotLikeIfExists', { ...plain, base: 'ArnLike', like: true, negated: true, ifExists: true }],
    ['ForAnyValue:StringLike', { ...plain, base: 'StringLike', like: true, set: 'ForAnyValue' }],
    ['ForAllValues:StringNotEqualsIgnoreCaseIfExists', { ...plain, base: 'StringEquals', negated: true, ignoreCase: true, ifExists: true, set: 'ForAllValues' }],
    ['forallvalues:stringequals', { ...plain, base: 'stringequals', set: 'forallvalues' }],
    ['stringnotlikeifexists', { ...plain, base: 'stringlike', like: true, negated: true, ifExists: true }],
    ['NumericNotEquals', { ...plain, base: 'NumericNotEquals', negated: true, comparesText: false }],
    ['DateNotEquals', { ...plain, base: 'DateNotEquals', negated: true, comparesText: false }],
    ['BinaryNotEquals', { ...plain, base: 'BinaryNotEquals', negated: true, comparesText: false }],
    ['IpNotAddress', { ...plain, base: 'IpNotAddress', negated: true, comparesText: false }],
    ['NotIpAddress', { ...plain, base: 'NotIpAddress', negated: true, comparesText: false }],
    ['IpAddress', { ...plain, base: 'IpAddress', comparesText: false }],
    ['NumericLessThan', { ...plain, base: 'NumericLessThan', comparesText: false }],
    ['Bool', { ...plain, base: 'Bool', comparesText: false }],
    ['Null', { ...plain, base: 'Null', comparesText: false }],
    // Operators IAM does not have are read as written, not as the operator they contain.
    ['StringEqualsX', { ...plain, base: 'StringEqualsX', comparesText: false }],
    ['XStringEquals', { ...plain, base: 'XStringEquals', comparesText: false }],
    ['XStringLike', { ...plain, base: 'XStringLike', comparesText: false }],
    ['StringLikeX', { ...plain, base: 'StringLikeX', comparesText: false }],
    ['XStringNotEquals', { ...plain, base: 'XStringNotEquals', comparesText: false }],
    ['XNotIpAddress', { ...plain, base: 'XNotIpAddress', comparesText: false }],
    ['NotIpAddressX', { ...plain, base: 'NotIpAddressX', comparesText: false }],
    ['StringEqualsIfExistsX', { ...plain, base: 'StringEqualsIfExistsX', comparesText: false }],
    ['IgnoreCaseStringEquals', { ...plain, base: 'IgnoreCaseStringEquals', comparesText: false }],
    ['StringIgnoreCaseEquals', { ...plain, base: 'StringIgnoreCaseEquals', comparesText: false }],
    ['X:ForAnyValue:StringEquals', { ...plain, base: 'X:ForAnyValue:StringEquals', comparesText: false }],
    ['IfExistsStringEquals', { ...plain, base: 'IfExistsStringEquals', comparesText: false }],
  ])('%s', (operator, parsed) => {
    expect(parseOperator(operator)).toEqual(parsed);
  });
});

describe('valueMatches', () => {
  const equals = parseOperator('StringEquals');
  const like = parseOperator('StringLike');
  const ignoreCase = parseOperator('StringEqualsIgnoreCase');
  const likeIgnoreCase = parseOperator('StringLikeIgnoreCase');
  const CLUSTER = 'arn:aws:eks:us-east-1:123456789012:cluster/myeks';
  const DEPLOYED = 'arn:${Ref:AWS::Partition}:eks:${Ref:AWS::Region}:${Ref:AWS::AccountId}:cluster/myeks';

  test.each<[string, any, string, string, boolean | undefined]>([
    ['equal text', equals, 'a', 'a', true],
    ['other text', equals, 'a', 'b', false],
    ['other case', equals, 'App', 'app', false],
    ['other case, ignoring case', ignoreCase, 'App', 'app', true],
    ['other text, ignoring case', ignoreCase, 'App', 'apx', false],
    ['a wildcard taken literally by StringEquals', equals, 'a*', 'ab', false],
    ['a wildcard', like, 'a*', 'ab', true],
    ['a wildcard that does not match', like, 'a*', 'ba', false],
    ['a wildcard in another case', like, 'A*', 'ab', false],
    ['a wildcard in another case, ignoring case', likeIgnoreCase, 'A*', 'ab', true],
    ['the same deploy-time value', equals, '${GetAtt:Cluster.Arn}', '${GetAtt:Cluster.Arn}', true],
    ['a deploy-time value and a literal', equals, '${GetAtt:Cluster.Arn}', CLUSTER, undefined],
    ['a literal and a deploy-time value', equals, CLUSTER, '${GetAtt:Cluster.Arn}', undefined],
    ['ARNs whose known segments agree', equals, CLUSTER, DEPLOYED, undefined],
    ['ARNs with a known segment that differs', equals, CLUSTER, DEPLOYED.replace('myeks', 'other'), false],
    ['ARNs with a known segment that differs, the other way round', equals, DEPLOYED.replace('myeks', 'other'), CLUSTER, false],
    ['a differing segment after an unknown one', equals, 'x:${Ref:A}:b', 'x:y:c', false],
    ['ARNs with a known segment that matches a pattern', like, 'arn:*:eks:*:*:cluster/my*', DEPLOYED, undefined],
    ['ARNs with a known segment that does not match a pattern', like, 'arn:*:eks:*:*:cluster/x*', DEPLOYED, false],
    ['texts of different segment counts', equals, 'a:${Ref:B}', 'a:b:c', undefined],
    ['texts of different segment counts, a known one differing', equals, 'a:${Ref:B}', 'x:b:c', undefined],
    ['a known segment that differs after one that agrees', equals, 'a:b:${Ref:C}', 'a:x:c', false],
    ['a deploy-time segment against a different one', equals, 'a:${Ref:B}', 'a:${Ref:C}', undefined],
  ])('%s', (_what, operator, pattern, actual, verdict) => {
    expect(valueMatches(operator, pattern, actual)).toBe(verdict);
  });
});

describe('conditionHolds and holdsWhenAbsent', () => {
  const condition = (operator: string, ...values: string[]) => ({ operator, key: 'k', values });

  test.each<[string, any, string | undefined, boolean | undefined]>([
    ['StringEquals, the value', condition('StringEquals', 'a', 'b'), 'b', true],
    ['StringEquals, another value', condition('StringEquals', 'a', 'b'), 'c', false],
    ['StringEquals, absent', condition('StringEquals', 'a'), undefined, false],
    ['StringEqualsIfExists, absent', condition('StringEqualsIfExists', 'a'), undefined, true],
    ['StringEqualsIfExists, another value', condition('StringEqualsIfExists', 'a'), 'b', false],
    ['StringNotEquals, another value', condition('StringNotEquals', 'a'), 'b', true],
    ['StringNotEquals, the value', condition('StringNotEquals', 'a', 'b'), 'b', false],
    ['StringNotEquals, absent', condition('StringNotEquals', 'a'), undefined, true],
    ['ForAnyValue:StringNotEquals, absent', condition('ForAnyValue:StringNotEquals', 'a'), undefined, false],
    ['ForAnyValue:StringEquals, absent', condition('ForAnyValue:StringEquals', 'a'), undefined, false],
    ['ForAllValues:StringEquals, absent', condition('ForAllValues:StringEquals', 'a'), undefined, true],
    ['forallvalues:stringequals, absent', condition('forallvalues:stringequals', 'a'), undefined, true],
    ['ForAllValues:StringEquals, the value', condition('ForAllValues:StringEquals', 'a'), 'a', true],
    ['StringLike, a match', condition('StringLike', 'x', 'a*'), 'ab', true],
    ['Null true, absent', condition('Null', 'true'), undefined, true],
    ['Null TRUE, absent', condition('Null', 'TRUE'), undefined, true],
    ['Null false, absent', condition('Null', 'false'), undefined, false],
    ['Null false, present', condition('Null', 'false'), 'x', true],
    ['Null False, present', condition('Null', 'False'), 'x', true],
    ['Null true, present', condition('Null', 'true'), 'x', false],
    ['Null with both values, present', condition('Null', 'true', 'false'), 'x', true],
    ['Null with both values, absent', condition('Null', 'false', 'true'), undefined, true],
    ['NotNull (no IAM operator) true, absent', condition('NotNull', 'true'), undefined, false],
    ['NotNull (no IAM operator) false, present', condition('NotNull', 'false'), 'x', undefined],
    ['NullX (no IAM operator) true, absent', condition('NullX', 'true'), undefined, false],
    ['NullX (no IAM operator) false, present', condition('NullX', 'false'), 'x', undefined],
    ['NumericEquals, present', condition('NumericEquals', '1'), '1', undefined],
    ['NumericEquals, absent', condition('NumericEquals', '1'), undefined, false],
    ['Bool, present', condition('Bool', 'true'), 'true', undefined],
    ['a deploy-time value that could be it', condition('StringEquals', '${GetAtt:R.Arn}'), 'arn:aws:iam::1:role/x', undefined],
    ['a deploy-time value, and the value', condition('StringEquals', '${GetAtt:R.Arn}', 'a'), 'a', true],
    ['a deploy-time value, and another value', condition('StringEquals', '${GetAtt:R.Arn}', 'a'), 'b', undefined],
    ['no values', condition('StringEquals'), 'a', false],
    ['StringNotEquals with a deploy-time value', condition('StringNotEquals', '${GetAtt:R.Arn}'), 'x', undefined],
    ['StringNotEquals with no values', condition('StringNotEquals'), 'a', true],
  ])('%s', (_what, cond, actual, verdict) => {
    expect(conditionHolds(cond, actual)).toBe(verdict);
    if (actual === undefined) expect(holdsWhenAbsent(cond)).toBe(verdict);
  });

  test('allConditionsHold: false wins, then unknown, then true', () => {
    const yes = condition('StringEquals', 'a');
    const no = condition('StringEquals', 'b');
    const unknown = condition('StringEquals', '${Ref:X}');
    expect(allConditionsHold([], 'a')).toBe(true);
    expect(allConditionsHold([yes, yes], 'a')).toBe(true);
    expect(allConditionsHold([yes, unknown], 'a')).toBeUndefined();
    expect(allConditionsHold([unknown, no], 'a')).toBe(false);
    expect(allConditionsHold([no, unknown], 'a')).toBe(false);
    expect(allConditionsHold([yes, no], 'a')).toBe(false);
  });
});

describe('issuer keys', () => {
  const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789';

  test.each([
    [ISSUER, ISSUER.toLowerCase()],
    ['${Select:1,${Split:https://,${GetAtt:Cluster.OpenIdConnectIssuerUrl}}}', 'issuer-of-url:${getatt:cluster.openidconnectissuerurl}'],
    [`\${Select:1,\${Split:https://,HTTPS://${ISSUER}//}}`, ISSUER.toLowerCase()],
    ['${Select:1,${Split:oidc-provider/,${Ref:Provider}}}', 'issuer-of-provider:${ref:provider}'],
    ['${Select:1,${Split::oidc-provider/,${Ref:Provider}}}', 'issuer-of-provider:${ref:provider}'],
    ['x${Select:1,${Split:https://,${Ref:Url}}}', 'x${select:1,${split:https://,${ref:url}}}'],
    ['${Select:1,${Split:https://,${Ref:Url}}}x', '${select:1,${split:https://,${ref:url}}}x'],
    ['x${Select:1,${Split:oidc-provider/,${Ref:P}}}', 'x${select:1,${split:oidc-provider/,${ref:p}}}'],
    ['${Select:1,${Split:oidc-provider/,${Ref:P}}}x', '${select:1,${split:oidc-provider/,${ref:p}}}x'],
    ['${Select:1,${Split:https://,}}', ''],
    ['${Select:1,${Split:oidc-provider/,}}', 'issuer-of-provider:'],
  ])('canonicalIssuer(%s) is %s', (text, canonical) => {
    expect(canonicalIssuer(text)).toBe(canonical);
  });

  test('issuerOfUrlText', () => {
    expect(issuerOfUrlText(`https://${ISSUER}/`)).toBe(ISSUER.toLowerCase());
    expect(issuerOfUrlText(`Https://${ISSUER}///`)).toBe(ISSUER.toLowerCase());
    expect(issuerOfUrlText(`${ISSUER}`)).toBe(ISSUER.toLowerCase());
    expect(issuerOfUrlText(`x-https://${ISSUER}`)).toBe(`x-https://${ISSUER}`.toLowerCase());
    expect(issuerOfUrlText(`https://${ISSUER}/x`)).toBe(`${ISSUER}/x`.toLowerCase());
    expect(issuerOfUrlText('${GetAtt:C.Url}')).toBe('issuer-of-url:${getatt:c.url}');
  });

  test('issuersOfProviderArn', () => {
    expect(issuersOfProviderArn(`arn:aws:iam::123456789012:oidc-provider/${ISSUER}`)).toEqual([ISSUER.toLowerCase()]);
    expect(issuersOfProviderArn('${Ref:Provider}')).toEqual(['issuer-of-provider:${ref:provider}']);
    expect(issuersOfProviderArn('arn:aws:iam::123456789012:role/x')).toEqual([]);
    expect(issuersOfProviderArn('arn:aws:iam::123456789012:oidc-provider/')).toEqual([]);
    // The issuer runs to the end of the ARN: a line break is not part of one.
    expect(issuersOfProviderArn(`arn:aws:iam::123456789012:oidc-provider/${ISSUER}\nx`)).toEqual([]);
    expect(issuersOfProviderArn('arn:aws:iam::${Ref:AWS::AccountId}:oidc-provider/${GetAtt:C.Issuer}')).toEqual(['${getatt:c.issuer}']);
  });

  test.each<[string, { issuer: string; claim: string } | undefined]>([
    [`${ISSUER}:sub`, { issuer: ISSUER, claim: 'sub' }],
    [`${ISSUER}:AUD`, { issuer: ISSUER, claim: 'aud' }],
    ['${Select:1,${Split:oidc-provider/,${Ref:P}}}:sub', { issuer: '${Select:1,${Split:oidc-provider/,${Ref:P}}}', claim: 'sub' }],
    ['a.b:c:d', { issuer: 'a.b:c', claim: 'd' }],
    ['x.y:', { issuer: 'x.y', claim: '' }],
    ['aws:PrincipalArn', undefined],
    ['sts:ExternalId', undefined],
    ['Service-1:x', undefined],
    [':sub', undefined],
    ['sub', undefined],
  ])('splitIssuerKey(%s)', (key, split) => {
    expect(splitIssuerKey(key)).toEqual(split);
  });

  test.each<[string, string[], string]>([
    [ISSUER, [ISSUER.toLowerCase()], 'yes'],
    [ISSUER.toUpperCase(), [ISSUER.toLowerCase()], 'yes'],
    [ISSUER, ['other.example.com'], 'no'],
    [ISSUER, [], 'maybe'],
    ['${Select:1,${Split:https://,${Ref:Url}}}', [ISSUER.toLowerCase()], 'maybe'],
    [ISSUER, ['issuer-of-provider:${ref:p}'], 'maybe'],
    ['${Select:1,${Split:oidc-provider/,${Ref:P}}}', ['issuer-of-provider:${ref:p}'], 'yes'],
    ['${Select:1,${Split:oidc-provider/,${Ref:Q}}}', ['issuer-of-provider:${ref:p}'], 'no'],
    ['${Select:1,${Split:oidc-provider/,${Ref:Q}}}', ['issuer-of-provider:${ref:p}', 'other.example.com'], 'maybe'],
    [ISSUER, ['issuer-of-provider:${ref:p}', 'other.example.com'], 'no'],
  ])('issuerMatch(%s, %p) is %s', (key, providers, verdict) => {
    expect(issuerMatch(key, providers)).toBe(verdict);
  });
});
