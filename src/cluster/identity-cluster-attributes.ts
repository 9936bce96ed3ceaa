import { Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';
import { AuthenticationMode } from './authentication-mode';
import { IIdentityCluster } from './i-identity-cluster';
import { ImportedIdentityCluster } from './imported-identity-cluster';
import { issuerWithoutScheme } from './oidc-issuer';
import { regionPodIdentityProblem } from './pod-identity-availability';
import { stackPartition } from '../identity/role-arn';
import { ClusterKubernetesObjects } from '../k8s/cluster-kubernetes-objects';
import { KubernetesObjectsDelivery } from '../k8s/kubernetes-objects-delivery';

/**
 * A cluster made elsewhere (eksctl, Terraform, the console).
 */
export interface IdentityClusterAttributes {
  /** The cluster name. */
  readonly clusterName: string;

  /**
   * The OIDC issuer URL (`aws eks describe-cluster --query cluster.identity.oidc.issuer`).
   */
  readonly openIdConnectIssuerUrl: string;

  /**
   * ARN of the IAM OIDC provider for the issuer.
   * @default - `arn:<partition>:iam::<stack account>:oidc-provider/<issuer>` (the provider must exist)
   */
  readonly openIdConnectProviderArn?: string;

  /**
   * The cluster ARN.
   * @default - built from the stack's partition, region and account and the cluster name
   */
  readonly clusterArn?: string;

  /**
   * The cluster's authentication mode.
   * @default AuthenticationMode.API
   */
  readonly authenticationMode?: AuthenticationMode;

  /**
   * Whether the cluster runs EKS Auto Mode.
   * @default false
   */
  readonly autoMode?: boolean;

  /**
   * Whether the `eks-pod-identity-agent` runs in the cluster (addon or Auto Mode). When false,
   * `AUTO` identities use IRSA and explicit pod identity fails at synth.
   * @default true
   */
  readonly podIdentityAgentInstalled?: boolean;

  /**
   * How the Kubernetes objects are delivered.
   * @default KubernetesObjectsDelivery.FILES
   */
  readonly kubernetesObjectsDelivery?: KubernetesObjectsDelivery;

  /**
   * The aws-eks-v2 cluster (with a kubectl provider) that applies the objects, for `KUBECTL`
   * delivery.
   * @default - none
   */
  readonly kubectlCluster?: eks.ICluster;
}

/** @internal */
export function importClusterAttributes(scope: Construct, id: string, attrs: IdentityClusterAttributes): IIdentityCluster {
  const stack = Stack.of(scope);
  const issuer = issuerWithoutScheme(attrs.openIdConnectIssuerUrl);
  const agentInstalled = attrs.podIdentityAgentInstalled ?? true;
  return new ImportedIdentityCluster(scope, id, {
    clusterName: attrs.clusterName,
    clusterArn: attrs.clusterArn ?? stack.formatArn({ service: 'eks', resource: 'cluster', resourceName: attrs.clusterName }),
    openIdConnectIssuerUrl: attrs.openIdConnectIssuerUrl,
    openIdConnectIssuer: issuer,
    openIdConnectProviderArn: attrs.openIdConnectProviderArn
      ?? `arn:${stackPartition(stack)}:iam::${stack.account}:oidc-provider/${issuer}`,
    authenticationMode: attrs.authenticationMode ?? AuthenticationMode.API,
    autoMode: attrs.autoMode ?? false,
    podIdentityUnavailableReason: regionPodIdentityProblem(stack)
      ?? (agentInstalled ? undefined : 'the eks-pod-identity-agent is not installed in the cluster (podIdentityAgentInstalled: false)'),
    kubernetesObjects: (owner) => new ClusterKubernetesObjects(owner, 'KubernetesObjects', {
      delivery: attrs.kubernetesObjectsDelivery,
      kubectlCluster: attrs.kubectlCluster,
    }),
  });
}
