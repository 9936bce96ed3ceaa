import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessPolicy, AccessScopeType, IdentityMode, PodIdentityTargetRole, WorkloadIdentity } from '../../src';
import { ENV, importedCluster, issuerInRegionOf, newCluster, OTHER_ACCOUNT, providerArnOf, REGION } from '../support/fixtures';

/*
 * Two cloud assemblies made with the library's public API, the second a pull request on the
 * first: each scenario of the identity diff tests is one construct that differs between them.
 */

export const ADMIN_ARN = 'arn:aws:iam::123456789012:role/Admin';
export const OPS_ARN = 'arn:aws:iam::123456789012:role/Ops';
export const TEAM_A_ARN = 'arn:aws:iam::123456789012:role/TeamA';
export const AUDIT_ARN = 'arn:aws:iam::123456789012:role/Audit';
export const DEV_ARN = 'arn:aws:iam::123456789012:role/Dev';
export const ONCALL_ARN = 'arn:aws:iam::123456789012:role/Oncall';
export const SRE_ARN = 'arn:aws:iam::123456789012:role/Sre';
export const LEGACY_ROLE_NAME = 'legacy-app';
export const TARGET_ROLE_NAME = 'data-exporter';
/** Named roles whose constructs move in the pull request (another construct id): nothing changes for them. */
export const MOVED_ROLE_NAMES = ['ops-app-role', 'api-app-role', 'report-reader'];

/** Synthesizes the assembly before (`main`) or after (the pull request) into a new temporary directory. */
export function synthesizeDiffApp(variant: 'before' | 'after'): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `identity-diff-${variant}-`));
  const after = variant === 'after';
  const app = new App({ outdir });
  const platform = new Stack(app, 'Platform', { env: ENV });
  const cluster = newCluster(platform, 'nodegroup', { admins: [ADMIN_ARN] });

  // (a) IRSA on a cluster of the same stack (an Fn::Sub trust): one service account, then every one.
  const reader = cluster.addWorkloadIdentity('Reader', after
    ? { namespace: '*', serviceAccountName: '*', mode: IdentityMode.IRSA, allowWildcardSubject: true }
    : { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
  reader.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] }));

  // (b) A new role trusted by a wildcard subject.
  if (after) cluster.addWorkloadIdentity('Batch', { namespace: 'batch', serviceAccountName: 'job-*', mode: IdentityMode.IRSA, allowWildcardSubject: true });

  // (c) A new cluster admin, by access entry and by RBAC.
  if (after) {
    cluster.grantClusterAdmin('Ops', OPS_ARN);
    cluster.addKubernetesGroup('Breakglass', { group: 'breakglass', clusterRole: 'cluster-admin' });
  }

  // (d) Cluster admins by a Kubernetes group that a ClusterRoleBinding binds to cluster-admin
  // (breakglass, bound in the pull request): an existing entry gets the group, a new entry has it;
  // and a group an entry already has (sre) comes to be bound to cluster-admin.
  cluster.grantAccess('Dev', DEV_ARN, { kubernetesGroups: after ? ['developers', 'breakglass'] : ['developers'] });
  if (after) cluster.grantAccess('Oncall', ONCALL_ARN, { kubernetesGroups: ['breakglass'] });
  cluster.grantAccess('Sre', SRE_ARN, { kubernetesGroups: ['sre'] });
  if (after) cluster.addKubernetesGroup('SreAdmin', { group: 'sre', clusterRole: 'cluster-admin' });

  // (e) Named roles whose constructs move (a new construct id, the same role name): a cluster
  // admin by access entry, a pod identity role and a cross-account target role.
  const ops = new iam.Role(platform, after ? 'OpsRoleMoved' : 'OpsRole', { roleName: MOVED_ROLE_NAMES[0], assumedBy: new iam.AccountRootPrincipal() });
  cluster.grantClusterAdmin('OpsApp', ops.roleArn);
  cluster.addWorkloadIdentity(after ? 'ApiMoved' : 'Api', { namespace: 'api', serviceAccountName: 'api', mode: IdentityMode.POD_IDENTITY, roleName: MOVED_ROLE_NAMES[1] });
  const reporter = cluster.addWorkloadIdentity('Reporter', { namespace: 'data', serviceAccountName: 'reporter', mode: IdentityMode.POD_IDENTITY });
  const reports = new Stack(app, 'ReportsAccount', { env: { account: OTHER_ACCOUNT, region: REGION } });
  new PodIdentityTargetRole(reports, after ? 'ReporterTargetMoved' : 'ReporterTarget', { identity: reporter, roleName: MOVED_ROLE_NAMES[2] });

  // Pod identity that loses its session tag scope.
  cluster.addWorkloadIdentity('Writer', { namespace: 'app', serviceAccountName: 'writer', createNamespace: true, disableSessionTags: after });

  // Pod identity that starts chaining to a cross-account target role.
  const exporter = cluster.addWorkloadIdentity('Exporter', { namespace: 'data', serviceAccountName: 'exporter', mode: IdentityMode.POD_IDENTITY });
  if (after) {
    const dataAccount = new Stack(app, 'DataAccount', { env: { account: OTHER_ACCOUNT, region: REGION } });
    new PodIdentityTargetRole(dataAccount, 'ExporterTarget', { identity: exporter, roleName: TARGET_ROLE_NAME });
  }

  // Permissions added.
  const uploader = cluster.addWorkloadIdentity('Uploader', { namespace: 'app', serviceAccountName: 'uploader', mode: IdentityMode.POD_IDENTITY });
  uploader.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::uploads/*'] }));
  if (after) uploader.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::uploads/*'] }));

  // Access policy scope widened from a namespace to the cluster; an entry removed.
  cluster.grantAccess('TeamA', TEAM_A_ARN, {
    accessPolicies: [AccessPolicy.edit(after ? { type: AccessScopeType.CLUSTER } : { type: AccessScopeType.NAMESPACE, namespaces: ['team-a'] })],
  });
  if (!after) cluster.grantViewer('Audit', AUDIT_ARN);

  // RBAC rules widened.
  cluster.addKubernetesGroup('PodReaders', {
    group: 'pod-readers',
    namespace: 'team-a',
    rules: [{ resources: ['pods'], verbs: after ? ['get', 'list'] : ['get'] }],
  });

  // A cluster made elsewhere: the role is rewritten by hand without its audience condition, under
  // another construct id (it is matched by its name).
  const apps = new Stack(app, 'Apps', { env: ENV });
  const imported = importedCluster(apps);
  if (after) {
    new iam.Role(apps, 'HandWrittenLegacyRole', {
      roleName: LEGACY_ROLE_NAME,
      assumedBy: new iam.WebIdentityPrincipal(providerArnOf(issuerInRegionOf(apps)), {
        StringEquals: { [`${issuerInRegionOf(apps)}:sub`]: 'system:serviceaccount:legacy:app' },
      }),
    });
  } else {
    new WorkloadIdentity(apps, 'Legacy', { cluster: imported, namespace: 'legacy', serviceAccountName: 'app', mode: IdentityMode.IRSA, roleName: LEGACY_ROLE_NAME });
  }

  app.synth();
  return outdir;
}
