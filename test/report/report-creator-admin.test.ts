import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { mermaidEdges } from './mermaid-edges';
import { CreatorAdmin, IdentityReport } from '../../src';
import { CREATOR_ADMIN_OFF, CREATOR_ADMIN_PRINCIPAL, creatorAdminEntry } from '../../src/core/access-entry-rules';
import { goodResources } from '../checks/fixtures';

/*
 * The deployer's hidden admin: unless a cluster's BootstrapClusterCreatorAdminPermissions is false,
 * EKS gives the principal that creates it (with CloudFormation, the stack's execution role) an
 * access entry with AmazonEKSClusterAdminPolicy that no template shows. The report shows it: a row
 * of the access entries, a dashed edge in the diagram, `creatorAdmin` in the JSON; and says so
 * when the setting is false. Its words are the core's.
 */

/** One stack with the good cluster, its creator admin setting changed (`undefined`: not set), and access entries or not. */
function reportOf(setting: boolean | undefined, withEntries = true, summarizeAbove?: number): IdentityReport {
  const resources = goodResources();
  const accessConfig: any = { AuthenticationMode: 'API' };
  if (setting !== undefined) accessConfig.BootstrapClusterCreatorAdminPermissions = setting;
  resources.Cluster = { Type: 'AWS::EKS::Cluster', Properties: { Name: 'prod', AccessConfig: accessConfig, Version: '1.33' } };
  if (!withEntries) delete resources.Admin;
  return IdentityReport.fromTemplates([{ stackName: 'S', template: { Resources: resources } }], summarizeAbove === undefined ? {} : { summarizeAbove });
}

const DEFAULT_ENTRY = creatorAdminEntry(undefined)!;
const IMPLICIT_ROW = `| ${CREATOR_ADMIN_PRINCIPAL} — ${DEFAULT_ENTRY.note} | STANDARD |  |  | AmazonEKSClusterAdminPolicy (cluster) |`;

test('the core words the entry once: who, which policy, why no template shows it', () => {
  expect(DEFAULT_ENTRY).toEqual({
    principal: 'the principal that creates the cluster (with CloudFormation, the stack\'s execution role)',
    policyName: 'AmazonEKSClusterAdminPolicy',
    note: 'implicit: EKS makes it when it creates the cluster, and it appears in no template '
      + '(BootstrapClusterCreatorAdminPermissions is not set; EKS defaults it to true)',
  });
  expect(creatorAdminEntry(true)!.note).toContain('(BootstrapClusterCreatorAdminPermissions is true)');
  expect(creatorAdminEntry(false)).toBeUndefined();
});

describe.each([
  ['not set (EKS defaults it to true)', undefined, CreatorAdmin.GRANTED_BY_DEFAULT],
  ['true', true, CreatorAdmin.GRANTED],
])('BootstrapClusterCreatorAdminPermissions %s', (_name, setting, creatorAdmin) => {
  const report = reportOf(setting);
  const entry = creatorAdminEntry(setting)!;

  test('the JSON says so per cluster', () => {
    expect(report.clusters[0].creatorAdmin).toBe(creatorAdmin);
    expect(JSON.parse(report.toJson()).clusters[0].creatorAdmin).toBe(creatorAdmin);
  });

  test('a row of the access-entry table, before the entries of the templates', () => {
    const markdown = report.toMarkdown();
    expect(markdown).toContain('| Principal | Type | Username | Kubernetes groups | Access policies |\n| --- | --- | --- | --- | --- |\n'
      + `| ${entry.principal} — ${entry.note} | STANDARD |  |  | AmazonEKSClusterAdminPolicy (cluster) |\n`
      + '| role admin (`arn:aws:iam::123456789012:role/admin`) | STANDARD |');
    expect(markdown).not.toContain(CREATOR_ADMIN_OFF);
    // The rule pack's warning, with the fix, among the cluster's findings.
    expect(report.clusters[0].findings.map((f) => f.ruleId)).toContain('EKSID-ACCESS-013');
  });

  test('a dashed edge to the cluster in the diagram', () => {
    expect(mermaidEdges(report.toMermaid())).toContain(
      `${entry.principal}<br/>${entry.note} -.->|AmazonEKSClusterAdminPolicy (cluster)| EKS cluster prod<br/>stack S`);
  });
});

test('false: one line in the cluster\'s section, no row, no edge', () => {
  const report = reportOf(false);
  expect(report.clusters[0].creatorAdmin).toBe(CreatorAdmin.NOT_GRANTED);
  const markdown = report.toMarkdown();
  expect(markdown).toContain(`; authentication mode \`API\`. ${CREATOR_ADMIN_OFF}\n`);
  expect(markdown).not.toContain(`| ${CREATOR_ADMIN_PRINCIPAL}`);
  expect(report.toMermaid()).not.toContain(CREATOR_ADMIN_PRINCIPAL);
});

test('a cluster with no access entry in its templates still shows the implicit one', () => {
  const markdown = reportOf(undefined, false).toMarkdown();
  expect(markdown).toContain(IMPLICIT_ROW);
  expect(markdown).not.toContain('No access entries in the templates.');
  expect(reportOf(false, false).toMarkdown()).toContain('No access entries in the templates.');
});

test('summarized access entries keep the row', () => {
  expect(reportOf(undefined, true, 0).toMarkdown()).toContain(`| Principals | Type | Username | Kubernetes groups | Access policies |\n| --- | --- | --- | --- | --- |\n${IMPLICIT_ROW}\n`);
});

test('a cluster made elsewhere: not known, nothing shown', () => {
  const report = IdentityReport.fromTemplates([{
    stackName: 'S',
    template: { Resources: { Entry: { Type: 'AWS::EKS::AccessEntry', Properties: { ClusterName: 'elsewhere', PrincipalArn: 'arn:aws:iam::123456789012:role/admin' } } } },
  }]);
  expect(report.clusters[0].creatorAdmin).toBeUndefined();
  expect(report.toMarkdown()).not.toContain(CREATOR_ADMIN_PRINCIPAL);
});

test('an aws-eks-v2 cluster left at its default: the hidden admin is in the report', () => {
  const stack = new Stack(new App(), 'EksV2', { env: { account: '123456789012', region: 'us-east-1' } });
  new eks.Cluster(stack, 'C', { version: eks.KubernetesVersion.V1_33 });
  const report = IdentityReport.fromTemplates([{ stackName: stack.stackName, template: Template.fromStack(stack).toJSON() }]);
  // aws-eks-v2 does not write the setting: EKS's default (true) applies.
  expect(report.clusters[0].creatorAdmin).toBe(CreatorAdmin.GRANTED_BY_DEFAULT);
  expect(report.toMarkdown()).toContain(`| ${CREATOR_ADMIN_PRINCIPAL} — implicit: EKS makes it when it creates the cluster, and it appears in no template`);
});
