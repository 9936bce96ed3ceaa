import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';
import * as library from '../../src';
import { runMigrateAwsAuth } from '../../src/cli/commands/migrate-aws-auth';
import { importedCluster, newApp, newStack, REGION } from '../support/fixtures';

const FIXTURES = path.join(__dirname, 'fixtures');

function run(args: string[], stdin = ''): { code: number; output: string } {
  const lines: string[] = [];
  const code = runMigrateAwsAuth(args, {
    readFile: (file) => fs.readFileSync(path.isAbsolute(file) ? file : path.join(FIXTURES, file), 'utf8'),
    readStdin: () => stdin,
  }, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
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
function entriesFromConstruct(file: string, account: string): any[] {
  const configMap = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  const plan = library.AwsAuthMigration.plan(configMap);
  const stack = newStack(newApp(), 'Stack', { env: { account, region: REGION } });
  new library.AwsAuthMigration(stack, 'AwsAuth', {
    cluster: importedCluster(stack, 'Imported', { authenticationMode: library.AuthenticationMode.API_AND_CONFIG_MAP }),
    configMap,
    acknowledged: plan.unmappable.map((u) => ({ item: u.source, reason: 'test' })),
  });
  return accessEntries(stack);
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
    expect(plan.entries[3]).toEqual({
      source: 'mapRoles[3]',
      principalArn: 'arn:aws:iam::111122223333:role/Admin',
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
  test('prints TypeScript that makes the same access entries as AwsAuthMigration', () => {
    for (const [file, account] of [['eksctl-nodegroups.yaml', '111122223333'], ['fargate-sso.yaml', '444455556666'], ['hand-written.yaml', '777788889999']]) {
      const { output } = run([file, '--format=ts']);
      const generated = entriesFromGeneratedCode(output, account);
      expect(generated.length).toBeGreaterThan(0);
      expect(generated).toEqual(entriesFromConstruct(file, account));
    }
  });

  test('lists notes and items it cannot migrate as comments, and matches the snapshot', () => {
    const { code, output } = run(['fargate-sso.yaml', '--format', 'ts']);
    expect(code).toBe(1);
    expect(output).toContain('  // NOT MIGRATED mapRoles[5] arn:aws:iam::444455556666:role/AWSReservedSSO_ReadOnly_fedcba9876543210: duplicate:');
    expect(output).toContain('  // NOTE mapRoles[2] arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_AdministratorAccess_0123456789abcdef: role path');
    expect(output.split('\n').slice(0, 3)).toEqual([
      '// Generated by `cdk-eks-identity migrate-aws-auth fargate-sso.yaml` from 6 aws-auth mapping(s).',
      '// Deploy with the cluster in authenticationMode API_AND_CONFIG_MAP, check access, then switch to API (one-way).',
      'import { AccessEntryType, AccessPolicy, IIdentityCluster } from \'cdk-eks-identity\';',
    ]);
    expect(output).toMatchSnapshot();
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
  ])('%j', (args, message) => {
    const { code, output } = run(args as string[]);
    expect(code).toBe(2);
    expect(output.split('\n')[0]).toBe(message);
    expect(output).toContain('usage: cdk-eks-identity migrate-aws-auth <file|->');
  });

  test('a file that cannot be read or parsed', () => {
    const missing = run(['/nonexistent/aws-auth.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.output).toMatch(/^error: ENOENT: no such file or directory/);
    const broken = run(['-'], 'data: [unclosed');
    expect(broken.code).toBe(2);
    expect(broken.output).toMatch(/^error: the input is not valid YAML: /);
  });

  test('--help prints the usage and exits 0', () => {
    const { code, output } = run(['--help']);
    expect(code).toBe(0);
    expect(output.split('\n')[0]).toBe('usage: cdk-eks-identity migrate-aws-auth <file|-> [--format json|ts] [--authentication-mode CONFIG_MAP|API_AND_CONFIG_MAP|API]');
  });
});
