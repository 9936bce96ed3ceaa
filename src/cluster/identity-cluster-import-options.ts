import { AuthenticationMode } from '../core/authentication-mode';
import { KubernetesObjectsDelivery } from '../k8s/kubernetes-objects-delivery';

/**
 * Options for `IdentityCluster.fromCluster`.
 */
export interface IdentityClusterImportOptions {
  /**
   * The OIDC issuer URL. Needed for a cluster imported with aws-eks-v2
   * `Cluster.fromClusterAttributes` that has no `openIdConnectProvider`.
   * @default - the cluster's own issuer, or the issuer of its `openIdConnectProvider`
   */
  readonly openIdConnectIssuerUrl?: string;

  /**
   * The cluster's authentication mode.
   * @default AuthenticationMode.API (what aws-eks-v2 clusters use)
   */
  readonly authenticationMode?: AuthenticationMode;

  /**
   * For a cluster created in this app: add the `eks-pod-identity-agent` addon unless the cluster
   * already has one or runs Auto Mode. For a cluster aws-eks-v2 imported: whether the agent is
   * installed (when not given it is not known, and `AUTO` chooses IRSA).
   * @default - created in this app: true; imported: not known
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
