import { Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EKS_USE_NATIVE_OIDC_PROVIDER } from 'aws-cdk-lib/cx-api';
import { Construct, IConstruct, IDependable } from 'constructs';
import { AuthenticationMode } from './authentication-mode';
import { IIdentityCluster } from './i-identity-cluster';
import { ImportedIdentityCluster } from './imported-identity-cluster';
import { issuerWithoutScheme } from './oidc-issuer';
import { regionPodIdentityProblem } from './pod-identity-availability';
import { identityErrorMessage, throwIdentityError } from '../errors';
import { ClusterKubernetesObjects } from '../k8s/cluster-kubernetes-objects';
import { KubernetesObjectsDelivery } from '../k8s/kubernetes-objects-delivery';

const POD_IDENTITY_AGENT = 'eks-pod-identity-agent';

/**
 * Options for `IdentityCluster.fromCluster`.
 */
export interface IdentityClusterImportOptions {
  /**
   * The OIDC issuer URL. Needed for a cluster imported with aws-eks-v2
   * `Cluster.fromClusterAttributes` that has no `openIdConnectProvider`.
   * @default - the cluster's own issuer, or the issuer of its `openIdConnectProvider`
   */
  readonly openIdConnectIssuerUrl?: string;

  /**
   * The cluster's authentication mode.
   * @default AuthenticationMode.API (what aws-eks-v2 clusters use)
   */
  readonly authenticationMode?: AuthenticationMode;

  /**
   * For a cluster created in this app: add the `eks-pod-identity-agent` addon unless the cluster
   * already has one or runs Auto Mode. For an imported cluster: whether the agent is installed.
   * @default true
   */
  readonly podIdentityAgent?: boolean;

  /**
   * How the Kubernetes objects are delivered (`KUBECTL` needs the cluster's kubectl provider).
   * @default KubernetesObjectsDelivery.FILES
   */
  readonly kubernetesObjectsDelivery?: KubernetesObjectsDelivery;
}

function isAutoMode(cluster: eks.Cluster): boolean {
  const cfn = cluster.node.defaultChild as eks.CfnCluster;
  const compute = Stack.of(cluster).resolve(cfn.computeConfig);
  return compute?.enabled === true;
}

/** An `eks-pod-identity-agent` addon of the cluster anywhere in its stack (not only under the cluster). */
function existingAgentAddon(cluster: eks.Cluster): IDependable | undefined {
  const stack = Stack.of(cluster);
  const clusterName = JSON.stringify(stack.resolve(cluster.clusterName));
  return stack.node.findAll().find((c: IConstruct) => c instanceof eks.CfnAddon && c.addonName === POD_IDENTITY_AGENT
    && JSON.stringify(stack.resolve(c.clusterName)) === clusterName);
}

function existingProvider(cluster: eks.Cluster): iam.IOpenIdConnectProvider | undefined {
  const child = cluster.node.tryFindChild('OidcProviderNative') ?? cluster.node.tryFindChild('OpenIdConnectProvider');
  return child as iam.IOpenIdConnectProvider | undefined;
}

/**
 * The OIDC provider of a cluster created in this app: its own when it has one (or when asking
 * creates a native one), otherwise a native provider of ours — and a synth error if the cluster
 * later gets a second provider for the same issuer.
 */
function providerForCluster(scope: Construct, id: string, cluster: eks.Cluster): iam.IOpenIdConnectProvider {
  const existing = existingProvider(cluster);
  if (existing) return existing;
  if (cluster.node.tryGetContext(EKS_USE_NATIVE_OIDC_PROVIDER) === true) return cluster.openIdConnectProvider;
  const provider = new eks.OidcProviderNative(scope, id, { url: cluster.clusterOpenIdConnectIssuerUrl });
  provider.node.addValidation({
    validate: () => existingProvider(cluster)
      ? [identityErrorMessage(provider, `cluster ${cluster.node.path} got a second OIDC provider for the same issuer (${existingProvider(cluster)!.node.path})`,
        `do not use cluster.openIdConnectProvider next to IdentityCluster.fromCluster, or set the context flag ${EKS_USE_NATIVE_OIDC_PROVIDER} so both share one native provider`)]
      : [],
  });
  return provider;
}

/** @internal */
export function importEksCluster(scope: Construct, id: string, cluster: eks.ICluster, options: IdentityClusterImportOptions): IIdentityCluster {
  const stack = Stack.of(scope);
  const delivery = options.kubernetesObjectsDelivery;
  const kubernetesObjects = (owner: Construct) => new ClusterKubernetesObjects(owner, 'KubernetesObjects', { delivery, kubectlCluster: cluster });
  const common = {
    clusterName: cluster.clusterName,
    clusterArn: cluster.clusterArn,
    authenticationMode: options.authenticationMode ?? AuthenticationMode.API,
    kubernetesObjects,
  };

  if (cluster instanceof eks.Cluster) {
    const autoMode = isAutoMode(cluster);
    const issuerUrl = options.openIdConnectIssuerUrl ?? cluster.clusterOpenIdConnectIssuerUrl;
    const provider = providerForCluster(scope, `${id}OidcProvider`, cluster);
    return new ImportedIdentityCluster(scope, id, {
      ...common,
      openIdConnectIssuerUrl: issuerUrl,
      openIdConnectIssuer: issuerWithoutScheme(issuerUrl),
      openIdConnectProviderArn: provider.openIdConnectProviderArn,
      autoMode,
      podIdentityAgent: autoMode ? undefined
        : existingAgentAddon(cluster) ?? ((options.podIdentityAgent ?? true) ? cluster.eksPodIdentityAgent : undefined),
      podIdentityUnavailableReason: regionPodIdentityProblem(stack),
    });
  }

  let providerArn: string;
  let issuerUrl = options.openIdConnectIssuerUrl;
  try {
    const provider = cluster.openIdConnectProvider;
    providerArn = provider.openIdConnectProviderArn;
    issuerUrl = issuerUrl ?? `https://${provider.openIdConnectProviderIssuer}`;
  } catch {
    if (!issuerUrl) {
      throwIdentityError(scope, `cluster ${cluster.node.path} has no openIdConnectProvider and no issuer was given`,
        'pass openIdConnectIssuerUrl to IdentityCluster.fromCluster, or use IdentityCluster.fromClusterAttributes');
    }
    providerArn = `arn:${stack.partition}:iam::${stack.account}:oidc-provider/${issuerWithoutScheme(issuerUrl)}`;
  }
  return new ImportedIdentityCluster(scope, id, {
    ...common,
    openIdConnectIssuerUrl: issuerUrl,
    openIdConnectIssuer: issuerWithoutScheme(issuerUrl),
    openIdConnectProviderArn: providerArn,
    autoMode: false,
    podIdentityUnavailableReason: regionPodIdentityProblem(stack)
      ?? ((options.podIdentityAgent ?? true) ? undefined : 'the eks-pod-identity-agent is not installed in the cluster (podIdentityAgent: false)'),
  });
}
