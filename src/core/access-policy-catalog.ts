/**
 * What the catalog knows of one EKS access policy (`arn:<partition>:eks::aws:cluster-access-policy/<name>`).
 * @internal
 */
export interface KnownAccessPolicy {
  /** The policy name, e.g. `AmazonEKSViewPolicy`. */
  readonly name: string;
  /** What it is for. */
  readonly purpose: string;
  /**
   * Only AWS service-linked roles can have it: EKS rejects associating it with an access entry
   * you create (and access entries cannot have service-linked roles as principals).
   */
  readonly serviceLinkedRoleOnly: boolean;
  /** Where the facts come from. */
  readonly source: string;
}

const REFERENCE = 'EKS user guide, "Review access policy permissions" (https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html; '
  + 'awsdocs/amazon-eks-user-guide latest/ug/manage-access/k8s-access/access-policy-reference.adoc at f60041409f8255b59682a2ca39382a2278e0e38b)';
const SLR_ONLY = 'awsdocs/amazon-eks-user-guide#1003 (May 2025): "Some of our access entry policies are SLR-only, meaning users can\'t associate them with an access entry"';

/**
 * The EKS access policies the library knows, for validating names and for its named factories.
 * Pure data: nothing else in the library is imported here.
 * @internal
 */
export const KNOWN_ACCESS_POLICIES: KnownAccessPolicy[] = [
  { name: 'AmazonEKSClusterAdminPolicy', purpose: 'administrator access to the whole cluster (like system:masters)', serviceLinkedRoleOnly: false, source: REFERENCE },
  { name: 'AmazonEKSAdminPolicy', purpose: 'most resources, including RBAC inside the scope (Kubernetes admin)', serviceLinkedRoleOnly: false, source: REFERENCE },
  { name: 'AmazonEKSAdminViewPolicy', purpose: 'list and view all resources, including Secrets', serviceLinkedRoleOnly: false, source: REFERENCE },
  { name: 'AmazonEKSEditPolicy', purpose: 'edit most resources, no RBAC (Kubernetes edit)', serviceLinkedRoleOnly: false, source: REFERENCE },
  { name: 'AmazonEKSViewPolicy', purpose: 'read most resources, no Secrets (Kubernetes view)', serviceLinkedRoleOnly: false, source: REFERENCE },
  {
    name: 'AmazonEKSSecretReaderPolicy',
    purpose: 'read Secrets',
    serviceLinkedRoleOnly: false,
    source: 'named by the library before this catalog; not in the access policy reference read for it (December 2024)',
  },
  { name: 'AmazonEKSAutoNodePolicy', purpose: 'the node IAM role of EKS Auto Mode nodes (access entry type EC2)', serviceLinkedRoleOnly: false, source: REFERENCE },
  {
    name: 'AmazonEKSLoadBalancingPolicy',
    purpose: 'EKS Auto Mode load balancing: leader-election leases (EKS associates it with the cluster IAM role)',
    serviceLinkedRoleOnly: false,
    source: REFERENCE,
  },
  {
    name: 'AmazonEKSLoadBalancingClusterPolicy',
    purpose: 'EKS Auto Mode load balancing capability: services, ingresses, target group bindings (the cluster IAM role)',
    serviceLinkedRoleOnly: false,
    source: REFERENCE,
  },
  {
    name: 'AmazonEKSNetworkingPolicy',
    purpose: 'EKS Auto Mode networking: leader-election leases (EKS associates it with the cluster IAM role)',
    serviceLinkedRoleOnly: false,
    source: REFERENCE,
  },
  {
    name: 'AmazonEKSNetworkingClusterPolicy',
    purpose: 'EKS Auto Mode networking capability (the cluster IAM role)',
    serviceLinkedRoleOnly: false,
    source: REFERENCE,
  },
  { name: 'AmazonEKSBlockStoragePolicy', purpose: 'EKS Auto Mode block storage: leader-election leases', serviceLinkedRoleOnly: true, source: `${REFERENCE}; ${SLR_ONLY}` },
  { name: 'AmazonEKSBlockStorageClusterPolicy', purpose: 'EKS Auto Mode block storage capability', serviceLinkedRoleOnly: true, source: `${REFERENCE}; ${SLR_ONLY}` },
  { name: 'AmazonEKSComputePolicy', purpose: 'EKS Auto Mode compute: leader-election leases', serviceLinkedRoleOnly: true, source: `${REFERENCE}; ${SLR_ONLY}` },
  { name: 'AmazonEKSComputeClusterPolicy', purpose: 'EKS Auto Mode compute capability (NodePools, NodeClaims)', serviceLinkedRoleOnly: true, source: `${REFERENCE}; ${SLR_ONLY}` },
  { name: 'AmazonEKSHybridPolicy', purpose: 'EKS access to the nodes of a cluster with hybrid nodes', serviceLinkedRoleOnly: true, source: `${REFERENCE}; ${SLR_ONLY}` },
  { name: 'AmazonEKSClusterInsightsPolicy', purpose: 'EKS cluster insights', serviceLinkedRoleOnly: true, source: SLR_ONLY },
];
