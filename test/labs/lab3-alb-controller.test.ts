import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CloudAssembly, VALIDATE_AGAINST_DEFAULT_RULES } from 'aws-cdk-lib/cx-api';
import { ServiceAccount } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { labEnvironment } from '../../labs/lab-environment';
import {
  createLab3, LAB3_POD_IDENTITY_ROLE_NAME, LAB3_POD_IDENTITY_SERVICE_ACCOUNT, LAB3_ROLE_NAME,
} from '../../labs/lab3-alb-controller';
import { ControllerIdentity } from '../../src';
import { CLOUDFORMATION_VALIDATE_PLUGIN, validationReports, withCloudFormationValidation } from '../support/cloudformation-validation';
import { ACCOUNT, clusterArnOf, newStack, REGION } from '../support/fixtures';
import { evaluateTrust, irsaRequest, podIdentityRequest, toPolicyDocument } from '../support/iam-evaluator';
import { deployedValues } from '../support/intrinsics';

const STACK = 'EksIdentityLab3AlbController';
const SECOND_ISSUER = `oidc.eks.${REGION}.amazonaws.com/id/5E2C1A7D9B3F4E6A8C0D2F4B6A8C0E1F`;
const IDENTITY_TYPES = ['AWS::IAM::Role', 'AWS::IAM::OIDCProvider', 'AWS::EKS::PodIdentityAssociation', 'AWS::EKS::Addon'];

let assembly: CloudAssembly;
let template: any;
beforeAll(() => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab3-'));
  const app = new App({ outdir, context: { [VALIDATE_AGAINST_DEFAULT_RULES]: true } });
  createLab3(app, labEnvironment(app));
  assembly = withCloudFormationValidation(() => app.synth());
  template = assembly.getStackByName(STACK).template;
});

function resources(type: string): any[] {
  return Object.values<any>(template.Resources).filter((r) => r.Type === type);
}

function role(name: string): any {
  const found = resources('AWS::IAM::Role').filter((r) => r.Properties.RoleName === name);
  expect(found).toHaveLength(1);
  return found[0];
}

function k8sObjects(): any[][] {
  const files = fs.readdirSync(assembly.directory).filter((f) => f.startsWith(`${STACK}.`) && f.endsWith('.k8s.yaml')).sort();
  return files.map((file) => parseAllDocuments(fs.readFileSync(path.join(assembly.directory, file), 'utf8')).map((d) => d.toJS()));
}

test('no Lambda, no custom resource, no nested stack', () => {
  const types = Object.values<any>(template.Resources).map((r) => r.Type as string);
  expect(types.filter((t) => t === 'AWS::Lambda::Function' || t.startsWith('Custom::') || t === 'AWS::CloudFormation::Stack')).toEqual([]);
});

test('passes the CloudFormation validator with no violations', () => {
  const reports = validationReports(assembly.directory);
  expect(Object.keys(reports)).toContain(CLOUDFORMATION_VALIDATE_PLUGIN);
  for (const plugin of Object.values(reports)) {
    expect(plugin.conclusion).toBe('success');
    expect(plugin.violations).toEqual([]);
  }
});

describe('alb_controller-role: IRSA trusted by two clusters (oidc_providers one and two)', () => {
  const values = () => deployedValues(template);
  const trust = () => role(LAB3_ROLE_NAME).Properties.AssumeRolePolicyDocument;
  const firstIssuer = () => values().attributes[Object.keys(values().attributes).find((k) => k.endsWith('.OpenIdConnectIssuerUrl'))!].replace('https://', '');

  test('the controller of cluster one may assume it', async () => {
    expect(await evaluateTrust(trust(), irsaRequest({ issuer: firstIssuer(), namespace: 'kube-system', serviceAccount: 'aws-load-balancer-controller' }), values()))
      .toBe('Allowed');
  });

  test('the controller of cluster two may assume it', async () => {
    expect(await evaluateTrust(trust(), irsaRequest({ issuer: SECOND_ISSUER, namespace: 'kube-system', serviceAccount: 'aws-load-balancer-controller' }), values()))
      .toBe('Allowed');
  });

  test.each([
    ['another service account of cluster one', () => irsaRequest({ issuer: firstIssuer(), namespace: 'kube-system', serviceAccount: 'default' })],
    ['another service account of cluster two', () => irsaRequest({ issuer: SECOND_ISSUER, namespace: 'kube-system', serviceAccount: 'coredns' })],
    ['the pod identity variant\'s service account', () => irsaRequest({ issuer: firstIssuer(), namespace: 'kube-system', serviceAccount: LAB3_POD_IDENTITY_SERVICE_ACCOUNT })],
  ])('%s may not', async (_what, request) => {
    expect(await evaluateTrust(trust(), request(), values())).toBe('ImplicitlyDenied');
  });

  test('one statement per provider; the second names the literal provider of the imported cluster', () => {
    const resolved = toPolicyDocument(trust(), values());
    expect(resolved.Statement).toHaveLength(2);
    expect(resolved.Statement[1].Principal).toEqual({ Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${SECOND_ISSUER}` });
  });

  test('its permissions are the catalog\'s AWS Load Balancer Controller policy, tag presence only (two cluster names)', () => {
    const statements = role(LAB3_ROLE_NAME).Properties.Policies[0].PolicyDocument.Statement;
    expect(statements.map((s: any) => s.Sid)).toEqual(ControllerIdentity.awsLoadBalancerController().statements(newStack()).map((s) => s.sid));
    expect(JSON.stringify(statements)).toContain('"Null":{"aws:ResourceTag/elbv2.k8s.aws/cluster":"false"}');
    expect(JSON.stringify(statements)).not.toContain('myeks');
  });

  test('both clusters get the annotated service account', () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/${LAB3_ROLE_NAME}`;
    const accounts = k8sObjects().map((objects) => objects.filter((o) => o.kind === 'ServiceAccount'
      && o.metadata.name === 'aws-load-balancer-controller'));
    expect(accounts).toHaveLength(2);
    for (const [account] of accounts) {
      expect(account.metadata).toMatchObject({ namespace: 'kube-system', annotations: { 'eks.amazonaws.com/role-arn': roleArn } });
      expect(() => new ServiceAccount(account).validate()).not.toThrow();
    }
  });
});

describe('the pod identity variant', () => {
  test('one association in cluster one for the second service account, after the agent', () => {
    const associations = resources('AWS::EKS::PodIdentityAssociation');
    expect(associations).toHaveLength(1);
    expect(associations[0].Properties).toMatchObject({ Namespace: 'kube-system', ServiceAccount: LAB3_POD_IDENTITY_SERVICE_ACCOUNT });
    const agent = Object.entries<any>(template.Resources)
      .filter(([, r]) => r.Type === 'AWS::EKS::Addon' && r.Properties.AddonName === 'eks-pod-identity-agent').map(([id]) => id);
    expect(agent).toHaveLength(1);
    expect(associations[0].DependsOn).toContain(agent[0]);
  });

  test('its role is trusted by EKS Pod Identity for that service account of myeks only', async () => {
    const trust = role(LAB3_POD_IDENTITY_ROLE_NAME).Properties.AssumeRolePolicyDocument;
    const tags = { clusterArn: clusterArnOf('myeks'), namespace: 'kube-system', serviceAccount: LAB3_POD_IDENTITY_SERVICE_ACCOUNT };
    expect(await evaluateTrust(trust, podIdentityRequest(tags), deployedValues(template))).toBe('Allowed');
    expect(await evaluateTrust(trust, podIdentityRequest({ ...tags, serviceAccount: 'aws-load-balancer-controller' }), deployedValues(template)))
      .toBe('ImplicitlyDenied');
  });

  test('its policy requires the myeks cluster tag', () => {
    const statements = role(LAB3_POD_IDENTITY_ROLE_NAME).Properties.Policies[0].PolicyDocument.Statement;
    expect(JSON.stringify(statements)).toContain('"StringEquals":{"aws:ResourceTag/elbv2.k8s.aws/cluster":"myeks"}');
  });

  test('its service account has no role annotation', () => {
    const accounts = k8sObjects().flat().filter((o) => o.kind === 'ServiceAccount' && o.metadata.name === LAB3_POD_IDENTITY_SERVICE_ACCOUNT);
    expect(accounts).toHaveLength(1);
    expect(accounts[0].metadata.namespace).toBe('kube-system');
    expect(accounts[0].metadata.annotations).toBeUndefined();
  });
});

test('identity resources match the snapshot', () => {
  const identity = Object.fromEntries(Object.entries<any>(template.Resources).filter(([, r]) => IDENTITY_TYPES.includes(r.Type)));
  expect({ identity, outputs: template.Outputs }).toMatchSnapshot();
});
