import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AccessPolicy, AccessScopeType } from '../../src';
import { importedCluster, newApp, newStack } from '../support/fixtures';

describe('AccessPolicy factories', () => {
  test.each([
    ['clusterAdmin', 'AmazonEKSClusterAdminPolicy', AccessPolicy.clusterAdmin()],
    ['admin', 'AmazonEKSAdminPolicy', AccessPolicy.admin()],
    ['adminView', 'AmazonEKSAdminViewPolicy', AccessPolicy.adminView()],
    ['edit', 'AmazonEKSEditPolicy', AccessPolicy.edit()],
    ['view', 'AmazonEKSViewPolicy', AccessPolicy.view()],
    ['secretReader', 'AmazonEKSSecretReaderPolicy', AccessPolicy.secretReader()],
    ['autoNode', 'AmazonEKSAutoNodePolicy', AccessPolicy.autoNode()],
    ['fromName', 'AmazonEKSHybridPolicy', AccessPolicy.fromName('AmazonEKSHybridPolicy')],
  ])('%s names %s at cluster scope by default', (_name, policyName, policy) => {
    expect(policy.policyName).toBe(policyName);
    expect(policy.scope).toEqual({ type: AccessScopeType.CLUSTER });
    expect(policy.policyArnInPartition('aws')).toBe(`arn:aws:eks::aws:cluster-access-policy/${policyName}`);
  });

  test('a namespace scope is kept, and later changes to the caller\'s array do not leak in', () => {
    const namespaces = ['app', 'web'];
    const policy = AccessPolicy.edit({ type: AccessScopeType.NAMESPACE, namespaces });
    namespaces.push('other');
    expect(policy.scope).toEqual({ type: AccessScopeType.NAMESPACE, namespaces: ['app', 'web'] });
  });

  test('fromName takes a scope', () => {
    const policy = AccessPolicy.fromName('AmazonEKSViewPolicy', { type: AccessScopeType.NAMESPACE, namespaces: ['a'] });
    expect(policy.scope).toEqual({ type: AccessScopeType.NAMESPACE, namespaces: ['a'] });
  });
});

describe('policy ARN partition', () => {
  function policyArnIn(stack: Stack): any {
    importedCluster(stack).grantClusterAdmin('Admin', 'arn:aws-cn:iam::123456789012:role/Admin');
    const entries = Template.fromStack(stack).findResources('AWS::EKS::AccessEntry');
    return Object.values<any>(entries)[0].Properties.AccessPolicies[0].PolicyArn;
  }

  test('uses the literal partition of a China region', () => {
    const stack = newStack(newApp(), 'Cn', { env: { account: '123456789012', region: 'cn-north-1' } });
    expect(policyArnIn(stack)).toBe('arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy');
  });

  test('uses AWS::Partition in an environment-agnostic stack', () => {
    const stack = newStack(newApp(), 'Agnostic', {});
    expect(policyArnIn(stack)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy']],
    });
  });
});
