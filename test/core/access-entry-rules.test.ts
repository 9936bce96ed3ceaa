import {
  accessPolicyArn, accessPolicyCountProblem, accessPolicyNameOfArn, accessPolicyNameProblem, accessPolicyScopeProblem, clusterAdminScopeWarning,
  duplicateAccessPolicyProblem, entryTypeIdentityProblem, entryTypePoliciesProblem, NO_POLICY_ENTRY_TYPES, serviceLinkedOnlyPolicyProblem,
  STANDARD_ENTRY_TYPE, unknownAccessPolicyWarning,
} from '../../src/core/access-entry-rules';

/*
 * The EKS API rules for access entries that ClusterAccess, the aws-auth planner and the rule pack
 * share, each problem asserted with its whole message and fix.
 */

const TOKEN = '${Token[TOKEN.12]}';

describe('access policy names and ARNs', () => {
  test.each([
    ['arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', 'AmazonEKSViewPolicy'],
    ['arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', 'AmazonEKSEditPolicy'],
    ['AmazonEKSViewPolicy', 'AmazonEKSViewPolicy'],
    ['arn:aws:eks::aws:cluster-access-policy/', 'arn:aws:eks::aws:cluster-access-policy/'],
    // The name runs to the end: a line break after it makes the text no policy ARN.
    ['arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\n', 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\n'],
  ])('the name of %p is %p', (arn, name) => {
    expect(accessPolicyNameOfArn(arn)).toBe(name);
  });

  test('the ARN of a policy in a partition', () => {
    expect(accessPolicyArn('aws-us-gov', 'AmazonEKSViewPolicy')).toBe('arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSViewPolicy');
  });

  test.each(['AmazonEKSViewPolicy', 'a+b=c,d.e@f_g-h0', `Amazon${TOKEN}`])('%p is shaped like a policy name', (name) => {
    expect(accessPolicyNameProblem(name)).toBeUndefined();
  });

  test.each([
    ['', "access policy name '' is not a policy name"],
    ['arn:aws:eks::aws:cluster-access-policy/X', "access policy name 'arn:aws:eks::aws:cluster-access-policy/X' is not a policy name (it contains \":\", \"/\")"],
    ['View Policy', "access policy name 'View Policy' is not a policy name (it contains \" \" (whitespace))"],
  ])('%p is not', (name, problem) => {
    expect(accessPolicyNameProblem(name)).toEqual({ problem, fix: 'give the name after cluster-access-policy/ (e.g. AmazonEKSViewPolicy), not an ARN' });
  });
});

describe('entry types', () => {
  test('the types that take no policies, and the one that takes groups and a username', () => {
    expect(NO_POLICY_ENTRY_TYPES).toEqual(['EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'HYBRID_LINUX', 'HYPERPOD_LINUX']);
    expect(STANDARD_ENTRY_TYPE).toBe('STANDARD');
  });

  test.each<[string, string[], string | undefined]>([
    ['STANDARD', ['a'], 'x'],
    [TOKEN, ['a'], 'x'],
    ['EC2_LINUX', [], undefined],
    ['FARGATE_LINUX', [], undefined],
  ])('type %p with groups %p and username %p is fine', (type, groups, username) => {
    expect(entryTypeIdentityProblem(type, groups, username)).toBeUndefined();
  });

  test.each<[string, string[], string | undefined, string]>([
    ['EC2_LINUX', ['a', 'b'], undefined, 'kubernetesGroups (a, b)'],
    ['HYBRID_LINUX', [], 'node', "username 'node'"],
    ['EC2_WINDOWS', [], '', "username ''"],
    ['FARGATE_LINUX', ['a'], 'node', "kubernetesGroups (a) and username 'node'"],
  ])('type %p with groups %p and username %p', (type, groups, username, given) => {
    expect(entryTypeIdentityProblem(type, groups, username)).toEqual({
      problem: `an access entry of type ${type} cannot have ${given}; only STANDARD entries take groups and a username (EKS sets them for node types)`,
      fix: 'remove kubernetesGroups and username, or use AccessEntryType.STANDARD',
    });
  });

  test.each(['EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'HYBRID_LINUX', 'HYPERPOD_LINUX'])('%s takes no access policies', (type) => {
    expect(entryTypePoliciesProblem(type, ['AmazonEKSViewPolicy', 'AmazonEKSEditPolicy'])).toEqual({
      problem: `an access entry of type ${type} cannot have access policies (AmazonEKSViewPolicy, AmazonEKSEditPolicy)`,
      fix: 'remove the access policies; EKS gives node entries the permissions nodes need',
    });
    expect(entryTypePoliciesProblem(type, [])).toBeUndefined();
  });

  test.each(['STANDARD', TOKEN])('%s may have access policies', (type) => {
    expect(entryTypePoliciesProblem(type, ['AmazonEKSViewPolicy'])).toBeUndefined();
  });
});

describe('how many policies, and each once', () => {
  test('at most 20', () => {
    expect(accessPolicyCountProblem(0)).toBeUndefined();
    expect(accessPolicyCountProblem(20)).toBeUndefined();
    expect(accessPolicyCountProblem(21)).toEqual({
      problem: 'the access entry has 21 access policies; at most 20 fit on one entry',
      fix: 'combine namespaces into one scope per policy, or use Kubernetes groups with RBAC for the rest',
    });
  });

  test('a policy twice', () => {
    expect(duplicateAccessPolicyProblem(['A', 'B', 'C'])).toBeUndefined();
    expect(duplicateAccessPolicyProblem([])).toBeUndefined();
    expect(duplicateAccessPolicyProblem(['A', 'B', 'A', 'B'])).toEqual({
      problem: 'access policy A is associated twice; an entry holds each policy once, with one scope',
      fix: 'give A once, with every namespace in its scope',
    });
  });
});

describe('accessPolicyScopeProblem', () => {
  const scope = (scopeType: string | undefined, namespaces: string[]) => ({ name: 'AmazonEKSViewPolicy', scopeType, namespaces });
  const NEITHER_FIX = "use a namespace name such as 'my-app', or a prefix such as 'dev-*'";

  test.each<[string | undefined, string[]]>([
    ['cluster', []],
    [undefined, []],
    ['namespace', ['app']],
    ['namespace', ['app', 'dev-*', 'a*', `${TOKEN}-*`, TOKEN]],
  ])('scope %p with namespaces %p', (scopeType, namespaces) => {
    expect(accessPolicyScopeProblem(scope(scopeType, namespaces))).toBeUndefined();
  });

  test('a namespace scope without namespaces', () => {
    expect(accessPolicyScopeProblem(scope('namespace', []))).toEqual({
      problem: "access policy AmazonEKSViewPolicy has scope 'namespace' but no namespaces",
      fix: 'list the namespaces in scope.namespaces, or use { type: AccessScopeType.CLUSTER }',
    });
  });

  test.each<[string | undefined]>([['cluster'], [undefined]])('scope %p with namespaces', (scopeType) => {
    expect(accessPolicyScopeProblem(scope(scopeType, ['a', 'b']))).toEqual({
      problem: "access policy AmazonEKSViewPolicy has scope 'cluster' and namespaces (a, b)",
      fix: 'use { type: AccessScopeType.NAMESPACE, namespaces } to limit it to namespaces, or drop the namespaces',
    });
  });

  test('a namespace that is not a name: the first one wins', () => {
    expect(accessPolicyScopeProblem(scope('namespace', ['ok', 'Bad', 'worse_']))).toEqual({
      problem: 'namespace \'Bad\' is not a valid Kubernetes namespace name: it contains "B" (a DNS-1123 label has only lower case letters, digits and \'-\') (in the scope of access policy AmazonEKSViewPolicy)',
      fix: "use a DNS-1123 label such as 'my-app'",
    });
  });

  test.each(['*', 'Dev-*', '-dev*', 'dev**', 'de v*'])('%p is neither a name nor a prefix pattern', (namespace) => {
    expect(accessPolicyScopeProblem(scope('namespace', ['ok', namespace]))).toEqual({
      problem: `access policy AmazonEKSViewPolicy has namespace '${namespace}' in its scope, which is neither a namespace name nor a prefix followed by '*'`,
      fix: NEITHER_FIX,
    });
  });
});

describe('policies a reviewer should see', () => {
  test.each([
    ['AmazonEKSBlockStoragePolicy', 'EKS Auto Mode block storage: leader-election leases'],
    ['AmazonEKSClusterInsightsPolicy', 'EKS cluster insights'],
  ])('%s is for service-linked roles only', (name, purpose) => {
    expect(serviceLinkedOnlyPolicyProblem(name)).toEqual({
      problem: `access policy ${name} is for AWS service-linked roles only (${purpose}); EKS rejects associating it with an access entry you create`,
      fix: 'remove it; EKS associates it with its service-linked role itself',
    });
  });

  test.each(['AmazonEKSViewPolicy', 'Unknown', TOKEN])('%s is not', (name) => {
    expect(serviceLinkedOnlyPolicyProblem(name)).toBeUndefined();
  });

  const KNOWN = 'AmazonEKSClusterAdminPolicy, AmazonEKSAdminPolicy, AmazonEKSAdminViewPolicy, AmazonEKSEditPolicy, AmazonEKSViewPolicy, '
    + 'AmazonEKSSecretReaderPolicy, AmazonEKSAutoNodePolicy, AmazonEKSLoadBalancingPolicy, AmazonEKSLoadBalancingClusterPolicy, '
    + 'AmazonEKSNetworkingPolicy, AmazonEKSNetworkingClusterPolicy, AmazonAIOpsAssistantPolicy, AmazonARCRegionSwitchScalingPolicy';

  test.each([
    ['AmazonEKSViewPolicyX', ''],
    ['amazoneksviewpolicy', ' (did you mean AmazonEKSViewPolicy?)'],
    ['AMAZONEKSCOMPUTEPOLICY', ' (did you mean AmazonEKSComputePolicy?)'],
  ])('%s is not one the library knows', (name, near) => {
    expect(unknownAccessPolicyWarning(name)).toEqual({
      problem: `access policy '${name}' is not one of the EKS access policies the library knows${near}`,
      fix: `check the name in the EKS user guide ("Review access policy permissions", aws eks list-access-policies); known: ${KNOWN}`,
    });
  });

  test.each(['AmazonEKSViewPolicy', 'AmazonEKSComputePolicy', `Amazon${TOKEN}`])('%s is known, or not known at synth', (name) => {
    expect(unknownAccessPolicyWarning(name)).toBeUndefined();
  });

  test('cluster admin in a namespace scope is not cluster admin', () => {
    expect(clusterAdminScopeWarning({ name: 'AmazonEKSClusterAdminPolicy', scopeType: 'namespace', namespaces: ['a', 'b'] })).toEqual({
      problem: 'access policy AmazonEKSClusterAdminPolicy has a namespace scope (a, b): it then grants no cluster-scoped resources and no non-resource URLs, so it is not cluster admin',
      fix: 'use AccessPolicy.clusterAdmin() (cluster scope) for cluster admin, or AccessPolicy.admin({ type: AccessScopeType.NAMESPACE, namespaces }) for namespace admin',
    });
    expect(clusterAdminScopeWarning({ name: 'AmazonEKSClusterAdminPolicy', scopeType: 'cluster', namespaces: [] })).toBeUndefined();
    expect(clusterAdminScopeWarning({ name: 'AmazonEKSAdminPolicy', scopeType: 'namespace', namespaces: ['a'] })).toBeUndefined();
  });
});
