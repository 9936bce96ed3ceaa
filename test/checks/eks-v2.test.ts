import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CheckFinding, EksIdentityChecks } from '../../src/checks';

/*
 * The pack on templates made by aws-cdk-lib aws-eks-v2, not by this library: IRSA conditions in a
 * Custom::AWSCDKCfnJson resource, the Lambda-backed OIDC provider, service accounts as
 * Custom::AWSCDK-EKS-KubernetesResource manifests.
 */

function eksV2Stack(app: App, build: (stack: Stack, cluster: eks.Cluster) => void = () => undefined): Stack {
  const stack = new Stack(app, 'EksV2', { env: { account: '123456789012', region: 'us-east-1' } });
  const cluster = new eks.Cluster(stack, 'C', {
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    kubectlProviderOptions: { kubectlLayer: lambda.LayerVersion.fromLayerVersionArn(stack, 'L', 'arn:aws:lambda:us-east-1:123456789012:layer:kubectl:1') },
  });
  cluster.addServiceAccount('Irsa', { name: 'web', namespace: 'apps' });
  cluster.addServiceAccount('PodId', { name: 'worker', namespace: 'apps', identityType: eks.IdentityType.POD_IDENTITY });
  new eks.AccessEntry(stack, 'Admins', {
    cluster,
    principal: 'arn:aws:iam::123456789012:role/platform-admins',
    accessPolicies: [eks.AccessPolicy.fromAccessPolicyName('AmazonEKSClusterAdminPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER })],
  });
  new eks.Addon(stack, 'Cni', { cluster, addonName: 'vpc-cni' });
  build(stack, cluster);
  return stack;
}

function summary(findings: CheckFinding[]): string[][] {
  return findings.map((f) => [f.ruleId, f.logicalId ?? '']);
}

describe('templates made by aws-cdk-lib aws-eks-v2', () => {
  let findings: CheckFinding[];
  let template: any;
  beforeAll(() => {
    template = Template.fromStack(eksV2Stack(new App())).toJSON();
    findings = EksIdentityChecks.checkTemplates([{ stackName: 'EksV2', template }]);
  });

  test('the IRSA trust built through CfnJson passes: aud and sub are read from the Custom::AWSCDKCfnJson Value', () => {
    const irsaRole = Object.entries<any>(template.Resources).find(([id, r]) => r.Type === 'AWS::IAM::Role' && id.startsWith('CIrsaRole'))!;
    expect(irsaRole[1].Properties.AssumeRolePolicyDocument.Statement[0].Condition.StringEquals['Fn::GetAtt'][1]).toBe('Value');
    expect(findings.filter((f) => f.ruleId.startsWith('EKSID-IRSA-') || f.ruleId === 'EKSID-SA-001')).toEqual([]);
  });

  test('reports the unscoped pod identity trust and the stray role-arn annotation on the pod identity service account', () => {
    const podRole = Object.keys(template.Resources).find((id) => id.startsWith('CPodIdRole'))!;
    const association = Object.keys(template.Resources).find((id) => id.startsWith('CPodIdAssociation'))!;
    const manifest = Object.keys(template.Resources).find((id) => id.startsWith('CPodIdmanifest'))!;
    const cluster = Object.keys(template.Resources).find((id) => template.Resources[id].Type === 'AWS::EKS::Cluster')!;
    // aws-eks-v2 leaves BootstrapClusterCreatorAdminPermissions at true: the hidden admin (EKSID-ACCESS-013).
    expect(summary(findings)).toEqual([['EKSID-SA-002', manifest], ['EKSID-POD-001', podRole], ['EKSID-ACCESS-013', cluster]]);
    expect(findings[0].message).toContain(`ServiceAccount apps/worker (Custom::AWSCDK-EKS-KubernetesResource ${manifest}) has both `
      + `an eks.amazonaws.com/role-arn annotation and pod identity association ${association}`);
  });

  test('finds mistakes added on top: wildcard IRSA role, cluster admin for a user, missing TagSession', () => {
    const stack = eksV2Stack(new App(), (s, cluster) => {
      new iam.Role(s, 'Wild', {
        assumedBy: new iam.FederatedPrincipal(cluster.openIdConnectProvider.openIdConnectProviderArn, {
          StringLike: { 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:*:*' },
        }, 'sts:AssumeRoleWithWebIdentity'),
      });
      new eks.AccessEntry(s, 'Alice', {
        cluster,
        principal: 'arn:aws:iam::123456789012:user/alice',
        accessPolicies: [eks.AccessPolicy.fromAccessPolicyName('AmazonEKSClusterAdminPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER })],
      });
      const onlyAssume = new iam.Role(s, 'OnlyAssume', { assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com') });
      new eks.CfnPodIdentityAssociation(s, 'Manual', { clusterName: cluster.clusterName, namespace: 'apps', serviceAccount: 'manual', roleArn: onlyAssume.roleArn });
    });
    const ids = summary(EksIdentityChecks.checkTemplates([{ stackName: 'EksV2', template: Template.fromStack(stack).toJSON() }]));
    expect(ids).toEqual(expect.arrayContaining([
      ['EKSID-IRSA-001', expect.stringMatching(/^Wild/)],
      ['EKSID-IRSA-003', expect.stringMatching(/^Wild/)],
      ['EKSID-POD-002', 'Manual'],
      ['EKSID-ACCESS-008', expect.stringMatching(/^Alice/)],
    ]));
  });

  test('fails synth through Validations.of(app).addPlugins', () => {
    const app = new App();
    Validations.of(app).addPlugins(new EksIdentityChecks());
    eksV2Stack(app, (s) => {
      new iam.CfnRole(s, 'NoSub', {
        assumeRolePolicyDocument: {
          Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/x' }, Action: 'sts:AssumeRoleWithWebIdentity' }],
        },
      });
    });
    expect(() => app.synth()).toThrow(/ERROR role NoSub trusts OIDC provider arn:aws:iam::123456789012:oidc-provider\/x .* without a ":sub" condition/);
  });
});
