import { accessPolicyArn } from './access-entry-rules';

/**
 * Where an access policy applies.
 */
export enum AccessScopeType {
  /** The whole cluster. */
  CLUSTER = 'cluster',
  /** Only the listed namespaces. */
  NAMESPACE = 'namespace',
}

/**
 * The scope of an access policy on an access entry.
 */
export interface AccessScope {
  /** Cluster-wide, or only in `namespaces`. */
  readonly type: AccessScopeType;

  /**
   * The namespaces, for `AccessScopeType.NAMESPACE` (required then, at least one).
   * @default - none (cluster scope)
   */
  readonly namespaces?: string[];
}

const CLUSTER_SCOPE: AccessScope = { type: AccessScopeType.CLUSTER };

/** The name of the access policy that makes a principal a cluster administrator. */
export const CLUSTER_ADMIN_POLICY_NAME = 'AmazonEKSClusterAdminPolicy';

/**
 * An EKS access policy (`arn:<partition>:eks::aws:cluster-access-policy/<Name>`) with its scope,
 * to associate with an access entry.
 *
 * @example
 * AccessPolicy.view({ type: AccessScopeType.NAMESPACE, namespaces: ['app'] });
 */
export class AccessPolicy {
  /**
   * `AmazonEKSClusterAdminPolicy` at cluster scope: everything, like the `system:masters` group
   * (which access entries cannot use).
   */
  public static clusterAdmin(): AccessPolicy {
    return new AccessPolicy(CLUSTER_ADMIN_POLICY_NAME, CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSAdminPolicy`: most resources, including RBAC inside the scope (Kubernetes `admin`).
   * @param scope where it applies; default cluster
   */
  public static admin(scope?: AccessScope): AccessPolicy {
    return new AccessPolicy('AmazonEKSAdminPolicy', scope ?? CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSAdminViewPolicy`: list and view all resources, including Secrets.
   * @param scope where it applies; default cluster
   */
  public static adminView(scope?: AccessScope): AccessPolicy {
    return new AccessPolicy('AmazonEKSAdminViewPolicy', scope ?? CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSEditPolicy`: edit most resources, no RBAC (Kubernetes `edit`).
   * @param scope where it applies; default cluster
   */
  public static edit(scope?: AccessScope): AccessPolicy {
    return new AccessPolicy('AmazonEKSEditPolicy', scope ?? CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSViewPolicy`: read most resources, no Secrets (Kubernetes `view`).
   * @param scope where it applies; default cluster
   */
  public static view(scope?: AccessScope): AccessPolicy {
    return new AccessPolicy('AmazonEKSViewPolicy', scope ?? CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSSecretReaderPolicy`: read Secrets.
   * @param scope where it applies; default cluster
   */
  public static secretReader(scope?: AccessScope): AccessPolicy {
    return new AccessPolicy('AmazonEKSSecretReaderPolicy', scope ?? CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSAutoNodePolicy` at cluster scope, for the node role of EKS Auto Mode nodes (entry
   * type `EC2`).
   */
  public static autoNode(): AccessPolicy {
    return new AccessPolicy('AmazonEKSAutoNodePolicy', CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSLoadBalancingPolicy` at cluster scope: the leader-election leases of EKS Auto Mode's
   * load balancing. EKS associates it with the cluster IAM role of an Auto Mode cluster itself; use
   * this to manage that association as code.
   */
  public static loadBalancing(): AccessPolicy {
    return new AccessPolicy('AmazonEKSLoadBalancingPolicy', CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSLoadBalancingClusterPolicy` at cluster scope: EKS Auto Mode's load balancing capability
   * (services, ingresses, target group bindings), for the cluster IAM role.
   */
  public static loadBalancingCluster(): AccessPolicy {
    return new AccessPolicy('AmazonEKSLoadBalancingClusterPolicy', CLUSTER_SCOPE);
  }

  /**
   * `AmazonEKSNetworkingPolicy` at cluster scope: the leader-election leases of EKS Auto Mode's
   * networking, for the cluster IAM role.
   */
  public static networking(): AccessPolicy {
    return new AccessPolicy('AmazonEKSNetworkingPolicy', CLUSTER_SCOPE);
  }

  /** `AmazonEKSNetworkingClusterPolicy` at cluster scope: EKS Auto Mode's networking capability, for the cluster IAM role. */
  public static networkingCluster(): AccessPolicy {
    return new AccessPolicy('AmazonEKSNetworkingClusterPolicy', CLUSTER_SCOPE);
  }

  /**
   * `AmazonAIOpsAssistantPolicy`: read-only access (pods and their logs, nodes, events, workloads)
   * for the IAM role of a CloudWatch investigations investigation group (CloudWatch user guide,
   * "Integration with Amazon EKS").
   * @param scope where it applies; default cluster
   */
  public static aiOpsAssistant(scope?: AccessScope): AccessPolicy {
    return new AccessPolicy('AmazonAIOpsAssistantPolicy', scope ?? CLUSTER_SCOPE);
  }

  /**
   * `AmazonARCRegionSwitchScalingPolicy`: scale workloads (get and update the scale subresource and
   * get the status subresource of any resource, get and patch horizontal pod autoscalers) for the
   * plan execution role of an Amazon Application Recovery Controller Region switch plan (ARC
   * developer guide, "Amazon EKS resource scaling execution block"), typically scoped to the
   * workload's namespaces.
   * @param scope where it applies; default cluster
   */
  public static arcRegionSwitchScaling(scope?: AccessScope): AccessPolicy {
    return new AccessPolicy('AmazonARCRegionSwitchScalingPolicy', scope ?? CLUSTER_SCOPE);
  }

  /*
   * No factories for the access policies that only AWS service-linked roles can have
   * (AmazonEKSBlockStoragePolicy, AmazonEKSBlockStorageClusterPolicy, AmazonEKSComputePolicy,
   * AmazonEKSComputeClusterPolicy, AmazonEKSHybridPolicy, AmazonEKSClusterInsightsPolicy; each is
   * marked "designated for AWS service-linked roles only" in the EKS user guide's access policy
   * reference, core/access-policy-catalog.ts): EKS rejects associating them with an access entry a
   * user creates, and access entries cannot have service-linked roles as principals.
   */

  /**
   * Any access policy by name, e.g. `AmazonEKSHybridPolicy`.
   * @param policyName the name after `cluster-access-policy/`
   * @param scope where it applies; default cluster
   */
  public static fromName(policyName: string, scope?: AccessScope): AccessPolicy {
    return new AccessPolicy(policyName, scope ?? CLUSTER_SCOPE);
  }

  /** The policy name, e.g. `AmazonEKSViewPolicy`. */
  public readonly policyName: string;

  /** Where the policy applies. */
  public readonly scope: AccessScope;

  private constructor(policyName: string, scope: AccessScope) {
    this.policyName = policyName;
    this.scope = { type: scope.type, ...(scope.namespaces ? { namespaces: [...scope.namespaces] } : {}) };
  }

  /**
   * The policy ARN in a partition: `arn:<partition>:eks::aws:cluster-access-policy/<Name>`.
   * @param partition e.g. `aws`, `aws-cn`, `aws-us-gov` (or the `AWS::Partition` token)
   */
  public policyArnInPartition(partition: string): string {
    return accessPolicyArn(partition, this.policyName);
  }
}
