/**
 * What every catalog entry takes: the version you run and, when you install the controller
 * differently from its chart's defaults, its namespace and service account.
 */
export interface ControllerOptions {
  /**
   * The version of the controller (or of its EKS add-on) you run, e.g. `v2.13.0` or
   * `v1.19.0-eksbuild.1`. It selects the policy of the version's range, decides whether EKS Pod
   * Identity can be used (`IdentityMode.AUTO` picks IRSA for a version that predates pod identity
   * support) and, for an EKS add-on, which add-on version is installed. A version newer than the
   * newest the catalog knows gets the newest policy and a synth warning; one older than the
   * oldest it has a policy for fails at synth.
   * @default - not known: the policy of the newest version the catalog knows (an info annotation
   * says which), pod identity assumed supported; an EKS add-on gets the default version for the cluster
   */
  readonly version?: string;

  /**
   * The namespace the controller runs in.
   * @default - the namespace of the controller's chart or add-on (e.g. `kube-system`)
   */
  readonly namespace?: string;

  /**
   * The name of the controller's service account.
   * @default - the service account of the controller's chart or add-on
   */
  readonly serviceAccountName?: string;
}
