import {
  ACCOUNT, CLUSTER_ADMIN, accessEntry, association, check, findingsOf, goodResources, ISSUER, irsaTrust, joinDocument, podStatement, role, trust,
} from './fixtures';
import { CheckLevel } from '../../src/checks';

/*
 * The rules a security reviewer would want, beyond the basic shapes: one describe per rule, each
 * with a case that fires and one that does not.
 */

function withResources(changes: { [id: string]: any }): { [id: string]: any } {
  const resources: { [id: string]: any } = { ...goodResources(), ...changes };
  for (const [id, value] of Object.entries(changes)) if (value === undefined) delete resources[id];
  return resources;
}

function run(ruleId: string, changes: { [id: string]: any }, manifests?: any[]) {
  return findingsOf(check(withResources(changes), manifests), ruleId);
}

const policyArn = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`;

test('the well-configured cluster has none of these findings', () => {
  const ids = check(goodResources()).map((f) => f.ruleId);
  expect(ids).toEqual([]);
});

describe('EKSID-IRSA-007 condition keys of another issuer', () => {
  test('flags conditions keyed on an issuer other than the provider\'s', () => {
    const other = 'oidc.eks.us-east-1.amazonaws.com/id/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF';
    const doc = trust({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${other}:sub`]: 'system:serviceaccount:apps:web', [`${other}:aud`]: 'sts.amazonaws.com' } },
    });
    const [finding] = run('EKSID-IRSA-007', { WebRole: role(doc) });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'WebRole' });
    expect(finding.message).toContain(`its conditions are keyed on another issuer (${other}:sub/aud)`);
  });
  test('passes keys of the provider\'s issuer (literal, or the cluster\'s issuer as a deploy-time value)', () => {
    const doc = trust({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${ISSUER.toUpperCase()}:sub`]: 'system:serviceaccount:apps:web', [`${ISSUER}:aud`]: 'sts.amazonaws.com' } },
    });
    expect(run('EKSID-IRSA-007', { WebRole: role(doc) })).toEqual([]);
    expect(run('EKSID-IRSA-007', {})).toEqual([]);
  });
});

describe('EKSID-IRSA-008 audience', () => {
  test('flags an audience other than sts.amazonaws.com (pods get no credentials)', () => {
    const [finding] = run('EKSID-IRSA-008', { WebRole: role(irsaTrust({ aud: 'api.example.com' })) });
    expect(finding.message).toContain('only for audience api.example.com');
  });
  test('flags extra audiences', () => {
    const withTwo = joinDocument({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: '@P@' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { '@I@:sub': 'system:serviceaccount:apps:web', '@I@:aud': ['sts.amazonaws.com', 'vault'] } } }],
    }, { P: { Ref: 'Provider' }, I: { 'Fn::Select': [1, { 'Fn::Split': ['oidc-provider/', { Ref: 'Provider' }] }] } });
    expect(run('EKSID-IRSA-008', { WebRole: role(withTwo) })[0].message).toContain('for audiences vault besides sts.amazonaws.com');
  });
  test('passes sts.amazonaws.com', () => {
    expect(run('EKSID-IRSA-008', {})).toEqual([]);
  });
});

describe('EKSID-IRSA-010 OIDC provider URL', () => {
  test.each([
    [`https://${ISSUER}/`, 'the trailing \'/\' removed'],
    [`http://${ISSUER}`, 'does not use https://'],
    [`https://${ISSUER}?a=b`, 'no whitespace, query or fragment'],
    [`https://${ISSUER.toUpperCase().replace('/ID/', '/id/')}`, 'written in lower case'],
  ])('flags %s', (url, text) => {
    const [finding] = run('EKSID-IRSA-010', { Provider: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: url, ClientIdList: ['sts.amazonaws.com'] } } });
    expect(finding.message).toContain(text);
  });
  test('passes an issuer URL and a deploy-time one', () => {
    expect(run('EKSID-IRSA-010', { Provider: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: `https://${ISSUER}`, ClientIdList: ['sts.amazonaws.com'] } } })).toEqual([]);
    expect(run('EKSID-IRSA-010', {})).toEqual([]);
  });
});

describe('EKSID-POD-010 tags that refuse the association', () => {
  test('flags a trust scoped to another service account', () => {
    const [finding] = run('EKSID-POD-010', { WorkerAssociation: association('apps', 'other', 'WorkerRole') });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'WorkerAssociation' });
    expect(finding.message).toContain('whose trust requires StringEquals aws:RequestTag/kubernetes-service-account = worker');
  });
  test('passes the association the trust is scoped to, and a cluster only known at deploy time', () => {
    expect(run('EKSID-POD-010', {})).toEqual([]);
  });
});

describe('EKSID-POD-011 Fargate namespaces', () => {
  const fargate = (namespace: string, labels?: any) => ({
    Type: 'AWS::EKS::FargateProfile',
    Properties: { ClusterName: { Ref: 'Cluster' }, PodExecutionRoleArn: 'arn:aws:iam::123456789012:role/fargate', Selectors: [{ Namespace: namespace, ...(labels ? { Labels: labels } : {}) }] },
  });
  test('flags an association in a namespace a Fargate profile selects', () => {
    const [finding] = run('EKSID-POD-011', { Fargate: fargate('apps') });
    expect(finding.message).toContain('Fargate profile Fargate of cluster Cluster (stack S) selects namespace apps: EKS Pod Identity does not run on Fargate');
  });
  test('says when the profile selects only labelled pods', () => {
    expect(run('EKSID-POD-011', { Fargate: fargate('apps', [{ Key: 'compute', Value: 'fargate' }]) })[0].message).toContain('(pods with its labels)');
  });
  test('a selector namespace may be a pattern with * and ?', () => {
    expect(run('EKSID-POD-011', { Fargate: fargate('ap?s') }).map((f) => f.logicalId)).toEqual(['WorkerAssociation']);
    expect(run('EKSID-POD-011', { Fargate: fargate('a*') }).map((f) => f.logicalId)).toEqual(['WorkerAssociation']);
  });
  test('passes another namespace', () => {
    expect(run('EKSID-POD-011', { Fargate: fargate('batch') })).toEqual([]);
    expect(run('EKSID-POD-011', { Fargate: fargate('apps-*') })).toEqual([]);
  });
});

describe('EKSID-POD-012 the * principal', () => {
  test('flags an association role trusting everyone', () => {
    const [finding] = run('EKSID-POD-012', { WorkerRole: role(trust({ ...podStatement(), Principal: '*' })) });
    expect(finding.message).toContain('allows sts:AssumeRole to the "*" principal');
  });
  test('passes the service principal, and roles no association uses', () => {
    expect(run('EKSID-POD-012', {})).toEqual([]);
    expect(run('EKSID-POD-012', { Other: role(trust({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } })) })).toEqual([]);
  });
});

describe('EKSID-POD-013 session policy size', () => {
  const policy = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(n)}/*` }] });
  test('flags a policy over 2048 characters', () => {
    const [finding] = run('EKSID-POD-013', { WorkerAssociation: association('apps', 'worker', 'WorkerRole', { DisableSessionTags: true, Policy: policy(2100) }) });
    expect(finding.message).toMatch(/the session policy is \d+ characters; STS accepts at most 2048/);
  });
  test('passes a short one', () => {
    expect(run('EKSID-POD-013', { WorkerAssociation: association('apps', 'worker', 'WorkerRole', { DisableSessionTags: true, Policy: policy(10) }) })).toEqual([]);
  });
});

describe('EKSID-ACCESS-010..013 access policies and the hidden admin', () => {
  test('a service-linked-role-only policy', () => {
    const [finding] = run('EKSID-ACCESS-010', { Admin: accessEntry({ AccessPolicies: [{ PolicyArn: policyArn('AmazonEKSHybridPolicy'), AccessScope: { Type: 'cluster' } }] }) });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR });
    expect(finding.message).toContain('AmazonEKSHybridPolicy is for AWS service-linked roles only');
  });
  test('an unknown policy name (with the near miss)', () => {
    const [finding] = run('EKSID-ACCESS-011', { Admin: accessEntry({ AccessPolicies: [{ PolicyArn: policyArn('AmazonEKSviewPolicy'), AccessScope: { Type: 'cluster' } }] }) });
    expect(finding).toMatchObject({ level: CheckLevel.WARNING });
    expect(finding.message).toContain('(did you mean AmazonEKSViewPolicy?)');
  });
  test('cluster admin in a namespace scope', () => {
    const [finding] = run('EKSID-ACCESS-012', { Admin: accessEntry({ AccessPolicies: [{ ...CLUSTER_ADMIN, AccessScope: { Type: 'namespace', Namespaces: ['apps'] } }] }) });
    expect(finding.message).toContain('so it is not cluster admin');
  });
  test('the creator\'s hidden cluster admin: not set, or true', () => {
    expect(run('EKSID-ACCESS-013', { Cluster: { Type: 'AWS::EKS::Cluster', Properties: { AccessConfig: { AuthenticationMode: 'API' } } } })[0].message)
      .toContain('(BootstrapClusterCreatorAdminPermissions is not set; EKS defaults it to true)');
    expect(run('EKSID-ACCESS-013', { Cluster: { Type: 'AWS::EKS::Cluster', Properties: { AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: true } } } }))
      .toHaveLength(1);
    expect(run('EKSID-ACCESS-013', {})).toEqual([]);
  });
});

describe('EKSID-RBAC-001..003 RBAC objects', () => {
  const clusterRole = (name: string, rules: any[]) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules });
  const binding = (name: string, roleName: string) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects: [{ kind: 'Group', name: 'ops' }],
  });
  test('escalating verbs, and everything on everything', () => {
    const findings = run('EKSID-RBAC-001', {}, [
      clusterRole('binder', [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind', 'escalate'] }]),
      clusterRole('everything', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
      clusterRole('impersonator', [{ apiGroups: [''], resources: ['users'], verbs: ['impersonate'] }]),
      clusterRole('reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]),
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('ClusterRole binder'),
      expect.stringContaining('ClusterRole everything'),
      expect.stringContaining('every verb on every resource of every API group cluster-wide'),
      expect.stringContaining('ClusterRole impersonator'),
    ]);
  });
  test('a binding to cluster-admin', () => {
    const [finding] = run('EKSID-RBAC-002', {}, [binding('ops-admin', 'cluster-admin'), binding('ops-view', 'view')]);
    expect(finding.message).toContain('ClusterRoleBinding ops-admin');
    expect(finding.message).toContain('for Group ops');
  });
  test('a misspelt verb', () => {
    const [finding] = run('EKSID-RBAC-003', {}, [clusterRole('r', [{ apiGroups: [''], resources: ['pods'], verbs: ['Get', 'lists'] }])]);
    expect(finding.message).toContain("verb 'Get' is not a Kubernetes verb (verbs are lower case: 'get')");
  });
});
