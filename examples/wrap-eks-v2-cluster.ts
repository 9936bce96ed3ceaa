// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * An aws-eks-v2 `Cluster` you already have, given identities with `IdentityCluster.fromCluster`.
 * The cluster stays as it is; the library adds a native `AWS::IAM::OIDCProvider` (no Lambda) when
 * the cluster has none yet — or reuses the cluster's own provider, never creating a second one
 * for the same issuer — and the `eks-pod-identity-agent` addon unless the cluster already has one
 * (or runs Auto Mode).
 *
 * If other code of your app asks `eksCluster.openIdConnectProvider`, set the context flag
 * `@aws-cdk/aws-eks:useNativeOidcProvider` to true (cdk.json), so both share one native provider.
 *
 *   npx ts-node --transpile-only examples/wrap-eks-v2-cluster.ts
 *   kubectl apply -f cdk.out/WrapEksV2Cluster.Identity.k8s.yaml
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityCluster, IdentityMode } from '../src';

export function build(app: App): Stack {
  const stack = new Stack(app, 'WrapEksV2Cluster', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  // Your existing aws-eks-v2 cluster.
  const eksCluster = new eks.Cluster(stack, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
  });

  const cluster = IdentityCluster.fromCluster(stack, 'Identity', eksCluster);

  // Access entries through the library (do not also call eksCluster.grantAccess for the same role).
  cluster.grantClusterAdmin('Admin', 'arn:aws:iam::111122223333:role/Admin');

  cluster.addWorkloadIdentity('LogShipper', {
    namespace: 'logging',
    serviceAccountName: 'log-shipper',
    mode: IdentityMode.IRSA,
    createNamespace: true,
    statements: [new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: ['arn:aws:logs:ap-northeast-2:111122223333:log-group:/eks/myeks/*'],
    })],
  });

  cluster.addWorkloadIdentity('Metrics', {
    namespace: 'monitoring',
    serviceAccountName: 'metrics',
    mode: IdentityMode.POD_IDENTITY,
    createNamespace: true,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('CloudWatchAgentServerPolicy')],
  });

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
