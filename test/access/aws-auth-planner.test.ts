import { AwsAuthMigrationEntry } from '../../src/access/aws-auth/aws-auth-plan';
import { awsAuthEntryId, planAwsAuthMigration, planOptionsProblem } from '../../src/access/aws-auth/private/aws-auth-planner';
import { AccessEntryType } from '../../src/core/access-entry-type';
import { AuthenticationMode } from '../../src/core/authentication-mode';

/*
 * The aws-auth planner on mappings a ConfigMap should not have (malformed mappings, a principal in
 * the wrong section, groups and usernames of the wrong shape), on deploy-time values, and on the
 * options it plans with. The realistic ConfigMaps are in aws-auth-plan.test.ts.
 */

const ACCOUNT = '111122223333';
const role = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
const user = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const TOKEN = '${Token[TOKEN.1]}';
const NODE_GROUPS = 'groups: [system:bootstrappers, system:nodes]';
/** The mapRoles and mapUsers sections of a ConfigMap's data, each a list of YAML lines. */
const configMap = (mapRoles: string[], mapUsers: string[] = []) => {
  const section = (lines: string[]) => lines.map((line) => `    ${line}`).join('\n');
  return `kind: ConfigMap\ndata:\n  mapRoles: |\n${section(mapRoles)}\n  mapUsers: |\n${section(mapUsers)}\n`;
};
const reasons = (findings: Array<{ source: string; reason: string }>) => findings.map((f) => [f.source, f.reason]);
const SELF_MANAGED = (type: string) => `planned as the role of self-managed nodes (${type}): if a managed node group uses it, EKS has made its access entry already and a second one fails the deploy; `
  + 'say which roles managed node groups and Fargate profiles use (managedNodeRoleArns, --managed-node-roles)';
const ONLY_AUTHENTICATES = 'maps no groups and no username: the access entry only lets the principal authenticate, with the username EKS derives from its ARN';

describe('mappings that are not mappings of a principal', () => {
  test('each is reported with what is wrong with it, and nothing is planned for it', () => {
    const plan = planAwsAuthMigration(configMap([
      '- just-text',
      '- [a, b]',
      `- userarn: ${user('alice')}`,
      '  groups: [devs]',
      '- rolearn: ""',
      '  groups: [devs]',
      '- groups: [devs]',
      `- rolearn: ${role('admins')}`,
      '  groups: admins',
      `- rolearn: ${role('nested')}`,
      '  groups: [a, [b]]',
      `- rolearn: ${role('listed')}`,
      '  username: [a]',
      `- rolearn: ${role('mapped')}`,
      '  username: {a: b}',
      `- rolearn: ${user('bob')}`,
    ], [
      `- rolearn: ${role('ops')}`,
      '- userarn: ""',
      `- userarn: ${role('deployer')}`,
      '  groups: [deployers]',
      '- plain',
    ]));
    expect(plan.entries).toEqual([]);
    expect(plan.notes).toEqual([]);
    expect(plan.unmappable).toEqual([
      { source: 'mapRoles[0]', item: 'just-text', reason: 'not a mapping: expected rolearn, username and groups' },
      { source: 'mapRoles[1]', item: '["a","b"]', reason: 'not a mapping: expected rolearn, username and groups' },
      { source: 'mapRoles[2]', item: user('alice'), reason: 'has userarn but is in mapRoles, so aws-auth never matched it; move it to mapUsers if it should have access' },
      { source: 'mapRoles[3]', item: '{"rolearn":"","groups":["devs"]}', reason: 'has no rolearn' },
      { source: 'mapRoles[4]', item: '{"groups":["devs"]}', reason: 'has no rolearn' },
      { source: 'mapRoles[5]', item: role('admins'), reason: 'groups is not a list of names' },
      { source: 'mapRoles[6]', item: role('nested'), reason: 'groups is not a list of names' },
      { source: 'mapRoles[7]', item: role('listed'), reason: 'username is not a string' },
      { source: 'mapRoles[8]', item: role('mapped'), reason: 'username is not a string' },
      { source: 'mapRoles[9]', item: user('bob'), reason: 'is an IAM user ARN in mapRoles, which aws-auth never matched; move it to mapUsers if it should have access' },
      { source: 'mapUsers[0]', item: role('ops'), reason: 'has rolearn but is in mapUsers, so aws-auth never matched it; move it to mapRoles if it should have access' },
      { source: 'mapUsers[1]', item: '{"userarn":""}', reason: 'has no userarn' },
      { source: 'mapUsers[2]', item: role('deployer'), reason: 'is an IAM role ARN in mapUsers, which aws-auth never matched; move it to mapRoles if it should have access' },
      { source: 'mapUsers[3]', item: 'plain', reason: 'not a mapping: expected userarn, username and groups' },
    ]);
    expect(plan.mappingCount).toBe(14);
  });

  test('a mapping with both keys is named by the key of its section', () => {
    const plan = planAwsAuthMigration(configMap(
      [`- rolearn: ${role('ops')}`, `  userarn: ${user('alice')}`, '  groups: [system:foo]'],
      [`- userarn: ${user('bob')}`, `  rolearn: ${role('deployer')}`, '  groups: [system:foo]'],
    ));
    expect(plan.unmappable.map((f) => [f.source, f.item])).toEqual([['mapRoles[0]', role('ops')], ['mapUsers[0]', user('bob')]]);
  });

  test('a principal ARN that cannot have an access entry: the core\'s reason and fix', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: arn:aws:iam::${ACCOUNT}:role/ops team`, '- rolearn: Admin']));
    expect(reasons(plan.unmappable)).toEqual([
      ['mapRoles[0]', `principal 'arn:aws:iam::${ACCOUNT}:role/ops team' contains " " (whitespace); an ARN of one principal has no whitespace and no wildcard; `
        + 'give the ARN of an IAM role (arn:aws:iam::<account>:role/[<path>/]<name>) or user (arn:aws:iam::<account>:user/<name>)'],
      ['mapRoles[1]', "principal 'Admin' is not an ARN; give the ARN of an IAM role (arn:aws:iam::<account>:role/[<path>/]<name>) or user (arn:aws:iam::<account>:user/<name>)"],
    ]);
  });

  test('a mapping that names no valid principal does not make a later mapping of the principal a duplicate', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('ops')}`, '  groups: ops', `- rolearn: ${role('ops')}`, '  groups: [ops]']));
    expect(plan.entries.map((e) => [e.source, e.kubernetesGroups])).toEqual([['mapRoles[1]', ['ops']]]);
    expect(reasons(plan.unmappable)).toEqual([['mapRoles[0]', 'groups is not a list of names']]);
  });

  test('mappings without an ARN are never duplicates of each other', () => {
    const plan = planAwsAuthMigration(configMap(['- groups: [a]', '- groups: [a]']));
    expect(reasons(plan.unmappable)).toEqual([['mapRoles[0]', 'has no rolearn'], ['mapRoles[1]', 'has no rolearn']]);
  });

  test('a duplicate whose groups are the same set in another order, or written twice, loses nothing', () => {
    const plan = planAwsAuthMigration(configMap([
      `- rolearn: ${role('ops')}`, '  username: ops', '  groups: [a, b]',
      `- rolearn: ${role('ops')}`, '  username: ops', '  groups: [b, a, b]',
      `- rolearn: ${role('ops')}`, '  username: other', '  groups: [a, b]',
    ]));
    expect(plan.notes.map((n) => n.source)).toEqual(['mapRoles[1]']);
    expect(plan.unmappable.map((u) => u.source)).toEqual(['mapRoles[2]']);
  });

  test('a second mapping whose groups are not a list differs from the first', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('ops')}`, '  groups: [ops]', `- rolearn: ${role('ops')}`, '  groups: ops']));
    expect(plan.entries.map((e) => e.source)).toEqual(['mapRoles[0]']);
    expect(reasons(plan.unmappable)).toEqual([['mapRoles[1]', 'duplicate: mapRoles[0] already maps this principal (aws-auth compares roles without their path), '
      + 'and a principal has one access entry; the mappings differ, so merge what this one grants into the first by hand']]);
  });

  test('a duplicate whose groups differ: the mappings differ', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('ops')}`, '  groups: [a]', `- rolearn: ${role('ops')}`, '  groups: [b]']));
    expect(reasons(plan.unmappable)).toEqual([['mapRoles[1]', 'duplicate: mapRoles[0] already maps this principal (aws-auth compares roles without their path), '
      + 'and a principal has one access entry; the mappings differ, so merge what this one grants into the first by hand']]);
  });

  test('mappings whose rolearn is empty, a list or a map are never duplicates of each other', () => {
    for (const value of ['""', '[a]', '{a: b}']) {
      const plan = planAwsAuthMigration(configMap([`- rolearn: ${value}`, '  groups: [a]', `- rolearn: ${value}`, '  groups: [a]']));
      expect(plan.notes).toEqual([]);
      expect(plan.unmappable.map((u) => u.source)).toEqual(['mapRoles[0]', 'mapRoles[1]']);
      expect(plan.unmappable.every((u) => !u.reason.startsWith('duplicate:'))).toBe(true);
    }
  });

  test('a mapping with both rolearn and userarn is named by the ARN of its section', () => {
    const both = [`- rolearn: ${role('ops')}`, `  userarn: ${user('alice')}`, '  groups: [a]'];
    const items = (plan: { entries: unknown[]; notes: Array<{ item: string }>; unmappable: Array<{ item: string }> }) =>
      [...plan.notes, ...plan.unmappable].map((f) => f.item);
    expect(items(planAwsAuthMigration(configMap([...both, ...both])))).toContain(role('ops'));
    expect(items(planAwsAuthMigration(configMap([], [...both, ...both])))).toContain(user('alice'));
  });

  test('mapAccounts entries that are not account ids are named as written', () => {
    const plan = planAwsAuthMigration('mapAccounts:\n  - a: b\n  - "012345678901"\n');
    expect(plan.unmappable.map((u) => u.item)).toEqual(['{"a":"b"}', '012345678901']);
    expect(plan.unmappable[0].reason).toBe('mapAccounts lets every IAM user and role of account {"a":"b"} in (with its ARN as username and no groups); '
      + 'access entries are per principal, so add an access entry for each principal of that account that needs access');
  });
});

describe('groups and usernames', () => {
  test('empty groups, the empty username and groups given twice', () => {
    const plan = planAwsAuthMigration(configMap([
      `- rolearn: ${role('a')}`, '  groups: ""', '  username: ""',
      `- rolearn: ${role('b')}`, '  groups:', '  username: b',
      `- rolearn: ${role('c')}`, '  groups: [x, x, y]',
    ]));
    expect(plan.entries.map((e) => [e.source, e.kubernetesGroups, e.username])).toEqual([
      ['mapRoles[0]', [], undefined], ['mapRoles[1]', [], 'b'], ['mapRoles[2]', ['x', 'y'], undefined],
    ]);
    expect(reasons(plan.notes)).toEqual([['mapRoles[0]', ONLY_AUTHENTICATES]]);
  });

  test('system: groups in any letter case, and groups that are not group names, are not carried over', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('ops')}`, '  groups: ["ops team", "", System:Monitoring, system:masters, ok]']));
    expect(plan.entries.map((e) => [e.kubernetesGroups, e.accessPolicies.map((p) => p.policyName)])).toEqual([[['ok'], ['AmazonEKSClusterAdminPolicy']]]);
    expect(reasons(plan.unmappable)).toEqual([
      ['mapRoles[0]', "groups System:Monitoring are not carried over: access entries reject groups starting with 'system:' (only system:masters has a replacement, AmazonEKSClusterAdminPolicy); bind the access with RBAC to a group of your own"],
      ['mapRoles[0]', 'Kubernetes group \'ops team\' contains " " (whitespace), so it is not carried over; remove the whitespace'],
      ['mapRoles[0]', 'a Kubernetes group name is empty, so it is not carried over; give every group a name'],
    ]);
    expect(plan.notes).toEqual([]);
  });

  test('an entry whose only groups were not carried over gets no "maps no groups" note', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('a')}`, '  groups: [system:monitoring]', `- rolearn: ${role('b')}`, '  groups: ["a b"]']));
    expect(plan.entries.map((e) => e.kubernetesGroups)).toEqual([[], []]);
    expect(plan.notes).toEqual([]);
  });

  test('system:authenticated alone: dropped, and the entry only authenticates', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('a')}`, '  groups: [system:authenticated, system:authenticated]']));
    expect(reasons(plan.notes)).toEqual([
      ['mapRoles[0]', 'group system:authenticated dropped: every authenticated identity has it, so mapping it granted nothing'],
      ['mapRoles[0]', ONLY_AUTHENTICATES],
    ]);
  });
});

describe('node mappings', () => {
  test('Fargate wins over Windows, the session username makes hybrid nodes, the rest are EC2 Linux', () => {
    const plan = planAwsAuthMigration(configMap([
      `- rolearn: ${role('fargate')}`, '  groups: [system:bootstrappers, system:nodes, system:node-proxier, eks:kube-proxy-windows]',
      `- rolearn: ${role('hybrid')}`, '  username: system:node:{{SessionName}}', `  ${NODE_GROUPS}`,
      `- rolearn: ${role('linux')}`, '  username: system:node:{{EC2PrivateDNSName}}', `  ${NODE_GROUPS}`,
      `- rolearn: ${role('half')}`, '  groups: [system:nodes]',
    ]), { managedNodeRoleArns: [] });
    expect(plan.entries.map((e) => [e.source, e.type])).toEqual([
      ['mapRoles[1]', AccessEntryType.HYBRID_LINUX], ['mapRoles[2]', AccessEntryType.EC2_LINUX], ['mapRoles[3]', AccessEntryType.STANDARD],
    ]);
    expect(plan.notes.map((n) => n.source)).toEqual(['mapRoles[0]']);
    expect(plan.unmappable.map((u) => u.reason)).toEqual([
      "groups system:nodes are not carried over: access entries reject groups starting with 'system:' (only system:masters has a replacement, AmazonEKSClusterAdminPolicy); bind the access with RBAC to a group of your own",
    ]);
  });

  test('hybrid nodes are never taken for a managed node group; other node roles are, without the list', () => {
    const plan = planAwsAuthMigration(configMap([
      `- rolearn: ${role('hybrid')}`, '  username: system:node:{{SessionName}}', `  ${NODE_GROUPS}`,
      `- rolearn: ${role('linux')}`, '  username: system:node:{{EC2PrivateDNSName}}', `  ${NODE_GROUPS}`,
    ]));
    expect(reasons(plan.notes)).toEqual([['mapRoles[1]', SELF_MANAGED('EC2_LINUX')]]);
  });

  test('a node role missing from a complete role list, and one with a path: the role resolution applies to nodes too', () => {
    const plan = planAwsAuthMigration(configMap([
      `- rolearn: ${role('gone')}`, '  username: system:node:{{EC2PrivateDNSName}}', `  ${NODE_GROUPS}`,
      '- rolearn: arn:aws:iam::222233334444:role/nodes/NodeRole', '  username: system:node:{{EC2PrivateDNSName}}', `  ${NODE_GROUPS}`,
    ]), { completeRoleAccounts: [ACCOUNT], managedNodeRoleArns: [], clusterAccount: '222233334444' });
    expect(reasons(plan.unmappable)).toEqual([
      ['mapRoles[0]', `a node role of account ${ACCOUNT}, not of the cluster's account 222233334444: EKS takes node roles (EC2_LINUX) of the cluster's account only, `
        + 'so nodes with this role cannot join once the ConfigMap is gone; give them a node role of account 222233334444, or acknowledge if the nodes are gone'],
    ]);
    const same = planAwsAuthMigration(configMap([`- rolearn: ${role('gone')}`, '  username: system:node:{{EC2PrivateDNSName}}', `  ${NODE_GROUPS}`]),
      { completeRoleAccounts: [ACCOUNT], managedNodeRoleArns: [] });
    expect(reasons(same.unmappable)).toEqual([['mapRoles[0]', `role gone is not among the roles of account ${ACCOUNT} that were given, so it no longer exists and EKS would refuse its access entry; `
      + 'remove the mapping (or acknowledge it), or give the role\'s ARN if the list was incomplete']]);
    expect(same.entries).toEqual([]);
    expect(reasons(plan.notes)).toEqual([['mapRoles[1]', 'role path \'/nodes/\' kept as written: an access entry needs the role\'s real ARN, path included (aws-auth compared roles without it); '
      + 'check that it is the role\'s path, or give the real role ARNs']]);
    expect(plan.entries.map((e) => [e.principalArn, e.principalArnVerified])).toEqual([['arn:aws:iam::222233334444:role/nodes/NodeRole', false]]);
  });

  test('managed node roles known only at deploy time: a self-managed node role might be one of them', () => {
    const NOTE = 'planned as the role of self-managed nodes (EC2_LINUX); some managed node group or Fargate profile roles are known only at deploy time, '
      + 'so whether one of them is this role cannot be told: if it is, exclude the mapping (EKS has made its access entry already)';
    const yaml = configMap([`- rolearn: ${role('linux')}`, '  username: system:node:{{EC2PrivateDNSName}}', `  ${NODE_GROUPS}`,
      `- rolearn: ${role('hybrid')}`, '  username: system:node:{{SessionName}}', `  ${NODE_GROUPS}`]);
    for (const unknown of [TOKEN, `arn:aws:iam::${TOKEN}:role/ng`, `arn:aws:iam::${ACCOUNT}:role/${TOKEN}`]) {
      expect(reasons(planAwsAuthMigration(yaml, { managedNodeRoleArns: [role('other'), unknown] }).notes)).toEqual([['mapRoles[0]', NOTE]]);
    }
    expect(planAwsAuthMigration(yaml, { managedNodeRoleArns: [role('other')] }).notes).toEqual([]);
  });

  test('the node username EKS gives each type is kept silently', () => {
    const plan = planAwsAuthMigration(configMap([
      `- rolearn: ${role('win')}`, '  username: system:node:{{EC2PrivateDNSName}}', '  groups: [system:bootstrappers, system:nodes, eks:kube-proxy-windows]',
      `- rolearn: ${role('hybrid')}`, '  username: system:node:{{SessionName}}', `  ${NODE_GROUPS}`,
    ]), { managedNodeRoleArns: [] });
    expect(plan.entries.map((e) => e.type)).toEqual([AccessEntryType.EC2_WINDOWS, AccessEntryType.HYBRID_LINUX]);
    expect(plan.notes).toEqual([]);
  });
});

describe('deploy-time values', () => {
  test('a role ARN that is one deploy-time value is planned as written', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: "${TOKEN}"`, '  groups: [ops]']), { completeRoleAccounts: [ACCOUNT] });
    expect(plan.entries.map((e) => [e.principalArn, e.principalArnVerified, e.kubernetesGroups])).toEqual([[TOKEN, true, ['ops']]]);
    expect(plan.unmappable).toEqual([]);
  });

  test('a node role ARN that is one deploy-time value: a node entry, whatever the cluster\'s account', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: "${TOKEN}"`, '  username: system:node:{{EC2PrivateDNSName}}', `  ${NODE_GROUPS}`]),
      { clusterAccount: '222233334444', managedNodeRoleArns: [] });
    expect(plan.entries.map((e) => [e.principalArn, e.type])).toEqual([[TOKEN, AccessEntryType.EC2_LINUX]]);
    expect(plan.unmappable).toEqual([]);
  });

  test('a role ARN with a deploy-time account or name is not looked up', () => {
    const arns = [`arn:aws:iam::${TOKEN}:role/ops`, `arn:aws:iam::${ACCOUNT}:role/${TOKEN}`];
    const plan = planAwsAuthMigration(configMap(arns.flatMap((arn) => [`- rolearn: "${arn}"`, '  groups: [ops]'])), { completeRoleAccounts: [ACCOUNT] });
    expect(plan.entries.map((e) => [e.principalArn, e.principalArnVerified])).toEqual(arns.map((arn) => [arn, true]));
  });

  test('a deploy-time cluster account is not used: the account is inferred', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('a')}`]), { clusterAccount: TOKEN });
    expect([plan.clusterAccount, plan.clusterAccountInferred]).toEqual([ACCOUNT, true]);
  });
});

describe('the cluster\'s account', () => {
  test('inferred from the account most principals are in; on a tie, the first', () => {
    const tie = planAwsAuthMigration(configMap([`- rolearn: ${role('a', '222233334444')}`], [`- userarn: ${user('b')}`]));
    expect([tie.clusterAccount, tie.clusterAccountInferred]).toEqual(['222233334444', true]);
    const most = planAwsAuthMigration(configMap([
      `- rolearn: ${role('a', '222233334444')}`, `- rolearn: ${role('b')}`, `- rolearn: ${role('c')}`,
      '- rolearn: arn:aws:iam::aws:role/d', `- rolearn: "arn:aws:iam::${TOKEN}:role/e"`, '- nothing',
    ]), { managedNodeRoleArns: [role('x', '222233334444'), role('y', '222233334444')] });
    expect(most.clusterAccount).toBe(ACCOUNT);
    const node = `- rolearn: ${role('n', '222233334444')}\n      username: system:node:{{EC2PrivateDNSName}}\n      ${NODE_GROUPS}`;
    expect(planAwsAuthMigration(configMap([node, `- rolearn: ${role('b')}`, `- rolearn: ${role('c')}`], [`- userarn: ${user('d')}`]), { managedNodeRoleArns: [] }).unmappable[0].reason)
      .toContain('(inferred: 3 of the 4 mapped principals are in it; give the cluster\'s account if it is another)');
  });

  test('no principals: no account, and the plan says so', () => {
    expect(planAwsAuthMigration('[]')).toEqual({
      mappingCount: 0,
      entries: [],
      unmappable: [],
      notes: [],
      clusterAccountInferred: false,
      recommendedAuthenticationMode: AuthenticationMode.API_AND_CONFIG_MAP,
      authenticationModePath: [AuthenticationMode.API_AND_CONFIG_MAP, AuthenticationMode.API],
    });
  });

  test('accounts that are not 12 digits or are only known at deploy time are not counted, even when most mappings have them', () => {
    const plan = planAwsAuthMigration(configMap([
      '- rolearn: arn:aws:iam::aws:role/a', '- rolearn: arn:aws:iam::12345:role/b',
      `- rolearn: "arn:aws:iam::${TOKEN}:role/c"`, `- rolearn: "arn:aws:iam::${TOKEN}:role/d"`, `- rolearn: ${role('e')}`,
    ]));
    expect([plan.clusterAccount, plan.clusterAccountInferred]).toEqual([ACCOUNT, true]);
  });

  test('given: the plan carries it, not inferred', () => {
    const plan = planAwsAuthMigration('[]', { clusterAccount: '222233334444' });
    expect([plan.clusterAccount, plan.clusterAccountInferred]).toEqual(['222233334444', false]);
  });
});

describe('planOptionsProblem', () => {
  test.each<[string, object]>([
    ['no options', {}],
    ['the same role ARN twice', { roleArns: [role('a'), role('a')] }],
    ['roles of the same name in two accounts', { roleArns: [role('a'), role('a', '222233334444')] }],
    ['deploy-time managed node roles and accounts', { managedNodeRoleArns: [TOKEN], completeRoleAccounts: [TOKEN], clusterAccount: TOKEN }],
  ])('%s', (_what, options) => {
    expect(planOptionsProblem(options)).toBeUndefined();
  });

  test.each([TOKEN, `arn:aws:iam::${TOKEN}:role/a`])('a role ARN known only at deploy time: %s', (arn) => {
    expect(planOptionsProblem({ roleArns: [arn] })).toEqual({
      problem: `role ARN '${arn}' is known only at deploy time, so no mapping can be matched with it`,
      fix: 'give the role\'s ARN as text, e.g. arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef',
    });
  });

  test('the first problem is reported: role ARNs, then managed node roles, then accounts', () => {
    expect(planOptionsProblem({ roleArns: ['x'], managedNodeRoleArns: ['y'], clusterAccount: 'z' })?.problem).toBe("role ARN 'x' is not an ARN");
    expect(planOptionsProblem({ managedNodeRoleArns: [role('ok'), 'y'], clusterAccount: 'z' })?.problem).toBe("managed node role ARN 'y' is not an ARN");
    expect(planOptionsProblem({ completeRoleAccounts: [ACCOUNT, 'w'], clusterAccount: 'z' })?.problem).toBe("complete role list account 'w' is not a 12-digit account id");
  });

  test('the plan refuses options with a problem', () => {
    expect(() => planAwsAuthMigration('[]', { roleArns: [TOKEN] })).toThrow(new Error(`role ARN '${TOKEN}' is known only at deploy time, so no mapping can be matched with it; `
      + 'give the role\'s ARN as text, e.g. arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef'));
  });
});

describe('awsAuthEntryId', () => {
  const entry = (principalArn: string, source = 'mapRoles[0]'): AwsAuthMigrationEntry => ({
    source, principalArn, principalArnVerified: true, type: AccessEntryType.STANDARD, kubernetesGroups: [], accessPolicies: [],
  });

  test('the role or user name (without the path), unique among the ids used', () => {
    const used = new Set<string>();
    expect(awsAuthEntryId(entry(role('a/b/Admin')), used)).toBe('role-Admin');
    expect(awsAuthEntryId(entry(role('Admin')), used)).toBe('role-Admin-2');
    expect(awsAuthEntryId(entry(role('x/Admin')), used)).toBe('role-Admin-3');
    expect(awsAuthEntryId(entry(user('alice.smith@example')), used)).toBe('user-alice-smith-example');
    expect(awsAuthEntryId(entry(TOKEN, 'mapUsers[12]'), used)).toBe('mapUsers12');
    expect(awsAuthEntryId(entry(TOKEN, 'mapUsers[12]'), used)).toBe('mapUsers12-2');
    expect([...used]).toEqual(['role-Admin', 'role-Admin-2', 'role-Admin-3', 'user-alice-smith-example', 'mapUsers12', 'mapUsers12-2']);
  });

  test('a run of characters an id cannot hold is one hyphen', () => {
    expect(awsAuthEntryId(entry(user('a+=,.@b')), new Set())).toBe('user-a-b');
    // A user keeps its path in the id, and a path may hold ':' (IAM paths are printable ASCII).
    expect(awsAuthEntryId(entry(user('team:a/alice')), new Set())).toBe('user-team-a-alice');
  });
});

describe('which mappings claim their principal (a later mapping of it is a duplicate)', () => {
  const NODE_PROXIER = 'groups: [system:bootstrappers, system:nodes, system:node-proxier]';
  /** Whether the second of two identical mappings is reported as a duplicate of the first. */
  const secondIsDuplicate = (lines: string[], options = {}, section: 'mapRoles' | 'mapUsers' = 'mapRoles') => {
    const plan = planAwsAuthMigration(section === 'mapRoles' ? configMap([...lines, ...lines]) : configMap([], [...lines, ...lines]), options);
    return [...plan.notes, ...plan.unmappable].some((f) => f.source === `${section}[1]` && f.reason.startsWith('duplicate:'));
  };

  test.each<[string, string[], object]>([
    ['a Fargate pod execution role', [`- rolearn: ${role('fargate')}`, `  ${NODE_PROXIER}`], {}],
    ['the node role of a managed node group', [`- rolearn: ${role('nodes')}`, `  ${NODE_GROUPS}`], { managedNodeRoleArns: [role('nodes')] }],
    ['a node role of another account', [`- rolearn: ${role('nodes', '444455556666')}`, `  ${NODE_GROUPS}`], { clusterAccount: ACCOUNT }],
    ['an IAM Identity Center role written without its path', [`- rolearn: ${role('AWSReservedSSO_Admin_0123456789abcdef')}`, '  groups: [system:masters]'], {}],
    ['a managed node group\'s role mapped to groups', [`- rolearn: ${role('nodes')}`, '  groups: [devs]'], { managedNodeRoleArns: [role('nodes')] }],
    ['a self-managed node role', [`- rolearn: ${role('nodes')}`, `  ${NODE_GROUPS}`], {}],
    ['a node role that is not among the roles of its account', [`- rolearn: ${role('gone')}`, `  ${NODE_GROUPS}`], { completeRoleAccounts: [ACCOUNT], roleArns: [role('other')] }],
  ])('%s does', (_what, lines, options) => {
    expect(secondIsDuplicate(lines, options)).toBe(true);
  });

  test('node groups on an IAM user do not: each mapping is reported on its own', () => {
    expect(secondIsDuplicate([`- userarn: ${user('node')}`, `  ${NODE_GROUPS}`], {}, 'mapUsers')).toBe(false);
  });
});

describe('groups that are not carried over are named', () => {
  const reasonsOf = (lines: string[]) => {
    const plan = planAwsAuthMigration(configMap(lines));
    return [...plan.notes, ...plan.unmappable].map((f) => f.reason);
  };

  test('the extra groups of a node role', () => {
    expect(reasonsOf([`- rolearn: ${role('nodes')}`, '  groups: [system:bootstrappers, system:nodes, devs, ops]']))
      .toContainEqual(expect.stringMatching(/^groups devs, ops are not carried over: an access entry of type EC2_LINUX has no groups/));
  });

  test('the system: groups of a principal', () => {
    expect(reasonsOf([`- rolearn: ${role('ops')}`, '  groups: [system:foo, system:bar, devs]']))
      .toContainEqual(expect.stringMatching(/^groups system:foo, system:bar are not carried over: access entries reject groups starting with 'system:'/));
  });
});

describe('what a principal mapping keeps', () => {
  test('groups: no note that it only authenticates, and no username key when none is mapped', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('ops')}`, '  groups: [devs]']));
    expect(plan.notes).toEqual([]);
    expect(plan.unmappable).toEqual([]);
    expect(Object.keys(plan.entries[0])).not.toContain('username');
    expect(plan.entries[0].kubernetesGroups).toEqual(['devs']);
  });

  test.each([
    ['system:masters only (the cluster admin policy)', '  groups: [system:masters]'],
    ['a username only', '  username: ops'],
    ['a system: group only (reported)', '  groups: [system:foo]'],
    ['an invalid group only (reported)', '  groups: ["with space"]'],
  ])('%s: no note that it only authenticates', (_what, line) => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('ops')}`, line]));
    expect(plan.notes.map((n) => n.reason)).not.toContain(ONLY_AUTHENTICATES);
  });

  test('nothing but the ARN: the note that it only authenticates', () => {
    const plan = planAwsAuthMigration(configMap([`- rolearn: ${role('ops')}`]));
    expect(plan.notes.map((n) => n.reason)).toEqual([ONLY_AUTHENTICATES]);
  });
});
