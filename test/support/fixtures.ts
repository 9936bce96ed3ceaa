import { App, Stack, StackProps, Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IdentityCluster, IdentityClusterAttributes, IdentityClusterProps, IdentityMode, IIdentityCluster, PodIdentityTargetRole } from '../../src';

/** The account and region every concrete test stack uses. */
export const ACCOUNT = '123456789012';
export const REGION = 'ap-northeast-2';
export const ENV = { account: ACCOUNT, region: REGION };

/** A second account, for cross-account pod identity. */
export const OTHER_ACCOUNT = '210987654321';

/** Literal OIDC issuers of clusters made elsewhere (32 upper-case hex characters, as EKS makes them). */
export const ISSUER_A = `oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
export const ISSUER_B = `oidc.eks.${REGION}.amazonaws.com/id/FEDCBA9876543210FEDCBA9876543210`;
export const ISSUER_C = `oidc.eks.${REGION}.amazonaws.com/id/AAAABBBBCCCCDDDDEEEEFFFF00001111`;

/** The ARN of the IAM OIDC provider of an issuer in the test account. */
export function providerArnOf(issuer: string, account = ACCOUNT): string {
  return `arn:aws:iam::${account}:oidc-provider/${issuer}`;
}

/** The ARN of an EKS cluster in the test account and region. */
export function clusterArnOf(name: string, account = ACCOUNT, region = REGION): string {
  return `arn:aws:eks:${region}:${account}:cluster/${name}`;
}

/** An app (its cloud assembly goes to a temporary directory CDK creates when it synthesizes). */
export function newApp(): App {
  return new App();
}

/** A stack with a concrete account and region (or `env: undefined` for an env-agnostic one). */
export function newStack(app: App = newApp(), id = 'Stack', props: StackProps = { env: ENV }): Stack {
  return new Stack(app, id, props);
}

/** How the nodes of a test cluster run. */
export type ClusterCompute = 'nodegroup' | 'automode';

/** An IdentityCluster named `myeks` with a managed node group (default) or in Auto Mode. */
export function newCluster(stack: Stack, compute: ClusterCompute = 'nodegroup', props: Partial<IdentityClusterProps> = {}, id = 'Cluster'): IdentityCluster {
  return new IdentityCluster(stack, id, {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: compute === 'automode' ? eks.DefaultCapacityType.AUTOMODE : eks.DefaultCapacityType.NODEGROUP,
    ...props,
  });
}

/** The issuer `ISSUER_A` would be in a stack's region (as EKS writes it there), when the region is known. */
export function issuerInRegionOf(stack: Stack, issuer = ISSUER_A): string {
  if (Token.isUnresolved(stack.region)) return issuer;
  const suffix = stack.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return issuer.replace(/^oidc\.eks\.[^/]+\//, `oidc.eks.${stack.region}.${suffix}/`);
}

/**
 * A cluster made elsewhere, with a literal issuer (trust documents stay plain objects) in the
 * stack's region and account, and the pod identity agent installed.
 */
export function importedCluster(stack: Stack, id = 'Imported', attrs: Partial<IdentityClusterAttributes> = {}): IIdentityCluster {
  const issuer = attrs.openIdConnectIssuerUrl?.replace(/^https:\/\//, '') ?? issuerInRegionOf(stack);
  const account = Token.isUnresolved(stack.account) ? ACCOUNT : stack.account;
  const partition = Token.isUnresolved(stack.region) ? 'aws' : RegionInfo.get(stack.region).partition ?? 'aws';
  return IdentityCluster.fromClusterAttributes(stack, id, {
    clusterName: 'imported',
    openIdConnectIssuerUrl: `https://${issuer}`,
    openIdConnectProviderArn: `arn:${partition}:iam::${account}:oidc-provider/${issuer}`,
    podIdentityAgentInstalled: true,
    ...attrs,
  });
}

/**
 * Cross-account pod identity: the identity app/app (role app-association) of cluster myeks in
 * ClusterStack, chaining to target role app-data-access of DataStack in the other account.
 */
export function crossAccountPodIdentity() {
  const app = newApp();
  const clusterStack = newStack(app, 'ClusterStack');
  const dataStack = newStack(app, 'DataStack', { env: { account: OTHER_ACCOUNT, region: REGION } });
  const cluster = newCluster(clusterStack);
  const identity = cluster.addWorkloadIdentity('App', {
    namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, roleName: 'app-association',
  });
  const target = new PodIdentityTargetRole(dataStack, 'AppTarget', { identity, roleName: 'app-data-access' });
  return { clusterStack, dataStack, cluster, identity, target };
}
