import { App, Fn, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { goodResources, irsaTrust, ISSUER, PROVIDER_ARN, role, trust } from './fixtures';
import { EksIdentityChecks } from '../../src/checks';
import { CheckModel } from '../../src/checks/template-model';
import { deployTimeValues } from '../../src/core/deploy-time';
import { parsePolicyDocument, wildcardMatch } from '../../src/core/template/policy-document';
import { TemplateText } from '../../src/core/template/template-text';

function model(resources: { [id: string]: any }, kubernetesManifests?: any[]): CheckModel {
  return CheckModel.build([{ stackName: 'S', template: { Resources: resources }, kubernetesManifests }]);
}

describe('TemplateText', () => {
  const text = new TemplateText({
    CfnJson: { Type: 'Custom::AWSCDKCfnJson', Properties: { Value: { 'Fn::Join': ['', ['{"', { Ref: 'P' }, ':sub":"system:serviceaccount:a:b"}']] } } },
  });

  test('joins Fn::Join and turns other intrinsics into placeholders', () => {
    expect(text.text({ 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 'iam', '', { 'Fn::GetAtt': ['Role', 'Arn'] }]] }))
      .toBe('arn:${Ref:AWS::Partition}:iam::${GetAtt:Role.Arn}');
    expect(text.text({ 'Fn::Select': [1, { 'Fn::Split': ['oidc-provider/', { Ref: 'Provider' }] }] }))
      .toBe('${Select:1,${Split:oidc-provider/,${Ref:Provider}}}');
    expect(text.text({ 'Fn::GetAtt': 'Cluster.Arn' })).toBe('${GetAtt:Cluster.Arn}');
  });

  test('expands Fn::Sub references and keeps ${!literal} escapes', () => {
    expect(text.text({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Role}-${!x}-${Cluster.Arn}' }))
      .toBe('arn:${Ref:AWS::Partition}:iam::${Ref:AWS::AccountId}:role/${Ref:Role}-${x}-${GetAtt:Cluster.Arn}');
    expect(text.text({ 'Fn::Sub': ['${A}/${B}', { A: 'literal', B: { Ref: 'X' } }] })).toBe('literal/${Ref:X}');
  });

  test('remembers what each placeholder stands for', () => {
    const value = text.text({ 'Fn::Join': ['', [{ Ref: 'A' }, '-', { 'Fn::ImportValue': 'Shared' }]] });
    expect(deployTimeValues(value)).toEqual(['${Ref:A}', '${ImportValue:Shared}']);
    expect(text.intrinsicOf('${ImportValue:Shared}')).toEqual({ 'Fn::ImportValue': 'Shared' });
    expect(text.intrinsicOf('${aws:username}')).toBeUndefined();
  });

  test('parses documents given as objects, JSON strings, Fn::Join and CfnJson references', () => {
    const doc = { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] };
    expect(text.document(doc)).toEqual(doc);
    expect(text.document(JSON.stringify(doc))).toEqual(doc);
    expect(text.document({ Condition: { StringEquals: { 'Fn::GetAtt': ['CfnJson', 'Value'] } } }))
      .toEqual({ Condition: { StringEquals: { '${Ref:P}:sub': 'system:serviceaccount:a:b' } } });
    expect(text.document('{ not json')).toBeUndefined();
  });
});

describe('policy documents', () => {
  test('normalizes string-or-list Action, Principal and condition values', () => {
    const doc = parsePolicyDocument({
      Statement: {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'pods.eks.amazonaws.com', AWS: ['a', 'b'] },
        Condition: { 'StringEquals': { k: 'v' }, 'ForAnyValue:StringLike': { l: ['x*', 'y'] } },
      },
    })!;
    expect(doc.statements[0]).toEqual({
      effect: 'Allow',
      actions: ['sts:AssumeRole'],
      notAction: false,
      resources: [],
      notResource: false,
      principals: { Service: ['pods.eks.amazonaws.com'], AWS: ['a', 'b'] },
      notPrincipal: false,
      conditions: [{ operator: 'StringEquals', key: 'k', values: ['v'] }, { operator: 'ForAnyValue:StringLike', key: 'l', values: ['x*', 'y'] }],
      opaqueConditions: false,
    });
    expect(parsePolicyDocument({ Statement: [{ Principal: '*', NotAction: 's3:*' }] })!.statements[0])
      .toMatchObject({ principals: { '*': ['*'] }, actions: ['s3:*'], notAction: true });
  });

  test('wildcards match like IAM', () => {
    expect(wildcardMatch('system:serviceaccount:apps:*', 'system:serviceaccount:apps:web')).toBe(true);
    expect(wildcardMatch('system:serviceaccount:apps:?', 'system:serviceaccount:apps:web')).toBe(false);
    expect(wildcardMatch('sts:*', 'STS:AssumeRole', true)).toBe(true);
    expect(wildcardMatch('a.b', 'aXb')).toBe(false);
  });
});

describe('CheckModel', () => {
  test('reads an IRSA trust emitted as one Fn::Join with the issuer token as condition key', () => {
    const m = model(goodResources());
    const web = m.roles.find((r) => r.logicalId === 'WebRole')!;
    const [irsa] = m.irsaStatements(web);
    expect(irsa.providerArn).toBe('${Ref:Provider}');
    expect(irsa.provider?.logicalId).toBe('Provider');
    expect(irsa.provider?.clusterKey).toBe('S/Cluster');
    expect(irsa.grant.statement.conditions).toEqual([
      { operator: 'StringEquals', key: '${Select:1,${Split:oidc-provider/,${Ref:Provider}}}:sub', values: ['system:serviceaccount:apps:web'] },
      { operator: 'StringEquals', key: '${Select:1,${Split:oidc-provider/,${Ref:Provider}}}:aud', values: ['sts.amazonaws.com'] },
    ]);
  });

  test('bounds the size of a Fn::Join trust with the longest issuer and provider ARN', () => {
    const m = model(goodResources());
    const web = m.roles.find((r) => r.logicalId === 'WebRole')!;
    // Issuer: oidc.eks.<15>.<16>/id/<32> = 77; provider ARN: arn:<10>:iam::<12>:oidc-provider/<issuer> = 124.
    const expected = JSON.stringify(trust({
      Effect: 'Allow',
      Principal: { Federated: 'p'.repeat(124) },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${'i'.repeat(77)}:sub`]: 'system:serviceaccount:apps:web', [`${'i'.repeat(77)}:aud`]: 'sts.amazonaws.com' } },
    })).length;
    expect(m.worstCaseSize(web.trust!, 'S')).toBe(expected);
  });

  test('matches clusters by Ref or literal name, and roles by ARN, GetAtt or name', () => {
    const m = CheckModel.build([
      { stackName: 'Platform', template: { Resources: { ...goodResources(), Cluster: { Type: 'AWS::EKS::Cluster', Properties: { Name: 'prod' } } } } },
      {
        stackName: 'App',
        template: {
          Resources: {
            R: role(trust(), { RoleName: 'app-role', Path: '/team/' }),
            A: { Type: 'AWS::EKS::PodIdentityAssociation', Properties: { ClusterName: 'prod', Namespace: 'n', ServiceAccount: 's', RoleArn: 'arn:aws:iam::1:role/team/app-role' } },
          },
        },
      },
    ]);
    expect(m.clusters.map((c) => c.key)).toEqual(['prod']);
    const [platformAssociation, appAssociation] = m.associations;
    expect(platformAssociation.clusterKey).toBe('prod');
    expect(appAssociation.clusterKey).toBe('prod');
    expect(m.roleByArn(appAssociation.roleArn, 'App')?.logicalId).toBe('R');
    expect(m.roleByArn(platformAssociation.roleArn, 'Platform')?.logicalId).toBe('WorkerRole');
    expect(m.roleByArn('${GetAtt:WorkerRole.Arn}', 'App')).toBeUndefined();
    expect(m.providerByArn(PROVIDER_ARN, 'App')).toBeUndefined();
  });

  test('reads service accounts from manifests (List objects expanded) and from aws-eks-v2 manifest resources', () => {
    const m = model({
      ...goodResources(),
      K: { Type: 'Custom::AWSCDK-EKS-KubernetesResource', Properties: { ClusterName: { Ref: 'Cluster' }, Manifest: JSON.stringify([{ kind: 'ServiceAccount', metadata: { name: 'x' } }]) } },
    }, [{ kind: 'List', items: [{ kind: 'ServiceAccount', metadata: { name: 'a', namespace: 'n', annotations: { 'eks.amazonaws.com/role-arn': 'arn:r' } } }] }, { kind: 'Namespace' }]);
    expect(m.serviceAccounts.map((s) => [s.logicalId, s.namespace, s.name, s.roleArn, s.clusterKey])).toEqual([
      ['K', 'default', 'x', undefined, 'S/Cluster'],
      [undefined, 'n', 'a', 'arn:r', 'S/Cluster'],
    ]);
  });

  test('takes the construct path from aws:cdk:path metadata', () => {
    const findings = EksIdentityChecks.checkTemplates([{
      stackName: 'S',
      template: { Resources: { R: { ...role(irsaTrust({ sub: null })), Metadata: { 'aws:cdk:path': 'S/Irsa/Role/Resource' } } } },
    }]);
    expect(findings[0]).toMatchObject({ ruleId: 'EKSID-IRSA-002', logicalId: 'R', constructPath: 'S/Irsa/Role/Resource' });
  });
});

describe('trust documents made by Stack.toJsonString', () => {
  function synthesize(conditions: (issuer: string) => any) {
    const stack = new Stack(new App(), 'Stack');
    const provider = new iam.CfnOIDCProvider(stack, 'Provider', { url: 'https://' + ISSUER, clientIdList: ['sts.amazonaws.com'] });
    const issuer = Fn.select(1, Fn.split('oidc-provider/', provider.ref));
    new iam.CfnRole(stack, 'Role', {
      assumeRolePolicyDocument: stack.toJsonString({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Federated: provider.ref }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditions(issuer) }],
      }),
    });
    const template = Template.fromStack(stack).toJSON();
    expect(template.Resources.Role.Properties.AssumeRolePolicyDocument['Fn::Join']).toBeDefined();
    return EksIdentityChecks.checkTemplates([{ stackName: 'Stack', template }]);
  }

  test('a correct trust passes', () => {
    expect(synthesize((issuer) => ({ StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:a:b', [`${issuer}:aud`]: 'sts.amazonaws.com' } })))
      .toEqual([]);
  });

  test('a trust with a wildcard subject fails', () => {
    const findings = synthesize((issuer) => ({ StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${issuer}:sub`]: 'system:serviceaccount:*:*' } }));
    expect(findings.map((f) => f.ruleId)).toEqual(['EKSID-IRSA-003']);
  });
});
