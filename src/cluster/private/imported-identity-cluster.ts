import { Stack } from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { IdentityClusterBase } from './identity-cluster-base';
import { recordImportedCluster } from './imported-cluster-record';
import { AuthenticationMode } from '../../core/authentication-mode';
import { ClusterKubernetesObjects } from '../../k8s/cluster-kubernetes-objects';

/**
 * Everything an identity cluster is, given rather than created.
 */
export interface ImportedIdentityClusterProps {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly openIdConnectIssuerUrl: string;
  readonly openIdConnectIssuer: string;
  readonly openIdConnectProviderArn: string;
  readonly authenticationMode: AuthenticationMode;
  readonly autoMode: boolean;
  readonly podIdentityAgent?: IDependable;
  readonly podIdentityUnavailableReason?: string;
  readonly podIdentityAgentInstalled?: boolean;
  /** The Fargate namespaces known when the cluster is imported. */
  readonly fargateNamespaces: string[];
  /** The Fargate namespaces of a cluster of this app as they are at synth. */
  readonly currentFargateNamespaces?: () => string[];
  readonly kubernetesObjects: (scope: Construct) => ClusterKubernetesObjects;
  /** Record the cluster in the template's Metadata (clusters that have no resource in this app). */
  readonly recordInTemplate: boolean;
}

/**
 * A cluster made elsewhere (eksctl, Terraform, the console, or an aws-eks-v2 cluster of this app).
 */
export class ImportedIdentityCluster extends IdentityClusterBase {
  public readonly clusterName: string;
  public readonly clusterArn: string;
  public readonly openIdConnectIssuerUrl: string;
  public readonly openIdConnectIssuer: string;
  public readonly openIdConnectProviderArn: string;
  public readonly authenticationMode: AuthenticationMode;
  public readonly autoMode: boolean;
  public readonly podIdentityAgent?: IDependable;
  public readonly podIdentityUnavailableReason?: string;
  public readonly podIdentityAgentInstalled?: boolean;
  public readonly kubernetesObjects: ClusterKubernetesObjects;
  private readonly knownFargateNamespaces: string[];
  private readonly currentFargate?: () => string[];

  constructor(scope: Construct, id: string, props: ImportedIdentityClusterProps) {
    super(scope, id);
    this.clusterName = props.clusterName;
    this.clusterArn = props.clusterArn;
    this.openIdConnectIssuerUrl = props.openIdConnectIssuerUrl;
    this.openIdConnectIssuer = props.openIdConnectIssuer;
    this.openIdConnectProviderArn = props.openIdConnectProviderArn;
    this.authenticationMode = props.authenticationMode;
    this.autoMode = props.autoMode;
    this.podIdentityAgent = props.podIdentityAgent;
    this.podIdentityUnavailableReason = props.podIdentityUnavailableReason;
    this.podIdentityAgentInstalled = props.podIdentityAgentInstalled;
    this.knownFargateNamespaces = [...props.fargateNamespaces];
    this.currentFargate = props.currentFargateNamespaces;
    this.kubernetesObjects = props.kubernetesObjects(this);
    if (props.recordInTemplate) {
      // A cluster made elsewhere: recorded for the readers of the template.
      recordImportedCluster(Stack.of(this), {
        clusterName: this.clusterName,
        openIdConnectIssuerUrl: this.openIdConnectIssuerUrl,
        openIdConnectProviderArn: this.openIdConnectProviderArn,
        ...(this.podIdentityAgentInstalled !== undefined ? { podIdentityAgentInstalled: this.podIdentityAgentInstalled } : {}),
        ...(this.fargateNamespaces.length > 0 ? { fargateNamespaces: [...this.fargateNamespaces] } : {}),
      });
    }
  }

  /** The Fargate namespaces given, and those of the wrapped cluster's profiles made so far. */
  public get fargateNamespaces(): string[] {
    return this._currentFargateNamespaces();
  }

  /** @internal */
  public _currentFargateNamespaces(): string[] {
    return this.currentFargate ? [...new Set([...this.knownFargateNamespaces, ...this.currentFargate()])] : [...this.knownFargateNamespaces];
  }
}
