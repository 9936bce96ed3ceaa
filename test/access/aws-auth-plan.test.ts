import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { AccessEntryType, AuthenticationMode, AwsAuthMigration, AwsAuthMigrationPlan } from '../../src';
import { shared } from '../support/shared';

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

const EKSCTL_NG1 = 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng1-NodeInstanceRole-1HQ5C3V6LQ3KN';
const EKSCTL_NG2 = 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng2-NodeInstanceRole-9XB2TR1WJZ0A';
const EKSCTL_WIN = 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-win-NodeInstanceRole-7Q1M2N3B4V5C';
const SELF_MANAGED_NOTE = (type: string) => `planned as the role of self-managed nodes (${type}): if a managed node group uses it, EKS has made its access entry already and a second one fails the deploy; `
  + 'say which roles managed node groups and Fargate profiles use (managedNodeRoleArns, --managed-node-roles)';

describe('eksctl cluster: a managed and a self-managed Linux node group, a Windows node group, an admin role and the IAM user testuser', () => {
  const yaml = fixture('eksctl-nodegroups.yaml');

  test('without the managed node roles: every node role is an entry, each with a note saying it is taken as self-managed', () => {
    const plan = AwsAuthMigration.plan(yaml);
    expectEveryMappingAccountedFor(yaml, plan);
    expect(plan.unmappable).toEqual([]);
    expect(summary(plan)).toEqual([
      { source: 'mapRoles[0]', principalArn: EKSCTL_NG1, type: AccessEntryType.EC2_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[1]', principalArn: EKSCTL_NG2, type: AccessEntryType.EC2_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[2]', principalArn: EKSCTL_WIN, type: AccessEntryType.EC2_WINDOWS, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[3]', principalArn: 'arn:aws:iam::111122223333:role/Admin', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: 'admin', accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
      { source: 'mapUsers[0]', principalArn: 'arn:aws:iam::111122223333:user/testuser', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: 'testuser', accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
    ]);
    expect(plan.notes).toEqual([
      { source: 'mapRoles[0]', item: EKSCTL_NG1, reason: SELF_MANAGED_NOTE('EC2_LINUX') },
      { source: 'mapRoles[1]', item: EKSCTL_NG2, reason: SELF_MANAGED_NOTE('EC2_LINUX') },
      { source: 'mapRoles[2]', item: EKSCTL_WIN, reason: SELF_MANAGED_NOTE('EC2_WINDOWS') },
    ]);
    // Roles are as written (no role list given); the IAM user is as aws-auth matched it.
    expect(plan.entries.map((e) => e.principalArnVerified)).toEqual([false, false, false, false, true]);
  });

  test('the managed node group\'s role is left out with a note (EKS makes its entry); the others are self-managed', () => {
    const plan = AwsAuthMigration.plan(yaml, { managedNodeRoleArns: [EKSCTL_NG1.toUpperCase().replace('ARN:AWS:IAM', 'arn:aws:iam').replace(':ROLE/', ':role/')] });
    expectEveryMappingAccountedFor(yaml, plan);
    expect(plan.entries.map((e) => e.source)).toEqual(['mapRoles[1]', 'mapRoles[2]', 'mapRoles[3]', 'mapUsers[0]']);
    expect(plan.notes).toEqual([
      { source: 'mapRoles[0]', item: EKSCTL_NG1, reason: 'not migrated: the node role of a managed node group, whose EC2_LINUX access entry EKS creates itself (a second entry would fail the deploy)' },
    ]);
    expect(plan.unmappable).toEqual([]);
  });

  test('authentication mode: API_AND_CONFIG_MAP first, then API; the cluster\'s account is inferred from the mappings', () => {
    const plan = AwsAuthMigration.plan(yaml);
    expect(plan.recommendedAuthenticationMode).toBe(AuthenticationMode.API_AND_CONFIG_MAP);
    expect(plan.authenticationModePath).toEqual([AuthenticationMode.API_AND_CONFIG_MAP, AuthenticationMode.API]);
    expect([plan.clusterAccount, plan.clusterAccountInferred]).toEqual(['111122223333', true]);
    const given = AwsAuthMigration.plan(yaml, { clusterAccount: '111122223333', managedNodeRoleArns: [] });
    expect([given.clusterAccount, given.clusterAccountInferred]).toEqual(['111122223333', false]);
    expect(given.notes).toEqual([]);
  });
});

describe('managed node group, Fargate profile, IAM Identity Center roles and duplicates', () => {
  const yaml = fixture('fargate-sso.yaml');
  const ADMIN = 'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_AdministratorAccess_0123456789abcdef';
  const READONLY = 'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_ReadOnly_fedcba9876543210';
  const READONLY_AS_WRITTEN = 'arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210';
  const POWER_USER = 'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PowerUser_13579bdf2468ace0';
  const POWER_USER_AS_WRITTEN = 'arn:aws:iam::444455556666:role/AWSReservedSSO_PowerUser_13579bdf2468ace0';
  const FARGATE = 'arn:aws:iam::444455556666:role/eksctl-myeks-cluster-FargatePodExecutionRole-1AB2CD3EF4GH';
  const NODE = 'arn:aws:iam::444455556666:role/AmazonEKSNodeRole';
  const FARGATE_NOTE = 'not migrated: a Fargate pod execution role (it has system:node-proxier); EKS creates the FARGATE_LINUX access entry of every Fargate profile itself '
    + '(a second entry would fail the deploy), and when no profile uses the role any more the mapping is stale';
  const decisionNeeded = (name: string) => `decision needed: ${name} is an IAM Identity Center role, whose real ARN has the path /aws-reserved/sso.amazonaws.com/[<region>/] `
    + '(no region segment when Identity Center is in us-east-1), and an access entry needs that ARN (aws-auth ARNs carry no path); '
    + `give the real ARN (roleArns, or the output of aws iam list-roles with --roles; aws iam get-role --role-name ${name} shows it), or acknowledge to leave the role out`;

  test('without the real role ARNs: SSO roles written without their path need a decision; the one written with it keeps it', () => {
    const plan = AwsAuthMigration.plan(yaml);
    expectEveryMappingAccountedFor(yaml, plan);
    expect(summary(plan)).toEqual([
      { source: 'mapRoles[0]', principalArn: NODE, type: AccessEntryType.EC2_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[2]', principalArn: ADMIN, type: AccessEntryType.STANDARD, kubernetesGroups: [], username: 'sso-admin:{{SessionName}}', accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
    ]);
    expect(plan.unmappable).toEqual([
      { source: 'mapRoles[3]', item: READONLY_AS_WRITTEN, reason: decisionNeeded('AWSReservedSSO_ReadOnly_fedcba9876543210') },
      { source: 'mapRoles[4]', item: POWER_USER_AS_WRITTEN, reason: decisionNeeded('AWSReservedSSO_PowerUser_13579bdf2468ace0') },
      { source: 'mapRoles[6]', item: READONLY, reason: 'duplicate: mapRoles[3] already maps this principal (aws-auth compares roles without their path), and a principal has one access entry; the mappings differ, so merge what this one grants into the first by hand' },
    ]);
    expect(plan.notes).toEqual([
      { source: 'mapRoles[0]', item: NODE, reason: SELF_MANAGED_NOTE('EC2_LINUX') },
      { source: 'mapRoles[1]', item: FARGATE, reason: FARGATE_NOTE },
      { source: 'mapRoles[2]', item: ADMIN, reason: 'role path \'/aws-reserved/sso.amazonaws.com/ap-northeast-2/\' kept as written: an access entry needs the role\'s real ARN, path included (aws-auth compared roles without it); check that it is the role\'s path, or give the real role ARNs' },
      { source: 'mapRoles[5]', item: NODE, reason: 'duplicate: mapRoles[0] already maps this principal (aws-auth compares roles without their path), and a principal has one access entry; both mappings are the same, so nothing is lost' },
    ]);
  });

  test('with the real role ARNs (aws iam list-roles) and the managed node roles: every SSO role gets its real ARN, with and without a region segment', () => {
    const plan = AwsAuthMigration.plan(yaml, {
      roleArns: [NODE, ADMIN, READONLY, POWER_USER, FARGATE],
      completeRoleAccounts: ['444455556666'],
      managedNodeRoleArns: [NODE, FARGATE],
    });
    expectEveryMappingAccountedFor(yaml, plan);
    expect(summary(plan)).toEqual([
      { source: 'mapRoles[2]', principalArn: ADMIN, type: AccessEntryType.STANDARD, kubernetesGroups: [], username: 'sso-admin:{{SessionName}}', accessPolicies: ['AmazonEKSClusterAdminPolicy@cluster'] },
      { source: 'mapRoles[3]', principalArn: READONLY, type: AccessEntryType.STANDARD, kubernetesGroups: ['readonly', 'pod-readers'], username: 'sso-readonly:{{SessionName}}', accessPolicies: [] },
      { source: 'mapRoles[4]', principalArn: POWER_USER, type: AccessEntryType.STANDARD, kubernetesGroups: ['developers'], username: 'sso-poweruser:{{SessionName}}', accessPolicies: [] },
    ]);
    expect(plan.entries.every((e) => e.principalArnVerified)).toBe(true);
    expect(plan.notes.map((n) => [n.source, n.reason])).toEqual([
      ['mapRoles[0]', 'not migrated: the node role of a managed node group, whose EC2_LINUX access entry EKS creates itself (a second entry would fail the deploy)'],
      ['mapRoles[1]', 'not migrated: the pod execution role of a Fargate profile, whose FARGATE_LINUX access entry EKS creates itself (a second entry would fail the deploy)'],
      ['mapRoles[3]', `the access entry is for the role's real ARN ${READONLY}, from the role ARNs given (aws-auth compared roles without their path; an access entry needs it)`],
      ['mapRoles[4]', `the access entry is for the role's real ARN ${POWER_USER}, from the role ARNs given (aws-auth compared roles without their path; an access entry needs it)`],
      ['mapRoles[5]', 'duplicate: mapRoles[0] already maps this principal (aws-auth compares roles without their path), and a principal has one access entry; both mappings are the same, so nothing is lost'],
    ]);
    expect(plan.unmappable.map((u) => u.source)).toEqual(['mapRoles[6]']);
  });

  test('a role missing from a complete list of its account\'s roles no longer exists: reported, not planned', () => {
    const plan = AwsAuthMigration.plan(yaml, { roleArns: [NODE, ADMIN, READONLY], completeRoleAccounts: ['444455556666'], managedNodeRoleArns: [NODE] });
    expect(plan.entries.map((e) => e.source)).toEqual(['mapRoles[2]', 'mapRoles[3]']);
    expect(plan.unmappable.find((u) => u.source === 'mapRoles[4]')).toEqual({
      source: 'mapRoles[4]',
      item: POWER_USER_AS_WRITTEN,
      reason: 'role AWSReservedSSO_PowerUser_13579bdf2468ace0 is not among the roles of account 444455556666 that were given, so it no longer exists and EKS would refuse its access entry; '
        + 'remove the mapping (or acknowledge it), or give the role\'s ARN if the list was incomplete',
    });
    // Not a complete list: the role stays a decision.
    const partial = AwsAuthMigration.plan(yaml, { roleArns: [ADMIN, READONLY] });
    expect(partial.unmappable.find((u) => u.source === 'mapRoles[4]')!.reason).toBe(decisionNeeded('AWSReservedSSO_PowerUser_13579bdf2468ace0'));
  });
});

describe('hybrid nodes and system:authenticated', () => {
  const yaml = fixture('hybrid-nodes.yaml');
  const hybridPlan = shared(() => AwsAuthMigration.plan(yaml, { managedNodeRoleArns: ['arn:aws:iam::555566667777:role/cloud-mng-node-role'] }));
  const DROPPED = 'group system:authenticated dropped: every authenticated identity has it, so mapping it granted nothing';

  test('the hybrid nodes role (username system:node:{{SessionName}}, no system:node-proxier) becomes HYBRID_LINUX; EC2 nodes stay EC2_LINUX', () => {
    const plan = hybridPlan();
    expectEveryMappingAccountedFor(yaml, plan);
    expect(summary(plan)).toEqual([
      { source: 'mapRoles[0]', principalArn: 'arn:aws:iam::555566667777:role/AmazonEKSHybridNodesRole', type: AccessEntryType.HYBRID_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[1]', principalArn: 'arn:aws:iam::555566667777:role/edge-self-managed-NodeInstanceRole', type: AccessEntryType.EC2_LINUX, kubernetesGroups: [], username: undefined, accessPolicies: [] },
      { source: 'mapRoles[3]', principalArn: 'arn:aws:iam::555566667777:role/site-viewer', type: AccessEntryType.STANDARD, kubernetesGroups: ['viewers'], username: 'site-viewer:{{SessionName}}', accessPolicies: [] },
      { source: 'mapRoles[4]', principalArn: 'arn:aws:iam::555566667777:role/health-probe', type: AccessEntryType.STANDARD, kubernetesGroups: [], username: undefined, accessPolicies: [] },
    ]);
  });

  test('system:authenticated is dropped with a note, never unmappable', () => {
    const plan = hybridPlan();
    expect(plan.unmappable).toEqual([]);
    expect(plan.notes.map((n) => [n.source, n.reason])).toEqual([
      ['mapRoles[2]', DROPPED],
      ['mapRoles[2]', 'not migrated: the node role of a managed node group, whose EC2_LINUX access entry EKS creates itself (a second entry would fail the deploy)'],
      ['mapRoles[3]', DROPPED],
      ['mapRoles[4]', DROPPED],
      ['mapRoles[4]', 'maps no groups and no username: the access entry only lets the principal authenticate, with the username EKS derives from its ARN'],
    ]);
  });

  test('a Windows mapping with the session username is still Windows, a Linux one without a username is EC2_LINUX', () => {
    const types = AwsAuthMigration.plan([
      '- rolearn: arn:aws:iam::555566667777:role/win',
      '  username: system:node:{{SessionName}}',
      '  groups: [system:bootstrappers, system:nodes, eks:kube-proxy-windows]',
      '- rolearn: arn:aws:iam::555566667777:role/linux',
      '  groups: [system:bootstrappers, system:nodes]',
    ].join('\n'), { managedNodeRoleArns: [] });
    expect(types.entries.map((e) => e.type)).toEqual([AccessEntryType.EC2_WINDOWS, AccessEntryType.EC2_LINUX]);
    expect(types.notes.map((n) => n.reason)).toEqual([
      'username \'system:node:{{SessionName}}\' not kept: EKS names EC2_WINDOWS entries \'system:node:{{EC2PrivateDNSName}}\' itself',
      'username (none) not kept: EKS names EC2_LINUX entries \'system:node:{{EC2PrivateDNSName}}\' itself',
    ]);
  });
});

describe('a node role of another account', () => {
  const yaml = fixture('cross-account.yaml');
  const OTHER_NODE = 'arn:aws:iam::999900001111:role/shared-builders-NodeInstanceRole-8H2J4K6L';
  const reason = (how: string) => `a node role of account 999900001111, not of the cluster's account 666677778888${how}: `
    + 'EKS takes node roles (EC2_LINUX) of the cluster\'s account only, so nodes with this role cannot join once the ConfigMap is gone; '
    + 'give them a node role of account 666677778888, or acknowledge if the nodes are gone';

  test('with the cluster\'s account inferred: reported, and the reason says the account was inferred', () => {
    const plan = AwsAuthMigration.plan(yaml, { managedNodeRoleArns: [] });
    expectEveryMappingAccountedFor(yaml, plan);
    expect([plan.clusterAccount, plan.clusterAccountInferred]).toEqual(['666677778888', true]);
    expect(plan.unmappable).toEqual([{ source: 'mapRoles[1]', item: OTHER_NODE, reason: reason(' (inferred: 3 of the 5 mapped principals are in it; give the cluster\'s account if it is another)') }]);
    // People of the other account are fine: STANDARD entries take principals of any account.
    expect(plan.entries.map((e) => [e.source, e.type])).toEqual([
      ['mapRoles[0]', AccessEntryType.EC2_LINUX], ['mapRoles[2]', AccessEntryType.STANDARD], ['mapRoles[3]', AccessEntryType.STANDARD], ['mapUsers[0]', AccessEntryType.STANDARD],
    ]);
  });

  test('with the cluster\'s account given', () => {
    const plan = AwsAuthMigration.plan(yaml, { clusterAccount: '666677778888', managedNodeRoleArns: [] });
    expect(plan.clusterAccountInferred).toBe(false);
    expect(plan.unmappable).toEqual([{ source: 'mapRoles[1]', item: OTHER_NODE, reason: reason('') }]);
    const other = AwsAuthMigration.plan(yaml, { clusterAccount: '999900001111', managedNodeRoleArns: [] });
    expect(other.unmappable.map((u) => u.item)).toEqual(['arn:aws:iam::666677778888:role/workers-NodeInstanceRole-3K9D2M1XQ7ZP']);
  });
});

describe('managed node roles', () => {
  const MNG = 'arn:aws:iam::111122223333:role/mng-node-role';
  const yaml = [
    `- rolearn: ${MNG}`,
    '  username: system:node:{{EC2PrivateDNSName}}',
    '  groups: [system:bootstrappers, system:nodes, monitoring]',
    `- rolearn: ${MNG.replace('mng-node-role', 'debug-access')}`,
    '  groups: [system:masters]',
  ].join('\n');

  test('a managed node role given with a path matches the mapping without it; groups beyond the node groups are still reported', () => {
    const plan = AwsAuthMigration.plan(yaml, { managedNodeRoleArns: ['arn:aws:iam::111122223333:role/nodes/mng-node-role'] });
    expect(plan.entries.map((e) => e.source)).toEqual(['mapRoles[1]']);
    expect(plan.unmappable.map((u) => [u.source, u.reason])).toEqual([
      ['mapRoles[0]', 'groups monitoring are not carried over: an access entry of type EC2_LINUX has no groups and no access policies; give that access to another principal (a node role needs none of it)'],
    ]);
  });

  test('a managed node role mapped as a person cannot get a second entry: reported', () => {
    const plan = AwsAuthMigration.plan(`- rolearn: ${MNG}\n  groups: [system:masters]\n`, { managedNodeRoleArns: [MNG] });
    expect(plan.entries).toEqual([]);
    expect(plan.unmappable).toEqual([{
      source: 'mapRoles[0]',
      item: MNG,
      reason: 'is the role of a managed node group or Fargate profile: EKS gives it a node access entry itself, which takes no groups, username or access policies, '
        + 'and a principal has one access entry; grant this access to another principal',
    }]);
  });
});

describe('input size', () => {
  test('an input larger than a ConfigMap can hold (1 MiB, counted in UTF-8 bytes) is refused before it is read', () => {
    const mapping = (i: number) => `    - rolearn: arn:aws:iam::111122223333:role/team-${i}\n      username: team-${i}:{{SessionName}}\n      groups:\n        - team-${i}\n`;
    const header = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n';
    const parts = [header];
    for (let i = 0, size = header.length; size <= 1024 * 1024; i++) {
      parts.push(mapping(i));
      size += mapping(i).length;
    }
    const yaml = parts.join('');
    const bytes = Buffer.byteLength(yaml, 'utf8');
    expect(() => AwsAuthMigration.plan(yaml)).toThrow(new Error(`the aws-auth input is ${bytes} bytes, more than a ConfigMap can hold (1048576 bytes, 1 MiB). Fix: `
      + 'give the ConfigMap as the cluster has it (kubectl get configmap aws-auth -n kube-system -o yaml), or only its data (-o jsonpath=\'{.data}\') when annotations or managed fields make the object larger'));
    // Exactly 1 MiB is accepted, and bytes (not characters) count: 'é' is two.
    const atLimit = `${header}    []\n#`.padEnd(1024 * 1024, 'x');
    expect(Buffer.byteLength(atLimit, 'utf8')).toBe(1024 * 1024);
    expect(AwsAuthMigration.plan(atLimit).mappingCount).toBe(0);
    const accented = `${header}    []\n#${'é'.repeat(600 * 1024)}`;
    expect(accented.length).toBeLessThan(1024 * 1024);
    expect(() => AwsAuthMigration.plan(accented)).toThrow(`the aws-auth input is ${Buffer.byteLength(accented, 'utf8')} bytes, more than a ConfigMap can hold`);
  });
});

describe('options are checked', () => {
  const yaml = fixture('eksctl-nodegroups.yaml');
  test.each([
    [{ roleArns: ['arn:aws:iam::111122223333:user/alice'] }, 'role ARN \'arn:aws:iam::111122223333:user/alice\' is not an IAM role ARN; give the ARN of an IAM role, arn:aws:iam::<account>:role/[<path>/]<name>'],
    [{ roleArns: ['arn:aws:iam::111122223333:role/a/Admin', 'arn:aws:iam::111122223333:role/b/ADMIN'] },
      'role ARNs \'arn:aws:iam::111122223333:role/a/Admin\' and \'arn:aws:iam::111122223333:role/b/ADMIN\' name the same role (role names are unique in an account, in any letter case); give each role once, with its real path'],
    [{ managedNodeRoleArns: ['arn:aws:iam::111122223333:role/ng*'] }, /^managed node role ARN 'arn:aws:iam::111122223333:role\/ng\*' contains/],
    [{ clusterAccount: '11112222333' }, 'cluster account \'11112222333\' is not a 12-digit account id; write the 12-digit account id (leading zeros included)'],
    [{ completeRoleAccounts: ['x'] }, 'complete role list account \'x\' is not a 12-digit account id; write the 12-digit account id (leading zeros included)'],
  ])('%j', (options, message) => {
    expect(() => AwsAuthMigration.plan(yaml, options as any)).toThrow(typeof message === 'string' ? new Error(message) : message);
  });
});

describe('hand-written ConfigMap: templated usernames, accounts, sessions and mistakes', () => {
  const yaml = fixture('hand-written.yaml');
  const handWrittenPlan = shared(() => AwsAuthMigration.plan(yaml));

  test('every mapping is converted or reported', () => {
    expectEveryMappingAccountedFor(yaml, handWrittenPlan());
  });

  test('the convertible parts are converted; reserved and invalid usernames are not kept', () => {
    expect(summary(handWrittenPlan())).toEqual([
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
    const plan = handWrittenPlan();
    const reasons = Object.fromEntries(plan.unmappable.map((u) => [u.source, u.reason]));
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
    expect(reasons['mapRoles[3]']).toBe('groups system:monitoring are not carried over: access entries reject groups starting with \'system:\' '
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

  test('notes: system:authenticated dropped, a node role taken as self-managed, a non-standard node username and an entry that only authenticates', () => {
    expect(handWrittenPlan().notes).toEqual([
      { source: 'mapRoles[3]', item: 'arn:aws:iam::777788889999:role/metrics', reason: 'group system:authenticated dropped: every authenticated identity has it, so mapping it granted nothing' },
      { source: 'mapRoles[8]', item: 'arn:aws:iam::777788889999:role/odd-node', reason: SELF_MANAGED_NOTE('EC2_LINUX') },
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

  test('a user mapped twice (in any letter case) is a duplicate', () => {
    const plan = AwsAuthMigration.plan('- userarn: arn:aws:iam::111122223333:user/alice\n  groups: [devs]\n- userarn: arn:aws:iam::111122223333:user/ALICE\n  groups: [devs]\n');
    expect(plan.entries.map((e) => e.source)).toEqual(['mapUsers[0]']);
    expect(plan.notes).toEqual([{
      source: 'mapUsers[1]',
      item: 'arn:aws:iam::111122223333:user/ALICE',
      reason: 'duplicate: mapUsers[0] already maps this principal, and a principal has one access entry; both mappings are the same, so nothing is lost',
    }]);
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
