import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EKS_USE_NATIVE_OIDC_PROVIDER } from 'aws-cdk-lib/cx-api';
import { Construct, IConstruct, IDependable } from 'constructs';
import { warnIfHiddenCreatorAdmin } from './creator-admin-warning';
import { fargateNamespacesOf } from './fargate-namespaces';
import { checkImportedCluster } from './imported-cluster-checks';
import { ImportedIdentityCluster } from './imported-identity-cluster';
import { issuerWithoutScheme } from './issuer-token';
import { regionPodIdentityProblem } from './pod-identity-availability';
import { formatOidcProviderArn, parseIamArn } from '../../core/arn';
import { AuthenticationMode } from '../../core/authentication-mode';
import { ErrorScope, identityErrorMessage, throwIdentityError } from '../../core/errors';
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

/** A wrapped aws-eks-v2 cluster's `bootstrapClusterCreatorAdminPermissions`; undefined when not set (EKS's default, true). */
function creatorAdminSetting(cluster: eks.Cluster): boolean | undefined {
  const cfn = cluster.node.defaultChild as eks.CfnCluster;
  const setting = Stack.of(cluster).resolve(cfn.accessConfig)?.bootstrapClusterCreatorAdminPermissions;
  return typeof setting === 'boolean' ? setting : undefined;
}

/** The name a cluster of this app was given, when it is a literal. */
function literalClusterName(cluster: eks.Cluster): string | undefined {
  const name = (cluster.node.defaultChild as eks.CfnCluster).name;
  return name !== undefined && !Token.isUnresolved(name) ? name : undefined;
}

/** The OIDC provider an aws-eks-v2 imported cluster was given, if any. */
function importedProvider(cluster: eks.ICluster): iam.IOpenIdConnectProvider | undefined {
  try {
    return cluster.openIdConnectProvider;
  } catch {
    // aws-eks-v2: '"openIdConnectProvider" is not defined for this imported cluster'.
    return undefined;
  }
}

/** An aws-eks-v2 cluster as an identity cluster, reusing its OIDC provider and agent addon. */
export function importEksCluster(scope: Construct, id: string, cluster: eks.ICluster, options: IdentityClusterImportOptions): IIdentityCluster {
  const stack = Stack.of(scope);
  // Errors name the path the imported cluster gets.
  const where: ErrorScope = { node: { path: `${scope.node.path}/${id}` } };
  const delivery = options.kubernetesObjectsDelivery;
  const kubernetesObjects = (owner: Construct) => new ClusterKubernetesObjects(owner, 'KubernetesObjects', { delivery, kubectlCluster: cluster, clusterName: cluster.clusterName });
  const common = {
    clusterName: cluster.clusterName,
    clusterArn: cluster.clusterArn,
    authenticationMode: options.authenticationMode ?? AuthenticationMode.API,
    kubernetesObjects,
  };

  if (cluster instanceof eks.Cluster) {
    if (options.openIdConnectProviderArn !== undefined) {
      throwIdentityError(where, `openIdConnectProviderArn is for a cluster aws-eks-v2 imported, and ${cluster.node.path} is created in this app`,
        'leave openIdConnectProviderArn out: the cluster\'s own OIDC provider is used (or a native one is created for it)');
    }
    const verdict = checkImportedCluster(where, stack, {
      clusterName: literalClusterName(cluster) ?? cluster.clusterName,
      issuerUrl: options.openIdConnectIssuerUrl,
      allowNonEksIssuer: options.allowNonEksIssuer,
      fargateNamespaces: options.fargateNamespaces,
    });
    const autoMode = isAutoMode(cluster);
    const issuerUrl = verdict?.url ?? cluster.clusterOpenIdConnectIssuerUrl;
    const provider = providerForCluster(scope, `${id}OidcProvider`, cluster);
    const wanted = options.podIdentityAgent ?? true;
    const agent = autoMode ? undefined : existingAgentAddon(cluster) ?? (wanted ? cluster.eksPodIdentityAgent : undefined);
    const imported = new ImportedIdentityCluster(scope, id, {
      ...common,
      openIdConnectIssuerUrl: issuerUrl,
      openIdConnectIssuer: verdict?.issuer ?? issuerWithoutScheme(issuerUrl),
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
    warnIfHiddenCreatorAdmin(imported, cluster.node.path, creatorAdminSetting(cluster));
    return imported;
  }

  // A cluster aws-eks-v2 imported: its provider (or the one given), its issuer (given, or the provider's).
  const provider = options.openIdConnectProviderArn === undefined ? importedProvider(cluster) : undefined;
  const providerArn = options.openIdConnectProviderArn ?? provider?.openIdConnectProviderArn;
  const providerWhat = options.openIdConnectProviderArn !== undefined ? 'openIdConnectProviderArn' : `the openIdConnectProvider ARN of cluster ${cluster.node.path}`;
  let issuerUrl = options.openIdConnectIssuerUrl;
  let issuerWhat: string | undefined;
  if (issuerUrl === undefined && providerArn !== undefined) {
    // The issuer is the provider ARN's path (aws-eks-v2 and aws-iam read it the same way).
    issuerUrl = `https://${provider?.openIdConnectProviderIssuer ?? providerIssuerOf(providerArn)}`;
    issuerWhat = `the issuer of ${providerWhat}`;
  }
  if (issuerUrl === undefined) {
    throwIdentityError(where, `cluster ${cluster.node.path} has no openIdConnectProvider and no issuer was given`,
      'pass openIdConnectIssuerUrl (and openIdConnectProviderArn) to IdentityCluster.fromCluster, or use IdentityCluster.fromClusterAttributes');
  }
  const verdict = checkImportedCluster(where, stack, {
    clusterName: cluster.clusterName,
    issuerUrl,
    issuerWhat,
    allowNonEksIssuer: options.allowNonEksIssuer,
    providerArn,
    providerWhat,
    clusterArn: cluster.clusterArn,
    fargateNamespaces: options.fargateNamespaces,
  })!;
  const issuer = verdict.issuer ?? issuerWithoutScheme(verdict.url);
  return new ImportedIdentityCluster(scope, id, {
    ...common,
    openIdConnectIssuerUrl: verdict.url,
    openIdConnectIssuer: issuer,
    openIdConnectProviderArn: providerArn ?? formatOidcProviderArn(stackPartition(stack), stack.account, issuer),
    autoMode: false,
    recordInTemplate: true,
    podIdentityAgentInstalled: options.podIdentityAgent,
    fargateNamespaces: options.fargateNamespaces ?? [],
    podIdentityUnavailableReason: regionPodIdentityProblem(stack)
      ?? (options.podIdentityAgent === false ? 'the eks-pod-identity-agent is not installed in the cluster (podIdentityAgent: false)' : undefined),
  });
}

/** The issuer (the path after `oidc-provider/`) of a provider ARN, also of a deploy-time one. */
function providerIssuerOf(providerArn: string): string {
  if (Token.isUnresolved(providerArn)) return Fn.select(1, Fn.split('oidc-provider/', providerArn));
  const parsed = parseIamArn(providerArn);
  return parsed?.resourceType === 'oidc-provider' ? parsed.resourceName : providerArn;
}
