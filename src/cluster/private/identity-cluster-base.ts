import { Construct, IDependable } from 'constructs';
import { AccessEntryOptions, ClusterAccess } from '../../access/cluster-access';
import { KubernetesGroup, KubernetesGroupOptions } from '../../access/kubernetes-group';
import { AccessPolicy, AccessScopeType } from '../../core/access-policy';
import { AuthenticationMode } from '../../core/authentication-mode';
import { fargatePatternFor } from '../../core/kubernetes-names';
import { WorkloadIdentity, WorkloadIdentityOptions } from '../../identity/workload-identity';
import { ClusterKubernetesObjects } from '../../k8s/cluster-kubernetes-objects';
import { KubernetesServiceAccount, ServiceAccountOptions } from '../../k8s/kubernetes-service-account';
import { IIdentityCluster } from '../i-identity-cluster';

/**
 * What every identity cluster (created or imported) shares: adding identities, service accounts
 * and access to it. Not exported: jsii copies its members into `IdentityCluster`.
 * @internal
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
  /**
   * Whether the `eks-pod-identity-agent` runs in the cluster.
   * @default - not known
   */
  public abstract readonly podIdentityAgentInstalled?: boolean;
  public abstract readonly kubernetesObjects: ClusterKubernetesObjects;

  public abstract readonly fargateNamespaces: string[];

  /**
   * The Fargate namespaces as they are at synth (a profile may be added after an identity).
   * @internal
   */
  public _currentFargateNamespaces(): string[] {
    return this.fargateNamespaces;
  }

  public podIdentityUnavailableReasonFor(namespace: string): string | undefined {
    if (this.podIdentityUnavailableReason) return this.podIdentityUnavailableReason;
    const pattern = fargatePatternFor(this._currentFargateNamespaces(), namespace);
    return pattern === undefined ? undefined
      : `a Fargate profile of cluster ${this.node.path} selects namespace ${namespace}${pattern === namespace ? '' : ` (${pattern})`}, and EKS Pod Identity does not run on AWS Fargate`;
  }

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
