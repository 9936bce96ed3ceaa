import { Aws } from 'aws-cdk-lib';
import type { IIdentityCluster } from '../../cluster/i-identity-cluster';
import { DeployTimeKind, WORST_CASE_LENGTH, worstCaseSize } from '../../core/worst-case';

/** The deploy-time values an identity's trust can hold, by what they are. */
export interface TrustValues {
  readonly clusters: IIdentityCluster[];
  readonly namespace: string;
  readonly serviceAccount: string;
}

/**
 * The size IAM counts for a trust document the constructs build (JSON with CDK tokens in it),
 * every token at the longest value it can take: the core's worst-case algorithm, told which
 * token is which. A stack's `partition`, `region` and `account` are literals or these same `Aws`
 * tokens, so the `Aws` tokens cover them.
 */
export function trustSize(document: unknown, values: TrustValues): number {
  const kinds = new Map<string, DeployTimeKind>([
    [Aws.PARTITION, DeployTimeKind.PARTITION],
    [Aws.REGION, DeployTimeKind.REGION],
    [Aws.ACCOUNT_ID, DeployTimeKind.ACCOUNT],
    [Aws.URL_SUFFIX, DeployTimeKind.URL_SUFFIX],
    [Aws.STACK_NAME, DeployTimeKind.STACK_NAME],
    [values.namespace, DeployTimeKind.NAMESPACE],
    [values.serviceAccount, DeployTimeKind.SERVICE_ACCOUNT],
  ]);
  for (const cluster of values.clusters) {
    kinds.set(cluster.clusterName, DeployTimeKind.CLUSTER_NAME);
    kinds.set(cluster.clusterArn, DeployTimeKind.CLUSTER_ARN);
    kinds.set(cluster.openIdConnectIssuer, DeployTimeKind.ISSUER);
    kinds.set(cluster.openIdConnectIssuerUrl, DeployTimeKind.ISSUER_URL);
    kinds.set(cluster.openIdConnectProviderArn, DeployTimeKind.OIDC_PROVIDER_ARN);
  }
  return worstCaseSize(JSON.stringify(document), (token) => WORST_CASE_LENGTH[kinds.get(token) ?? DeployTimeKind.UNKNOWN]);
}
