import { App, Aws, CfnParameter, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityMode } from '../../src';
import { WORST_CASE_LENGTH } from '../../src/core/worst-case';
import { broughtRoleTrustProblem } from '../../src/identity/private/brought-role-trust';
import { irsaTrustStatement } from '../../src/identity/private/irsa-trust-statement';
import { podIdentityTargetTrustStatements, podIdentityTrustStatement } from '../../src/identity/private/pod-identity-trust-statement';
import { renderTrustDocument, trustDocument } from '../../src/identity/private/trust-document';
import { trustSize } from '../../src/identity/private/trust-size';
import { expectedIrsaStatement, expectedPodIdentityStatement, expectedTagConditions } from '../support/expected-trust';
import { ACCOUNT, importedCluster, ISSUER_A, ISSUER_B, newCluster, newStack, providerArnOf } from '../support/fixtures';
import { resolveIntrinsics } from '../support/intrinsics';

/*
 * The trust builders on their own: the statements, the document as AssumeRolePolicyDocument gets
 * it (a plain object, or one Fn::Sub string when a condition key is a deploy-time value), its worst
 * case size, and the judgement of a trust someone brought. The synthesized shapes are in
 * irsa-trust.test.ts, pod-identity-trust.test.ts and trust-semantics.test.ts.
 */

const SUBJECT = 'system:serviceaccount:app:web';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app-association`;
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;

describe('the statements', () => {
  test('IRSA: StringEquals on :sub and :aud, or StringLike on :sub alone for an explicit wildcard', () => {
    expect(irsaTrustStatement({ providerArn: providerArnOf(ISSUER_A), issuer: ISSUER_A, subject: SUBJECT, wildcard: false }))
      .toEqual(expectedIrsaStatement(providerArnOf(ISSUER_A), ISSUER_A, SUBJECT));
    expect(irsaTrustStatement({ providerArn: providerArnOf(ISSUER_A), issuer: ISSUER_A, subject: 'system:serviceaccount:app:*', wildcard: true }))
      .toEqual(expectedIrsaStatement(providerArnOf(ISSUER_A), ISSUER_A, 'system:serviceaccount:app:*', true));
  });

  test('pod identity: scoped by the session tags, or unscoped when the association sends none', () => {
    const scope = { clusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/myeks', namespace: 'app', serviceAccount: 'web' };
    expect(podIdentityTrustStatement(scope)).toEqual(expectedPodIdentityStatement(scope));
    expect(podIdentityTrustStatement(undefined)).toEqual(expectedPodIdentityStatement());
  });

  test('a cross-account target role with session tags: one statement, the association role and its tags', () => {
    const scope = { clusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/myeks', namespace: 'app', serviceAccount: 'web' };
    expect(podIdentityTargetTrustStatements(ROOT, ROLE, { sessionTags: scope })).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: ROOT },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: { ArnEquals: { 'aws:PrincipalARN': ROLE }, StringEquals: expectedTagConditions(scope.clusterArn, 'app', 'web') },
    }]);
  });

  test('a cross-account target role without session tags: the external id on sts:AssumeRole, sts:TagSession on its own', () => {
    expect(podIdentityTargetTrustStatements(ROOT, ROLE, { externalId: 'us-east-1/123456789012/myeks/app/web' })).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: ROOT },
        Action: 'sts:AssumeRole',
        Condition: { ArnEquals: { 'aws:PrincipalARN': ROLE }, StringEquals: { 'sts:ExternalId': 'us-east-1/123456789012/myeks/app/web' } },
      },
      { Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:TagSession', Condition: { ArnEquals: { 'aws:PrincipalARN': ROLE } } },
    ]);
  });
});

describe('renderTrustDocument', () => {
  test('a document whose keys are all known at synth is used as it is, deploy-time values and all', () => {
    const stack = new Stack(new App(), 'S');
    const document = trustDocument([irsaTrustStatement({ providerArn: Aws.ACCOUNT_ID, issuer: ISSUER_A, subject: SUBJECT, wildcard: false }),
      { Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': null as any } } }]);
    expect(document.Version).toBe('2012-10-17');
    expect(renderTrustDocument(document)).toBe(document);
    expect(stack.resolve(renderTrustDocument(document)).Statement[0].Principal).toEqual({ Federated: { Ref: 'AWS::AccountId' } });
  });

  test('a deploy-time key: one Fn::Sub string, each deploy-time value one variable however often it occurs, literal ${ escaped', () => {
    const stack = new Stack(new App(), 'S');
    // Eleven deploy-time issuers, so that variable V10 follows V1.
    const issuers = Array.from({ length: 11 }, (_, i) => new CfnParameter(stack, `Issuer${i}`).valueAsString);
    const provider = new CfnParameter(stack, 'Provider').valueAsString;
    const statements = issuers.map((issuer) => irsaTrustStatement({ providerArn: provider, issuer, subject: 'system:serviceaccount:app:${literal}', wildcard: false }));
    const rendered = stack.resolve(renderTrustDocument(trustDocument(statements)));
    expect(Object.keys(rendered)).toEqual(['Fn::Sub']);
    const [template, variables] = rendered['Fn::Sub'];
    expect(Object.keys(variables)).toHaveLength(12);
    expect(Object.values(variables)).toEqual(expect.arrayContaining([{ Ref: 'Provider' }, { Ref: 'Issuer0' }, { Ref: 'Issuer10' }]));
    expect(template).toContain('"${V1}:sub"');
    expect(template).toContain('"${V10}:sub"');
    expect(template).toContain('system:serviceaccount:app:${!literal}');
    expect(template).not.toContain('\u0000');

    const refs = Object.fromEntries([...issuers.map((_, i) => [`Issuer${i}`, `issuer-${i}.example`]), ['Provider', 'arn:aws:iam::123456789012:oidc-provider/x']]);
    const deployed = JSON.parse(resolveIntrinsics(rendered, { refs, attributes: {} }));
    expect(deployed).toEqual({
      Version: '2012-10-17',
      Statement: issuers.map((_, i) => expectedIrsaStatement('arn:aws:iam::123456789012:oidc-provider/x', `issuer-${i}.example`, 'system:serviceaccount:app:${literal}')),
    });
  });

  test('a deploy-time key deep in a list', () => {
    const stack = new Stack(new App(), 'S');
    const key = new CfnParameter(stack, 'Key').valueAsString;
    const document: any = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: ['sts:AssumeRole'], Condition: { StringEquals: { [key]: ['a', { [key]: 'b' }] } } }] };
    const rendered = stack.resolve(renderTrustDocument(document));
    expect(JSON.parse(resolveIntrinsics(rendered, { refs: { Key: 'k' }, attributes: {} })).Statement[0].Condition).toEqual({ StringEquals: { k: ['a', { k: 'b' }] } });
  });
});

describe('trustSize: every deploy-time value at its longest', () => {
  test('each kind of value the trust of an identity can hold', () => {
    const stack = new Stack(new App(), 'S');
    const token = (name: string) => Lazy.string({ produce: () => name });
    const cluster = {
      clusterName: token('name'), clusterArn: token('arn'), openIdConnectIssuer: token('issuer'), openIdConnectIssuerUrl: token('url'), openIdConnectProviderArn: token('provider'),
    };
    const other = { ...cluster, clusterName: token('other-name') };
    const values = { clusters: [cluster, other] as any[], namespace: token('ns'), serviceAccount: token('sa') };
    const parts: Array<[string, number]> = [
      [Aws.PARTITION, WORST_CASE_LENGTH.PARTITION], [Aws.REGION, WORST_CASE_LENGTH.REGION], [Aws.ACCOUNT_ID, WORST_CASE_LENGTH.ACCOUNT],
      [Aws.URL_SUFFIX, WORST_CASE_LENGTH.URL_SUFFIX], [Aws.STACK_NAME, WORST_CASE_LENGTH.STACK_NAME],
      [stack.partition, WORST_CASE_LENGTH.PARTITION], [stack.region, WORST_CASE_LENGTH.REGION], [stack.account, WORST_CASE_LENGTH.ACCOUNT],
      [values.namespace, WORST_CASE_LENGTH.NAMESPACE], [values.serviceAccount, WORST_CASE_LENGTH.SERVICE_ACCOUNT],
      [cluster.clusterName, WORST_CASE_LENGTH.CLUSTER_NAME], [other.clusterName, WORST_CASE_LENGTH.CLUSTER_NAME],
      [cluster.clusterArn, WORST_CASE_LENGTH.CLUSTER_ARN],
      [cluster.openIdConnectIssuer, WORST_CASE_LENGTH.ISSUER], [cluster.openIdConnectIssuerUrl, WORST_CASE_LENGTH.ISSUER_URL],
      [cluster.openIdConnectProviderArn, WORST_CASE_LENGTH.OIDC_PROVIDER_ARN], [token('unknown'), WORST_CASE_LENGTH.UNKNOWN],
    ];
    for (const [value, length] of parts) {
      const document = { Value: `<${value}>` };
      expect({ value: stack.resolve(value), size: trustSize(document, values) }).toEqual({ value: stack.resolve(value), size: '{"Value":"<>"}'.length + length });
    }
    expect(trustSize({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }, values)).toBe('{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}'.length);
  });

  test('the worst-case lengths are longer than any real value of their kind', () => {
    expect(WORST_CASE_LENGTH.PARTITION).toBeGreaterThanOrEqual('aws-us-gov'.length);
    expect(WORST_CASE_LENGTH.ISSUER).toBeGreaterThanOrEqual(ISSUER_A.length);
  });
});

describe('broughtRoleTrustProblem', () => {
  const use = (cluster: any, mode: IdentityMode, sessionTagsDisabled = false) => ({ mode, cluster, namespace: 'app', serviceAccount: 'web', sessionTagsDisabled });
  const podsTrust = (condition?: any, actions = ['sts:AssumeRole', 'sts:TagSession']) => new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('pods.eks.amazonaws.com')], actions, ...(condition ? { conditions: condition } : {}) })],
  });
  /** A role whose trust is the document given. */
  const roleWith = (stack: Stack, trust: iam.PolicyDocument, id = 'Brought') => {
    const role = new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    // The trust as the template holds it: the brought role's trust is read from its L1.
    (role.node.defaultChild as iam.CfnRole).assumeRolePolicyDocument = trust;
    return role;
  };

  test('a role the trust of which cannot be seen: no verdict', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    expect(broughtRoleTrustProblem(iam.Role.fromRoleArn(stack, 'ImportedRole', ROLE), use(cluster, IdentityMode.POD_IDENTITY))).toBeUndefined();
  });

  test('pod identity: the actions, then the association\'s tags', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const problem = (trust: iam.PolicyDocument, disabled = false) => {
      const s = newStack();
      return broughtRoleTrustProblem(roleWith(s, trust), use(importedCluster(s), IdentityMode.POD_IDENTITY, disabled));
    };
    expect(broughtRoleTrustProblem(roleWith(stack, podsTrust(undefined, ['sts:TagSession'])), use(cluster, IdentityMode.POD_IDENTITY)))
      .toBe('its trust does not allow pods.eks.amazonaws.com sts:AssumeRole');
    expect(problem(new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('ec2.amazonaws.com')], actions: ['sts:AssumeRole'] })] })))
      .toBe('its trust does not allow pods.eks.amazonaws.com sts:AssumeRole and sts:TagSession');
    expect(problem(podsTrust())).toBeUndefined();
    const tagged = { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'app', 'aws:RequestTag/eks-cluster-name': 'imported' } };
    expect(problem(podsTrust(tagged))).toBeUndefined();
    for (const [tag, value] of [['kubernetes-namespace', 'other'], ['kubernetes-service-account', 'other'], ['eks-cluster-name', 'other']]) {
      expect(problem(podsTrust({ StringEquals: { [`aws:RequestTag/${tag}`]: value } }))).toBe('its trust does not let the association for app/web in');
    }
    expect(problem(podsTrust({ StringEquals: { 'aws:RequestTag/kubernetes-service-account': 'web' } }))).toBeUndefined();
    expect(problem(podsTrust({ StringEquals: { 'aws:RequestTag/eks-cluster-arn': 'arn:aws:eks:ap-northeast-2:123456789012:cluster/other' } })))
      .toBe('its trust does not let the association for app/web in');
    expect(problem(podsTrust(tagged), true)).toBe('its trust does not let the association for app/web in (session tags are disabled, so no tag condition can hold)');
    expect(problem(podsTrust({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }))).toBeUndefined();
  });

  test('IRSA: a web identity statement, for this cluster\'s provider, that lets the service account in', () => {
    const problem = (principal: iam.IPrincipal) => {
      const s = newStack();
      const role = new iam.Role(s, 'Brought', { assumedBy: principal });
      return broughtRoleTrustProblem(role, use(importedCluster(s), IdentityMode.IRSA));
    };
    const federated = (issuer: string, conditions: any = {}) => new iam.FederatedPrincipal(providerArnOf(issuer), conditions, 'sts:AssumeRoleWithWebIdentity');
    expect(problem(new iam.ServicePrincipal('pods.eks.amazonaws.com'))).toBe('its trust has no sts:AssumeRoleWithWebIdentity statement for an OIDC provider');
    expect(problem(federated(ISSUER_B))).toBe('its trust does not name the OIDC provider of cluster Stack/Imported');
    expect(problem(federated(ISSUER_A, { StringEquals: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:app:other' } })))
      .toBe('its trust does not let system:serviceaccount:app:web in with audience sts.amazonaws.com');
    expect(problem(federated(ISSUER_A, { StringEquals: { [`${ISSUER_A}:aud`]: 'other' } })))
      .toBe('its trust does not let system:serviceaccount:app:web in with audience sts.amazonaws.com');
    expect(problem(federated(ISSUER_A, { StringEquals: { [`${ISSUER_A}:sub`]: SUBJECT, [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } }))).toBeUndefined();
    expect(problem(federated(ISSUER_A, { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }))).toBeUndefined();
  });

  test('IRSA with a cluster of this app: its issuer is a deploy-time value, tied to its provider', () => {
    const stack = newStack();
    const cluster = newCluster(stack);
    // A trust keyed on the cluster's issuer is one JSON string (an iam.PolicyDocument cannot have a deploy-time key).
    const roleTrusting = (id: string, subject: string) => roleWith(stack, renderTrustDocument(trustDocument([irsaTrustStatement({
      providerArn: cluster.openIdConnectProviderArn, issuer: cluster.openIdConnectIssuer, subject, wildcard: false,
    })])) as any, id);
    expect(broughtRoleTrustProblem(roleTrusting('Good', SUBJECT), use(cluster, IdentityMode.IRSA))).toBeUndefined();
    expect(broughtRoleTrustProblem(roleTrusting('Bad', 'system:serviceaccount:app:other'), use(cluster, IdentityMode.IRSA)))
      .toBe('its trust does not let system:serviceaccount:app:web in with audience sts.amazonaws.com');
  });

  test('IRSA with a cluster of this app: keys of another cluster\'s issuer are not the cluster\'s, though both are deploy-time values', () => {
    const stack = newStack();
    const cluster = newCluster(stack);
    const other = newCluster(stack, 'nodegroup', { clusterName: 'other' }, 'Other');
    // The cluster's provider, but the condition keys of the other cluster's issuer: STS sees no such key, so the condition fails.
    const trusting = (id: string, issuer: string) => roleWith(stack, renderTrustDocument(trustDocument([irsaTrustStatement({
      providerArn: cluster.openIdConnectProviderArn, issuer, subject: SUBJECT, wildcard: false,
    })])) as any, id);
    expect(broughtRoleTrustProblem(trusting('Foreign', other.openIdConnectIssuer), use(cluster, IdentityMode.IRSA)))
      .toBe('its trust does not let system:serviceaccount:app:web in with audience sts.amazonaws.com');
    // A literal issuer could be the cluster's at deploy time: no verdict.
    expect(broughtRoleTrustProblem(trusting('Literal', ISSUER_B), use(cluster, IdentityMode.IRSA))).toBeUndefined();
  });

  test('IRSA: another provider\'s statement beside the cluster\'s is no problem', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const statementOf = (issuer: string) => irsaTrustStatement({ providerArn: providerArnOf(issuer), issuer, subject: SUBJECT, wildcard: false });
    const statements = [statementOf(ISSUER_B), statementOf(ISSUER_A)];
    const role = roleWith(stack, renderTrustDocument(trustDocument(statements)) as any);
    expect(broughtRoleTrustProblem(role, use(cluster, IdentityMode.IRSA))).toBeUndefined();
  });

  test('a role whose trust an override deleted: no verdict (the template has none to judge)', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Brought', { assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com') });
    (role.node.defaultChild as iam.CfnRole).addPropertyDeletionOverride('AssumeRolePolicyDocument');
    expect(broughtRoleTrustProblem(role, use(importedCluster(stack), IdentityMode.POD_IDENTITY))).toBeUndefined();
  });
});
