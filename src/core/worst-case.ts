import { textParts } from './deploy-time';
import {
  ACCOUNT_ID_LENGTH, EKS_ISSUER_ID_LENGTH, MAX_CLUSTER_NAME_LENGTH, MAX_NAMESPACE_LENGTH, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH,
  MAX_ROLE_NAME_LENGTH, MAX_SERVICE_ACCOUNT_NAME_LENGTH, MAX_STACK_NAME_LENGTH, MAX_URL_SUFFIX_LENGTH,
} from './limits';

/*
 * The size of a policy document IAM counts (characters other than whitespace) when some values
 * are only known at deploy time: each of them is counted at the longest value it can take. One
 * algorithm for the constructs (which see CDK tokens) and the rule pack (which sees template
 * placeholders); each side only says what kind of value a deploy-time part is.
 */

/** What a deploy-time value is, for its longest length. */
export enum DeployTimeKind {
  PARTITION = 'PARTITION',
  REGION = 'REGION',
  ACCOUNT = 'ACCOUNT',
  URL_SUFFIX = 'URL_SUFFIX',
  STACK_NAME = 'STACK_NAME',
  /** An OIDC issuer without `https://`. */
  ISSUER = 'ISSUER',
  /** An OIDC issuer URL with `https://`. */
  ISSUER_URL = 'ISSUER_URL',
  OIDC_PROVIDER_ARN = 'OIDC_PROVIDER_ARN',
  CLUSTER_NAME = 'CLUSTER_NAME',
  CLUSTER_ARN = 'CLUSTER_ARN',
  ROLE_NAME = 'ROLE_NAME',
  ROLE_ARN = 'ROLE_ARN',
  NAMESPACE = 'NAMESPACE',
  SERVICE_ACCOUNT = 'SERVICE_ACCOUNT',
  /** Anything else. */
  UNKNOWN = 'UNKNOWN',
}

const ISSUER = 'oidc.eks.'.length + MAX_REGION_LENGTH + 1 + MAX_URL_SUFFIX_LENGTH + '/id/'.length + EKS_ISSUER_ID_LENGTH;
const IAM_ARN_PREFIX = 'arn:'.length + MAX_PARTITION_LENGTH + ':iam::'.length + ACCOUNT_ID_LENGTH + 1;

/** Length assumed for a deploy-time value of unknown kind. */
export const UNKNOWN_VALUE_LENGTH = 256;

/** The longest value of each kind. */
export const WORST_CASE_LENGTH: { readonly [kind in DeployTimeKind]: number } = {
  [DeployTimeKind.PARTITION]: MAX_PARTITION_LENGTH,
  [DeployTimeKind.REGION]: MAX_REGION_LENGTH,
  [DeployTimeKind.ACCOUNT]: ACCOUNT_ID_LENGTH,
  [DeployTimeKind.URL_SUFFIX]: MAX_URL_SUFFIX_LENGTH,
  [DeployTimeKind.STACK_NAME]: MAX_STACK_NAME_LENGTH,
  [DeployTimeKind.ISSUER]: ISSUER,
  [DeployTimeKind.ISSUER_URL]: 'https://'.length + ISSUER,
  [DeployTimeKind.OIDC_PROVIDER_ARN]: IAM_ARN_PREFIX + 'oidc-provider/'.length + ISSUER,
  [DeployTimeKind.CLUSTER_NAME]: MAX_CLUSTER_NAME_LENGTH,
  [DeployTimeKind.CLUSTER_ARN]: 'arn:'.length + MAX_PARTITION_LENGTH + ':eks:'.length + MAX_REGION_LENGTH + 1 + ACCOUNT_ID_LENGTH
    + ':cluster/'.length + MAX_CLUSTER_NAME_LENGTH,
  [DeployTimeKind.ROLE_NAME]: MAX_ROLE_NAME_LENGTH,
  [DeployTimeKind.ROLE_ARN]: IAM_ARN_PREFIX + 'role/'.length + MAX_ROLE_NAME_LENGTH,
  [DeployTimeKind.NAMESPACE]: MAX_NAMESPACE_LENGTH,
  [DeployTimeKind.SERVICE_ACCOUNT]: MAX_SERVICE_ACCOUNT_NAME_LENGTH,
  [DeployTimeKind.UNKNOWN]: UNKNOWN_VALUE_LENGTH,
};

/** The longest ARN of a role whose name and path may be known (a deploy-time name counts at 64). */
export function worstCaseRoleArnLength(name?: string, path?: string): number {
  return IAM_ARN_PREFIX + 'role'.length + (path?.length ?? 1) + (name?.length ?? MAX_ROLE_NAME_LENGTH);
}

/**
 * The characters other than whitespace IAM counts in `text`, each deploy-time value counted at
 * `lengthOf(value)` (its longest), literal text as written.
 */
export function worstCaseSize(text: string, lengthOf: (deployTimeValue: string) => number): number {
  return textParts(text).reduce((size, part) => size + (part.deployTime ? lengthOf(part.text) : part.text.replace(/\s/g, '').length), 0);
}

/** Whether a size computed by `worstCaseSize` is exact (the text holds no deploy-time value). */
export function isExactSize(text: string): boolean {
  return textParts(text).every((p) => !p.deployTime);
}
