import { parseIamArn } from '../../src/core/arn';
import { configMapSizeProblem, utf8Bytes } from '../../src/core/config-map-size';
import { hasIdentityCenterPath, isIdentityCenterRoleName } from '../../src/core/iam-identity-center';
import {
  CLUSTER_ARN_TAG, CLUSTER_NAME_TAG, MAX_SESSION_POLICY_LENGTH, NAMESPACE_TAG, POD_IDENTITY_ACTIONS, POD_IDENTITY_AGENT_ADDON, POD_IDENTITY_PRINCIPAL,
  POD_IDENTITY_SCOPE_TAGS, POD_IDENTITY_SESSION_TAGS, podIdentityExternalId, requestTagKey, SERVICE_ACCOUNT_TAG, sessionPolicyProblem,
} from '../../src/core/pod-identity';
import { clusterRoleRisk, ESCALATING_VERBS, NON_RESOURCE_VERBS, RESOURCE_VERBS, rbacRuleRisks, rbacVerbProblem, SPECIAL_VERBS } from '../../src/core/rbac';

/*
 * The smaller validators of the core: RBAC verbs and risky grants, the pod identity session policy
 * and vocabulary, the size of a ConfigMap, and IAM Identity Center role names.
 */

describe('rbacVerbProblem', () => {
  const RESOURCE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'impersonate', 'bind', 'escalate', 'approve', 'sign', 'attest', 'use'];
  const HTTP = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
  const RESOURCE_FIX = `use ${RESOURCE.join(', ')} or '*', or set allowCustomVerbs: true for a verb an extension API server checks`;
  const HTTP_FIX = `use ${HTTP.join(', ')} or '*'`;

  test('the verb lists', () => {
    expect([...RESOURCE_VERBS, ...SPECIAL_VERBS]).toEqual(RESOURCE);
    expect(NON_RESOURCE_VERBS).toEqual(HTTP);
    expect(ESCALATING_VERBS).toEqual(['escalate', 'bind', 'impersonate']);
  });

  test.each(RESOURCE)('%s is a resource verb', (verb) => {
    expect(rbacVerbProblem(verb, false, false)).toBeUndefined();
  });

  test.each(HTTP)('%s is a non-resource verb', (verb) => {
    expect(rbacVerbProblem(verb, true, false)).toBeUndefined();
  });

  test.each([['*', false], ['*', true], ['${Token[TOKEN.1]}', false], ['frobnicate', false]] as const)('%p is accepted (non-resource: %p, custom verbs allowed for the last)', (verb, nonResource) => {
    expect(rbacVerbProblem(verb, nonResource, verb === 'frobnicate')).toBeUndefined();
  });

  test.each<[string, boolean, string, string]>([
    ['frobnicate', false, "verb 'frobnicate' is not a Kubernetes verb", RESOURCE_FIX],
    ['Get', false, "verb 'Get' is not a Kubernetes verb (verbs are lower case: 'get')", RESOURCE_FIX],
    ['post', false, "verb 'post' is not a Kubernetes verb", RESOURCE_FIX],
    ['watch', true, "verb 'watch' is not a Kubernetes non-resource (HTTP) verb", HTTP_FIX],
    ['POST', true, "verb 'POST' is not a Kubernetes non-resource (HTTP) verb (verbs are lower case: 'post')", HTTP_FIX],
  ])('%p (non-resource: %p)', (verb, nonResource, problem, fix) => {
    expect(rbacVerbProblem(verb, nonResource, false)).toEqual({ problem, fix });
  });
});

describe('rbacRuleRisks', () => {
  const ADMIN = 'it grants every verb on every resource of every API group cluster-wide (cluster admin)';

  test.each<[string, any, boolean, string[]]>([
    ['reading pods', { verbs: ['get', 'list'], resources: ['pods'], apiGroups: [''] }, true, []],
    ['binding roles', { verbs: ['bind', 'get'], resources: ['clusterroles'], apiGroups: ['rbac.authorization.k8s.io'] }, false,
      ['it grants bind on clusterroles, which lets the group raise its own privileges']],
    ['bind on the core group, where no roles are (no apiGroups reads as the core group)', { verbs: ['bind', 'get'], resources: ['clusterroles'] }, false, []],
    ['escalate and impersonate on the RBAC group', { verbs: ['impersonate', 'escalate'], resources: ['users', 'roles'], apiGroups: ['rbac.authorization.k8s.io'] }, false,
      ['it grants escalate, impersonate on users, roles, which lets the group raise its own privileges']],
    ['escalate and impersonate on the core group: impersonate counts', { verbs: ['impersonate', 'escalate'], resources: ['users', 'roles'] }, false,
      ['it grants impersonate on users, roles, which lets the group raise its own privileges']],
    ['every verb on some resources of the core group: impersonate counts', { verbs: ['*'], resources: ['pods'], apiGroups: [''] }, true,
      ['it grants impersonate on pods, which lets the group raise its own privileges']],
    ['every verb on some resources of every group', { verbs: ['*'], resources: ['roles'], apiGroups: ['*'] }, false,
      ['it grants escalate, bind, impersonate on roles, which lets the group raise its own privileges']],
    ['an escalating verb on no resources', { verbs: ['bind'], nonResourceURLs: ['/x'] }, true, []],
    ['an escalating verb without resources', { verbs: ['bind'] }, false, []],
    ['no verbs', { resources: ['pods'] }, true, []],
    ['everything on everything', { verbs: ['*'], resources: ['*'], apiGroups: ['*'] }, true,
      ['it grants escalate, bind, impersonate on *, which lets the group raise its own privileges', ADMIN]],
    ['everything on everything, in a namespace', { verbs: ['*'], resources: ['*'], apiGroups: ['*'] }, false,
      ['it grants escalate, bind, impersonate on *, which lets the group raise its own privileges']],
    ['everything on every resource of the core group', { verbs: ['*'], resources: ['*'], apiGroups: [''] }, true,
      ['it grants impersonate on *, which lets the group raise its own privileges']],
    ['every verb on every API group of some resources', { verbs: ['*'], apiGroups: ['*'] }, true, []],
    ['every verb on every non-resource URL', { verbs: ['*'], nonResourceURLs: ['*'] }, true, ['it grants every verb on every non-resource URL cluster-wide (cluster admin)']],
    ['some verbs on every non-resource URL', { verbs: ['get'], nonResourceURLs: ['*'] }, true, []],
  ])('%s', (_what, rule, clusterWide, risks) => {
    expect(rbacRuleRisks(rule, clusterWide)).toEqual(risks);
  });

  test('binding cluster-admin', () => {
    expect(clusterRoleRisk('cluster-admin')).toBe('it binds the cluster-admin ClusterRole cluster-wide (everything, everywhere)');
    expect(clusterRoleRisk('cluster-admin', 'app'))
      .toBe('it binds the cluster-admin ClusterRole in namespace app (everything in that namespace, its roles, bindings and secrets included)');
    expect(clusterRoleRisk('view')).toBeUndefined();
  });
});

describe('pod identity vocabulary', () => {
  test('the service, the agent, the actions and the session tags', () => {
    expect([POD_IDENTITY_PRINCIPAL, POD_IDENTITY_AGENT_ADDON]).toEqual(['pods.eks.amazonaws.com', 'eks-pod-identity-agent']);
    expect(POD_IDENTITY_ACTIONS).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect([CLUSTER_ARN_TAG, CLUSTER_NAME_TAG, NAMESPACE_TAG, SERVICE_ACCOUNT_TAG])
      .toEqual(['eks-cluster-arn', 'eks-cluster-name', 'kubernetes-namespace', 'kubernetes-service-account']);
    expect(POD_IDENTITY_SESSION_TAGS).toEqual(['eks-cluster-arn', 'eks-cluster-name', 'kubernetes-namespace', 'kubernetes-service-account', 'kubernetes-pod-name', 'kubernetes-pod-uid']);
    expect(POD_IDENTITY_SCOPE_TAGS).toEqual(['eks-cluster-arn', 'kubernetes-namespace', 'kubernetes-service-account']);
  });

  test('a request tag key and the external id of a cross-account association', () => {
    expect(requestTagKey('kubernetes-namespace')).toBe('aws:RequestTag/kubernetes-namespace');
    expect(podIdentityExternalId('us-east-1', '123456789012', 'myeks', 'app', 'web')).toBe('us-east-1/123456789012/myeks/app/web');
  });
});

describe('sessionPolicyProblem', () => {
  const policy = (resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }] });
  const padded = (length: number) => {
    const base = policy('');
    return policy('x'.repeat(length - base.length));
  };

  test.each([policy('arn:aws:s3:::b/*'), policy('\t\n\r ~ÿé'), padded(MAX_SESSION_POLICY_LENGTH), `${padded(MAX_SESSION_POLICY_LENGTH)}\${Token[TOKEN.1]}`])('%#: STS takes it', (json) => {
    expect(sessionPolicyProblem(json)).toBeUndefined();
  });

  test('the limit', () => {
    expect(MAX_SESSION_POLICY_LENGTH).toBe(2048);
  });

  test.each([['\u0001', '"\\u0001"'], ['\u000B', '"\\u000b"'], ['Ā', '"Ā"'], ['€🙂€', '"€", "🙂"'], ['\u001F', '"\\u001f"']])('%p is outside the characters STS accepts', (text, listed) => {
    // Written as the raw text of the JSON (JSON.stringify would escape control characters).
    expect(sessionPolicyProblem(`{"Statement":[{"Resource":"${text}"}]}`)).toEqual({
      problem: `the session policy contains ${listed}, outside the characters STS accepts (tab, line feed, carriage return and \\u0020-\\u00FF)`,
      fix: 'write the policy in ASCII/Latin-1 characters',
    });
  });

  test('too long, with and without deploy-time parts', () => {
    const fix = 'shorten it (merge statements, use wildcards in resource names), or restrict the role itself instead';
    expect(sessionPolicyProblem(padded(2049))).toEqual({ problem: 'the session policy is 2049 characters; STS accepts at most 2048', fix });
    expect(sessionPolicyProblem(`${padded(2049)}\${Token[TOKEN.1]}`)).toEqual({ problem: 'the session policy is 2049 characters without its deploy-time parts; STS accepts at most 2048', fix });
  });
});

describe('the size of a ConfigMap', () => {
  const NAME = { name: 'aws-auth', namespace: 'kube-system' };

  test('UTF-8 bytes', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('é🙂')).toBe(6);
  });

  test('1 MiB fits, one byte more does not', () => {
    expect(configMapSizeProblem('x'.repeat(1024 * 1024), 'the input', NAME)).toBeUndefined();
    expect(configMapSizeProblem(`${'x'.repeat(1024 * 1024 - 2)}é`, 'the input', NAME)).toBeUndefined();
    expect(configMapSizeProblem(`${'x'.repeat(1024 * 1024 - 1)}é`, 'the input', NAME)).toEqual({
      problem: 'the input is 1048577 bytes, more than a ConfigMap can hold (1048576 bytes, 1 MiB)',
      fix: 'give the ConfigMap as the cluster has it (kubectl get configmap aws-auth -n kube-system -o yaml), '
        + 'or only its data (-o jsonpath=\'{.data}\') when annotations or managed fields make the object larger',
    });
  });
});

describe('IAM Identity Center roles', () => {
  test.each([['AWSReservedSSO_Admin_0123456789abcdef', true], ['AWSReservedSSO_', true], ['Admin', false], ['x_AWSReservedSSO_', false], ['awsreservedsso_Admin', false]])('%s: %p', (name, is) => {
    expect(isIdentityCenterRoleName(name)).toBe(is);
  });

  test.each([
    ['arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef', true],
    ['arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef', true],
    ['arn:aws:iam::123456789012:role/AWSReservedSSO_Admin_0123456789abcdef', false],
    ['arn:aws:iam::123456789012:role/x/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin', false],
    ['arn:aws:iam::123456789012:user/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin', false],
  ])('%s has the Identity Center path: %p', (arn, has) => {
    expect(hasIdentityCenterPath(parseIamArn(arn)!)).toBe(has);
  });
});
