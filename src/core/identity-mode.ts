/**
 * How a Kubernetes service account gets AWS credentials.
 */
export enum IdentityMode {
  /**
   * EKS Pod Identity: an `AWS::EKS::PodIdentityAssociation` and a role trusted by
   * `pods.eks.amazonaws.com`, scoped with session tags. Linux EC2 nodes only.
   */
  POD_IDENTITY = 'POD_IDENTITY',
  /**
   * IAM roles for service accounts: a role trusted by the cluster's OIDC provider for one
   * `system:serviceaccount:<namespace>:<name>` subject, and the `eks.amazonaws.com/role-arn`
   * annotation on the service account.
   */
  IRSA = 'IRSA',
  /**
   * Pod identity where it works, IRSA where it does not (Fargate or Windows workloads, clusters or
   * regions without pod identity, wildcard subjects). The choice is on `WorkloadIdentity.mode`.
   */
  AUTO = 'AUTO',
}

/**
 * Where the pods of a workload run: EKS Pod Identity works on Linux EC2 nodes only.
 */
export enum WorkloadPlatform {
  /** Linux on EC2 nodes (managed, self-managed, Karpenter or Auto Mode). */
  LINUX_EC2 = 'LINUX_EC2',
  /** AWS Fargate: no pod identity agent, IRSA only. */
  FARGATE = 'FARGATE',
  /** Windows nodes: IRSA only. */
  WINDOWS = 'WINDOWS',
}
