import { AccessPolicy, AccessScopeType } from '../../src';
import { serviceLinkedOnlyPolicyProblem, unknownAccessPolicyWarning } from '../../src/core/access-entry-rules';
import { KNOWN_ACCESS_POLICIES } from '../../src/core/access-policy-catalog';

const FACTORIES: Array<[string, () => AccessPolicy]> = [
  ['AmazonEKSClusterAdminPolicy', () => AccessPolicy.clusterAdmin()],
  ['AmazonEKSAdminPolicy', () => AccessPolicy.admin()],
  ['AmazonEKSAdminViewPolicy', () => AccessPolicy.adminView()],
  ['AmazonEKSEditPolicy', () => AccessPolicy.edit()],
  ['AmazonEKSViewPolicy', () => AccessPolicy.view()],
  ['AmazonEKSSecretReaderPolicy', () => AccessPolicy.secretReader()],
  ['AmazonEKSAutoNodePolicy', () => AccessPolicy.autoNode()],
  ['AmazonEKSLoadBalancingPolicy', () => AccessPolicy.loadBalancing()],
  ['AmazonEKSLoadBalancingClusterPolicy', () => AccessPolicy.loadBalancingCluster()],
  ['AmazonEKSNetworkingPolicy', () => AccessPolicy.networking()],
  ['AmazonEKSNetworkingClusterPolicy', () => AccessPolicy.networkingCluster()],
  ['AmazonAIOpsAssistantPolicy', () => AccessPolicy.aiOpsAssistant()],
  ['AmazonARCRegionSwitchScalingPolicy', () => AccessPolicy.arcRegionSwitchScaling()],
];

test('every named factory makes a known access policy that users can associate, and every such policy has a factory', () => {
  const associable = KNOWN_ACCESS_POLICIES.filter((p) => !p.serviceLinkedRoleOnly).map((p) => p.name).sort();
  expect(FACTORIES.map(([name, make]) => {
    expect(make().policyName).toBe(name);
    return name;
  }).sort()).toEqual(associable);
});

test('no factory for the policies only service-linked roles can have', () => {
  const slrOnly = KNOWN_ACCESS_POLICIES.filter((p) => p.serviceLinkedRoleOnly).map((p) => p.name).sort();
  expect(slrOnly).toEqual([
    'AmazonEKSBlockStorageClusterPolicy', 'AmazonEKSBlockStoragePolicy', 'AmazonEKSClusterInsightsPolicy', 'AmazonEKSComputeClusterPolicy',
    'AmazonEKSComputePolicy', 'AmazonEKSHybridPolicy',
  ]);
  const factories = Object.getOwnPropertyNames(AccessPolicy).filter((n) => typeof (AccessPolicy as any)[n] === 'function' && n !== 'fromName');
  expect(factories.length).toBe(FACTORIES.length);
  const made = factories.map((n) => (AccessPolicy as any)[n]().policyName);
  expect(made.filter((name: string) => slrOnly.includes(name))).toEqual([]);
});

test('the Auto Mode capability policies are cluster-scoped, with the partition\'s ARN', () => {
  const policy = AccessPolicy.loadBalancingCluster();
  expect(policy.scope).toEqual({ type: AccessScopeType.CLUSTER });
  expect(policy.policyArnInPartition('aws-us-gov')).toBe('arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSLoadBalancingClusterPolicy');
});

test('the newer service policies take a namespace scope and are known, so they draw no unknown-name warning', () => {
  const scope = { type: AccessScopeType.NAMESPACE, namespaces: ['app'] };
  expect(AccessPolicy.arcRegionSwitchScaling(scope).scope).toEqual(scope);
  expect(AccessPolicy.aiOpsAssistant().policyArnInPartition('aws')).toBe('arn:aws:eks::aws:cluster-access-policy/AmazonAIOpsAssistantPolicy');
  for (const name of ['AmazonAIOpsAssistantPolicy', 'AmazonARCRegionSwitchScalingPolicy', 'AmazonEKSSecretReaderPolicy']) {
    expect(unknownAccessPolicyWarning(name)).toBeUndefined();
    expect(serviceLinkedOnlyPolicyProblem(name)).toBeUndefined();
  }
});

test('every known policy cites a public source: the EKS user guide file at a commit, or AWS documentation', () => {
  for (const p of KNOWN_ACCESS_POLICIES) {
    expect({ name: p.name, cited: /amazon-eks-user-guide .* at [0-9a-f]{40}/.test(p.source) }).toEqual({ name: p.name, cited: true });
    if (p.serviceLinkedRoleOnly) expect(p.source).toContain('designated for {aws} service-linked roles only');
  }
});

test('the known policies have unique names, a purpose and a source', () => {
  expect(new Set(KNOWN_ACCESS_POLICIES.map((p) => p.name)).size).toBe(KNOWN_ACCESS_POLICIES.length);
  for (const p of KNOWN_ACCESS_POLICIES) {
    expect(p.name).toMatch(/^Amazon[A-Za-z]+Policy$/);
    expect(p.purpose.length).toBeGreaterThan(5);
    expect(p.source.length).toBeGreaterThan(10);
  }
});
