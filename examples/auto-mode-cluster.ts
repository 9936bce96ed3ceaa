// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * An EKS Auto Mode cluster. The pod identity agent is built into Auto Mode, so the library adds no
 * `eks-pod-identity-agent` addon, and `IdentityMode.AUTO` (the default) picks pod identity for
 * workloads that can use it and IRSA for those that cannot — `identity.mode` and
 * `identity.modeReason` say which and why.
 *
 *   npx ts-node --transpile-only examples/auto-mode-cluster.ts
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ControllerIdentity, IdentityCluster } from '../src';

export function build(app: App): Stack {
  const stack = new Stack(app, 'AutoModeCluster', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  const cluster = new IdentityCluster(stack, 'Cluster', {
    clusterName: 'myeks-auto',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.AUTOMODE, // also aws-eks-v2's default
    admins: ['arn:aws:iam::111122223333:role/Admin'],
  });
  // cluster.autoMode === true, cluster.podIdentityAgent === undefined (built in, no addon)

  const jobs = new sqs.Queue(stack, 'Jobs');
  const worker = cluster.addWorkloadIdentity('Worker', {
    namespace: 'jobs',
    serviceAccountName: 'worker',
    createNamespace: true,
  });
  jobs.grantConsumeMessages(worker);
  // worker.mode       === IdentityMode.POD_IDENTITY
  // worker.modeReason === 'AUTO chose pod identity: the cluster and the workload support it'

  // ExternalDNS before v0.15.0 uses the AWS SDK for Go v1, which cannot use pod identity.
  const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
  cluster.addWorkloadIdentity('ExternalDns', {
    controller: ControllerIdentity.externalDns({ hostedZoneIds: [zone.hostedZoneId], version: 'v0.14.0' }),
    createNamespace: true,
  });
  // .mode       === IdentityMode.IRSA (role trusted by the cluster's OIDC provider, annotated service account)
  // .modeReason === 'AUTO chose IRSA: ExternalDNS v0.14.0 does not support EKS Pod Identity (it needs v0.14.1 or later)'

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
