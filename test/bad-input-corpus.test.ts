import * as fs from 'fs';
import * as path from 'path';
import { Annotations as CoreAnnotations, App, Aws, Duration, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  AccessEntryType, AccessPolicy, AccessScopeType, AwsAuthMigration, CheckInput, EksIdentityChecks, IdentityCluster, IdentityMode, IIdentityCluster,
  PodIdentityTargetRole, WorkloadPlatform,
} from '../src';
import { irsaRole, manifest, tempDirectory, writeFiles } from './cli/assembly-files';
import { ACCOUNT, ENV, importedCluster, ISSUER_A, ISSUER_B, newCluster, OTHER_ACCOUNT, providerArnOf, REGION } from './support/fixtures';
import { main } from '../src/cli/main';

/*
 * The bad-input corpus: wrong or risky inputs a user gives, and what each one gets. Every case but
 * the `ok` ones observes an outcome and a message and asserts all four:
 *
 * - an error: a synth-time `<construct path>: <problem>. Fix: <fix>` (the core's error format);
 * - a warning: a synth warning on the construct, `<problem>. Fix: <fix>`;
 * - a rule: the finding of a rule of the pack (its id and level), at `<stack>/<logical id>
 *   (<construct path>)`, with its message and fix;
 * - a command: `cdk-eks-identity` through `main([...])`, its exit code, and `error: <file>:
 *   <problem>. Fix: <fix>` (or a `warning:` line on standard error, or a plan item of
 *   `migrate-aws-auth` at its place in the ConfigMap);
 *
 * the path, the cause and a fix that addresses the cause. `ok` means the input is fine (a near
 * miss of a wrong one) and asserts what it gets. The categories are the items of the issue that
 * asked for the corpus ("Every wrong input fails at synth"), numbered as there. Grow it with every
 * validation.
 */

const CATEGORY = {
  IMPORT: '1 imported clusters',
  POD: '2 pod identity',
  ACCESS: '3 access entries',
  RBAC: '4 RBAC groups',
  CRASH: '5 no crash, no misleading message',
  AUTO: '6 AUTO never picks pod identity where it cannot work',
  AUTH: '7 aws-auth migration (construct and CLI)',
  CLI: '8 the CLI on malformed assemblies',
  RULES: '9 rules a reviewer would expect',
  ADMIN: '10 the deployer\'s hidden admin',
  KNOBS: 'names and knobs (beyond items 1-10)',
};

interface Context {
  readonly app: App;
  readonly stack: Stack;
  /** An imported cluster (`Stack/Imported`) with the pod identity agent. */
  readonly cluster: IIdentityCluster;
}

/** What a case observed: what happened, where, why and what to do. */
interface Observation {
  readonly outcome: string;
  readonly path: string;
  readonly problem: string;
  readonly fix: string;
}

interface Expected {
  readonly outcome: string;
  readonly path: string | RegExp;
  readonly problem: RegExp;
  readonly fix: RegExp;
}

interface Case {
  readonly category: string;
  readonly name: string;
  /** Observes the outcome (asserting cases), or asserts by itself (`ok` cases). */
  readonly run: (c: Context) => Observation | unknown;
  readonly expected?: Expected;
}

const ROLE = `arn:aws:iam::${ACCOUNT}:role/Dev`;
const ID = '0123456789ABCDEF0123456789ABCDEF';
const EKS_ISSUER = `https://oidc.eks.${REGION}.amazonaws.com/id/${ID}`;
const CASES: Case[] = [];

function context(): Context {
  // With construct paths in the templates' Metadata, as the CDK CLI writes them (findings name them).
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'Stack', { env: ENV });
  return { app, stack, cluster: importedCluster(stack) };
}

/** `<path>: <problem>. Fix: <fix>` split into its parts. */
function parseMessage(text: string): { path: string; problem: string; fix: string } | undefined {
  const line = /^(.+?): (.+)\. Fix: (.+)$/s.exec(text);
  return line ? { path: line[1], problem: line[2], fix: line[3] } : undefined;
}

/** The error an action throws, as an observation (a validation at synth reports the same text on a line of its report). */
function observeError(act: () => unknown, errorPath: string): Observation {
  let message: string | undefined;
  try {
    act();
  } catch (e) {
    message = (e as Error).message;
  }
  if (message === undefined) return { outcome: 'no error', path: '', problem: '', fix: '' };
  const text = message.startsWith('Validation failed')
    ? message.split('\n').map((l) => l.replace(/^\s*\[[^\]]*\] /, '')).find((l) => l.startsWith(`${errorPath}: `)) ?? message
    : message;
  const parts = parseMessage(text);
  return parts ? { outcome: 'error', ...parts } : { outcome: 'error without a fix', path: '', problem: text, fix: '' };
}

const expected = (outcome: string, where: string | RegExp, problem: RegExp, fix: RegExp): Expected => ({ outcome, path: where, problem, fix });

/** A synth-time error `<path>: <problem>. Fix: <fix>`. */
const fail = (category: string, name: string, act: (c: Context) => unknown, errorPath: string, problem: RegExp, fix: RegExp) =>
  CASES.push({ category, name, run: (c) => observeError(() => act(c), errorPath), expected: expected('error', errorPath, problem, fix) });

/** A synth warning on a construct, `<problem>. Fix: <fix>`. */
const warn = (category: string, name: string, act: (c: Context) => unknown, warningPath: string, problem: RegExp, fix: RegExp) =>
  CASES.push({
    category,
    name,
    run: (c) => {
      act(c);
      const messages = Annotations.fromStack(c.stack).findWarning(`/${warningPath}`, Match.anyValue()).map((w) => String(w.entry.data));
      const parts = messages.map((m) => /^(.+?)\. Fix: (.+)$/s.exec(m)).find((m) => m !== null && problem.test(m[1]));
      return parts ? { outcome: 'warning', path: warningPath, problem: parts[1], fix: parts[2] }
        : { outcome: `no such warning (${messages.join(' | ')})`, path: warningPath, problem: '', fix: '' };
    },
    expected: expected('warning', warningPath, problem, fix),
  });

const ok = (category: string, name: string, act: (c: Context) => unknown) => CASES.push({ category, name, run: act });

/**
 * The stack's template as the rule pack reads it from a cloud assembly: with the stack's account and
 * region, and the Kubernetes objects of the imported cluster's chart (written next to the template).
 */
function inputOf(c: Context): CheckInput {
  return {
    stackName: c.stack.stackName,
    template: Template.fromStack(c.stack).toJSON(),
    kubernetesManifests: c.cluster.kubernetesObjects.chart.toJson(),
    account: c.stack.account,
    region: c.stack.region,
  };
}

/** A finding of one rule over the stack's template. */
const rule = (category: string, name: string, build: (c: Context) => unknown, ruleId: string, level: string, at: string | RegExp,
  problem: RegExp, fix: RegExp) =>
  CASES.push({
    category,
    name,
    run: (c) => {
      build(c);
      const findings = EksIdentityChecks.checkTemplates([inputOf(c)]).filter((f) => f.ruleId === ruleId);
      const finding = findings.find((f) => problem.test(f.message)) ?? findings[0];
      // A finding on a Kubernetes object has no logical id: its message names the object.
      const where = (f: typeof finding) => (f.logicalId === undefined ? `${f.stackName} (Kubernetes objects)`
        : `${f.stackName}/${f.logicalId}${f.constructPath ? ` (${f.constructPath})` : ''}`);
      return finding
        ? { outcome: `${finding.ruleId} ${finding.level}`, path: where(finding), problem: finding.message, fix: finding.fix }
        : { outcome: `no ${ruleId} finding`, path: '', problem: '', fix: '' };
    },
    expected: expected(`${ruleId} ${level}`, at, problem, fix),
  });

/** The rule ids the pack reports on the stack. */
const ruleIds = (c: Context) => EksIdentityChecks.checkTemplates([inputOf(c)]).map((f) => f.ruleId);

/** Runs the command line, collecting standard output and standard error. */
function command(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, (line) => out.push(line), (line) => err.push(line));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A text with a temporary directory (and its parent) written as `<dir>` (and `<parent>`). */
function relative(text: string, dir: string): string {
  return text.split(dir).join('<dir>').split(path.dirname(dir)).join('<parent>');
}

/** A command that refuses its input: `error: <file>: <problem>. Fix: <fix>` on standard error, nothing on standard output, the file relative to `<dir>`. */
const refuse = (category: string, name: string, run: () => { dir: string; args: string[] }, code: number, file: string,
  problem: RegExp, fix: RegExp) =>
  CASES.push({
    category,
    name,
    run: () => {
      const { dir, args } = run();
      const result = command(args);
      // Errors go to standard error; standard output stays empty (it may be redirected into a SARIF file).
      const parts = result.out === '' ? parseMessage(relative(result.err.split('\n')[0].replace(/^error: /, ''), dir)) : undefined;
      return { outcome: `exit ${result.code}`, ...(parts ?? { path: '', problem: result.out || result.err, fix: '' }) };
    },
    expected: expected(`exit ${code}`, file, problem, fix),
  });

// ---------------------------------------------------------------------------------------------
// 1. Imported clusters
const { IMPORT } = CATEGORY;
const attrs = (c: Context, more: any) => IdentityCluster.fromClusterAttributes(c.stack, 'X', { clusterName: 'x', openIdConnectIssuerUrl: EKS_ISSUER, ...more });
const DESCRIBE = /aws eks describe-cluster --name <cluster> --query cluster\.identity\.oidc\.issuer/;
for (const [name, url, problem, fix] of [
  ['an empty issuer', '', /openIdConnectIssuerUrl is empty/, DESCRIBE],
  ['a blank issuer', '   ', /openIdConnectIssuerUrl is empty/, DESCRIBE],
  ['http://', EKS_ISSUER.replace('https', 'http'), /does not use https:\/\//, DESCRIBE],
  ['no scheme', EKS_ISSUER.replace('https://', ''), /is not a URL \(it must start with https:\/\/\)/, DESCRIBE],
  ['not a URL at all', 'not a url', /'not a url' is not a URL \(it must start with https:\/\/\)/, DESCRIBE],
  ['a query', `${EKS_ISSUER}?x=1`, /no whitespace, query or fragment/, DESCRIBE],
  ['a fragment', `${EKS_ISSUER}#a`, /no whitespace, query or fragment/, DESCRIBE],
  ['whitespace inside', EKS_ISSUER.replace('/id/', '/id /'), /"\s" \(whitespace\)/, DESCRIBE],
  ['a leading space', ` ${EKS_ISSUER}`, /" " \(whitespace\)/, DESCRIBE],
  ['a short id', `https://oidc.eks.${REGION}.amazonaws.com/id/ABC`, /its id is not 32 upper-case hexadecimal characters/, /copy the issuer exactly as EKS reports it/],
  ['a lower-case id', EKS_ISSUER.toLowerCase(), /its id is not 32 upper-case hexadecimal characters/, /copy the issuer exactly as EKS reports it/],
  ['another OIDC issuer', 'https://token.actions.githubusercontent.com', /is not an EKS cluster's issuer/, /allowNonEksIssuer: true/],
  ['another region than the stack', `https://oidc.eks.us-east-1.amazonaws.com/id/${ID}`, /is the issuer of a cluster in us-east-1, but the stack is in ap-northeast-2/, /stack of its region/],
  ['no host', 'https:///id/x', /has no host/, DESCRIBE],
] as const) fail(IMPORT, name, (c) => attrs(c, { openIdConnectIssuerUrl: url }), 'Stack/X', problem, fix);
ok(IMPORT, 'a trailing slash is normalised', (c) => expect(attrs(c, { openIdConnectIssuerUrl: `${EKS_ISSUER}/` }).openIdConnectIssuerUrl).toBe(EKS_ISSUER));
ok(IMPORT, 'an upper-case host is normalised', (c) => expect(attrs(c, { openIdConnectIssuerUrl: EKS_ISSUER.replace('oidc.eks', 'OIDC.EKS') }).openIdConnectIssuerUrl).toBe(EKS_ISSUER));
ok(IMPORT, 'another OIDC issuer by explicit opt-in', (c) => attrs(c, { openIdConnectIssuerUrl: 'https://token.actions.githubusercontent.com', allowNonEksIssuer: true }));
ok(IMPORT, 'an issuer only known at deploy time', (c) => attrs(c, { openIdConnectIssuerUrl: Fn.importValue('issuer') }));
ok(IMPORT, 'an EKS issuer of the stack\'s region whose id is known at deploy time', (c) => attrs(c, {
  openIdConnectIssuerUrl: `https://oidc.eks.${REGION}.amazonaws.com/id/${Fn.importValue('id')}`,
}));
ok(IMPORT, 'another OIDC issuer with a deploy-time path, by opt-in', (c) => attrs(c, {
  openIdConnectIssuerUrl: `https://token.actions.githubusercontent.com/${Fn.importValue('org')}`, allowNonEksIssuer: true,
}));
fail(IMPORT, 'an issuer whose known part is http', (c) => attrs(c, { openIdConnectIssuerUrl: `http://${Fn.importValue('host')}` }), 'Stack/X', /does not use https:\/\//, DESCRIBE);
fail(IMPORT, 'a deploy-time id under an EKS host of another region', (c) => attrs(c, { openIdConnectIssuerUrl: `https://oidc.eks.us-west-2.amazonaws.com/id/${Fn.importValue('id')}` }),
  'Stack/X', /is the issuer of a cluster in us-west-2, but the stack is in ap-northeast-2/, /import the cluster into a stack of its region/);
fail(IMPORT, 'another OIDC issuer with a deploy-time path, without the opt-in', (c) => attrs(c, {
  openIdConnectIssuerUrl: `https://token.actions.githubusercontent.com/${Fn.importValue('org')}`,
}), 'Stack/X', /is not an EKS cluster's issuer/, /set allowNonEksIssuer: true to trust another OIDC issuer on purpose/);
fail(IMPORT, 'a deploy-time id under an EKS host, but not under /id/', (c) => attrs(c, { openIdConnectIssuerUrl: `https://oidc.eks.${REGION}.amazonaws.com/ids/${Fn.importValue('id')}` }),
  'Stack/X', /has an EKS issuer's host but its path does not start with \/id\//, /copy the issuer exactly as EKS reports it/);
const PROVIDER_FIX = /give arn:<partition>:iam::<account>:oidc-provider\/<issuer without https:\/\/>/;
for (const [name, arn, problem, fix] of [
  ['a provider ARN that is a role ARN', ROLE, /is not an IAM OIDC provider ARN/, PROVIDER_FIX],
  ['a provider ARN without issuer', `arn:aws:iam::${ACCOUNT}:oidc-provider/`, /is not an IAM OIDC provider ARN/, PROVIDER_FIX],
  ['a provider of another issuer', `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_B}`, /is the provider of issuer .*, not of the cluster's issuer/, /give the provider for oidc\.eks/],
  ['a provider of another account', `arn:aws:iam::${OTHER_ACCOUNT}:oidc-provider/${ISSUER_A}`, /IRSA roles trust OIDC providers of their own account/, /register the cluster's issuer as an OIDC provider in this account/],
  ['a provider ARN with a short account', `arn:aws:iam::12345:oidc-provider/${ISSUER_A}`, /not a 12-digit account id/, /write the 12-digit account id/],
  ['a provider ARN that is not an ARN', 'oidc-provider', /is not an IAM OIDC provider ARN/, PROVIDER_FIX],
  ['a provider ARN with a region', `arn:aws:iam:us-east-1:${ACCOUNT}:oidc-provider/${ISSUER_A}`, /has a region \('us-east-1'\); IAM ARNs have none/, PROVIDER_FIX],
  ['a provider ARN of another partition than the stack\'s', `arn:aws-cn:iam::${ACCOUNT}:oidc-provider/${ISSUER_A}`,
    /is in partition aws-cn, but the stack is in partition aws/, /give the ARN in partition aws \(arn:aws:\.\.\.\)/],
  ['a provider ARN with a wildcard', `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.*`, /contains "\*"; an ARN of one principal has no whitespace and no wildcard/, PROVIDER_FIX],
] as const) fail(IMPORT, name, (c) => attrs(c, { openIdConnectProviderArn: arn }), 'Stack/X', problem, fix);
ok(IMPORT, 'a provider ARN only known at deploy time', (c) => attrs(c, { openIdConnectProviderArn: Fn.importValue('provider') }));
for (const [name, arn, problem] of [
  ['a cluster ARN of another name', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/other`, /names cluster 'other', not clusterName 'x'/],
  ['a cluster ARN that is not EKS', `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/x`, /is not an EKS cluster ARN/],
  ['a cluster ARN that is not an ARN', 'x', /is not an EKS cluster ARN/],
] as const) fail(IMPORT, name, (c) => attrs(c, { clusterArn: arn }), 'Stack/X', problem, /give arn:<partition>:eks:<region>:<account>:cluster\/x, or leave clusterArn out/);
for (const [name, arn, problem] of [
  ['a cluster ARN of another account', `arn:aws:eks:${REGION}:${OTHER_ACCOUNT}:cluster/x`, /is in account 210987654321, but the stack is in 123456789012/],
  ['a cluster ARN of another region', `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/x`, /is in region us-east-1, but the stack is in ap-northeast-2/],
] as const) fail(IMPORT, name, (c) => attrs(c, { clusterArn: arn }), 'Stack/X', problem, /import the cluster into a stack of its account and region/);
const NAME_FIX = /use 1-100 letters, digits, '-' and '_', starting with a letter or digit/;
for (const [name, clusterName, problem] of [
  ['an empty cluster name', '', /clusterName is empty/],
  ['a cluster name over 100 characters', 'c'.repeat(101), /is 101 characters long \(EKS allows at most 100\)/],
  ['a cluster name with a dot', 'my.cluster', /contains "\."/],
  ['a cluster name starting with -', '-x', /does not start with a letter or digit/],
  ['a cluster name with a space', 'my cluster', /contains " " \(whitespace\)/],
] as const) fail(IMPORT, name, (c) => attrs(c, { clusterName }), 'Stack/X', problem, NAME_FIX);
ok(IMPORT, 'a 100-character cluster name', (c) => attrs(c, { clusterName: 'c'.repeat(100) }));
fail(IMPORT, 'a Fargate namespace that is not one', (c) => attrs(c, { fargateNamespaces: ['Apps'] }), 'Stack/X', /Fargate namespace 'Apps' is not a valid Kubernetes namespace name/, /or a pattern with \* and \?/);
ok(IMPORT, 'a Fargate namespace pattern', (c) => attrs(c, { fargateNamespaces: ['team-*'] }));

// fromCluster: the same checks as fromClusterAttributes, for what aws-eks-v2 knows at synth.
const eksImport = (c: Context, attributes: Partial<eks.ClusterAttributes> = {}) => eks.Cluster.fromClusterAttributes(c.stack, 'E', { clusterName: 'e', ...attributes });
const providerOf = (c: Context, arn: string) => iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(c.stack, 'P', arn);
const wrap = (c: Context, cluster: eks.ICluster, options: any = {}) => IdentityCluster.fromCluster(c.stack, 'W', cluster, options);
fail(IMPORT, 'fromCluster with a bad issuer option', (c) => wrap(c, eksImport(c), { openIdConnectIssuerUrl: 'oidc.example.com' }),
  'Stack/W', /openIdConnectIssuerUrl 'oidc.example.com' is not a URL/, DESCRIBE);
fail(IMPORT, 'fromCluster of an imported aws-eks-v2 cluster with no provider and no issuer', (c) => wrap(c, eksImport(c)),
  'Stack/W', /cluster Stack\/E has no openIdConnectProvider and no issuer was given/, /pass openIdConnectIssuerUrl \(and openIdConnectProviderArn\)/);
fail(IMPORT, 'fromCluster of an imported aws-eks-v2 cluster with an empty name', (c) => wrap(c, eksImport(c, { clusterName: '' }), { openIdConnectIssuerUrl: EKS_ISSUER }),
  'Stack/W', /clusterName is empty/, NAME_FIX);
fail(IMPORT, 'fromCluster of an imported aws-eks-v2 cluster with a name over 100 characters', (c) => wrap(c, eksImport(c, { clusterName: 'e'.repeat(101) }), { openIdConnectIssuerUrl: EKS_ISSUER }),
  'Stack/W', /is 101 characters long/, NAME_FIX);
fail(IMPORT, 'fromCluster of an imported aws-eks-v2 cluster whose provider is another region\'s', (c) => wrap(c, eksImport(c, {
  openIdConnectProvider: providerOf(c, `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/${ID}`),
})), 'Stack/W', /the issuer of the openIdConnectProvider ARN of cluster Stack\/E 'https:\/\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/.*' is the issuer of a cluster in us-west-2/,
/import the cluster into a stack of its region/);
fail(IMPORT, 'fromCluster of an imported aws-eks-v2 cluster whose provider is of another account', (c) => wrap(c, eksImport(c, {
  openIdConnectProvider: providerOf(c, `arn:aws:iam::${OTHER_ACCOUNT}:oidc-provider/${ISSUER_A}`),
})), 'Stack/W', /the openIdConnectProvider ARN of cluster Stack\/E '.*' is in account 210987654321, but IRSA roles trust OIDC providers of their own account/,
/register the cluster's issuer as an OIDC provider in this account/);
fail(IMPORT, 'fromCluster of an imported aws-eks-v2 cluster whose provider is not an EKS issuer\'s', (c) => wrap(c, eksImport(c, {
  openIdConnectProvider: providerOf(c, `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`),
})), 'Stack/W', /is not an EKS cluster's issuer/, /set allowNonEksIssuer: true/);
ok(IMPORT, 'fromCluster of a provider of another OIDC issuer, by opt-in', (c) => wrap(c, eksImport(c, {
  openIdConnectProvider: providerOf(c, `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`),
}), { allowNonEksIssuer: true }));
fail(IMPORT, 'fromCluster with an issuer that is not the provider\'s', (c) => wrap(c, eksImport(c, {
  openIdConnectProvider: providerOf(c, `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_A}`),
}), { openIdConnectIssuerUrl: `https://${ISSUER_B}` }), 'Stack/W', /is the provider of issuer .*0123456789ABCDEF.*, not of the cluster's issuer .*FEDCBA98/, /give the provider for/);
fail(IMPORT, 'fromCluster with a role ARN given as the provider ARN', (c) => wrap(c, eksImport(c), { openIdConnectIssuerUrl: EKS_ISSUER, openIdConnectProviderArn: ROLE }),
  'Stack/W', /openIdConnectProviderArn 'arn:aws:iam::123456789012:role\/Dev' is not an IAM OIDC provider ARN/, PROVIDER_FIX);
fail(IMPORT, 'fromCluster with only a role ARN as the provider ARN (the issuer would be read from it)', (c) => wrap(c, eksImport(c), { openIdConnectProviderArn: ROLE }),
  'Stack/W', /openIdConnectProviderArn 'arn:aws:iam::123456789012:role\/Dev' is not an IAM OIDC provider ARN/, PROVIDER_FIX);
fail(IMPORT, 'fromCluster with a provider ARN of another account', (c) => wrap(c, eksImport(c), {
  openIdConnectProviderArn: `arn:aws:iam::${OTHER_ACCOUNT}:oidc-provider/${ISSUER_A}`,
}), 'Stack/W', /is in account 210987654321, but IRSA roles trust OIDC providers of their own account/, /register the cluster's issuer/);
ok(IMPORT, 'fromCluster with a provider ARN: its path is the issuer', (c) => expect(wrap(c, eksImport(c), {
  openIdConnectProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_A}`,
}).openIdConnectIssuerUrl).toBe(`https://${ISSUER_A}`));
fail(IMPORT, 'fromCluster of a cluster of this app with a provider ARN', (c) => wrap(c, new eks.Cluster(c.stack, 'Eks', {
  version: eks.KubernetesVersion.V1_33,
  defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
  defaultCapacity: 0,
  bootstrapClusterCreatorAdminPermissions: false,
}), { openIdConnectProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_A}` }), 'Stack/W', /openIdConnectProviderArn is for a cluster aws-eks-v2 imported/,
/leave openIdConnectProviderArn out: the cluster's own OIDC provider is used/);

// ---------------------------------------------------------------------------------------------
// 2. Pod identity
const { POD } = CATEGORY;
const pod = (c: Context, more: any = {}) => c.cluster.addWorkloadIdentity('Id', { namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, roleName: 'app', ...more });
const TARGET_FIX = /give the ARN of an IAM role, arn:aws:iam::<account>:role\/\[<path>\/\]<name>/;
for (const [name, arn, problem, fix] of [
  ['targetRoleArn that is a user', `arn:aws:iam::${OTHER_ACCOUNT}:user/alice`, /is not an IAM role ARN/, TARGET_FIX],
  ['targetRoleArn that is not an ARN', 'data-role', /is not an ARN/, TARGET_FIX],
  ['targetRoleArn with a wildcard', `arn:aws:iam::${OTHER_ACCOUNT}:role/*`, /no whitespace and no wildcard/, TARGET_FIX],
  ['targetRoleArn with a short account', 'arn:aws:iam::2109:role/data', /not a 12-digit account id/, /write the 12-digit account id \(leading zeros included\)/],
  ['targetRoleArn of another service', 'arn:aws:s3:::bucket', /is not an IAM role ARN/, TARGET_FIX],
  ['targetRoleArn with a region', `arn:aws:iam:us-east-1:${OTHER_ACCOUNT}:role/data`, /is not an IAM role ARN/, TARGET_FIX],
  ['targetRoleArn in an unknown partition', `arn:awz:iam::${OTHER_ACCOUNT}:role/data`, /partition 'awz', which is not an AWS partition/, /use the partition of the account/],
  ['targetRoleArn with an invalid role name', `arn:aws:iam::${OTHER_ACCOUNT}:role/da ta`, /contains " " \(whitespace\)/, TARGET_FIX],
  ['targetRoleArn with a path IAM paths cannot hold', `arn:aws:iam::${OTHER_ACCOUNT}:role/team-\u{1F600}/data`, /the path in targetRoleArn .* contains "\u{1F600}"/u,
    /role\/development\/apps\/my-role/],
  ['targetRoleArn with a role name over 64 characters', `arn:aws:iam::${OTHER_ACCOUNT}:role/${'r'.repeat(65)}`, /is 65 characters long/, /1-64 characters/],
  ['targetRoleArn that is a service-linked role', `arn:aws:iam::${OTHER_ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`,
    /is a service-linked role: only its AWS service may assume it/, /give the ARN of a role you manage in the target account/],
  ['targetRoleArn of another partition than the stack\'s', `arn:aws-cn:iam::${OTHER_ACCOUNT}:role/data`, /is in partition aws-cn, but the stack is in partition aws/,
    /give the ARN in partition aws/],
] as const) fail(POD, name, (c) => pod(c, { targetRoleArn: arn }), 'Stack/Imported/Id', problem, fix);
ok(POD, 'targetRoleArn with a path', (c) => pod(c, { targetRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/teams/data` }));
ok(POD, 'targetRoleArn only known at deploy time', (c) => pod(c, { targetRoleArn: Fn.importValue('target') }));
const sessionPolicy = (n: number) => new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`arn:aws:s3:::${'b'.repeat(n)}/*`] })] });
fail(POD, 'a session policy over 2048 characters', (c) => pod(c, { disableSessionTags: true, sessionPolicy: sessionPolicy(2100) }), 'Stack/Imported/Id',
  /the session policy is \d+ characters; STS accepts at most 2048/, /shorten it/);
fail(POD, 'a session policy with characters STS refuses', (c) => pod(c, { disableSessionTags: true, sessionPolicy: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/日本'] })] }) }),
  'Stack/Imported/Id', /outside the characters STS accepts/, /ASCII\/Latin-1/);
ok(POD, 'a session policy under the limit', (c) => pod(c, { disableSessionTags: true, sessionPolicy: sessionPolicy(100) }));
fail(POD, 'a session policy with session tags on', (c) => pod(c, { sessionPolicy: sessionPolicy(10) }), 'Stack/Imported/Id', /a session policy requires session tags to be disabled/, /disableSessionTags: true/);
fail(POD, 'disableSessionTags on an IRSA identity', (c) => pod(c, { mode: IdentityMode.IRSA, disableSessionTags: true }), 'Stack/Imported/Id', /disableSessionTags does not apply to IRSA/, /remove disableSessionTags/);
fail(POD, 'targetRoleArn without an association', (c) => pod(c, { createAssociation: false, targetRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/data` }), 'Stack/Imported/Id',
  /settings of the pod identity association, and createAssociation is false/, /set them where the association is made/);
const targetStack = (c: Context) => new Stack(c.app, 'Data', { env: { account: OTHER_ACCOUNT, region: REGION } });
fail(POD, 'a second PodIdentityTargetRole for one identity', (c) => {
  const identity = pod(c);
  const data = targetStack(c);
  new PodIdentityTargetRole(data, 'First', { identity, roleName: 'first' });
  new PodIdentityTargetRole(data, 'Second', { identity, roleName: 'second' });
}, 'Data/Second', /already chains to target role Data\/First; an association has one target role/, /at most one target role/);
fail(POD, 'a PodIdentityTargetRole next to targetRoleArn', (c) => new PodIdentityTargetRole(targetStack(c), 'T', { identity: pod(c, { targetRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/given` }), roleName: 'second' }),
  'Data/T', /already chains to target role arn:aws:iam::210987654321:role\/given/, /remove targetRoleArn or the other PodIdentityTargetRole/);
fail(POD, 'a PodIdentityTargetRole with an invalid name', (c) => new PodIdentityTargetRole(targetStack(c), 'T', { identity: pod(c), roleName: 'a/b' }), 'Data/T', /roleName 'a\/b' contains "\/"/, /1-64 characters/);
fail(POD, 'a token expiration under 10 minutes', (c) => pod(c, { mode: IdentityMode.IRSA, tokenExpiration: Duration.minutes(5) }), 'Stack/Imported/Id', /tokenExpiration is 300 seconds; Kubernetes requires at least 600/, /Duration.minutes\(10\)/);
ok(POD, 'a token expiration of 10 minutes', (c) => pod(c, { mode: IdentityMode.IRSA, tokenExpiration: Duration.minutes(10) }));
warn(POD, 'session tags disabled', (c) => pod(c, { disableSessionTags: true }), 'Stack/Imported/Id',
  /session tags are disabled: the trust of Stack\/Imported\/Id cannot be scoped to cluster, namespace and service account/, /keep session tags on unless you need a session policy/);

// ---------------------------------------------------------------------------------------------
// 3. Access entries
const { ACCESS } = CATEGORY;
const grant = (c: Context, principal: string, options: any = {}) => c.cluster.grantAccess('X', principal, options);
const ROLE_FIX = /give the ARN of an IAM role \(arn:aws:iam::<account>:role\/\[<path>\/\]<name>\) or user/;
for (const [name, principal, problem, fix] of [
  ['an 11-digit account', 'arn:aws:iam::12345678901:role/Dev', /not a 12-digit account id/, /12-digit account id/],
  ['a 13-digit account', 'arn:aws:iam::1234567890123:role/Dev', /not a 12-digit account id/, /12-digit account id/],
  ['letters in the account', 'arn:aws:iam::12345678901a:role/Dev', /not a 12-digit account id/, /12-digit account id/],
  ['a wildcard name', `arn:aws:iam::${ACCOUNT}:role/*`, /no whitespace and no wildcard/, ROLE_FIX],
  ['a wildcard account', 'arn:aws:iam::*:role/Dev', /no whitespace and no wildcard/, ROLE_FIX],
  ['a leading space', ` ${ROLE}`, /" " \(whitespace\)/, ROLE_FIX],
  ['a trailing newline', `${ROLE}\n`, /"\\n" \(whitespace\)/, ROLE_FIX],
  ['xrn: instead of arn:', ROLE.replace('arn:', 'xrn:'), /is not an ARN/, ROLE_FIX],
  ['an unknown partition', ROLE.replace(':aws:', ':awz:'), /partition 'awz', which is not an AWS partition/, /partition of the account/],
  ['a region in an IAM ARN', ROLE.replace('iam::', 'iam:us-east-1:'), /has a region \('us-east-1'\); IAM ARNs have none/, /arn:<partition>:iam::<account>/],
  ['a role without a name', `arn:aws:iam::${ACCOUNT}:role/`, /has no role name/, ROLE_FIX],
  ['a role name over 64 characters', `arn:aws:iam::${ACCOUNT}:role/${'r'.repeat(65)}`, /is 65 characters long/, /1-64 characters/],
  ['an empty path segment', `arn:aws:iam::${ACCOUNT}:role/a//Dev`, /has an empty path segment/, /role\/development\/apps\/my-role/],
  ['a path with a character IAM paths cannot hold', `arn:aws:iam::${ACCOUNT}:role/caf\u00E9/Dev`, /the path in principal .* contains "\u00E9"/, /role\/development\/apps\/my-role/],
  ['an account root', `arn:aws:iam::${ACCOUNT}:root`, /is not an IAM role or user ARN/, ROLE_FIX],
  ['a group', `arn:aws:iam::${ACCOUNT}:group/devs`, /is not an IAM role or user ARN/, ROLE_FIX],
  ['an STS session', `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/alice`, /is an STS assumed-role session ARN/, /use the role ARN arn:aws:iam::123456789012:role\/Dev/],
  ['a service-linked role', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`, /is a service-linked role/, /an IAM role or user you manage/],
  ['not an ARN', 'Dev', /is not an ARN/, ROLE_FIX],
  ['an S3 ARN', 'arn:aws:s3:::bucket', /is not an IAM role or user ARN/, ROLE_FIX],
  ['a China partition role on a stack in ap-northeast-2', `arn:aws-cn:iam::${ACCOUNT}:role/Dev`, /is in partition aws-cn, but the stack is in partition aws/, /give the ARN in partition aws/],
  ['a GovCloud role on a stack in ap-northeast-2', `arn:aws-us-gov:iam::${ACCOUNT}:role/Dev`, /is in partition aws-us-gov, but the stack is in partition aws/, /give the ARN in partition aws/],
] as const) fail(ACCESS, `principal: ${name}`, (c) => grant(c, principal), 'Stack/Imported/X', problem, fix);
for (const [name, principal] of [
  ['a role with a path', `arn:aws:iam::${ACCOUNT}:role/development/apps/my-role`],
  ['an IAM Identity Center role', `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef`],
  ['a user', `arn:aws:iam::${ACCOUNT}:user/alice`],
  ['a role only known at deploy time', Fn.importValue('role')],
  ['a role in a stack whose account is a token', `arn:aws:iam::${Aws.ACCOUNT_ID}:role/Dev`],
] as const) ok(ACCESS, `principal: ${name}`, (c) => grant(c, principal));
ok(ACCESS, 'principal: a China partition role on a stack in cn-north-1', (c) => importedCluster(new Stack(c.app, 'Cn', { env: { account: ACCOUNT, region: 'cn-north-1' } }))
  .grantAccess('X', `arn:aws-cn:iam::${ACCOUNT}:role/Dev`));
ok(ACCESS, 'principal: a China partition role on an environment-agnostic stack', (c) => importedCluster(new Stack(c.app, 'Agnostic'))
  .grantAccess('X', `arn:aws-cn:iam::${ACCOUNT}:role/Dev`));
const RESERVED_FIX = /choose a username without a reserved prefix \(e\.g\. 'admin:\{\{SessionName\}\}'\), or leave it out/;
for (const [name, username, problem, fix] of [
  ['system:', 'system:admin', /starts with 'system:', a prefix EKS reserves/, RESERVED_FIX],
  ['System: (any letter case)', 'System:admin', /starts with 'System:', a prefix EKS reserves/, RESERVED_FIX],
  ['eks:', 'eks:ops', /starts with 'eks:'/, RESERVED_FIX],
  ['EKS:', 'EKS:ops', /starts with 'EKS:'/, RESERVED_FIX],
  ['aws:', 'aws:x', /starts with 'aws:'/, RESERVED_FIX],
  ['amazon:', 'amazon:x', /starts with 'amazon:'/, RESERVED_FIX],
  ['iam:', 'iam:x', /starts with 'iam:'/, RESERVED_FIX],
  ['{{SessionName}} without a colon', 'dev-{{SessionName}}', /has \{\{SessionName\}\} without a colon before it/, /put a prefix and a colon before it, e\.g\. 'sso-user:\{\{SessionName\}\}'/],
  ['whitespace', 'dev user', /contains " " \(whitespace\)/, /remove the whitespace/],
  ['empty', '', /username is empty/, /leave username out \(EKS then derives it from the principal ARN\) or give a name/],
] as const) fail(ACCESS, `username: ${name}`, (c) => grant(c, ROLE, { username }), 'Stack/Imported/X', problem, fix);
ok(ACCESS, 'username: admin:{{SessionName}}', (c) => grant(c, ROLE, { username: 'admin:{{SessionName}}' }));
ok(ACCESS, 'username: a reserved word inside', (c) => grant(c, ROLE, { username: 'ops-system:admin' }));
const SYSTEM_GROUP_FIX = /for cluster admin use the access policy AmazonEKSClusterAdminPolicy \(AccessPolicy\.clusterAdmin\(\)\) instead of system:masters; for anything else use a group of your own/;
for (const [name, group, problem, fix] of [
  ['system:masters', 'system:masters', /system:masters cannot be granted through an access entry/, SYSTEM_GROUP_FIX],
  ['System:nodes (any letter case)', 'System:nodes', /starts with 'System:'/, SYSTEM_GROUP_FIX],
  ['empty', '', /a Kubernetes group name is empty/, /give every group a name/],
  ['whitespace', 'pod readers', /contains " " \(whitespace\)/, /remove the whitespace/],
] as const) fail(ACCESS, `group: ${name}`, (c) => grant(c, ROLE, { kubernetesGroups: [group] }), 'Stack/Imported/X', problem, fix);
ok(ACCESS, 'group: systemadmins (no colon)', (c) => grant(c, ROLE, { kubernetesGroups: ['systemadmins'] }));
const NODE_ROLE = `arn:aws:iam::${ACCOUNT}:role/nodes`;
const NODE_TYPES = [
  AccessEntryType.EC2_LINUX, AccessEntryType.EC2_WINDOWS, AccessEntryType.FARGATE_LINUX, AccessEntryType.HYBRID_LINUX, AccessEntryType.HYPERPOD_LINUX,
];
for (const type of NODE_TYPES) {
  fail(ACCESS, `access policies on ${type}`, (c) => grant(c, NODE_ROLE, { type, accessPolicies: [AccessPolicy.view()] }), 'Stack/Imported/X',
    new RegExp(`an access entry of type ${type} cannot have access policies \\(AmazonEKSViewPolicy\\)`), /remove the access policies; EKS gives node entries the permissions nodes need/);
}
fail(ACCESS, 'a node entry with only a username', (c) => grant(c, NODE_ROLE, { type: AccessEntryType.EC2_LINUX, username: 'node' }), 'Stack/Imported/X',
  /cannot have username 'node'; only STANDARD entries take groups and a username/, /remove kubernetesGroups and username/);
fail(ACCESS, 'a node entry with groups', (c) => grant(c, NODE_ROLE, { type: AccessEntryType.FARGATE_LINUX, kubernetesGroups: ['a'] }), 'Stack/Imported/X',
  /cannot have kubernetesGroups \(a\)/, /remove kubernetesGroups and username/);
fail(ACCESS, 'a node entry of another account', (c) => grant(c, `arn:aws:iam::${OTHER_ACCOUNT}:role/nodes`, { type: AccessEntryType.EC2_LINUX }), 'Stack/Imported/X',
  /needs a role of the cluster's account 123456789012, not of 210987654321/, /a role in the cluster's account/);
fail(ACCESS, 'a node entry for a user', (c) => grant(c, `arn:aws:iam::${ACCOUNT}:user/n`, { type: AccessEntryType.EC2_LINUX }), 'Stack/Imported/X',
  /needs an IAM role, not/, /node role/);
ok(ACCESS, 'an Auto Mode node entry with its node policy', (c) => grant(c, NODE_ROLE, { type: AccessEntryType.EC2, accessPolicies: [AccessPolicy.autoNode()] }));
ok(ACCESS, 'a Fargate pod execution role entry without access policies', (c) => grant(c, NODE_ROLE, { type: AccessEntryType.FARGATE_LINUX }));
fail(ACCESS, 'a service-linked-role-only policy', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('AmazonEKSHybridPolicy')] }), 'Stack/Imported/X',
  /AmazonEKSHybridPolicy is for AWS service-linked roles only/, /EKS associates it with its service-linked role itself/);
warn(ACCESS, 'an unknown policy name through fromName', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('AmazonEKSViewerPolicy')] }), 'Stack/Imported/X',
  /access policy 'AmazonEKSViewerPolicy' is not one of the EKS access policies the library knows/, /check the name in the EKS user guide .*known: AmazonEKSClusterAdminPolicy/);
warn(ACCESS, 'a policy name in the wrong letter case', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('AmazonEKSviewPolicy')] }), 'Stack/Imported/X',
  /did you mean AmazonEKSViewPolicy\?/, /check the name in the EKS user guide/);
warn(ACCESS, 'cluster admin in a namespace scope', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('AmazonEKSClusterAdminPolicy', { type: AccessScopeType.NAMESPACE, namespaces: ['app'] })] }),
  'Stack/Imported/X', /AmazonEKSClusterAdminPolicy has a namespace scope \(app\)/, /AccessPolicy\.admin\(\{ type: AccessScopeType\.NAMESPACE, namespaces \}\) for namespace admin/);
for (const [name, scope, problem, fix] of [
  ['a namespace scope without namespaces', { type: AccessScopeType.NAMESPACE }, /has scope 'namespace' but no namespaces/, /list the namespaces in scope\.namespaces, or use \{ type: AccessScopeType\.CLUSTER \}/],
  ['a cluster scope with namespaces', { type: AccessScopeType.CLUSTER, namespaces: ['a'] }, /has scope 'cluster' and namespaces \(a\)/, /use \{ type: AccessScopeType\.NAMESPACE, namespaces \} to limit it to namespaces, or drop the namespaces/],
  ['an invalid namespace', { type: AccessScopeType.NAMESPACE, namespaces: ['App'] }, /namespace 'App' is not a valid Kubernetes namespace name/, /use a DNS-1123 label such as 'my-app'/],
  ['an invalid prefix pattern', { type: AccessScopeType.NAMESPACE, namespaces: ['-dev*'] }, /neither a namespace name nor a prefix followed by '\*'/, /or a prefix such as 'dev-\*'/],
  ['a bare wildcard', { type: AccessScopeType.NAMESPACE, namespaces: ['*'] }, /neither a namespace name nor a prefix followed by '\*'/, /or a prefix such as 'dev-\*'/],
] as const) fail(ACCESS, name, (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.view(scope as any)] }), 'Stack/Imported/X', problem, fix);
ok(ACCESS, 'a namespace prefix pattern', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.view({ type: AccessScopeType.NAMESPACE, namespaces: ['dev-*'] })] }));
fail(ACCESS, 'an ARN as policy name', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy')] }), 'Stack/Imported/X',
  /is not a policy name/, /give the name after cluster-access-policy\//);
fail(ACCESS, 'a policy twice', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.view(), AccessPolicy.view({ type: AccessScopeType.NAMESPACE, namespaces: ['a'] })] }), 'Stack/Imported/X',
  /AmazonEKSViewPolicy is associated twice/, /with every namespace in its scope/);
fail(ACCESS, '21 policies', (c) => grant(c, ROLE, { accessPolicies: Array.from({ length: 21 }, (_, i) => AccessPolicy.fromName(`AmazonEKSPolicy${i}`)) }), 'Stack/Imported/X',
  /has 21 access policies; at most 20/, /combine namespaces/);
fail(ACCESS, 'a second entry for one principal (case-insensitive)', (c) => { c.cluster.grantViewer('A', ROLE); c.cluster.grantViewer('X', ROLE.replace('role/Dev', 'role/DEV')); },
  'Stack/Imported/X', /already has an access entry on cluster Stack\/Imported/, /addAccessPolicies/);

// ---------------------------------------------------------------------------------------------
// 4. RBAC
const { RBAC } = CATEGORY;
const group = (c: Context, rules: any[], more: any = {}) => c.cluster.addKubernetesGroup('G', { group: 'ops', rules, ...more });
const VERB_FIX = /use get, list, watch, create, update, patch, delete, deletecollection, .* or '\*', or set allowCustomVerbs: true/;
for (const [name, verbs, problem, fix] of [
  ['an upper-case verb', ['Get'], /verb 'Get' is not a Kubernetes verb \(verbs are lower case: 'get'\)/, VERB_FIX],
  ['a misspelt verb', ['lsit'], /verb 'lsit' is not a Kubernetes verb/, VERB_FIX],
  ['an HTTP method on resources', ['post'], /verb 'post' is not a Kubernetes verb/, VERB_FIX],
  ['no verbs', [], /has no verbs/, /list the verbs, e\.g\. \['get', 'list', 'watch'\]/],
] as const) fail(RBAC, name, (c) => group(c, [{ resources: ['pods'], verbs }]), 'Stack/Imported/G', problem, fix);
fail(RBAC, 'a resource verb on a non-resource URL', (c) => group(c, [{ nonResourceUrls: ['/healthz'], verbs: ['list'] }]), 'Stack/Imported/G', /verb 'list' is not a Kubernetes non-resource \(HTTP\) verb/, /get, post/);
ok(RBAC, 'a custom verb by opt-in', (c) => group(c, [{ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['frobnicate'] }], { allowCustomVerbs: true }));
const RISK_FIX = /grant only the verbs and resources the subjects need; if this is meant, acknowledge it: Annotations\.of\(group\)\.acknowledgeWarning\('cdk-eks-identity:rbac/;
warn(RBAC, 'escalate on roles', (c) => group(c, [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] }]), 'Stack/Imported/G',
  /grants escalate on roles, which lets the group raise its own privileges/, RISK_FIX);
warn(RBAC, 'bind on clusterroles', (c) => group(c, [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'] }]), 'Stack/Imported/G', /grants bind on clusterroles/, RISK_FIX);
warn(RBAC, 'bind on every API group', (c) => group(c, [{ apiGroups: ['*'], resources: ['roles'], verbs: ['bind'] }]), 'Stack/Imported/G', /grants bind on roles/, RISK_FIX);
warn(RBAC, 'impersonate users', (c) => group(c, [{ resources: ['users'], verbs: ['impersonate'] }]), 'Stack/Imported/G', /grants impersonate on users/, RISK_FIX);
warn(RBAC, 'everything on everything cluster-wide', (c) => group(c, [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]), 'Stack/Imported/G', /every verb on every resource of every API group cluster-wide/, RISK_FIX);
const ADMIN_BINDING_FIX = /give the principals AmazonEKSClusterAdminPolicy through an access entry instead .* or bind a narrower ClusterRole such as admin, edit or view/;
warn(RBAC, 'a binding to cluster-admin', (c) => c.cluster.addKubernetesGroup('G', { group: 'ops', clusterRole: 'cluster-admin' }), 'Stack/Imported/G',
  /binds the cluster-admin ClusterRole cluster-wide \(everything, everywhere\)/, ADMIN_BINDING_FIX);
warn(RBAC, 'a binding to cluster-admin in one namespace', (c) => c.cluster.addKubernetesGroup('G', { group: 'ops', clusterRole: 'cluster-admin', namespace: 'app' }), 'Stack/Imported/G',
  /binds the cluster-admin ClusterRole in namespace app \(everything in that namespace, its roles, bindings and secrets included\)/, ADMIN_BINDING_FIX);
ok(RBAC, 'escalate and bind outside the RBAC API group are not escalation', (c) => {
  group(c, [{ apiGroups: ['example.com'], resources: ['roles'], verbs: ['escalate', 'bind'] }, { resources: ['roles'], verbs: ['bind'] }]);
  Annotations.fromStack(c.stack).hasNoWarning('/Stack/Imported/G', Match.anyValue());
});
ok(RBAC, 'everything in one namespace is not cluster admin', (c) => {
  group(c, [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }], { namespace: 'app' });
  Annotations.fromStack(c.stack).hasNoWarning('/Stack/Imported/G', Match.stringLikeRegexp('cluster-wide'));
});
fail(RBAC, 'a system: group', (c) => c.cluster.addKubernetesGroup('G', { group: 'system:masters', clusterRole: 'view' }), 'Stack/Imported/G', /system:masters cannot be granted/, /AmazonEKSClusterAdminPolicy/);
fail(RBAC, 'rules and clusterRole', (c) => c.cluster.addKubernetesGroup('G', { group: 'ops', clusterRole: 'view', rules: [{ resources: ['pods'], verbs: ['get'] }] }), 'Stack/Imported/G',
  /needs exactly one of rules and clusterRole/, /give rules/);
fail(RBAC, 'non-resource URLs in a namespace', (c) => group(c, [{ nonResourceUrls: ['/healthz'], verbs: ['get'] }], { namespace: 'app' }), 'Stack/Imported/G',
  /nonResourceUrls, which a namespaced Role cannot hold/, /cluster-wide group/);
fail(RBAC, 'an object name with a slash', (c) => group(c, [{ resources: ['pods'], verbs: ['get'] }], { name: 'a/b' }), 'Stack/Imported/G', /name 'a\/b' contains "\/"/, /pod-readers/);

// ---------------------------------------------------------------------------------------------
// 5. No crash, no misleading message
const { CRASH } = CATEGORY;
const irsa = (cluster: IIdentityCluster, more: any = {}) => cluster.addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.IRSA, ...more });
fail(CRASH, 'additionalClusters lists the own cluster', (c) => irsa(c.cluster, { additionalClusters: [c.cluster] }),
  'Stack/Imported/Id', /additionalClusters lists the identity's own cluster Stack\/Imported/, /list each other cluster once/);
fail(CRASH, 'additionalClusters lists a cluster twice', (c) => {
  const other = importedCluster(c.stack, 'Other', { clusterName: 'other', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
  irsa(c.cluster, { additionalClusters: [other, other] });
}, 'Stack/Imported/Id', /additionalClusters lists cluster Stack\/Other twice/, /list each other cluster once/);
fail(CRASH, 'additionalClusters lists the own cluster imported a second time', (c) => {
  const again = importedCluster(c.stack, 'Again', { clusterName: 'imported' });
  irsa(c.cluster, { additionalClusters: [again] });
}, 'Stack/Imported/Id', /additionalClusters lists cluster Stack\/Again, which has the OIDC issuer of the identity's own cluster Stack\/Imported \(oidc\.eks\.ap-northeast-2\.amazonaws\.com\/id\/0123/,
/import the cluster once and use that construct everywhere/);
fail(CRASH, 'additionalClusters lists one cluster through two constructs', (c) => {
  const first = importedCluster(c.stack, 'First', { clusterName: 'other', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
  const second = importedCluster(c.stack, 'Second', {
    clusterName: 'other', openIdConnectIssuerUrl: `https://${ISSUER_B.replace('oidc.eks', 'OIDC.EKS')}`, openIdConnectProviderArn: providerArnOf(ISSUER_B),
  });
  irsa(c.cluster, { additionalClusters: [first, second] });
}, 'Stack/Imported/Id', /additionalClusters lists clusters Stack\/First and Stack\/Second, which have the same OIDC issuer .*: they are one cluster imported twice/, /import the cluster once/);
ok(CRASH, 'additionalClusters with two clusters of their own issuers', (c) => irsa(c.cluster, {
  additionalClusters: [importedCluster(c.stack, 'Other', { clusterName: 'other', openIdConnectIssuerUrl: `https://${ISSUER_B}` })],
}));
fail(CRASH, 'a namespace only known at deploy time, written to a file', (c) => {
  c.cluster.addServiceAccount('Sa', { namespace: Fn.importValue('ns'), name: 'sa' });
  c.app.synth();
}, 'Stack/Imported/KubernetesObjects', /the Kubernetes object ServiceAccount\/\$\{ImportValue:ns\}\/sa field metadata.namespace is not known at synth/, /give the namespace and name as literal strings/);
fail(CRASH, 'an IRSA role ARN not known at synth, written to a file', (c) => {
  const agnostic = new Stack(c.app, 'Agnostic');
  importedCluster(agnostic).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.IRSA, roleName: 'r' });
  c.app.synth();
}, 'Agnostic/Imported/KubernetesObjects', /field metadata.annotations.eks.amazonaws.com\/role-arn is not known at synth/, /give the stack a concrete account and region/);
fail(CRASH, 'a role ARN given as an aws-eks-v2 imported cluster\'s provider ARN', (c) => wrap(c, eksImport(c), { openIdConnectIssuerUrl: EKS_ISSUER, openIdConnectProviderArn: `arn:aws:iam::${ACCOUNT}:role/provider` }),
  'Stack/W', /is not an IAM OIDC provider ARN/, PROVIDER_FIX);

// ---------------------------------------------------------------------------------------------
// 6. AUTO never picks pod identity where it cannot work; explicit POD_IDENTITY there fails
const { AUTO } = CATEGORY;
const created = (c: Context, props: any = {}) => newCluster(c.stack, 'nodegroup', props, 'Created');
const modeOf = (identity: { mode: IdentityMode; modeReason: string }, mode: IdentityMode, reason: RegExp) => {
  expect(identity.mode).toBe(mode);
  expect(identity.modeReason).toMatch(reason);
};
const USE_IRSA = /use IdentityMode\.IRSA, or IdentityMode\.AUTO to let the library choose/;
ok(AUTO, 'AUTO on a cluster without the agent chooses IRSA', (c) => modeOf(created(c, { podIdentityAgent: false }).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a' }),
  IdentityMode.IRSA, /AUTO chose IRSA: the eks-pod-identity-agent addon is not installed \(podIdentityAgent: false\)/));
fail(AUTO, 'POD_IDENTITY on a cluster without the agent', (c) => created(c, { podIdentityAgent: false }).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY }),
  'Stack/Created/Id', /POD_IDENTITY cannot work here: the eks-pod-identity-agent addon is not installed/, USE_IRSA);
ok(AUTO, 'AUTO in a Fargate namespace chooses IRSA', (c) => {
  const cluster = created(c);
  cluster.addFargateProfile('Batch', { selectors: [{ namespace: 'batch' }] });
  modeOf(cluster.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a' }), IdentityMode.IRSA, /a Fargate profile of cluster Stack\/Created selects namespace batch/);
});
ok(AUTO, 'AUTO in a Fargate namespace pattern chooses IRSA', (c) => {
  const cluster = created(c);
  cluster.addFargateProfile('Teams', { selectors: [{ namespace: 'team-*', labels: { compute: 'fargate' } }] });
  modeOf(cluster.addWorkloadIdentity('Id', { namespace: 'team-a', serviceAccountName: 'a' }), IdentityMode.IRSA, /selects namespace team-a \(team-\*\)/);
});
ok(AUTO, 'AUTO in a namespace of a profile added to the aws-eks-v2 cluster directly chooses IRSA', (c) => {
  const cluster = created(c);
  cluster.cluster.addFargateProfile('Batch', { selectors: [{ namespace: 'batch' }] });
  expect(cluster.fargateNamespaces).toEqual(['batch']);
  modeOf(cluster.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a' }), IdentityMode.IRSA, /a Fargate profile of cluster Stack\/Created selects namespace batch/);
  expect(() => c.app.synth()).not.toThrow();
});
ok(AUTO, 'AUTO in a namespace of a profile made with new eks.FargateProfile chooses IRSA', (c) => {
  const cluster = created(c);
  new eks.FargateProfile(c.stack, 'Jobs', { cluster: cluster.cluster, selectors: [{ namespace: 'b?tch' }] });
  modeOf(cluster.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a' }), IdentityMode.IRSA, /selects namespace batch \(b\?tch\)/);
});
fail(AUTO, 'POD_IDENTITY in a Fargate namespace', (c) => {
  const cluster = created(c);
  cluster.addFargateProfile('Batch', { selectors: [{ namespace: 'batch' }] });
  cluster.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY });
}, 'Stack/Created/Id', /POD_IDENTITY cannot work here: a Fargate profile of cluster Stack\/Created selects namespace batch/, USE_IRSA);
fail(AUTO, 'POD_IDENTITY in a namespace of a profile added to the aws-eks-v2 cluster directly', (c) => {
  const cluster = created(c);
  cluster.cluster.addFargateProfile('Batch', { selectors: [{ namespace: 'batch' }] });
  cluster.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY });
}, 'Stack/Created/Id', /POD_IDENTITY cannot work here: a Fargate profile of cluster Stack\/Created selects namespace batch/, USE_IRSA);
fail(AUTO, 'a Fargate profile added after a pod identity of its namespace', (c) => {
  const cluster = created(c);
  cluster.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY });
  cluster.cluster.addFargateProfile('Later', { selectors: [{ namespace: 'batch' }] });
  c.app.synth();
}, 'Stack/Created/Id', /uses EKS Pod Identity in namespace batch, which a Fargate profile of cluster Stack\/Created selects \(batch\)/,
/use IdentityMode\.IRSA for it, or create the Fargate profile before the identity so that IdentityMode\.AUTO sees it and picks IRSA/);
ok(AUTO, 'AUTO on a wrapped aws-eks-v2 cluster whose profile is added after the import chooses IRSA', (c) => {
  const cluster = new eks.Cluster(c.stack, 'Eks', { version: eks.KubernetesVersion.V1_33, defaultCapacityType: eks.DefaultCapacityType.NODEGROUP, defaultCapacity: 0 });
  const wrapped = IdentityCluster.fromCluster(c.stack, 'Wrapped', cluster);
  cluster.addFargateProfile('Batch', { selectors: [{ namespace: 'batch' }] });
  modeOf(wrapped.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a' }), IdentityMode.IRSA, /selects namespace batch/);
});
ok(AUTO, 'AUTO outside the Fargate namespaces keeps pod identity', (c) => {
  const cluster = created(c);
  cluster.addFargateProfile('Batch', { selectors: [{ namespace: 'batch' }] });
  modeOf(cluster.addWorkloadIdentity('Id', { namespace: 'web', serviceAccountName: 'a' }), IdentityMode.POD_IDENTITY, /AUTO chose pod identity/);
});
ok(AUTO, 'AUTO on an imported cluster whose agent is not known chooses IRSA', (c) => modeOf(
  importedCluster(c.stack, 'Unknown', { clusterName: 'u', podIdentityAgentInstalled: undefined }).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a' }),
  IdentityMode.IRSA, /the eks-pod-identity-agent is not known to be installed in cluster Stack\/Unknown/));
warn(AUTO, 'POD_IDENTITY on an imported cluster whose agent is not known', (c) => importedCluster(c.stack, 'Unknown', { clusterName: 'u', podIdentityAgentInstalled: undefined })
  .addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY }), 'Stack/Unknown/Id',
/pod identity was requested, but the eks-pod-identity-agent is not known to be installed/, /say podIdentityAgentInstalled: true where you import the cluster if the agent runs there/);
fail(AUTO, 'POD_IDENTITY on an imported cluster without the agent', (c) => importedCluster(c.stack, 'None', { clusterName: 'n', podIdentityAgentInstalled: false })
  .addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY }), 'Stack/None/Id', /podIdentityAgentInstalled: false/, USE_IRSA);
ok(AUTO, 'AUTO on an imported Auto Mode cluster keeps pod identity', (c) => modeOf(
  importedCluster(c.stack, 'Auto', { clusterName: 'auto', autoMode: true, podIdentityAgentInstalled: undefined }).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a' }),
  IdentityMode.POD_IDENTITY, /AUTO chose pod identity/));
ok(AUTO, 'AUTO in an imported cluster\'s Fargate namespace chooses IRSA', (c) => modeOf(
  importedCluster(c.stack, 'F', { clusterName: 'f', fargateNamespaces: ['batch'] }).addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a' }),
  IdentityMode.IRSA, /selects namespace batch/));
fail(AUTO, 'POD_IDENTITY for a Windows workload', (c) => c.cluster.addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY, platform: WorkloadPlatform.WINDOWS }),
  'Stack/Imported/Id', /does not run on Windows nodes/, USE_IRSA);
fail(AUTO, 'POD_IDENTITY in a China region', (c) => importedCluster(new Stack(c.app, 'Cn', { env: { account: ACCOUNT, region: 'cn-north-1' } }))
  .addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY }), 'Cn/Imported/Id', /not available in the China regions/, USE_IRSA);

// ---------------------------------------------------------------------------------------------
// 7. The aws-auth migration, through the construct and through `cdk-eks-identity migrate-aws-auth`
const { AUTH } = CATEGORY;
const mapRoles = (...mappings: string[]) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n${mappings.join('')}`;
const mapping = (arn: string, username: string, groups: string[]) =>
  `    - rolearn: ${arn}\n      username: ${username}\n      groups:\n${groups.map((g) => `        - ${g}\n`).join('')}`;
const SSO = `arn:aws:iam::${ACCOUNT}:role/AWSReservedSSO_Admin_0123456789abcdef`;
const SSO_REAL = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/ap-northeast-2/AWSReservedSSO_Admin_0123456789abcdef`;
const EC2_NODES = ['system:bootstrappers', 'system:nodes'];
const CONFIG_MAPS = {
  sso: mapRoles(mapping(SSO, 'sso-admin:{{SessionName}}', ['system:masters'])),
  managed: mapRoles(mapping(`arn:aws:iam::${ACCOUNT}:role/eks-nodegroup-role`, 'system:node:{{EC2PrivateDNSName}}', EC2_NODES)),
  fargate: mapRoles(mapping(`arn:aws:iam::${ACCOUNT}:role/fargate-pod-execution`, 'system:node:{{SessionName}}', [...EC2_NODES, 'system:node-proxier'])),
  hybrid: mapRoles(mapping(`arn:aws:iam::${ACCOUNT}:role/hybrid-nodes`, 'system:node:{{SessionName}}', EC2_NODES)),
  otherAccount: mapRoles(
    mapping(`arn:aws:iam::${ACCOUNT}:role/admins`, 'admin:{{SessionName}}', ['system:masters']),
    mapping(`arn:aws:iam::${OTHER_ACCOUNT}:role/shared-builders`, 'system:node:{{EC2PrivateDNSName}}', EC2_NODES),
  ),
  authenticated: mapRoles(mapping(`arn:aws:iam::${ACCOUNT}:role/readers`, 'reader', ['system:authenticated', 'pod-readers'])),
  large: `${mapRoles(mapping(ROLE, 'dev', ['devs']))}#${'x'.repeat(1024 * 1024)}\n`,
};
const migrate = (c: Context, configMap: string, more: any = {}) => new AwsAuthMigration(c.stack, 'M', { cluster: c.cluster, configMap, ...more });
/** The access entries of the stack, by principal. */
const entries = (c: Context) => Object.values(Template.fromStack(c.stack).findResources('AWS::EKS::AccessEntry')).map((r: any) => r.Properties);
fail(AUTH, 'an unreadable ConfigMap', (c) => migrate(c, 'mapRoles: ['), 'Stack/M', /the aws-auth ConfigMap cannot be read/, /kubectl get configmap aws-auth/);
fail(AUTH, 'a ConfigMap that is only an empty YAML document', (c) => migrate(c, '---\n'), 'Stack/M',
  /the aws-auth ConfigMap cannot be read: the input is empty/, /kubectl get configmap aws-auth/);
fail(AUTH, 'a CONFIG_MAP cluster', (c) => new AwsAuthMigration(c.stack, 'M', {
  cluster: importedCluster(c.stack, 'Old', { clusterName: 'old', authenticationMode: 'CONFIG_MAP' as any }), configMap: 'mapRoles: []',
}), 'Stack/M', /uses authenticationMode CONFIG_MAP/, /switch the cluster to API_AND_CONFIG_MAP first/);
fail(AUTH, 'an IAM Identity Center role without its real ARN', (c) => migrate(c, CONFIG_MAPS.sso), 'Stack/M',
  /mapRoles\[0\] arn:aws:iam::123456789012:role\/AWSReservedSSO_Admin_0123456789abcdef: decision needed: AWSReservedSSO_Admin_0123456789abcdef is an IAM Identity Center role/,
  /give the real ARNs of the IAM Identity Center roles in roleArns \(aws iam get-role shows them\)/);
ok(AUTH, 'an IAM Identity Center role with its real ARN', (c) => {
  migrate(c, CONFIG_MAPS.sso, { roleArns: [SSO_REAL] });
  expect(entries(c).map((e) => e.PrincipalArn)).toEqual([SSO_REAL]);
});
fail(AUTH, 'a node role of another account', (c) => migrate(c, CONFIG_MAPS.otherAccount), 'Stack/M',
  /mapRoles\[1\] arn:aws:iam::210987654321:role\/shared-builders: a node role of account 210987654321, not of the cluster's account 123456789012/,
  /give those nodes a node role of the cluster's account/);
fail(AUTH, 'input larger than a ConfigMap can hold', (c) => migrate(c, CONFIG_MAPS.large), 'Stack/M',
  /configMap is \d+ bytes, more than a ConfigMap can hold \(1048576 bytes, 1 MiB\)/, /give the ConfigMap as the cluster has it \(kubectl get configmap aws-auth -n kube-system -o yaml\)/);
ok(AUTH, 'a managed node group\'s role is left out with a note (EKS makes its entry)', (c) => {
  const migration = migrate(c, CONFIG_MAPS.managed, { managedNodeRoleArns: [`arn:aws:iam::${ACCOUNT}:role/eks-nodegroup-role`] });
  expect(entries(c)).toEqual([]);
  expect(migration.migrationPlan.notes).toEqual([expect.objectContaining({ source: 'mapRoles[0]', reason: expect.stringMatching(/not migrated: the node role of a managed node group, whose EC2_LINUX access entry EKS creates itself/) })]);
});
ok(AUTH, 'a Fargate pod execution role is left out with a note', (c) => {
  const migration = migrate(c, CONFIG_MAPS.fargate);
  expect(entries(c)).toEqual([]);
  expect(migration.migrationPlan.notes).toEqual([expect.objectContaining({ source: 'mapRoles[0]', reason: expect.stringMatching(/not migrated: a Fargate pod execution role .* EKS creates the FARGATE_LINUX access entry/) })]);
});
ok(AUTH, 'hybrid nodes become a HYBRID_LINUX entry', (c) => {
  migrate(c, CONFIG_MAPS.hybrid);
  expect(entries(c)).toEqual([expect.objectContaining({ PrincipalArn: `arn:aws:iam::${ACCOUNT}:role/hybrid-nodes`, Type: 'HYBRID_LINUX' })]);
});
ok(AUTH, 'system:authenticated is dropped with a note, no acknowledgement needed', (c) => {
  const migration = migrate(c, CONFIG_MAPS.authenticated);
  expect(entries(c)).toEqual([expect.objectContaining({ KubernetesGroups: ['pod-readers'] })]);
  expect(migration.migrationPlan.notes).toEqual([expect.objectContaining({ source: 'mapRoles[0]', reason: expect.stringMatching(/group system:authenticated dropped: every authenticated identity has it/) })]);
});

/**
 * `migrate-aws-auth` on a ConfigMap file: a mapping it cannot migrate (exit 1), at its place in the
 * ConfigMap; its reason says what happens and why, then what to do.
 */
const unmappable = (name: string, configMap: string, source: string, problem: RegExp, fix: RegExp) => CASES.push({
  category: AUTH,
  name: `CLI: ${name}`,
  run: () => {
    const { code, plan } = migrateCommand(configMap);
    const item = (plan.unmappable as any[]).find((i) => i.source === source);
    return { outcome: `exit ${code}: unmappable`, path: item?.source ?? '', problem: item?.reason ?? '', fix: item?.reason ?? '' };
  },
  expected: expected('exit 1: unmappable', source, problem, fix),
});
unmappable('an IAM Identity Center role without its real ARN', CONFIG_MAPS.sso, 'mapRoles[0]',
  /^decision needed: AWSReservedSSO_Admin_0123456789abcdef is an IAM Identity Center role, whose real ARN has the path \/aws-reserved\/sso\.amazonaws\.com\//,
  /give the real ARN \(roleArns, or the output of aws iam list-roles with --roles; aws iam get-role --role-name AWSReservedSSO_Admin_0123456789abcdef shows it\)/);
unmappable('a node role of another account', CONFIG_MAPS.otherAccount, 'mapRoles[1]',
  /^a node role of account 210987654321, not of the cluster's account 123456789012: EKS takes node roles \(EC2_LINUX\) of the cluster's account only/,
  /give them a node role of account 123456789012, or acknowledge if the nodes are gone/);
/** `migrate-aws-auth` on a ConfigMap file, with the cluster's account. */
function migrateCommand(configMap: string, extra: string[] = []): { code: number; plan: any } {
  const file = path.join(tempDirectory('aws-auth-'), 'aws-auth.yaml');
  fs.writeFileSync(file, configMap);
  const result = command(['migrate-aws-auth', file, '--cluster-account', ACCOUNT, ...extra]);
  return { code: result.code, plan: JSON.parse(result.out) };
}
for (const [name, configMap, extra, reason] of [
  ['a managed node group\'s role is left out with a note', CONFIG_MAPS.managed, ['--managed-node-roles', `arn:aws:iam::${ACCOUNT}:role/eks-nodegroup-role`],
    /^not migrated: the node role of a managed node group, whose EC2_LINUX access entry EKS creates itself \(a second entry would fail the deploy\)$/],
  ['a Fargate pod execution role is left out with a note', CONFIG_MAPS.fargate, [], /^not migrated: a Fargate pod execution role \(it has system:node-proxier\); EKS creates the FARGATE_LINUX access entry/],
  ['system:authenticated is dropped with a note', CONFIG_MAPS.authenticated, [], /^group system:authenticated dropped: every authenticated identity has it/],
] as const) {
  ok(AUTH, `CLI: ${name}`, () => {
    const { code, plan } = migrateCommand(configMap, [...extra]);
    expect({ code, unmappable: plan.unmappable, notes: plan.notes }).toEqual({
      code: 0, unmappable: [], notes: [expect.objectContaining({ source: 'mapRoles[0]', reason: expect.stringMatching(reason) })],
    });
  });
}
ok(AUTH, 'CLI: hybrid nodes become a HYBRID_LINUX entry', () => {
  const { code, plan } = migrateCommand(CONFIG_MAPS.hybrid);
  expect(code).toBe(0);
  expect(plan.entries).toEqual([expect.objectContaining({ source: 'mapRoles[0]', type: 'HYBRID_LINUX', accessPolicies: [] })]);
});
refuse(AUTH, 'CLI: input larger than a ConfigMap can hold', () => {
  const dir = tempDirectory('aws-auth-');
  fs.writeFileSync(path.join(dir, 'aws-auth.yaml'), CONFIG_MAPS.large);
  return { dir, args: ['migrate-aws-auth', path.join(dir, 'aws-auth.yaml')] };
}, 2, '<dir>/aws-auth.yaml', /^the aws-auth input is \d+ bytes, more than a ConfigMap can hold \(1048576 bytes, 1 MiB\)$/,
/^give the ConfigMap as the cluster has it \(kubectl get configmap aws-auth -n kube-system -o yaml\)/);

// ---------------------------------------------------------------------------------------------
// 8. The CLI on malformed assemblies: exit 2 naming the file; resources no rule can read: a warning
const { CLI } = CATEGORY;
const GOOD = { Resources: { Good: irsaRole(ISSUER_A, 'system:serviceaccount:app:web', 'Stack/Good/Resource') } };
const goodAssembly = () => writeFiles(tempDirectory('good-'), { 'manifest.json': manifest({ Stack: 'Stack.template.json' }), 'Stack.template.json': GOOD });
const RESYNTH = /run cdk synth again to rewrite the cloud assembly/;
const COMMANDS: Array<[string, (dir: string) => string[]]> = [
  ['check', (dir) => ['check', dir]],
  ['report', (dir) => ['report', dir, '--format', 'json']],
  ['diff', (dir) => ['diff', goodAssembly(), dir]],
];
const MALFORMED: Array<[string, (dir: string) => { [file: string]: unknown }, string, RegExp, RegExp]> = [
  ['a manifest that is not an object', () => ({ 'manifest.json': '[]' }), 'manifest.json',
    /^not a cloud assembly manifest: expected a JSON object, found an array$/, RESYNTH],
  ['a template that is null', () => ({ 'manifest.json': manifest({ Stack: 'Stack.template.json' }), 'Stack.template.json': 'null' }), 'Stack.template.json',
    /^not a CloudFormation template: expected a JSON object, found null$/, /a template written by hand must be a JSON object whose Resources is an object of resources/],
  ['a template that is not JSON', () => ({ 'manifest.json': manifest({ Stack: 'Stack.template.json' }), 'Stack.template.json': '{"Resources": {' }), 'Stack.template.json',
    /^the template is not valid JSON \(/, RESYNTH],
  ['Resources that are not an object', () => ({ 'manifest.json': manifest({ Stack: 'Stack.template.json' }), 'Stack.template.json': '{"Resources": []}' }), 'Stack.template.json',
    /^not a CloudFormation template: Resources must be an object of resources, found an array$/, /Resources is an object of resources by logical id/],
  ['a templateFile outside the assembly directory (an absolute path)', () => ({ 'manifest.json': manifest({ Stack: '/etc/passwd' }) }), '<dir>/etc/passwd',
    /names it as the template file of stack Stack, but it is outside the cloud assembly directory <dir>; refusing to read it$/,
    /check only cloud assemblies that cdk synth wrote: it keeps every template and nested assembly inside the directory/],
  ['a templateFile outside the assembly directory (a relative path that climbs out)', () => ({ 'manifest.json': manifest({ Stack: '../Outside.template.json' }) }),
    '<parent>/Outside.template.json', /names it as the template file of stack Stack, but it is outside the cloud assembly directory <dir>; refusing to read it$/,
    /check only cloud assemblies that cdk synth wrote/],
];
for (const [name, files, file, problem, fix] of MALFORMED) {
  for (const [commandName, args] of COMMANDS) {
    refuse(CLI, `${commandName}: ${name}`, () => {
      const dir = writeFiles(tempDirectory('malformed-'), files(''));
      return { dir, args: args(dir) };
    }, 2, file.startsWith('<') ? file : `<dir>/${file}`, problem, fix);
  }
}
const UNREADABLE: Array<[string, unknown, RegExp, RegExp]> = [
  ['a resource that is null', null, /^is null, not a resource \(an object with Type and Properties\)$/, /run cdk synth again if cdk wrote the template/],
  ['Properties that are not an object', { Type: 'AWS::IAM::Role', Properties: 'none' }, /^has Properties that are a string, not an object$/, /run cdk synth again if cdk wrote the template/],
  ['a trust policy that does not parse', { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: '{"Statement": [' } },
    /^has an AssumeRolePolicyDocument that is not valid JSON, so no trust rule can judge it$/, /write the trust policy as a JSON object with a Statement list/],
];
for (const [name, resource, problem, fix] of UNREADABLE) {
  for (const commandName of ['check', 'report']) {
    CASES.push({
      category: CLI,
      name: `${commandName}: ${name} is a warning, not silence`,
      run: () => {
        const dir = writeFiles(tempDirectory('unreadable-'), {
          'manifest.json': manifest({ Stack: 'Stack.template.json' }),
          'Stack.template.json': { Resources: { ...GOOD.Resources, Broken: resource } },
        });
        const result = command([commandName, dir]);
        const line = /^warning: (.+?): resource (\S+) (.+?)(?:; no rule checks it)\. Fix: (.+)$/s.exec(relative(result.err, dir));
        return line
          ? { outcome: `exit ${result.code} with a warning`, path: `${line[1]} ${line[2]}`, problem: line[3], fix: line[4] }
          : { outcome: `exit ${result.code} without a warning`, path: '', problem: result.err, fix: '' };
      },
      expected: expected('exit 0 with a warning', '<dir>/Stack.template.json Broken', problem, fix),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 9. Rules a reviewer would expect: rule id and level, logical id and construct path, message, fix
const { RULES } = CATEGORY;
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_A}`;
const cfnRole = (c: Context, id: string, statement: any) => new iam.CfnRole(c.stack, id, { assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [statement] } });
const irsaStatement = (more: any = {}) => ({
  Effect: 'Allow',
  Principal: { Federated: PROVIDER },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: { StringEquals: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:app:web', [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } },
  ...more,
});
rule(RULES, 'a role any principal may assume', (c) => new iam.Role(c.stack, 'Open', { roleName: 'open', assumedBy: new iam.AnyPrincipal() }),
  'EKSID-IAM-007', 'error', /^Stack\/Open[0-9A-F]{8} \(Stack\/Open\/Resource\)$/,
  /role Open[0-9A-F]{8} trusts the principal \{"AWS": "\*"\} \(statement 0\) for sts:AssumeRole: anyone, in any AWS account, with no condition at all can assume it/,
  /name the principals that need the role .* or pin the caller with a condition on aws:PrincipalArn, aws:PrincipalAccount or aws:PrincipalOrgID/);
rule(RULES, 'Principal "*" with a condition that does not pin the caller', (c) => cfnRole(c, 'Star', {
  Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'secret' } },
}), 'EKSID-IAM-007', 'error', 'Stack/Star (Stack/Star)', /trusts the principal "\*" \(statement 0\) for sts:AssumeRole: anyone, in any AWS account, who meets its conditions \(sts:ExternalId\)/,
/pin the caller with a condition on aws:PrincipalArn/);
ok(RULES, 'near miss: "*" scoped to an organization', (c) => {
  new iam.Role(c.stack, 'Org', { assumedBy: new iam.OrganizationPrincipal('o-abc123def4') });
  expect(ruleIds(c)).not.toContain('EKSID-IAM-007');
});
ok(RULES, 'an AWS "*" trust is not reported as a pods.eks.amazonaws.com scoping problem', (c) => {
  cfnRole(c, 'Star', { Effect: 'Allow', Principal: { AWS: '*' }, Action: ['sts:AssumeRole', 'sts:TagSession'] });
  expect(ruleIds(c)).toEqual(['EKSID-IAM-007']);
});
rule(RULES, 'a Federated principal allowed sts:AssumeRole', (c) => cfnRole(c, 'Fed', irsaStatement({ Action: 'sts:AssumeRole' })),
  'EKSID-IRSA-011', 'error', 'Stack/Fed (Stack/Fed)',
  /role Fed allows Federated principal arn:aws:iam::123456789012:oidc-provider\/.* sts:AssumeRole \(statement 0\) but not sts:AssumeRoleWithWebIdentity: the provider's tokens can never assume it/,
  /allow sts:AssumeRoleWithWebIdentity to the Federated principal \(and sts:TagSession only when its tokens carry session tags\), nothing else/);
rule(RULES, 'a Federated principal allowed sts:*', (c) => cfnRole(c, 'Fed', irsaStatement({ Action: 'sts:*' })),
  'EKSID-IRSA-011', 'error', 'Stack/Fed (Stack/Fed)', /allows Federated principal .* sts:\* \(statement 0\), more than sts:AssumeRoleWithWebIdentity/,
  /allow sts:AssumeRoleWithWebIdentity to the Federated principal/);
ok(RULES, 'near miss: sts:AssumeRoleWithWebIdentity and sts:TagSession', (c) => {
  cfnRole(c, 'Fed', irsaStatement({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }));
  expect(ruleIds(c)).not.toContain('EKSID-IRSA-011');
});
rule(RULES, 'a ":sub" value that is a group, not a subject', (c) => cfnRole(c, 'Sub', irsaStatement({
  Condition: { StringEquals: { [`${ISSUER_A}:sub`]: 'system:serviceaccounts:app', [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } },
})), 'EKSID-IRSA-012', 'error', 'Stack/Sub (Stack/Sub)',
/with StringEquals ":sub" value 'system:serviceaccounts:app' is not system:serviceaccount:<namespace>:<name> \(system:serviceaccounts\.\.\. is a group/,
/write the subject as system:serviceaccount:<namespace>:<service account>, e\.g\. system:serviceaccount:app:web/);
rule(RULES, 'a ":sub" value with an invalid namespace', (c) => cfnRole(c, 'Sub', irsaStatement({
  Condition: { StringEquals: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:App:web', [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } },
})), 'EKSID-IRSA-012', 'error', 'Stack/Sub (Stack/Sub)', /":sub" value 'system:serviceaccount:App:web' matches no service account: the namespace 'App' is not a valid Kubernetes namespace name/,
/write the subject as system:serviceaccount:<namespace>:<service account>/);
ok(RULES, 'near miss: a StringLike pattern the library allows', (c) => {
  cfnRole(c, 'Sub', irsaStatement({
    Condition: { StringLike: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:app:job-*' }, StringEquals: { [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } },
  }));
  expect(ruleIds(c)).not.toContain('EKSID-IRSA-012');
});
rule(RULES, 'a Federated principal that is a role ARN', (c) => cfnRole(c, 'Fed', irsaStatement({ Principal: { Federated: ROLE } })),
  'EKSID-IRSA-013', 'error', 'Stack/Fed (Stack/Fed)', /role Fed: Federated principal 'arn:aws:iam::123456789012:role\/Dev' is not an IAM OIDC provider ARN, so no token can assume it/, PROVIDER_FIX);
rule(RULES, 'a Federated provider of another account', (c) => cfnRole(c, 'Fed', irsaStatement({ Principal: { Federated: PROVIDER.replace(ACCOUNT, OTHER_ACCOUNT) } })),
  'EKSID-IRSA-013', 'error', 'Stack/Fed (Stack/Fed)', /is in account 210987654321, but IRSA roles trust OIDC providers of their own account \(123456789012\)/, /register the cluster's issuer as an OIDC provider in this account/);
rule(RULES, 'a Federated provider ARN with a region', (c) => cfnRole(c, 'Fed', irsaStatement({ Principal: { Federated: PROVIDER.replace('iam::', 'iam:us-east-1:') } })),
  'EKSID-IRSA-013', 'error', 'Stack/Fed (Stack/Fed)', /has a region \('us-east-1'\); IAM ARNs have none/, PROVIDER_FIX);
ok(RULES, 'near miss: a web identity provider named by its domain', (c) => {
  cfnRole(c, 'Cognito', { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:x' } } });
  expect(ruleIds(c)).not.toContain('EKSID-IRSA-013');
});
rule(RULES, 'a Federated provider that differs from the issuer of its condition keys', (c) => cfnRole(c, 'Fed', irsaStatement({ Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_B}` } })),
  'EKSID-IRSA-007', 'error', 'Stack/Fed (Stack/Fed)', /but its conditions are keyed on another issuer/, /key the conditions on the issuer of the provider in Principal\.Federated/);
rule(RULES, 'an IRSA audience other than sts.amazonaws.com', (c) => cfnRole(c, 'Aud', irsaStatement({
  Condition: { StringEquals: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:app:web', [`${ISSUER_A}:aud`]: 'api.example.com' } },
})), 'EKSID-IRSA-008', 'error', 'Stack/Aud (Stack/Aud)', /only for audience api\.example\.com/, /sts\.amazonaws\.com/);
const targetTrust = (conditions: any) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: conditions });
rule(RULES, 'a target role trusting an account by session tags only', (c) => cfnRole(c, 'Target', targetTrust({
  StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'app', 'aws:RequestTag/kubernetes-service-account': 'app' },
})), 'EKSID-POD-014', 'warning', 'Stack/Target (Stack/Target)',
/role Target trusts account arn:aws:iam::210987654321:root \(statement 0\) as a pod identity target role scoped only by aws:RequestTag\/kubernetes-namespace, aws:RequestTag\/kubernetes-service-account without an aws:PrincipalArn condition/,
/add ArnEquals "aws:PrincipalArn": "<association role ARN>" to the statement/);
rule(RULES, 'a target role trusting an account by external id only', (c) => cfnRole(c, 'Target', targetTrust({
  StringEquals: { 'sts:ExternalId': `${REGION}/${OTHER_ACCOUNT}/myeks/app/app` },
})), 'EKSID-POD-014', 'warning', 'Stack/Target (Stack/Target)', /scoped only by sts:ExternalId without an aws:PrincipalArn condition/, /add ArnEquals "aws:PrincipalArn"/);
ok(RULES, 'near miss: a target role pinned to the association role', (c) => {
  cfnRole(c, 'Target', targetTrust({
    StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'app' },
    ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER_ACCOUNT}:role/app` },
  }));
  expect(ruleIds(c)).not.toContain('EKSID-POD-014');
});
const association = (c: Context, more: any) => new eks.CfnPodIdentityAssociation(c.stack, 'Assoc', {
  clusterName: 'imported', namespace: 'app', serviceAccount: 'app', roleArn: `arn:aws:iam::${ACCOUNT}:role/app`, ...more,
});
rule(RULES, 'an association whose target role is service-linked', (c) => association(c, { targetRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS` }),
  'EKSID-POD-015', 'error', 'Stack/Assoc (Stack/Assoc)', /pod identity association Assoc \(app\/app\): TargetRoleArn '.*' is a service-linked role/, /give the ARN of a role you manage in the target account/);
rule(RULES, 'an association whose target role is a user', (c) => association(c, { targetRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:user/alice` }),
  'EKSID-POD-015', 'error', 'Stack/Assoc (Stack/Assoc)', /TargetRoleArn 'arn:aws:iam::210987654321:user\/alice' is not an IAM role ARN/, TARGET_FIX);
const fargate = (c: Context, namespace: string) => new eks.CfnFargateProfile(c.stack, 'Profile', {
  clusterName: 'imported', podExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/fargate`, selectors: [{ namespace }],
});
rule(RULES, 'an association in a namespace a Fargate pattern selects (team-*)', (c) => { fargate(c, 'team-*'); association(c, { namespace: 'team-a' }); },
  'EKSID-POD-011', 'error', 'Stack/Assoc (Stack/Assoc)', /Fargate profile Profile of cluster imported selects namespace team-a \(team-\*\): EKS Pod Identity does not run on Fargate/,
  /use IRSA for service accounts whose pods run on Fargate/);
rule(RULES, 'an association in a namespace a Fargate pattern selects (b?tch)', (c) => { fargate(c, 'b?tch'); association(c, { namespace: 'batch' }); },
  'EKSID-POD-011', 'error', 'Stack/Assoc (Stack/Assoc)', /selects namespace batch \(b\?tch\)/, /use IRSA for service accounts whose pods run on Fargate/);
ok(RULES, 'near miss: a Fargate pattern that does not select the namespace', (c) => {
  fargate(c, 'team-*');
  association(c, { namespace: 'teams' });
  expect(ruleIds(c)).not.toContain('EKSID-POD-011');
});
rule(RULES, 'an OIDC provider of another region than the stack\'s', (c) => new iam.CfnOIDCProvider(c.stack, 'Provider', {
  url: `https://oidc.eks.us-west-2.amazonaws.com/id/${ID}`, clientIdList: ['sts.amazonaws.com'],
}), 'EKSID-IRSA-010', 'error', 'Stack/Provider (Stack/Provider)', /OIDC provider Provider has Url '.*' is the issuer of a cluster in us-west-2, but the stack is in ap-northeast-2/,
/import the cluster into a stack of its region/);
rule(RULES, 'an OIDC provider URL whose known host is another region\'s', (c) => new iam.CfnOIDCProvider(c.stack, 'Provider', {
  url: `https://oidc.eks.us-west-2.amazonaws.com/id/${Fn.importValue('id')}`, clientIdList: ['sts.amazonaws.com'],
}), 'EKSID-IRSA-010', 'error', 'Stack/Provider (Stack/Provider)', /is the issuer of a cluster in us-west-2/, /import the cluster into a stack of its region/);
rule(RULES, 'an access entry principal of another partition', (c) => new eks.CfnAccessEntry(c.stack, 'Entry', { clusterName: 'imported', principalArn: `arn:aws-cn:iam::${ACCOUNT}:role/Dev` }),
  'EKSID-ACCESS-009', 'error', 'Stack/Entry (Stack/Entry)', /access entry Entry: PrincipalArn 'arn:aws-cn:iam::123456789012:role\/Dev' is in partition aws-cn, but the stack is in partition aws/,
  /give the ARN in partition aws/);
rule(RULES, 'a FARGATE_LINUX entry with an access policy', (c) => new eks.CfnAccessEntry(c.stack, 'Entry', {
  clusterName: 'imported',
  principalArn: NODE_ROLE,
  type: 'FARGATE_LINUX',
  accessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'cluster' } }],
}), 'EKSID-ACCESS-004', 'error', 'Stack/Entry (Stack/Entry)', /an access entry of type FARGATE_LINUX cannot have access policies \(AmazonEKSViewPolicy\)/, /remove the access policies/);
rule(RULES, 'escalate on the RBAC API group', (c) => group(c, [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] }]),
  'EKSID-RBAC-001', 'warning', 'Stack (Kubernetes objects)', /ClusterRole ops .* rule 0: it grants escalate on roles, which lets the group raise its own privileges/,
  /grant only the verbs and resources the subjects need; if this is meant, suppress EKSID-RBAC-001 with the reason/);
rule(RULES, 'a RoleBinding to cluster-admin, worded for its namespace', (c) => c.cluster.addKubernetesGroup('G', { group: 'ops', clusterRole: 'cluster-admin', namespace: 'app' }),
  'EKSID-RBAC-002', 'warning', 'Stack (Kubernetes objects)', /RoleBinding app\/ops-cluster-admin .* binds the cluster-admin ClusterRole in namespace app \(everything in that namespace/, ADMIN_BINDING_FIX);
ok(RULES, 'near miss: escalate on roles of another API group', (c) => {
  group(c, [{ apiGroups: ['example.com'], resources: ['roles'], verbs: ['escalate'] }]);
  expect(ruleIds(c)).not.toContain('EKSID-RBAC-001');
});

// ---------------------------------------------------------------------------------------------
// 10. The deployer's hidden admin (bootstrapClusterCreatorAdminPermissions)
const { ADMIN } = CATEGORY;
const eksCluster = (c: Context, more: Partial<eks.ClusterProps> = {}) => new eks.Cluster(c.stack, 'Eks', {
  version: eks.KubernetesVersion.V1_33, defaultCapacityType: eks.DefaultCapacityType.NODEGROUP, defaultCapacity: 0, ...more,
});
const HIDDEN_FIX = /set bootstrapClusterCreatorAdminPermissions \(BootstrapClusterCreatorAdminPermissions\) to false and grant cluster admin with access entries \(changing it replaces the cluster/;
warn(ADMIN, 'fromCluster of an aws-eks-v2 cluster that keeps the default', (c) => IdentityCluster.fromCluster(c.stack, 'Wrapped', eksCluster(c)), 'Stack/Wrapped',
  /cluster Stack\/Eks gives the principal that creates it \(with CloudFormation, the stack's execution role\) a hidden cluster admin: .* \(BootstrapClusterCreatorAdminPermissions is not set; EKS defaults it to true\)/,
  HIDDEN_FIX);
warn(ADMIN, 'fromCluster of an aws-eks-v2 cluster that sets it to true', (c) => IdentityCluster.fromCluster(c.stack, 'Wrapped', eksCluster(c, { bootstrapClusterCreatorAdminPermissions: true })), 'Stack/Wrapped',
  /a hidden cluster admin: .* \(BootstrapClusterCreatorAdminPermissions is true\)/, HIDDEN_FIX);
warn(ADMIN, 'an IdentityCluster that opts back into the EKS default', (c) => created(c, { bootstrapClusterCreatorAdminPermissions: true }), 'Stack/Created',
  /cluster Stack\/Created gives the principal that creates it .* a hidden cluster admin/, HIDDEN_FIX);
ok(ADMIN, 'the warning can be acknowledged', (c) => {
  const wrapped = IdentityCluster.fromCluster(c.stack, 'Wrapped', eksCluster(c));
  CoreAnnotations.of(wrapped).acknowledgeWarning('cdk-eks-identity:creatorAdmin', 'the pipeline role is our break-glass admin');
  Annotations.fromStack(c.stack).hasNoWarning('/Stack/Wrapped', Match.stringLikeRegexp('hidden cluster admin'));
});
ok(ADMIN, 'near miss: an IdentityCluster keeps the library default (false)', (c) => {
  created(c, { admins: [ROLE] });
  Annotations.fromStack(c.stack).hasNoWarning('*', Match.stringLikeRegexp('hidden cluster admin'));
});
ok(ADMIN, 'near miss: fromCluster of an aws-eks-v2 cluster that sets it to false', (c) => {
  IdentityCluster.fromCluster(c.stack, 'Wrapped', eksCluster(c, { bootstrapClusterCreatorAdminPermissions: false }));
  Annotations.fromStack(c.stack).hasNoWarning('*', Match.stringLikeRegexp('hidden cluster admin'));
});
rule(ADMIN, 'the rule pack on an aws-eks-v2 cluster that keeps the default', (c) => eksCluster(c), 'EKSID-ACCESS-013', 'warning', /^Stack\/Eks[0-9A-F]{8} \(Stack\/Eks\/Resource\)$/,
  /cluster Eks[0-9A-F]{8} gives the principal that creates it .* a hidden cluster admin/, HIDDEN_FIX);

// ---------------------------------------------------------------------------------------------
// Names and knobs (beyond items 1-10)
const { KNOBS } = CATEGORY;
fail(KNOBS, 'an agent version that is not one', (c) => created(c, { podIdentityAgentVersion: '1.3.10' }), 'Stack/Created',
  /podIdentityAgentVersion '1.3.10' is not an EKS add-on version/, /describe-addon-versions/);
ok(KNOBS, 'an agent version', (c) => created(c, { podIdentityAgentVersion: 'v1.3.10-eksbuild.1', podIdentityAgentConfiguration: { agent: { additionalArgs: { '-b': '169.254.170.23' } } } }));
fail(KNOBS, 'an agent version in Auto Mode', (c) => newCluster(c.stack, 'automode', { podIdentityAgentVersion: 'v1.3.10-eksbuild.1' }, 'Created'), 'Stack/Created',
  /which Auto Mode does not need/, /remove them/);
fail(KNOBS, 'an agent version without the agent', (c) => created(c, { podIdentityAgent: false, podIdentityAgentVersion: 'v1.3.10-eksbuild.1' }), 'Stack/Created',
  /which podIdentityAgent: false leaves out/, /set podIdentityAgent: true/);
warn(KNOBS, 'no admin at all', (c) => created(c), 'Stack/Created', /nobody can use the Kubernetes API until an access entry grants it/, /add admins: \[<role ARN>\]/);
fail(KNOBS, 'a Fargate profile namespace that is not one', (c) => created(c).addFargateProfile('P', { selectors: [{ namespace: 'Batch' }] }), 'Stack/Created',
  /Fargate namespace 'Batch' is not a valid Kubernetes namespace name/, /or a pattern with \* and \?/);
const identity = (c: Context, more: any) => c.cluster.addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.IRSA, ...more });
for (const [name, rolePath, problem] of [
  ['a path without slashes', 'teams', /does not start and end with '\/'/],
  ['a path without the trailing slash', '/teams', /does not start and end with '\/'/],
  ['a path with a space', '/my team/', /contains " " \(whitespace\)/],
  ['an empty path', '', /rolePath is empty/],
  ['two slashes only', '//', /has nothing between its slashes/],
] as const) fail(KNOBS, name, (c) => identity(c, { rolePath }), 'Stack/Imported/Id', problem, /\/workloads\//);
ok(KNOBS, 'a role path: the annotation has the ARN with it', (c) => expect(identity(c, { rolePath: '/workloads/', roleName: 'r' }).roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/workloads/r`));
ok(KNOBS, 'a permissions boundary', (c) => identity(c, { permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyName(c.stack, 'B', 'boundary') }));
fail(KNOBS, 'a permissions boundary on a role you bring', (c) => identity(c, {
  role: iam.Role.fromRoleArn(c.stack, 'R', ROLE), permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyName(c.stack, 'B', 'boundary'),
}), 'Stack/Imported/Id', /permissionsBoundary describes the role the library creates, and role brings your own/, /not both/);
for (const [name, namespace, problem] of [
  ['an upper-case namespace', 'App', /namespace 'App' is not a valid Kubernetes namespace name: it contains "A"/],
  ['a namespace with a dot', 'my.app', /namespace 'my.app' is not a valid Kubernetes namespace name/],
  ['a namespace over 63 characters', 'n'.repeat(64), /it is 64 characters long \(at most 63\)/],
  ['a namespace ending in -', 'app-', /must start and end with a lower case letter or digit/],
  ['a unicode namespace', 'ápp', /it contains "á"/],
] as const) fail(KNOBS, name, (c) => identity(c, { namespace }), 'Stack/Imported/Id', problem, /DNS-1123 label/);
for (const [name, serviceAccountName, problem] of [
  ['an upper-case service account', 'Web', /service account name 'Web' is not a valid Kubernetes name/],
  ['a service account with a space', 'my sa', /contains " " \(whitespace\)/],
  ['a service account with an empty dot part', 'a..b', /each dot-separated part must start and end/],
  ['a service account over 253 characters', 's'.repeat(254), /it is 254 characters long \(at most 253\)/],
] as const) fail(KNOBS, name, (c) => identity(c, { serviceAccountName }), 'Stack/Imported/Id', problem, /DNS-1123 subdomain/);
ok(KNOBS, 'one-character names', (c) => identity(c, { namespace: 'a', serviceAccountName: 'b' }));
fail(KNOBS, 'a wildcard without the opt-in', (c) => identity(c, { serviceAccountName: 'job-*' }), 'Stack/Imported/Id', /contains "\*"/, /DNS-1123 subdomain/);
warn(KNOBS, 'a wildcard with the opt-in', (c) => identity(c, { serviceAccountName: 'job-*', allowWildcardSubject: true }), 'Stack/Imported/Id',
  /is a wildcard: every matching service account can assume/, /name the namespace and service account exactly \(no \* or \?\)/);
for (const [name, roleName, problem] of [
  ['a role name over 64 characters', 'r'.repeat(65), /is 65 characters long/],
  ['a role name with a slash', 'a/b', /contains "\/"/],
  ['a role name with unicode', 'rôle', /contains "ô"/],
  ['a role name with a deploy-time part and a slash', `${Aws.STACK_NAME}/web`, /contains "\/"/],
] as const) fail(KNOBS, name, (c) => identity(c, { roleName }), 'Stack/Imported/Id', problem, /1-64 characters/);
warn(KNOBS, 'a role you bring whose trust cannot work', (c) => identity(c, { role: new iam.Role(c.stack, 'Mine', { roleName: 'mine', assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }) }), 'Stack/Imported/Id',
  /the role you brought cannot work for IRSA/, /trust the cluster's OIDC provider for sts:AssumeRoleWithWebIdentity/);

describe('the bad-input corpus', () => {
  const asserting = CASES.filter((c) => c.expected !== undefined);

  test('has at least 150 cases that each assert outcome, path, cause and fix, in every category of the issue', () => {
    if (process.env.CORPUS_COUNTS) {
      const counts = Object.values(CATEGORY).map((category) => `${category}: ${asserting.filter((c) => c.category === category).length} asserting, `
        + `${CASES.filter((c) => c.category === category && !c.expected).length} ok`);
      process.stdout.write(`corpus: ${CASES.length} cases, ${asserting.length} asserting\n${counts.join('\n')}\n`);
    }
    expect(asserting.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CASES.map((c) => c.category))).toEqual(new Set(Object.values(CATEGORY)));
    for (const category of Object.values(CATEGORY)) {
      expect({ category, asserting: asserting.some((c) => c.category === category) }).toEqual({ category, asserting: true });
    }
  });

  test('no fix is asserted as anything at all', () => {
    for (const c of asserting) expect({ name: c.name, fix: c.expected!.fix.source }).not.toEqual({ name: c.name, fix: expect.stringMatching(/^(\.\+|\.\*|\.)$/) });
  });

  test.each(CASES.map((c) => [`${c.category}: ${c.name}`, c] as const))('%s', (_name, testCase) => {
    const c = context();
    const observed = testCase.run(c);
    if (testCase.expected) {
      const { outcome, path: where, problem, fix } = testCase.expected;
      expect(observed).toEqual({
        outcome,
        path: typeof where === 'string' ? where : expect.stringMatching(where),
        problem: expect.stringMatching(problem),
        fix: expect.stringMatching(fix),
      });
    }
  });
});
