import { rawTokenLines } from './raw-tokens';
import { IdentityReport, TrustScope } from '../../src';
import { CheckModel } from '../../src/checks/template-model';
import { describeDeployTimeText } from '../../src/core/template/deploy-time-words';
import { accessEntry, association, goodResources, irsaTrust, role, trust } from '../checks/fixtures';

/*
 * Values only known at deploy time, as hand-written templates and aws-eks-v2 write them
 * (`Fn::Join` with pseudo parameters, `Fn::Sub`, `Fn::GetAtt`, `Fn::ImportValue`, parameters):
 * every one is described in words in the report, never printed as a placeholder.
 */

const partitioned = (rest: any[]) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ...rest]] });
const path = (p: string) => ({ 'aws:cdk:path': p });

function resources(): { [id: string]: any } {
  return {
    ...goodResources(),
    Bucket: { Type: 'AWS::S3::Bucket', Metadata: path('S/Bucket/Resource') },
    WorkerRole: {
      ...role(trust({
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: { StringEquals: { 'aws:RequestTag/eks-cluster-arn': { 'Fn::GetAtt': ['Cluster', 'Arn'] } } },
      }), {
        Policies: [{
          PolicyName: 'data',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' } },
              { Effect: 'Allow', Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': ['Bucket', 'Arn'] } },
              { Effect: 'Allow', Action: 'kms:Decrypt', Resource: { 'Fn::ImportValue': 'SharedKeyArn' } },
            ],
          },
        }],
      }),
      Metadata: path('S/Worker/Role/Resource'),
    },
    Imported: association('apps', 'imported', 'WorkerRole', {
      RoleArn: { 'Fn::ImportValue': 'SharedWorkerRoleArn' },
      TargetRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${DataAccount}:role/data' },
    }),
    ElsewhereRole: role(irsaTrust({ federated: { 'Fn::ImportValue': 'SharedProviderArn' } })),
    Ops: accessEntry({
      PrincipalArn: partitioned([':iam::', { Ref: 'AWS::AccountId' }, ':role/ops']),
      AccessPolicies: [{ PolicyArn: partitioned([':eks::aws:cluster-access-policy/AmazonEKSViewPolicy']), AccessScope: { Type: 'cluster' } }],
    }),
    Shared: accessEntry({ PrincipalArn: { 'Fn::ImportValue': 'SharedAdminRoleArn' } }),
    Param: accessEntry({ PrincipalArn: { Ref: 'AdminRoleArn' } }),
  };
}

const inputs = () => [{ stackName: 'S', template: { Parameters: { AdminRoleArn: { Type: 'String' }, DataAccount: { Type: 'String' } }, Resources: resources() } }];
const report = IdentityReport.fromTemplates(inputs());
const cluster = () => report.clusters.find((c) => c.id === 'S/Cluster')!;

test('no raw token in the Markdown, the Mermaid diagram or the JSON (findings included), in full and summarized', () => {
  expect(rawTokenLines(report)).toEqual([]);
  expect(rawTokenLines(IdentityReport.fromTemplates(inputs(), { summarizeAbove: 0 }))).toEqual([]);
});

test('access entries: a literal ARN stays literal; deploy-time ARNs are described, with the resource they refer to', () => {
  const entries = Object.fromEntries(cluster().accessEntries.map((e) => [e.logicalId, e]));
  expect(entries.Admin).toMatchObject({ principalArn: 'arn:aws:iam::123456789012:role/admin', principal: 'arn:aws:iam::123456789012:role/admin' });
  expect(entries.Ops).toMatchObject({ principal: 'arn:{partition}:iam::{account}:role/ops', principalName: 'role ops' });
  expect(entries.Ops.principalArn).toBeUndefined();
  expect(entries.Ops.accessPolicies).toEqual([expect.objectContaining({
    policyName: 'AmazonEKSViewPolicy', policyArn: 'arn:{partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
  })]);
  expect(entries.Shared).toMatchObject({ principal: 'the export SharedAdminRoleArn', principalName: 'the export SharedAdminRoleArn' });
  expect(entries.Param).toMatchObject({
    principal: 'parameter AdminRoleArn', principalReference: { stackName: 'S', logicalId: 'AdminRoleArn' },
  });
  const markdown = report.toMarkdown();
  expect(markdown).toContain('| role ops (`arn:{partition}:iam::{account}:role/ops`) | STANDARD |  |  | AmazonEKSViewPolicy (cluster) |');
  expect(markdown).toContain('| the export SharedAdminRoleArn | STANDARD |');
});

test('permissions: resources and summaries name the resources they refer to', () => {
  const worker = cluster().roles.find((r) => r.logicalId === 'WorkerRole')!;
  expect(worker.statements.map((s) => s.resources)).toEqual([
    ['arn:{partition}:s3:::{Bucket (S/Bucket/Resource)}/*'],
    ['the ARN of Bucket (S/Bucket/Resource)'],
    ['the export SharedKeyArn'],
  ]);
  expect(worker.statements[1].summary).toBe('Allow s3:ListBucket on the ARN of Bucket (S/Bucket/Resource)');
});

test('a role, a provider and a trust value known only at deploy time', () => {
  // The association's role is imported: its name is the export; its target role's account is a parameter.
  expect(cluster().roles.map((r) => [r.id, r.name])).toEqual(expect.arrayContaining([
    ['the export SharedWorkerRoleArn', 'the export SharedWorkerRoleArn'],
    ['arn:{partition}:iam::{parameter DataAccount}:role/data', 'data'],
  ]));
  const imported = cluster().serviceAccounts.find((b) => b.serviceAccount === 'imported')!;
  expect(imported).toMatchObject({ scope: TrustScope.UNKNOWN, roleId: 'the export SharedWorkerRoleArn', targetRoleId: 'arn:{partition}:iam::{parameter DataAccount}:role/data' });
  expect(imported.notes).toContain('chains to target role data (TargetRoleArn arn:{partition}:iam::{parameter DataAccount}:role/data): pods get the target role\'s credentials');
  // A trust of an OIDC provider known only by an export: a cluster made elsewhere, named by that provider.
  expect(report.clusters.map((c) => c.name)).toContain('the issuer of OIDC provider the export SharedProviderArn');
});

describe('deploy-time values in words', () => {
  const reference = ({ logicalId, attribute }: { logicalId: string; attribute?: string }) => `<${attribute ?? 'Ref'} of ${logicalId}>`;
  test.each([
    ['arn:aws:iam::123456789012:role/admin', 'arn:aws:iam::123456789012:role/admin'],
    ['${Ref:AWS::Region}', 'the stack\'s region'],
    ['arn:${Ref:AWS::Partition}:eks:${Ref:AWS::Region}:${Ref:AWS::AccountId}:cluster/x', 'arn:{partition}:eks:{region}:{account}:cluster/x'],
    ['${GetAtt:Role.Arn}', '<Arn of Role>'],
    ['${GetAtt:Role.Arn}/*', '{<Arn of Role>}/*'],
    ['${Ref:Bucket}', '<Ref of Bucket>'],
    ['${ImportValue:Shared}', 'the export Shared'],
    ['${Select:1,${Split:https://,${GetAtt:Cluster.OpenIdConnectIssuerUrl}}}', 'the issuer in <OpenIdConnectIssuerUrl of Cluster>'],
    ['${Select:1,${Split:oidc-provider/,${Ref:Provider}}}:sub', '{the issuer of OIDC provider <Ref of Provider>}:sub'],
    ['${Select:0,${GetAZs:}}', 'a value known at deploy time (Fn::Select)'],
    ['${Select:0,${Split:/,${GetAtt:Queue.Arn}}}', 'a value derived (Fn::Select) from <Arn of Queue>'],
    ['${FindInMap:Map,a,b}/x', '{a value known at deploy time (Fn::FindInMap)}/x'],
    ['${Token[TOKEN.123]}', 'a value known at deploy time'],
  ])('%s', (text, words) => {
    expect(describeDeployTimeText(text, reference)).toBe(words);
  });

  test('the model names roles, resources with their construct paths, parameters and attributes', () => {
    const model = CheckModel.build(inputs());
    expect(model.describe('${GetAtt:WorkerRole.Arn}', 'S')).toBe('role WorkerRole (S/Worker/Role/Resource)');
    expect(model.describe('${GetAtt:Bucket.Arn}', 'S')).toBe('the ARN of Bucket (S/Bucket/Resource)');
    expect(model.describe('${GetAtt:Cluster.OpenIdConnectIssuerUrl}', 'S')).toBe('the OpenIdConnectIssuerUrl of Cluster');
    expect(model.describe('${Ref:AdminRoleArn}', 'S')).toBe('parameter AdminRoleArn');
  });
});

test('findings quote deploy-time values in words too (here the issuer a trust keys its conditions on)', () => {
  const finding = report.findings.find((f) => f.ruleId === 'EKSID-IRSA-007')!;
  expect(finding.message).toContain('trusts OIDC provider the export SharedProviderArn, but its conditions are keyed on another issuer '
    + '({the issuer of OIDC provider Provider}:sub/aud)');
});
