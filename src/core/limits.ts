/*
 * Published AWS and Kubernetes limits, shared by the constructs' synth-time validation and the
 * rule pack. Sources: IAM quotas (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html),
 * the EKS API reference and CloudFormation resource schemas, the Kubernetes object name rules
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/).
 */

/** IAM's default quota for a role trust policy (characters without whitespace). */
export const TRUST_POLICY_DEFAULT_QUOTA = 2048;
/** IAM's maximum quota for a role trust policy, after a quota increase. */
export const TRUST_POLICY_MAX_QUOTA = 4096;
/** IAM's quota on the inline policies of one role, in total (characters without whitespace). */
export const INLINE_POLICIES_QUOTA = 10240;
/** IAM's default number of managed policies per role. */
export const MANAGED_POLICIES_DEFAULT_QUOTA = 10;
/** IAM's maximum number of managed policies per role, after a quota increase. */
export const MANAGED_POLICIES_MAX_QUOTA = 20;
/** Longest IAM role name. */
export const MAX_ROLE_NAME_LENGTH = 64;
/** Longest IAM path. */
export const MAX_IAM_PATH_LENGTH = 512;
/** Most access policies on one `AWS::EKS::AccessEntry`. */
export const MAX_ACCESS_POLICIES_PER_ENTRY = 20;
/** Most pod identity associations in one cluster (not adjustable). */
export const MAX_ASSOCIATIONS_PER_CLUSTER = 1000;
/** Longest EKS cluster name. */
export const MAX_CLUSTER_NAME_LENGTH = 100;
/** Longest partition name (`aws-us-gov`). */
export const MAX_PARTITION_LENGTH = 10;
/** Longest region name (`us-isof-south-1`). */
export const MAX_REGION_LENGTH = 15;
/** Longest DNS suffix (`amazonaws.com.cn`). */
export const MAX_URL_SUFFIX_LENGTH = 16;
/** Length of an account id. */
export const ACCOUNT_ID_LENGTH = 12;
/** Length of the id at the end of an EKS OIDC issuer (hex characters). */
export const EKS_ISSUER_ID_LENGTH = 32;
/** Longest CloudFormation stack name. */
export const MAX_STACK_NAME_LENGTH = 128;
/** Longest Kubernetes namespace name (a DNS-1123 label). */
export const MAX_NAMESPACE_LENGTH = 63;
/** Longest Kubernetes service account name (a DNS-1123 subdomain). */
export const MAX_SERVICE_ACCOUNT_NAME_LENGTH = 253;
/** Largest ConfigMap Kubernetes stores (its data, 1 MiB). */
export const MAX_CONFIG_MAP_BYTES = 1024 * 1024;
/** Shortest projected service account token lifetime Kubernetes accepts (seconds). */
export const MIN_TOKEN_EXPIRATION_SECONDS = 600;
