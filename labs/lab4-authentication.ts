import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { createLabCluster } from './lab-cluster';
import { LabEnvironment } from './lab-environment';
import { AccessPolicy, AwsAuthMigration, IdentityCluster } from '../src';

/** The classic lab's IAM user `testuser`, here a role a person assumes (no access keys). Cluster admin. */
export const LAB4_TESTUSER_ROLE_NAME = 'testuser';
/** A role that may read most of the cluster (AmazonEKSViewPolicy, cluster scope). */
export const LAB4_VIEWER_ROLE_NAME = 'myeks-viewer';
/** A role that may edit the namespace `app` (AmazonEKSEditPolicy, namespace scope). */
export const LAB4_EDITOR_ROLE_NAME = 'myeks-app-editor';
/** A role in the custom Kubernetes group `pod-readers` (RBAC Role in `app`). */
export const LAB4_POD_READER_ROLE_NAME = 'myeks-pod-reader';
/** The namespace of the scoped editor and the custom group. */
export const LAB4_NAMESPACE = 'app';
/** The custom Kubernetes group. */
export const LAB4_GROUP = 'pod-readers';

/**
 * The `aws-auth` ConfigMap of the classic lab: the node role (`system:bootstrappers`, `system:nodes`)
 * and the IAM user `testuser` in `system:masters` (added with `eksctl create iamidentitymapping`).
 */
export function lab4AwsAuthConfigMap(nodeRoleArn: string, account: string): string {
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: aws-auth',
    '  namespace: kube-system',
    'data:',
    '  mapRoles: |',
    '    - groups:',
    '      - system:bootstrappers',
    '      - system:nodes',
    `      rolearn: ${nodeRoleArn}`,
    '      username: system:node:{{EC2PrivateDNSName}}',
    '  mapUsers: |',
    '    - groups:',
    '      - system:masters',
    `      userarn: arn:aws:iam::${account}:user/testuser`,
    '      username: testuser',
    '',
  ].join('\n');
}

/** A role a person in this account assumes (`aws sts assume-role`, or `--role-arn` in the kubeconfig). */
function personRole(scope: Construct, id: string, roleName: string): iam.Role {
  return new iam.Role(scope, id, {
    roleName,
    assumedBy: new iam.AccountRootPrincipal(),
    description: `cdk-eks-identity lab 4: ${roleName} (assume it, then aws eks update-kubeconfig --name myeks --role-arn <this role>)`,
  });
}

function kubeconfigOutput(scope: Construct, id: string, cluster: IdentityCluster, role: iam.Role): void {
  new CfnOutput(scope, id, {
    value: `aws eks update-kubeconfig --name ${cluster.clusterName} --role-arn ${role.roleArn} --alias ${role.roleName}`,
    description: `kubeconfig context for ${role.roleName}`,
  });
}

/**
 * Lab 4 — cluster authentication and authorization: cluster `myeks` in authentication mode `API`,
 * the classic lab's `aws-auth` ConfigMap migrated with `AwsAuthMigration` (neither mapping becomes an
 * entry: the migration leaves out the managed node group's role, whose entry EKS made itself, and
 * the IAM user `testuser` is excluded because a role replaces it), `testuser` as a role with
 * cluster admin through an access entry (no `system:masters`),
 * a read-only viewer, an editor scoped to namespace `app`, and a custom group `pod-readers` bound
 * with RBAC.
 */
export function createLab4(app: App, lab: LabEnvironment): Stack {
  const stack = new Stack(app, 'EksIdentityLab4Authentication', {
    env: lab.env,
    description: 'cdk-eks-identity lab 4: cluster authentication and authorization (access entries, RBAC, aws-auth migration)',
  });
  const cluster = createLabCluster(stack, lab);

  // The classic lab's aws-auth, moved to access entries. Nothing in it becomes a new entry here, and the
  // migration says why for each mapping instead of dropping them silently: it finds the cluster's
  // managed node group and leaves its role out (EKS made that entry), and the IAM user is excluded.
  new AwsAuthMigration(stack, 'AwsAuth', {
    cluster,
    configMap: lab4AwsAuthConfigMap(cluster.cluster.defaultNodegroup!.role.roleArn, stack.account),
    exclude: [
      { item: `arn:aws:iam::${stack.account}:user/testuser`, reason: 'the IAM user with access keys is replaced by the role testuser, which gets cluster admin below' },
    ],
  });

  const testuser = personRole(stack, 'TestUser', LAB4_TESTUSER_ROLE_NAME);
  cluster.grantAccess('TestUserAccess', testuser.roleArn, {
    username: 'testuser:{{SessionName}}',
    accessPolicies: [AccessPolicy.clusterAdmin()],
  });

  const viewer = personRole(stack, 'Viewer', LAB4_VIEWER_ROLE_NAME);
  cluster.grantViewer('ViewerAccess', viewer.roleArn);

  cluster.kubernetesObjects.ensureNamespace(LAB4_NAMESPACE);
  const editor = personRole(stack, 'AppEditor', LAB4_EDITOR_ROLE_NAME);
  cluster.grantNamespaceEditor('AppEditorAccess', editor.roleArn, [LAB4_NAMESPACE]);

  cluster.addKubernetesGroup('PodReaders', {
    group: LAB4_GROUP,
    namespace: LAB4_NAMESPACE,
    rules: [
      { resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { resources: ['events'], verbs: ['list'] },
    ],
  });
  const podReader = personRole(stack, 'PodReader', LAB4_POD_READER_ROLE_NAME);
  cluster.grantKubernetesGroups('PodReaderAccess', podReader.roleArn, [LAB4_GROUP]);

  kubeconfigOutput(stack, 'TestUserKubeconfig', cluster, testuser);
  kubeconfigOutput(stack, 'ViewerKubeconfig', cluster, viewer);
  kubeconfigOutput(stack, 'AppEditorKubeconfig', cluster, editor);
  kubeconfigOutput(stack, 'PodReaderKubeconfig', cluster, podReader);
  return stack;
}
