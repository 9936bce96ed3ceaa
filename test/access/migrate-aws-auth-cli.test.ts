import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';
import * as library from '../../src';
import { runMigrateAwsAuth } from '../../src/cli/commands/migrate-aws-auth';
import { main } from '../../src/cli/main';
import { importedCluster, newApp, newStack, REGION } from '../support/fixtures';

const FIXTURES = path.join(__dirname, 'fixtures');

/** Runs the command; `output` is what it writes to standard output, `errors` to standard error. */
function run(args: string[], stdin = ''): { code: number; output: string; errors: string } {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = runMigrateAwsAuth(args, {
    readFile: (file) => fs.readFileSync(path.isAbsolute(file) ? file : path.join(FIXTURES, file), 'utf8'),
    readStdin: () => stdin,
  }, (line) => lines.push(line), (line) => errors.push(line));
  return { code, output: lines.join('\n'), errors: errors.join('\n') };
}

function accessEntries(stack: Stack): any[] {
  return Object.values<any>(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry')).map((r) => r.Properties);
}

/** Runs the generated TypeScript against the library and returns the access entries it makes. */
function entriesFromGeneratedCode(code: string, account: string): any[] {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const exports: any = {};
  const requireLibrary = (id: string) => {
    expect(id).toBe('cdk-eks-identity');
    return library;
  };
  new Function('require', 'exports', js)(requireLibrary, exports);
  const stack = newStack(newApp(), 'Stack', { env: { account, region: REGION } });
  exports.grantAwsAuthAccess(importedCluster(stack, 'Imported', { authenticationMode: library.AuthenticationMode.API_AND_CONFIG_MAP }));
  return accessEntries(stack);
}

/** The entries AwsAuthMigration makes from the same ConfigMap, with every unmappable item acknowledged. */
function entriesFromConstruct(file: string, account: string, options: library.AwsAuthMigrationPlanOptions = {}): any[] {
  const configMap = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  const stack = newStack(newApp(), 'Stack', { env: { account, region: REGION } });
  const cluster = importedCluster(stack, 'Imported', { authenticationMode: library.AuthenticationMode.API_AND_CONFIG_MAP });
  const plan = library.AwsAuthMigration.plan(configMap, { ...options, clusterAccount: account });
  new library.AwsAuthMigration(stack, 'AwsAuth', {
    cluster,
    configMap,
    roleArns: options.roleArns,
    managedNodeRoleArns: options.managedNodeRoleArns,
    acknowledged: plan.unmappable.map((u) => ({ item: u.source, reason: 'test' })),
  });
  return accessEntries(stack);
}

/** The role ARNs of a list-roles output. */
function listedRoles(file: string): string[] {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')).Roles.map((r: any) => r.Arn);
}

describe('--format json', () => {
  test('prints the plan and exits 0 when everything migrates', () => {
    const { code, output } = run(['eksctl-nodegroups.yaml']);
    expect(code).toBe(0);
    const plan = JSON.parse(output);
    expect(plan.mappingCount).toBe(5);
    expect(plan.recommendedAuthenticationMode).toBe('API_AND_CONFIG_MAP');
    expect(plan.authenticationModePath).toEqual(['API_AND_CONFIG_MAP', 'API']);
    expect(plan.unmappable).toEqual([]);
    expect([plan.clusterAccount, plan.clusterAccountInferred]).toEqual(['111122223333', true]);
    expect(plan.entries[3]).toEqual({
      source: 'mapRoles[3]',
      principalArn: 'arn:aws:iam::111122223333:role/Admin',
      principalArnVerified: false,
      type: 'STANDARD',
      kubernetesGroups: [],
      username: 'admin',
      accessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }],
    });
    expect(plan.entries.map((e: any) => e.type)).toEqual(['EC2_LINUX', 'EC2_LINUX', 'EC2_WINDOWS', 'STANDARD', 'STANDARD']);
  });

  test('exits 1 and lists what cannot be migrated', () => {
    const { code, output } = run(['hand-written.yaml']);
    expect(code).toBe(1);
    const plan = JSON.parse(output);
    expect(plan.unmappable.map((u: any) => u.source)).toEqual([
      'mapRoles[1]', 'mapRoles[2]', 'mapRoles[3]', 'mapRoles[4]', 'mapRoles[5]', 'mapRoles[6]', 'mapRoles[7]', 'mapRoles[8]',
      'mapUsers[1]', 'mapUsers[3]', 'mapAccounts[0]', 'mapAccounts[1]',
    ]);
    expect(plan.unmappable[10]).toEqual({ source: 'mapAccounts[0]', item: '012345678901', reason: expect.stringMatching(/^mapAccounts lets every IAM user and role of account 012345678901 in/) });
  });

  test('reads standard input with -, takes the current mode, and uses the principal\'s partition for policy ARNs', () => {
    const stdin = '- rolearn: arn:aws-cn:iam::111122223333:role/Admin\n  groups: [system:masters]\n';
    const { code, output } = run(['-', '--authentication-mode', 'API'], stdin);
    expect(code).toBe(0);
    const plan = JSON.parse(output);
    expect(plan.authenticationModePath).toEqual(['API']);
    expect(plan.entries[0].accessPolicies[0].policyArn).toBe('arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy');
  });
});

describe('--format ts', () => {
  const SSO_OPTIONS = ['--roles', 'list-roles-444455556666.json', '--managed-node-roles', 'arn:aws:iam::444455556666:role/AmazonEKSNodeRole'];

  test.each([
    ['eksctl-nodegroups.yaml', '111122223333', [], {}],
    ['eksctl-nodegroups.yaml', '111122223333', ['--managed-node-roles', 'arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng1-NodeInstanceRole-1HQ5C3V6LQ3KN'],
      { managedNodeRoleArns: ['arn:aws:iam::111122223333:role/eksctl-myeks-nodegroup-ng1-NodeInstanceRole-1HQ5C3V6LQ3KN'] }],
    ['fargate-sso.yaml', '444455556666', [], {}],
    ['fargate-sso.yaml', '444455556666', SSO_OPTIONS, { roleArns: listedRoles('list-roles-444455556666.json'), managedNodeRoleArns: ['arn:aws:iam::444455556666:role/AmazonEKSNodeRole'] }],
    ['hybrid-nodes.yaml', '555566667777', [], {}],
    ['cross-account.yaml', '666677778888', ['--cluster-account', '666677778888'], {}],
    ['hand-written.yaml', '777788889999', [], {}],
  ])('%s %j makes the same access entries as AwsAuthMigration', (file, account, args, options) => {
    const { output } = run([file, '--format=ts', ...(args as string[])]);
    const generated = entriesFromGeneratedCode(output, account as string);
    expect(generated.length).toBeGreaterThan(0);
    expect(generated).toEqual(entriesFromConstruct(file as string, account as string, options as library.AwsAuthMigrationPlanOptions));
  });

  test('lists notes and items it cannot migrate as comments, and matches the snapshot', () => {
    const { code, output } = run(['fargate-sso.yaml', '--format', 'ts']);
    expect(code).toBe(1);
    expect(output).toContain('  // NOT MIGRATED mapRoles[3] arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210: decision needed:');
    expect(output).toContain('  // NOTE mapRoles[2] arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_AdministratorAccess_0123456789abcdef: role path');
    expect(output).toContain('  // mapRoles[2] (role ARN as the ConfigMap wrote it: right only if that is its path; --roles checks it)');
    expect(output.split('\n').slice(0, 4)).toEqual([
      '// Generated by `cdk-eks-identity migrate-aws-auth fargate-sso.yaml` from 7 aws-auth mapping(s).',
      '// Deploy with the cluster in authenticationMode API_AND_CONFIG_MAP, check access, then switch to API (one-way).',
      '// The cluster\'s account is taken to be 444455556666, the account most mappings are in; pass --cluster-account if it is another.',
      'import { AccessEntryType, AccessPolicy, IIdentityCluster } from \'cdk-eks-identity\';',
    ]);
    expect(output).toMatchSnapshot();
  });

  test('with the real role ARNs and the managed node roles, SSO roles have their paths and the node group is left out', () => {
    const { code, output } = run(['fargate-sso.yaml', '--format', 'ts', ...SSO_OPTIONS, '--cluster-account=444455556666']);
    expect(code).toBe(1);
    expect(output).not.toContain('taken to be');
    expect(output).not.toContain('AccessEntryType');
    expect(output).toContain('  cluster.grantAccess(\'role-AWSReservedSSO-PowerUser-13579bdf2468ace0\', \'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PowerUser_13579bdf2468ace0\', {');
    expect(output.split('\n').filter((l) => l.includes('NOT MIGRATED')).map((l) => l.split(':')[0])).toEqual(['  // NOT MIGRATED mapRoles[6] arn']);
  });
});

describe('--roles, --managed-node-roles and --cluster-account', () => {
  const PLAN = (output: string) => JSON.parse(output);

  test('--roles reads aws iam list-roles: real ARNs, and a mapped role missing from the list is reported as gone', () => {
    const listRoles = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'list-roles-444455556666.json'), 'utf8'));
    listRoles.Roles = listRoles.Roles.filter((r: any) => !r.RoleName.startsWith('AWSReservedSSO_PowerUser'));
    const { code, output } = run(['fargate-sso.yaml', '--roles', '-'], JSON.stringify(listRoles));
    expect(code).toBe(1);
    const plan = PLAN(output);
    expect(plan.entries.filter((e: any) => e.principalArnVerified).map((e: any) => e.source)).toEqual(['mapRoles[0]', 'mapRoles[2]', 'mapRoles[3]']);
    expect(plan.unmappable.map((u: any) => [u.source, u.reason.split(',')[0]])).toEqual([
      ['mapRoles[4]', 'role AWSReservedSSO_PowerUser_13579bdf2468ace0 is not among the roles of account 444455556666 that were given'],
      ['mapRoles[6]', 'duplicate: mapRoles[3] already maps this principal (aws-auth compares roles without their path)'],
    ]);
  });

  test('--roles reads aws iam get-role too, which lists one role (a missing role then stays a decision)', () => {
    const getRole = { Role: { Path: '/aws-reserved/sso.amazonaws.com/ap-northeast-2/', RoleName: 'AWSReservedSSO_ReadOnly_fedcba9876543210', Arn: 'arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_ReadOnly_fedcba9876543210' } };
    const plan = PLAN(run(['fargate-sso.yaml', '--roles', '-'], JSON.stringify(getRole)).output);
    expect(plan.entries.find((e: any) => e.source === 'mapRoles[3]').principalArn).toBe(getRole.Role.Arn);
    expect(plan.unmappable.find((u: any) => u.source === 'mapRoles[4]').reason).toMatch(/^decision needed: /);
  });

  test('--managed-node-roles takes comma-separated ARNs or a file of them', () => {
    const roles = 'arn:aws:iam::444455556666:role/AmazonEKSNodeRole,arn:aws:iam::444455556666:role/eksctl-myeks-cluster-FargatePodExecutionRole-1AB2CD3EF4GH';
    const inline = PLAN(run(['fargate-sso.yaml', '--managed-node-roles', roles]).output);
    expect(inline.entries.map((e: any) => e.source)).toEqual(['mapRoles[2]']);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'managed-')), 'node-roles.txt');
    fs.writeFileSync(file, roles.replace(',', '\n') + '\n');
    expect(PLAN(run(['fargate-sso.yaml', '--managed-node-roles', file]).output)).toEqual(inline);
  });

  test('--cluster-account sets the account node roles must be in', () => {
    const inferred = PLAN(run(['cross-account.yaml']).output);
    expect([inferred.clusterAccount, inferred.clusterAccountInferred]).toEqual(['666677778888', true]);
    const given = PLAN(run(['cross-account.yaml', '--cluster-account', '999900001111']).output);
    expect([given.clusterAccount, given.clusterAccountInferred]).toEqual(['999900001111', false]);
    expect(given.unmappable.map((u: any) => u.item)).toEqual(['arn:aws:iam::666677778888:role/workers-NodeInstanceRole-3K9D2M1XQ7ZP']);
  });

  test.each([
    [['--roles', '-'], '{"Roles": [], "IsTruncated": true, "Marker": "abc"}',
      'error: --roles - is one page of the roles (IsTruncated, NextToken or Marker is set); run aws iam list-roles without --max-items so that it lists every role'],
    [['--roles', '-'], 'Roles:', /^error: --roles - is not JSON \(.*\); give the output of aws iam list-roles --output json$/],
    [['--roles', '-'], '{"Users": []}', 'error: --roles - has neither Roles (aws iam list-roles) nor Role (aws iam get-role)'],
    [['--roles', '-'], '{"Roles": [{"RoleName": "x"}]}', 'error: --roles - Roles[0] has no Arn'],
    [['--roles', '-'], '{"Roles": [{"Path": "/", "RoleName": "a", "Arn": "arn:aws:iam::111122223333:role/team/a"}]}',
      'error: --roles - Roles[0] has Path \'/\' but its Arn has the path \'/team/\''],
    [['--roles', '-'], '{"Role": {"RoleName": "b", "Arn": "arn:aws:iam::111122223333:role/a"}}', 'error: --roles - Role has RoleName \'b\' but its Arn names the role \'a\''],
    [['--roles', '-'], '{"Roles": [{"Arn": "arn:aws:iam::111122223333:user/a"}]}',
      'error: --roles - Roles[0] Arn \'arn:aws:iam::111122223333:user/a\' is not an IAM role ARN; give the ARN of an IAM role, arn:aws:iam::<account>:role/[<path>/]<name>'],
    [['--managed-node-roles', 'arn:aws:iam::111122223333:role/a,arn:aws:sts::111122223333:assumed-role/a/b'], '',
      'error: managed node role ARN \'arn:aws:sts::111122223333:assumed-role/a/b\' is not an IAM role ARN; give the ARN of an IAM role, arn:aws:iam::<account>:role/[<path>/]<name>'],
    [['--cluster-account', '1234'], '', 'error: cluster account \'1234\' is not a 12-digit account id; write the 12-digit account id (leading zeros included)'],
  ])('%j with %j exits 2', (args, stdin, message) => {
    const { code, output, errors } = run(['eksctl-nodegroups.yaml', ...(args as string[])], stdin as string);
    expect(code).toBe(2);
    expect(output).toBe('');
    if (typeof message === 'string') expect(errors).toBe(message);
    else expect(errors).toMatch(message as RegExp);
  });
});

describe('usage errors exit 2', () => {
  test.each([
    [[], 'error: give the ConfigMap file, or - for standard input'],
    [['a.yaml', '--verbose'], 'error: unknown option --verbose'],
    [['a.yaml', 'b.yaml'], 'error: unexpected argument b.yaml'],
    [['a.yaml', '--format', 'yaml'], 'error: --format must be json or ts, not yaml'],
    [['a.yaml', '--format'], 'error: --format needs a value'],
    [['a.yaml', '--authentication-mode', 'api'], 'error: --authentication-mode must be one of CONFIG_MAP, API_AND_CONFIG_MAP, API, not api'],
    [['-', '--roles', '-'], 'error: standard input can hold one file: give the ConfigMap or the role list as a file'],
    [['a.yaml', '--roles', '-', '--managed-node-roles', '-'], 'error: standard input can hold one file: give --roles or --managed-node-roles as a file'],
    [['a.yaml', '--cluster-account'], 'error: --cluster-account needs a value'],
  ])('%j', (args, message) => {
    const { code, output, errors } = run(args as string[]);
    expect(code).toBe(2);
    expect(output).toBe('');
    expect(errors.split('\n')[0]).toBe(message);
    expect(errors).toContain('usage: cdk-eks-identity migrate-aws-auth <file|->');
  });

  test('a file that cannot be read or parsed: a message naming the file, not the system error', () => {
    const missing = run(['/nonexistent/aws-auth.yaml']);
    expect(missing).toEqual({ code: 2, output: '', errors: 'error: /nonexistent/aws-auth.yaml does not exist' });
    expect(run(['eksctl-nodegroups.yaml', '--roles', '/nonexistent/roles.json']))
      .toEqual({ code: 2, output: '', errors: 'error: /nonexistent/roles.json does not exist' });
    expect(run([os.tmpdir()])).toEqual({ code: 2, output: '', errors: `error: ${os.tmpdir()} is a directory, not a file` });
    const broken = run(['-'], 'data: [unclosed');
    expect(broken.code).toBe(2);
    expect(broken.errors).toMatch(/^error: standard input: the input is not valid YAML: /);
  });

  test('through the CLI: a missing file named on standard error, exit 2', () => {
    const lines: string[] = [];
    const errors: string[] = [];
    expect(main(['migrate-aws-auth', 'nofile'], (l) => lines.push(l), (l) => errors.push(l))).toBe(2);
    expect({ lines, errors }).toEqual({ lines: [], errors: ['error: nofile does not exist'] });
  });

  test('an input larger than a ConfigMap can hold exits 2 naming the input, with the size and the fix', () => {
    const big = `${fs.readFileSync(path.join(FIXTURES, 'eksctl-nodegroups.yaml'), 'utf8')}#${'x'.repeat(1024 * 1024)}\n`;
    const { code, errors } = run(['-'], big);
    expect(code).toBe(2);
    expect(errors).toBe(`error: standard input: the aws-auth input is ${Buffer.byteLength(big)} bytes, more than a ConfigMap can hold (1048576 bytes, 1 MiB). Fix: `
      + 'give the ConfigMap as the cluster has it (kubectl get configmap aws-auth -n kube-system -o yaml), or only its data (-o jsonpath=\'{.data}\') when annotations or managed fields make the object larger');
  });

  test('--help prints the usage and exits 0', () => {
    const { code, output } = run(['--help']);
    expect(code).toBe(0);
    expect(output.split('\n')[0]).toBe('usage: cdk-eks-identity migrate-aws-auth <file|-> [--format json|ts] [--authentication-mode CONFIG_MAP|API_AND_CONFIG_MAP|API]');
  });
});
