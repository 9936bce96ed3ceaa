import { Annotations, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EKS_USE_NATIVE_OIDC_PROVIDER } from 'aws-cdk-lib/cx-api';
import { Construct, IDependable } from 'constructs';
import { IIdentityCluster } from './i-identity-cluster';
import { IdentityClusterAttributes } from './identity-cluster-attributes';
import { IdentityClusterImportOptions } from './identity-cluster-import-options';
import { warnIfHiddenCreatorAdmin } from './private/creator-admin-warning';
import { fargateNamespacesOf } from './private/fargate-namespaces';
import { IdentityClusterBase } from './private/identity-cluster-base';
import { importClusterAttributes } from './private/import-cluster-attributes';
import { importEksCluster } from './private/import-eks-cluster';
import { issuerWithoutScheme } from './private/issuer-token';
import { regionPodIdentityProblem } from './private/pod-identity-availability';
import { ClusterAccess } from '../access/cluster-access';
import { AccessPolicy } from '../core/access-policy';
import { addonVersionProblem } from '../core/addon-version';
import { AuthenticationMode } from '../core/authentication-mode';
import { throwIdentityError, throwIfProblem } from '../core/errors';
import { fargateNamespaceProblem } from '../core/kubernetes-names';
import { ClusterKubernetesObjects } from '../k8s/cluster-kubernetes-objects';
import { KubernetesObjectsDelivery } from '../k8s/kubernetes-objects-delivery';
import { asTemplateText } from '../private/template-text-of';

/**
 * Properties of {@link IdentityCluster}: every aws-eks-v2 `ClusterProps` plus the identity
 * defaults.
 *
 * One default differs from aws-eks-v2: `bootstrapClusterCreatorAdminPermissions` is **false**.
 * EKS would give the principal that creates the cluster — with CDK, the CloudFormation execution
 * role — a cluster-admin access entry that appears in no template; name your admins in `admins`
 * instead, where the rule pack and the identity report see them. Set it to true to keep the EKS
 * behaviour (synth then warns, `cdk-eks-identity:creatorAdmin`, acknowledgeable); changing it after
 * the cluster exists replaces the cluster.
 */
export interface IdentityClusterProps extends eks.ClusterProps {
  /**
   * ARNs of IAM roles (or users) that get an access entry with AmazonEKSClusterAdminPolicy at
   * cluster scope. With CDK the "cluster creator" is the CloudFormation execution role, not you:
   * name the role you use with kubectl here.
   * @default - no admin access entries
   */
  readonly admins?: string[];

  /**
   * The authentication mode. `CONFIG_MAP` is not offered: the library manages access with access
   * entries. Use `API_AND_CONFIG_MAP` while moving off `aws-auth`, then `API` (one-way).
   * @default AuthenticationMode.API
   */
  readonly authenticationMode?: AuthenticationMode;

  /**
   * Install the `eks-pod-identity-agent` addon. Ignored in Auto Mode, where the agent is built in.
   * Without the agent, `AUTO` identities use IRSA and an explicit `POD_IDENTITY` fails at synth.
   * @default true
   */
  readonly podIdentityAgent?: boolean;

  /**
   * Version of the `eks-pod-identity-agent` addon, e.g. `v1.3.10-eksbuild.1`
   * (`aws eks describe-addon-versions --addon-name eks-pod-identity-agent`).
   * @default - the version EKS chooses for the cluster's Kubernetes version
   */
  readonly podIdentityAgentVersion?: string;

  /**
   * Configuration values of the `eks-pod-identity-agent` addon
   * (`aws eks describe-addon-configuration --addon-name eks-pod-identity-agent --addon-version <v>`),
   * e.g. `{ agent: { additionalArgs: { '-b': '169.254.170.23' } } }` to bind IPv4 only on nodes
   * without IPv6, or `{ daemonsets: { hybrid: { create: true } } }` for EKS Hybrid Nodes.
   * @default - the addon's defaults
   */
  readonly podIdentityAgentConfiguration?: { [key: string]: any };

  /**
   * How the cluster's Kubernetes objects (service accounts, namespaces, RBAC) are delivered.
   * `KUBECTL` requires `kubectlProviderOptions`.
   * @default KubernetesObjectsDelivery.FILES
   */
  readonly kubernetesObjectsDelivery?: KubernetesObjectsDelivery;
}

/**
 * An EKS cluster with its identity plumbing: an aws-eks-v2 `Cluster` (authentication mode `API`),
 * a native `AWS::IAM::OIDCProvider` for its issuer (no thumbprint, no Lambda), the
 * `eks-pod-identity-agent` addon unless Auto Mode, admin access entries, and a cdk8s chart for
 * its Kubernetes objects. No kubectl provider unless you ask for one.
 *
 * @example
 * const cluster = new IdentityCluster(this, 'Cluster', {
 *   clusterName: 'myeks',
 *   version: eks.KubernetesVersion.V1_33,
 *   defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
 *   admins: ['arn:aws:iam::111122223333:role/Admin'],
 * });
 * cluster.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa' });
 */
export class IdentityCluster extends IdentityClusterBase {
  /**
   * A cluster made elsewhere (eksctl, Terraform, the console) from its name and OIDC issuer.
   * With a literal issuer URL the trust documents stay plain objects.
   */
  public static fromClusterAttributes(scope: Construct, id: string, attrs: IdentityClusterAttributes): IIdentityCluster {
    return importClusterAttributes(scope, id, attrs);
  }

  /**
   * An aws-eks-v2 cluster you already have. Its OIDC provider is reused when it has one; a native
   * provider is created otherwise, never a second one for the same issuer. Its name, issuer and
   * provider ARN (when known at synth) are checked as `fromClusterAttributes` checks them. A cluster
   * of this app that leaves `bootstrapClusterCreatorAdminPermissions` at aws-eks-v2's default
   * (true) gets a synth warning (`cdk-eks-identity:creatorAdmin`, acknowledgeable): the deploying
   * principal is a cluster admin that no template shows.
   */
  public static fromCluster(scope: Construct, id: string, cluster: eks.ICluster, options: IdentityClusterImportOptions = {}): IIdentityCluster {
    return importEksCluster(scope, id, cluster, options);
  }

  /** The aws-eks-v2 cluster. */
  public readonly cluster: eks.Cluster;
  /** The cluster's IAM OIDC provider (native `AWS::IAM::OIDCProvider`). */
  public readonly openIdConnectProvider: iam.IOpenIdConnectProvider;
  public readonly clusterName: string;
  public readonly clusterArn: string;
  public readonly openIdConnectIssuerUrl: string;
  public readonly openIdConnectIssuer: string;
  public readonly openIdConnectProviderArn: string;
  public readonly authenticationMode: AuthenticationMode;
  public readonly autoMode: boolean;
  /**
   * The `eks-pod-identity-agent` addon that pod identity associations depend on.
   * @default - none in Auto Mode (the agent is built in) or with `podIdentityAgent: false`
   */
  public readonly podIdentityAgent?: IDependable;
  /**
   * Why EKS Pod Identity cannot be used with this cluster (e.g. a China region).
   * @default - pod identity can be used
   */
  public readonly podIdentityUnavailableReason?: string;
  /**
   * Whether the `eks-pod-identity-agent` runs in the cluster (the addon, or Auto Mode).
   * @default - always known for a cluster created here
   */
  public readonly podIdentityAgentInstalled?: boolean;
  public readonly kubernetesObjects: ClusterKubernetesObjects;
  private readonly fargateProfileNamespaces: string[] = [];

  constructor(scope: Construct, id: string, props: IdentityClusterProps) {
    super(scope, id);
    // aws-eks-v2 then makes the cluster's provider a native AWS::IAM::OIDCProvider, and anything
    // that asks the cluster for its provider shares this one.
    this.node.setContext(EKS_USE_NATIVE_OIDC_PROVIDER, true);

    this.authenticationMode = props.authenticationMode ?? AuthenticationMode.API;
    if (this.authenticationMode === AuthenticationMode.CONFIG_MAP) {
      throwIdentityError(this, 'authenticationMode CONFIG_MAP leaves no room for access entries',
        'use AuthenticationMode.API_AND_CONFIG_MAP while moving off aws-auth, then AuthenticationMode.API');
    }
    this.autoMode = props.defaultCapacityType === undefined || props.defaultCapacityType === eks.DefaultCapacityType.AUTOMODE;

    const bootstrapCreatorAdmin = props.bootstrapClusterCreatorAdminPermissions ?? false;
    this.cluster = new eks.Cluster(this, 'Resource', { ...props, bootstrapClusterCreatorAdminPermissions: bootstrapCreatorAdmin });
    warnIfHiddenCreatorAdmin(this, this.node.path, bootstrapCreatorAdmin);
    if (!bootstrapCreatorAdmin && (props.admins ?? []).length === 0) {
      Annotations.of(this).addWarningV2('cdk-eks-identity:noClusterAdmin',
        'no principal gets cluster admin (admins is empty and bootstrapClusterCreatorAdminPermissions is false): '
        + 'nobody can use the Kubernetes API until an access entry grants it. Fix: add admins: [<role ARN>] (the role you use with kubectl), '
        + 'or grant it later with cluster.grantClusterAdmin');
    }
    // Explicit, so an identity or access grant with the id 'Default' does not make it ambiguous.
    this.node.defaultChild = this.cluster;
    if (this.authenticationMode !== AuthenticationMode.API) {
      (this.cluster.node.defaultChild as eks.CfnCluster).addPropertyOverride('AccessConfig.AuthenticationMode', this.authenticationMode);
    }
    this.clusterName = this.cluster.clusterName;
    this.clusterArn = this.cluster.clusterArn;
    this.openIdConnectIssuerUrl = this.cluster.clusterOpenIdConnectIssuerUrl;
    this.openIdConnectIssuer = issuerWithoutScheme(this.openIdConnectIssuerUrl);
    this.openIdConnectProvider = this.cluster.openIdConnectProvider;
    this.openIdConnectProviderArn = this.openIdConnectProvider.openIdConnectProviderArn;

    const agentWanted = props.podIdentityAgent ?? true;
    if (!this.autoMode && agentWanted) {
      this.podIdentityAgent = this.configureAgent(this.cluster.eksPodIdentityAgent!, props);
    } else if (props.podIdentityAgentVersion !== undefined || props.podIdentityAgentConfiguration !== undefined) {
      throwIdentityError(this, `podIdentityAgentVersion and podIdentityAgentConfiguration configure the eks-pod-identity-agent addon, which ${this.autoMode ? 'Auto Mode does not need (the agent is built in)' : 'podIdentityAgent: false leaves out'}`,
        this.autoMode ? 'remove them' : 'remove them, or set podIdentityAgent: true');
    }
    this.podIdentityAgentInstalled = this.autoMode || agentWanted;
    this.podIdentityUnavailableReason = regionPodIdentityProblem(Stack.of(this))
      ?? (this.podIdentityAgentInstalled ? undefined : 'the eks-pod-identity-agent addon is not installed (podIdentityAgent: false)');

    // Scoped where aws-eks-v2 `grantClusterAdmin` put them, so the logical ids stay the same and an
    // upgrade updates the entries in place (a replacement would collide with the old entry).
    (props.admins ?? []).forEach((principalArn, index) => new ClusterAccess(this.cluster, `Admin${index}`, {
      cluster: this,
      principalArn,
      accessPolicies: [AccessPolicy.clusterAdmin()],
    }));

    this.kubernetesObjects = new ClusterKubernetesObjects(this, 'KubernetesObjects', {
      delivery: props.kubernetesObjectsDelivery,
      kubectlCluster: this.cluster,
      clusterName: this.clusterName,
    });
  }

  /**
   * The namespaces (patterns with `*` and `?`) the cluster's Fargate profiles select: those added
   * with `addFargateProfile` and those of every other Fargate profile of the aws-eks-v2 cluster
   * (`cluster.cluster.addFargateProfile`, `new eks.FargateProfile(...)`) made so far.
   */
  public get fargateNamespaces(): string[] {
    return this._currentFargateNamespaces();
  }

  /**
   * Adds a Fargate profile (aws-eks-v2 `addFargateProfile`). Pods of its namespaces run on Fargate,
   * where EKS Pod Identity does not: `AUTO` identities there use IRSA, and an explicit
   * `POD_IDENTITY` fails at synth. Add profiles before the identities of their namespaces.
   *
   * @param id the construct id of the profile
   * @param options the profile: selectors (namespace patterns and labels), pod execution role, subnets
   */
  public addFargateProfile(id: string, options: eks.FargateProfileOptions): eks.FargateProfile {
    for (const selector of options.selectors) throwIfProblem(this, fargateNamespaceProblem(asTemplateText(this, selector.namespace)));
    const profile = this.cluster.addFargateProfile(id, options);
    this.fargateProfileNamespaces.push(...options.selectors.map((s) => s.namespace));
    return profile;
  }

  /** @internal */
  public _currentFargateNamespaces(): string[] {
    return [...new Set([...this.fargateProfileNamespaces, ...fargateNamespacesOf(this.cluster, this.clusterName)])];
  }

  private configureAgent(addon: eks.IAddon, props: IdentityClusterProps): eks.IAddon {
    const cfn = addon.node.defaultChild as eks.CfnAddon;
    if (props.podIdentityAgentVersion !== undefined) {
      throwIfProblem(this, addonVersionProblem(asTemplateText(this, props.podIdentityAgentVersion), 'podIdentityAgentVersion'));
      cfn.addonVersion = props.podIdentityAgentVersion;
    }
    if (props.podIdentityAgentConfiguration !== undefined) {
      const configuration = props.podIdentityAgentConfiguration;
      if (configuration === null || typeof configuration !== 'object' || Array.isArray(configuration)) {
        throwIdentityError(this, 'podIdentityAgentConfiguration is not an object', 'give the configuration values as an object, e.g. { agent: { additionalArgs: { \'-b\': \'169.254.170.23\' } } }');
      }
      cfn.configurationValues = Stack.of(this).toJsonString(configuration);
    }
    return addon;
  }
}
