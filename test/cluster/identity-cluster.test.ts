import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AuthenticationMode, IdentityMode } from '../../src';
import { ACCOUNT, clusterArnOf, newCluster, newStack } from '../support/fixtures';
import { deployedValues, resolveIntrinsics } from '../support/intrinsics';
import { codeResources, logicalIdOf, resourceOf } from '../support/template-queries';

const ADMIN = `arn:aws:iam::${ACCOUNT}:role/Admin`;
const OPERATOR = `arn:aws:iam::${ACCOUNT}:role/Operator`;

describe('IdentityCluster with a managed node group', () => {
  const stack = newStack();
  const cluster = newCluster(stack, 'nodegroup', { admins: [ADMIN, OPERATOR] });
  const pod = cluster.addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
  const auto = cluster.addWorkloadIdentity('Auto', { namespace: 'default', serviceAccountName: 'auto-sa' });
  const template = Template.fromStack(stack);

  test('authentication mode API by default', () => {
    expect(cluster.authenticationMode).toBe(AuthenticationMode.API);
    template.hasResourceProperties('AWS::EKS::Cluster', {
      Name: 'myeks',
      AccessConfig: Match.objectLike({ AuthenticationMode: 'API' }),
    });
  });

  test('exactly one native OIDC provider for the cluster issuer, audience sts.amazonaws.com, no thumbprint', () => {
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    template.resourceCountIs('Custom::AWSCDKOpenIdConnectProvider', 0);
    const provider = resourceOf(template, cluster.openIdConnectProvider as any);
    expect(provider.Type).toBe('AWS::IAM::OIDCProvider');
    expect(provider.Properties).toEqual({
      ClientIdList: ['sts.amazonaws.com'],
      Url: { 'Fn::GetAtt': [logicalIdOf(cluster.cluster), 'OpenIdConnectIssuerUrl'] },
    });
    expect(provider.Properties).not.toHaveProperty('ThumbprintList');
  });

  test('the eks-pod-identity-agent addon is installed', () => {
    template.resourceCountIs('AWS::EKS::Addon', 1);
    template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'eks-pod-identity-agent',
      ClusterName: { Ref: logicalIdOf(cluster.cluster) },
    });
  });

  test('every pod identity association DependsOn the agent addon', () => {
    const addonId = logicalIdOf(cluster.podIdentityAgent as any);
    expect(template.findResources('AWS::EKS::Addon')[addonId].Properties.AddonName).toBe('eks-pod-identity-agent');
    expect(auto.association).toBeDefined();
    for (const identity of [pod, auto]) {
      expect(resourceOf(template, identity.association!).DependsOn).toContain(addonId);
    }
  });

  test('admins get access entries with AmazonEKSClusterAdminPolicy at cluster scope', () => {
    // Read as deployed (the partition may be a literal or AWS::Partition).
    const values = deployedValues(template.toJSON());
    const entries = Object.values<any>(template.findResources('AWS::EKS::AccessEntry'))
      .map((e) => resolveIntrinsics(e.Properties, values));
    expect(entries.map((e) => e.PrincipalArn).sort()).toEqual([ADMIN, OPERATOR]);
    for (const entry of entries) {
      expect(entry.ClusterName).toBe('myeks');
      expect(entry.AccessPolicies).toContainEqual({
        AccessScope: { Type: 'cluster' },
        PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
      });
    }
  });

  test('no kubectl provider: no Lambda, no custom resource, no nested stack', () => {
    expect(codeResources(template)).toEqual({});
    expect(cluster.cluster.kubectlProvider).toBeUndefined();
  });

  test('attributes: name, ARN, issuer, provider ARN are the cluster\'s own', () => {
    const stackResolve = (v: string) => stack.resolve(v);
    expect(stackResolve(cluster.clusterName)).toEqual({ Ref: logicalIdOf(cluster.cluster) });
    expect(stackResolve(cluster.clusterArn)).toEqual({ 'Fn::GetAtt': [logicalIdOf(cluster.cluster), 'Arn'] });
    expect(stackResolve(cluster.openIdConnectProviderArn)).toEqual({ Ref: logicalIdOf(cluster.openIdConnectProvider as any) });
    expect(cluster.autoMode).toBe(false);
    expect(cluster.podIdentityUnavailableReason).toBeUndefined();
  });

  test('no warnings', () => {
    Annotations.fromStack(stack).hasNoWarning('/Stack/Cluster/*', Match.stringLikeRegexp('cdk-eks-identity'));
  });
});

describe('IdentityCluster in Auto Mode', () => {
  const stack = newStack();
  const cluster = newCluster(stack, 'automode');
  const pod = cluster.addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
  const template = Template.fromStack(stack);

  test('no eks-pod-identity-agent addon (the agent is built in)', () => {
    expect(cluster.autoMode).toBe(true);
    expect(cluster.podIdentityAgent).toBeUndefined();
    expect(template.findResources('AWS::EKS::Addon', { Properties: { AddonName: 'eks-pod-identity-agent' } })).toEqual({});
  });

  test('the association has nothing to wait for', () => {
    expect(resourceOf(template, pod.association!).DependsOn).toBeUndefined();
  });

  test('Auto Mode compute is on, API authentication, one native provider', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', {
      ComputeConfig: Match.objectLike({ Enabled: true }),
      AccessConfig: Match.objectLike({ AuthenticationMode: 'API' }),
    });
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    expect(codeResources(template)).toEqual({});
  });

  test('defaultCapacityType left unset is Auto Mode too', () => {
    const s = newStack();
    const c = newCluster(s, 'automode', { defaultCapacityType: undefined });
    expect(c.autoMode).toBe(true);
    expect(Template.fromStack(s).findResources('AWS::EKS::Addon')).toEqual({});
  });
});

describe('IdentityCluster options', () => {
  test('API_AND_CONFIG_MAP override', () => {
    const stack = newStack();
    const cluster = newCluster(stack, 'nodegroup', { authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP });
    expect(cluster.authenticationMode).toBe(AuthenticationMode.API_AND_CONFIG_MAP);
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::Cluster', {
      AccessConfig: Match.objectLike({ AuthenticationMode: 'API_AND_CONFIG_MAP' }),
    });
  });

  test('CONFIG_MAP is rejected with the path and the fix', () => {
    const stack = newStack();
    expect(() => newCluster(stack, 'nodegroup', { authenticationMode: AuthenticationMode.CONFIG_MAP })).toThrow(
      'Stack/Cluster: authenticationMode CONFIG_MAP leaves no room for access entries. '
      + 'Fix: use AuthenticationMode.API_AND_CONFIG_MAP while moving off aws-auth, then AuthenticationMode.API');
  });

  test('podIdentityAgent: false leaves the addon out', () => {
    const stack = newStack();
    const cluster = newCluster(stack, 'nodegroup', { podIdentityAgent: false });
    expect(cluster.podIdentityAgent).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::EKS::Addon', 0);
  });

  test('no admins → no access entries of ours', () => {
    const stack = newStack();
    newCluster(stack);
    Template.fromStack(stack).resourceCountIs('AWS::EKS::AccessEntry', 0);
  });

  test('the cluster ARN the pod identity trust is scoped to is the cluster\'s own ARN', () => {
    const stack = newStack();
    const cluster = newCluster(stack);
    const identity = cluster.addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
    const trust = resourceOf(Template.fromStack(stack), identity.role).Properties.AssumeRolePolicyDocument;
    expect(trust.Statement[0].Condition.StringEquals['aws:RequestTag/eks-cluster-arn'])
      .toEqual({ 'Fn::GetAtt': [logicalIdOf(cluster.cluster), 'Arn'] });
    expect(clusterArnOf('myeks')).toBe(`arn:aws:eks:ap-northeast-2:${ACCOUNT}:cluster/myeks`);
  });
});

test('an identity may be called Default (the cluster stays the default child)', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  cluster.addWorkloadIdentity('Default', { namespace: 'default', serviceAccountName: 'default-sa', mode: IdentityMode.IRSA });
  expect(() => Template.fromStack(stack)).not.toThrow();
  expect(cluster.node.defaultChild).toBe(cluster.cluster);
});

describe('Fargate profiles of the aws-eks-v2 cluster, however they are made', () => {
  test('fargateNamespaces sees profiles added to the underlying cluster directly, and AUTO picks IRSA there', () => {
    const stack = newStack();
    const cluster = newCluster(stack);
    cluster.addFargateProfile('Own', { selectors: [{ namespace: 'batch' }] });
    cluster.cluster.addFargateProfile('Direct', { selectors: [{ namespace: 'jobs-*' }] });
    expect(cluster.fargateNamespaces).toEqual(['batch', 'jobs-*']);
    const identity = cluster.addWorkloadIdentity('Jobs', { namespace: 'jobs-nightly', serviceAccountName: 'runner' });
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(identity.modeReason).toContain('a Fargate profile of cluster Stack/Cluster selects namespace jobs-nightly (jobs-*)');
    expect(() => cluster.addWorkloadIdentity('Pod', { namespace: 'jobs-nightly', serviceAccountName: 'other', mode: IdentityMode.POD_IDENTITY }))
      .toThrow(/^Stack\/Cluster\/Pod: POD_IDENTITY cannot work here: a Fargate profile of cluster Stack\/Cluster selects namespace jobs-nightly \(jobs-\*\)/);
  });

  test('a profile added after a pod identity of its namespace fails at synth, saying to add the profile first', () => {
    const stack = newStack();
    const cluster = newCluster(stack);
    cluster.addWorkloadIdentity('Pod', { namespace: 'batch', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY });
    cluster.cluster.addFargateProfile('Later', { selectors: [{ namespace: 'batch' }] });
    expect(() => Template.fromStack(stack)).toThrow('Stack/Cluster/Pod: it uses EKS Pod Identity in namespace batch, which a Fargate profile of cluster Stack/Cluster '
      + 'selects (batch); EKS Pod Identity does not run on AWS Fargate. Fix: use IdentityMode.IRSA for it, or create the Fargate profile before the identity '
      + 'so that IdentityMode.AUTO sees it and picks IRSA, or move the workload out of the Fargate namespace');
  });
});
