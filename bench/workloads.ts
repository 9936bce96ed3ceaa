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
/** What a child process can build: either side, or the VPC both sides share (the baseline). */
export type Workload = Side | 'shared-vpc';

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

/**
 * The workload with this library. Up to {@link IDENTITIES_PER_STACK} identities live in the
 * cluster's stack; above that, every further 200 go into their own stack, which imports the
 * cluster with `IdentityCluster.fromClusterAttributes` (name and OIDC issuer, as an application
 * team's stack would after the cluster stack is deployed).
 */
export function buildIdentityWorkload(app: App, n: number, identitiesPerStack = IDENTITIES_PER_STACK): Stack[] {
  const stack = new Stack(app, 'Bench', { env: ENV });
  const cluster = new IdentityCluster(stack, 'C', {
    ...clusterProps(newVpc(stack)),
    admins: [ADMIN_ROLE_ARN],
  });
  const stacks: Stack[] = [stack];
  let target: IIdentityCluster = cluster;
  for (let index = 0; index < n; index++) {
    if (index > 0 && index % identitiesPerStack === 0) {
      const teamStack = new Stack(app, `BenchTeam${stacks.length}`, { env: ENV });
      stacks.push(teamStack);
      target = IdentityCluster.fromClusterAttributes(teamStack, 'C', {
        clusterName: CLUSTER_NAME,
        openIdConnectIssuerUrl: IMPORTED_ISSUER_URL,
      });
    }
    target.addWorkloadIdentity(`Sa${index}`, {
      namespace: NAMESPACE,
      serviceAccountName: serviceAccountName(index),
      mode: isIrsa(index) ? IdentityMode.IRSA : IdentityMode.POD_IDENTITY,
      statements: [permission()],
    });
  }
  return stacks;
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
    default: throw new Error(`unknown workload '${workload}'`);
  }
}
