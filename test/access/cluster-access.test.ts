import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  AccessEntryType, AccessPolicy, AccessScopeType, AuthenticationMode, ClusterAccess, IIdentityCluster,
} from '../../src';
import { importedCluster, newCluster, newStack } from '../support/fixtures';

const ROLE = 'arn:aws:iam::123456789012:role/Dev';
const NODE_ROLE = 'arn:aws:iam::123456789012:role/NodeRole';

function entries(stack: Stack): any[] {
  return Object.values<any>(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry')).map((r) => r.Properties);
}

function setup(attrs = {}): { stack: Stack; cluster: IIdentityCluster } {
  const stack = newStack();
  return { stack, cluster: importedCluster(stack, 'Imported', attrs) };
}

function error(path: string, problem: string, fix: string): Error {
  return new Error(`${path}: ${problem}. Fix: ${fix}`);
}

describe('access entries', () => {
  test('grantAccess writes groups, username, type and scoped policies', () => {
    const { stack, cluster } = setup();
    const entry = cluster.grantAccess('Dev', ROLE, {
      kubernetesGroups: ['pod-readers', 'deployers'],
      username: 'dev:{{SessionName}}',
      accessPolicies: [AccessPolicy.view({ type: AccessScopeType.NAMESPACE, namespaces: ['app', 'web'] })],
      tags: { team: 'platform' },
    });
    entry.addAccessPolicies(AccessPolicy.secretReader({ type: AccessScopeType.NAMESPACE, namespaces: ['app'] }));
    expect(entry).toBeInstanceOf(ClusterAccess);
    expect(entry.type).toBe(AccessEntryType.STANDARD);
    expect(entry.accessPolicies.map((p) => p.policyName)).toEqual(['AmazonEKSViewPolicy', 'AmazonEKSSecretReaderPolicy']);
    expect(entries(stack)).toEqual([{
      ClusterName: 'imported',
      PrincipalArn: ROLE,
      KubernetesGroups: ['pod-readers', 'deployers'],
      Username: 'dev:{{SessionName}}',
      AccessPolicies: [
        { PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', AccessScope: { Type: 'namespace', Namespaces: ['app', 'web'] } },
        { PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSSecretReaderPolicy', AccessScope: { Type: 'namespace', Namespaces: ['app'] } },
      ],
      Tags: [{ Key: 'team', Value: 'platform' }],
    }]);
  });

  test('intent-named grants', () => {
    const { stack, cluster } = setup();
    cluster.grantClusterAdmin('Admin', 'arn:aws:iam::123456789012:role/Admin');
    cluster.grantViewer('Viewer', 'arn:aws:iam::123456789012:role/Viewer');
    cluster.grantViewer('AppViewer', 'arn:aws:iam::123456789012:role/AppViewer', ['app']);
    cluster.grantNamespaceEditor('Editor', 'arn:aws:iam::123456789012:role/Editor', ['app', 'web']);
    cluster.grantKubernetesGroups('Reader', 'arn:aws:iam::123456789012:user/reader', ['pod-readers']);
    const byPrincipal = Object.fromEntries(entries(stack).map((e) => [e.PrincipalArn.split(':')[5], e]));
    const policy = (name: string, scope: any) => [{ PolicyArn: `arn:aws:eks::aws:cluster-access-policy/${name}`, AccessScope: scope }];
    expect(byPrincipal['role/Admin'].AccessPolicies).toEqual(policy('AmazonEKSClusterAdminPolicy', { Type: 'cluster' }));
    expect(byPrincipal['role/Viewer'].AccessPolicies).toEqual(policy('AmazonEKSViewPolicy', { Type: 'cluster' }));
    expect(byPrincipal['role/AppViewer'].AccessPolicies).toEqual(policy('AmazonEKSViewPolicy', { Type: 'namespace', Namespaces: ['app'] }));
    expect(byPrincipal['role/Editor'].AccessPolicies).toEqual(policy('AmazonEKSEditPolicy', { Type: 'namespace', Namespaces: ['app', 'web'] }));
    expect(byPrincipal['user/reader']).toEqual({ ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::123456789012:user/reader', KubernetesGroups: ['pod-readers'] });
    for (const e of Object.values<any>(byPrincipal)) {
      expect(e.Username).toBeUndefined();
      expect(e.Type).toBeUndefined(); // STANDARD, the default
    }
  });

  test('node entry types carry neither groups nor policies; Auto Mode nodes take AmazonEKSAutoNodePolicy', () => {
    const { stack, cluster } = setup();
    cluster.grantAccess('Linux', NODE_ROLE, { type: AccessEntryType.EC2_LINUX });
    cluster.grantAccess('Windows', 'arn:aws:iam::123456789012:role/WinNodeRole', { type: AccessEntryType.EC2_WINDOWS });
    cluster.grantAccess('Fargate', 'arn:aws:iam::123456789012:role/PodExecutionRole', { type: AccessEntryType.FARGATE_LINUX });
    cluster.grantAccess('Auto', 'arn:aws:iam::123456789012:role/AutoNodeRole', { type: AccessEntryType.EC2, accessPolicies: [AccessPolicy.autoNode()] });
    expect(entries(stack)).toEqual([
      { ClusterName: 'imported', PrincipalArn: NODE_ROLE, Type: 'EC2_LINUX' },
      { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::123456789012:role/WinNodeRole', Type: 'EC2_WINDOWS' },
      { ClusterName: 'imported', PrincipalArn: 'arn:aws:iam::123456789012:role/PodExecutionRole', Type: 'FARGATE_LINUX' },
      {
        ClusterName: 'imported',
        PrincipalArn: 'arn:aws:iam::123456789012:role/AutoNodeRole',
        Type: 'EC2',
        AccessPolicies: [{ PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAutoNodePolicy', AccessScope: { Type: 'cluster' } }],
      },
    ]);
  });

  test('a role with a path, a role of another account and a role token are principals', () => {
    const { stack, cluster } = setup();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    cluster.grantAccess('Path', 'arn:aws:iam::123456789012:role/teams/dev/Dev');
    cluster.grantViewer('Other', 'arn:aws:iam::210987654321:role/Auditor');
    cluster.grantViewer('Token', role.roleArn);
    expect(entries(stack).map((e) => e.PrincipalArn)).toEqual([
      'arn:aws:iam::123456789012:role/teams/dev/Dev',
      'arn:aws:iam::210987654321:role/Auditor',
      { 'Fn::GetAtt': ['Role1ABCC5F0', 'Arn'] },
    ]);
  });

  test('an API_AND_CONFIG_MAP cluster takes access entries', () => {
    const { stack, cluster } = setup({ authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP });
    cluster.grantClusterAdmin('Admin', ROLE);
    expect(entries(stack)).toHaveLength(1);
  });

  test('IdentityCluster admins are ClusterAccess entries, not aws-eks-v2 AccessEntry constructs, and no Lambda', () => {
    const stack = newStack();
    const cluster = newCluster(stack, 'nodegroup', { admins: ['arn:aws:iam::123456789012:role/Admin', 'arn:aws:iam::123456789012:role/Ops'] });
    // Where aws-eks-v2 grantClusterAdmin put them: the logical ids stay stable across the switch.
    const admins = cluster.cluster.node.children.filter((c): c is ClusterAccess => c instanceof ClusterAccess);
    expect(admins.map((a) => a.node.path)).toEqual(['Stack/Cluster/Resource/Admin0', 'Stack/Cluster/Resource/Admin1']);
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry'))).toEqual(['ClusterAdmin0380D023E', 'ClusterAdmin168CEBE25']);
    expect(cluster.cluster.node.findAll().filter((c) => c instanceof eks.AccessEntry)).toEqual([]);
    const template = Template.fromStack(stack);
    expect(entries(stack).map((e) => [e.PrincipalArn, e.AccessPolicies[0].PolicyArn])).toEqual([
      ['arn:aws:iam::123456789012:role/Admin', 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'],
      ['arn:aws:iam::123456789012:role/Ops', 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'],
    ]);
    expect(entries(stack)[0].ClusterName).toEqual({ Ref: expect.stringMatching(/^Cluster/) });
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('AWS::CloudFormation::CustomResource', 0);
  });

  test('access entries match the snapshot', () => {
    const { stack, cluster } = setup();
    cluster.grantClusterAdmin('Admin', 'arn:aws:iam::123456789012:role/Admin');
    cluster.grantNamespaceEditor('Editor', 'arn:aws:iam::123456789012:role/Editor', ['app']);
    cluster.grantAccess('Node', NODE_ROLE, { type: AccessEntryType.EC2_LINUX });
    cluster.grantAccess('Groups', ROLE, { kubernetesGroups: ['pod-readers'], username: 'dev:{{SessionName}}' });
    expect(Template.fromStack(stack).findResources('AWS::EKS::AccessEntry')).toMatchSnapshot();
  });
});

describe('bad input fails at synth with the path and the fix', () => {
  const PATH = 'Stack/Imported/X';

  test('a system: group, naming the cluster admin policy that replaces system:masters', () => {
    const { cluster } = setup();
    expect(() => cluster.grantKubernetesGroups('X', ROLE, ['system:masters'])).toThrow(error(PATH,
      'Kubernetes group \'system:masters\' starts with \'system:\', which access entries reject (system:masters cannot be granted through an access entry)',
      'for cluster admin use the access policy AmazonEKSClusterAdminPolicy (AccessPolicy.clusterAdmin()) instead of system:masters; '
        + 'for anything else use a group of your own bound with RBAC (cluster.addKubernetesGroup)'));
    expect(() => setup().cluster.grantKubernetesGroups('X', ROLE, ['system:nodes'])).toThrow(error(PATH,
      'Kubernetes group \'system:nodes\' starts with \'system:\', which access entries reject',
      'for cluster admin use the access policy AmazonEKSClusterAdminPolicy (AccessPolicy.clusterAdmin()) instead of system:masters; '
        + 'for anything else use a group of your own bound with RBAC (cluster.addKubernetesGroup)'));
  });

  test.each(['system:', 'eks:', 'aws:', 'amazon:', 'iam:'])('a username with the reserved prefix %s', (prefix) => {
    const { cluster } = setup();
    expect(() => cluster.grantAccess('X', ROLE, { username: `${prefix}dev` })).toThrow(error(PATH,
      `username '${prefix}dev' starts with '${prefix}', a prefix EKS reserves (system:, eks:, aws:, amazon:, iam:, in any letter case)`,
      'choose a username without a reserved prefix (e.g. \'admin:{{SessionName}}\'), or leave it out'));
  });

  test.each(['{{SessionName}}', 'dev-{{SessionName}}', '{{SessionName}}:dev'])('username %s without a colon before {{SessionName}}', (username) => {
    const { cluster } = setup();
    expect(() => cluster.grantAccess('X', ROLE, { username })).toThrow(error(PATH,
      `username '${username}' has {{SessionName}} without a colon before it`,
      'put a prefix and a colon before it, e.g. \'sso-user:{{SessionName}}\''));
  });

  test('an empty username', () => {
    expect(() => setup().cluster.grantAccess('X', ROLE, { username: '' })).toThrow(error(PATH,
      'username is empty', 'leave username out (EKS then derives it from the principal ARN) or give a name'));
  });

  test('groups or a username on a non-STANDARD entry', () => {
    expect(() => setup().cluster.grantAccess('X', NODE_ROLE, { type: AccessEntryType.EC2_LINUX, kubernetesGroups: ['ops'] })).toThrow(error(PATH,
      'an access entry of type EC2_LINUX cannot have kubernetesGroups (ops); only STANDARD entries take groups and a username (EKS sets them for node types)',
      'remove kubernetesGroups and username, or use AccessEntryType.STANDARD'));
    expect(() => setup().cluster.grantAccess('X', NODE_ROLE, { type: AccessEntryType.FARGATE_LINUX, kubernetesGroups: ['a'], username: 'fargate' })).toThrow(error(PATH,
      'an access entry of type FARGATE_LINUX cannot have kubernetesGroups (a) and username \'fargate\'; only STANDARD entries take groups and a username (EKS sets them for node types)',
      'remove kubernetesGroups and username, or use AccessEntryType.STANDARD'));
  });

  test.each([AccessEntryType.EC2_LINUX, AccessEntryType.EC2_WINDOWS])('access policies on %s', (type) => {
    expect(() => setup().cluster.grantAccess('X', NODE_ROLE, { type, accessPolicies: [AccessPolicy.view()] })).toThrow(error(PATH,
      `an access entry of type ${type} cannot have access policies (AmazonEKSViewPolicy)`,
      'remove the access policies; EKS gives node entries the permissions nodes need'));
  });

  test('more than 20 access policies, also when added later', () => {
    const policies = Array.from({ length: 21 }, (_, i) => AccessPolicy.fromName(`Policy${i}`));
    expect(() => setup().cluster.grantAccess('X', ROLE, { accessPolicies: policies })).toThrow(error(PATH,
      'the access entry has 21 access policies; at most 20 fit on one entry',
      'combine namespaces into one scope per policy, or use Kubernetes groups with RBAC for the rest'));
    const entry = setup().cluster.grantAccess('X', ROLE, { accessPolicies: policies.slice(0, 20) });
    expect(() => entry.addAccessPolicies(policies[20])).toThrow(error(PATH,
      'the access entry has 21 access policies; at most 20 fit on one entry',
      'combine namespaces into one scope per policy, or use Kubernetes groups with RBAC for the rest'));
    expect(entry.accessPolicies).toHaveLength(20);
  });

  test('a namespace scope without namespaces', () => {
    for (const scope of [{ type: AccessScopeType.NAMESPACE }, { type: AccessScopeType.NAMESPACE, namespaces: [] }]) {
      expect(() => setup().cluster.grantAccess('X', ROLE, { accessPolicies: [AccessPolicy.edit(scope)] })).toThrow(error(PATH,
        'access policy AmazonEKSEditPolicy has scope \'namespace\' but no namespaces',
        'list the namespaces in scope.namespaces, or use { type: AccessScopeType.CLUSTER }'));
    }
    expect(() => setup().cluster.grantNamespaceEditor('X', ROLE, [])).toThrow('has scope \'namespace\' but no namespaces');
  });

  test('an invalid namespace, namespaces on a cluster scope, a policy twice, an ARN as policy name', () => {
    expect(() => setup().cluster.grantViewer('X', ROLE, ['App'])).toThrow(error(PATH,
      'namespace \'App\' is not a valid Kubernetes namespace name: it contains "A" (a DNS-1123 label has only lower case letters, digits and \'-\') (in the scope of access policy AmazonEKSViewPolicy)',
      'use a DNS-1123 label such as \'my-app\''));
    expect(() => setup().cluster.grantAccess('X', ROLE, { accessPolicies: [AccessPolicy.view({ type: AccessScopeType.CLUSTER, namespaces: ['app'] })] })).toThrow(error(PATH,
      'access policy AmazonEKSViewPolicy has scope \'cluster\' and namespaces (app)',
      'use { type: AccessScopeType.NAMESPACE, namespaces } to limit it to namespaces, or drop the namespaces'));
    expect(() => setup().cluster.grantAccess('X', ROLE, { accessPolicies: [AccessPolicy.view({ type: AccessScopeType.NAMESPACE, namespaces: ['a'] }), AccessPolicy.view()] })).toThrow(error(PATH,
      'access policy AmazonEKSViewPolicy is associated twice; an entry holds each policy once, with one scope',
      'give AmazonEKSViewPolicy once, with every namespace in its scope'));
    expect(() => setup().cluster.grantAccess('X', ROLE, { accessPolicies: [AccessPolicy.fromName('arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy')] })).toThrow(error(PATH,
      'access policy name \'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\' is not a policy name (it contains ":", "/")',
      'give the name after cluster-access-policy/ (e.g. AmazonEKSViewPolicy), not an ARN'));
  });

  test('two entries for the same principal on one cluster (role names compare case-insensitively, as IAM does)', () => {
    const { cluster } = setup();
    cluster.grantViewer('First', ROLE);
    expect(() => cluster.grantNamespaceEditor('X', 'arn:aws:iam::123456789012:role/DEV', ['app'])).toThrow(error(PATH,
      'principal arn:aws:iam::123456789012:role/DEV already has an access entry on cluster Stack/Imported (Stack/Imported/First); EKS allows one per principal',
      'add the access policies to the existing entry (entry.addAccessPolicies(...)) instead of creating a second one'));
  });

  test('the same principal on two clusters is fine', () => {
    const stack = newStack();
    importedCluster(stack, 'A').grantViewer('V', ROLE);
    importedCluster(stack, 'B', { clusterName: 'other' }).grantViewer('V', ROLE);
    expect(entries(stack)).toHaveLength(2);
  });

  test('a second entry made with aws-eks-v2 for the same principal fails at synth', () => {
    const app = new App();
    const stack = newStack(app);
    const cluster = newCluster(stack, 'nodegroup', { admins: [ROLE] });
    cluster.cluster.grantAccess('Direct', ROLE, [eks.AccessPolicy.fromAccessPolicyName('AmazonEKSViewPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER })]);
    expect(() => app.synth()).toThrow(
      `Stack/Cluster/Resource/Admin0: principal ${ROLE} has a second access entry on the same cluster at Stack/Cluster/Resource/Direct/Resource; EKS allows one per principal. `
      + 'Fix: keep one entry per principal: remove the other one (e.g. aws-eks-v2 grantAccess, grantClusterAdmin or mastersRole) or this one');
  });

  test('an STS assumed-role session ARN, naming the role ARN to use', () => {
    expect(() => setup().cluster.grantClusterAdmin('X', 'arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com')).toThrow(error(PATH,
      'principal \'arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com\' is an STS assumed-role session ARN; sessions are not IAM principals and cannot have access entries',
      'use the role ARN arn:aws:iam::123456789012:role/Admin (arn:aws:iam::<acct>:role/[<path>/]<name>)'));
  });

  test('not an IAM role or user, a service-linked role, a user or another account\'s role as node', () => {
    expect(() => setup().cluster.grantViewer('X', 'arn:aws:iam::123456789012:root')).toThrow(error(PATH,
      'principal \'arn:aws:iam::123456789012:root\' is not an IAM role or user ARN',
      'give the ARN of an IAM role (arn:aws:iam::<account>:role/[<path>/]<name>) or user (arn:aws:iam::<account>:user/<name>)'));
    expect(() => setup().cluster.grantViewer('X', 'Dev')).toThrow(error(PATH,
      'principal \'Dev\' is not an ARN',
      'give the ARN of an IAM role (arn:aws:iam::<account>:role/[<path>/]<name>) or user (arn:aws:iam::<account>:user/<name>)'));
    expect(() => setup().cluster.grantViewer('X', 'arn:aws:iam::123456789012:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS')).toThrow(error(PATH,
      'principal \'arn:aws:iam::123456789012:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS\' is a service-linked role, which cannot have an access entry',
      'give the ARN of an IAM role or user you manage'));
    expect(() => setup().cluster.grantAccess('X', 'arn:aws:iam::123456789012:user/node', { type: AccessEntryType.EC2_LINUX })).toThrow(error(PATH,
      'an access entry of type EC2_LINUX needs an IAM role, not \'arn:aws:iam::123456789012:user/node\'',
      'give the node role (or Fargate pod execution role) ARN, or use AccessEntryType.STANDARD'));
    expect(() => setup().cluster.grantAccess('X', 'arn:aws:iam::210987654321:role/NodeRole', { type: AccessEntryType.EC2_LINUX })).toThrow(error(PATH,
      'an access entry of type EC2_LINUX needs a role of the cluster\'s account 123456789012, not of 210987654321',
      'use a role in the cluster\'s account, or AccessEntryType.STANDARD for a principal of another account'));
  });

  test('a cluster in CONFIG_MAP mode (imported) takes no access entries', () => {
    expect(() => setup({ authenticationMode: AuthenticationMode.CONFIG_MAP }).cluster.grantClusterAdmin('X', ROLE)).toThrow(error(PATH,
      'cluster Stack/Imported uses authenticationMode CONFIG_MAP, which has no access entries',
      'switch the cluster to API_AND_CONFIG_MAP (then API; the change is one-way) and declare that mode where you import it, or map the principal in aws-auth'));
  });
});
