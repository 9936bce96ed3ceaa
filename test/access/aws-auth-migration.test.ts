import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessEntryType, AuthenticationMode, AwsAuthMigration, IIdentityCluster } from '../../src';
import { importedCluster, newApp, newCluster, newStack, REGION } from '../support/fixtures';

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
  // No role list: the role ARNs are as the ConfigMap wrote them, and the plan says so.
  expect(migration.migrationPlan.entries.map((e) => e.principalArnVerified)).toEqual([false, false, false, false, true]);
  // An imported cluster: which node roles are managed is not known, and the plan says so.
  expect(migration.migrationPlan.notes.map((n) => n.source)).toEqual(['mapRoles[0]', 'mapRoles[1]', 'mapRoles[2]']);
  expect(Template.fromStack(stack).toJSON().Resources).toMatchSnapshot();
});

test('fails listing every unmappable item that is not acknowledged', () => {
  const { stack, cluster } = setup(AuthenticationMode.API_AND_CONFIG_MAP, '444455556666');
  const acknowledged = [{ item: 'mapRoles[2]', reason: 'alice uses the Developer role, which has its own entry' }];
  let sso = '';
  try {
    new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap: fixture('fargate-sso.yaml'), acknowledged: [] });
  } catch (e) {
    sso = (e as Error).message;
  }
  expect(sso.split('\n')[0]).toBe('Stack/AwsAuth: 3 aws-auth mapping(s) cannot be migrated to access entries:');
  expect(sso.split('\n').slice(1, 4).map((l) => l.split(':').slice(0, 7).join(':'))).toEqual([
    '  - mapRoles[3] arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210: decision needed',
    '  - mapRoles[4] arn:aws:iam::444455556666:role/AWSReservedSSO_PowerUser_13579bdf2468ace0: decision needed',
    '  - mapRoles[6] arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_ReadOnly_fedcba9876543210: duplicate',
  ]);
  expect(sso).toMatch(new RegExp('\\n\\. Fix: give the real ARNs of the IAM Identity Center roles in roleArns \\(aws iam get-role shows them\\); '
    + 'grant that access another way \\(an access entry, a Kubernetes group with RBAC\\), then list each item in acknowledged with the reason$'));
  let message = '';
  try {
    const handWritten = setup(AuthenticationMode.API_AND_CONFIG_MAP, '777788889999');
    new AwsAuthMigration(handWritten.stack, 'AwsAuth', { cluster: handWritten.cluster, configMap: fixture('hand-written.yaml'), acknowledged });
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
  const SSO_ADMIN = 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1';
  const configMap = [
    'mapRoles: |',
    `  - rolearn: ${nodeRole.roleArn}`,
    '    username: system:node:{{EC2PrivateDNSName}}',
    '    groups: [system:bootstrappers, system:nodes]',
    '  - rolearn: arn:aws:iam::123456789012:role/AWSReservedSSO_Admin_1',
    '    groups: [system:masters]',
    '  - rolearn: arn:aws:iam::123456789012:role/Viewer',
    '    groups: [viewers]',
  ].join('\n');
  const migration = new AwsAuthMigration(stack, 'AwsAuth', {
    cluster,
    configMap,
    roleArns: [SSO_ADMIN],
    exclude: [
      { item: nodeRole.roleArn, reason: 'the self-managed nodes are gone' },
      { item: SSO_ADMIN, reason: 'admins come from IdentityCluster admins' },
    ],
  });
  expect(migration.migrationPlan.entries.map((e) => [e.principalArn, e.principalArnVerified])).toEqual([
    [nodeRole.roleArn, true], [SSO_ADMIN, true], ['arn:aws:iam::123456789012:role/Viewer', false],
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
    'Stack/AwsAuth: exclude item \'mapUsers[0]\' has no reason. Fix: say why, e.g. \'the CI role has its own access entry\''));
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

describe('entries EKS makes itself', () => {
  /** An aws-auth of the cluster's managed node group, its Fargate profile, a self-managed node role and an admin, named as the app names them. */
  function configMapOf(roles: { managed: string; fargate: string; selfManaged: string }): string {
    return [
      'mapRoles: |',
      `  - rolearn: ${roles.managed}`,
      '    username: system:node:{{EC2PrivateDNSName}}',
      '    groups: [system:bootstrappers, system:nodes]',
      `  - rolearn: ${roles.fargate}`,
      '    username: system:node:{{SessionName}}',
      '    groups: [system:bootstrappers, system:nodes, system:node-proxier]',
      `  - rolearn: ${roles.selfManaged}`,
      '    username: system:node:{{EC2PrivateDNSName}}',
      '    groups: [system:bootstrappers, system:nodes]',
      '  - rolearn: arn:aws:iam::123456789012:role/Admin',
      '    groups: [system:masters]',
    ].join('\n');
  }

  test('the cluster\'s managed node groups and Fargate profiles in this app are found and left out with a note', () => {
    const stack = newStack();
    const cluster = newCluster(stack, 'nodegroup', { authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP });
    const profile = cluster.cluster.addFargateProfile('Profile', { selectors: [{ namespace: 'batch' }] });
    // A node group whose role has a literal name: the ConfigMap's literal ARN is matched.
    const namedRole = new iam.Role(stack, 'NamedNodeRole', { roleName: 'myeks-gpu-nodes', assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    new eks.Nodegroup(stack, 'Gpu', { cluster: cluster.cluster, nodeRole: namedRole });
    const selfManaged = new iam.Role(stack, 'SelfManagedNodeRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });

    const migration = new AwsAuthMigration(stack, 'AwsAuth', {
      cluster,
      configMap: configMapOf({ managed: 'arn:aws:iam::123456789012:role/myeks-gpu-nodes', fargate: profile.podExecutionRole.roleArn, selfManaged: selfManaged.roleArn })
        + `\n  - rolearn: ${cluster.cluster.defaultNodegroup!.role.roleArn}\n    username: system:node:{{EC2PrivateDNSName}}\n    groups: [system:bootstrappers, system:nodes]\n`,
    });
    expect(migration.migrationPlan.entries.map((e) => [e.source, e.type])).toEqual([['mapRoles[2]', AccessEntryType.EC2_LINUX], ['mapRoles[3]', AccessEntryType.STANDARD]]);
    expect(migration.migrationPlan.notes.map((n) => [n.source, n.reason.split(':')[0]])).toEqual([
      ['mapRoles[0]', 'not migrated'], ['mapRoles[1]', 'not migrated'], ['mapRoles[4]', 'not migrated'],
    ]);
    const nodeEntries = entries(stack).filter((e) => e.Type === 'EC2_LINUX');
    expect(nodeEntries).toEqual([{ ClusterName: { Ref: expect.any(String) }, PrincipalArn: { 'Fn::GetAtt': [stack.getLogicalId(selfManaged.node.defaultChild as iam.CfnRole), 'Arn'] }, Type: 'EC2_LINUX' }]);
    expect(() => App.of(stack)!.synth()).not.toThrow();
  });

  test('managed node groups of an imported cluster are given with managedNodeRoleArns', () => {
    const { stack, cluster } = setup();
    const migration = new AwsAuthMigration(stack, 'AwsAuth', {
      cluster,
      configMap: fixture('eksctl-nodegroups.yaml'),
      managedNodeRoleArns: ['arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng1-NodeInstanceRole-1HQ5C3V6LQ3KN'],
    });
    expect(migration.accessEntries.map((e) => e.principalArn)).toEqual([
      'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng2-NodeInstanceRole-9XB2TR1WJZ0A',
      'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-win-NodeInstanceRole-7Q1M2N3B4V5C',
      'arn:aws:iam::111122223333:role/Admin',
      'arn:aws:iam::111122223333:user/testuser',
    ]);
    // Given: no note says a node role is taken as self-managed.
    expect(migration.migrationPlan.notes.map((n) => n.source)).toEqual(['mapRoles[0]']);
  });

  test('excluding a mapping the plan leaves out already is a stale decision that says why', () => {
    const { stack, cluster } = setup();
    const ng1 = 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng1-NodeInstanceRole-1HQ5C3V6LQ3KN';
    expect(() => new AwsAuthMigration(stack, 'AwsAuth', {
      cluster,
      configMap: fixture('eksctl-nodegroups.yaml'),
      managedNodeRoleArns: [ng1],
      exclude: [{ item: ng1, reason: 'EKS made it' }],
    })).toThrow(new Error(`Stack/AwsAuth: exclude '${ng1}' names mapRoles[0], which the plan leaves out already `
      + '(not migrated: the node role of a managed node group, whose EC2_LINUX access entry EKS creates itself (a second entry would fail the deploy)). '
      + 'Fix: remove the stale decisions, or name the item as the plan does (its ARN as written, the account ID, or its place such as mapRoles[2])'));
  });

  test('a node group made after the migration, whose role became an entry, fails the synth', () => {
    const stack = newStack();
    const cluster = newCluster(stack, 'nodegroup', { authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP, defaultCapacity: 0 });
    const nodeRole = new iam.Role(stack, 'LaterNodeRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    new AwsAuthMigration(stack, 'AwsAuth', {
      cluster,
      configMap: `- rolearn: ${nodeRole.roleArn}\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n`,
    });
    new eks.Nodegroup(stack, 'Later', { cluster: cluster.cluster, nodeRole });
    expect(() => App.of(stack)!.synth()).toThrow(`[Stack/AwsAuth] Stack/AwsAuth: mapRoles[0] (${nodeRole.roleArn}) became access entries, but Stack/Later, made after this construct, use the role, `
      + 'and EKS creates the access entries of managed node groups and Fargate profiles itself. Fix: create the AwsAuthMigration after the cluster\'s node groups and Fargate profiles');
  });

  test('a managed node role known only at deploy time cannot be compared with a literal mapping: the plan says so', () => {
    const stack = newStack();
    const cluster = newCluster(stack, 'nodegroup', { authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP });
    const migration = new AwsAuthMigration(stack, 'AwsAuth', {
      cluster,
      configMap: '- rolearn: arn:aws:iam::123456789012:role/old-nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n',
    });
    expect(migration.migrationPlan.notes.map((n) => n.reason)).toEqual([
      'planned as the role of self-managed nodes (EC2_LINUX); some managed node group or Fargate profile roles are known only at deploy time, so whether one of them is this role cannot be told: '
        + 'if it is, exclude the mapping (EKS has made its access entry already)',
    ]);
  });
});

describe('role paths', () => {
  test('roleArns give IAM Identity Center roles their real ARNs; without them the synth asks for a decision', () => {
    const { stack, cluster } = setup(AuthenticationMode.API_AND_CONFIG_MAP, '444455556666');
    const roleArns = [
      'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_AdministratorAccess_0123456789abcdef',
      'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_ReadOnly_fedcba9876543210',
      'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PowerUser_13579bdf2468ace0',
    ];
    new AwsAuthMigration(stack, 'AwsAuth', {
      cluster,
      configMap: fixture('fargate-sso.yaml'),
      roleArns,
      managedNodeRoleArns: ['arn:aws:iam::444455556666:role/AmazonEKSNodeRole'],
      acknowledged: [{ item: 'mapRoles[6]', reason: 'view-all is granted to the read-only role through pod-readers' }],
    });
    expect(entries(stack).map((e) => e.PrincipalArn)).toEqual(roleArns);

    const other = setup(AuthenticationMode.API_AND_CONFIG_MAP, '444455556666');
    expect(() => new AwsAuthMigration(other.stack, 'AwsAuth', { cluster: other.cluster, configMap: fixture('fargate-sso.yaml'), roleArns: roleArns.slice(0, 2) }))
      .toThrow(/^Stack\/AwsAuth: 2 aws-auth mapping\(s\) cannot be migrated to access entries:\n  - mapRoles\[4\] arn:aws:iam::444455556666:role\/AWSReservedSSO_PowerUser_13579bdf2468ace0: decision needed: /);
  });

  test('roleArns that are not role ARNs fail with the path', () => {
    const { stack, cluster } = setup();
    expect(() => new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap: fixture('eksctl-nodegroups.yaml'), roleArns: ['arn:aws:iam::111122223333:user/testuser'] })).toThrow(new Error(
      'Stack/AwsAuth: role ARN \'arn:aws:iam::111122223333:user/testuser\' is not an IAM role ARN. Fix: give the ARN of an IAM role, arn:aws:iam::<account>:role/[<path>/]<name>'));
  });
});

describe('hybrid nodes, another account, size', () => {
  test('the hybrid nodes role becomes a HYBRID_LINUX entry', () => {
    const { stack, cluster } = setup(AuthenticationMode.API_AND_CONFIG_MAP, '555566667777');
    new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap: fixture('hybrid-nodes.yaml') });
    expect(entries(stack).filter((e) => e.Type !== undefined)).toEqual([
      { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::555566667777:role/AmazonEKSHybridNodesRole', Type: 'HYBRID_LINUX' },
      { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::555566667777:role/edge-self-managed-NodeInstanceRole', Type: 'EC2_LINUX' },
      { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::555566667777:role/cloud-mng-node-role', Type: 'EC2_LINUX' },
    ]);
  });

  test('a node role of another account than the cluster stack\'s is reported, not handed to the access entry', () => {
    const { stack, cluster } = setup(AuthenticationMode.API_AND_CONFIG_MAP, '666677778888');
    const configMap = fixture('cross-account.yaml');
    expect(() => new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap })).toThrow(new RegExp(
      '^Stack/AwsAuth: 1 aws-auth mapping\\(s\\) cannot be migrated to access entries:\\n  - mapRoles\\[1\\] arn:aws:iam::999900001111:role/shared-builders-NodeInstanceRole-8H2J4K6L: '
      + 'a node role of account 999900001111, not of the cluster\'s account 666677778888: '));
    const migration = new AwsAuthMigration(stack, 'AwsAuth2', {
      cluster,
      configMap,
      acknowledged: [{ item: 'arn:aws:iam::999900001111:role/shared-builders-NodeInstanceRole-8H2J4K6L', reason: 'the shared builders moved to a node role of this account' }],
    });
    expect(migration.migrationPlan.clusterAccountInferred).toBe(false);
    expect(migration.accessEntries.map((e) => e.principalArn)).toEqual([
      'arn:aws:iam::666677778888:role/workers-NodeInstanceRole-3K9D2M1XQ7ZP',
      'arn:aws:iam::999900001111:role/platform-operators',
      'arn:aws:iam::666677778888:role/github-actions-deployer',
      'arn:aws:iam::666677778888:user/alice',
    ]);
  });

  test('in an environment-agnostic stack the cluster\'s account is inferred, and the plan says so', () => {
    const stack = newStack(newApp(), 'Stack', {});
    const cluster = importedCluster(stack, 'Imported', { authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP });
    const migration = new AwsAuthMigration(stack, 'AwsAuth', {
      cluster,
      configMap: fixture('cross-account.yaml'),
      acknowledged: [{ item: 'mapRoles[1]', reason: 'gone' }],
    });
    expect([migration.migrationPlan.clusterAccount, migration.migrationPlan.clusterAccountInferred]).toEqual(['666677778888', true]);
    expect(migration.migrationPlan.unmappable[0].reason).toContain('(inferred: 3 of the 5 mapped principals are in it; give the cluster\'s account if it is another)');
  });

  test('a configMap larger than a ConfigMap can hold fails with the path and the fix', () => {
    const { stack, cluster } = setup();
    const configMap = `${fixture('eksctl-nodegroups.yaml')}#${'x'.repeat(1024 * 1024)}\n`;
    expect(() => new AwsAuthMigration(stack, 'AwsAuth', { cluster, configMap })).toThrow(new Error(
      `Stack/AwsAuth: configMap is ${Buffer.byteLength(configMap)} bytes, more than a ConfigMap can hold (1048576 bytes, 1 MiB). `
      + 'Fix: give the ConfigMap as the cluster has it (kubectl get configmap aws-auth -n kube-system -o yaml), or only its data (-o jsonpath=\'{.data}\') when annotations or managed fields make the object larger'));
  });
});
