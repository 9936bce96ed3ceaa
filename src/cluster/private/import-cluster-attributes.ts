import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { checkImportedCluster } from './imported-cluster-checks';
import { ImportedIdentityCluster } from './imported-identity-cluster';
import { issuerWithoutScheme } from './issuer-token';
import { regionPodIdentityProblem } from './pod-identity-availability';
import { formatClusterArn, formatOidcProviderArn } from '../../core/arn';
import { AuthenticationMode } from '../../core/authentication-mode';
import { ErrorScope } from '../../core/errors';
import { ClusterKubernetesObjects } from '../../k8s/cluster-kubernetes-objects';
import { stackPartition } from '../../private/stack-values';
import { IIdentityCluster } from '../i-identity-cluster';
import { IdentityClusterAttributes } from '../identity-cluster-attributes';

/** A cluster made elsewhere, from its attributes, each validated. */
export function importClusterAttributes(scope: Construct, id: string, attrs: IdentityClusterAttributes): IIdentityCluster {
  const stack = Stack.of(scope);
  // Errors name the path the imported cluster gets.
  const where: ErrorScope = { node: { path: `${scope.node.path}/${id}` } };
  const issuerVerdict = checkImportedCluster(where, stack, {
    clusterName: attrs.clusterName,
    issuerUrl: attrs.openIdConnectIssuerUrl,
    allowNonEksIssuer: attrs.allowNonEksIssuer,
    providerArn: attrs.openIdConnectProviderArn,
    clusterArn: attrs.clusterArn,
    fargateNamespaces: attrs.fargateNamespaces,
  })!;
  const issuerUrl = issuerVerdict.url;
  const issuer = issuerVerdict.issuer ?? issuerWithoutScheme(issuerUrl);
  const autoMode = attrs.autoMode ?? false;
  // Auto Mode has the agent built in; otherwise what the user says, or not known.
  const agentInstalled = autoMode ? true : attrs.podIdentityAgentInstalled;
  return new ImportedIdentityCluster(scope, id, {
    clusterName: attrs.clusterName,
    clusterArn: attrs.clusterArn ?? formatClusterArn(stackPartition(stack), stack.region, stack.account, attrs.clusterName),
    openIdConnectIssuerUrl: issuerUrl,
    openIdConnectIssuer: issuer,
    openIdConnectProviderArn: attrs.openIdConnectProviderArn ?? formatOidcProviderArn(stackPartition(stack), stack.account, issuer),
    authenticationMode: attrs.authenticationMode ?? AuthenticationMode.API,
    autoMode,
    podIdentityAgentInstalled: agentInstalled,
    fargateNamespaces: attrs.fargateNamespaces ?? [],
    podIdentityUnavailableReason: regionPodIdentityProblem(stack)
      ?? (agentInstalled === false ? 'the eks-pod-identity-agent is not installed in the cluster (podIdentityAgentInstalled: false)' : undefined),
    recordInTemplate: true,
    kubernetesObjects: (owner) => new ClusterKubernetesObjects(owner, 'KubernetesObjects', {
      delivery: attrs.kubernetesObjectsDelivery,
      kubectlCluster: attrs.kubectlCluster,
      clusterName: attrs.clusterName,
    }),
  });
}
