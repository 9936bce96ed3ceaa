/*
 * How tightly a role's trust holds the service accounts that use it: the vocabulary of the trust
 * classifiers (`irsa-scope.ts` for IRSA subjects) and of the identity report and diff.
 */

/**
 * How tightly a role's trust is scoped to the service account that uses it.
 */
export enum TrustScope {
  /** IRSA: one exact `system:serviceaccount:<namespace>:<name>` subject. */
  EXACT_SUBJECT = 'EXACT_SUBJECT',
  /** IRSA: a `StringLike` pattern on the name inside one namespace (e.g. `app:job-*`). */
  NAME_PATTERN = 'NAME_PATTERN',
  /** IRSA: every service account of one namespace (`system:serviceaccount:<namespace>:*`). */
  NAMESPACE_WILDCARD = 'NAMESPACE_WILDCARD',
  /** IRSA: a pattern whose namespace part is a wildcard: service accounts of many namespaces. */
  ANY_NAMESPACE = 'ANY_NAMESPACE',
  /** IRSA: no `:sub` condition that requires a value (or a pattern such as `system:serviceaccount:*:*`): every service account of the cluster. */
  ANY_SERVICE_ACCOUNT = 'ANY_SERVICE_ACCOUNT',
  /** Pod identity: scoped to cluster, namespace and service account by session tag conditions. */
  SESSION_TAGS = 'SESSION_TAGS',
  /** Pod identity: some of the cluster, namespace and service account tags are not conditioned. */
  PARTIAL_SESSION_TAGS = 'PARTIAL_SESSION_TAGS',
  /** Pod identity: no tag conditions: any association in the account may use the role. */
  ANY_ASSOCIATION = 'ANY_ASSOCIATION',
  /** Pod identity: the association disables session tags, so the trust cannot be scoped. */
  SESSION_TAGS_DISABLED = 'SESSION_TAGS_DISABLED',
  /** The trust does not let this service account in (or an IRSA `:sub` value is no service account's subject): pods fail to get credentials. */
  NOT_TRUSTED = 'NOT_TRUSTED',
  /** The role is not defined in the templates, or its trust's conditions are only known at deploy time: the trust is unknown. */
  UNKNOWN = 'UNKNOWN',
}
