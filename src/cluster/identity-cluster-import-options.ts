import { AuthenticationMode } from '../core/authentication-mode';
import { KubernetesObjectsDelivery } from '../k8s/kubernetes-objects-delivery';

/**
 * Options for `IdentityCluster.fromCluster`.
 */
export interface IdentityClusterImportOptions {
  /**
   * The OIDC issuer URL. Needed for a cluster imported with aws-eks-v2
   * `Cluster.fromClusterAttributes` that has no `openIdConnectProvider`. Checked at synth like
   * `fromClusterAttributes`' (https, an EKS issuer of the stack's region unless
   * `allowNonEksIssuer`); the provider's ARN must name it.
   * @default - the cluster's own issuer, or the issuer of its `openIdConnectProvider` (or of
   * `openIdConnectProviderArn`)
   */
  readonly openIdConnectIssuerUrl?: string;

  /**
   * Accept an OIDC issuer that is not an EKS cluster's (`https://oidc.eks.<region>.amazonaws.com/id/<id>`),
   * given as `openIdConnectIssuerUrl` or read from the imported cluster's `openIdConnectProvider`.
   * An explicit opt-in: the issuer's tokens are trusted as IRSA tokens.
   * @default false
   */
  readonly allowNonEksIssuer?: boolean;

  /**
   * ARN of the cluster's IAM OIDC provider, for a cluster aws-eks-v2 imported without an
   * `openIdConnectProvider`: an `oidc-provider` ARN of the stack's account and partition whose path
   * is the issuer. Checked at synth like `fromClusterAttributes`' (prefer it to passing
   * `iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(...)` to aws-eks-v2, which fails with a
   * raw error for an ARN that is not a provider's).
   * @default - the imported cluster's `openIdConnectProvider`, else
   * `arn:<partition>:iam::<stack account>:oidc-provider/<issuer>` (the provider must exist)
   */
  readonly openIdConnectProviderArn?: string;

  /**
   * The cluster's authentication mode.
   * @default AuthenticationMode.API (what aws-eks-v2 clusters use)
   */
  readonly authenticationMode?: AuthenticationMode;

  /**
   * Whether to add the `eks-pod-identity-agent` addon (a cluster created in this app), or whether
   * the agent is installed (a cluster aws-eks-v2 imported).
   *
   * For a cluster created in this app (an aws-eks-v2 `Cluster`) it is an instruction, as
   * `IdentityClusterProps.podIdentityAgent` is: the addon is added unless the cluster already has
   * one or runs Auto Mode (the agent is built in); `false` adds none, so the cluster has no agent
   * and `AUTO` identities use IRSA.
   *
   * For a cluster aws-eks-v2 imported (`Cluster.fromClusterAttributes`) it states a fact this app
   * cannot see, the same one as `IdentityClusterAttributes.podIdentityAgentInstalled` (and it is
   * recorded in the template for the rule pack); when not given it is not known, and `AUTO`
   * chooses IRSA.
   *
   * @default - created in this app: true (the addon is added); imported: not known
   */
  readonly podIdentityAgent?: boolean;

  /**
   * The namespaces the Fargate profiles of a cluster aws-eks-v2 imported select (patterns with
   * `*` and `?`). For a cluster created in this app they are read from its Fargate profiles.
   * @default - none (imported), or the cluster's own profiles (created in this app)
   */
  readonly fargateNamespaces?: string[];

  /**
   * How the Kubernetes objects are delivered (`KUBECTL` needs the cluster's kubectl provider).
   * @default KubernetesObjectsDelivery.FILES
   */
  readonly kubernetesObjectsDelivery?: KubernetesObjectsDelivery;
}
