import { Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ImportedIdentityCluster } from './imported-identity-cluster';
import { issuerWithoutScheme } from './issuer-token';
import { regionPodIdentityProblem } from './pod-identity-availability';
import { parseArn } from '../../core/arn';
import { AuthenticationMode } from '../../core/authentication-mode';
import { clusterNameProblem } from '../../core/cluster-name';
import { isKnown } from '../../core/deploy-time';
import { ErrorScope, throwIdentityError, throwIfProblem } from '../../core/errors';
import { fargateNamespaceProblem } from '../../core/kubernetes-names';
import { checkIssuerUrl, oidcProviderArnProblem } from '../../core/oidc-issuer';
import { ClusterKubernetesObjects } from '../../k8s/cluster-kubernetes-objects';
import { stackPartition } from '../../private/stack-values';
import { IIdentityCluster } from '../i-identity-cluster';
import { IdentityClusterAttributes } from '../identity-cluster-attributes';

/** A cluster made elsewhere, from its attributes, each validated. */
export function importClusterAttributes(scope: Construct, id: string, attrs: IdentityClusterAttributes): IIdentityCluster {
  const stack = Stack.of(scope);
  // Errors name the path the imported cluster gets.
  const where: ErrorScope = { node: { path: `${scope.node.path}/${id}` } };
  throwIfProblem(where, clusterNameProblem(attrs.clusterName, 'clusterName'));
  const issuerVerdict = checkIssuerUrl(attrs.openIdConnectIssuerUrl, {
    allowNonEksIssuer: attrs.allowNonEksIssuer,
    expectedRegion: Token.isUnresolved(stack.region) ? undefined : stack.region,
  });
  throwIfProblem(where, issuerVerdict.problem);
  const issuerUrl = issuerVerdict.url;
  const issuer = issuerVerdict.issuer ?? issuerWithoutScheme(issuerUrl);
  if (attrs.openIdConnectProviderArn !== undefined) {
    throwIfProblem(where, oidcProviderArnProblem(attrs.openIdConnectProviderArn, {
      issuer: issuerVerdict.issuer,
      account: Token.isUnresolved(stack.account) ? undefined : stack.account,
    }));
  }
  if (attrs.clusterArn !== undefined) validateClusterArn(where, attrs.clusterArn, attrs.clusterName, stack);
  for (const pattern of attrs.fargateNamespaces ?? []) throwIfProblem(where, fargateNamespaceProblem(pattern));
  const autoMode = attrs.autoMode ?? false;
  // Auto Mode has the agent built in; otherwise what the user says, or not known.
  const agentInstalled = autoMode ? true : attrs.podIdentityAgentInstalled;
  return new ImportedIdentityCluster(scope, id, {
    clusterName: attrs.clusterName,
    clusterArn: attrs.clusterArn ?? `arn:${stackPartition(stack)}:eks:${stack.region}:${stack.account}:cluster/${attrs.clusterName}`,
    openIdConnectIssuerUrl: issuerUrl,
    openIdConnectIssuer: issuer,
    openIdConnectProviderArn: attrs.openIdConnectProviderArn
      ?? `arn:${stackPartition(stack)}:iam::${stack.account}:oidc-provider/${issuer}`,
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

/** Fails at synth unless a cluster ARN is an EKS cluster ARN for `clusterName` (in the stack's account and region, when known). */
function validateClusterArn(where: ErrorScope, clusterArn: string, clusterName: string, stack: Stack): void {
  const fix = `give arn:<partition>:eks:<region>:<account>:cluster/${clusterName}, or leave clusterArn out to build it from the stack`;
  const parsed = parseArn(clusterArn);
  if (Token.isUnresolved(clusterArn) && !parsed) return;
  if (!parsed || parsed.service !== 'eks' || !parsed.resource.startsWith('cluster/')) {
    throwIdentityError(where, `clusterArn '${clusterArn}' is not an EKS cluster ARN`, fix);
  }
  const name = parsed.resource.slice('cluster/'.length);
  if (isKnown(name) && isKnown(clusterName) && name !== clusterName) {
    throwIdentityError(where, `clusterArn '${clusterArn}' names cluster '${name}', not clusterName '${clusterName}'`, fix);
  }
  for (const [part, value, expected] of [['account', parsed.account, stack.account], ['region', parsed.region, stack.region]]) {
    if (isKnown(value) && !Token.isUnresolved(expected) && value !== expected) {
      throwIdentityError(where, `clusterArn '${clusterArn}' is in ${part} ${value}, but the stack is in ${expected}`,
        'import the cluster into a stack of its account and region (pod identity associations and access entries are made there)');
    }
  }
}
