import { Stack, Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EKS_USE_NATIVE_OIDC_PROVIDER } from 'aws-cdk-lib/cx-api';
import { Construct, IConstruct, IDependable } from 'constructs';
import { fargateNamespacesOf } from './fargate-namespaces';
import { ImportedIdentityCluster } from './imported-identity-cluster';
import { issuerWithoutScheme } from './issuer-token';
import { regionPodIdentityProblem } from './pod-identity-availability';
import { formatOidcProviderArn } from '../../core/arn';
import { AuthenticationMode } from '../../core/authentication-mode';
import { ErrorScope, identityErrorMessage, throwIdentityError, throwIfProblem } from '../../core/errors';
import { fargateNamespaceProblem } from '../../core/kubernetes-names';
import { checkIssuerUrl } from '../../core/oidc-issuer';
import { POD_IDENTITY_AGENT_ADDON } from '../../core/pod-identity';
import { ClusterKubernetesObjects } from '../../k8s/cluster-kubernetes-objects';
import { stackPartition } from '../../private/stack-values';
import { IIdentityCluster } from '../i-identity-cluster';
import { IdentityClusterImportOptions } from '../identity-cluster-import-options';


function isAutoMode(cluster: eks.Cluster): boolean {
  const cfn = cluster.node.defaultChild as eks.CfnCluster;
  const compute = Stack.of(cluster).resolve(cfn.computeConfig);
  return compute?.enabled === true;
}

/** An `eks-pod-identity-agent` addon of the cluster anywhere in its stack (not only under the cluster). */
function existingAgentAddon(cluster: eks.Cluster): IDependable | undefined {
  const stack = Stack.of(cluster);
  const clusterName = JSON.stringify(stack.resolve(cluster.clusterName));
  return stack.node.findAll().find((c: IConstruct) => c instanceof eks.CfnAddon && c.addonName === POD_IDENTITY_AGENT_ADDON
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

/** An aws-eks-v2 cluster as an identity cluster, reusing its OIDC provider and agent addon. */
export function importEksCluster(scope: Construct, id: string, cluster: eks.ICluster, options: IdentityClusterImportOptions): IIdentityCluster {
  const stack = Stack.of(scope);
  // Errors name the path the imported cluster gets.
  const where: ErrorScope = { node: { path: `${scope.node.path}/${id}` } };
  let givenIssuerUrl: string | undefined;
  if (options.openIdConnectIssuerUrl !== undefined) {
    const verdict = checkIssuerUrl(options.openIdConnectIssuerUrl, { expectedRegion: Token.isUnresolved(stack.region) ? undefined : stack.region });
    throwIfProblem(where, verdict.problem);
    givenIssuerUrl = verdict.url;
  }
  for (const pattern of options.fargateNamespaces ?? []) throwIfProblem(where, fargateNamespaceProblem(pattern));
  const delivery = options.kubernetesObjectsDelivery;
  const kubernetesObjects = (owner: Construct) => new ClusterKubernetesObjects(owner, 'KubernetesObjects', { delivery, kubectlCluster: cluster, clusterName: cluster.clusterName });
  const common = {
    clusterName: cluster.clusterName,
    clusterArn: cluster.clusterArn,
    authenticationMode: options.authenticationMode ?? AuthenticationMode.API,
    kubernetesObjects,
  };

  if (cluster instanceof eks.Cluster) {
    const autoMode = isAutoMode(cluster);
    const issuerUrl = givenIssuerUrl ?? cluster.clusterOpenIdConnectIssuerUrl;
    const provider = providerForCluster(scope, `${id}OidcProvider`, cluster);
    const wanted = options.podIdentityAgent ?? true;
    const agent = autoMode ? undefined : existingAgentAddon(cluster) ?? (wanted ? cluster.eksPodIdentityAgent : undefined);
    return new ImportedIdentityCluster(scope, id, {
      ...common,
      openIdConnectIssuerUrl: issuerUrl,
      openIdConnectIssuer: issuerWithoutScheme(issuerUrl),
      openIdConnectProviderArn: provider.openIdConnectProviderArn,
      autoMode,
      podIdentityAgent: agent,
      podIdentityAgentInstalled: autoMode || agent !== undefined,
      podIdentityUnavailableReason: regionPodIdentityProblem(stack)
        ?? (autoMode || agent !== undefined ? undefined : 'the eks-pod-identity-agent addon is not installed (podIdentityAgent: false)'),
      fargateNamespaces: [...(options.fargateNamespaces ?? []), ...fargateNamespacesOf(cluster, cluster.clusterName)],
      currentFargateNamespaces: () => fargateNamespacesOf(cluster, cluster.clusterName),
      recordInTemplate: false,
    });
  }

  let providerArn: string;
  let issuerUrl = givenIssuerUrl;
  try {
    const provider = cluster.openIdConnectProvider;
    providerArn = provider.openIdConnectProviderArn;
    issuerUrl = issuerUrl ?? `https://${provider.openIdConnectProviderIssuer}`;
  } catch {
    if (!issuerUrl) {
      throwIdentityError(scope, `cluster ${cluster.node.path} has no openIdConnectProvider and no issuer was given`,
        'pass openIdConnectIssuerUrl to IdentityCluster.fromCluster, or use IdentityCluster.fromClusterAttributes');
    }
    providerArn = formatOidcProviderArn(stackPartition(stack), stack.account, issuerWithoutScheme(issuerUrl));
  }
  return new ImportedIdentityCluster(scope, id, {
    ...common,
    openIdConnectIssuerUrl: issuerUrl,
    openIdConnectIssuer: issuerWithoutScheme(issuerUrl),
    openIdConnectProviderArn: providerArn,
    autoMode: false,
    recordInTemplate: true,
    podIdentityAgentInstalled: options.podIdentityAgent,
    fargateNamespaces: options.fargateNamespaces ?? [],
    podIdentityUnavailableReason: regionPodIdentityProblem(stack)
      ?? (options.podIdentityAgent === false ? 'the eks-pod-identity-agent is not installed in the cluster (podIdentityAgent: false)' : undefined),
  });
}
