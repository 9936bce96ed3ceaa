// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * EKS Pod Identity: the service account `orders/orders-api` gets a role trusted by
 * `pods.eks.amazonaws.com` in one statement (`sts:AssumeRole` + `sts:TagSession`), scoped with
 * session tags to this cluster, namespace and service account, plus an
 * `AWS::EKS::PodIdentityAssociation` that depends on the `eks-pod-identity-agent` addon the
 * cluster installs. An AWS managed policy is attached, more permissions are granted inline, and
 * the `orders` Namespace is written next to the ServiceAccount (which carries no annotation).
 *
 *   npx ts-node --transpile-only examples/pod-identity.ts
 *   kubectl apply -f cdk.out/PodIdentity.Cluster.k8s.yaml
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { IdentityCluster, IdentityMode } from '../src';

export function build(app: App): Stack {
  const stack = new Stack(app, 'PodIdentity', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  const cluster = new IdentityCluster(stack, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    admins: ['arn:aws:iam::111122223333:role/Admin'],
  });

  const ordersApi = cluster.addWorkloadIdentity('OrdersApi', {
    namespace: 'orders',
    serviceAccountName: 'orders-api',
    mode: IdentityMode.POD_IDENTITY, // AUTO (the default) would pick it here too
    roleName: 'orders-api', // optional: the library names roles deterministically otherwise
    createNamespace: true,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBReadOnlyAccess')],
  });

  const events = new sqs.Queue(stack, 'OrderEvents');
  events.grantSendMessages(ordersApi); // inline in the role, next to the managed policy

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
