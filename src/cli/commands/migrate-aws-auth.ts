import { AwsAuthMigrationEntry, AwsAuthMigrationPlan, AwsAuthMigrationPlanOptions } from '../../access/aws-auth/aws-auth-plan';
import { awsAuthEntryId, planAwsAuthMigration, planOptionsProblem } from '../../access/aws-auth/private/aws-auth-planner';
import { readIamRoleList } from '../../access/aws-auth/private/iam-role-list';
import { AccessEntryType } from '../../core/access-entry-type';
import { AccessPolicy, AccessScopeType, CLUSTER_ADMIN_POLICY_NAME } from '../../core/access-policy';
import { parseIamArn } from '../../core/arn';
import { AuthenticationMode } from '../../core/authentication-mode';
import { EXIT_USAGE, LineWriter } from '../cli-support';

const USAGE = [
  'usage: cdk-eks-identity migrate-aws-auth <file|-> [--format json|ts] [--authentication-mode CONFIG_MAP|API_AND_CONFIG_MAP|API]',
  '                                         [--roles <file|->] [--managed-node-roles <arn,...|file>] [--cluster-account <id>]',
  '',
  '  <file|->                 the aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml),',
  '                           its data, or its mapRoles/mapUsers/mapAccounts text; - reads standard input',
  '  --format json            print the plan as JSON (default)',
  '  --format ts              print TypeScript that grants the same access with cdk-eks-identity',
  '  --authentication-mode M  the cluster\'s current mode (default CONFIG_MAP); the plan never goes backwards',
  '  --roles <file|->         the output of aws iam list-roles (or get-role): the roles\' real ARNs, paths included,',
  '                           which access entries need and aws-auth ARNs lack (IAM Identity Center roles have one);',
  '                           a mapped role missing from a whole list-roles output is reported as gone',
  '  --managed-node-roles R   the roles of the cluster\'s managed node groups and Fargate profiles, comma-separated ARNs',
  '                           or a file of them: EKS makes their access entries itself, so their mappings are left out',
  '                           (aws eks describe-nodegroup --query nodegroup.nodeRole gives a node group\'s role)',
  '  --cluster-account ID     the cluster\'s account, which node roles must be in (default: the account most mappings',
  '                           are in, and the output says so)',
  '',
  'exit code: 0 everything migrates, 1 some mappings cannot be migrated (listed), 2 bad usage or unreadable input',
];

/** Exit codes of the command (and EXIT_USAGE, 2: bad usage or unreadable input). */
const EXIT_OK = 0;
const EXIT_UNMAPPABLE = 1;

interface Options {
  readonly help?: boolean;
  readonly source: string;
  readonly format: 'json' | 'ts';
  readonly mode: AuthenticationMode;
  readonly roles?: string;
  readonly managedNodeRoles?: string;
  readonly clusterAccount?: string;
}

interface Input {
  readFile(path: string): string;
  readStdin(): string;
}

/**
 * `cdk-eks-identity migrate-aws-auth <file|->`: prints what an `aws-auth` ConfigMap becomes as
 * access entries, as JSON (the plan) or as TypeScript using the library. Returns the exit code:
 * non-zero when something cannot be migrated (1) or the input cannot be read (2). The plan goes
 * to `out` (standard output), usage and error messages to `err` (standard error).
 */
export function runMigrateAwsAuth(args: string[], input: Input, out: LineWriter, err: LineWriter): number {
  let options: Options;
  try {
    options = parseArgs(args);
  } catch (e) {
    err(`error: ${(e as Error).message}`);
    USAGE.forEach((line) => err(line));
    return EXIT_USAGE;
  }
  if (options.help) {
    USAGE.forEach((line) => out(line));
    return EXIT_OK;
  }

  let plan: AwsAuthMigrationPlan;
  const read = (file: string) => readInput(input, file);
  let planned: AwsAuthMigrationPlanOptions;
  let text: string;
  try {
    planned = planOptions(options, read);
    text = read(options.source);
  } catch (e) {
    err(`error: ${(e as Error).message}`);
    return EXIT_USAGE;
  }
  // Errors about the ConfigMap name where it came from.
  const source = options.source === '-' ? 'standard input' : options.source;
  try {
    plan = planAwsAuthMigration(text, planned);
  } catch (e) {
    err(`error: ${source}: ${(e as Error).message}`);
    return EXIT_USAGE;
  }

  const lines = options.format === 'ts' ? renderTypeScript(plan, options) : JSON.stringify(planToJson(plan), undefined, 2).split('\n');
  lines.forEach((line) => out(line));
  return plan.unmappable.length > 0 ? EXIT_UNMAPPABLE : EXIT_OK;
}

/**
 * A file of the command line (`-`: standard input) as text; a file that cannot be read throws a
 * message naming it (not the raw system error).
 */
function readInput(input: Input, file: string): string {
  try {
    return file === '-' ? input.readStdin() : input.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    const what = file === '-' ? 'standard input' : file;
    if (code === 'ENOENT') throw new Error(`${what} does not exist`);
    if (code === 'EISDIR') throw new Error(`${what} is a directory, not a file`);
    throw new Error(`cannot read ${what} (${code})`);
  }
}

/** The plan options the command line gives, read and checked (throws naming the option). */
function planOptions(options: Options, read: (file: string) => string): AwsAuthMigrationPlanOptions {
  const roles = options.roles !== undefined ? readIamRoleList(read(options.roles), `--roles ${options.roles}`) : undefined;
  const managedNodeRoleArns = options.managedNodeRoles === undefined ? undefined
    : (options.managedNodeRoles.startsWith('arn:') ? options.managedNodeRoles : read(options.managedNodeRoles))
      .split(/[\s,]+/).filter((arn) => arn.length > 0);
  const planned: AwsAuthMigrationPlanOptions = {
    currentAuthenticationMode: options.mode,
    roleArns: roles?.roleArns,
    completeRoleAccounts: roles?.completeAccounts,
    managedNodeRoleArns,
    clusterAccount: options.clusterAccount,
  };
  const problem = planOptionsProblem(planned);
  if (problem) throw new Error(`${problem.problem}; ${problem.fix}`);
  return planned;
}

function parseArgs(args: string[]): Options {
  let source: string | undefined;
  let format: string = 'json';
  let mode: string = AuthenticationMode.CONFIG_MAP;
  let roles: string | undefined;
  let managedNodeRoles: string | undefined;
  let clusterAccount: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return { help: true, source: '', format: 'json', mode: AuthenticationMode.CONFIG_MAP };
    else if (flag === '--format') format = value();
    else if (flag === '--authentication-mode') mode = value();
    else if (flag === '--roles') roles = value();
    else if (flag === '--managed-node-roles') managedNodeRoles = value();
    else if (flag === '--cluster-account') clusterAccount = value();
    else if (flag.startsWith('--')) throw new Error(`unknown option ${flag}`);
    else if (source === undefined) source = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (source === undefined) throw new Error('give the ConfigMap file, or - for standard input');
  if (format !== 'json' && format !== 'ts') throw new Error(`--format must be json or ts, not ${format}`);
  if (!Object.values(AuthenticationMode).includes(mode as AuthenticationMode)) {
    throw new Error(`--authentication-mode must be one of ${Object.values(AuthenticationMode).join(', ')}, not ${mode}`);
  }
  if (source === '-' && (roles === '-' || managedNodeRoles === '-')) {
    throw new Error('standard input can hold one file: give the ConfigMap or the role list as a file');
  }
  if (roles === '-' && managedNodeRoles === '-') throw new Error('standard input can hold one file: give --roles or --managed-node-roles as a file');
  return { source, format, mode: mode as AuthenticationMode, roles, managedNodeRoles, clusterAccount };
}

/** The partition of a principal ARN (policy ARNs live in the same partition). */
function partitionOf(principalArn: string): string {
  const parsed = parseIamArn(principalArn);
  return parsed && /^aws[a-z-]*$/.test(parsed.partition) ? parsed.partition : 'aws';
}

function planToJson(plan: AwsAuthMigrationPlan): any {
  return {
    mappingCount: plan.mappingCount,
    recommendedAuthenticationMode: plan.recommendedAuthenticationMode,
    authenticationModePath: plan.authenticationModePath,
    ...(plan.clusterAccount !== undefined ? { clusterAccount: plan.clusterAccount } : {}),
    clusterAccountInferred: plan.clusterAccountInferred,
    entries: plan.entries.map((entry) => ({
      source: entry.source,
      principalArn: entry.principalArn,
      principalArnVerified: entry.principalArnVerified,
      type: entry.type,
      kubernetesGroups: entry.kubernetesGroups,
      ...(entry.username !== undefined ? { username: entry.username } : {}),
      accessPolicies: entry.accessPolicies.map((policy) => ({
        policyArn: policy.policyArnInPartition(partitionOf(entry.principalArn)),
        accessScope: policy.scope,
      })),
    })),
    unmappable: plan.unmappable,
    notes: plan.notes,
  };
}

const POLICY_FACTORIES: { [name: string]: string } = {
  AmazonEKSAdminPolicy: 'admin',
  AmazonEKSAdminViewPolicy: 'adminView',
  AmazonEKSEditPolicy: 'edit',
  AmazonEKSViewPolicy: 'view',
  AmazonEKSSecretReaderPolicy: 'secretReader',
};

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, '\\\'')}'`;
}

/** A comment line that cannot end the comment or the line early. */
function comment(text: string): string {
  return `// ${text.replace(/[\r\n]+/g, ' ')}`;
}

function renderPolicy(policy: AccessPolicy): string {
  if (policy.policyName === CLUSTER_ADMIN_POLICY_NAME && policy.scope.type === AccessScopeType.CLUSTER) return 'AccessPolicy.clusterAdmin()';
  const scope = policy.scope.type === AccessScopeType.CLUSTER ? ''
    : `{ type: AccessScopeType.NAMESPACE, namespaces: [${(policy.scope.namespaces ?? []).map(quote).join(', ')}] }`;
  const factory = POLICY_FACTORIES[policy.policyName];
  if (factory) return `AccessPolicy.${factory}(${scope})`;
  return `AccessPolicy.fromName(${[quote(policy.policyName), scope].filter((x) => x).join(', ')})`;
}

function renderEntry(entry: AwsAuthMigrationEntry, used: Set<string>): string[] {
  const options: string[] = [];
  if (entry.type !== AccessEntryType.STANDARD) options.push(`type: AccessEntryType.${entry.type},`);
  if (entry.kubernetesGroups.length > 0) options.push(`kubernetesGroups: [${entry.kubernetesGroups.map(quote).join(', ')}],`);
  if (entry.username !== undefined) options.push(`username: ${quote(entry.username)},`);
  if (entry.accessPolicies.length > 0) options.push(`accessPolicies: [${entry.accessPolicies.map(renderPolicy).join(', ')}],`);
  const call = `cluster.grantAccess(${quote(awsAuthEntryId(entry, used))}, ${quote(entry.principalArn)}`;
  const unchecked = entry.principalArnVerified ? '' : ' (role ARN as the ConfigMap wrote it: right only if that is its path; --roles checks it)';
  return [
    `  ${comment(`${entry.source}${unchecked}`)}`,
    ...(options.length === 0 ? [`  ${call});`] : [`  ${call}, {`, ...options.map((o) => `    ${o}`), '  });']),
  ];
}

function renderTypeScript(plan: AwsAuthMigrationPlan, options: Options): string[] {
  const used = new Set<string>();
  const imports = ['IIdentityCluster'];
  const allPolicies = plan.entries.flatMap((e) => e.accessPolicies);
  if (plan.entries.some((e) => e.type !== AccessEntryType.STANDARD)) imports.push('AccessEntryType');
  if (allPolicies.length > 0) imports.push('AccessPolicy');
  if (allPolicies.some((p) => p.scope.type === AccessScopeType.NAMESPACE)) imports.push('AccessScopeType');
  const [first, ...rest] = plan.authenticationModePath;
  return [
    comment(`Generated by \`cdk-eks-identity migrate-aws-auth ${options.source}\` from ${plan.mappingCount} aws-auth mapping(s).`),
    comment(`Deploy with the cluster in authenticationMode ${first}${rest.length > 0 ? `, check access, then switch to ${rest.join(', then ')} (one-way)` : ''}.`),
    ...(plan.clusterAccountInferred ? [comment(`The cluster's account is taken to be ${plan.clusterAccount}, the account most mappings are in; pass --cluster-account if it is another.`)] : []),
    `import { ${imports.sort().join(', ')} } from 'cdk-eks-identity';`,
    '',
    '/** The aws-auth mappings as access entries. */',
    'export function grantAwsAuthAccess(cluster: IIdentityCluster): void {',
    ...plan.entries.flatMap((entry) => renderEntry(entry, used)),
    ...plan.notes.map((n) => `  ${comment(`NOTE ${n.source} ${n.item}: ${n.reason}`)}`),
    ...plan.unmappable.map((u) => `  ${comment(`NOT MIGRATED ${u.source} ${u.item}: ${u.reason}`)}`),
    '}',
  ];
}
