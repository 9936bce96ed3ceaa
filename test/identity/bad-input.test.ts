import { App, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  IdentityMode, IIdentityCluster, KubernetesObjectsDelivery, WorkloadIdentityOptions, WorkloadPlatform,
} from '../../src';
import { errorOf } from '../support/error-of';
import {
  expectedIrsaStatement, expectedTrust, iamPolicySize, LONGEST_ISSUER, LONGEST_PROVIDER_ARN,
} from '../support/expected-trust';
import {
  ACCOUNT, importedCluster, ISSUER_B, newApp, newCluster, newStack, providerArnOf,
} from '../support/fixtures';

const IRSA = IdentityMode.IRSA;
const POD = IdentityMode.POD_IDENTITY;

function identityError(options: Partial<WorkloadIdentityOptions>, clusterAttrs = {}): string {
  const stack = newStack();
  const cluster = importedCluster(stack, 'Imported', clusterAttrs);
  return errorOf(() => cluster.addWorkloadIdentity('Id', { namespace: 'default', serviceAccountName: 'my-sa', ...options }));
}

describe('Kubernetes names', () => {
  test('namespace not a DNS-1123 label', () => {
    expect(identityError({ namespace: 'My_NS', mode: IRSA })).toBe(
      "Stack/Imported/Id: namespace 'My_NS' is not a valid Kubernetes namespace name: it contains \"M\", \"_\", \"N\", \"S\" (a DNS-1123 label has only lower case letters, digits and '-'). Fix: use a DNS-1123 label such as 'my-app'");
  });

  test('namespace with a dot (valid subdomain, invalid label)', () => {
    expect(identityError({ namespace: 'my.app', mode: POD })).toMatch(/^Stack\/Imported\/Id: namespace 'my\.app' is not a valid Kubernetes namespace name/);
  });

  test('namespace over 63 characters', () => {
    const namespace = 'n'.repeat(64);
    expect(identityError({ namespace, mode: IRSA })).toBe(
      `Stack/Imported/Id: namespace '${namespace}' is not a valid Kubernetes namespace name: it is 64 characters long (at most 63). `
      + "Fix: use a DNS-1123 label such as 'my-app'");
  });

  test('empty namespace', () => {
    expect(identityError({ namespace: '', mode: IRSA })).toBe(
      "Stack/Imported/Id: namespace '' is not a valid Kubernetes namespace name: it is empty. Fix: use a DNS-1123 label such as 'my-app'");
  });

  test('service account name not a DNS-1123 subdomain', () => {
    expect(identityError({ serviceAccountName: 'My_SA', mode: POD })).toBe(
      "Stack/Imported/Id: service account name 'My_SA' is not a valid Kubernetes name: it contains \"M\", \"_\", \"S\", \"A\" (a DNS-1123 subdomain has only lower case letters, digits, '-' and '.'). Fix: use a DNS-1123 subdomain such as 'my-sa'");
  });

  test('service account name over 253 characters', () => {
    const name = 's'.repeat(254);
    expect(identityError({ serviceAccountName: name, mode: IRSA })).toBe(
      `Stack/Imported/Id: service account name '${name}' is not a valid Kubernetes name: it is 254 characters long (at most 253). `
      + "Fix: use a DNS-1123 subdomain such as 'my-sa'");
  });

  test.each([['a', 'b'], ['0', '9'], ['a', 'b.c'], ['x'.repeat(63), 'y'.repeat(253)]])('valid (one-character names included): %#', (namespace, name) => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    expect(cluster.addWorkloadIdentity('Irsa', { namespace, serviceAccountName: name, mode: IRSA }).serviceAccountName).toBe(name);
    const other = importedCluster(stack, 'Other', { clusterName: 'other' });
    expect(other.addWorkloadIdentity('Pod', { namespace, serviceAccountName: name, mode: POD }).namespace).toBe(namespace);
  });

  test('a plain service account gets the same checks', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    expect(errorOf(() => cluster.addServiceAccount('Sa', { namespace: 'default', name: 'Bad' }))).toMatch(
      /^Stack\/Imported\/Sa: service account name 'Bad' is not a valid Kubernetes name: .* Fix: use a DNS-1123 subdomain such as 'my-sa'$/);
  });
});

describe('role names', () => {
  test('over 64 characters', () => {
    const roleName = 'r'.repeat(65);
    expect(identityError({ mode: POD, roleName })).toBe(
      `Stack/Imported/Id: roleName '${roleName}' is 65 characters long (IAM allows at most 64). `
      + 'Fix: use 1-64 characters of letters, digits and + = , . @ _ -');
  });

  test('with invalid characters', () => {
    expect(identityError({ mode: IRSA, roleName: 'my role!' })).toBe(
      "Stack/Imported/Id: roleName 'my role!' contains \" \" (whitespace), \"!\", which IAM does not allow in role names. "
      + 'Fix: use 1-64 characters of letters, digits and + = , . @ _ -');
  });

  test('64 characters and every allowed character are fine', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    expect(cluster.addWorkloadIdentity('A', { namespace: 'a', serviceAccountName: 'a', mode: POD, roleName: 'r'.repeat(64) }).roleArn)
      .toBe(`arn:aws:iam::${ACCOUNT}:role/${'r'.repeat(64)}`);
    cluster.addWorkloadIdentity('B', { namespace: 'b', serviceAccountName: 'b', mode: POD, roleName: 'Aa0+=,.@_-' });
  });

  test('roleName together with role', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com') });
    const cluster = importedCluster(stack);
    expect(errorOf(() => cluster.addWorkloadIdentity('Id', { namespace: 'default', serviceAccountName: 'my-sa', mode: POD, role, roleName: 'x' })))
      .toBe('Stack/Imported/Id: roleName describes the role the library creates, and role brings your own. '
        + 'Fix: set roleName to shape the role the library creates, or role to bring your own, not both');
  });
});

describe('one identity per service account', () => {
  test.each([
    ['two IRSA identities', IRSA, IRSA, true],
    ['IRSA then pod identity', IRSA, POD, true],
    ['two pod identities without ServiceAccount objects', POD, POD, false],
  ])('%s for the same cluster/namespace/service account', (_what, first, second, createServiceAccount) => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    cluster.addWorkloadIdentity('First', { namespace: 'default', serviceAccountName: 'my-sa', mode: first, createServiceAccount });
    expect(errorOf(() => cluster.addWorkloadIdentity('Second', {
      namespace: 'default', serviceAccountName: 'my-sa', mode: second, createServiceAccount,
    }))).toBe('Stack/Imported/Second: service account default/my-sa of cluster Stack/Imported is already defined by Stack/Imported/First. '
      + 'Fix: give each service account a single identity; to grant more permissions, add statements or policies to the existing one');
  });

  test('an identity and a plain service account of the same name', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    cluster.addWorkloadIdentity('First', { namespace: 'default', serviceAccountName: 'my-sa', mode: POD });
    expect(errorOf(() => cluster.addServiceAccount('Plain', { namespace: 'default', name: 'my-sa' })))
      .toMatch(/^Stack\/Imported\/Plain: service account default\/my-sa of cluster Stack\/Imported is already defined by Stack\/Imported\/First\. Fix: /);
  });

  test('a second cluster of a multi-cluster identity is claimed too', () => {
    const stack = newStack();
    const a = importedCluster(stack, 'A');
    const b = importedCluster(stack, 'B', { clusterName: 'b', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
    a.addWorkloadIdentity('Shared', { namespace: 'apps', serviceAccountName: 'shared', mode: IRSA, additionalClusters: [b] });
    expect(errorOf(() => b.addWorkloadIdentity('Local', { namespace: 'apps', serviceAccountName: 'shared', mode: POD })))
      .toMatch(/^Stack\/B\/Local: service account apps\/shared of cluster Stack\/B is already defined by Stack\/A\/Shared\. Fix: /);
  });

  test('the same name in another namespace or another cluster is fine', () => {
    const stack = newStack();
    const a = importedCluster(stack, 'A');
    const b = importedCluster(stack, 'B', { clusterName: 'b' });
    a.addWorkloadIdentity('One', { namespace: 'default', serviceAccountName: 'my-sa', mode: POD });
    a.addWorkloadIdentity('Two', { namespace: 'other', serviceAccountName: 'my-sa', mode: POD });
    b.addWorkloadIdentity('Three', { namespace: 'default', serviceAccountName: 'my-sa', mode: POD });
  });
});

describe('mode-specific options', () => {
  const sessionPolicy = new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });

  test.each([
    ['disableSessionTags', { disableSessionTags: true }],
    ['sessionPolicy', { sessionPolicy }],
    ['targetRoleArn', { targetRoleArn: 'arn:aws:iam::210987654321:role/target' }],
  ])('pod-identity-only option %s on IRSA', (name, options) => {
    expect(identityError({ mode: IRSA, ...options })).toBe(
      `Stack/Imported/Id: ${name} does not apply to IRSA (IRSA was requested). Fix: remove ${name}, or set mode to IdentityMode.POD_IDENTITY`);
  });

  test('pod-identity-only option on an AUTO identity that chose IRSA names the reason', () => {
    expect(identityError({ mode: IdentityMode.AUTO, platform: WorkloadPlatform.FARGATE, disableSessionTags: true })).toBe(
      'Stack/Imported/Id: disableSessionTags does not apply to IRSA (AUTO chose IRSA: EKS Pod Identity does not run on AWS Fargate). '
      + 'Fix: remove disableSessionTags, or set mode to IdentityMode.POD_IDENTITY');
  });

  test('IRSA-only option tokenExpiration on pod identity', () => {
    expect(identityError({ mode: POD, tokenExpiration: Duration.hours(1) })).toBe(
      'Stack/Imported/Id: tokenExpiration does not apply to POD_IDENTITY (pod identity was requested). '
      + 'Fix: remove tokenExpiration, or set mode to IdentityMode.IRSA');
  });

  test('session policy with session tags on', () => {
    expect(identityError({ mode: POD, sessionPolicy })).toBe(
      'Stack/Imported/Id: a session policy requires session tags to be disabled (EKS rejects Policy without DisableSessionTags). '
      + 'Fix: set disableSessionTags: true, or remove sessionPolicy');
  });

  test('tokenExpiration under 600 seconds', () => {
    expect(identityError({ mode: IRSA, tokenExpiration: Duration.minutes(5) })).toBe(
      'Stack/Imported/Id: tokenExpiration is 300 seconds; Kubernetes requires at least 600. Fix: use Duration.minutes(10) or more');
    expect(identityError({ mode: IRSA, tokenExpiration: Duration.seconds(599) })).toMatch(/tokenExpiration is 599 seconds/);
  });

  test('tokenExpiration of exactly 600 seconds is fine', () => {
    const stack = newStack();
    importedCluster(stack).addWorkloadIdentity('Id', { namespace: 'default', serviceAccountName: 'my-sa', mode: IRSA, tokenExpiration: Duration.seconds(600) });
  });
});

describe('POD_IDENTITY where it cannot work', () => {
  const fix = 'Fix: use IdentityMode.IRSA, or IdentityMode.AUTO to let the library choose';

  test.each([
    [WorkloadPlatform.FARGATE, 'EKS Pod Identity does not run on AWS Fargate'],
    [WorkloadPlatform.WINDOWS, 'EKS Pod Identity does not run on Windows nodes'],
  ])('on %s', (platform, reason) => {
    expect(identityError({ mode: POD, platform })).toBe(`Stack/Imported/Id: POD_IDENTITY cannot work here: ${reason}. ${fix}`);
  });

  test('in a China region', () => {
    const stack = newStack(newApp(), 'Stack', { env: { account: ACCOUNT, region: 'cn-north-1' } });
    const cluster = importedCluster(stack);
    expect(errorOf(() => cluster.addWorkloadIdentity('Id', { namespace: 'default', serviceAccountName: 'my-sa', mode: POD })))
      .toBe(`Stack/Imported/Id: POD_IDENTITY cannot work here: EKS Pod Identity is not available in the China regions (cn-north-1). ${fix}`);
  });

  test('in a China region with a created cluster', () => {
    const stack = newStack(newApp(), 'Stack', { env: { account: ACCOUNT, region: 'cn-northwest-1' } });
    const cluster = newCluster(stack);
    expect(errorOf(() => cluster.addWorkloadIdentity('Id', { namespace: 'default', serviceAccountName: 'my-sa', mode: POD })))
      .toBe(`Stack/Cluster/Id: POD_IDENTITY cannot work here: EKS Pod Identity is not available in the China regions (cn-northwest-1). ${fix}`);
  });

  test('on an imported cluster without the agent', () => {
    expect(identityError({ mode: POD }, { podIdentityAgentInstalled: false })).toBe('Stack/Imported/Id: POD_IDENTITY cannot work here: '
      + `the eks-pod-identity-agent is not installed in the cluster (podIdentityAgentInstalled: false). ${fix}`);
  });

  test('with a wildcard subject', () => {
    expect(identityError({ mode: POD, namespace: 'team-*', allowWildcardSubject: true }))
      .toBe(`Stack/Imported/Id: POD_IDENTITY cannot work here: pod identity has no wildcard namespaces or service accounts. ${fix}`);
  });

  test('for several clusters', () => {
    const stack = newStack();
    const a = importedCluster(stack, 'A');
    const b = importedCluster(stack, 'B', { clusterName: 'b', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
    expect(errorOf(() => a.addWorkloadIdentity('Id', { namespace: 'default', serviceAccountName: 'my-sa', mode: POD, additionalClusters: [b] })))
      .toBe('Stack/A/Id: POD_IDENTITY cannot work here: one role for several clusters is an IRSA trust '
        + `(pod identity associations are per cluster). ${fix}`);
  });
});

describe('trust policy size', () => {
  const literalIssuer = (i: number) => `oidc.eks.ap-northeast-2.amazonaws.com/id/${i.toString(16).toUpperCase().padStart(32, '0')}`;
  const subject = (namespace: string) => `system:serviceaccount:${namespace}:shared`;
  const literalSize = (namespace: string, n: number) => iamPolicySize(expectedTrust(Array.from({ length: n },
    (_, i) => expectedIrsaStatement(providerArnOf(literalIssuer(i)), literalIssuer(i), subject(namespace)))));
  const worstSize = (namespace: string, n: number) => iamPolicySize(expectedTrust(Array.from({ length: n },
    () => expectedIrsaStatement(LONGEST_PROVIDER_ARN, LONGEST_ISSUER, subject(namespace)))));
  const firstOver = (size: (n: number) => number) => {
    let n = 1;
    while (size(n) <= 2048) n++;
    return n;
  };
  const message = (path: string, size: number) => `${path}: the role trust policy can reach ${size} characters without whitespace `
    + "(IAM's default quota is 2048; values only known at deploy time were counted at their longest). "
    + 'Fix: trust fewer clusters with one role (split the identity), or use pod identity, which has no per-cluster trust';
  const shared = (namespace: string, clusters: IIdentityCluster[]) => () => clusters[0].addWorkloadIdentity('Shared', {
    namespace, serviceAccountName: 'shared', mode: IRSA, additionalClusters: clusters.slice(1),
  });

  function literalClusters(stack: Stack, n: number): IIdentityCluster[] {
    return Array.from({ length: n }, (_, i) => importedCluster(stack, `C${i}`, { clusterName: `c${i}`, openIdConnectIssuerUrl: `https://${literalIssuer(i)}` }));
  }

  function createdClusters(stack: Stack, n: number): IIdentityCluster[] {
    return Array.from({ length: n }, (_, i) => newCluster(stack, 'nodegroup', { clusterName: `c${i}` }, `C${i}`));
  }

  test('literal issuers: the largest cluster count that fits synthesizes; one more fails with the exact size', () => {
    const over = firstOver((n) => literalSize('apps', n));
    expect(literalSize('apps', over)).toBeGreaterThan(2048);
    expect(shared('apps', literalClusters(newStack(), over - 1))).not.toThrow();
    expect(errorOf(shared('apps', literalClusters(newStack(), over)))).toBe(message('Stack/C0/Shared', literalSize('apps', over)));
  });

  test('token issuers (clusters created in the stack) are counted at their longest possible value', () => {
    // A namespace length where N literal issuers fit but N issuers of the longest possible length do not.
    const namespace = Array.from({ length: 63 }, (_, i) => 'n'.repeat(i + 1))
      .find((ns) => firstOver((n) => worstSize(ns, n)) < firstOver((n) => literalSize(ns, n)))!;
    expect(namespace).toBeDefined();
    const n = firstOver((k) => worstSize(namespace, k));
    expect(literalSize(namespace, n)).toBeLessThanOrEqual(2048);
    expect(shared(namespace, literalClusters(newStack(), n))).not.toThrow();
    expect(errorOf(shared(namespace, createdClusters(newStack(), n)))).toBe(message('Stack/C0/Shared', worstSize(namespace, n)));
    expect(shared(namespace, createdClusters(newStack(), n - 1))).not.toThrow();
  });
});

describe('Kubernetes objects delivery', () => {
  test('KUBECTL delivery without a kubectl provider (created cluster)', () => {
    const stack = newStack();
    expect(errorOf(() => newCluster(stack, 'nodegroup', { kubernetesObjectsDelivery: KubernetesObjectsDelivery.KUBECTL })))
      .toBe('Stack/Cluster/KubernetesObjects: KUBECTL delivery needs a cluster with a kubectl provider. '
        + 'Fix: set kubectlProviderOptions on the cluster (or kubectlProvider when importing it), or use KubernetesObjectsDelivery.FILES');
  });

  test('KUBECTL delivery without a kubectl cluster (imported cluster)', () => {
    const stack = newStack();
    expect(errorOf(() => importedCluster(stack, 'Imported', { kubernetesObjectsDelivery: KubernetesObjectsDelivery.KUBECTL })))
      .toMatch(/^Stack\/Imported\/KubernetesObjects: KUBECTL delivery needs a cluster with a kubectl provider\. Fix: /);
  });

  test('FILES delivery with a role ARN that cannot resolve (env-agnostic stack) fails at synth', () => {
    const app = newApp();
    const stack = new Stack(app, 'Agnostic');
    const cluster = importedCluster(stack);
    cluster.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IRSA });
    const error = errorOf(() => app.synth());
    expect(error).toContain('Agnostic/Imported/KubernetesObjects: the Kubernetes object ServiceAccount/default/my-sa field '
      + 'metadata.annotations.eks.amazonaws.com/role-arn is not known at synth (Ref AWS::Partition, Ref AWS::AccountId), '
      + 'so it cannot be written to Agnostic.Imported.k8s.yaml. '
      + 'Fix: give the stack a concrete account and region (env: { account, region }) and the IAM role a name (roleName), '
      + 'or use KubernetesObjectsDelivery.KUBECTL');
  });

  test('FILES delivery with an env-agnostic stack and only pod identities synthesizes (no role ARN in YAML)', () => {
    const app = newApp();
    const stack = new Stack(app, 'Agnostic');
    importedCluster(stack).addWorkloadIdentity('S3', { namespace: 'default', serviceAccountName: 's3-sa', mode: POD });
    expect(() => app.synth()).not.toThrow();
  });

  test('the same stack with env set synthesizes', () => {
    const app: App = newApp();
    const stack = newStack(app);
    importedCluster(stack).addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IRSA });
    expect(() => app.synth()).not.toThrow();
  });
});
