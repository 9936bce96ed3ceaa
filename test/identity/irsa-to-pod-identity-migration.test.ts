import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { parseAllDocuments } from 'yaml';
import { EksIdentityChecks, IdentityCluster, IdentityMode, WorkloadIdentityOptions } from '../../src';
import { isAllowed, irsaRequest, podIdentityRequest } from '../support/iam-evaluator';
import { deployedValues } from '../support/intrinsics';

/** The three states of a move from IRSA to pod identity, one identity `default/app`. */
const STATES: { [state: string]: Partial<WorkloadIdentityOptions> } = {
  irsa: { mode: IdentityMode.IRSA },
  transition: { mode: IdentityMode.POD_IDENTITY, irsaTransition: true },
  podIdentity: { mode: IdentityMode.POD_IDENTITY },
};

interface Synthesized { template: any; objects: any[]; directory: string }

function synth(state: string): Synthesized {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `migration-${state}-`));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Platform', { env: { account: '111122223333', region: 'ap-northeast-2' } });
  const cluster = new IdentityCluster(stack, 'Cluster', {
    clusterName: 'myeks', version: eks.KubernetesVersion.V1_33, defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
  });
  cluster.addWorkloadIdentity('App', {
    namespace: 'default',
    serviceAccountName: 'app',
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess')],
    ...STATES[state],
  });
  const assembly = app.synth();
  const file = fs.readdirSync(assembly.directory).find((f) => f.endsWith('.k8s.yaml'))!;
  return {
    template: assembly.getStackByName('Platform').template,
    objects: parseAllDocuments(fs.readFileSync(path.join(assembly.directory, file), 'utf8')).map((d) => d.toJS()),
    directory: assembly.directory,
  };
}

const synthesized = Object.fromEntries(Object.keys(STATES).map((state) => [state, synth(state)]));

function appRole(state: string): [string, any] {
  return Object.entries<any>(synthesized[state].template.Resources)
    .find(([id, r]) => r.Type === 'AWS::IAM::Role' && id.startsWith('ClusterApp'))!;
}

function trustText(state: string): string {
  return JSON.stringify(appRole(state)[1].Properties.AssumeRolePolicyDocument);
}

function annotations(state: string): any {
  return synthesized[state].objects.find((o) => o.kind === 'ServiceAccount' && o.metadata.name === 'app').metadata.annotations;
}

function associations(state: string): any[] {
  return Object.values<any>(synthesized[state].template.Resources).filter((r) => r.Type === 'AWS::EKS::PodIdentityAssociation');
}

function findingIds(state: string): string[] {
  return new EksIdentityChecks().checkAssembly(synthesized[state].directory).map((f) => f.ruleId).sort();
}

test('the role is the same resource with the same name in every state (updated in place, never replaced)', () => {
  const [irsaId, irsa] = appRole('irsa');
  for (const state of ['transition', 'podIdentity']) {
    const [id, role] = appRole(state);
    expect(id).toBe(irsaId);
    expect(role.Properties.RoleName).toBe(irsa.Properties.RoleName);
    expect(role.Properties.ManagedPolicyArns).toEqual(irsa.Properties.ManagedPolicyArns);
  }
});

test('IRSA: web identity trust only, annotation, no association', () => {
  expect(trustText('irsa')).toContain('sts:AssumeRoleWithWebIdentity');
  expect(trustText('irsa')).not.toContain('pods.eks.amazonaws.com');
  expect(annotations('irsa')['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::111122223333:role\//);
  expect(associations('irsa')).toHaveLength(0);
});

test('transition: the role trusts both the OIDC provider and pods.eks.amazonaws.com, the association exists, the annotation stays', () => {
  const text = trustText('transition');
  expect(text).toContain('sts:AssumeRoleWithWebIdentity');
  expect(text).toContain(':sub\\":\\"system:serviceaccount:default:app\\"');
  expect(text).toContain('pods.eks.amazonaws.com');
  expect(text).toContain('aws:RequestTag/kubernetes-service-account');
  expect(associations('transition')).toHaveLength(1);
  expect(associations('transition')[0].Properties).toMatchObject({ Namespace: 'default', ServiceAccount: 'app' });
  expect(annotations('transition')['eks.amazonaws.com/role-arn']).toBe(annotations('irsa')['eks.amazonaws.com/role-arn']);
});

test('transition, through the IAM evaluator: both kinds of credentials work for default/app only', async () => {
  const template = synthesized.transition.template;
  const values = deployedValues(template);
  const trust = appRole('transition')[1].Properties.AssumeRolePolicyDocument;
  const clusterId = Object.keys(template.Resources).find((id) => template.Resources[id].Type === 'AWS::EKS::Cluster')!;
  const issuer = values.attributes[`${clusterId}.OpenIdConnectIssuerUrl`].replace('https://', '');
  const clusterArn = values.attributes[`${clusterId}.Arn`];
  expect(await isAllowed(trust, irsaRequest({ issuer, namespace: 'default', serviceAccount: 'app' }), values)).toBe(true);
  expect(await isAllowed(trust, irsaRequest({ issuer, namespace: 'default', serviceAccount: 'other' }), values)).toBe(false);
  expect(await isAllowed(trust, podIdentityRequest({ clusterArn, namespace: 'default', serviceAccount: 'app' }), values)).toBe(true);
  expect(await isAllowed(trust, podIdentityRequest({ clusterArn, namespace: 'default', serviceAccount: 'other' }), values)).toBe(false);
});

test('final: pod identity trust only, no annotation, the association stays', () => {
  const trust = appRole('podIdentity')[1].Properties.AssumeRolePolicyDocument;
  expect(trust.Statement).toHaveLength(1);
  expect(trust.Statement[0].Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
  expect(trustText('podIdentity')).not.toContain('AssumeRoleWithWebIdentity');
  expect(annotations('podIdentity')).toBeUndefined();
  expect(associations('podIdentity')).toHaveLength(1);
});

test('the checks\' verdict on each state: only the transition has a service account with both identities', () => {
  expect(findingIds('irsa')).toEqual([]);
  expect(findingIds('transition')).toEqual(['EKSID-SA-002']);
  expect(findingIds('podIdentity')).toEqual([]);
});

test('the three states\' trust documents match the snapshot', () => {
  expect(Object.fromEntries(Object.keys(STATES).map((s) => [s, appRole(s)[1].Properties.AssumeRolePolicyDocument]))).toMatchSnapshot();
});

test('irsaTransition on an IRSA identity fails at synth with the fix', () => {
  const stack = new Stack(new App(), 'S', { env: { account: '111122223333', region: 'ap-northeast-2' } });
  const cluster = new IdentityCluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_33, defaultCapacityType: eks.DefaultCapacityType.NODEGROUP });
  expect(() => cluster.addWorkloadIdentity('App', { namespace: 'default', serviceAccountName: 'app', mode: IdentityMode.IRSA, irsaTransition: true }))
    .toThrow('S/Cluster/App: irsaTransition does not apply to IRSA (IRSA was requested). Fix: remove irsaTransition, or set mode to IdentityMode.POD_IDENTITY');
});
