// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * IRSA (IAM roles for service accounts): the service account `reports/report-reader` gets a role
 * trusted by the cluster's OIDC provider for exactly that service account (`StringEquals` on
 * `:sub` and `:aud`), and `bucket.grantRead(identity)` puts the S3 permissions inline in that role.
 *
 * `cdk synth` writes `cdk.out/IrsaServiceAccount.Cluster.k8s.yaml` with the `reports` Namespace
 * and the ServiceAccount annotated with `eks.amazonaws.com/role-arn`: `kubectl apply -f` it.
 * No Lambda, no custom resource: the trust is one JSON string (`Fn::Sub`) on the role.
 *
 *   npx ts-node --transpile-only examples/irsa-service-account.ts
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityCluster, IdentityMode } from '../src';

export function build(app: App): Stack {
  // A concrete account and region, so the role ARN in the YAML is known at synth.
  const stack = new Stack(app, 'IrsaServiceAccount', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  const cluster = new IdentityCluster(stack, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    // The role you use with kubectl (with CDK, the "cluster creator" is the CloudFormation role).
    admins: ['arn:aws:iam::111122223333:role/Admin'],
  });

  const reports = new s3.Bucket(stack, 'Reports');

  const reader = cluster.addWorkloadIdentity('ReportReader', {
    namespace: 'reports',
    serviceAccountName: 'report-reader',
    mode: IdentityMode.IRSA,
    createNamespace: true,
  });
  reports.grantRead(reader); // the identity is an iam.IGrantable

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
