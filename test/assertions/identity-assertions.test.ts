import * as fs from 'fs';
import * as path from 'path';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessPolicy, AccessScopeType, IdentityMode, PodIdentityTargetRole, TrustScope } from '../../src';
import { IdentityAssertions } from '../../src/assertions';
import { importedCluster, ISSUER_A, newApp, newCluster, newStack, OTHER_ACCOUNT, REGION } from '../support/fixtures';

const podIdentityPrincipal = () => new iam.SessionTagsPrincipal(new iam.ServicePrincipal('pods.eks.amazonaws.com'));

describe('IRSA', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const identity = cluster.addWorkloadIdentity('MySa', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA, roleName: 'myeks-irsa-my-sa' });
  // A role that trusts default/my-sa of this cluster, made by hand, and a service account without annotation.
  const handMade = new iam.Role(stack, 'HandMade', { roleName: 'hand-made', assumedBy: new iam.AccountRootPrincipal() });
  const plain = cluster.addServiceAccount('Plain', { namespace: 'default', name: 'plain' });
  const plainRole = cluster.addWorkloadIdentity('PlainRole', {
    namespace: 'default', serviceAccountName: 'plain-role', mode: IdentityMode.IRSA, roleName: 'plain-role', createServiceAccount: false,
  });
  const other = importedCluster(stack, 'Other');
  const assertions = IdentityAssertions.fromStack(stack);

  test('the intended service account can assume the role', () => {
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'my-sa', identity.role)).not.toThrow();
  });

  test('another service account cannot, and asking says whom the role trusts', () => {
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'default', 'other', identity.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'other', identity.role))
      .toThrow('role myeks-irsa-my-sa trusts system:serviceaccount:default:my-sa, not default/other');
    expect(() => assertions.serviceAccountCanAssume(cluster, 'kube-system', 'my-sa', identity.role))
      .toThrow('role myeks-irsa-my-sa trusts system:serviceaccount:default:my-sa, not kube-system/my-sa');
  });

  test('serviceAccountCannotAssume fails for the intended service account, saying how it can', () => {
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'default', 'my-sa', identity.role)).toThrow(
      'default/my-sa on cluster myeks can assume role myeks-irsa-my-sa: its IRSA trust for OIDC provider ClusterOidcProviderNativeD98609E6 '
      + 'allows system:serviceaccount:default:my-sa (exact subject + audience)');
  });

  test('the same service account name on another cluster cannot', () => {
    expect(() => assertions.serviceAccountCannotAssume(other, 'default', 'my-sa', identity.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(other, 'default', 'my-sa', identity.role)).toThrow(
      `role myeks-irsa-my-sa trusts only the OIDC provider(s) ClusterOidcProviderNativeD98609E6, not the one of cluster imported (arn:aws:iam::123456789012:oidc-provider/${ISSUER_A})`);
  });

  test('a role that trusts neither the cluster\'s provider nor pod identity', () => {
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'my-sa', handMade)).toThrow(
      'role hand-made trusts neither the OIDC provider of cluster myeks (IRSA) nor pods.eks.amazonaws.com (EKS Pod Identity)');
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'default', 'my-sa', handMade)).not.toThrow();
  });

  test('the ServiceAccount object must carry the annotation when the chart holds it', () => {
    expect(plain.serviceAccountName).toBe('plain');
    // plain-role trusts default/plain-role, whose object is not in the chart (createServiceAccount: false): the trust decides.
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'plain-role', plainRole.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'plain', plainRole.role))
      .toThrow('role plain-role trusts system:serviceaccount:default:plain-role, not default/plain');
  });

  test('a role outside the given stacks cannot be judged', () => {
    const external = iam.Role.fromRoleArn(stack, 'External', 'arn:aws:iam::123456789012:role/external');
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'my-sa', external)).toThrow(
      'role Stack/External (arn:aws:iam::123456789012:role/external) is not defined in the templates of stack(s) Stack, '
      + 'so its trust policy cannot be checked; pass the stack that defines it with IdentityAssertions.fromStacks([...])');
  });

  test('the report of the same templates', () => {
    const report = assertions.toReport();
    const bindings = report.clusters[0].serviceAccounts.map((b) => `${b.namespace}/${b.serviceAccount} ${b.roleName} ${b.scope}`);
    expect(bindings).toEqual(['default/my-sa myeks-irsa-my-sa EXACT_SUBJECT', 'default/plain-role plain-role EXACT_SUBJECT']);
    expect(report.clusters[0].serviceAccountsWithoutRole).toEqual(['default/plain']);
  });
});

describe('IRSA annotation checks', () => {
  test('an object without the annotation, and one annotated with another role', () => {
    const stack = newStack();
    const cluster = newCluster(stack);
    const imported = importedCluster(stack);
    // A hand-made role that trusts default/web of the imported cluster (literal issuer).
    const role = new iam.Role(stack, 'Web', {
      roleName: 'web',
      assumedBy: new iam.FederatedPrincipal(imported.openIdConnectProviderArn, {
        StringEquals: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:default:web', [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' },
      }, 'sts:AssumeRoleWithWebIdentity'),
    });
    imported.addServiceAccount('Web', { namespace: 'default', name: 'web' });
    const annotatedElsewhere = importedCluster(stack, 'Elsewhere', { clusterName: 'elsewhere' });
    annotatedElsewhere.addServiceAccount('Web', { namespace: 'default', name: 'web', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/other' } });
    expect(cluster.clusterName).toBeDefined();
    const assertions = IdentityAssertions.fromStack(stack);
    expect(() => assertions.serviceAccountCanAssume(imported, 'default', 'web', role)).toThrow(
      'ServiceAccount default/web of cluster imported has no eks.amazonaws.com/role-arn annotation, so its pods do not get role web');
    // The trust still lets a pod of default/web in if it mounts a token itself.
    expect(() => assertions.serviceAccountCannotAssume(imported, 'default', 'web', role)).toThrow(
      `default/web on cluster imported can assume role web: its IRSA trust for OIDC provider arn:aws:iam::123456789012:oidc-provider/${ISSUER_A} `
      + 'allows system:serviceaccount:default:web (exact subject + audience)');
    // Same issuer, so the trust covers the second import too; its object names another role.
    expect(() => assertions.serviceAccountCanAssume(annotatedElsewhere, 'default', 'web', role)).toThrow(
      'ServiceAccount default/web of cluster elsewhere is annotated with arn:aws:iam::123456789012:role/other, not role web');
  });
});

describe('IRSA wildcard opt-in', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const jobs = cluster.addWorkloadIdentity('Jobs', {
    namespace: 'batch', serviceAccountName: 'job-*', mode: IdentityMode.IRSA, allowWildcardSubject: true, roleName: 'jobs',
  });
  const assertions = IdentityAssertions.fromStack(stack);

  test('any matching service account can assume the role', () => {
    expect(() => assertions.serviceAccountCanAssume(cluster, 'batch', 'job-1', jobs.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(cluster, 'batch', 'job-nightly', jobs.role)).not.toThrow();
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'batch', 'job-7', jobs.role)).toThrow(
      'batch/job-7 on cluster myeks can assume role jobs: its IRSA trust for OIDC provider ClusterOidcProviderNativeD98609E6 '
      + 'allows system:serviceaccount:batch:job-* (name pattern (batch/job-*) + audience)');
  });

  test('others cannot', () => {
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'batch', 'web', jobs.role)).not.toThrow();
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'other', 'job-1', jobs.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(cluster, 'batch', 'web', jobs.role))
      .toThrow('role jobs trusts system:serviceaccount:batch:job-*, not batch/web');
  });

  test('the report calls it a name pattern', () => {
    expect(assertions.toReport().clusters[0].serviceAccounts[0]).toMatchObject({ scope: TrustScope.NAME_PATTERN });
  });
});

describe('EKS Pod Identity', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const s3 = cluster.addWorkloadIdentity('S3Sa', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY, roleName: 's3-eks-pod-identity-role' });
  const irsa = cluster.addWorkloadIdentity('Legacy', { namespace: 'default', serviceAccountName: 'legacy', mode: IdentityMode.IRSA, roleName: 'legacy' });
  // The IRSA role also trusts default/s3-sa, but that service account has a pod identity association.
  const both = new iam.Role(stack, 'Both', {
    roleName: 'both',
    assumedBy: new iam.FederatedPrincipal(cluster.openIdConnectProviderArn, {}, 'sts:AssumeRoleWithWebIdentity'),
  });
  const misfit = new iam.Role(stack, 'Misfit', {
    roleName: 'misfit',
    assumedBy: podIdentityPrincipal().withConditions({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'other' } }),
  });
  new eks.CfnPodIdentityAssociation(stack, 'MisfitAssociation', { clusterName: cluster.clusterName, namespace: 'default', serviceAccount: 'misfit', roleArn: misfit.roleArn });
  const noTags = cluster.addWorkloadIdentity('NoTags', {
    namespace: 'default', serviceAccountName: 'no-tags', mode: IdentityMode.POD_IDENTITY, disableSessionTags: true, roleName: 'no-tags',
  });
  const assertions = IdentityAssertions.fromStack(stack);

  test('the associated service account can assume the role', () => {
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 's3-sa', s3.role)).not.toThrow();
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'default', 's3-sa', s3.role)).toThrow(
      'default/s3-sa on cluster myeks can assume role s3-eks-pod-identity-role: pod identity association ClusterS3SaAssociation77DC9ABD');
  });

  test('a service account without an association cannot; the error lists the associations', () => {
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'default', 'other-sa', s3.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'other-sa', s3.role)).toThrow(
      'role s3-eks-pod-identity-role has no pod identity association for default/other-sa on cluster myeks; associations found: '
      + 'default/s3-sa → role s3-eks-pod-identity-role, default/no-tags → role no-tags, default/misfit → role misfit');
  });

  test('pod identity takes precedence over an IRSA trust that also names the service account', () => {
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 's3-sa', irsa.role))
      .toThrow('default/s3-sa on cluster myeks cannot assume role legacy: its pod identity association ClusterS3SaAssociation77DC9ABD '
        + 'gives it role s3-eks-pod-identity-role, and pod identity takes precedence over IRSA');
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 's3-sa', both)).toThrow(/gives it role s3-eks-pod-identity-role/);
    // The unscoped IRSA trust still hands the role to anyone who mounts a token.
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'default', 's3-sa', both)).toThrow(
      'default/s3-sa on cluster myeks can assume role both: its IRSA trust for OIDC provider ClusterOidcProviderNativeD98609E6 '
      + 'allows any subject (unscoped: any service account (no :sub condition), no audience condition)');
  });

  test('session tag conditions that do not match the association', () => {
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'misfit', misfit)).toThrow(
      'default/misfit on cluster myeks cannot assume role misfit: pod identity association MisfitAssociation names it, '
      + 'but the trust requires StringEquals aws:RequestTag/kubernetes-namespace = other');
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'default', 'misfit', misfit)).not.toThrow();
  });

  test('session tags disabled: the unscoped trust works', () => {
    expect(() => assertions.serviceAccountCanAssume(cluster, 'default', 'no-tags', noTags.role)).not.toThrow();
  });

  test('the same service account name on another cluster has no association', () => {
    const other = importedCluster(newStack(newApp(), 'Unrelated'));
    expect(() => assertions.serviceAccountCanAssume(other, 'default', 's3-sa', s3.role)).toThrow(
      'cluster Unrelated/Imported is in stack Unrelated, which is not among the stacks given (Stack); pass it with IdentityAssertions.fromStacks([...])');
  });
});

describe('cross-account pod identity', () => {
  const app = newApp();
  const clusterStack = newStack(app, 'ClusterStack');
  const dataStack = newStack(app, 'DataStack', { env: { account: OTHER_ACCOUNT, region: REGION } });
  const cluster = newCluster(clusterStack);
  const identity = cluster.addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, roleName: 'app-association' });
  const target = new PodIdentityTargetRole(dataStack, 'AppTarget', { identity, roleName: 'app-data-access' });
  const unrelated = new iam.Role(dataStack, 'Unrelated', { roleName: 'unrelated', assumedBy: new iam.AccountRootPrincipal() });
  const broken = cluster.addWorkloadIdentity('Broken', {
    namespace: 'app',
    serviceAccountName: 'broken',
    mode: IdentityMode.POD_IDENTITY,
    roleName: 'broken-association',
    targetRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/broken-target`,
  });
  const brokenTarget = new iam.Role(dataStack, 'BrokenTarget', { roleName: 'broken-target', assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });

  test('the service account reaches the target role and the association role', () => {
    const assertions = IdentityAssertions.fromStacks([clusterStack, dataStack]);
    expect(() => assertions.serviceAccountCanAssume(cluster, 'app', 'app', target.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(cluster, 'app', 'app', identity.role)).not.toThrow();
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'app', 'other', target.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(cluster, 'app', 'app', unrelated)).toThrow(
      'app/app on cluster myeks cannot assume role unrelated: its pod identity association ClusterAppAssociation9599EE05 gives it '
      + 'role app-association (target role app-data-access), and pod identity takes precedence over IRSA');
  });

  test('a target role whose trust does not admit the association role', () => {
    const assertions = IdentityAssertions.fromStacks([clusterStack, dataStack]);
    expect(() => assertions.serviceAccountCanAssume(cluster, 'app', 'broken', broken.role)).not.toThrow();
    expect(() => assertions.serviceAccountCanAssume(cluster, 'app', 'broken', brokenTarget)).toThrow(
      'app/broken on cluster myeks cannot assume role broken-target: pod identity association ClusterBrokenAssociation784267D5 chains to it, '
      + 'but the trust policy of target role BrokenTargetD74CEFCF (stack DataStack) does not allow the association role (role broken-association) '
      + 'sts:AssumeRole and sts:TagSession with this association\'s session tags');
    expect(() => assertions.serviceAccountCannotAssume(cluster, 'app', 'broken', brokenTarget)).not.toThrow();
  });

  test('without the target role\'s stack, the target cannot be judged', () => {
    expect(() => IdentityAssertions.fromStack(clusterStack).serviceAccountCanAssume(cluster, 'app', 'app', target.role))
      .toThrow('role DataStack/AppTarget/Role is in stack DataStack, which is not among the stacks given (ClusterStack), '
        + 'so its trust policy cannot be checked; pass it with IdentityAssertions.fromStacks([...])');
  });
});

describe('access entries', () => {
  const stack = newStack();
  const cluster = newCluster(stack, 'nodegroup', { admins: ['arn:aws:iam::123456789012:role/Admin'] });
  const person = (id: string, roleName: string) => new iam.Role(stack, id, { roleName, assumedBy: new iam.AccountRootPrincipal() });
  const testuser = person('TestUser', 'testuser');
  const viewer = person('Viewer', 'viewer');
  const editor = person('Editor', 'editor');
  const podReader = person('PodReader', 'pod-reader');
  cluster.grantAccess('TestUserAccess', testuser.roleArn, { username: 'testuser:{{SessionName}}', accessPolicies: [AccessPolicy.clusterAdmin()] });
  cluster.grantViewer('ViewerAccess', viewer.roleArn);
  cluster.grantNamespaceEditor('EditorAccess', editor.roleArn, ['app']);
  cluster.grantKubernetesGroups('PodReaderAccess', podReader.roleArn, ['pod-readers']);
  const nobody = person('Nobody', 'nobody');
  const assertions = IdentityAssertions.fromStack(stack);
  const inApp = (policy: (scope: any) => AccessPolicy, namespaces = ['app']) => policy({ type: AccessScopeType.NAMESPACE, namespaces });

  test('cluster scope', () => {
    expect(() => assertions.principalHasAccess(cluster, testuser.roleArn, AccessPolicy.clusterAdmin())).not.toThrow();
    expect(() => assertions.principalHasAccess(cluster, viewer.roleArn, AccessPolicy.view())).not.toThrow();
    expect(() => assertions.principalHasAccess(cluster, 'arn:aws:iam::123456789012:role/Admin', AccessPolicy.clusterAdmin())).not.toThrow();
    expect(() => assertions.principalHasAccess(cluster, viewer.roleArn, AccessPolicy.edit()))
      .toThrow('role viewer\'s access entry on cluster myeks has AmazonEKSViewPolicy (cluster scope), not AmazonEKSEditPolicy');
    expect(() => assertions.principalHasAccess(cluster, editor.roleArn, AccessPolicy.edit()))
      .toThrow('role editor has AmazonEKSEditPolicy on cluster myeks only in namespace(s) app, not at cluster scope');
  });

  test('namespace scope (a cluster-scoped policy covers every namespace)', () => {
    expect(() => assertions.principalHasAccess(cluster, editor.roleArn, inApp((s) => AccessPolicy.edit(s)))).not.toThrow();
    expect(() => assertions.principalHasAccess(cluster, viewer.roleArn, inApp((s) => AccessPolicy.view(s)))).not.toThrow();
    expect(() => assertions.principalHasAccess(cluster, editor.roleArn, inApp((s) => AccessPolicy.edit(s), ['app', 'prod'])))
      .toThrow('role editor has AmazonEKSEditPolicy on cluster myeks in namespace(s) app, not in prod');
  });

  test('principalLacksAccess', () => {
    expect(() => assertions.principalLacksAccess(cluster, viewer.roleArn, AccessPolicy.edit())).not.toThrow();
    expect(() => assertions.principalLacksAccess(cluster, editor.roleArn, AccessPolicy.edit())).not.toThrow();
    expect(() => assertions.principalLacksAccess(cluster, nobody.roleArn, AccessPolicy.view())).not.toThrow();
    expect(() => assertions.principalLacksAccess(cluster, testuser.roleArn, AccessPolicy.clusterAdmin()))
      .toThrow('role testuser has AmazonEKSClusterAdminPolicy on cluster myeks (cluster scope) through access entry ClusterTestUserAccessFADE7ED0');
    expect(() => assertions.principalLacksAccess(cluster, editor.roleArn, inApp((s) => AccessPolicy.edit(s))))
      .toThrow('role editor has AmazonEKSEditPolicy on cluster myeks (namespace app) through access entry ClusterEditorAccessB6053695');
  });

  test('a principal without an access entry', () => {
    expect(() => assertions.principalHasAccess(cluster, nobody.roleArn, AccessPolicy.view())).toThrow(
      'role nobody has no access entry on cluster myeks; entries: role Admin, role testuser, role viewer, role editor, role pod-reader');
  });

  test('Kubernetes groups and username', () => {
    expect(() => assertions.principalHasKubernetesGroups(cluster, podReader.roleArn, ['pod-readers'])).not.toThrow();
    expect(() => assertions.principalHasKubernetesGroups(cluster, podReader.roleArn, ['pod-readers', 'auditors']))
      .toThrow('role pod-reader\'s access entry on cluster myeks has Kubernetes groups pod-readers; missing: auditors');
    expect(() => assertions.principalHasKubernetesGroups(cluster, viewer.roleArn, ['pod-readers']))
      .toThrow('role viewer\'s access entry on cluster myeks has Kubernetes groups none; missing: pod-readers');
    expect(() => assertions.principalHasAccess(cluster, podReader.roleArn, AccessPolicy.view()))
      .toThrow('role pod-reader\'s access entry on cluster myeks has no access policies, not AmazonEKSViewPolicy');
    expect(() => assertions.principalHasUsername(cluster, testuser.roleArn, 'testuser:{{SessionName}}')).not.toThrow();
    expect(() => assertions.principalHasUsername(cluster, viewer.roleArn, 'viewer'))
      .toThrow('role viewer\'s access entry on cluster myeks has username (none: EKS derives it from the principal ARN), not viewer');
    expect(() => assertions.principalHasUsername(cluster, nobody.roleArn, 'x')).toThrow('role nobody has no access entry on cluster myeks; entries:');
  });
});

test('fromStacks needs a stack', () => {
  expect(() => IdentityAssertions.fromStacks([])).toThrow('IdentityAssertions.fromStacks needs at least one stack');
});

test('the helpers do not ship or import the AGPL IAM evaluator (a devDependency for our own tests only)', () => {
  const sources = ['src/assertions', 'src/report'].flatMap((dir) => fs.readdirSync(path.join(__dirname, '..', '..', dir))
    .map((f) => fs.readFileSync(path.join(__dirname, '..', '..', dir, f), 'utf8')));
  expect(sources.length).toBeGreaterThan(3);
  for (const source of sources) expect(source).not.toMatch(/cloud-copilot|iam-simulate|iam-evaluator/);
});
