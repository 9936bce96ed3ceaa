import { IDependable } from 'constructs';
import type { ClusterAccess, AccessEntryOptions } from '../access/cluster-access';
import type { KubernetesGroup, KubernetesGroupOptions } from '../access/kubernetes-group';
import { AuthenticationMode } from '../core/authentication-mode';
import { IIdentityClusterRef } from '../core/identity-cluster-ref';
import type { WorkloadIdentity, WorkloadIdentityOptions } from '../identity/workload-identity';
import type { ClusterKubernetesObjects } from '../k8s/cluster-kubernetes-objects';
import type { KubernetesServiceAccount, ServiceAccountOptions } from '../k8s/kubernetes-service-account';

/**
 * An EKS cluster as the identity library sees it: a name, an ARN, an OIDC issuer and provider,
 * an authentication mode and the chart that holds its Kubernetes objects.
 *
 * Made by `new IdentityCluster(...)`, `IdentityCluster.fromClusterAttributes(...)` (a cluster made
 * elsewhere) or `IdentityCluster.fromCluster(...)` (an aws-eks-v2 cluster).
 */
export interface IIdentityCluster extends IIdentityClusterRef {
  /** The OIDC issuer URL, with `https://`. */
  readonly openIdConnectIssuerUrl: string;

  /**
   * The OIDC issuer without `https://`: the prefix of the IRSA condition keys
   * (`<issuer>:sub`, `<issuer>:aud`).
   */
  readonly openIdConnectIssuer: string;

  /** The cluster's authentication mode. */
  readonly authenticationMode: AuthenticationMode;

  /** Whether the cluster runs EKS Auto Mode (the pod identity agent is built in). */
  readonly autoMode: boolean;

  /**
   * The `eks-pod-identity-agent` addon created with the cluster, which pod identity associations
   * depend on.
   * @default - none: the agent is built in (Auto Mode) or managed outside this app
   */
  readonly podIdentityAgent?: IDependable;

  /**
   * Why EKS Pod Identity cannot be used with this cluster at all (a region without it, no agent),
   * or undefined when it can.
   * @default - pod identity can be used
   */
  readonly podIdentityUnavailableReason?: string;

  /**
   * Whether the `eks-pod-identity-agent` runs in the cluster (the addon, or Auto Mode).
   * @default - not known (a cluster imported without saying): `AUTO` then chooses IRSA
   */
  readonly podIdentityAgentInstalled?: boolean;

  /**
   * The namespaces the cluster's Fargate profiles select (patterns: `*` and `?` are wildcards).
   * Pods there run on Fargate, where EKS Pod Identity does not: `AUTO` chooses IRSA for them, and
   * an explicit `POD_IDENTITY` fails at synth.
   */
  readonly fargateNamespaces: string[];

  /** The cluster's Kubernetes objects (a cdk8s chart) and how they are delivered. */
  readonly kubernetesObjects: ClusterKubernetesObjects;

  /**
   * Why EKS Pod Identity cannot be used for the pods of a namespace of this cluster (the
   * cluster's reason, or a Fargate profile that selects the namespace), or undefined when it can.
   *
   * @param namespace the namespace of the service account
   */
  podIdentityUnavailableReasonFor(namespace: string): string | undefined;

  /**
   * Gives a Kubernetes service account of this cluster an AWS identity (IRSA or EKS Pod Identity).
   */
  addWorkloadIdentity(id: string, options: WorkloadIdentityOptions): WorkloadIdentity;

  /**
   * Adds a Kubernetes service account with no AWS role.
   */
  addServiceAccount(id: string, options: ServiceAccountOptions): KubernetesServiceAccount;

  /**
   * Gives an IAM role or user access to the cluster: an access entry with access policies,
   * Kubernetes groups and a username. One entry per principal; add policies to the returned entry.
   */
  grantAccess(id: string, principalArn: string, options?: AccessEntryOptions): ClusterAccess;

  /**
   * Gives an IAM role or user AmazonEKSClusterAdminPolicy at cluster scope (what `system:masters`
   * was in `aws-auth`).
   */
  grantClusterAdmin(id: string, principalArn: string): ClusterAccess;

  /**
   * Gives an IAM role or user AmazonEKSViewPolicy (read most resources, no Secrets), cluster-wide
   * or in the given namespaces.
   * @param namespaces limit it to these namespaces; default cluster-wide
   */
  grantViewer(id: string, principalArn: string, namespaces?: string[]): ClusterAccess;

  /**
   * Gives an IAM role or user AmazonEKSEditPolicy in the given namespaces.
   */
  grantNamespaceEditor(id: string, principalArn: string, namespaces: string[]): ClusterAccess;

  /**
   * Puts an IAM role or user into Kubernetes groups (bind them with `addKubernetesGroup`).
   */
  grantKubernetesGroups(id: string, principalArn: string, groups: string[]): ClusterAccess;

  /**
   * Adds RBAC objects for a Kubernetes group: a Role/ClusterRole with rules and its binding, or a
   * binding to an existing ClusterRole.
   */
  addKubernetesGroup(id: string, options: KubernetesGroupOptions): KubernetesGroup;
}
