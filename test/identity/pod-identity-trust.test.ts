import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityMode, PodIdentityTargetRole } from '../../src';
import { expectedTagConditions } from '../support/expected-trust';
import {
  ACCOUNT, clusterArnOf, newApp, newCluster, newStack, OTHER_ACCOUNT, REGION,
} from '../support/fixtures';
import { logicalIdOf, resourceOf } from '../support/template-queries';

const TAG_CONDITIONS = expectedTagConditions;

describe('pod identity trust', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const identity = cluster.addWorkloadIdentity('S3', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
  const template = Template.fromStack(stack);
  const role = resourceOf(template, identity.role);
  const association = resourceOf(template, identity.association!);

  test('exactly one statement: AssumeRole + TagSession from pods.eks.amazonaws.com scoped by 3 session tags', () => {
    const clusterArn = { 'Fn::GetAtt': [logicalIdOf(cluster.cluster), 'Arn'] };
    expect(role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: { StringEquals: TAG_CONDITIONS(clusterArn, 'default', 's3-sa') },
      }],
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: Match.absent(),
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'pods.eks.amazonaws.com' } })] },
    });
  });

  test('the association names the cluster, namespace, service account and role, and waits for the agent', () => {
    template.hasResource('AWS::EKS::PodIdentityAssociation', {
      Properties: {
        ClusterName: { Ref: logicalIdOf(cluster.cluster) },
        Namespace: 'default',
        ServiceAccount: 's3-sa',
        RoleArn: { 'Fn::GetAtt': [logicalIdOf(identity.role), 'Arn'] },
      },
      DependsOn: [logicalIdOf(cluster.podIdentityAgent as any)],
    });
    expect(association.Properties).not.toHaveProperty('DisableSessionTags');
    expect(association.Properties).not.toHaveProperty('TargetRoleArn');
  });

  test('no warning on the identity', () => {
    Annotations.fromStack(stack).hasNoWarning(`/${identity.node.path}/*`, Match.anyValue());
    Annotations.fromStack(stack).hasNoWarning(`/${identity.node.path}`, Match.anyValue());
  });

  test('snapshot', () => {
    expect({ role, association }).toMatchSnapshot();
  });
});

describe('pod identity trust without session tags', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const identity = cluster.addWorkloadIdentity('NoTags', {
    namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY, disableSessionTags: true,
  });
  const template = Template.fromStack(stack);
  const role = resourceOf(template, identity.role);

  test('one statement and no Condition', () => {
    expect(role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
  });

  test('the association disables session tags', () => {
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', { ServiceAccount: 's3-sa', DisableSessionTags: true });
  });

  test('synth warns that the trust cannot be scoped', () => {
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster/NoTags', Match.stringLikeRegexp(
      'session tags are disabled: the trust of Stack/Cluster/NoTags cannot be scoped to cluster, namespace and service account'));
  });

  test('with a session policy, the policy is on the association', () => {
    const s = newStack();
    const c = newCluster(s);
    c.addWorkloadIdentity('Scoped', {
      namespace: 'default',
      serviceAccountName: 's3-sa',
      mode: IdentityMode.POD_IDENTITY,
      disableSessionTags: true,
      sessionPolicy: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] }),
    });
    const association = Template.fromStack(s).findResources('AWS::EKS::PodIdentityAssociation');
    const policy = Object.values<any>(association)[0].Properties.Policy;
    expect(JSON.parse(s.resolve(policy))).toEqual({
      Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
  });

  test('snapshot', () => {
    expect(role).toMatchSnapshot();
  });
});

describe('cross-account pod identity (PodIdentityTargetRole)', () => {
  const app = newApp();
  const clusterStack = newStack(app, 'ClusterStack');
  const dataStack = newStack(app, 'DataStack', { env: { account: OTHER_ACCOUNT, region: REGION } });
  const cluster = newCluster(clusterStack);
  const identity = cluster.addWorkloadIdentity('App', {
    namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, roleName: 'app-association',
  });
  const target = new PodIdentityTargetRole(dataStack, 'AppTarget', { identity, roleName: 'app-data-access' });
  const clusterTemplate = Template.fromStack(clusterStack);
  const dataTemplate = Template.fromStack(dataStack);
  const targetArn = `arn:aws:iam::${OTHER_ACCOUNT}:role/app-data-access`;
  const associationRoleArn = `arn:aws:iam::${ACCOUNT}:role/app-association`;

  test('the association gets TargetRoleArn', () => {
    expect(target.roleArn).toBe(targetArn);
    clusterTemplate.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
      Namespace: 'app', ServiceAccount: 'app', TargetRoleArn: targetArn,
    });
  });

  test('the association role may AssumeRole + TagSession on the target, inline', () => {
    clusterTemplate.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'app-association',
      Policies: [{
        PolicyName: 'workload-permissions',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: targetArn }],
        },
      }],
    });
    expect(clusterTemplate.findResources('AWS::IAM::Policy')).toEqual({});
  });

  test('the target role trusts only the association role of the cluster account, scoped by session tags', () => {
    dataTemplate.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'app-data-access',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: {
            ArnEquals: { 'aws:PrincipalARN': associationRoleArn },
            StringEquals: TAG_CONDITIONS(clusterArnOf('myeks'), 'app', 'app'),
          },
        }],
      },
    });
  });

  test('the association role keeps its own pod identity trust', () => {
    const role = resourceOf(clusterTemplate, identity.role);
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toHaveLength(1);
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
  });

  test('snapshot', () => {
    expect({
      associationRole: resourceOf(clusterTemplate, identity.role),
      association: resourceOf(clusterTemplate, identity.association!),
      targetRole: resourceOf(dataTemplate, target.role),
    }).toMatchSnapshot();
  });
});
