/**
 * What every catalog entry takes: the version you run and, when you install the controller
 * differently from its chart's defaults, its namespace and service account.
 */
export interface ControllerOptions {
  /**
   * The version of the controller (or of its EKS add-on) you run, e.g. `v2.13.0` or
   * `v1.19.0-eksbuild.1`. It decides whether EKS Pod Identity can be used (`IdentityMode.AUTO`
   * picks IRSA for a version that predates pod identity support) and, for an EKS add-on, which
   * add-on version is installed.
   * @default - not known: a current release is assumed, which supports pod identity; an EKS
   * add-on gets the default version for the cluster
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
