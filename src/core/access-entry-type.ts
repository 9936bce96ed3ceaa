/**
 * The type of an access entry. It cannot be changed after creation (a change replaces the entry).
 */
export enum AccessEntryType {
  /** People and machines that call the Kubernetes API (the default). */
  STANDARD = 'STANDARD',
  /** The node role of self-managed or managed Linux nodes (no groups, no access policies). */
  EC2_LINUX = 'EC2_LINUX',
  /** The node role of Windows nodes (no groups, no access policies). */
  EC2_WINDOWS = 'EC2_WINDOWS',
  /** The pod execution role of a Fargate profile. */
  FARGATE_LINUX = 'FARGATE_LINUX',
  /** The node role of EKS Auto Mode nodes (with `AccessPolicy.autoNode()`). */
  EC2 = 'EC2',
  /** The role of EKS Hybrid Nodes. */
  HYBRID_LINUX = 'HYBRID_LINUX',
  /** The node role of SageMaker HyperPod nodes. */
  HYPERPOD_LINUX = 'HYPERPOD_LINUX',
}
