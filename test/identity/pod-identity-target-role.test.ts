import { App, Aws, Fn, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { EksIdentityChecks, IdentityCluster, IdentityMode, IIdentityCluster, PodIdentityTargetRole, WorkloadIdentity } from '../../src';
import { errorOf } from '../support/error-of';
import { ACCOUNT, clusterArnOf, ENV, importedCluster, newCluster, newStack, OTHER_ACCOUNT, REGION } from '../support/fixtures';
import { isAllowed, podIdentityRequest } from '../support/iam-evaluator';
import { shared } from '../support/shared';

/*
 * PodIdentityTargetRole: the cross-account target role, its trust in both forms of the EKS user
 * guide, and every way a target role cannot be made.
 */

const DATA_ENV = { account: OTHER_ACCOUNT, region: REGION };
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ASSOCIATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/app-association`;

interface Setup {
  readonly app: App;
  readonly clusterStack: Stack;
  readonly dataStack: Stack;
  readonly identity: WorkloadIdentity;
}

type ClusterOf = (stack: Stack) => IIdentityCluster;

function setup(options: { disableSessionTags?: boolean; targetRoleArn?: string } = {}, cluster?: ClusterOf): Setup {
  const app = new App();
  const clusterStack = newStack(app, 'ClusterStack');
  const dataStack = newStack(app, 'DataStack', { env: DATA_ENV });
  const c = cluster ? cluster(clusterStack) : newCluster(clusterStack);
  const identity = c.addWorkloadIdentity('App', {
    namespace: 'app', serviceAccountName: 'web', mode: IdentityMode.POD_IDENTITY, roleName: 'app-association', ...options,
  });
  return { app, clusterStack, dataStack, identity };
}

function trustOf(stack: Stack): any {
  const roles = Template.fromStack(stack).findResources('AWS::IAM::Role');
  return Object.values<any>(roles)[0].Properties.AssumeRolePolicyDocument;
}

describe('trust with session tags (one statement: the association role, the cluster, namespace and service account)', () => {
  test('the document', () => {
    const s = setup();
    new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName: 'data-access' });
    expect(trustOf(s.dataStack)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { AWS: ROOT },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          ArnEquals: { 'aws:PrincipalARN': ASSOCIATION_ROLE },
          StringEquals: {
            'aws:RequestTag/eks-cluster-arn': clusterArnOf('myeks'),
            'aws:RequestTag/kubernetes-namespace': 'app',
            'aws:RequestTag/kubernetes-service-account': 'web',
          },
        },
      }],
    });
  });
});

describe('trust with session tags disabled: the association\'s external id, as the EKS user guide gives it', () => {
  const fixture = shared(() => {
    const s = setup({ disableSessionTags: true });
    new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName: 'data-access' });
    return {
      trust: trustOf(s.dataStack),
      templates: { ClusterStack: Template.fromStack(s.clusterStack).toJSON(), DataStack: Template.fromStack(s.dataStack).toJSON() },
    };
  });
  const externalId = `${REGION}/${ACCOUNT}/myeks/app/web`;

  test('the document: sts:AssumeRole with sts:ExternalId, sts:TagSession on its own, both only for the association role', () => {
    expect(fixture().trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: ROOT },
        Action: 'sts:AssumeRole',
        Condition: { ArnEquals: { 'aws:PrincipalARN': ASSOCIATION_ROLE }, StringEquals: { 'sts:ExternalId': externalId } },
      },
      { Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:TagSession', Condition: { ArnEquals: { 'aws:PrincipalARN': ASSOCIATION_ROLE } } },
    ]);
  });

  const request = (action: string, context: { [key: string]: string }, role = 'app-association') => ({
    ...podIdentityRequest({}, action),
    principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/eks-session`,
    roleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/data-access`,
    identityPolicies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: `arn:aws:iam::${OTHER_ACCOUNT}:role/data-access` }] }],
    context: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/${role}`, ...context },
  });

  test('the evaluator: the association assumes it with its external id; another id or role is denied', async () => {
    const { trust } = fixture();
    expect(await isAllowed(trust, request('sts:AssumeRole', { 'sts:ExternalId': externalId }))).toBe(true);
    expect(await isAllowed(trust, request('sts:TagSession', {}))).toBe(true);
    expect(await isAllowed(trust, request('sts:AssumeRole', { 'sts:ExternalId': `${REGION}/${ACCOUNT}/myeks/app/other` }))).toBe(false);
    expect(await isAllowed(trust, request('sts:AssumeRole', { 'sts:ExternalId': externalId }, 'other-role'))).toBe(false);
    expect(await isAllowed(trust, request('sts:AssumeRole', {}))).toBe(false);
  });

  test('the rule pack finds nothing wrong with it', () => {
    const { templates } = fixture();
    const findings = EksIdentityChecks.checkTemplates(Object.entries(templates).map(([stackName, template]) => ({ stackName, template })));
    expect(findings.filter((f) => f.ruleId === 'EKSID-POD-009')).toEqual([]);
  });
});

describe('the target role\'s permissions', () => {
  test('statements, managed policies and grants land on the target role, inline, with a description naming the service account', () => {
    const s = setup();
    const target = new PodIdentityTargetRole(s.dataStack, 'Target', {
      identity: s.identity,
      roleName: 'data-access',
      statements: [new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] })],
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
    });
    const bucket = new s3.Bucket(s.dataStack, 'Bucket');
    bucket.grantRead(target);
    expect(target.grantPrincipal).toBe(target.role);
    const role = Template.fromStack(s.dataStack).toJSON().Resources[s.dataStack.getLogicalId(target.role.node.defaultChild as iam.CfnRole)];
    expect(role.Properties).toMatchObject({
      RoleName: 'data-access',
      Description: 'EKS Pod Identity target role of app/web',
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
    });
    expect(role.Properties.Policies).toHaveLength(1);
    expect(role.Properties.Policies[0].PolicyDocument.Statement.map((st: any) => st.Action)).toEqual([
      'sqs:SendMessage', ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
    ]);
    Template.fromStack(s.dataStack).resourceCountIs('AWS::IAM::Policy', 0);
  });
});

describe('where the target role\'s values come from', () => {
  test('an imported cluster given by literal name (the stack\'s region and account)', () => {
    const s = setup({}, (stack) => importedCluster(stack, 'Imported', { clusterName: 'shared' }));
    new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName: 'data-access' });
    expect(trustOf(s.dataStack).Statement[0].Condition.StringEquals['aws:RequestTag/eks-cluster-arn']).toBe(clusterArnOf('shared'));
  });

  test('an imported cluster given by literal ARN', () => {
    const arn = clusterArnOf('shared');
    const s = setup({}, (stack) => importedCluster(stack, 'Imported', { clusterName: 'shared', clusterArn: arn }));
    new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName: 'data-access' });
    expect(trustOf(s.dataStack).Statement[0].Condition.StringEquals['aws:RequestTag/eks-cluster-arn']).toBe(arn);
  });

  test('two clusters in one stack: each target role is scoped to its own cluster', () => {
    const app = new App();
    const clusterStack = newStack(app, 'ClusterStack');
    const dataStack = newStack(app, 'DataStack', { env: DATA_ENV });
    const one = newCluster(clusterStack, 'nodegroup', { clusterName: 'one' }, 'One');
    const two = newCluster(clusterStack, 'nodegroup', { clusterName: 'two' }, 'Two');
    for (const [cluster, name] of [[one, 'one'], [two, 'two']] as const) {
      const identity = cluster.addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'web', mode: IdentityMode.POD_IDENTITY, roleName: `${name}-association` });
      new PodIdentityTargetRole(dataStack, `Target${name}`, { identity, roleName: `${name}-data` });
    }
    const roles = Object.values<any>(Template.fromStack(dataStack).findResources('AWS::IAM::Role'));
    expect(roles.map((r) => [r.Properties.RoleName, r.Properties.AssumeRolePolicyDocument.Statement[0].Condition.StringEquals['aws:RequestTag/eks-cluster-arn']]))
      .toEqual([['one-data', clusterArnOf('one')], ['two-data', clusterArnOf('two')]]);
  });

  test('the association gets TargetRoleArn and its role the permission to assume it', () => {
    const s = setup();
    const target = new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName: 'data-access' });
    const template = Template.fromStack(s.clusterStack);
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', { TargetRoleArn: target.roleArn });
    expect(target.roleArn).toBe(`arn:aws:iam::${OTHER_ACCOUNT}:role/data-access`);
  });
});

describe('a target role that cannot be made fails at synth, naming the target role and the fix', () => {
  const PATH = 'DataStack/Target';

  test('a second target role for one identity', () => {
    const s = setup();
    new PodIdentityTargetRole(s.dataStack, 'First', { identity: s.identity, roleName: 'first' });
    expect(errorOf(() => new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName: 'second' }))).toBe(
      `${PATH}: ClusterStack/Cluster/App already chains to target role DataStack/First; an association has one target role. `
      + 'Fix: give each identity at most one target role: remove targetRoleArn or the other PodIdentityTargetRole, or make a second identity for the other account');
  });

  test('a target role next to targetRoleArn', () => {
    const s = setup({ targetRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/given` });
    expect(errorOf(() => new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName: 'second' })))
      .toMatch(new RegExp(`^${PATH}: ClusterStack/Cluster/App already chains to target role arn:aws:iam::${OTHER_ACCOUNT}:role/given; `));
  });

  test('an IRSA identity', () => {
    const app = new App();
    const clusterStack = newStack(app, 'ClusterStack');
    const dataStack = newStack(app, 'DataStack', { env: DATA_ENV });
    const identity = newCluster(clusterStack).addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'web', mode: IdentityMode.IRSA, roleName: 'irsa' });
    expect(errorOf(() => new PodIdentityTargetRole(dataStack, 'Target', { identity, roleName: 'data' })))
      .toBe(`${PATH}: a cross-account target role needs a pod identity association, and ClusterStack/Cluster/App uses IRSA (IRSA was requested). `
        + 'Fix: use IdentityMode.POD_IDENTITY for the identity (with createAssociation left on)');
  });

  test.each([
    ['', 'roleName is empty'],
    ['with space', 'roleName \'with space\' contains " " (whitespace), which IAM does not allow in role names'],
    ['r'.repeat(65), `roleName '${'r'.repeat(65)}' is 65 characters long (IAM allows at most 64)`],
  ])('an invalid role name %p', (roleName, problem) => {
    const s = setup();
    expect(errorOf(() => new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName })))
      .toBe(`${PATH}: ${problem}. Fix: use 1-64 characters of letters, digits and + = , . @ _ -`);
  });

  test('a role name only known at deploy time', () => {
    const s = setup();
    expect(errorOf(() => new PodIdentityTargetRole(s.dataStack, 'Target', { identity: s.identity, roleName: Aws.STACK_NAME })))
      .toBe(`${PATH}: the target role name is not known at synth. Fix: give the target role a literal roleName (both accounts refer to it by ARN)`);
  });

  test.each([['the target stack', 'DataStack'], ['the cluster stack', 'ClusterStack']])('%s without an account', (_what, agnostic) => {
    const app = new App();
    const clusterStack = new Stack(app, 'ClusterStack', agnostic === 'ClusterStack' ? {} : { env: ENV });
    const dataStack = new Stack(app, 'DataStack', agnostic === 'DataStack' ? {} : { env: DATA_ENV });
    const cluster = importedCluster(clusterStack);
    const identity = cluster.addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'web', mode: IdentityMode.POD_IDENTITY, roleName: 'association' });
    expect(errorOf(() => new PodIdentityTargetRole(dataStack, 'Target', { identity, roleName: 'data' }))).toBe(
      `${PATH}: cross-account pod identity needs both accounts and the association role name known at synth. `
      + 'Fix: give both stacks env: { account, region } and the identity a roleName');
  });

  test('an association role without a name', () => {
    const s = setup();
    const identity = s.identity.cluster.addWorkloadIdentity('Unnamed', { namespace: 'app', serviceAccountName: 'other', mode: IdentityMode.POD_IDENTITY, roleName: Aws.STACK_NAME });
    expect(errorOf(() => new PodIdentityTargetRole(s.dataStack, 'Target', { identity, roleName: 'data' })))
      .toMatch(new RegExp(`^${PATH}: cross-account pod identity needs both accounts and the association role name known at synth\\.`));
  });

  test('a cluster whose name is not known at synth: the session tags cannot name its ARN', () => {
    const app = new App();
    const clusterStack = newStack(app, 'ClusterStack');
    const dataStack = newStack(app, 'DataStack', { env: DATA_ENV });
    const cluster = new IdentityCluster(clusterStack, 'Cluster', { version: eks.KubernetesVersion.V1_33, defaultCapacityType: eks.DefaultCapacityType.NODEGROUP });
    const identity = cluster.addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'web', mode: IdentityMode.POD_IDENTITY, roleName: 'association' });
    expect(errorOf(() => new PodIdentityTargetRole(dataStack, 'Target', { identity, roleName: 'data' }))).toBe(
      `${PATH}: the ARN of cluster ClusterStack/Cluster is not known at synth, so the target role cannot be scoped to it. `
      + 'Fix: give the cluster a literal clusterName and its stack env: { account, region }');
  });

  const ARN_UNKNOWN = `${PATH}: the ARN of cluster ClusterStack/Imported is not known at synth, so the target role cannot be scoped to it. `
    + 'Fix: give the cluster a literal clusterName and its stack env: { account, region }';
  const ROLE_ARN_UNKNOWN = `${PATH}: cross-account pod identity needs both accounts and the association role name known at synth. `
    + 'Fix: give both stacks env: { account, region } and the identity a roleName';
  const EXTERNAL_ID_UNKNOWN = `${PATH}: with session tags disabled the target role is scoped by the association's external id, and the region, account or name of cluster `
    + 'ClusterStack/Imported is not known at synth. Fix: give the cluster a literal clusterName and its stack env: { account, region }';
  test.each([
    ['a deploy-time name', ENV, false, ARN_UNKNOWN],
    ['a deploy-time name', ENV, true, EXTERNAL_ID_UNKNOWN],
    // Without a region the partition, so the association role's ARN, is not known either.
    ['a stack without a region', { account: ACCOUNT }, false, ROLE_ARN_UNKNOWN],
    ['a stack without a region', { account: ACCOUNT }, true, ROLE_ARN_UNKNOWN],
  ])('an imported cluster with %s (session tags disabled: %p)', (what, env, disableSessionTags, message) => {
    const app = new App();
    const clusterStack = new Stack(app, 'ClusterStack', { env });
    const dataStack = newStack(app, 'DataStack', { env: DATA_ENV });
    const cluster = importedCluster(clusterStack, 'Imported', what === 'a deploy-time name' ? { clusterName: Fn.importValue('ClusterName') } : {});
    const identity = cluster.addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'web', mode: IdentityMode.POD_IDENTITY, roleName: 'association', disableSessionTags });
    expect(errorOf(() => new PodIdentityTargetRole(dataStack, 'Target', { identity, roleName: 'data' }))).toBe(message);
  });

  test('session tags disabled and the cluster name not known at synth: no external id', () => {
    const app = new App();
    const clusterStack = newStack(app, 'ClusterStack');
    const dataStack = newStack(app, 'DataStack', { env: DATA_ENV });
    const cluster = new IdentityCluster(clusterStack, 'Cluster', { version: eks.KubernetesVersion.V1_33, defaultCapacityType: eks.DefaultCapacityType.NODEGROUP });
    const identity = cluster.addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'web', mode: IdentityMode.POD_IDENTITY, roleName: 'association', disableSessionTags: true });
    expect(errorOf(() => new PodIdentityTargetRole(dataStack, 'Target', { identity, roleName: 'data' }))).toBe(
      `${PATH}: with session tags disabled the target role is scoped by the association's external id, and the region, account or name of cluster ClusterStack/Cluster is not known at synth. `
      + 'Fix: give the cluster a literal clusterName and its stack env: { account, region }');
  });
});
