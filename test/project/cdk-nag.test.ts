import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, Stack, Validations } from 'aws-cdk-lib';
import * as eksV1 from 'aws-cdk-lib/aws-eks';
import * as eksV2 from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, NagRuleCompliance, rules } from 'cdk-nag';
import { createLabApp } from '../../labs/lab-app';
import { labEnvironment } from '../../labs/lab-environment';
import { createLab1 } from '../../labs/lab1-irsa';
import { EksIdentityChecks } from '../../src';

/*
 * cdk-nag 3 (a CDK policy validation plugin) and the library's rule pack side by side on the labs:
 * both run at synth over the same app, each reports its own findings into
 * cdk.out/validation-report.json, and an error of either fails the synth. cdk-nag's EKS rules
 * look for aws-cdk-lib's `aws-eks` (v1) `CfnCluster` class or its `Custom::AWSCDK-EKS-Cluster`,
 * so they never fire on an aws-eks-v2 cluster.
 */

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-2';
const LAB_STACKS = ['EksIdentityLab1Irsa', 'EksIdentityLab2PodIdentity', 'EksIdentityLab3AlbController', 'EksIdentityLab4Authentication'];

interface PluginReport {
  readonly pluginName: string;
  readonly conclusion: string;
  readonly violations: Array<{ ruleName: string; severity: string; violatingConstructs: Array<{ constructPath: string }> }>;
  readonly suppressedViolations?: Array<{ ruleName: string; reason: string }>;
}

function newOutdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-nag-'));
}

/** Synthesizes; returns whether it threw, and the plugin reports by plugin name. */
function synth(app: App, outdir: string): { error?: string; reports: { [plugin: string]: PluginReport } } {
  let error: string | undefined;
  try {
    app.synth();
  } catch (e) {
    error = (e as Error).message;
  }
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  const reports: { [plugin: string]: PluginReport } = {};
  for (const r of report.pluginReports) reports[r.pluginName] = r;
  return { error, reports };
}

/** `AwsSolutions-IAM4[Policy::...]` → `AwsSolutions-IAM4`. */
const ruleOf = (ruleName: string) => ruleName.replace(/\[.*$/, '');
const rulesOf = (report: PluginReport) => [...new Set(report.violations.map((v) => ruleOf(v.ruleName)))].sort();
const pathsOf = (report: PluginReport) => report.violations.flatMap((v) => v.violatingConstructs.map((c) => c.constructPath));

/** A role any service account of any namespace may assume through the cluster's OIDC provider. */
function addUnscopedIrsaRole(stack: Stack): iam.Role {
  const issuer = `oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
  return new iam.Role(stack, 'Everyone', {
    assumedBy: new iam.FederatedPrincipal(`arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer}`, {
      StringLike: { [`${issuer}:sub`]: 'system:serviceaccount:*:*' },
    }, 'sts:AssumeRoleWithWebIdentity'),
  });
}

/** The rule pack, recording what the validation framework gave it and what it answered. */
class RecordingChecks extends EksIdentityChecks {
  public readonly calls: Array<{ templates: string[]; report: PolicyValidationPluginReport }> = [];

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const report = super.validate(context);
    this.calls.push({ templates: context.templatePaths.map((p) => path.basename(p)).sort(), report });
    return report;
  }
}

describe('both plugins on the whole lab app', () => {
  let result: ReturnType<typeof synth>;
  const identityChecks = new RecordingChecks();
  beforeAll(() => {
    const outdir = newOutdir();
    const app = createLabApp({ outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), identityChecks);
    result = synth(app, outdir);
  });

  test('cdk-nag\'s errors fail the synth', () => {
    expect(result.error).toMatch(/\(AwsSolutions\)/);
    expect(result.error).toMatch(/A copy of this report can be found in/);
    expect(result.reports.AwsSolutions.conclusion).toBe('failure');
  });

  test('cdk-nag finds AWS managed policies (IAM4), wildcard resources (IAM5) and VPCs without flow logs (VPC7), and no EKS rule fires', () => {
    const report = result.reports.AwsSolutions;
    expect(rulesOf(report)).toEqual(['AwsSolutions-IAM4', 'AwsSolutions-IAM5', 'AwsSolutions-VPC7']);
    expect(report.violations.every((v) => v.severity === 'error')).toBe(true);
    expect(pathsOf(report).filter((p) => p.endsWith('/Vpc/Resource')).sort()).toEqual(LAB_STACKS.map((s) => `${s}/Vpc/Resource`));
    // The wildcards are the AWS Load Balancer Controller's, from its published policy (lab 3).
    const wildcardPaths = report.violations.filter((v) => ruleOf(v.ruleName) === 'AwsSolutions-IAM5').flatMap((v) => v.violatingConstructs.map((c) => c.constructPath));
    expect([...new Set(wildcardPaths)].sort()).toEqual([
      'EksIdentityLab3AlbController/Cluster/AlbControllerIrsa/Role/Resource',
      'EksIdentityLab3AlbController/Cluster/AlbControllerPodIdentity/Role/Resource',
    ]);
  });

  test('the identity rule pack runs over every lab template in the same synth and finds nothing (so it has no section in the report)', () => {
    expect(identityChecks.calls).toEqual([{
      templates: LAB_STACKS.map((s) => `${s}.template.json`),
      report: { success: true, violations: [] },
    }]);
    expect(result.reports['cdk-eks-identity']).toBeUndefined();
  });
});

test('an identity mistake: each plugin reports its own findings, and only the identity pack sees the unscoped trust', () => {
  const outdir = newOutdir();
  const app = new App({ outdir });
  const stack = createLab1(app, labEnvironment(app));
  const everyone = addUnscopedIrsaRole(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new EksIdentityChecks());
  const result = synth(app, outdir);

  // The synth error lists the findings of both plugins.
  expect(result.error).toMatch(/ERROR .* \(AwsSolutions\)/);
  expect(result.error).toMatch(/ERROR role Everyone\w+ trusts OIDC provider .* \(cdk-eks-identity\)/);
  const identity = result.reports['cdk-eks-identity'];
  expect(identity.conclusion).toBe('failure');
  expect(identity.violations.map((v) => [v.ruleName, v.severity]).sort()).toEqual([['EKSID-IRSA-001', 'warning'], ['EKSID-IRSA-003', 'error']]);
  expect([...new Set(pathsOf(identity))]).toEqual([everyone.node.path + '/Resource']);

  const nag = result.reports.AwsSolutions;
  expect(nag.conclusion).toBe('failure');
  expect(rulesOf(nag)).toEqual(['AwsSolutions-IAM4', 'AwsSolutions-VPC7']);
  expect(pathsOf(nag).filter((p) => p.startsWith(everyone.node.path))).toEqual([]);
});

/** Lab 1 with both plugins and each of cdk-nag's findings there acknowledged, ids prefixed with `prefix`. */
function acknowledgedLab1(prefix: string) {
  const outdir = newOutdir();
  const app = new App({ outdir });
  const stack = createLab1(app, labEnvironment(app));
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new EksIdentityChecks());
  const managed = (name: string) => `${prefix}AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`;
  Validations.of(stack).acknowledge(
    { id: `${prefix}AwsSolutions-VPC7`, reason: 'lab VPC, deleted after the exercise: no flow logs' },
    { id: managed('AmazonEKSClusterPolicy'), reason: 'EKS requires this AWS managed policy on the cluster role' },
    { id: managed('AmazonEKSWorkerNodePolicy'), reason: 'EKS requires it on the node role' },
    { id: managed('AmazonEC2ContainerRegistryReadOnly'), reason: 'nodes pull images from ECR' },
    { id: managed('AmazonEKS_CNI_Policy'), reason: 'the VPC CNI runs with the node role in this lab' },
    { id: managed('AmazonS3ReadOnlyAccess'), reason: 'the lab grants S3 read to its IRSA service account' },
  );
  return synth(app, outdir);
}

test('each cdk-nag finding acknowledged with the plugin\'s namespace: a lab synthesizes with both plugins, the reasons in the report', () => {
  const result = acknowledgedLab1('AwsSolutions::');
  expect(result.error).toBeUndefined();
  const nag = result.reports.AwsSolutions;
  expect(nag.conclusion).toBe('success');
  expect(nag.violations).toEqual([]);
  expect(nag.suppressedViolations!.map((v) => [ruleOf(v.ruleName), v.reason]).sort()).toEqual([
    ['AwsSolutions-IAM4', 'EKS requires it on the node role'],
    ['AwsSolutions-IAM4', 'EKS requires this AWS managed policy on the cluster role'],
    ['AwsSolutions-IAM4', 'nodes pull images from ECR'],
    ['AwsSolutions-IAM4', 'the VPC CNI runs with the node role in this lab'],
    ['AwsSolutions-IAM4', 'the lab grants S3 read to its IRSA service account'],
    ['AwsSolutions-VPC7', 'lab VPC, deleted after the exercise: no flow logs'],
  ]);
});

test('acknowledged without the namespace, cdk-nag drops the findings itself: the synth passes, the report keeps no reason', () => {
  const result = acknowledgedLab1('');
  expect(result.error).toBeUndefined();
  expect(result.reports.AwsSolutions).toBeUndefined();
});

describe('cdk-nag\'s EKS rules and aws-eks-v2', () => {
  const clusterResource = (stack: Stack) => {
    const found = stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === 'AWS::EKS::Cluster');
    expect(found).toHaveLength(1);
    return found[0];
  };

  test('cdk-nag has two EKS rules: AwsSolutions-EKS1 (public endpoint) and AwsSolutions-EKS2 (control plane logs)', () => {
    expect(Object.keys(rules.eks).sort()).toEqual(['EKSClusterControlPlaneLogs', 'EKSClusterNoEndpointPublicAccess']);
    const stack = new Stack(new App(), 'V1', { env: { account: ACCOUNT, region: REGION } });
    new eksV1.CfnCluster(stack, 'Cluster', { roleArn: `arn:aws:iam::${ACCOUNT}:role/eks`, resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] } });
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName).filter((r) => r.startsWith('AwsSolutions-EKS')).sort()).toEqual([
      'AwsSolutions-EKS1',
      'AwsSolutions-EKS2[LogExport::api]',
      'AwsSolutions-EKS2[LogExport::audit]',
      'AwsSolutions-EKS2[LogExport::authenticator]',
      'AwsSolutions-EKS2[LogExport::controllerManager]',
      'AwsSolutions-EKS2[LogExport::scheduler]',
    ]);
  });

  test('the lab\'s cluster has a public endpoint and no control plane logs, yet neither rule applies to its aws-eks-v2 CfnCluster', () => {
    const app = new App({ outdir: newOutdir() });
    const stack = createLab1(app, labEnvironment(app));
    const cluster = clusterResource(stack);
    expect(cluster).toBeInstanceOf(eksV2.CfnCluster);
    expect(cluster).not.toBeInstanceOf(eksV1.CfnCluster);

    const properties = app.synth().getStackByName(stack.stackName).template.Resources[stack.getLogicalId(cluster)].Properties;
    expect(properties.ResourcesVpcConfig.EndpointPublicAccess).toBe(true);
    expect(properties.Logging).toBeUndefined();

    expect(rules.eks.EKSClusterNoEndpointPublicAccess(cluster)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(rules.eks.EKSClusterControlPlaneLogs(cluster)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(new AwsSolutionsChecks().validateScope(stack).violations.filter((v) => v.ruleName.startsWith('AwsSolutions-EKS'))).toEqual([]);
  });
});
