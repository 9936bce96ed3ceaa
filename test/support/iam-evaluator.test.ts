import { Stack } from 'aws-cdk-lib';
import { ISSUER_A, ISSUER_B, providerArnOf } from './fixtures';
import { evaluateTrust, irsaRequest, isAllowed, mapIssuers, podIdentityRequest, toPolicyDocument } from './iam-evaluator';
import { deployedValues, resolveIntrinsics } from './intrinsics';

/*
 * The wrapper is itself under test: a trust that is too broad must come out Allowed, so the
 * denials in trust-semantics.test.ts come from the documents, not from the wrapper.
 */

const subjectLike = (pattern: string) => ({
  Version: '2012-10-17',
  Statement: [{
    Effect: 'Allow',
    Principal: { Federated: providerArnOf(ISSUER_A) },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${ISSUER_A}:sub`]: pattern } },
  }],
});

describe('the IAM evaluator wrapper', () => {
  test('a prefix pattern lets suffix variants in (the flaw the library avoids)', async () => {
    const broad = subjectLike('system:serviceaccount:default:my-sa*');
    expect(await isAllowed(broad, irsaRequest({ issuer: ISSUER_A, namespace: 'default', serviceAccount: 'my-sa-x' }))).toBe(true);
    expect(await isAllowed(broad, irsaRequest({ issuer: ISSUER_A, namespace: 'default', serviceAccount: 'x-my-sa' }))).toBe(false);
  });

  test('a trust of any subject lets every service account in', async () => {
    expect(await isAllowed(subjectLike('*'), irsaRequest({ issuer: ISSUER_A, namespace: 'kube-system', serviceAccount: 'anything' }))).toBe(true);
  });

  test('issuer mapping: the request issuer and the others get distinct stand-ins', () => {
    const mapped = mapIssuers(subjectLike('x'), ISSUER_A);
    expect(Object.keys(mapped.Statement[0].Condition.StringLike)).toEqual(['accounts.google.com:sub']);
    const other = mapIssuers(subjectLike('x'), ISSUER_B);
    expect(Object.keys(other.Statement[0].Condition.StringEquals)).toEqual(['cognito-identity.amazonaws.com:aud']);
  });

  test('a token of another issuer does not match through the stand-ins', async () => {
    const exact = subjectLike('system:serviceaccount:default:my-sa');
    expect(await isAllowed(exact, irsaRequest({
      issuer: ISSUER_B, providerArn: providerArnOf(ISSUER_A), namespace: 'default', serviceAccount: 'my-sa',
    }))).toBe(false);
  });

  test('context keys the evaluator would drop make the wrapper throw instead of answering', async () => {
    await expect(evaluateTrust(subjectLike('*'), {
      principal: providerArnOf(ISSUER_A), action: 'sts:AssumeRoleWithWebIdentity', context: { 'example.com:unknown': 'x' },
    })).rejects.toThrow('the evaluator ignored context keys example.com:unknown');
  });

  test('an invalid policy makes the wrapper throw', async () => {
    await expect(evaluateTrust({ Version: '2012-10-17', Statement: [{ Effect: 'Maybe' }] }, podIdentityRequest({})))
      .rejects.toThrow('the evaluator rejected the simulation');
  });

  test('a JSON string document is parsed; an Fn::Join needs deployed values', () => {
    const doc = subjectLike('x');
    expect(toPolicyDocument(JSON.stringify(doc))).toEqual(doc);
    expect(() => toPolicyDocument({ 'Fn::Join': ['', ['{}']] })).toThrow('pass deployed values');
  });
});

describe('the intrinsic resolver', () => {
  test('Ref, GetAtt, Join, Select, Split', () => {
    const values = { refs: { R: 'r' }, attributes: { 'C.Url': 'https://issuer/id/1' } };
    expect(resolveIntrinsics({
      'Fn::Join': ['-', [{ Ref: 'R' }, { 'Fn::Select': [1, { 'Fn::Split': ['https://', { 'Fn::GetAtt': ['C', 'Url'] }] }] }]],
    }, values)).toBe('r-issuer/id/1');
  });

  test('unknown references and intrinsics throw', () => {
    expect(() => resolveIntrinsics({ Ref: 'Nope' }, { refs: {}, attributes: {} })).toThrow('no deployed value for Ref Nope');
    expect(() => resolveIntrinsics({ 'Fn::ImportValue': 'x' }, { refs: {}, attributes: {} })).toThrow('Fn::ImportValue is not supported');
  });

  test('a stack token resolves against the pseudo parameters', () => {
    const stack = new Stack();
    expect(resolveIntrinsics(stack.resolve(`${stack.partition}:${stack.account}:${stack.region}`), deployedValues({})))
      .toBe('aws:123456789012:ap-northeast-2');
  });
});
