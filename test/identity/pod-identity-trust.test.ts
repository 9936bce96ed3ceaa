import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityMode } from '../../src';
import { expectedTagConditions } from '../support/expected-trust';
import { ACCOUNT, clusterArnOf, crossAccountPodIdentity, newCluster, newStack, OTHER_ACCOUNT } from '../support/fixtures';
import { shared } from '../support/shared';
import { logicalIdOf, resourceOf } from '../support/template-queries';

const TAG_CONDITIONS = expectedTagConditions;

describe('pod identity trust', () => {
  const fixture = shared(() => {
    const stack = newStack();
    const cluster = newCluster(stack);
    const identity = cluster.addWorkloadIdentity('S3', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
    const template = Template.fromStack(stack);
    const association = resourceOf(template, identity.association!);
    return { stack, cluster, identity, template, role: resourceOf(template, identity.role), association };
  });

  test('exactly one statement: AssumeRole + TagSession from pods.eks.amazonaws.com scoped by 3 session tags', () => {
    const { cluster, template, role } = fixture();
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
    const { cluster, identity, template, association } = fixture();
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
    const { stack, identity } = fixture();
    Annotations.fromStack(stack).hasNoWarning(`/${identity.node.path}/*`, Match.anyValue());
    Annotations.fromStack(stack).hasNoWarning(`/${identity.node.path}`, Match.anyValue());
  });

  test('snapshot', () => {
    const { role, association } = fixture();
    expect({ role, association }).toMatchSnapshot();
  });
});

describe('pod identity trust without session tags', () => {
  const fixture = shared(() => {
    const stack = newStack();
    const cluster = newCluster(stack);
    const identity = cluster.addWorkloadIdentity('NoTags', {
      namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY, disableSessionTags: true,
    });
    const template = Template.fromStack(stack);
    return { stack, template, role: resourceOf(template, identity.role) };
  });

  test('one statement and no Condition', () => {
    expect(fixture().role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
  });

  test('the association disables session tags', () => {
    fixture().template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', { ServiceAccount: 's3-sa', DisableSessionTags: true });
  });

  test('synth warns that the trust cannot be scoped', () => {
    Annotations.fromStack(fixture().stack).hasWarning('/Stack/Cluster/NoTags', Match.stringLikeRegexp(
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
    expect(fixture().role).toMatchSnapshot();
  });
});

describe('cross-account pod identity (PodIdentityTargetRole)', () => {
  const fixture = shared(() => {
    const { clusterStack, dataStack, identity, target } = crossAccountPodIdentity();
    return { identity, target, clusterTemplate: Template.fromStack(clusterStack), dataTemplate: Template.fromStack(dataStack) };
  });
  const targetArn = `arn:aws:iam::${OTHER_ACCOUNT}:role/app-data-access`;
  const associationRoleArn = `arn:aws:iam::${ACCOUNT}:role/app-association`;

  test('the association gets TargetRoleArn', () => {
    const { target, clusterTemplate } = fixture();
    expect(target.roleArn).toBe(targetArn);
    clusterTemplate.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
      Namespace: 'app', ServiceAccount: 'app', TargetRoleArn: targetArn,
    });
  });

  test('the association role may AssumeRole + TagSession on the target, inline', () => {
    const { clusterTemplate } = fixture();
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
    fixture().dataTemplate.hasResourceProperties('AWS::IAM::Role', {
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
    const { identity, clusterTemplate } = fixture();
    const role = resourceOf(clusterTemplate, identity.role);
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toHaveLength(1);
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
  });

  test('snapshot', () => {
    const { identity, target, clusterTemplate, dataTemplate } = fixture();
    expect({
      associationRole: resourceOf(clusterTemplate, identity.role),
      association: resourceOf(clusterTemplate, identity.association!),
      targetRole: resourceOf(dataTemplate, target.role),
    }).toMatchSnapshot();
  });
});
