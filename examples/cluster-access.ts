// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * Who may do what in the cluster, with EKS access entries (no `aws-auth` ConfigMap, authentication
 * mode `API`): cluster admins, a read-only viewer, an editor limited to one namespace, and an
 * on-call role in a custom Kubernetes group whose permissions are written as RBAC objects.
 *
 *   npx ts-node --transpile-only examples/cluster-access.ts
 *   kubectl apply -f cdk.out/ClusterAccess.Cluster.k8s.yaml   # the namespace and the group's Role/RoleBinding
 *   aws eks update-kubeconfig --name myeks --role-arn arn:aws:iam::111122223333:role/PaymentsDeveloper
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { AccessPolicy, AccessScopeType, IdentityCluster } from '../src';

export function build(app: App): Stack {
  const stack = new Stack(app, 'ClusterAccess', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  const cluster = new IdentityCluster(stack, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    // AmazonEKSClusterAdminPolicy at cluster scope (what system:masters was).
    admins: ['arn:aws:iam::111122223333:role/PlatformAdmin', 'arn:aws:iam::111122223333:role/BreakGlass'],
  });

  // AmazonEKSViewPolicy, cluster-wide: read most resources, no Secrets.
  cluster.grantViewer('Auditor', 'arn:aws:iam::111122223333:role/Auditor');

  // AmazonEKSEditPolicy in namespace payments only.
  cluster.kubernetesObjects.ensureNamespace('payments');
  cluster.grantNamespaceEditor('PaymentsDeveloper', 'arn:aws:iam::111122223333:role/PaymentsDeveloper', ['payments']);

  // A group of your own: RBAC objects (Role + RoleBinding in payments) in the cluster's chart ...
  cluster.addKubernetesGroup('PodReaders', {
    group: 'pod-readers',
    namespace: 'payments',
    rules: [
      { resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
    ],
  });
  // ... and a principal in that group, with a username that shows the session in audit logs.
  const onCall = cluster.grantAccess('OnCall', 'arn:aws:iam::111122223333:role/OnCall', {
    kubernetesGroups: ['pod-readers'],
    username: 'oncall:{{SessionName}}',
  });
  // More policies on the same entry (one entry per principal): read Secrets in payments too.
  onCall.addAccessPolicies(AccessPolicy.secretReader({ type: AccessScopeType.NAMESPACE, namespaces: ['payments'] }));

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
