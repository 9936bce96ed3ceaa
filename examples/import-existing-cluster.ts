// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * An application team's stack for a cluster made elsewhere (eksctl, Terraform, the console):
 * `IdentityCluster.fromClusterAttributes` with the cluster's name and its OIDC issuer URL
 * (`aws eks describe-cluster --name shared-eks --query cluster.identity.oidc.issuer`). The
 * cluster, its OIDC provider and its pod identity agent are not touched; the stack holds only the
 * team's roles, associations and table. Because the issuer is a literal, IRSA trust documents
 * stay plain JSON objects.
 *
 *   npx ts-node --transpile-only examples/import-existing-cluster.ts
 *   kubectl apply -f cdk.out/OrdersTeam.SharedCluster.k8s.yaml
 */
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { IdentityCluster, WorkloadPlatform } from '../src';

export function build(app: App): Stack {
  const stack = new Stack(app, 'OrdersTeam', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  const cluster = IdentityCluster.fromClusterAttributes(stack, 'SharedCluster', {
    clusterName: 'shared-eks',
    openIdConnectIssuerUrl: 'https://oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
    // openIdConnectProviderArn defaults to arn:aws:iam::<account>:oidc-provider/<issuer> (eksctl utils associate-iam-oidc-provider made it)
    // The agent addon is installed (aws eks describe-addon --addon-name eks-pod-identity-agent): AUTO may pick pod identity.
    podIdentityAgentInstalled: true,
  });

  const orders = new dynamodb.Table(stack, 'Orders', {
    partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  });

  // AUTO (the default): pod identity, the cluster has the agent (podIdentityAgentInstalled defaults to true).
  const api = cluster.addWorkloadIdentity('OrdersApi', { namespace: 'orders', serviceAccountName: 'orders-api', createNamespace: true });
  orders.grantReadWriteData(api);

  // A Fargate job cannot use pod identity, so AUTO picks IRSA: its trust names the literal issuer.
  const exporter = cluster.addWorkloadIdentity('OrdersExporter', {
    namespace: 'orders',
    serviceAccountName: 'orders-exporter',
    platform: WorkloadPlatform.FARGATE,
  });
  orders.grantReadData(exporter);

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
