import { Construct, IDependable } from 'constructs';
import { AuthenticationMode } from './authentication-mode';
import { IIdentityCluster } from './i-identity-cluster';
import { AccessPolicy, AccessScopeType } from '../access/access-policy';
import { AccessEntryOptions, ClusterAccess } from '../access/cluster-access';
import { KubernetesGroup, KubernetesGroupOptions } from '../access/kubernetes-group';
import { WorkloadIdentity, WorkloadIdentityOptions } from '../identity/workload-identity';
import { ClusterKubernetesObjects } from '../k8s/cluster-kubernetes-objects';
import { KubernetesServiceAccount, ServiceAccountOptions } from '../k8s/kubernetes-service-account';

/**
 * What every identity cluster (created or imported) shares: adding identities and service
 * accounts to it.
 *
 * @example
 * // The same methods on a cluster you create and on one you import.
 * const shared = IdentityCluster.fromClusterAttributes(this, 'Shared', {
 *   clusterName: 'shared-eks',
 *   openIdConnectIssuerUrl: 'https://oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
 * });
 * shared.addWorkloadIdentity('Api', { namespace: 'orders', serviceAccountName: 'orders-api', createNamespace: true });
 * shared.addServiceAccount('Builder', { namespace: 'ci', name: 'builder' }); // no AWS role
 * shared.grantViewer('Auditor', 'arn:aws:iam::111122223333:role/Auditor');
 */
export abstract class IdentityClusterBase extends Construct implements IIdentityCluster {
  public abstract readonly clusterName: string;
  public abstract readonly clusterArn: string;
  public abstract readonly openIdConnectIssuerUrl: string;
  public abstract readonly openIdConnectIssuer: string;
  public abstract readonly openIdConnectProviderArn: string;
  public abstract readonly authenticationMode: AuthenticationMode;
  public abstract readonly autoMode: boolean;
  /**
   * The `eks-pod-identity-agent` addon that pod identity associations depend on.
   * @default - none: the agent is built in (Auto Mode) or managed outside this app
   */
  public abstract readonly podIdentityAgent?: IDependable;
  /**
   * Why EKS Pod Identity cannot be used with this cluster.
   * @default - pod identity can be used
   */
  public abstract readonly podIdentityUnavailableReason?: string;
  public abstract readonly kubernetesObjects: ClusterKubernetesObjects;

  public addWorkloadIdentity(id: string, options: WorkloadIdentityOptions): WorkloadIdentity {
    return new WorkloadIdentity(this, id, { ...options, cluster: this });
  }

  public addServiceAccount(id: string, options: ServiceAccountOptions): KubernetesServiceAccount {
    return new KubernetesServiceAccount(this, id, { ...options, cluster: this });
  }

  public grantAccess(id: string, principalArn: string, options: AccessEntryOptions = {}): ClusterAccess {
    return new ClusterAccess(this, id, { ...options, cluster: this, principalArn });
  }

  public grantClusterAdmin(id: string, principalArn: string): ClusterAccess {
    return this.grantAccess(id, principalArn, { accessPolicies: [AccessPolicy.clusterAdmin()] });
  }

  public grantViewer(id: string, principalArn: string, namespaces?: string[]): ClusterAccess {
    const scope = namespaces === undefined ? undefined : { type: AccessScopeType.NAMESPACE, namespaces };
    return this.grantAccess(id, principalArn, { accessPolicies: [AccessPolicy.view(scope)] });
  }

  public grantNamespaceEditor(id: string, principalArn: string, namespaces: string[]): ClusterAccess {
    return this.grantAccess(id, principalArn, { accessPolicies: [AccessPolicy.edit({ type: AccessScopeType.NAMESPACE, namespaces })] });
  }

  public grantKubernetesGroups(id: string, principalArn: string, groups: string[]): ClusterAccess {
    return this.grantAccess(id, principalArn, { kubernetesGroups: groups });
  }

  public addKubernetesGroup(id: string, options: KubernetesGroupOptions): KubernetesGroup {
    return new KubernetesGroup(this, id, { ...options, cluster: this });
  }
}
