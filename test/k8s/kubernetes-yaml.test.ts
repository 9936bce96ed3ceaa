import { Duration } from 'aws-cdk-lib';
import { IdentityMode } from '../../src';
import {
  ACCOUNT, importedCluster, ISSUER_B, newApp, newCluster, newStack,
} from '../support/fixtures';
import { objectKey, synthKubernetesFiles, validateKubernetesObject } from '../support/kubernetes-output';

const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'cdk-eks-identity' };

describe('the YAML of one cluster', () => {
  const app = newApp();
  const stack = newStack(app);
  const cluster = newCluster(stack);
  const irsa = cluster.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
  cluster.addWorkloadIdentity('S3', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
  const expiring = cluster.addWorkloadIdentity('Expiring', {
    namespace: 'apps',
    serviceAccountName: 'short-lived',
    mode: IdentityMode.IRSA,
    tokenExpiration: Duration.hours(1),
    createNamespace: true,
    roleName: 'short-lived-reader',
  });
  cluster.addWorkloadIdentity('Apps2', { namespace: 'apps', serviceAccountName: 'second', mode: IdentityMode.POD_IDENTITY, createNamespace: true });
  cluster.addWorkloadIdentity('InDefault', { namespace: 'default', serviceAccountName: 'asks-for-default', mode: IdentityMode.POD_IDENTITY, createNamespace: true });
  cluster.addWorkloadIdentity('System', { namespace: 'kube-system', serviceAccountName: 'controller', mode: IdentityMode.POD_IDENTITY, createNamespace: true });
  cluster.addWorkloadIdentity('NoNs', { namespace: 'not-created', serviceAccountName: 'x', mode: IdentityMode.POD_IDENTITY });
  cluster.addWorkloadIdentity('External', {
    namespace: 'helm', serviceAccountName: 'chart-made', mode: IdentityMode.POD_IDENTITY, createServiceAccount: false,
  });
  cluster.addServiceAccount('Plain', { namespace: 'default', name: 'no-aws' });
  const files = synthKubernetesFiles(app);
  const objects = Object.values(files).flat();
  const find = (key: string) => objects.find((o) => objectKey(o) === key);

  test('one file for the cluster', () => {
    expect(Object.keys(files)).toEqual([cluster.kubernetesObjects.manifestFileName]);
    expect(cluster.kubernetesObjects.manifestFileName).toBe('Stack.Cluster.k8s.yaml');
  });

  test('every object is valid against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const obj of objects) expect(() => validateKubernetesObject(obj)).not.toThrow();
  });

  test('exactly these objects', () => {
    expect(objects.map(objectKey).sort()).toEqual([
      'Namespace apps',
      'ServiceAccount apps/second',
      'ServiceAccount apps/short-lived',
      'ServiceAccount default/asks-for-default',
      'ServiceAccount default/my-sa',
      'ServiceAccount default/no-aws',
      'ServiceAccount default/s3-sa',
      'ServiceAccount kube-system/controller',
      'ServiceAccount not-created/x',
    ]);
  });

  test('IRSA service account: the role-arn annotation with the literal role ARN', () => {
    expect(find('ServiceAccount default/my-sa')).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'my-sa',
        namespace: 'default',
        labels: MANAGED_BY,
        annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/Stack-Cluster-Reader-7475E320` },
      },
    });
    expect(irsa.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/Stack-Cluster-Reader-7475E320`);
  });

  test('pod identity service account: no annotation at all', () => {
    expect(find('ServiceAccount default/s3-sa')).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 's3-sa', namespace: 'default', labels: MANAGED_BY },
    });
  });

  test('token expiration annotation when set', () => {
    expect(find('ServiceAccount apps/short-lived').metadata.annotations).toEqual({
      'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/short-lived-reader`,
      'eks.amazonaws.com/token-expiration': '3600',
    });
    expect(expiring.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/short-lived-reader`);
  });

  test('a Namespace only when asked, once, never for default or kube-system', () => {
    expect(objects.filter((o) => o.kind === 'Namespace')).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps', labels: MANAGED_BY } },
    ]);
  });

  test('no object when the service account is made elsewhere', () => {
    expect(objects.filter((o) => o.metadata?.namespace === 'helm')).toEqual([]);
  });

  test('a plain service account has no annotation', () => {
    expect(find('ServiceAccount default/no-aws').metadata).toEqual({ name: 'no-aws', namespace: 'default', labels: MANAGED_BY });
  });

  test('no unresolved token or intrinsic in the YAML', () => {
    const text = JSON.stringify(objects);
    expect(text).not.toMatch(/\$\{Token\[|Fn::|"Ref"/);
  });
});

describe('several clusters', () => {
  const app = newApp();
  const stack = newStack(app);
  const a = newCluster(stack, 'nodegroup', { clusterName: 'a' }, 'A');
  const b = importedCluster(stack, 'B', { clusterName: 'b', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
  const empty = importedCluster(stack, 'Empty', { clusterName: 'empty' });
  const shared = a.addWorkloadIdentity('Shared', { namespace: 'apps', serviceAccountName: 'shared', mode: IdentityMode.IRSA, additionalClusters: [b] });
  b.addWorkloadIdentity('Local', { namespace: 'default', serviceAccountName: 'local', mode: IdentityMode.POD_IDENTITY });
  const files = synthKubernetesFiles(app);

  test('one file per cluster that has objects', () => {
    expect(Object.keys(files).sort()).toEqual([a.kubernetesObjects.manifestFileName, b.kubernetesObjects.manifestFileName].sort());
    expect(empty.kubernetesObjects.renderManifests()).toEqual([]);
  });

  test('a multi-cluster identity writes its service account into every cluster, with the same role', () => {
    const annotation = { 'eks.amazonaws.com/role-arn': shared.roleArn };
    expect(files[a.kubernetesObjects.manifestFileName].map((o) => [objectKey(o), o.metadata.annotations]))
      .toEqual([['ServiceAccount apps/shared', annotation]]);
    expect(files[b.kubernetesObjects.manifestFileName].map((o) => [objectKey(o), o.metadata.annotations]).sort())
      .toEqual([['ServiceAccount apps/shared', annotation], ['ServiceAccount default/local', undefined]]);
  });

  test('every object is valid against the Kubernetes schemas', () => {
    for (const obj of Object.values(files).flat()) validateKubernetesObject(obj);
  });
});

describe('the schema validation can fail', () => {
  test.each([
    [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 5 } }, 'data/metadata/name must be string'],
    [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'a', annotations: { x: 1 } } }, 'must be string'],
    [{ apiVersion: 'v2', kind: 'Namespace', metadata: { name: 'a' } }, 'no schema for v2 Namespace'],
  ])('%j', (obj, message) => {
    expect(() => validateKubernetesObject(obj)).toThrow(message);
  });
});

test('a synth renders the chart once: the objects the validation checked are the ones written', () => {
  const app = newApp();
  const cluster = importedCluster(newStack(app));
  cluster.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
  const render = jest.spyOn(cluster.kubernetesObjects, 'renderManifests');
  const files = synthKubernetesFiles(app);
  expect(render).toHaveBeenCalledTimes(1);
  expect(Object.values(files).flat().map(objectKey)).toContain('ServiceAccount default/my-sa');
});
