import { Stack, Token } from 'aws-cdk-lib';
import { parseArn } from '../../core/arn';
import { clusterNameProblem } from '../../core/cluster-name';
import { isKnown } from '../../core/deploy-time';
import { ErrorScope, throwIdentityError, throwIfProblem } from '../../core/errors';
import { fargateNamespaceProblem } from '../../core/kubernetes-names';
import { checkIssuerUrl, IssuerVerdict, oidcProviderArnProblem } from '../../core/oidc-issuer';
import { knownPartition } from '../../private/stack-values';

/**
 * What a cluster made elsewhere (or wrapped) says about itself, as `fromClusterAttributes` and
 * `fromCluster` get it. Values may hold tokens; their literal parts are judged.
 */
export interface ImportedClusterValues {
  readonly clusterName: string;
  /** The issuer URL, given or read from the cluster's provider; undefined when only known to the cluster construct. */
  readonly issuerUrl?: string;
  /** How the issuer URL is named in messages. @default 'openIdConnectIssuerUrl' */
  readonly issuerWhat?: string;
  readonly allowNonEksIssuer?: boolean;
  readonly providerArn?: string;
  /** How the provider ARN is named in messages. @default 'openIdConnectProviderArn' */
  readonly providerWhat?: string;
  readonly clusterArn?: string;
  readonly fargateNamespaces?: string[];
}

function known(value: string): string | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}

/**
 * The checks every imported cluster gets, `fromClusterAttributes` and `fromCluster` alike: the
 * cluster name, the issuer (https, no query or fragment, an EKS issuer of the stack's region
 * unless `allowNonEksIssuer`), the OIDC provider ARN (an `oidc-provider` ARN of the stack's account
 * and partition whose path is the issuer), the cluster ARN (names the cluster, in the stack's
 * account and region) and the Fargate namespaces. Fails at synth naming `where`; returns the
 * verdict on the issuer (its normalised form) when there is one.
 */
export function checkImportedCluster(where: ErrorScope, stack: Stack, values: ImportedClusterValues): IssuerVerdict | undefined {
  throwIfProblem(where, clusterNameProblem(values.clusterName, 'clusterName'));
  const providerOptions = {
    account: known(stack.account),
    partition: knownPartition(stack),
    ...(values.providerWhat !== undefined ? { what: values.providerWhat } : {}),
  };
  // The provider ARN's own shape first: the issuer may have been read from it.
  if (values.providerArn !== undefined) throwIfProblem(where, oidcProviderArnProblem(values.providerArn, providerOptions));
  let verdict: IssuerVerdict | undefined;
  if (values.issuerUrl !== undefined) {
    verdict = checkIssuerUrl(values.issuerUrl, {
      allowNonEksIssuer: values.allowNonEksIssuer,
      expectedRegion: known(stack.region),
      ...(values.issuerWhat !== undefined ? { what: values.issuerWhat } : {}),
    });
    throwIfProblem(where, verdict.problem);
  }
  if (values.providerArn !== undefined) {
    throwIfProblem(where, oidcProviderArnProblem(values.providerArn, { ...providerOptions, issuer: verdict?.issuer }));
  }
  if (values.clusterArn !== undefined) validateClusterArn(where, values.clusterArn, values.clusterName, stack);
  for (const pattern of values.fargateNamespaces ?? []) throwIfProblem(where, fargateNamespaceProblem(pattern));
  return verdict;
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
