/**
 * The benchmark workload, built twice: with this library and with aws-cdk-lib `aws-eks-v2`.
 *
 * Both sides: one EKS cluster (Kubernetes 1.33, a managed node group, the same explicit VPC), N
 * service accounts — even indexes IRSA, odd indexes EKS Pod Identity — each allowed
 * `s3:GetObject` on one bucket, and one cluster admin access entry. Both apps get the feature
 * flags `cdk init` writes for this aws-cdk-lib version, a concrete account and region, and the
 * availability zones as context (no lookups).
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  ANALYTICS_REPORTING_ENABLED_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS, PATH_METADATA_ENABLE_CONTEXT, VALIDATE_AGAINST_DEFAULT_RULES,
} from 'aws-cdk-lib/cx-api';
import { IdentityCluster, IdentityMode, IIdentityCluster } from '../src';

/** The side of the comparison. */
export type Side = 'cdk-eks-identity' | 'aws-eks-v2';
export const SIDES: Side[] = ['cdk-eks-identity', 'aws-eks-v2'];
/**
 * What a child process can build: either side, the VPC both sides share (the baseline), or the
 * scale workload of cdk-eks-identity (N identities spread over {@link SCALE_STACKS} stacks).
 */
export type Workload = Side | 'shared-vpc' | 'scale';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const ENV = { account: ACCOUNT, region: REGION };
export const CLUSTER_NAME = 'bench';
export const NAMESPACE = 'bench';
export const ADMIN_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/Admin`;
export const BUCKET_OBJECTS_ARN = 'arn:aws:s3:::bench-data/*';
export const KUBECTL_LAYER_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:kubectl:1`;
/** Context key of CloudFormation's resources-per-stack check in aws-cdk-lib (0 lifts it). */
export const STACK_RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';
/** The issuer the extra stacks of a split cdk-eks-identity app import the cluster with. */
export const IMPORTED_ISSUER_URL = `https://oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
/** Identities per stack when cdk-eks-identity splits a workload across stacks. */
export const IDENTITIES_PER_STACK = 200;
/** Stacks of the scale workload: the cluster's stack and the stacks that import the cluster. */
export const SCALE_STACKS = 50;

/** Name of the service account with this index. */
export function serviceAccountName(index: number): string {
  return `sa-${index}`;
}

/** Even indexes use IRSA, odd indexes pod identity: half and half (N=1 is one IRSA account). */
export function isIrsa(index: number): boolean {
  return index % 2 === 0;
}

/** The permission every service account gets (a fresh object per account, same on both sides). */
export function permission(): iam.PolicyStatement {
  return new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [BUCKET_OBJECTS_ARN] });
}

/** Options of a benchmark app. */
export interface BenchAppOptions {
  /** Where the cloud assembly goes. */
  readonly outdir: string;
  /**
   * Lift CloudFormation's 500-resources-per-stack check, and make CloudFormation-validation
   * findings warnings, to count what an overflowing stack would hold. Such an app does not deploy.
   * @default false
   */
  readonly liftResourceLimit?: boolean;
}

/**
 * An app as `cdk synth` runs it: the feature flags `cdk init` writes for this aws-cdk-lib version,
 * path metadata and version reporting on (the CLI's defaults), and the availability zones as
 * context so that nothing is looked up.
 */
export function newBenchApp(options: BenchAppOptions): App {
  const context: { [key: string]: any } = {
    ...CURRENTLY_RECOMMENDED_FLAGS,
    [PATH_METADATA_ENABLE_CONTEXT]: true,
    [ANALYTICS_REPORTING_ENABLED_CONTEXT]: true,
    [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
  };
  if (options.liftResourceLimit) {
    context[STACK_RESOURCE_LIMIT_CONTEXT] = 0;
    context[VALIDATE_AGAINST_DEFAULT_RULES] = false;
  }
  return new App({ outdir: options.outdir, context });
}

/** The VPC both clusters run in: 2 AZs, public and private subnets, one NAT gateway. */
function newVpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
}

/** The cluster properties both sides share. */
function clusterProps(vpc: ec2.IVpc) {
  return {
    clusterName: CLUSTER_NAME,
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    vpc,
  };
}

/** The cluster stack of the cdk-eks-identity workloads. */
function newIdentityClusterStack(app: App): { stack: Stack; cluster: IdentityCluster } {
  const stack = new Stack(app, 'Bench', { env: ENV });
  const cluster = new IdentityCluster(stack, 'C', {
    ...clusterProps(newVpc(stack)),
    admins: [ADMIN_ROLE_ARN],
  });
  return { stack, cluster };
}

/**
 * A stack that imports the cluster with `IdentityCluster.fromClusterAttributes` (name and OIDC
 * issuer, as an application team's stack would after the cluster stack is deployed; the cluster
 * stack installs the pod identity agent).
 */
function newTeamStack(app: App, index: number): { stack: Stack; cluster: IIdentityCluster } {
  const stack = new Stack(app, `BenchTeam${index}`, { env: ENV });
  const cluster = IdentityCluster.fromClusterAttributes(stack, 'C', {
    clusterName: CLUSTER_NAME,
    openIdConnectIssuerUrl: IMPORTED_ISSUER_URL,
    podIdentityAgentInstalled: true,
  });
  return { stack, cluster };
}

/** Identity `index` of a workload: `bench/sa-<index>`, IRSA or pod identity, `s3:GetObject` on the bucket. */
function addIdentity(cluster: IIdentityCluster, index: number): void {
  cluster.addWorkloadIdentity(`Sa${index}`, {
    namespace: NAMESPACE,
    serviceAccountName: serviceAccountName(index),
    mode: isIrsa(index) ? IdentityMode.IRSA : IdentityMode.POD_IDENTITY,
    statements: [permission()],
  });
}

/**
 * The workload with this library. Up to {@link IDENTITIES_PER_STACK} identities live in the
 * cluster's stack; above that, every further 200 go into their own stack, which imports the
 * cluster (see `newTeamStack`).
 */
export function buildIdentityWorkload(app: App, n: number, identitiesPerStack = IDENTITIES_PER_STACK): Stack[] {
  const { stack, cluster } = newIdentityClusterStack(app);
  const stacks: Stack[] = [stack];
  let target: IIdentityCluster = cluster;
  for (let index = 0; index < n; index++) {
    if (index > 0 && index % identitiesPerStack === 0) {
      const team = newTeamStack(app, stacks.length);
      stacks.push(team.stack);
      target = team.cluster;
    }
    addIdentity(target, index);
  }
  return stacks;
}

/**
 * The scale workload: always `stackCount` stacks, the cluster's and `stackCount - 1` that import
 * it, with the N identities spread evenly over them in order (the first stacks take one more
 * when N does not divide evenly). At N = 10,000 and 50 stacks that is 200 per stack, as in
 * {@link buildIdentityWorkload}; at smaller N the stacks are smaller, so that check and report
 * read the same layout at every N.
 */
export function buildScaleWorkload(app: App, n: number, stackCount = SCALE_STACKS): Stack[] {
  const { stack, cluster } = newIdentityClusterStack(app);
  const targets: Array<{ stack: Stack; cluster: IIdentityCluster }> = [{ stack, cluster }];
  for (let k = 1; k < stackCount; k++) targets.push(newTeamStack(app, k));
  let index = 0;
  targets.forEach((target, k) => {
    const count = Math.floor(n / stackCount) + (k < n % stackCount ? 1 : 0);
    for (let i = 0; i < count; i++) addIdentity(target.cluster, index++);
  });
  return targets.map((t) => t.stack);
}

/** The workload with aws-cdk-lib `aws-eks-v2`, in one stack (it has no split of its own). */
export function buildEksV2Workload(app: App, n: number): Stack[] {
  const stack = new Stack(app, 'Bench', { env: ENV });
  const cluster = new eks.Cluster(stack, 'C', {
    ...clusterProps(newVpc(stack)),
    // ServiceAccount is a kubectl manifest: synth fails without a kubectl provider.
    kubectlProviderOptions: {
      kubectlLayer: lambda.LayerVersion.fromLayerVersionArn(stack, 'Layer', KUBECTL_LAYER_ARN),
    },
  });
  cluster.grantClusterAdmin('Admin0', ADMIN_ROLE_ARN);
  for (let index = 0; index < n; index++) {
    const serviceAccount = cluster.addServiceAccount(`Sa${index}`, {
      name: serviceAccountName(index),
      namespace: NAMESPACE,
      identityType: isIrsa(index) ? eks.IdentityType.IRSA : eks.IdentityType.POD_IDENTITY,
    });
    serviceAccount.addToPrincipalPolicy(permission());
  }
  return [stack];
}

/** Only the VPC both sides build: what the scaffolding costs, whatever the EKS library. */
export function buildSharedVpc(app: App): Stack[] {
  const stack = new Stack(app, 'Bench', { env: ENV });
  newVpc(stack);
  return [stack];
}

/** Builds a workload into `app` (`n` is ignored for the shared VPC); returns its stacks. */
export function buildWorkload(workload: Workload, app: App, n: number): Stack[] {
  switch (workload) {
    case 'cdk-eks-identity': return buildIdentityWorkload(app, n);
    case 'aws-eks-v2': return buildEksV2Workload(app, n);
    case 'shared-vpc': return buildSharedVpc(app);
    case 'scale': return buildScaleWorkload(app, n);
    default: throw new Error(`unknown workload '${workload}'`);
  }
}
