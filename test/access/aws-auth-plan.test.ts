import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { AccessEntryType, AuthenticationMode, AwsAuthMigration, AwsAuthMigrationPlan } from '../../src';

function fixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/**
 * Counts the mappings of a ConfigMap independently of the planner and checks that every one of
 * them is converted (an entry) or reported (unmappable or a note), and that the plan names no
 * mapping that does not exist.
 */
function expectEveryMappingAccountedFor(configMapYaml: string, plan: AwsAuthMigrationPlan): void {
  const data = parse(configMapYaml).data;
  const sources: string[] = [];
  for (const section of ['mapRoles', 'mapUsers', 'mapAccounts']) {
    const list = data[section] ? parse(data[section]) ?? [] : [];
    list.forEach((_: unknown, i: number) => sources.push(`${section}[${i}]`));
  }
  expect(plan.mappingCount).toBe(sources.length);
  const accounted = new Set([...plan.entries, ...plan.unmappable, ...plan.notes].map((x) => x.source));
  expect([...accounted].sort()).toEqual([...sources].sort());
  // Every finding names a mapping of the input.
  for (const finding of [...plan.unmappable, ...plan.notes]) expect(sources).toContain(finding.source);
}

function summary(plan: AwsAuthMigrationPlan): any[] {
  return plan.entries.map((e) => ({
    source: e.source,
    principalArn: e.principalArn,
    type: e.type,
    kubernetesGroups: e.kubernetesGroups,
    username: e.username,
    accessPolicies: e.accessPolicies.map((p) => `${p.policyName}@${p.scope.type}`),
  }));
}

describe('eksctl cluster with Linux and Windows node groups, an admin role and the notes\' testuser', () => {
  const yaml = fixture('eksctl-nodegroups.yaml');
  const plan = AwsAuthMigration.plan(yaml);

  test('every mapping converts, nothing is unmappable', () => {
    expectEveryMappingAccountedFor(yaml, plan);
    expect(plan.unmappable).toEqual([]);
    expect(plan.notes).toEqual([]);
  });

  test('node roles become EC2_LINUX / EC2_WINDOWS, system:masters the cluster admin policy', () => {
    expect(summary(plan)).toEqual([
      { source: 'mapRoles[0]', principalArn: 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng1-NodeInstanceRole-1HQ5C3V6LQ3KN', type: AccessEntryType.EC2_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[1]', principalArn: 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng2-NodeInstanceRole-9XB2TR1WJZ0A', type: AccessEntryType.EC2_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[2]', principalArn: 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-win-NodeInstanceRole-7Q1M2N3B4V5C', type: AccessEntryType.EC2_WINDOWS, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[3]', principalArn: 'arn:aws:iam::111122223333:role/Admin', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: 'admin', accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
      { source: 'mapUsers[0]', principalArn: 'arn:aws:iam::111122223333:user/testuser', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: 'testuser', accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
    ]);
  });

  test('authentication mode: API_AND_CONFIG_MAP first, then API', () => {
    expect(plan.recommendedAuthenticationMode).toBe(AuthenticationMode.API_AND_CONFIG_MAP);
    expect(plan.authenticationModePath).toEqual([AuthenticationMode.API_AND_CONFIG_MAP, AuthenticationMode.API]);
  });
});

describe('managed node group, Fargate profile, SSO roles with paths and duplicates', () => {
  const yaml = fixture('fargate-sso.yaml');
  const plan = AwsAuthMigration.plan(yaml);
  const ADMIN = 'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_AdministratorAccess_0123456789abcdef';
  const READONLY = 'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_ReadOnly_fedcba9876543210';

  test('every mapping is converted or reported', () => {
    expectEveryMappingAccountedFor(yaml, plan);
  });

  test('Fargate pod execution role becomes FARGATE_LINUX; SSO role paths are removed', () => {
    expect(summary(plan)).toEqual([
      { source: 'mapRoles[0]', principalArn: 'arn:aws:iam::444455556666:role/myeks-node-group-role', type: AccessEntryType.EC2_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[1]', principalArn: 'arn:aws:iam::444455556666:role/eksctl-myeks-cluster-FargatePodExecutionRole-1AB2CD3EF4GH', type: AccessEntryType.FARGATE_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[2]', principalArn: 'arn:aws:iam::444455556666:role/AWSReservedSSO_AdministratorAccess_0123456789abcdef', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: 'sso-admin:{{SessionName}}', accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
      { source: 'mapRoles[3]', principalArn: 'arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210', type: AccessEntryType.STANDARD, kubernetesGroups: ['readonly', 'pod-readers'], username: 'sso-readonly:{{SessionName}}', accessPolicies: [] },
    ]);
  });

  test('the normalisations and the identical duplicate are notes; the differing duplicate is unmappable', () => {
    expect(plan.notes).toEqual([
      { source: 'mapRoles[2]', item: ADMIN, reason: 'role path \'/aws-reserved/sso.amazonaws.com/ap-northeast-2/\' removed: the access entry is for arn:aws:iam::444455556666:role/AWSReservedSSO_AdministratorAccess_0123456789abcdef, the role aws-auth matched (it compares roles without their path)' },
      { source: 'mapRoles[3]', item: READONLY, reason: 'role path \'/aws-reserved/sso.amazonaws.com/ap-northeast-2/\' removed: the access entry is for arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210, the role aws-auth matched (it compares roles without their path)' },
      { source: 'mapRoles[4]', item: 'arn:aws:iam::444455556666:role/myeks-node-group-role', reason: 'duplicate: arn:aws:iam::444455556666:role/myeks-node-group-role is already mapped by mapRoles[0], and a principal has one access entry; both mappings are the same, so nothing is lost' },
    ]);
    expect(plan.unmappable).toEqual([
      { source: 'mapRoles[5]', item: 'arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210', reason: 'duplicate: arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210 is already mapped by mapRoles[3], and a principal has one access entry; the mappings differ, so merge what this one grants into the first by hand' },
    ]);
  });
});

describe('hand-written ConfigMap: templated usernames, accounts, sessions and mistakes', () => {
  const yaml = fixture('hand-written.yaml');
  const plan = AwsAuthMigration.plan(yaml);
  const reasons = Object.fromEntries(plan.unmappable.map((u) => [u.source, u.reason]));

  test('every mapping is converted or reported', () => {
    expectEveryMappingAccountedFor(yaml, plan);
  });

  test('the convertible parts are converted; reserved and invalid usernames are not kept', () => {
    expect(summary(plan)).toEqual([
      { source: 'mapRoles[0]', principalArn: 'arn:aws:iam::777788889999:role/ci-deployer', type: AccessEntryType.STANDARD, kubernetesGroups: ['deployers'], username: 'ci:{{SessionName}}', accessPolicies: [] },
      { source: 'mapRoles[1]', principalArn: 'arn:aws:iam::777788889999:role/oncall', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: undefined, accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
      { source: 'mapRoles[3]', principalArn: 'arn:aws:iam::777788889999:role/metrics', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: 'metrics', accessPolicies: [] },
      { source: 'mapRoles[4]', principalArn: 'arn:aws:iam::777788889999:role/legacy-admin', type: AccessEntryType.STANDARD, kubernetesGroups: ['platform'], username: undefined, accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
      { source: 'mapRoles[8]', principalArn: 'arn:aws:iam::777788889999:role/odd-node', type: AccessEntryType.EC2_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapUsers[0]', principalArn: 'arn:aws:iam::777788889999:user/carol', type: AccessEntryType.STANDARD, kubernetesGroups: ['developers'], username: 'carol:{{AccountID}}', accessPolicies: [] },
      { source: 'mapUsers[1]', principalArn: 'arn:aws:iam::777788889999:user/dave', type: AccessEntryType.STANDARD, kubernetesGroups: ['developers'], username: undefined, accessPolicies: [] },
      { source: 'mapUsers[2]', principalArn: 'arn:aws:iam::777788889999:user/erin', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: undefined, accessPolicies: [] },
    ]);
  });

  test('each problem is reported with its reason', () => {
    expect(plan.unmappable.map((u) => [u.source, u.item])).toEqual([
      ['mapRoles[1]', 'arn:aws:iam::777788889999:role/oncall'],
      ['mapRoles[2]', 'arn:aws:sts::777788889999:assumed-role/Developer/alice'],
      ['mapRoles[3]', 'arn:aws:iam::777788889999:role/metrics'],
      ['mapRoles[4]', 'arn:aws:iam::777788889999:role/legacy-admin'],
      ['mapRoles[5]', 'arn:aws:iam::777788889999:user/bob'],
      ['mapRoles[6]', 'arn:aws:iam::777788889999:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS'],
      ['mapRoles[7]', '{"username":"ghost","groups":["viewers"]}'],
      ['mapRoles[8]', 'arn:aws:iam::777788889999:role/odd-node'],
      ['mapUsers[1]', 'arn:aws:iam::777788889999:user/dave'],
      ['mapUsers[3]', 'arn:aws:iam::777788889999:user/node-user'],
      ['mapAccounts[0]', '012345678901'],
      ['mapAccounts[1]', '210987654321'],
    ]);
    expect(reasons['mapRoles[1]']).toBe('username \'{{SessionName}}\' has {{SessionName}} without a colon before it, so it is not kept and EKS derives the username from the principal ARN; '
      + 'RBAC bindings to the user \'{{SessionName}}\' stop matching (system:, eks:, aws:, amazon:, iam: are reserved; {{SessionName}} needs a colon before it)');
    expect(reasons['mapRoles[2]']).toBe('principal \'arn:aws:sts::777788889999:assumed-role/Developer/alice\' is an STS assumed-role session ARN; sessions are not IAM principals and cannot have access entries; '
      + 'use the role ARN arn:aws:iam::777788889999:role/Developer (arn:aws:iam::<acct>:role/[<path>/]<name>)');
    expect(reasons['mapRoles[3]']).toBe('groups system:authenticated, system:monitoring are not carried over: access entries reject groups starting with \'system:\' '
      + '(only system:masters has a replacement, AmazonEKSClusterAdminPolicy); bind the access with RBAC to a group of your own');
    expect(reasons['mapRoles[4]']).toBe('username \'system:admin\' starts with \'system:\', a prefix EKS reserves (system:, eks:, aws:, amazon:, iam:, in any letter case), so it is not kept and EKS derives the username from the principal ARN; '
      + 'RBAC bindings to the user \'system:admin\' stop matching (system:, eks:, aws:, amazon:, iam: are reserved; {{SessionName}} needs a colon before it)');
    expect(reasons['mapRoles[5]']).toBe('is an IAM user ARN in mapRoles, which aws-auth never matched; move it to mapUsers if it should have access');
    expect(reasons['mapRoles[6]']).toBe('principal \'arn:aws:iam::777788889999:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS\' is a service-linked role, which cannot have an access entry; give the ARN of an IAM role or user you manage');
    expect(reasons['mapRoles[7]']).toBe('has no rolearn');
    expect(reasons['mapRoles[8]']).toBe('groups monitoring are not carried over: an access entry of type EC2_LINUX has no groups and no access policies; give that access to another principal (a node role needs none of it)');
    expect(reasons['mapUsers[3]']).toBe('node groups (system:bootstrappers, system:nodes) on an IAM user; node access entries take roles only');
    expect(reasons['mapAccounts[0]']).toBe('mapAccounts lets every IAM user and role of account 012345678901 in (with its ARN as username and no groups); '
      + 'access entries are per principal, so add an access entry for each principal of that account that needs access');
  });

  test('notes: a non-standard node username and an entry that only authenticates', () => {
    expect(plan.notes).toEqual([
      { source: 'mapRoles[8]', item: 'arn:aws:iam::777788889999:role/odd-node', reason: 'username \'node\' not kept: EKS names EC2_LINUX entries \'system:node:{{EC2PrivateDNSName}}\' itself' },
      { source: 'mapUsers[2]', item: 'arn:aws:iam::777788889999:user/erin', reason: 'maps no groups and no username: the access entry only lets the principal authenticate, with the username EKS derives from its ARN' },
    ]);
  });
});

describe('input forms', () => {
  const MAP_ROLES = [
    '- rolearn: arn:aws:iam::111122223333:role/NodeRole',
    '  username: system:node:{{EC2PrivateDNSName}}',
    '  groups: [system:bootstrappers, system:nodes]',
    '- rolearn: arn:aws:iam::111122223333:role/Admin',
    '  groups: [system:masters]',
  ].join('\n');
  const expected = [
    ['arn:aws:iam::111122223333:role/NodeRole', AccessEntryType.EC2_LINUX],
    ['arn:aws:iam::111122223333:role/Admin', AccessEntryType.STANDARD],
  ];
  const entries = (plan: AwsAuthMigrationPlan) => plan.entries.map((e) => [e.principalArn, e.type]);

  test('a bare mapRoles list', () => {
    expect(entries(AwsAuthMigration.plan(MAP_ROLES))).toEqual(expected);
  });

  test('a bare mapUsers list and a bare mapAccounts list', () => {
    const users = AwsAuthMigration.plan('- userarn: arn:aws:iam::111122223333:user/alice\n  groups: [devs]\n');
    expect(users.entries.map((e) => [e.source, e.principalArn, e.kubernetesGroups])).toEqual([['mapUsers[0]', 'arn:aws:iam::111122223333:user/alice', ['devs']]]);
    const accounts = AwsAuthMigration.plan('- "111122223333"\n- 000011112222\n');
    expect(accounts.unmappable.map((u) => [u.source, u.item])).toEqual([['mapAccounts[0]', '111122223333'], ['mapAccounts[1]', '000011112222']]);
  });

  test('the data map, the JSON ConfigMap (kubectl -o json) and a List', () => {
    expect(entries(AwsAuthMigration.plan(`mapRoles: |\n${MAP_ROLES.replace(/^/gm, '  ')}\n`))).toEqual(expected);
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'kube-system' }, data: { mapRoles: MAP_ROLES } };
    expect(entries(AwsAuthMigration.plan(JSON.stringify(configMap)))).toEqual(expected);
    expect(entries(AwsAuthMigration.plan(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ ...configMap, metadata: { name: 'other' } }, configMap] })))).toEqual(expected);
  });

  test('empty sections and an empty mapUsers', () => {
    const plan = AwsAuthMigration.plan('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\ndata:\n  mapRoles: |\n    []\n  mapUsers: ""\n');
    expect(plan.mappingCount).toBe(0);
    expect(plan.entries).toEqual([]);
  });

  test('unreadable input throws', () => {
    expect(() => AwsAuthMigration.plan('')).toThrow('the input is empty: give the aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml) or its mapRoles/mapUsers/mapAccounts');
    expect(() => AwsAuthMigration.plan('data: [unclosed')).toThrow(/^the input is not valid YAML: /);
    expect(() => AwsAuthMigration.plan('kind: ConfigMap\ndata:\n  mapRoles: "- rolearn: [x"\n')).toThrow(/^mapRoles is not valid YAML: /);
    expect(() => AwsAuthMigration.plan('kind: Secret\nmetadata:\n  name: x\n')).toThrow('the input is neither an aws-auth ConfigMap nor a mapRoles/mapUsers/mapAccounts list');
    expect(() => AwsAuthMigration.plan('kind: ConfigMap\ndata:\n  mapRoles: "rolearn: x"\n')).toThrow('mapRoles is not a YAML list');
  });
});

describe('authentication mode never moves backwards', () => {
  test.each([
    [AuthenticationMode.CONFIG_MAP, AuthenticationMode.API_AND_CONFIG_MAP, [AuthenticationMode.API_AND_CONFIG_MAP, AuthenticationMode.API]],
    [AuthenticationMode.API_AND_CONFIG_MAP, AuthenticationMode.API_AND_CONFIG_MAP, [AuthenticationMode.API_AND_CONFIG_MAP, AuthenticationMode.API]],
    [AuthenticationMode.API, AuthenticationMode.API, [AuthenticationMode.API]],
  ])('from %s: recommend %s, path %j', (current, recommended, pathOfModes) => {
    const plan = AwsAuthMigration.plan(fixture('eksctl-nodegroups.yaml'), { currentAuthenticationMode: current });
    expect(plan.recommendedAuthenticationMode).toBe(recommended);
    expect(plan.authenticationModePath).toEqual(pathOfModes);
  });
});
