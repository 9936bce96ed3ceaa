import { Token } from 'aws-cdk-lib';
import {
  ACCOUNT_ID_LENGTH, EKS_ISSUER_ID_LENGTH, MAX_CLUSTER_NAME_LENGTH, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH,
  MAX_ROLE_NAME_LENGTH, MAX_URL_SUFFIX_LENGTH,
} from '../aws-limits';

/*
 * Placeholders for values only known at deploy time, each as long as the real value can be, so
 * the size of a trust document can be bounded at synth.
 */
const PARTITION = 'x'.repeat(MAX_PARTITION_LENGTH);
const REGION = 'x'.repeat(MAX_REGION_LENGTH);
const ACCOUNT = '0'.repeat(ACCOUNT_ID_LENGTH);
const ISSUER = `oidc.eks.${REGION}.${'x'.repeat(MAX_URL_SUFFIX_LENGTH)}/id/${'X'.repeat(EKS_ISSUER_ID_LENGTH)}`;

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
  return orWorstCase(arn, `arn:${PARTITION}:eks:${REGION}:${ACCOUNT}:cluster/${'x'.repeat(MAX_CLUSTER_NAME_LENGTH)}`);
}

/** @internal */
export function worstCaseRoleArn(arn: string): string {
  return orWorstCase(arn, `arn:${PARTITION}:iam::${ACCOUNT}:role/${'x'.repeat(MAX_ROLE_NAME_LENGTH)}`);
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
