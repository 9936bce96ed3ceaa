import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { Job } from 'kubernetes-models/batch/v1';
import { ServiceAccount, Pod } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { createLabApp } from '../../labs/lab-app';
import { LAB1_ROLE_NAME } from '../../labs/lab1-irsa';
import { LAB2_ROLE_NAME } from '../../labs/lab2-pod-identity';
import { CLOUDFORMATION_VALIDATE_PLUGIN, validationReports, withCloudFormationValidation } from '../support/cloudformation-validation';

const IDENTITY_TYPES = [
  'AWS::IAM::Role', 'AWS::IAM::OIDCProvider', 'AWS::EKS::PodIdentityAssociation', 'AWS::EKS::Addon', 'AWS::EKS::AccessEntry',
];

let assembly: CloudAssembly;
beforeAll(() => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'labs-'));
  assembly = withCloudFormationValidation(() => createLabApp({ outdir }).synth());
});

function template(stackName: string): any {
  return assembly.getStackByName(stackName).template;
}

function resourcesOfType(stackName: string, type: string): any[] {
  return Object.values<any>(template(stackName).Resources).filter((r) => r.Type === type);
}

function k8sObjects(stackName: string): any[] {
  const files = fs.readdirSync(assembly.directory).filter((f) => f.startsWith(`${stackName}.`) && f.endsWith('.k8s.yaml'));
  expect(files).toHaveLength(1);
  return parseAllDocuments(fs.readFileSync(path.join(assembly.directory, files[0]), 'utf8')).map((d) => d.toJS());
}

describe.each(['EksIdentityLab1Irsa', 'EksIdentityLab2PodIdentity'])('%s', (stackName) => {
  test('no Lambda, no custom resource, no nested stack on the identity path', () => {
    const types = Object.values<any>(template(stackName).Resources).map((r) => r.Type as string);
    expect(types.filter((t) => t === 'AWS::Lambda::Function')).toEqual([]);
    expect(types.filter((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource')).toEqual([]);
    expect(types.filter((t) => t === 'AWS::CloudFormation::Stack')).toEqual([]);
  });

  test('passes the CloudFormation validator with no violations', () => {
    const reports = validationReports(assembly.directory);
    expect(Object.keys(reports)).toContain(CLOUDFORMATION_VALIDATE_PLUGIN);
    for (const plugin of Object.values(reports)) {
      expect(plugin.conclusion).toBe('success');
      expect(plugin.violations).toEqual([]);
    }
  });

  test('one native OIDC provider, the agent addon, and the admin access entry', () => {
    const providers = resourcesOfType(stackName, 'AWS::IAM::OIDCProvider');
    expect(providers).toHaveLength(1);
    expect(providers[0].Properties.ClientIdList).toEqual(['sts.amazonaws.com']);
    expect(providers[0].Properties.ThumbprintList).toBeUndefined();
    expect(resourcesOfType(stackName, 'AWS::EKS::Addon').map((a) => a.Properties.AddonName)).toEqual(['eks-pod-identity-agent']);
    const entries = resourcesOfType(stackName, 'AWS::EKS::AccessEntry');
    expect(entries).toHaveLength(1);
    expect(entries[0].Properties.PrincipalArn).toBe('arn:aws:iam::123456789012:role/Admin');
    expect(JSON.stringify(entries[0].Properties.AccessPolicies)).toContain('AmazonEKSClusterAdminPolicy');
  });

  test('identity resources match the snapshot', () => {
    const resources = template(stackName).Resources;
    const identity = Object.fromEntries(Object.entries<any>(resources).filter(([, r]) => IDENTITY_TYPES.includes(r.Type)));
    expect(identity).toMatchSnapshot();
  });

  test('Kubernetes objects validate against the Kubernetes schemas', () => {
    for (const object of k8sObjects(stackName)) {
      const model = { ServiceAccount, Pod, Job }[object.kind as 'ServiceAccount' | 'Pod' | 'Job'];
      expect(model).toBeDefined();
      expect(() => new model(object).validate()).not.toThrow();
    }
  });
});

test('lab 1: IRSA role trusts only default/my-sa with audience sts.amazonaws.com, and the service account names it', () => {
  const role = resourcesOfType('EksIdentityLab1Irsa', 'AWS::IAM::Role').find((r) => r.Properties.RoleName === LAB1_ROLE_NAME);
  const trust = JSON.stringify(role.Properties.AssumeRolePolicyDocument);
  expect(trust).toContain('sts:AssumeRoleWithWebIdentity');
  expect(trust).toContain(':sub\\":\\"system:serviceaccount:default:my-sa\\"');
  expect(trust).toContain(':aud\\":\\"sts.amazonaws.com\\"');
  expect(trust).not.toContain('StringLike');
  expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toContain('AmazonS3ReadOnlyAccess');
  expect(resourcesOfType('EksIdentityLab1Irsa', 'AWS::EKS::PodIdentityAssociation')).toEqual([]);

  const objects = k8sObjects('EksIdentityLab1Irsa');
  const sa = objects.find((o) => o.kind === 'ServiceAccount');
  expect(sa.metadata).toMatchObject({
    name: 'my-sa',
    namespace: 'default',
    annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::123456789012:role/${LAB1_ROLE_NAME}` },
  });
  const pod = objects.find((o) => o.kind === 'Pod');
  expect(pod).toMatchObject({
    metadata: { name: 'eks-iam-test3' },
    spec: { serviceAccountName: 'my-sa', restartPolicy: 'Never', terminationGracePeriodSeconds: 0, containers: [{ image: 'amazon/aws-cli:latest', command: ['sleep', '36000'] }] },
  });
  const job = objects.find((o) => o.kind === 'Job');
  expect(job.spec.backoffLimit).toBe(0);
  expect(job.spec.template.spec.containers[0].command.join(' ')).toContain(`assumed-role/${LAB1_ROLE_NAME}/`);
});

test('lab 2: pod identity role, association, and a service account without annotation', () => {
  const role = resourcesOfType('EksIdentityLab2PodIdentity', 'AWS::IAM::Role').find((r) => r.Properties.RoleName === LAB2_ROLE_NAME);
  expect(role.Properties.AssumeRolePolicyDocument.Statement).toHaveLength(1);
  expect(role.Properties.AssumeRolePolicyDocument.Statement[0]).toMatchObject({
    Principal: { Service: 'pods.eks.amazonaws.com' },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
    Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'default', 'aws:RequestTag/kubernetes-service-account': 's3-sa' } },
  });
  const [association] = resourcesOfType('EksIdentityLab2PodIdentity', 'AWS::EKS::PodIdentityAssociation');
  expect(association.Properties).toMatchObject({ Namespace: 'default', ServiceAccount: 's3-sa' });
  expect(association.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/EksPodIdentityAgentAddon/)]));

  const objects = k8sObjects('EksIdentityLab2PodIdentity');
  const sa = objects.find((o) => o.kind === 'ServiceAccount');
  expect(sa.metadata).toMatchObject({ name: 's3-sa', namespace: 'default' });
  expect(sa.metadata.annotations).toBeUndefined();
  expect(objects.find((o) => o.kind === 'Pod').metadata.name).toBe('eks-pod-identity');
});
