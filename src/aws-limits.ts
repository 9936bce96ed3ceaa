/*
 * Published AWS limits and the longest forms of deploy-time values, shared by the constructs'
 * synth-time validation and the rule pack. Longest partition: `aws-us-gov`; longest region name:
 * `us-isof-south-1`; longest DNS suffix: `amazonaws.com.cn`.
 */

/** IAM's default quota for a role trust policy (characters without whitespace). */
export const TRUST_POLICY_DEFAULT_QUOTA = 2048;
/** IAM's maximum quota for a role trust policy, after a quota increase. */
export const TRUST_POLICY_MAX_QUOTA = 4096;
/** Longest IAM role name. */
export const MAX_ROLE_NAME_LENGTH = 64;
/** Most access policies on one `AWS::EKS::AccessEntry`. */
export const MAX_ACCESS_POLICIES_PER_ENTRY = 20;
/** Longest EKS cluster name. */
export const MAX_CLUSTER_NAME_LENGTH = 100;
/** Longest partition name. */
export const MAX_PARTITION_LENGTH = 10;
/** Longest region name. */
export const MAX_REGION_LENGTH = 15;
/** Longest DNS suffix. */
export const MAX_URL_SUFFIX_LENGTH = 16;
/** Length of an account id. */
export const ACCOUNT_ID_LENGTH = 12;
/** Length of the id at the end of an EKS OIDC issuer (hex characters). */
export const EKS_ISSUER_ID_LENGTH = 32;
