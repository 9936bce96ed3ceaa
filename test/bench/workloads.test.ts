import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { parseAllDocuments } from 'yaml';
import { AssemblyMetrics, measureAssembly } from '../../bench/metrics';
import { buildIdentityWorkload, buildScaleWorkload, buildWorkload, newBenchApp, Workload } from '../../bench/workloads';

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function newApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
  outdirs.push(outdir);
  return newBenchApp({ outdir });
}

function synthMetrics(workload: Workload, n: number): AssemblyMetrics {
  const app = newApp();
  buildWorkload(workload, app, n);
  return measureAssembly(app.synth());
}

/** Resource counts of `after` minus those of `before`, only where they differ. */
function addedTypes(before: AssemblyMetrics, after: AssemblyMetrics): { [type: string]: number } {
  const out: { [type: string]: number } = {};
  for (const type of new Set([...Object.keys(before.resourcesByType), ...Object.keys(after.resourcesByType)])) {
    const added = (after.resourcesByType[type] ?? 0) - (before.resourcesByType[type] ?? 0);
    if (added !== 0) out[type] = added;
  }
  return out;
}

let vpc: AssemblyMetrics;
const metrics: { [key: string]: AssemblyMetrics } = {};
beforeAll(() => {
  vpc = synthMetrics('shared-vpc', 0);
  for (const workload of ['cdk-eks-identity', 'aws-eks-v2'] as const) {
    for (const n of [0, 2]) metrics[`${workload}:${n}`] = synthMetrics(workload, n);
  }
});

test('the shared VPC brings one Lambda-backed custom resource (restrictDefaultSecurityGroup), the same on both sides', () => {
  expect(vpc.lambdaFunctions).toBe(1);
  expect(vpc.customResources).toBe(1);
  expect(vpc.resourcesByType['Custom::VpcRestrictDefaultSG']).toBe(1);
  for (const side of ['cdk-eks-identity', 'aws-eks-v2']) {
    expect(metrics[`${side}:2`].resourcesByType['AWS::EC2::VPC']).toBe(1);
    expect(metrics[`${side}:2`].resourcesByType['AWS::EC2::Subnet']).toBe(4);
    expect(metrics[`${side}:2`].resourcesByType['Custom::VpcRestrictDefaultSG']).toBe(1);
  }
});

test('cdk-eks-identity at N=2: no Lambda and no custom resource beyond the VPC\'s, 3 resources for one IRSA + one pod identity account', () => {
  const zero = metrics['cdk-eks-identity:0'];
  const two = metrics['cdk-eks-identity:2'];
  expect(two.lambdaFunctions).toBe(vpc.lambdaFunctions);
  expect(two.customResources).toBe(vpc.customResources);
  expect(two.nestedStacks).toBe(0);
  expect(addedTypes(zero, two)).toEqual({
    'AWS::IAM::Role': 2,
    'AWS::EKS::PodIdentityAssociation': 1,
  });
  expect(two.resources - zero.resources).toBe(3);
  expect(two.resourcesByType['AWS::EKS::AccessEntry']).toBe(1);
  expect(two.resourcesByType['AWS::IAM::Policy']).toBeUndefined();
  expect(two.stacks.map((s) => s.stackName)).toEqual(['Bench']);
});

test('cdk-eks-identity at N=2 writes both ServiceAccounts as YAML, the IRSA one annotated', () => {
  const app = newApp();
  buildWorkload('cdk-eks-identity', app, 2);
  const assembly = app.synth();
  const files = fs.readdirSync(assembly.directory).filter((f) => f.endsWith('.k8s.yaml'));
  expect(files).toHaveLength(1);
  const docs = parseAllDocuments(fs.readFileSync(path.join(assembly.directory, files[0]), 'utf8')).map((d) => d.toJS());
  expect(docs.map((d) => `${d.kind}/${d.metadata.namespace}/${d.metadata.name}`)).toEqual(['ServiceAccount/bench/sa-0', 'ServiceAccount/bench/sa-1']);
  expect(docs[0].metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::123456789012:role\/Bench-C-Sa0-/);
  expect(docs[1].metadata.annotations?.['eks.amazonaws.com/role-arn']).toBeUndefined();
});

test('aws-eks-v2 at N=2: kubectl and CfnJson Lambdas, a custom resource per service account, 12 more resources', () => {
  const zero = metrics['aws-eks-v2:0'];
  const two = metrics['aws-eks-v2:2'];
  // The VPC's handler, the kubectl handler and its provider framework, the CfnJson provider.
  expect(two.lambdaFunctions).toBe(4);
  expect(two.customResources).toBe(4);
  expect(two.resourcesByType['Custom::AWSCDK-EKS-KubernetesResource']).toBe(2);
  expect(two.resourcesByType['Custom::AWSCDKCfnJson']).toBe(1);
  expect(addedTypes(zero, two)).toEqual({
    'AWS::IAM::Role': 3, // two service account roles and the CfnJson provider's role
    'AWS::IAM::Policy': 2,
    'AWS::EKS::PodIdentityAssociation': 1,
    'AWS::EKS::Addon': 1, // the pod identity agent, added with the first pod identity account
    'AWS::IAM::OIDCProvider': 1, // added with the first IRSA account
    'AWS::Lambda::Function': 1,
    'Custom::AWSCDK-EKS-KubernetesResource': 2,
    'Custom::AWSCDKCfnJson': 1,
  });
  expect(two.resources - zero.resources).toBe(12);
});

test('cdk-eks-identity needs fewer resources and template bytes than aws-eks-v2 at N=2', () => {
  expect(metrics['cdk-eks-identity:2'].resources).toBeLessThan(metrics['aws-eks-v2:2'].resources);
  expect(metrics['cdk-eks-identity:2'].templateBytes).toBeLessThan(metrics['aws-eks-v2:2'].templateBytes);
  expect(metrics['aws-eks-v2:2'].kubernetesManifestBytes).toBe(0);
  expect(metrics['cdk-eks-identity:2'].kubernetesManifestBytes).toBeGreaterThan(0);
});

test('a large cdk-eks-identity workload is split into stacks that import the cluster', () => {
  const app = newApp();
  const stacks = buildIdentityWorkload(app, 5, 2);
  expect(stacks.map((s) => s.stackName)).toEqual(['Bench', 'BenchTeam1', 'BenchTeam2']);
  const assembly = measureAssembly(app.synth());
  const perStack = Object.fromEntries(assembly.stacks.map((s) => [s.stackName, s.resources]));
  // Team stacks: 1 role per IRSA identity, 2 resources per pod identity one, and the CDK metadata resource.
  expect(perStack.BenchTeam1).toBe(1 + 2 + 1); // sa-2 (IRSA), sa-3 (pod identity)
  expect(perStack.BenchTeam2).toBe(1 + 1); // sa-4 (IRSA)
  expect(assembly.resourcesByType['AWS::EKS::Cluster']).toBe(1);
  expect(assembly.lambdaFunctions).toBe(vpc.lambdaFunctions);
});

test('the scale workload spreads N identities evenly over its stacks: the cluster\'s and stacks that import it', () => {
  const app = newApp();
  const stacks = buildScaleWorkload(app, 7, 3);
  expect(stacks.map((s) => s.stackName)).toEqual(['Bench', 'BenchTeam1', 'BenchTeam2']);
  const assembly = measureAssembly(app.synth());
  const perStack = Object.fromEntries(assembly.stacks.map((s) => [s.stackName, s.resources]));
  const zero = metrics['cdk-eks-identity:0'];
  // 3, 2 and 2 identities: sa-0..2 (2 IRSA, 1 pod identity), sa-3..4 (1 and 1), sa-5..6 (1 and 1).
  expect(perStack.Bench).toBe(zero.resources + 2 + 2);
  expect(perStack.BenchTeam1).toBe(1 + 2 + 1);
  expect(perStack.BenchTeam2).toBe(2 + 1 + 1);
  expect(assembly.resourcesByType['AWS::EKS::Cluster']).toBe(1);
  expect(assembly.resourcesByType['AWS::EKS::PodIdentityAssociation']).toBe(3);
});
