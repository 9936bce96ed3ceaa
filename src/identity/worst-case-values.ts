import { Token } from 'aws-cdk-lib';

/*
 * Placeholders for values only known at deploy time, each as long as the real value can be, so
 * the size of a trust document can be bounded at synth. Longest published partition:
 * `aws-us-gov` (10); longest region name: 15 (`us-isof-south-1`); longest DNS suffix: 16
 * (`amazonaws.com.cn`); EKS issuer ids are 32 hex characters; cluster names are at most 100
 * characters; role names at most 64.
 */
const PARTITION = 'x'.repeat(10);
const REGION = 'x'.repeat(15);
const ACCOUNT = '0'.repeat(12);
const ISSUER = `oidc.eks.${REGION}.${'x'.repeat(16)}/id/${'X'.repeat(32)}`;

function orWorstCase(value: string, worst: string): string {
  return Token.isUnresolved(value) ? worst : value;
}

/** @internal */
export function worstCaseIssuer(issuer: string): string {
  return orWorstCase(issuer, ISSUER);
}

/** @internal */
export function worstCaseOidcProviderArn(arn: string, issuer: string): string {
  return orWorstCase(arn, `arn:${PARTITION}:iam::${ACCOUNT}:oidc-provider/${worstCaseIssuer(issuer)}`);
}

/** @internal */
export function worstCaseClusterArn(arn: string): string {
  return orWorstCase(arn, `arn:${PARTITION}:eks:${REGION}:${ACCOUNT}:cluster/${'x'.repeat(100)}`);
}

/** @internal */
export function worstCaseRoleArn(arn: string): string {
  return orWorstCase(arn, `arn:${PARTITION}:iam::${ACCOUNT}:role/${'x'.repeat(64)}`);
}

/** @internal */
export function worstCaseAccount(account: string): string {
  return orWorstCase(account, ACCOUNT);
}

/** @internal */
export function worstCaseNamespace(namespace: string): string {
  return orWorstCase(namespace, 'x'.repeat(63));
}

/** @internal */
export function worstCaseServiceAccount(name: string): string {
  return orWorstCase(name, 'x'.repeat(253));
}
