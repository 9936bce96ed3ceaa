import { Template } from 'aws-cdk-lib/assertions';
import * as fc from 'fast-check';
import { IdentityMode } from '../../src';
import {
  ACCOUNT, clusterArnOf, crossAccountPodIdentity, importedCluster, ISSUER_A, ISSUER_B, ISSUER_C, newCluster, newStack, OTHER_ACCOUNT, providerArnOf,
} from '../support/fixtures';
import {
  evaluateTrust, irsaRequest, isAllowed, podIdentityRequest, toPolicyDocument,
} from '../support/iam-evaluator';
import { deployedValues } from '../support/intrinsics';
import {
  dns1123Label, dns1123Subdomain, invalidDns1123Label, invalidDns1123Subdomain, mutatedName,
} from '../support/kubernetes-name-arbitraries';
import { logicalIdOf, resourceOf } from '../support/template-queries';

describe('IRSA trust of a cluster in the same stack, resolved as deployed', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const identity = cluster.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
  const templateJson = Template.fromStack(stack).toJSON();
  const values = deployedValues(templateJson);
  const trust = templateJson.Resources[logicalIdOf(identity.role)].Properties.AssumeRolePolicyDocument;
  const issuer = values.attributes[`${logicalIdOf(cluster.cluster)}.OpenIdConnectIssuerUrl`].replace('https://', '');
  const token = (overrides: Partial<Parameters<typeof irsaRequest>[0]> = {}) =>
    irsaRequest({ issuer, namespace: 'default', serviceAccount: 'my-sa', ...overrides });

  test('the Fn::Sub resolves to a valid policy', () => {
    expect(typeof trust['Fn::Sub']).toBe('object');
    expect(toPolicyDocument(trust, values).Statement).toHaveLength(1);
  });

  test('allowed for default/my-sa through the cluster provider', async () => {
    expect(await evaluateTrust(trust, token(), values)).toBe('Allowed');
  });

  test.each([
    ['another namespace', { namespace: 'kube-system' }],
    ['another name', { serviceAccount: 'other-sa' }],
    ['a suffix variant', { serviceAccount: 'my-sa-x' }],
    ['a prefix variant', { serviceAccount: 'x-my-sa' }],
    ['a truncated name', { serviceAccount: 'my-s' }],
    ['another audience', { audience: 'sts.amazonaws.com.example.org' }],
    ['an empty audience', { audience: '' }],
    ['a wildcard-looking subject', { subject: 'system:serviceaccount:*:*' }],
    ['another cluster (its own provider and issuer)', { issuer: ISSUER_B }],
    ['another cluster provider presenting this issuer', { providerArn: providerArnOf(ISSUER_B) }],
  ])('denied for %s', async (_what, overrides) => {
    expect(await evaluateTrust(trust, token(overrides as any), values)).toBe('ImplicitlyDenied');
  });

  test('denied without an audience', async () => {
    const request = token();
    const context = { ...request.context };
    delete context[`${issuer}:aud`];
    expect(await isAllowed(trust, { ...request, context }, values)).toBe(false);
  });

  test('denied for sts:AssumeRole from the provider, and for a service principal', async () => {
    expect(await isAllowed(trust, { ...token(), action: 'sts:AssumeRole' }, values)).toBe(false);
    expect(await isAllowed(trust, { ...token(), principal: 'ec2.amazonaws.com', action: 'sts:AssumeRole' }, values)).toBe(false);
  });
});

describe('IRSA trust for several clusters', () => {
  const stack = newStack();
  const a = importedCluster(stack, 'A');
  const b = importedCluster(stack, 'B', { clusterName: 'b', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
  const identity = a.addWorkloadIdentity('Shared', {
    namespace: 'apps', serviceAccountName: 'shared', mode: IdentityMode.IRSA, additionalClusters: [b],
  });
  const trust = resourceOf(Template.fromStack(stack), identity.role).Properties.AssumeRolePolicyDocument;

  test.each([ISSUER_A, ISSUER_B])('allowed for apps/shared of cluster %s', async (issuer) => {
    expect(await isAllowed(trust, irsaRequest({ issuer, namespace: 'apps', serviceAccount: 'shared' }))).toBe(true);
  });

  test('denied for a third cluster', async () => {
    expect(await isAllowed(trust, irsaRequest({ issuer: ISSUER_C, namespace: 'apps', serviceAccount: 'shared' }))).toBe(false);
  });

  test('a token of cluster B through the provider of cluster A is denied (no cross-multiplication)', async () => {
    expect(await isAllowed(trust, irsaRequest({
      issuer: ISSUER_B, providerArn: providerArnOf(ISSUER_A), namespace: 'apps', serviceAccount: 'shared',
    }))).toBe(false);
  });

  test.each([ISSUER_A, ISSUER_B])('denied for another service account of cluster %s', async (issuer) => {
    expect(await isAllowed(trust, irsaRequest({ issuer, namespace: 'apps', serviceAccount: 'other' }))).toBe(false);
    expect(await isAllowed(trust, irsaRequest({ issuer, namespace: 'other', serviceAccount: 'shared' }))).toBe(false);
  });
});

describe('IRSA trust with an explicit wildcard subject', () => {
  const stack = newStack();
  const cluster = importedCluster(stack);
  const identity = cluster.addWorkloadIdentity('Team', {
    namespace: 'team-*', serviceAccountName: '*', mode: IdentityMode.IRSA, allowWildcardSubject: true,
  });
  const trust = resourceOf(Template.fromStack(stack), identity.role).Properties.AssumeRolePolicyDocument;

  test.each([
    ['team-a', 'x', true],
    ['team-payments', 'api-server', true],
    ['team-', 'a', true],
    ['team', 'x', false],
    ['default', 'x', false],
    ['xteam-a', 'x', false],
    ['kube-system', 'team-a', false],
  ])('%s/%s allowed: %s', async (namespace, serviceAccount, expected) => {
    expect(await isAllowed(trust, irsaRequest({ issuer: ISSUER_A, namespace, serviceAccount }))).toBe(expected);
  });

  test('the audience is still matched exactly', async () => {
    expect(await isAllowed(trust, irsaRequest({ issuer: ISSUER_A, namespace: 'team-a', serviceAccount: 'x', audience: 'other' }))).toBe(false);
  });

  test('a name wildcard within a fixed namespace', async () => {
    const s = newStack();
    const c = importedCluster(s);
    const prefixed = c.addWorkloadIdentity('Prefixed', {
      namespace: 'ci', serviceAccountName: 'runner-?', mode: IdentityMode.IRSA, allowWildcardSubject: true,
    });
    const doc = resourceOf(Template.fromStack(s), prefixed.role).Properties.AssumeRolePolicyDocument;
    const ask = (serviceAccount: string) => isAllowed(doc, irsaRequest({ issuer: ISSUER_A, namespace: 'ci', serviceAccount }));
    expect(await ask('runner-1')).toBe(true);
    expect(await ask('runner-12')).toBe(false);
    expect(await ask('runner-')).toBe(false);
  });
});

describe('pod identity trust', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const identity = cluster.addWorkloadIdentity('S3', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
  const noTags = cluster.addWorkloadIdentity('NoTags', {
    namespace: 'default', serviceAccountName: 'untagged', mode: IdentityMode.POD_IDENTITY, disableSessionTags: true,
  });
  const templateJson = Template.fromStack(stack).toJSON();
  const values = deployedValues(templateJson);
  const trust = templateJson.Resources[logicalIdOf(identity.role)].Properties.AssumeRolePolicyDocument;
  const clusterArn = values.attributes[`${logicalIdOf(cluster.cluster)}.Arn`];
  const tags = { clusterArn, namespace: 'default', serviceAccount: 's3-sa' };

  test('the deployed cluster ARN is the one EKS tags sessions with', () => {
    expect(clusterArn).toBe(clusterArnOf('myeks'));
  });

  test.each(['sts:AssumeRole', 'sts:TagSession'])('allowed: %s with the session tags of default/s3-sa', async (action) => {
    expect(await evaluateTrust(trust, podIdentityRequest(tags, action), values)).toBe('Allowed');
  });

  test.each([
    ['another namespace', { namespace: 'kube-system' }],
    ['another service account', { serviceAccount: 'other-sa' }],
    ['a suffix variant', { serviceAccount: 's3-sa-x' }],
    ['a prefix variant', { serviceAccount: 'x-s3-sa' }],
    ['a truncated name', { serviceAccount: 's3-s' }],
    ['another cluster', { clusterArn: clusterArnOf('other') }],
    ['a cluster of another account', { clusterArn: clusterArnOf('myeks', OTHER_ACCOUNT) }],
    ['a missing cluster tag', { clusterArn: undefined }],
    ['a missing namespace tag', { namespace: undefined }],
    ['a missing service account tag', { serviceAccount: undefined }],
  ])('denied for %s', async (_what, overrides) => {
    expect(await evaluateTrust(trust, podIdentityRequest({ ...tags, ...overrides }), values)).toBe('ImplicitlyDenied');
  });

  test('denied without any session tags', async () => {
    expect(await isAllowed(trust, podIdentityRequest({}), values)).toBe(false);
  });

  test.each(['ec2.amazonaws.com', 'eks.amazonaws.com', 'lambda.amazonaws.com'])('denied for service principal %s', async (principal) => {
    expect(await isAllowed(trust, podIdentityRequest(tags, 'sts:AssumeRole', principal), values)).toBe(false);
  });

  test('denied for AssumeRoleWithWebIdentity', async () => {
    expect(await isAllowed(trust, { ...podIdentityRequest(tags), action: 'sts:AssumeRoleWithWebIdentity' }, values)).toBe(false);
  });

  test('without session tags: allowed for pods.eks.amazonaws.com with no tags, denied for other principals', async () => {
    const untagged = templateJson.Resources[logicalIdOf(noTags.role)].Properties.AssumeRolePolicyDocument;
    expect(await isAllowed(untagged, podIdentityRequest({}), values)).toBe(true);
    expect(await isAllowed(untagged, podIdentityRequest({}, 'sts:TagSession'), values)).toBe(true);
    expect(await isAllowed(untagged, podIdentityRequest({}, 'sts:AssumeRole', 'ec2.amazonaws.com'), values)).toBe(false);
  });
});

describe('cross-account pod identity target role', () => {
  const { clusterStack, dataStack, identity, target } = crossAccountPodIdentity();
  const clusterTemplate = Template.fromStack(clusterStack).toJSON();
  const trust = resourceOf(Template.fromStack(dataStack), target.role).Properties.AssumeRolePolicyDocument;
  const associationPolicies = clusterTemplate.Resources[logicalIdOf(identity.role)].Properties.Policies
    .map((p: any) => p.PolicyDocument);
  const associationRoleArn = `arn:aws:iam::${ACCOUNT}:role/app-association`;
  const request = (tags: { clusterArn?: string; namespace?: string; serviceAccount?: string }, callerRole = 'app-association') => ({
    ...podIdentityRequest(tags),
    principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${callerRole}/eks-myeks-app-12345`,
    roleArn: target.roleArn,
    identityPolicies: associationPolicies,
    context: {
      ...podIdentityRequest(tags).context,
      'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/${callerRole}`,
    },
  });
  const tags = { clusterArn: clusterArnOf('myeks'), namespace: 'app', serviceAccount: 'app' };

  test('the association role (with its inline permission) may assume the target role', async () => {
    expect(associationRoleArn).toBe(identity.roleArn);
    expect(await evaluateTrust(trust, request(tags))).toBe('Allowed');
  });

  test('without the association role permission, the cross-account call is denied', async () => {
    expect(await isAllowed(trust, { ...request(tags), identityPolicies: [] })).toBe(false);
  });

  test('another role of the cluster account is denied', async () => {
    expect(await isAllowed(trust, { ...request(tags, 'other-role') })).toBe(false);
  });

  test.each([
    ['another namespace', { ...tags, namespace: 'other' }],
    ['another service account', { ...tags, serviceAccount: 'app-x' }],
    ['another cluster', { ...tags, clusterArn: clusterArnOf('other') }],
    ['no tags', {}],
  ])('denied for %s', async (_what, t) => {
    expect(await isAllowed(trust, request(t))).toBe(false);
  });
});

describe('property-based: generated Kubernetes names', () => {
  // One imported cluster (literal issuer) keeps each case fast; each case adds identities to a
  // fresh stack so names never collide.
  const runs = { numRuns: 30 };

  test('IRSA: allowed for exactly the generated subject, denied for a one-edit mutation', async () => {
    await fc.assert(fc.asyncProperty(
      dns1123Label(), dns1123Subdomain(), fc.boolean(),
      async (namespace, name, mutateNamespace) => {
        const stack = newStack();
        const identity = importedCluster(stack).addWorkloadIdentity('Id', { namespace, serviceAccountName: name, mode: IdentityMode.IRSA });
        const trust = resourceOf(Template.fromStack(stack), identity.role).Properties.AssumeRolePolicyDocument;
        expect(await isAllowed(trust, irsaRequest({ issuer: ISSUER_A, namespace, serviceAccount: name }))).toBe(true);
        const other = fc.sample(mutatedName(mutateNamespace ? namespace : name), 1)[0];
        const mutated = mutateNamespace ? { namespace: other, serviceAccount: name } : { namespace, serviceAccount: other };
        expect(await isAllowed(trust, irsaRequest({ issuer: ISSUER_A, ...mutated }))).toBe(false);
      }), runs);
  });

  test('pod identity: allowed for exactly the generated tags, denied for a one-edit mutation', async () => {
    await fc.assert(fc.asyncProperty(
      dns1123Label(), dns1123Subdomain(), fc.boolean(),
      async (namespace, name, mutateNamespace) => {
        const stack = newStack();
        const cluster = importedCluster(stack);
        const identity = cluster.addWorkloadIdentity('Id', { namespace, serviceAccountName: name, mode: IdentityMode.POD_IDENTITY });
        const templateJson = Template.fromStack(stack).toJSON();
        const values = deployedValues(templateJson);
        const trust = templateJson.Resources[logicalIdOf(identity.role)].Properties.AssumeRolePolicyDocument;
        const clusterArn = clusterArnOf('imported');
        expect(await isAllowed(trust, podIdentityRequest({ clusterArn, namespace, serviceAccount: name }), values)).toBe(true);
        const other = fc.sample(mutatedName(mutateNamespace ? namespace : name), 1)[0];
        const mutated = mutateNamespace ? { namespace: other, serviceAccount: name } : { namespace, serviceAccount: other };
        expect(await isAllowed(trust, podIdentityRequest({ clusterArn, ...mutated }), values)).toBe(false);
      }), runs);
  });

  test('one-character namespaces and names are valid', async () => {
    const stack = newStack();
    const identity = importedCluster(stack).addWorkloadIdentity('One', { namespace: 'a', serviceAccountName: 'b', mode: IdentityMode.IRSA });
    const trust = resourceOf(Template.fromStack(stack), identity.role).Properties.AssumeRolePolicyDocument;
    expect(await isAllowed(trust, irsaRequest({ issuer: ISSUER_A, namespace: 'a', serviceAccount: 'b' }))).toBe(true);
    expect(await isAllowed(trust, irsaRequest({ issuer: ISSUER_A, namespace: 'a', serviceAccount: 'bb' }))).toBe(false);
  });

  test('an invalid namespace fails at synth with the construct path and the fix', () => {
    fc.assert(fc.property(invalidDns1123Label(), (namespace) => {
      const stack = newStack();
      const cluster = importedCluster(stack);
      expect(() => cluster.addWorkloadIdentity('Id', { namespace, serviceAccountName: 'my-sa', mode: IdentityMode.IRSA }))
        .toThrow(`Stack/Imported/Id: namespace '${namespace}' is not a valid Kubernetes namespace name`);
      expect(() => cluster.addWorkloadIdentity('Id2', { namespace, serviceAccountName: 'my-sa', mode: IdentityMode.IRSA }))
        .toThrow("Fix: use a DNS-1123 label such as 'my-app'");
    }), { numRuns: 40 });
  });

  test('an invalid service account name fails at synth with the construct path and the fix', () => {
    fc.assert(fc.property(invalidDns1123Subdomain(), (name) => {
      const stack = newStack();
      const cluster = importedCluster(stack);
      expect(() => cluster.addWorkloadIdentity('Id', { namespace: 'default', serviceAccountName: name, mode: IdentityMode.POD_IDENTITY }))
        .toThrow(`Stack/Imported/Id: service account name '${name}' is not a valid Kubernetes name`);
      expect(() => cluster.addWorkloadIdentity('Id2', { namespace: 'default', serviceAccountName: name, mode: IdentityMode.POD_IDENTITY }))
        .toThrow("Fix: use a DNS-1123 subdomain such as 'my-sa'");
    }), { numRuns: 40 });
  });
});
