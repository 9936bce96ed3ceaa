import type { IConstruct } from 'constructs';

/**
 * What the test helpers need to find a cluster in synthesized templates: its name, ARN and OIDC
 * provider ARN as the constructs wrote them. Every `IIdentityCluster` is one.
 */
export interface IIdentityClusterRef extends IConstruct {
  /** The cluster name. */
  readonly clusterName: string;

  /** The cluster ARN (the value of the `eks-cluster-arn` session tag). */
  readonly clusterArn: string;

  /** ARN of the IAM OIDC provider for the cluster's issuer. */
  readonly openIdConnectProviderArn: string;
}
