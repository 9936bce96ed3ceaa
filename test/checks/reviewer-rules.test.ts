import {
  ACCOUNT, CLUSTER_ADMIN, accessEntry, association, check, findingsOf, goodResources, ISSUER, irsaTrust, joinDocument, podStatement, role, trust,
} from './fixtures';
import { CheckLevel, EksIdentityChecks } from '../../src/checks';

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
  test.each([['app*', true], ['ap?s', true], ['*', true], ['apps-*', false], ['a?ps?', false], ['*-apps', false]])(
    'matches selector patterns as Fargate does: %p selects apps: %p', (pattern, selects) => {
      const findings = run('EKSID-POD-011', { Fargate: fargate(pattern as string) });
      expect(findings.length > 0).toBe(selects);
      if (selects) expect(findings[0].message).toContain(`selects namespace apps${pattern === 'apps' ? '' : ` (${pattern})`}`);
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

describe('EKSID-IAM-007 any principal', () => {
  const open = (principal: any, more: any = {}) => role(trust({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...more }));
  test.each([['"*"', '*'], ['{"AWS": "*"}', { AWS: '*' }], ['{"AWS": "*"}', { AWS: ['arn:aws:iam::123456789012:root', '*'] }]])('flags %s', (form, principal) => {
    const [finding] = run('EKSID-IAM-007', { Open: open(principal) });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'Open', location: 'Properties/AssumeRolePolicyDocument' });
    expect(finding.message).toContain(`role Open trusts the principal ${form} (statement 0) for sts:AssumeRole: anyone, in any AWS account, with no condition at all can assume it`);
  });
  test('flags an Allow with NotPrincipal, and conditions that do not pin the caller', () => {
    expect(run('EKSID-IAM-007', { Open: role(trust({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' })) })[0].message)
      .toContain('trusts the principal NotPrincipal');
    expect(run('EKSID-IAM-007', { Open: open('*', { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }) })[0].message).toContain('who meets its conditions (sts:ExternalId)');
  });
  test('passes near misses: the caller pinned by organization, account or ARN; an IfExists condition does not pin', () => {
    for (const key of ['aws:PrincipalOrgID', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:PrincipalOrgPaths']) {
      expect(run('EKSID-IAM-007', { Open: open('*', { Condition: { StringEquals: { [key]: 'x' } } }) })).toEqual([]);
    }
    expect(run('EKSID-IAM-007', { Open: open('*', { Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-1' } } }) })).toHaveLength(1);
    expect(run('EKSID-IAM-007', { Open: open({ AWS: 'arn:aws:iam::123456789012:root' }) })).toEqual([]);
    expect(run('EKSID-IAM-007', {})).toEqual([]);
  });
  test('owns the "*" principal: EKSID-POD-001 does not report it as a pods.eks.amazonaws.com problem', () => {
    const ids = check(withResources({ Open: role(trust({ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['sts:AssumeRole', 'sts:TagSession'] })) })).map((f) => f.ruleId);
    expect(ids).toContain('EKSID-IAM-007');
    expect(ids).not.toContain('EKSID-POD-001');
  });
});

describe('EKSID-IRSA-011 Federated actions', () => {
  const federated = (action: any, provider: any = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`) => role(trust({
    Effect: 'Allow',
    Principal: { Federated: provider },
    Action: action,
    Condition: { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:apps:web', [`${ISSUER}:aud`]: 'sts.amazonaws.com' } },
  }));
  test('flags sts:AssumeRole (the tokens can never assume it) and wildcards (more than web identity)', () => {
    const [never] = run('EKSID-IRSA-011', { Fed: federated('sts:AssumeRole') });
    expect(never.message).toContain('sts:AssumeRole (statement 0) but not sts:AssumeRoleWithWebIdentity: the provider\'s tokens can never assume it');
    for (const action of ['sts:*', '*', ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRole']]) {
      expect(run('EKSID-IRSA-011', { Fed: federated(action) })[0].message).toContain('more than sts:AssumeRoleWithWebIdentity');
    }
    expect(run('EKSID-IRSA-011', { Fed: role(trust({ Effect: 'Allow', Principal: { Federated: 'x' }, NotAction: 's3:*' })) })[0].message).toContain('NotAction s3:*');
  });
  test('names a provider of the templates by its logical id, not a placeholder', () => {
    expect(run('EKSID-IRSA-011', { WebRole: role(irsaTrust({ federated: { Ref: 'Provider' } })), Fed: federated('sts:AssumeRole', { Ref: 'Provider' }) })[0].message)
      .toContain('Federated principal Provider sts:AssumeRole');
  });
  test('passes web identity with sts:TagSession, and SAML providers with sts:AssumeRoleWithSAML', () => {
    expect(run('EKSID-IRSA-011', { Fed: federated(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']) })).toEqual([]);
    expect(run('EKSID-IRSA-011', { Fed: role(trust({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/corp` }, Action: 'sts:AssumeRoleWithSAML' })) })).toEqual([]);
    expect(run('EKSID-IRSA-011', { Fed: role(trust({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/corp` }, Action: 'sts:AssumeRoleWithWebIdentity' })) })[0].message)
      .toContain('but not sts:AssumeRoleWithSAML');
    expect(run('EKSID-IRSA-011', {})).toEqual([]);
  });
});

describe('EKSID-IRSA-012 subject format', () => {
  const withSub = (sub: string, operator = 'StringEquals') => role(irsaTrust({ sub: [sub], subOperator: operator }));
  test.each([
    ['system:serviceaccounts:apps', 'is a group'], ['system:serviceaccount:apps', 'is not system:serviceaccount:<namespace>:<name>'],
    ['apps:web', 'is not system:serviceaccount'], ['system:serviceaccount:Apps:web', 'the namespace \'Apps\' is not a valid Kubernetes namespace name'],
    ['system:serviceaccount:apps:web/x', 'the service account name \'web/x\''], ['system:serviceaccount:apps:', 'the service account name \'\''],
  ])('flags %p', (sub, problem) => {
    const [finding] = run('EKSID-IRSA-012', { WebRole: withSub(sub) });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'WebRole' });
    expect(finding.message).toContain(problem);
    expect(finding.fix).toBe('write the subject as system:serviceaccount:<namespace>:<service account>, e.g. system:serviceaccount:app:web');
  });
  test('judges StringLike patterns with wildcards standing for letters', () => {
    expect(run('EKSID-IRSA-012', { WebRole: withSub('system:serviceaccount:apps:Web-*', 'StringLike') })).toHaveLength(1);
    expect(run('EKSID-IRSA-012', { WebRole: withSub('apps:*', 'StringLike') })).toHaveLength(1);
  });
  test('passes near misses: exact subjects, allowed patterns, patterns that span namespaces (EKSID-IRSA-003), negations', () => {
    for (const [sub, operator] of [['system:serviceaccount:apps:web', 'StringEquals'], ['system:serviceaccount:apps:job-*', 'StringLike'],
      ['system:serviceaccount:*:*', 'StringLike'], ['*', 'StringLike'], ['system:serviceaccounts:x', 'StringNotEquals']]) {
      expect({ sub, operator, findings: run('EKSID-IRSA-012', { WebRole: withSub(sub, operator) }) }).toEqual({ sub, operator, findings: [] });
    }
  });
});

describe('EKSID-IRSA-013 Federated provider ARN', () => {
  const federated = (provider: any) => role(irsaTrust({ federated: provider }));
  test.each([
    [`arn:aws:iam::${ACCOUNT}:role/web`, 'is not an IAM OIDC provider ARN'], [`arn:aws:iam:us-east-1:${ACCOUNT}:oidc-provider/${ISSUER}`, 'has a region (\'us-east-1\')'],
    [`arn:aws:iam::12345:oidc-provider/${ISSUER}`, 'not a 12-digit account id'], [ISSUER, 'is not an IAM OIDC provider ARN'],
  ])('flags %p', (provider, problem) => {
    const [finding] = run('EKSID-IRSA-013', { WebRole: federated(provider) });
    expect(finding.message).toContain(problem);
    expect(finding.message).toContain('so no token can assume it through that statement');
  });
  test('compares the account and partition with the stack\'s when they are known', () => {
    const input = (provider: string, env: any) => [{ stackName: 'S', template: { Resources: withResources({ WebRole: federated(provider) }) }, ...env }];
    const findings = (provider: string, env: any) => EksIdentityChecks.checkTemplates(input(provider, env)).filter((f) => f.ruleId === 'EKSID-IRSA-013');
    const other = `arn:aws:iam::210987654321:oidc-provider/${ISSUER}`;
    expect(findings(other, {})).toEqual([]);
    expect(findings(other, { account: ACCOUNT })[0].message).toContain('is in account 210987654321, but IRSA roles trust OIDC providers of their own account (123456789012)');
    expect(findings(`arn:aws-cn:iam::${ACCOUNT}:oidc-provider/${ISSUER}`, { region: 'us-east-1' })[0].message).toContain('is in partition aws-cn, but the stack is in partition aws');
    expect(findings(`arn:aws-cn:iam::${ACCOUNT}:oidc-provider/${ISSUER}`, { region: 'cn-north-1' })).toEqual([]);
  });
  test('passes the provider of the templates, literal provider ARNs and web identity providers named by domain', () => {
    expect(run('EKSID-IRSA-013', {})).toEqual([]);
    expect(run('EKSID-IRSA-013', { WebRole: federated(`arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`) })).toEqual([]);
    expect(run('EKSID-IRSA-013', { WebRole: federated('cognito-identity.amazonaws.com') })).toEqual([]);
  });
});

describe('EKSID-POD-014 target role trust scope', () => {
  const target = (conditions: any, principal: any = { AWS: 'arn:aws:iam::210987654321:root' }) => role(trust({
    Effect: 'Allow', Principal: principal, Action: ['sts:AssumeRole', 'sts:TagSession'], ...(conditions ? { Condition: conditions } : {}),
  }));
  test('flags an account trusted by session tags or external id alone', () => {
    const [byTags] = run('EKSID-POD-014', { Target: target({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'apps' } }) });
    expect(byTags).toMatchObject({ level: CheckLevel.WARNING, logicalId: 'Target' });
    expect(byTags.message).toContain('trusts account arn:aws:iam::210987654321:root (statement 0) as a pod identity target role scoped only by aws:RequestTag/kubernetes-namespace without an aws:PrincipalArn condition');
    expect(run('EKSID-POD-014', { Target: target({ StringEquals: { 'sts:ExternalId': 'us-east-1/210987654321/c/apps/web' } }, { AWS: '210987654321' }) })).toHaveLength(1);
  });
  test('flags the TargetRoleArn of an association that trusts an account without conditions', () => {
    const [finding] = run('EKSID-POD-014', {
      Target: target(undefined), WorkerAssociation: association('apps', 'worker', 'WorkerRole', { TargetRoleArn: { 'Fn::GetAtt': ['Target', 'Arn'] } }),
    });
    expect(finding.message).toContain('as a pod identity target role without an aws:PrincipalArn condition');
  });
  test('passes near misses: pinned with aws:PrincipalArn, the association role as principal, an account trust that is no target role', () => {
    expect(run('EKSID-POD-014', { Target: target({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'apps' }, ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::210987654321:role/a' } }) })).toEqual([]);
    expect(run('EKSID-POD-014', { Target: target({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'apps' } }, { AWS: 'arn:aws:iam::210987654321:role/a' }) })).toEqual([]);
    expect(run('EKSID-POD-014', { Target: target(undefined) })).toEqual([]);
  });
});

describe('EKSID-POD-015 target role ARN', () => {
  const withTarget = (targetRoleArn: any) => ({ WorkerAssociation: association('apps', 'worker', 'WorkerRole', { TargetRoleArn: targetRoleArn }) });
  test.each([
    ['arn:aws:iam::210987654321:user/alice', 'is not an IAM role ARN'],
    ['arn:aws:iam::210987654321:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS', 'is a service-linked role'],
    ['data', 'is not an ARN'],
  ])('flags %p', (arn, problem) => {
    const [finding] = run('EKSID-POD-015', withTarget(arn));
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'WorkerAssociation', location: 'Properties/TargetRoleArn' });
    expect(finding.message).toContain(problem);
  });
  test('passes roles (paths allowed) and references', () => {
    expect(run('EKSID-POD-015', withTarget('arn:aws:iam::210987654321:role/teams/data'))).toEqual([]);
    expect(run('EKSID-POD-015', withTarget({ 'Fn::ImportValue': 'target' }))).toEqual([]);
  });
});
