/**
 * A public document a catalog policy was written from: a file of a repository at a tag (or at a
 * commit, for documentation that is not tagged), an AWS managed policy version, or a page of AWS
 * documentation.
 */
export interface PolicySource {
  /**
   * The repository, `owner/name` on GitHub.
   * @default - not a repository file (see `url`)
   */
  readonly repository?: string;

  /**
   * The file in the repository.
   * @default - not a repository file
   */
  readonly path?: string;

  /**
   * The tag the file was read at.
   * @default - the repository is not tagged by controller version (documentation read at `commit`)
   */
  readonly tag?: string;

  /**
   * The commit the file was read at (the commit of `tag` when there is one).
   * @default - not a repository file
   */
  readonly commit?: string;

  /**
   * A page of public documentation.
   * @default - none besides the repository file
   */
  readonly url?: string;

  /**
   * The AWS managed policy and its version id, e.g. `AmazonEBSCSIDriverPolicy v3`, for a copy of
   * an AWS managed policy.
   * @default - not an AWS managed policy
   */
  readonly managedPolicyVersion?: string;

  /** The date the source was read for the catalog (`YYYY-MM-DD`). */
  readonly read: string;
}

/**
 * The controller versions one policy of a catalog entry applies to: from `since` up to (not
 * including) the `since` of the next range.
 */
export interface PolicyVersionRange {
  /** The first controller (or add-on) version of the range. */
  readonly since: string;

  /**
   * The first version of the next range.
   * @default - the newest range: it applies to every later version
   */
  readonly until?: string;

  /** What changed at `since`, e.g. `adds iam:ListInstanceProfiles`. */
  readonly change: string;

  /** The documents the policy of this range was written from. */
  readonly sources: PolicySource[];
}

/**
 * How a catalog policy may differ from the upstream policy it was written from.
 */
export enum NarrowingKind {
  /** Resources scoped further than upstream (to the stack's account and region, given zones, buckets, keys...). */
  RESOURCE_SCOPED = 'resource-scoped',
  /** A condition upstream does not have (e.g. a cluster tag). */
  CONDITION_ADDED = 'condition-added',
  /** An upstream condition replaced by a stricter one (e.g. "tag present" by "tag equals the cluster name"). */
  CONDITION_TIGHTENED = 'condition-tightened',
  /** An upstream wildcard action (e.g. `ssm:GetParameter*`) replaced by the actions it stands for that the controller calls. */
  ACTIONS_NARROWED = 'actions-narrowed',
  /** Upstream actions granted only when an option of the entry asks for them. */
  OPTIONAL = 'optional',
}

/**
 * One documented way a catalog policy is narrower than upstream's; the comparison test accepts
 * exactly these differences.
 */
export interface PolicyNarrowing {
  /** What kind of narrowing. */
  readonly kind: NarrowingKind;

  /** The actions it applies to (IAM action names; `*` matches any characters, e.g. `ec2:*`). */
  readonly actions: string[];

  /**
   * The AWS managed policies an `OPTIONAL` narrowing leaves out unless an option asks for them.
   * @default - none
   */
  readonly managedPolicies?: string[];

  /**
   * The condition keys the catalog adds or tightens to (for `CONDITION_ADDED` and
   * `CONDITION_TIGHTENED`; `*` matches any characters).
   * @default - none
   */
  readonly conditionKeys?: string[];

  /**
   * The upstream condition keys a `CONDITION_TIGHTENED` narrowing replaces.
   * @default - the same keys as `conditionKeys`
   */
  readonly replacesConditionKeys?: string[];

  /** Why, in a sentence. */
  readonly description: string;
}

/**
 * Whether and from which version a controller works with EKS Pod Identity.
 */
export interface PodIdentitySupport {
  /**
   * The first version that works with EKS Pod Identity.
   * @default - none: the controller works with IRSA only (see `unsupportedReason`)
   */
  readonly minimumVersion?: string;

  /** The evidence: an SDK version in the controller's go.mod at a tag, its documentation, a pull request. */
  readonly source: string;

  /**
   * Why the controller cannot use EKS Pod Identity at any version.
   * @default - it can, from `minimumVersion`
   */
  readonly unsupportedReason?: string;
}
