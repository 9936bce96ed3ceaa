import { App, Aws, Duration, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  AccessEntryType, AccessPolicy, AccessScopeType, AwsAuthMigration, IdentityCluster, IdentityMode, IIdentityCluster, PodIdentityTargetRole,
  WorkloadPlatform,
} from '../src';
import { ACCOUNT, ENV, importedCluster, ISSUER_A, ISSUER_B, newCluster, OTHER_ACCOUNT, REGION } from './support/fixtures';

/*
 * The bad-input corpus: wrong or risky inputs a user gives, and what each one gets. An error is a
 * synth-time `<construct path>: <problem>. Fix: <fix>` (the path, the cause and a fix that
 * addresses the cause are each asserted); a warning is a synth warning on the construct; `ok`
 * means the input is fine (a near miss of a wrong one). Grow it with every validation.
 */

interface Context {
  readonly app: App;
  readonly stack: Stack;
  /** An imported cluster (`Stack/Imported`) with the pod identity agent. */
  readonly cluster: IIdentityCluster;
}

interface Expected {
  readonly path: string;
  readonly problem: RegExp;
  readonly fix: RegExp;
}

interface Case {
  readonly category: string;
  readonly name: string;
  readonly act: (c: Context) => unknown;
  readonly error?: Expected;
  readonly warning?: { readonly path: string; readonly message: RegExp };
}

const ROLE = `arn:aws:iam::${ACCOUNT}:role/Dev`;
const ID = '0123456789ABCDEF0123456789ABCDEF';
const EKS_ISSUER = `https://oidc.eks.${REGION}.amazonaws.com/id/${ID}`;
const CASES: Case[] = [];

function context(): Context {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: ENV });
  return { app, stack, cluster: importedCluster(stack) };
}

const fail = (category: string, name: string, act: Case['act'], path: string, problem: RegExp, fix: RegExp) =>
  CASES.push({ category, name, act, error: { path, problem, fix } });
const warn = (category: string, name: string, act: Case['act'], path: string, message: RegExp) =>
  CASES.push({ category, name, act, warning: { path, message } });
const ok = (category: string, name: string, act: Case['act']) => CASES.push({ category, name, act });

// ---------------------------------------------------------------------------------------------
// 1. Imported clusters
const attrs = (c: Context, more: any) => IdentityCluster.fromClusterAttributes(c.stack, 'X', { clusterName: 'x', openIdConnectIssuerUrl: EKS_ISSUER, ...more });
const IMPORT = 'imported clusters';
for (const [name, url, problem, fix] of [
  ['an empty issuer', '', /openIdConnectIssuerUrl is empty/, /describe-cluster/],
  ['a blank issuer', '   ', /openIdConnectIssuerUrl is empty/, /describe-cluster/],
  ['http://', EKS_ISSUER.replace('https', 'http'), /does not use https:\/\//, /describe-cluster/],
  ['no scheme', EKS_ISSUER.replace('https://', ''), /is not a URL \(it must start with https:\/\/\)/, /describe-cluster/],
  ['a query', `${EKS_ISSUER}?x=1`, /no whitespace, query or fragment/, /describe-cluster/],
  ['a fragment', `${EKS_ISSUER}#a`, /no whitespace, query or fragment/, /describe-cluster/],
  ['whitespace inside', EKS_ISSUER.replace('/id/', '/id /'), /"\s" \(whitespace\)/, /describe-cluster/],
  ['a short id', `https://oidc.eks.${REGION}.amazonaws.com/id/ABC`, /its id is not 32 upper-case hexadecimal characters/, /copy the issuer exactly/],
  ['a lower-case id', EKS_ISSUER.toLowerCase(), /its id is not 32 upper-case hexadecimal characters/, /copy the issuer exactly/],
  ['another OIDC issuer', 'https://token.actions.githubusercontent.com', /is not an EKS cluster's issuer/, /allowNonEksIssuer: true/],
  ['another region than the stack', `https://oidc.eks.us-east-1.amazonaws.com/id/${ID}`, /is the issuer of a cluster in us-east-1, but the stack is in ap-northeast-2/, /stack of its region/],
  ['no host', 'https:///id/x', /has no host/, /describe-cluster/],
] as const) fail(IMPORT, name, (c) => attrs(c, { openIdConnectIssuerUrl: url }), 'Stack/X', problem, fix);
ok(IMPORT, 'a trailing slash is normalised', (c) => expect(attrs(c, { openIdConnectIssuerUrl: `${EKS_ISSUER}/` }).openIdConnectIssuerUrl).toBe(EKS_ISSUER));
ok(IMPORT, 'an upper-case host is normalised', (c) => expect(attrs(c, { openIdConnectIssuerUrl: EKS_ISSUER.replace('oidc.eks', 'OIDC.EKS') }).openIdConnectIssuerUrl).toBe(EKS_ISSUER));
ok(IMPORT, 'another OIDC issuer by explicit opt-in', (c) => attrs(c, { openIdConnectIssuerUrl: 'https://token.actions.githubusercontent.com', allowNonEksIssuer: true }));
ok(IMPORT, 'an issuer only known at deploy time', (c) => attrs(c, { openIdConnectIssuerUrl: Fn.importValue('issuer') }));
fail(IMPORT, 'an issuer whose known part is http', (c) => attrs(c, { openIdConnectIssuerUrl: `http://${Fn.importValue('host')}` }), 'Stack/X', /does not use https:\/\//, /describe-cluster/);
for (const [name, arn, problem, fix] of [
  ['a provider ARN that is a role ARN', ROLE, /is not an IAM OIDC provider ARN/, /oidc-provider/],
  ['a provider ARN without issuer', `arn:aws:iam::${ACCOUNT}:oidc-provider/`, /is not an IAM OIDC provider ARN/, /oidc-provider/],
  ['a provider of another issuer', `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_B}`, /is the provider of issuer .*, not of the cluster's issuer/, /give the provider for/],
  ['a provider of another account', `arn:aws:iam::${OTHER_ACCOUNT}:oidc-provider/${ISSUER_A}`, /IRSA roles trust OIDC providers of their own account/, /register the cluster's issuer/],
  ['a provider ARN with a short account', `arn:aws:iam::12345:oidc-provider/${ISSUER_A}`, /not a 12-digit account id/, /12-digit/],
  ['a provider ARN that is not an ARN', 'oidc-provider', /is not an IAM OIDC provider ARN/, /oidc-provider/],
] as const) fail(IMPORT, name, (c) => attrs(c, { openIdConnectProviderArn: arn }), 'Stack/X', problem, fix);
ok(IMPORT, 'a provider ARN only known at deploy time', (c) => attrs(c, { openIdConnectProviderArn: Fn.importValue('provider') }));
for (const [name, arn, problem] of [
  ['a cluster ARN of another name', `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/other`, /names cluster 'other', not clusterName 'x'/],
  ['a cluster ARN that is not EKS', `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/x`, /is not an EKS cluster ARN/],
  ['a cluster ARN that is not an ARN', 'x', /is not an EKS cluster ARN/],
  ['a cluster ARN of another account', `arn:aws:eks:${REGION}:${OTHER_ACCOUNT}:cluster/x`, /is in account 210987654321, but the stack is in 123456789012/],
  ['a cluster ARN of another region', `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/x`, /is in region us-east-1, but the stack is in ap-northeast-2/],
] as const) fail(IMPORT, name, (c) => attrs(c, { clusterArn: arn }), 'Stack/X', problem, /cluster/);
for (const [name, clusterName, problem] of [
  ['an empty cluster name', '', /clusterName is empty/],
  ['a cluster name over 100 characters', 'c'.repeat(101), /is 101 characters long \(EKS allows at most 100\)/],
  ['a cluster name with a dot', 'my.cluster', /contains "\."/],
  ['a cluster name starting with -', '-x', /does not start with a letter or digit/],
  ['a cluster name with a space', 'my cluster', /contains " " \(whitespace\)/],
] as const) fail(IMPORT, name, (c) => attrs(c, { clusterName }), 'Stack/X', problem, /letters, digits, '-' and '_'/);
ok(IMPORT, 'a 100-character cluster name', (c) => attrs(c, { clusterName: 'c'.repeat(100) }));
fail(IMPORT, 'a Fargate namespace that is not one', (c) => attrs(c, { fargateNamespaces: ['Apps'] }), 'Stack/X', /Fargate namespace 'Apps' is not a valid Kubernetes namespace name/, /or a pattern with \* and \?/);
ok(IMPORT, 'a Fargate namespace pattern', (c) => attrs(c, { fargateNamespaces: ['team-*'] }));
fail(IMPORT, 'fromCluster with a bad issuer option', (c) => IdentityCluster.fromCluster(c.stack, 'W', eks.Cluster.fromClusterAttributes(c.stack, 'E', { clusterName: 'e' }), { openIdConnectIssuerUrl: 'oidc.example.com' }),
  'Stack/W', /openIdConnectIssuerUrl 'oidc.example.com' is not a URL/, /describe-cluster/);
fail(IMPORT, 'fromCluster of an imported aws-eks-v2 cluster with no provider and no issuer', (c) => IdentityCluster.fromCluster(c.stack, 'W', eks.Cluster.fromClusterAttributes(c.stack, 'E', { clusterName: 'e' })),
  'Stack', /cluster Stack\/E has no openIdConnectProvider and no issuer was given/, /pass openIdConnectIssuerUrl/);

// ---------------------------------------------------------------------------------------------
// 2. Pod identity
const POD = 'pod identity';
const pod = (c: Context, more: any = {}) => c.cluster.addWorkloadIdentity('Id', { namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, roleName: 'app', ...more });
for (const [name, arn, problem] of [
  ['targetRoleArn that is a user', `arn:aws:iam::${OTHER_ACCOUNT}:user/alice`, /is not an IAM role ARN/],
  ['targetRoleArn that is not an ARN', 'data-role', /is not an ARN/],
  ['targetRoleArn with a wildcard', `arn:aws:iam::${OTHER_ACCOUNT}:role/*`, /no whitespace and no wildcard/],
  ['targetRoleArn with a short account', 'arn:aws:iam::2109:role/data', /not a 12-digit account id/],
  ['targetRoleArn of another service', 'arn:aws:s3:::bucket', /is not an IAM role ARN/],
  ['targetRoleArn with a region', `arn:aws:iam:us-east-1:${OTHER_ACCOUNT}:role/data`, /is not an IAM role ARN/],
  ['targetRoleArn in an unknown partition', `arn:awz:iam::${OTHER_ACCOUNT}:role/data`, /partition 'awz', which is not an AWS partition/],
  ['targetRoleArn with an invalid role name', `arn:aws:iam::${OTHER_ACCOUNT}:role/da ta`, /contains " " \(whitespace\)/],
] as const) fail(POD, name, (c) => pod(c, { targetRoleArn: arn }), 'Stack/Imported/Id', problem, /.+/);
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

// ---------------------------------------------------------------------------------------------
// 3. Access entries
const ACCESS = 'access entries';
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
  ['an account root', `arn:aws:iam::${ACCOUNT}:root`, /is not an IAM role or user ARN/, ROLE_FIX],
  ['a group', `arn:aws:iam::${ACCOUNT}:group/devs`, /is not an IAM role or user ARN/, ROLE_FIX],
  ['an STS session', `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/alice`, /is an STS assumed-role session ARN/, /use the role ARN arn:aws:iam::123456789012:role\/Dev/],
  ['a service-linked role', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`, /is a service-linked role/, /an IAM role or user you manage/],
  ['not an ARN', 'Dev', /is not an ARN/, ROLE_FIX],
  ['an S3 ARN', 'arn:aws:s3:::bucket', /is not an IAM role or user ARN/, ROLE_FIX],
] as const) fail(ACCESS, `principal: ${name}`, (c) => grant(c, principal), 'Stack/Imported/X', problem, fix);
for (const [name, principal] of [
  ['a role with a path', `arn:aws:iam::${ACCOUNT}:role/development/apps/my-role`],
  ['an IAM Identity Center role', `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef`],
  ['a user', `arn:aws:iam::${ACCOUNT}:user/alice`],
  ['a China partition role', `arn:aws-cn:iam::${ACCOUNT}:role/Dev`],
  ['a GovCloud role', `arn:aws-us-gov:iam::${ACCOUNT}:role/Dev`],
  ['a role only known at deploy time', Fn.importValue('role')],
  ['a role in a stack whose account is a token', `arn:aws:iam::${Aws.ACCOUNT_ID}:role/Dev`],
] as const) ok(ACCESS, `principal: ${name}`, (c) => grant(c, principal));
for (const [name, username, problem] of [
  ['system:', 'system:admin', /starts with 'system:', a prefix EKS reserves/],
  ['System: (any letter case)', 'System:admin', /starts with 'System:', a prefix EKS reserves/],
  ['eks:', 'eks:ops', /starts with 'eks:'/],
  ['EKS:', 'EKS:ops', /starts with 'EKS:'/],
  ['aws:', 'aws:x', /starts with 'aws:'/],
  ['amazon:', 'amazon:x', /starts with 'amazon:'/],
  ['iam:', 'iam:x', /starts with 'iam:'/],
  ['{{SessionName}} without a colon', 'dev-{{SessionName}}', /has {{SessionName}} without a colon before it/],
  ['whitespace', 'dev user', /contains " " \(whitespace\)/],
  ['empty', '', /username is empty/],
] as const) fail(ACCESS, `username: ${name}`, (c) => grant(c, ROLE, { username }), 'Stack/Imported/X', problem, /.+/);
ok(ACCESS, 'username: admin:{{SessionName}}', (c) => grant(c, ROLE, { username: 'admin:{{SessionName}}' }));
ok(ACCESS, 'username: a reserved word inside', (c) => grant(c, ROLE, { username: 'ops-system:admin' }));
for (const [name, group, problem] of [
  ['system:masters', 'system:masters', /system:masters cannot be granted through an access entry/],
  ['System:nodes (any letter case)', 'System:nodes', /starts with 'System:'/],
  ['empty', '', /a Kubernetes group name is empty/],
  ['whitespace', 'pod readers', /contains " " \(whitespace\)/],
] as const) fail(ACCESS, `group: ${name}`, (c) => grant(c, ROLE, { kubernetesGroups: [group] }), 'Stack/Imported/X', problem, /.+/);
ok(ACCESS, 'group: systemadmins (no colon)', (c) => grant(c, ROLE, { kubernetesGroups: ['systemadmins'] }));
const NODE_ROLE = `arn:aws:iam::${ACCOUNT}:role/nodes`;
for (const type of [AccessEntryType.EC2_LINUX, AccessEntryType.EC2_WINDOWS, AccessEntryType.HYBRID_LINUX, AccessEntryType.HYPERPOD_LINUX]) {
  fail(ACCESS, `access policies on ${type}`, (c) => grant(c, NODE_ROLE, { type, accessPolicies: [AccessPolicy.view()] }), 'Stack/Imported/X',
    new RegExp(`an access entry of type ${type} cannot have access policies \\(AmazonEKSViewPolicy\\)`), /remove the access policies/);
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
fail(ACCESS, 'a service-linked-role-only policy', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('AmazonEKSHybridPolicy')] }), 'Stack/Imported/X',
  /AmazonEKSHybridPolicy is for AWS service-linked roles only/, /EKS associates it with its service-linked role itself/);
warn(ACCESS, 'an unknown policy name through fromName', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('AmazonEKSViewerPolicy')] }), '/Stack/Imported/X',
  /access policy 'AmazonEKSViewerPolicy' is not one of the EKS access policies the library knows/);
warn(ACCESS, 'a policy name in the wrong letter case', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('AmazonEKSviewPolicy')] }), '/Stack/Imported/X',
  /did you mean AmazonEKSViewPolicy\?/);
warn(ACCESS, 'cluster admin in a namespace scope', (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.fromName('AmazonEKSClusterAdminPolicy', { type: AccessScopeType.NAMESPACE, namespaces: ['app'] })] }),
  '/Stack/Imported/X', /AmazonEKSClusterAdminPolicy has a namespace scope \(app\)/);
for (const [name, scope, problem] of [
  ['a namespace scope without namespaces', { type: AccessScopeType.NAMESPACE }, /has scope 'namespace' but no namespaces/],
  ['a cluster scope with namespaces', { type: AccessScopeType.CLUSTER, namespaces: ['a'] }, /has scope 'cluster' and namespaces \(a\)/],
  ['an invalid namespace', { type: AccessScopeType.NAMESPACE, namespaces: ['App'] }, /namespace 'App' is not a valid Kubernetes namespace name/],
  ['an invalid prefix pattern', { type: AccessScopeType.NAMESPACE, namespaces: ['-dev*'] }, /neither a namespace name nor a prefix followed by '\*'/],
  ['a bare wildcard', { type: AccessScopeType.NAMESPACE, namespaces: ['*'] }, /neither a namespace name nor a prefix followed by '\*'/],
] as const) fail(ACCESS, name, (c) => grant(c, ROLE, { accessPolicies: [AccessPolicy.view(scope as any)] }), 'Stack/Imported/X', problem, /.+/);
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
const RBAC = 'RBAC groups';
const group = (c: Context, rules: any[], more: any = {}) => c.cluster.addKubernetesGroup('G', { group: 'ops', rules, ...more });
for (const [name, verbs, problem] of [
  ['an upper-case verb', ['Get'], /verb 'Get' is not a Kubernetes verb \(verbs are lower case: 'get'\)/],
  ['a misspelt verb', ['lsit'], /verb 'lsit' is not a Kubernetes verb/],
  ['an HTTP method on resources', ['post'], /verb 'post' is not a Kubernetes verb/],
  ['no verbs', [], /has no verbs/],
] as const) fail(RBAC, name, (c) => group(c, [{ resources: ['pods'], verbs }]), 'Stack/Imported/G', problem, /.+/);
fail(RBAC, 'a resource verb on a non-resource URL', (c) => group(c, [{ nonResourceUrls: ['/healthz'], verbs: ['list'] }]), 'Stack/Imported/G', /verb 'list' is not a Kubernetes non-resource \(HTTP\) verb/, /get, post/);
ok(RBAC, 'a custom verb by opt-in', (c) => group(c, [{ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['frobnicate'] }], { allowCustomVerbs: true }));
warn(RBAC, 'escalate on roles', (c) => group(c, [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] }]), '/Stack/Imported/G',
  /grants escalate on roles, which lets the group raise its own privileges/);
warn(RBAC, 'bind on clusterroles', (c) => group(c, [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'] }]), '/Stack/Imported/G', /grants bind on clusterroles/);
warn(RBAC, 'impersonate users', (c) => group(c, [{ resources: ['users'], verbs: ['impersonate'] }]), '/Stack/Imported/G', /grants impersonate on users/);
warn(RBAC, 'everything on everything cluster-wide', (c) => group(c, [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]), '/Stack/Imported/G', /every verb on every resource of every API group cluster-wide/);
warn(RBAC, 'a binding to cluster-admin', (c) => c.cluster.addKubernetesGroup('G', { group: 'ops', clusterRole: 'cluster-admin' }), '/Stack/Imported/G', /binds the cluster-admin ClusterRole/);
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
const CRASH = 'no crash';
fail(CRASH, 'additionalClusters lists the own cluster', (c) => c.cluster.addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.IRSA, additionalClusters: [c.cluster] }),
  'Stack/Imported/Id', /additionalClusters lists the identity's own cluster Stack\/Imported/, /list each other cluster once/);
fail(CRASH, 'additionalClusters lists a cluster twice', (c) => {
  const other = importedCluster(c.stack, 'Other', { clusterName: 'other', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
  c.cluster.addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.IRSA, additionalClusters: [other, other] });
}, 'Stack/Imported/Id', /additionalClusters lists cluster Stack\/Other twice/, /list each other cluster once/);
fail(CRASH, 'a namespace only known at deploy time, written to a file', (c) => {
  c.cluster.addServiceAccount('Sa', { namespace: Fn.importValue('ns'), name: 'sa' });
  c.app.synth();
}, 'Stack/Imported/KubernetesObjects', /the Kubernetes object ServiceAccount\/\$\{ImportValue:ns\}\/sa field metadata.namespace is not known at synth/, /give the namespace and name as literal strings/);
fail(CRASH, 'an IRSA role ARN not known at synth, written to a file', (c) => {
  const agnostic = new Stack(c.app, 'Agnostic');
  importedCluster(agnostic).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.IRSA, roleName: 'r' });
  c.app.synth();
}, 'Agnostic/Imported/KubernetesObjects', /field metadata.annotations.eks.amazonaws.com\/role-arn is not known at synth/, /give the stack a concrete account and region/);

// ---------------------------------------------------------------------------------------------
// 6. AUTO never picks pod identity where it cannot work; explicit POD_IDENTITY there fails
const AUTO = 'AUTO and POD_IDENTITY';
const created = (c: Context, props: any = {}) => newCluster(c.stack, 'nodegroup', props, 'Created');
const modeOf = (identity: { mode: IdentityMode; modeReason: string }, mode: IdentityMode, reason: RegExp) => {
  expect(identity.mode).toBe(mode);
  expect(identity.modeReason).toMatch(reason);
};
ok(AUTO, 'AUTO on a cluster without the agent chooses IRSA', (c) => modeOf(created(c, { podIdentityAgent: false }).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a' }),
  IdentityMode.IRSA, /AUTO chose IRSA: the eks-pod-identity-agent addon is not installed \(podIdentityAgent: false\)/));
fail(AUTO, 'POD_IDENTITY on a cluster without the agent', (c) => created(c, { podIdentityAgent: false }).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY }),
  'Stack/Created/Id', /POD_IDENTITY cannot work here: the eks-pod-identity-agent addon is not installed/, /use IdentityMode.IRSA/);
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
fail(AUTO, 'POD_IDENTITY in a Fargate namespace', (c) => {
  const cluster = created(c);
  cluster.addFargateProfile('Batch', { selectors: [{ namespace: 'batch' }] });
  cluster.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY });
}, 'Stack/Created/Id', /POD_IDENTITY cannot work here: a Fargate profile of cluster Stack\/Created selects namespace batch/, /use IdentityMode.IRSA/);
fail(AUTO, 'a Fargate profile added after a pod identity of its namespace', (c) => {
  const cluster = created(c);
  cluster.addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY });
  cluster.cluster.addFargateProfile('Later', { selectors: [{ namespace: 'batch' }] });
  c.app.synth();
}, 'Stack/Created/Id', /uses EKS Pod Identity in namespace batch, which a Fargate profile of cluster Stack\/Created selects \(batch\)/, /use IdentityMode.IRSA/);
ok(AUTO, 'AUTO outside the Fargate namespaces keeps pod identity', (c) => {
  const cluster = created(c);
  cluster.addFargateProfile('Batch', { selectors: [{ namespace: 'batch' }] });
  modeOf(cluster.addWorkloadIdentity('Id', { namespace: 'web', serviceAccountName: 'a' }), IdentityMode.POD_IDENTITY, /AUTO chose pod identity/);
});
ok(AUTO, 'AUTO on an imported cluster whose agent is not known chooses IRSA', (c) => modeOf(
  importedCluster(c.stack, 'Unknown', { clusterName: 'u', podIdentityAgentInstalled: undefined }).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a' }),
  IdentityMode.IRSA, /the eks-pod-identity-agent is not known to be installed in cluster Stack\/Unknown/));
warn(AUTO, 'POD_IDENTITY on an imported cluster whose agent is not known', (c) => importedCluster(c.stack, 'Unknown', { clusterName: 'u', podIdentityAgentInstalled: undefined })
  .addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY }), '/Stack/Unknown/Id', /pod identity was requested, but the eks-pod-identity-agent is not known to be installed/);
fail(AUTO, 'POD_IDENTITY on an imported cluster without the agent', (c) => importedCluster(c.stack, 'None', { clusterName: 'n', podIdentityAgentInstalled: false })
  .addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY }), 'Stack/None/Id', /podIdentityAgentInstalled: false/, /use IdentityMode.IRSA/);
ok(AUTO, 'AUTO on an imported Auto Mode cluster keeps pod identity', (c) => modeOf(
  importedCluster(c.stack, 'Auto', { clusterName: 'auto', autoMode: true, podIdentityAgentInstalled: undefined }).addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a' }),
  IdentityMode.POD_IDENTITY, /AUTO chose pod identity/));
ok(AUTO, 'AUTO in an imported cluster\'s Fargate namespace chooses IRSA', (c) => modeOf(
  importedCluster(c.stack, 'F', { clusterName: 'f', fargateNamespaces: ['batch'] }).addWorkloadIdentity('Id', { namespace: 'batch', serviceAccountName: 'a' }),
  IdentityMode.IRSA, /selects namespace batch/));
fail(AUTO, 'POD_IDENTITY for a Windows workload', (c) => c.cluster.addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY, platform: WorkloadPlatform.WINDOWS }),
  'Stack/Imported/Id', /does not run on Windows nodes/, /use IdentityMode.IRSA/);
fail(AUTO, 'POD_IDENTITY in a China region', (c) => importedCluster(new Stack(c.app, 'Cn', { env: { account: ACCOUNT, region: 'cn-north-1' } }))
  .addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.POD_IDENTITY }), 'Cn/Imported/Id', /not available in the China regions/, /use IdentityMode.IRSA/);

// ---------------------------------------------------------------------------------------------
// 7. Clusters, names and knobs
const CLUSTER = 'clusters and knobs';
fail(CLUSTER, 'an agent version that is not one', (c) => created(c, { podIdentityAgentVersion: '1.3.10' }), 'Stack/Created',
  /podIdentityAgentVersion '1.3.10' is not an EKS add-on version/, /describe-addon-versions/);
ok(CLUSTER, 'an agent version', (c) => created(c, { podIdentityAgentVersion: 'v1.3.10-eksbuild.1', podIdentityAgentConfiguration: { agent: { additionalArgs: { '-b': '169.254.170.23' } } } }));
fail(CLUSTER, 'an agent version in Auto Mode', (c) => newCluster(c.stack, 'automode', { podIdentityAgentVersion: 'v1.3.10-eksbuild.1' }, 'Created'), 'Stack/Created',
  /which Auto Mode does not need/, /remove them/);
fail(CLUSTER, 'an agent version without the agent', (c) => created(c, { podIdentityAgent: false, podIdentityAgentVersion: 'v1.3.10-eksbuild.1' }), 'Stack/Created',
  /which podIdentityAgent: false leaves out/, /set podIdentityAgent: true/);
warn(CLUSTER, 'no admin at all', (c) => created(c), '/Stack/Created', /nobody can use the Kubernetes API until an access entry grants it/);
fail(CLUSTER, 'a Fargate profile namespace that is not one', (c) => created(c).addFargateProfile('P', { selectors: [{ namespace: 'Batch' }] }), 'Stack/Created',
  /Fargate namespace 'Batch' is not a valid Kubernetes namespace name/, /pattern/);
const identity = (c: Context, more: any) => c.cluster.addWorkloadIdentity('Id', { namespace: 'a', serviceAccountName: 'a', mode: IdentityMode.IRSA, ...more });
for (const [name, rolePath, problem] of [
  ['a path without slashes', 'teams', /does not start and end with '\/'/],
  ['a path without the trailing slash', '/teams', /does not start and end with '\/'/],
  ['a path with a space', '/my team/', /contains " " \(whitespace\)/],
  ['an empty path', '', /rolePath is empty/],
  ['two slashes only', '//', /has nothing between its slashes/],
] as const) fail(CLUSTER, name, (c) => identity(c, { rolePath }), 'Stack/Imported/Id', problem, /\/workloads\//);
ok(CLUSTER, 'a role path: the annotation has the ARN with it', (c) => expect(identity(c, { rolePath: '/workloads/', roleName: 'r' }).roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/workloads/r`));
ok(CLUSTER, 'a permissions boundary', (c) => identity(c, { permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyName(c.stack, 'B', 'boundary') }));
fail(CLUSTER, 'a permissions boundary on a role you bring', (c) => identity(c, {
  role: iam.Role.fromRoleArn(c.stack, 'R', ROLE), permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyName(c.stack, 'B', 'boundary'),
}), 'Stack/Imported/Id', /permissionsBoundary describes the role the library creates, and role brings your own/, /not both/);
for (const [name, namespace, problem] of [
  ['an upper-case namespace', 'App', /namespace 'App' is not a valid Kubernetes namespace name: it contains "A"/],
  ['a namespace with a dot', 'my.app', /namespace 'my.app' is not a valid Kubernetes namespace name/],
  ['a namespace over 63 characters', 'n'.repeat(64), /it is 64 characters long \(at most 63\)/],
  ['a namespace ending in -', 'app-', /must start and end with a lower case letter or digit/],
  ['a unicode namespace', 'ápp', /it contains "á"/],
] as const) fail(CLUSTER, name, (c) => identity(c, { namespace }), 'Stack/Imported/Id', problem, /DNS-1123 label/);
for (const [name, serviceAccountName, problem] of [
  ['an upper-case service account', 'Web', /service account name 'Web' is not a valid Kubernetes name/],
  ['a service account with a space', 'my sa', /contains " " \(whitespace\)/],
  ['a service account with an empty dot part', 'a..b', /each dot-separated part must start and end/],
  ['a service account over 253 characters', 's'.repeat(254), /it is 254 characters long \(at most 253\)/],
] as const) fail(CLUSTER, name, (c) => identity(c, { serviceAccountName }), 'Stack/Imported/Id', problem, /DNS-1123 subdomain/);
ok(CLUSTER, 'one-character names', (c) => identity(c, { namespace: 'a', serviceAccountName: 'b' }));
fail(CLUSTER, 'a wildcard without the opt-in', (c) => identity(c, { serviceAccountName: 'job-*' }), 'Stack/Imported/Id', /contains "\*"/, /DNS-1123 subdomain/);
warn(CLUSTER, 'a wildcard with the opt-in', (c) => identity(c, { serviceAccountName: 'job-*', allowWildcardSubject: true }), '/Stack/Imported/Id', /is a wildcard: every matching service account can assume/);
for (const [name, roleName, problem] of [
  ['a role name over 64 characters', 'r'.repeat(65), /is 65 characters long/],
  ['a role name with a slash', 'a/b', /contains "\/"/],
  ['a role name with unicode', 'rôle', /contains "ô"/],
  ['a role name with a deploy-time part and a slash', `${Aws.STACK_NAME}/web`, /contains "\/"/],
] as const) fail(CLUSTER, name, (c) => identity(c, { roleName }), 'Stack/Imported/Id', problem, /1-64 characters/);

// ---------------------------------------------------------------------------------------------
// 8. The aws-auth migration (construct)
const AUTH = 'aws-auth migration';
fail(AUTH, 'an unreadable ConfigMap', (c) => new AwsAuthMigration(c.stack, 'M', { cluster: c.cluster, configMap: 'mapRoles: [' }), 'Stack/M',
  /the aws-auth ConfigMap cannot be read/, /kubectl get configmap aws-auth/);
fail(AUTH, 'a CONFIG_MAP cluster', (c) => new AwsAuthMigration(c.stack, 'M', {
  cluster: importedCluster(c.stack, 'Old', { clusterName: 'old', authenticationMode: 'CONFIG_MAP' as any }), configMap: 'mapRoles: []',
}), 'Stack/M', /uses authenticationMode CONFIG_MAP/, /switch the cluster to API_AND_CONFIG_MAP first/);

describe('the bad-input corpus', () => {
  test('covers every category with at least 150 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CASES.map((c) => c.category))).toEqual(new Set([IMPORT, POD, ACCESS, RBAC, CRASH, AUTO, CLUSTER, AUTH]));
  });

  test.each(CASES.map((c) => [`${c.category}: ${c.name}`, c] as const))('%s', (_name, testCase) => {
    const c = context();
    if (testCase.error) {
      const errorPath = testCase.error.path;
      let message: string | undefined;
      try {
        testCase.act(c);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBeDefined();
      // A construct throws `<path>: <problem>. Fix: <fix>`; a validation at synth reports the same
      // text on a line of "Validation failed with the following errors".
      const text = message!.startsWith('Validation failed')
        ? message!.split('\n').map((l) => l.replace(/^\s*\[[^\]]*\] /, '')).find((l) => l.startsWith(`${errorPath}: `)) ?? message!
        : message!;
      const line = /^(.+?): (.+)\. Fix: (.+)$/s.exec(text);
      expect(line).not.toBeNull();
      const [, path, problem, fix] = line!;
      expect({ path, problem, fix }).toEqual({
        path: testCase.error.path, problem: expect.stringMatching(testCase.error.problem), fix: expect.stringMatching(testCase.error.fix),
      });
    } else {
      testCase.act(c);
      if (testCase.warning) {
        const warnings = Annotations.fromStack(c.stack).findWarning(testCase.warning.path, Match.stringLikeRegexp(testCase.warning.message.source));
        expect(warnings.length).toBeGreaterThan(0);
      }
    }
  });
});
