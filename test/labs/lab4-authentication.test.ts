import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CloudAssembly, VALIDATE_AGAINST_DEFAULT_RULES } from 'aws-cdk-lib/cx-api';
import { Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { Namespace } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { labEnvironment } from '../../labs/lab-environment';
import {
  createLab4, LAB4_EDITOR_ROLE_NAME, LAB4_GROUP, LAB4_NAMESPACE, LAB4_POD_READER_ROLE_NAME, LAB4_TESTUSER_ROLE_NAME, LAB4_VIEWER_ROLE_NAME,
  lab4AwsAuthConfigMap,
} from '../../labs/lab4-authentication';
import { AwsAuthMigration } from '../../src';
import { CLOUDFORMATION_VALIDATE_PLUGIN, validationReports, withCloudFormationValidation } from '../support/cloudformation-validation';

const STACK = 'EksIdentityLab4Authentication';
const ACCOUNT = '123456789012';
const POLICY = 'arn:aws:eks::aws:cluster-access-policy/';

let assembly: CloudAssembly;
let template: any;
beforeAll(() => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lab4-')), context: { [VALIDATE_AGAINST_DEFAULT_RULES]: true } });
  createLab4(app, labEnvironment(app));
  assembly = withCloudFormationValidation(() => app.synth());
  template = assembly.getStackByName(STACK).template;
});

function resources(type: string): Array<[string, any]> {
  return Object.entries<any>(template.Resources).filter(([, r]) => r.Type === type);
}

function roleLogicalId(roleName: string): string {
  const found = resources('AWS::IAM::Role').find(([, r]) => r.Properties.RoleName === roleName);
  expect(found).toBeDefined();
  return found![0];
}

function entryFor(roleName: string): any {
  const id = roleLogicalId(roleName);
  const entries = resources('AWS::EKS::AccessEntry').filter(([, r]) => JSON.stringify(r.Properties.PrincipalArn) === JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }));
  expect(entries).toHaveLength(1);
  return entries[0][1].Properties;
}

function k8sObjects(): any[] {
  const files = fs.readdirSync(assembly.directory).filter((f) => f.startsWith(`${STACK}.`) && f.endsWith('.k8s.yaml'));
  expect(files).toHaveLength(1);
  return parseAllDocuments(fs.readFileSync(path.join(assembly.directory, files[0]), 'utf8')).map((d) => d.toJS());
}

test('the people are roles trusted by the account root, none has access keys, no IAM user', () => {
  for (const name of [LAB4_TESTUSER_ROLE_NAME, LAB4_VIEWER_ROLE_NAME, LAB4_EDITOR_ROLE_NAME, LAB4_POD_READER_ROLE_NAME]) {
    const role = template.Resources[roleLogicalId(name)];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${ACCOUNT}:root`]] } },
    }]);
  }
  expect(resources('AWS::IAM::User')).toEqual([]);
  expect(resources('AWS::IAM::AccessKey')).toEqual([]);
});

test('testuser is cluster admin through an access entry, not system:masters', () => {
  expect(entryFor(LAB4_TESTUSER_ROLE_NAME)).toEqual({
    ClusterName: { Ref: expect.any(String) },
    PrincipalArn: expect.anything(),
    Username: 'testuser:{{SessionName}}',
    AccessPolicies: [{ PolicyArn: `${POLICY}AmazonEKSClusterAdminPolicy`, AccessScope: { Type: 'cluster' } }],
  });
  expect(JSON.stringify(template)).not.toContain('system:masters');
});

test('viewer, namespace editor and pod reader get exactly their access', () => {
  expect(entryFor(LAB4_VIEWER_ROLE_NAME).AccessPolicies).toEqual([{ PolicyArn: `${POLICY}AmazonEKSViewPolicy`, AccessScope: { Type: 'cluster' } }]);
  expect(entryFor(LAB4_EDITOR_ROLE_NAME).AccessPolicies).toEqual([{ PolicyArn: `${POLICY}AmazonEKSEditPolicy`, AccessScope: { Type: 'namespace', Namespaces: [LAB4_NAMESPACE] } }]);
  const reader = entryFor(LAB4_POD_READER_ROLE_NAME);
  expect(reader.KubernetesGroups).toEqual([LAB4_GROUP]);
  expect(reader.AccessPolicies).toBeUndefined();
});

test('access entries: the admin, the four people; the aws-auth mappings are excluded (EKS makes the node group entry)', () => {
  const entries = resources('AWS::EKS::AccessEntry').map(([, r]) => r.Properties);
  expect(entries).toHaveLength(5);
  expect(entries.filter((e) => e.PrincipalArn === `arn:aws:iam::${ACCOUNT}:role/Admin`)).toHaveLength(1);
  expect(entries.map((e) => e.Type ?? 'STANDARD')).toEqual(['STANDARD', 'STANDARD', 'STANDARD', 'STANDARD', 'STANDARD']);
});

test('the lab\'s aws-auth ConfigMap plans to a node entry and testuser as cluster admin, nothing unmappable', () => {
  const plan = AwsAuthMigration.plan(lab4AwsAuthConfigMap(`arn:aws:iam::${ACCOUNT}:role/myeks-node`, ACCOUNT));
  expect(plan.unmappable).toEqual([]);
  expect(plan.entries.map((e) => [e.principalArn, e.type, e.accessPolicies.map((p) => p.policyName)])).toEqual([
    [`arn:aws:iam::${ACCOUNT}:role/myeks-node`, 'EC2_LINUX', []],
    [`arn:aws:iam::${ACCOUNT}:user/testuser`, 'STANDARD', ['AmazonEKSClusterAdminPolicy']],
  ]);
});

test('RBAC for the custom group and the namespace, valid against the Kubernetes schemas', () => {
  const objects = k8sObjects();
  expect(objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)).toEqual([
    `Namespace//${LAB4_NAMESPACE}`, `Role/${LAB4_NAMESPACE}/${LAB4_GROUP}`, `RoleBinding/${LAB4_NAMESPACE}/${LAB4_GROUP}`,
  ]);
  const models: { [kind: string]: any } = { Namespace, Role, RoleBinding };
  for (const object of objects) expect(() => new models[object.kind](object).validate()).not.toThrow();
  expect(objects[2].subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: LAB4_GROUP }]);
  expect(objects).toMatchSnapshot();
});

test('no Lambda, no custom resource, no nested stack; passes the CloudFormation validator', () => {
  const types = Object.values<any>(template.Resources).map((r) => r.Type as string);
  expect(types.filter((t) => t === 'AWS::Lambda::Function' || t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource' || t === 'AWS::CloudFormation::Stack')).toEqual([]);
  const reports = validationReports(assembly.directory);
  expect(Object.keys(reports)).toContain(CLOUDFORMATION_VALIDATE_PLUGIN);
  for (const plugin of Object.values(reports)) {
    expect(plugin.conclusion).toBe('success');
    expect(plugin.violations).toEqual([]);
  }
});

test('access entries and roles match the snapshot', () => {
  const isIdentity = (r: any) => r.Type === 'AWS::EKS::AccessEntry' || (r.Type === 'AWS::IAM::Role' && r.Properties.RoleName !== undefined);
  const identity = Object.fromEntries(Object.entries<any>(template.Resources).filter(([, r]) => isIdentity(r)));
  expect(identity).toMatchSnapshot();
});
