import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { AuthenticationMode } from '../core/authentication-mode';
import { KubernetesObjectsDelivery } from '../k8s/kubernetes-objects-delivery';

/**
 * A cluster made elsewhere (eksctl, Terraform, the console).
 */
export interface IdentityClusterAttributes {
  /** The cluster name. */
  readonly clusterName: string;

  /**
   * The OIDC issuer URL (`aws eks describe-cluster --query cluster.identity.oidc.issuer`). It is
   * normalised (lower-case scheme and host, no trailing slash) and must be an EKS cluster's
   * issuer in the stack's region, unless `allowNonEksIssuer` is set.
   */
  readonly openIdConnectIssuerUrl: string;

  /**
   * Accept an OIDC issuer that is not an EKS cluster's (`https://oidc.eks.<region>.amazonaws.com/id/<id>`),
   * e.g. a self-managed Kubernetes cluster's issuer. An explicit opt-in: the issuer's tokens are
   * trusted as IRSA tokens.
   * @default false
   */
  readonly allowNonEksIssuer?: boolean;

  /**
   * ARN of the IAM OIDC provider for the issuer: an `oidc-provider` ARN of the stack's account
   * whose path is the issuer.
   * @default - `arn:<partition>:iam::<stack account>:oidc-provider/<issuer>` (the provider must exist)
   */
  readonly openIdConnectProviderArn?: string;

  /**
   * The cluster ARN; its name must be `clusterName`.
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
   * Whether the `eks-pod-identity-agent` runs in the cluster (the addon; Auto Mode has it built
   * in). When false, `AUTO` identities use IRSA and an explicit `POD_IDENTITY` fails at synth. When
   * not given, the agent is not known to be there: `AUTO` chooses IRSA (which works whenever the
   * OIDC provider exists), and an explicit `POD_IDENTITY` is allowed with a synth warning.
   * @default - not known, unless `autoMode` is true
   */
  readonly podIdentityAgentInstalled?: boolean;

  /**
   * The namespaces the cluster's Fargate profiles select (patterns with `*` and `?` as in
   * Fargate selectors). `AUTO` identities in them use IRSA and an explicit `POD_IDENTITY` fails
   * at synth: EKS Pod Identity does not run on Fargate.
   * @default - no Fargate profiles
   */
  readonly fargateNamespaces?: string[];

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
