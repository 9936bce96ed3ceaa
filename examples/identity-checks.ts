// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * The EKS identity rule pack as a CDK policy validation plugin: at synth, every template of the
 * app (made with this library or not) and the Kubernetes YAML next to it are checked for IRSA and
 * pod identity trust scoping, access entry rules and IAM quotas. An error-level finding fails the
 * synth with the rule id, the resource, the construct path and the fix; warnings are printed and
 * kept in `cdk.out/validation-report.json`.
 *
 * Findings you have decided to live with are turned off with a reason: app-wide with
 * `suppressions` (here: the dual identity of a service account in the middle of an IRSA → pod
 * identity migration), or for one construct with `Validations.of(construct).acknowledge(...)`
 * (here: a deliberate wildcard IRSA subject). Both reasons end up in the validation report.
 *
 *   npx ts-node --transpile-only examples/identity-checks.ts
 *   npx cdk-eks-identity check cdk.out   # the same rules over any cloud assembly, e.g. in CI
 */
import { Annotations, App, Stack, Validations } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { EksIdentityChecks, IdentityCluster, IdentityMode } from '../src';

export function build(app: App): Stack {
  Validations.of(app).addPlugins(new EksIdentityChecks({
    suppressions: [{
      ruleId: 'EKSID-SA-002',
      reason: 'payments/ledger is in step 2 of its IRSA to pod identity migration; the annotation goes in step 3',
    }],
  }));

  const stack = new Stack(app, 'IdentityChecks', { env: { account: '111122223333', region: 'ap-northeast-2' } });
  const cluster = new IdentityCluster(stack, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    admins: ['arn:aws:iam::111122223333:role/Admin'],
  });

  // Mid-migration: annotation and association on one service account (EKSID-SA-002, suppressed above).
  cluster.addWorkloadIdentity('Ledger', {
    namespace: 'payments',
    serviceAccountName: 'ledger',
    mode: IdentityMode.POD_IDENTITY,
    irsaTransition: true,
    createNamespace: true,
  });

  // One service account per batch job (job-<id>), created by the job operator: a wildcard subject
  // within one namespace (EKSID-IRSA-004), acknowledged for this construct only.
  const results = new s3.Bucket(stack, 'Results');
  const jobs = cluster.addWorkloadIdentity('BatchJobs', {
    namespace: 'batch',
    serviceAccountName: 'job-*',
    mode: IdentityMode.IRSA,
    allowWildcardSubject: true,
  });
  results.grantWrite(jobs);
  const reason = 'the job operator creates one service account per job; only it may create service accounts in namespace batch';
  Validations.of(jobs).acknowledge({ id: 'cdk-eks-identity::EKSID-IRSA-004', reason });
  Annotations.of(jobs).acknowledgeWarning('cdk-eks-identity:wildcardSubject', reason); // the library's own synth warning

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
