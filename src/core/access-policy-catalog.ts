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

const USER_GUIDE_FILE = 'awsdocs/amazon-eks-user-guide latest/ug/manage-access/k8s-access/access-policy-reference.adoc at 145543a96a20b66b1e946cd818943e5aa7713f6c';
const REFERENCE = `EKS user guide, "Review access policy permissions" (https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html; ${USER_GUIDE_FILE})`;
/** The same page marks these policies "designated for AWS service-linked roles only and cannot be used with customer-managed roles". */
const SLR_ONLY = `${REFERENCE}: "This policy is designated for {aws} service-linked roles only and cannot be used with customer-managed roles."`;
/** Newer policies the page's `aws eks list-access-policies` example names without a section of their own. */
const LISTED = `${REFERENCE}, the example output of aws eks list-access-policies`;

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
  { name: 'AmazonEKSSecretReaderPolicy', purpose: 'read Secrets (get, list, watch)', serviceLinkedRoleOnly: false, source: REFERENCE },
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
  { name: 'AmazonEKSBlockStoragePolicy', purpose: 'EKS Auto Mode block storage: leader-election leases', serviceLinkedRoleOnly: true, source: SLR_ONLY },
  { name: 'AmazonEKSBlockStorageClusterPolicy', purpose: 'EKS Auto Mode block storage capability', serviceLinkedRoleOnly: true, source: SLR_ONLY },
  { name: 'AmazonEKSComputePolicy', purpose: 'EKS Auto Mode compute: leader-election leases', serviceLinkedRoleOnly: true, source: SLR_ONLY },
  { name: 'AmazonEKSComputeClusterPolicy', purpose: 'EKS Auto Mode compute capability (NodePools, NodeClaims)', serviceLinkedRoleOnly: true, source: SLR_ONLY },
  { name: 'AmazonEKSHybridPolicy', purpose: 'EKS access to the nodes of a cluster with hybrid nodes', serviceLinkedRoleOnly: true, source: SLR_ONLY },
  { name: 'AmazonEKSClusterInsightsPolicy', purpose: 'EKS cluster insights', serviceLinkedRoleOnly: true, source: SLR_ONLY },
  {
    name: 'AmazonAIOpsAssistantPolicy',
    purpose: 'read-only access for the IAM role of a CloudWatch investigations investigation group (pods and their logs, nodes, events, workloads)',
    serviceLinkedRoleOnly: false,
    source: `${LISTED}; CloudWatch user guide, "Integration with Amazon EKS" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/EKS-Integration.html)`,
  },
  {
    name: 'AmazonARCRegionSwitchScalingPolicy',
    purpose: 'the plan execution role of an ARC Region switch plan: scale workloads (*/scale get and update, */status get, horizontal pod autoscalers get and patch)',
    serviceLinkedRoleOnly: false,
    source: `${LISTED}; ARC developer guide, "Amazon EKS resource scaling execution block" (https://docs.aws.amazon.com/r53recovery/latest/dg/eks-resource-scaling-block.html)`,
  },
];
