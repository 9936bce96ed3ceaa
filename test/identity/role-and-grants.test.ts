import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityMode } from '../../src';
import {
  ACCOUNT, importedCluster, ISSUER_A, ISSUER_B, newApp, newCluster, newStack, providerArnOf,
} from '../support/fixtures';
import { synthKubernetesFiles } from '../support/kubernetes-output';
import { logicalIdOf, resourceOf } from '../support/template-queries';

const READ_ACTIONS = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];

describe('bring your own role', () => {
  function byo(mode: IdentityMode, role: (stack: any) => iam.IRole) {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const theRole = role(stack);
    const identity = cluster.addWorkloadIdentity('Byo', { namespace: 'default', serviceAccountName: 'my-sa', mode, role: theRole });
    return { stack, cluster, identity, role: theRole };
  }
  const warnings = (stack: any) => Annotations.fromStack(stack).findWarning('/Stack/Imported/Byo', Match.anyValue())
    .map((w) => w.entry.data as string);

  test('pod identity with a role trusted by ec2: warning, trust left as made', () => {
    const { stack, role } = byo(IdentityMode.POD_IDENTITY,
      (s) => new iam.Role(s, 'Mine', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }));
    expect(warnings(stack)).toEqual([expect.stringMatching(new RegExp(
      '^the role you brought cannot work for POD_IDENTITY: its trust does not allow pods\\.eks\\.amazonaws\\.com sts:AssumeRole and sts:TagSession\\. '
      + 'Its trust is left as you made it'))]);
    expect(resourceOf(Template.fromStack(stack), role).Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('pod identity with a role trusted by pods.eks.amazonaws.com without TagSession: warning names TagSession', () => {
    const { stack } = byo(IdentityMode.POD_IDENTITY,
      (s) => new iam.Role(s, 'Mine', { assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com') }));
    expect(warnings(stack)).toEqual([expect.stringContaining(
      'the role you brought cannot work for POD_IDENTITY: its trust does not allow pods.eks.amazonaws.com sts:TagSession.')]);
  });

  test('pod identity with the right trust: no warning', () => {
    const { stack } = byo(IdentityMode.POD_IDENTITY,
      (s) => new iam.Role(s, 'Mine', { assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags() }));
    expect(warnings(stack)).toEqual([]);
  });

  test('IRSA with a role without a web identity statement: warning', () => {
    const { stack } = byo(IdentityMode.IRSA, (s) => new iam.Role(s, 'Mine', {
      roleName: 'mine', assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com'),
    }));
    expect(warnings(stack)).toEqual([expect.stringContaining(
      'the role you brought cannot work for IRSA: its trust has no sts:AssumeRoleWithWebIdentity statement for an OIDC provider.')]);
  });

  test('IRSA with a role trusting another cluster provider: warning', () => {
    const { stack } = byo(IdentityMode.IRSA, (s) => new iam.Role(s, 'Mine', {
      roleName: 'mine',
      assumedBy: new iam.FederatedPrincipal(providerArnOf(ISSUER_B), {}, 'sts:AssumeRoleWithWebIdentity'),
    }));
    expect(warnings(stack)).toEqual([expect.stringContaining(
      'the role you brought cannot work for IRSA: its trust does not name the OIDC provider of cluster Stack/Imported.')]);
  });

  test('IRSA with a role trusting this cluster provider: no warning', () => {
    const { stack } = byo(IdentityMode.IRSA, (s) => new iam.Role(s, 'Mine', {
      roleName: 'mine',
      assumedBy: new iam.FederatedPrincipal(providerArnOf(ISSUER_A), {
        StringEquals: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:default:my-sa', [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' },
      }, 'sts:AssumeRoleWithWebIdentity'),
    }));
    expect(warnings(stack)).toEqual([]);
  });

  test('an imported role cannot be inspected: no warning, its ARN is used', () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/existing`;
    const { stack, identity } = byo(IdentityMode.POD_IDENTITY, (s) => iam.Role.fromRoleArn(s, 'Existing', arn));
    expect(warnings(stack)).toEqual([]);
    expect(identity.roleArn).toBe(arn);
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::PodIdentityAssociation', { RoleArn: arn });
  });

  test('grants, statements and managed policies go to your role; no role of ours', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags() });
    const identity = cluster.addWorkloadIdentity('Byo', {
      namespace: 'default',
      serviceAccountName: 'my-sa',
      mode: IdentityMode.POD_IDENTITY,
      role,
      statements: [new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] })],
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
    });
    new s3.Bucket(stack, 'Bucket').grantRead(identity);
    expect(identity.role).toBe(role);
    expect(identity.grantPrincipal).toBe(role);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalIdOf(role) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sqs:SendMessage' }),
          Match.objectLike({ Action: READ_ACTIONS }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
    });
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', { RoleArn: { 'Fn::GetAtt': [logicalIdOf(role), 'Arn'] } });
  });

  test('IRSA with your role: the annotation carries your role ARN', () => {
    const app = newApp();
    const stack = newStack(app);
    const cluster = importedCluster(stack);
    const role = new iam.Role(stack, 'Mine', {
      roleName: 'my-own-role',
      assumedBy: new iam.FederatedPrincipal(providerArnOf(ISSUER_A), {}, 'sts:AssumeRoleWithWebIdentity'),
    });
    cluster.addWorkloadIdentity('Byo', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA, role });
    const objects = Object.values(synthKubernetesFiles(app)).flat();
    expect(objects).toHaveLength(1);
    expect(objects[0].metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/my-own-role` });
  });

  test('IRSA with your role with a path: the annotation ARN includes the path', () => {
    const app = newApp();
    const stack = newStack(app);
    const role = new iam.Role(stack, 'Mine', {
      roleName: 'pathed',
      path: '/workloads/',
      assumedBy: new iam.FederatedPrincipal(providerArnOf(ISSUER_A), {}, 'sts:AssumeRoleWithWebIdentity'),
    });
    const identity = importedCluster(stack).addWorkloadIdentity('Byo', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA, role });
    expect(identity.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/workloads/pathed`);
    expect(Object.values(synthKubernetesFiles(app)).flat()[0].metadata.annotations['eks.amazonaws.com/role-arn'])
      .toBe(`arn:aws:iam::${ACCOUNT}:role/workloads/pathed`);
  });

  test('IRSA with your unnamed role: synth says to name it', () => {
    const app = newApp();
    const stack = newStack(app);
    const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.FederatedPrincipal(providerArnOf(ISSUER_A), {}, 'sts:AssumeRoleWithWebIdentity') });
    importedCluster(stack).addWorkloadIdentity('Byo', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA, role });
    expect(() => app.synth()).toThrow(/Stack\/Imported\/KubernetesObjects: the Kubernetes object ServiceAccount\/default\/my-sa field metadata\.annotations\.eks\.amazonaws\.com\/role-arn is not known at synth \(GetAtt Mine[0-9A-F]+\.Arn\).*Fix: .*the IAM role a name \(roleName\)/);
  });
});

describe('grants on the role the library creates', () => {
  test.each([IdentityMode.IRSA, IdentityMode.POD_IDENTITY])('%s: bucket.grantRead(identity) lands inline in the role Policies', (mode) => {
    const stack = newStack();
    const cluster = newCluster(stack);
    const identity = cluster.addWorkloadIdentity('Reader', {
      namespace: 'default',
      serviceAccountName: 'my-sa',
      mode,
      statements: [new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] })],
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
    });
    const bucket = new s3.Bucket(stack, 'Bucket');
    bucket.grantRead(identity);
    identity.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const role = resourceOf(template, identity.role);
    expect(role.Properties.Policies).toHaveLength(1);
    expect(role.Properties.Policies[0].PolicyName).toBe('workload-permissions');
    expect(role.Properties.Policies[0].PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
      {
        Effect: 'Allow',
        Action: READ_ACTIONS,
        Resource: [
          { 'Fn::GetAtt': [logicalIdOf(bucket), 'Arn'] },
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalIdOf(bucket), 'Arn'] }, '/*']] },
        ],
      },
      { Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
    ]);
    expect(role.Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] },
    ]);
  });

  test('no permissions → no Policies property', () => {
    const stack = newStack();
    const identity = importedCluster(stack).addWorkloadIdentity('Bare', { namespace: 'default', serviceAccountName: 'my-sa' });
    expect(resourceOf(Template.fromStack(stack), identity.role).Properties).not.toHaveProperty('Policies');
  });
});

test('the role gets a description only when asked for one', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const described = cluster.addWorkloadIdentity('Described', {
    namespace: 'default', serviceAccountName: 'described', mode: IdentityMode.IRSA, roleDescription: 'reads the reports bucket',
  });
  const plain = cluster.addWorkloadIdentity('Plain', { namespace: 'default', serviceAccountName: 'plain', mode: IdentityMode.IRSA });
  const template = Template.fromStack(stack);
  expect(resourceOf(template, described.role).Properties.Description).toBe('reads the reports bucket');
  expect(resourceOf(template, plain.role).Properties.Description).toBeUndefined();
});
