// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * Moving a service account from IRSA to EKS Pod Identity without downtime, in three deploys. The
 * step is a context value, so each deploy is one flag:
 *
 *   npx cdk deploy --app 'npx ts-node --transpile-only examples/irsa-to-pod-identity.ts' -c migrationStep=1
 *
 * 1. `mode: IRSA` — where you start: the role trusts the cluster's OIDC provider for
 *    `payments/ledger`, the service account carries the `eks.amazonaws.com/role-arn` annotation.
 * 2. `mode: POD_IDENTITY, irsaTransition: true` — deploy and `kubectl apply` the YAML. The pod
 *    identity association is created and the role trusts `pods.eks.amazonaws.com` as well, while
 *    the OIDC trust and the annotation stay: running pods keep their IRSA credentials, restarted
 *    pods get pod identity credentials (the SDKs prefer them). Now restart every pod that uses
 *    the service account (`kubectl rollout restart deployment -n payments`) and check that each
 *    has `AWS_CONTAINER_CREDENTIALS_FULL_URI` set. (EKSID-SA-002 warns about the annotation in
 *    this step; that is expected.)
 * 3. `mode: POD_IDENTITY` — only after ALL pods have restarted: the OIDC trust and the annotation
 *    go away; a pod still on IRSA credentials would lose access when its credentials next refresh.
 *
 * The role is the same resource, with the same name and permissions, in all three steps.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { IdentityCluster, IdentityMode, WorkloadIdentityOptions } from '../src';

/** The identity options of each step. */
const STEPS: { [step: string]: Pick<WorkloadIdentityOptions, 'mode' | 'irsaTransition'> } = {
  1: { mode: IdentityMode.IRSA },
  2: { mode: IdentityMode.POD_IDENTITY, irsaTransition: true },
  3: { mode: IdentityMode.POD_IDENTITY },
};

export function build(app: App): Stack {
  const step = String(app.node.tryGetContext('migrationStep') ?? '1');
  if (!(step in STEPS)) throw new Error(`migrationStep must be 1, 2 or 3, got '${step}'`);

  const stack = new Stack(app, 'IrsaToPodIdentity', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  const cluster = new IdentityCluster(stack, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP, // with the eks-pod-identity-agent addon from the start
    admins: ['arn:aws:iam::111122223333:role/Admin'],
  });

  const ledger = new dynamodb.Table(stack, 'Ledger', {
    partitionKey: { name: 'entryId', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  });

  const identity = cluster.addWorkloadIdentity('Ledger', {
    namespace: 'payments',
    serviceAccountName: 'ledger',
    createNamespace: true,
    ...STEPS[step],
  });
  ledger.grantReadWriteData(identity);

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
