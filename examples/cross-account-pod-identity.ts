// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * Cross-account EKS Pod Identity: pods in the platform account's cluster read a bucket in the data
 * account. The association role lives in the cluster's account; `PodIdentityTargetRole`, created
 * in the data account's stack, is the role EKS Pod Identity chains into (`TargetRoleArn`). Its
 * trust admits the cluster's account only as the association role (`ArnEquals aws:PrincipalARN`)
 * and only for this cluster, namespace and service account (session tags); the association role
 * gets the permission to assume it.
 *
 * Both accounts and both role names must be known at synth: each side names the other's role.
 *
 *   npx ts-node --transpile-only examples/cross-account-pod-identity.ts
 *   cdk deploy --all   # the data account's stack first: the association names its role
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityCluster, IdentityMode, PodIdentityTargetRole } from '../src';

export function build(app: App): Stack[] {
  const platform = new Stack(app, 'Platform', { env: { account: '111122223333', region: 'ap-northeast-2' } });
  const data = new Stack(app, 'Data', { env: { account: '444455556666', region: 'ap-northeast-2' } });
  platform.addStackDependency(data, 'the pod identity association names the target role');

  const cluster = new IdentityCluster(platform, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    admins: ['arn:aws:iam::111122223333:role/Admin'],
  });

  const analytics = cluster.addWorkloadIdentity('Analytics', {
    namespace: 'analytics',
    serviceAccountName: 'analytics',
    mode: IdentityMode.POD_IDENTITY,
    roleName: 'myeks-analytics', // the data account's trust names this role
    createNamespace: true,
  });

  const lake = new s3.Bucket(data, 'Lake');
  const target = new PodIdentityTargetRole(data, 'AnalyticsTarget', {
    identity: analytics,
    roleName: 'myeks-analytics-lake-reader',
  });
  lake.grantRead(target); // permissions go to the target role, in the bucket's account

  return [platform, data];
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
