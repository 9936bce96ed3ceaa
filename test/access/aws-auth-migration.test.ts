import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AuthenticationMode, AwsAuthMigration, IIdentityCluster } from '../../src';
import { importedCluster, newApp, newStack, REGION } from '../support/fixtures';

function fixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/** A stack in the account of the fixture's node roles (node entries take roles of the cluster's account). */
function setup(mode = AuthenticationMode.API_AND_CONFIG_MAP, account = '111122223333'): { stack: Stack; cluster: IIdentityCluster } {
  const stack = newStack(newApp(), 'Stack', { env: { account, region: REGION } });
  return { stack, cluster: importedCluster(stack, 'Imported', { authenticationMode: mode }) };
}

function entries(stack: Stack): any[] {
  return Object.values<any>(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry')).map((r) => r.Properties);
}

const ADMIN_POLICY = [{ PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', AccessScope: { Type: 'cluster' } }];

test('applies the plan as access entries on the cluster', () => {
  const { stack, cluster } = setup();
  const migration = new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap: fixture('eksctl-nodegroups.yaml') });
  expect(migration.accessEntries.map((e) => e.node.id)).toEqual([
    'role-eksctl-myeks-nodegroup-ng1-NodeInstanceRole-1HQ5C3V6LQ3KN',
    'role-eksctl-myeks-nodegroup-ng2-NodeInstanceRole-9XB2TR1WJZ0A',
    'role-eksctl-myeks-nodegroup-win-NodeInstanceRole-7Q1M2N3B4V5C',
    'role-Admin',
    'user-testuser',
  ]);
  expect(entries(stack)).toEqual([
    { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng1-NodeInstanceRole-1HQ5C3V6LQ3KN', Type: 'EC2_LINUX' },
    { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng2-NodeInstanceRole-9XB2TR1WJZ0A', Type: 'EC2_LINUX' },
    { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-win-NodeInstanceRole-7Q1M2N3B4V5C', Type: 'EC2_WINDOWS' },
    { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::111122223333:role/Admin', Username: 'admin', AccessPolicies: ADMIN_POLICY },
    { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::111122223333:user/testuser', Username: 'testuser', AccessPolicies: ADMIN_POLICY },
  ]);
  expect(Annotations.fromStack(stack).findInfo('*', Match.anyValue())).toHaveLength(1);
  Annotations.fromStack(stack).hasInfo('/Stack/AwsAuth', 'The aws-auth mappings are now access entries. Check access with the cluster in API_AND_CONFIG_MAP, then switch it to API (one-way) and delete the aws-auth ConfigMap.');
  expect(Template.fromStack(stack).toJSON().Resources).toMatchSnapshot();
});

test('fails listing every unmappable item that is not acknowledged', () => {
  const { stack, cluster } = setup();
  const acknowledged = [{ item: 'mapRoles[2]', reason: 'alice uses the Developer role, which has its own entry' }];
  expect(() => new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap: fixture('fargate-sso.yaml'), acknowledged: [] })).toThrow(new Error(
    'Stack/AwsAuth: 1 aws-auth mapping(s) cannot be migrated to access entries:\n'
    + '  - mapRoles[5] arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210: duplicate: arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210 '
    + 'is already mapped by mapRoles[3], and a principal has one access entry; the mappings differ, so merge what this one grants into the first by hand\n'
    + '. Fix: grant that access another way (an access entry, a Kubernetes group with RBAC), then list each item in acknowledged with the reason'));
  let message = '';
  try {
    new AwsAuthMigration(setup().stack, 'AwsAuth', { cluster: setup().cluster, configMap: fixture('hand-written.yaml'), acknowledged });
  } catch (e) {
    message = (e as Error).message;
  }
  const listed = message.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4).split(' ')[0]);
  expect(listed).toEqual([
    'mapRoles[1]', 'mapRoles[3]', 'mapRoles[4]', 'mapRoles[5]', 'mapRoles[6]', 'mapRoles[7]', 'mapRoles[8]', 'mapUsers[1]', 'mapUsers[3]', 'mapAccounts[0]', 'mapAccounts[1]',
  ]);
  expect(message).toMatch(/^Stack\/AwsAuth: 11 aws-auth mapping\(s\) cannot be migrated to access entries:\n/);
});

test('acknowledged items (by ARN, account ID or place) let the rest through', () => {
  const { stack, cluster } = setup(AuthenticationMode.API_AND_CONFIG_MAP, '777788889999');
  const migration = new AwsAuthMigration(stack, 'AwsAuth', {
    cluster,
    configMap: fixture('hand-written.yaml'),
    acknowledged: [
      { item: 'arn:aws:iam::777788889999:role/oncall', reason: 'oncall keeps cluster admin; its username was only cosmetic' },
      { item: 'arn:aws:sts::777788889999:assumed-role/Developer/alice', reason: 'Developer has its own entry' },
      { item: 'ARN:AWS:IAM::777788889999:ROLE/METRICS', reason: 'metrics is bound by username' },
      { item: 'mapRoles[4]', reason: 'nothing binds system:admin' },
      { item: 'mapRoles[5]', reason: 'bob never had access' },
      { item: 'mapRoles[6]', reason: 'a service-linked role needs no entry' },
      { item: 'mapRoles[7]', reason: 'no principal' },
      { item: 'mapRoles[8]', reason: 'monitoring moved to the metrics role' },
      { item: 'arn:aws:iam::777788889999:user/dave', reason: 'dave is bound by group' },
      { item: 'arn:aws:iam::777788889999:user/node-user', reason: 'not a node' },
      { item: '012345678901', reason: 'the account has its own entries' },
      { item: '210987654321', reason: 'the account has its own entries' },
    ],
  });
  expect(migration.accessEntries.map((e) => e.principalArn)).toEqual([
    'arn:aws:iam::777788889999:role/ci-deployer',
    'arn:aws:iam::777788889999:role/oncall',
    'arn:aws:iam::777788889999:role/metrics',
    'arn:aws:iam::777788889999:role/legacy-admin',
    'arn:aws:iam::777788889999:role/odd-node',
    'arn:aws:iam::777788889999:user/carol',
    'arn:aws:iam::777788889999:user/dave',
    'arn:aws:iam::777788889999:user/erin',
  ]);
  expect(entries(stack)).toHaveLength(8);
});

test('excluded mappings are not created; a role may be named with its path or by a token', () => {
  const { stack, cluster } = setup(AuthenticationMode.API_AND_CONFIG_MAP, '123456789012');
  const nodeRole = new iam.Role(stack, 'NodeRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
  const configMap = [
    'mapRoles: |',
    `  - rolearn: ${nodeRole.roleArn}`,
    '    username: system:node:{{EC2PrivateDNSName}}',
    '    groups: [system:bootstrappers, system:nodes]',
    '  - rolearn: arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1',
    '    groups: [system:masters]',
    '  - rolearn: arn:aws:iam::123456789012:role/Viewer',
    '    groups: [viewers]',
  ].join('\n');
  const migration = new AwsAuthMigration(stack, 'AwsAuth', {
    cluster,
    configMap,
    exclude: [
      { item: nodeRole.roleArn, reason: 'EKS made the managed node group entry' },
      { item: 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1', reason: 'admins come from IdentityCluster admins' },
    ],
  });
  expect(migration.migrationPlan.entries.map((e) => e.principalArn)).toEqual([
    nodeRole.roleArn, 'arn:aws:iam::123456789012:role/AWSReservedSSO_Admin_1', 'arn:aws:iam::123456789012:role/Viewer',
  ]);
  expect(entries(stack)).toEqual([{ ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::123456789012:role/Viewer', KubernetesGroups: ['viewers'] }]);
});

test('stale decisions and decisions without a reason fail', () => {
  const configMap = fixture('eksctl-nodegroups.yaml');
  const build = (props: any) => () => { const { stack, cluster } = setup(); new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap, ...props }); };
  expect(build({ acknowledged: [{ item: 'arn:aws:iam::111122223333:role/Admin', reason: 'x' }], exclude: [{ item: 'mapUsers[3]', reason: 'y' }] })).toThrow(new Error(
    'Stack/AwsAuth: acknowledged \'arn:aws:iam::111122223333:role/Admin\' matches no unmappable item; exclude \'mapUsers[3]\' matches no mapping that would be migrated. '
    + 'Fix: remove the stale decisions, or name the item as the plan does (its ARN as written, the account ID, or its place such as mapRoles[2])'));
  expect(build({ exclude: [{ item: 'mapUsers[0]', reason: ' ' }] })).toThrow(new Error(
    'Stack/AwsAuth: exclude item \'mapUsers[0]\' has no reason. Fix: say why, e.g. \'EKS created the entry for the managed node group\''));
});

test('a CONFIG_MAP cluster and an unreadable ConfigMap fail with the path', () => {
  const configMap = fixture('eksctl-nodegroups.yaml');
  const a = setup(AuthenticationMode.CONFIG_MAP);
  expect(() => new AwsAuthMigration(a.stack, 'AwsAuth', { cluster: a.cluster, configMap })).toThrow(new Error(
    'Stack/AwsAuth: cluster Stack/Imported uses authenticationMode CONFIG_MAP, which has no access entries. '
    + 'Fix: switch the cluster to API_AND_CONFIG_MAP first (one-way), deploy the entries, check access, then switch to API'));
  const b = setup();
  expect(() => new AwsAuthMigration(b.stack, 'AwsAuth', { cluster: b.cluster, configMap: 'kind: Secret' })).toThrow(new Error(
    'Stack/AwsAuth: the aws-auth ConfigMap cannot be read: the input is neither an aws-auth ConfigMap nor a mapRoles/mapUsers/mapAccounts list. '
    + 'Fix: pass the output of kubectl get configmap aws-auth -n kube-system -o yaml (or its mapRoles/mapUsers/mapAccounts text)'));
});

test('on an API cluster the plan stays in API and no info is added', () => {
  const { stack, cluster } = setup(AuthenticationMode.API);
  const migration = new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap: fixture('eksctl-nodegroups.yaml') });
  expect(migration.migrationPlan.authenticationModePath).toEqual([AuthenticationMode.API]);
  expect(Annotations.fromStack(stack).findInfo('*', Match.anyValue())).toEqual([]);
});

test('a migrated principal that the cluster already grants fails as a duplicate entry', () => {
  const { stack, cluster } = setup();
  cluster.grantClusterAdmin('Admin', 'arn:aws:iam::111122223333:role/Admin');
  expect(() => new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap: fixture('eksctl-nodegroups.yaml') })).toThrow(new Error(
    'Stack/AwsAuth/role-Admin: principal arn:aws:iam::111122223333:role/Admin already has an access entry on cluster Stack/Imported (Stack/Imported/Admin); EKS allows one per principal. '
    + 'Fix: add the access policies to the existing entry (entry.addAccessPolicies(...)) instead of creating a second one'));
});
