import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';
import { compareControllerVersions, parseControllerVersion } from './controller-version';
import { PodIdentitySupport, PolicyNarrowing, PolicyVersionRange } from '../policy-provenance';
import { UPSTREAM_SOURCES } from './upstream-sources';
import { accountProblem } from '../../core/arn';
import { throwIdentityError, throwIfProblem } from '../../core/errors';
import { stackPartition } from '../../private/stack-values';

/**
 * The facts of a catalog entry that do not depend on its inputs: what `ControllerIdentity.catalog()`
 * lists. Written by the controller's own file.
 * @internal
 */
export interface CatalogEntryData {
  /** Stable id, e.g. `aws-load-balancer-controller` (also the folder of its upstream copies in the tests). */
  readonly id: string;
  /** Display name, e.g. `AWS Load Balancer Controller`. */
  readonly name: string;
  /** The `ControllerIdentity` factory, e.g. `awsLoadBalancerController`. */
  readonly factory: string;
  /** The namespace of the install the defaults match; undefined when the user must name it. */
  readonly defaultNamespace?: string;
  /** The service account of the install the defaults match; undefined when the user must name it. */
  readonly defaultServiceAccountName?: string;
  /** Which install the defaults match, e.g. `the Helm chart eks/aws-load-balancer-controller`. */
  readonly defaultsMatch: string;
  /** The EKS add-on name, for controllers AWS ships as an add-on. */
  readonly addonName?: string;
  /** The policy ranges, oldest first: each applies from its `since` to the next one's. */
  readonly ranges: Array<{ readonly since: string; readonly change: string }>;
  /** The newest released version the catalog was checked against. */
  readonly newestKnownVersion: string;
  /** Why versions before the oldest range are not supported. */
  readonly olderVersionsReason: string;
  /** Pod identity support and its evidence. */
  readonly podIdentity: PodIdentitySupport;
  /** How the statements are narrower than upstream's (the comparison test accepts exactly these). */
  readonly narrowings: PolicyNarrowing[];
}

/**
 * Everything the catalog knows about one controller with its inputs, built by the controller's own
 * file.
 * @internal
 */
export interface ControllerDefinition {
  /** The input-independent facts. */
  readonly entry: CatalogEntryData;
  /** The namespace for these inputs, when it differs from the entry's default. */
  readonly namespace?: string;
  /** The service account for these inputs, when it differs from the entry's default. */
  readonly serviceAccountName?: string;
  /** AWS managed policies (names as `iam.ManagedPolicy.fromAwsManagedPolicyName` takes them) of a policy range. */
  readonly managedPolicyNames: (policyVersion: string) => string[];
  /** The permission statements of a policy range, built for the stack of `scope`. */
  readonly statements: (scope: IConstruct, policyVersion: string) => iam.PolicyStatement[];
}

/**
 * Whether the policy range `policyVersion` (a range's `since`) is `since` or later: how a
 * statement builder adds what a controller version started to need.
 * @internal
 */
export function atLeast(policyVersion: string, since: string): boolean {
  return compareControllerVersions(parseControllerVersion(policyVersion)!, parseControllerVersion(since)!) >= 0;
}

/**
 * The actions of `groups` whose version is at most `policyVersion`: `[['v2.5.0', [...]], ['v2.9.0', [...]]]`.
 * @internal
 */
export function actionsSince(policyVersion: string, groups: Array<[string, string[]]>): string[] {
  return groups.filter(([since]) => atLeast(policyVersion, since)).flatMap(([, actions]) => actions).sort();
}

/**
 * The entry's ranges with their sources and ends, as `ControllerIdentity.catalog()` lists them.
 * @internal
 */
export function policyRanges(entry: CatalogEntryData): PolicyVersionRange[] {
  return entry.ranges.map((range, i) => ({
    since: range.since,
    until: entry.ranges[i + 1]?.since,
    change: range.change,
    sources: [...(UPSTREAM_SOURCES[entry.id]?.[range.since] ?? [])],
  }));
}

/**
 * Where the statements of a controller point: partition, region and account of the stack that
 * holds the role, literal when the stack's environment is.
 * @internal
 */
export interface StatementTarget {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** @internal */
export function statementTarget(scope: IConstruct): StatementTarget {
  const stack = Stack.of(scope);
  return { partition: stackPartition(stack), region: stack.region, account: stack.account };
}

/**
 * An ARN `arn:<partition>:<service>:<region>:<account>:<resource>`; pass '' for global services.
 * @internal
 */
export function arn(target: StatementTarget, service: string, region: string, account: string, resource: string): string {
  return `arn:${target.partition}:${service}:${region}:${account}:${resource}`;
}

/**
 * A condition block: operator → key → value(s).
 * @internal
 */
export interface Conditions {
  [operator: string]: { [key: string]: string | string[] };
}

/**
 * Merges condition blocks; a key set twice under one operator is a programming error.
 * @internal
 */
export function mergeConditions(...blocks: Array<Conditions | undefined>): Conditions {
  const merged: Conditions = {};
  for (const block of blocks) {
    for (const [operator, keys] of Object.entries(block ?? {})) {
      merged[operator] = { ...merged[operator] };
      for (const [key, value] of Object.entries(keys)) {
        if (key in merged[operator]) throw new Error(`condition ${operator} ${key} is set twice`);
        merged[operator][key] = value;
      }
    }
  }
  return merged;
}

/**
 * A statement with a Sid (the catalog's statements are named so tests and reviews can refer to them).
 * @internal
 */
export function statement(sid: string, actions: string[], resources: string[], conditions?: Conditions): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    actions,
    resources,
    conditions: conditions && Object.keys(conditions).length > 0 ? conditions : undefined,
  });
}

const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

/**
 * Fails at synth unless `clusterName` is a literal EKS cluster name. Cluster names end up in
 * condition *keys* (`aws:ResourceTag/kubernetes.io/cluster/<name>`), which cannot hold a
 * deploy-time value.
 * @internal
 */
export function requireLiteralClusterName(scope: IConstruct, controller: string, clusterName: string): string {
  if (Token.isUnresolved(clusterName)) {
    throwIdentityError(scope, `the ${controller} catalog entry needs the cluster name as a literal (it becomes part of IAM condition keys), got a deploy-time value`,
      'pass the cluster name as a string, e.g. clusterName: \'myeks\'');
  }
  if (!CLUSTER_NAME.test(clusterName)) {
    throwIdentityError(scope, `'${clusterName}' is not a valid EKS cluster name`,
      'use 1-100 characters from [A-Za-z0-9_-], starting with a letter or digit');
  }
  return clusterName;
}

const HOSTED_ZONE_ID = /^[A-Z0-9]{1,32}$/;

/**
 * The hosted zone ARNs of `hostedZoneIds` (`Z123...` or `/hostedzone/Z123...`); fails at synth on
 * an empty list or an ID that is not one.
 * @internal
 */
export function hostedZoneArns(scope: IConstruct, controller: string, target: StatementTarget, hostedZoneIds: string[]): string[] {
  if (hostedZoneIds.length === 0) {
    throwIdentityError(scope, `the ${controller} catalog entry got no hosted zones`,
      'pass the IDs of the Route 53 hosted zones it may change, e.g. hostedZoneIds: [\'Z0123456789ABCDEFGHIJ\']');
  }
  return hostedZoneIds.map((given) => {
    const id = Token.isUnresolved(given) ? given : given.replace(/^\/hostedzone\//, '');
    if (!Token.isUnresolved(id) && !HOSTED_ZONE_ID.test(id)) {
      throwIdentityError(scope, `'${given}' is not a Route 53 hosted zone ID`,
        'use the zone ID (upper-case letters and digits, e.g. Z0123456789ABCDEFGHIJ), e.g. zone.hostedZoneId');
    }
    return arn(target, 'route53', '', '', `hostedzone/${id}`);
  });
}

/**
 * `accountIds`, failing at synth on one that is not a 12-digit AWS account ID.
 * @internal
 */
export function requireAccountIds(scope: IConstruct, controller: string, accountIds: string[]): string[] {
  for (const accountId of accountIds) {
    if (!Token.isUnresolved(accountId)) throwIfProblem(scope, accountProblem(accountId, `the account id given to the ${controller} catalog entry`));
  }
  return accountIds;
}

/**
 * What `requireArns` checks: the kind of ARN, its pattern and an example.
 * @internal
 */
export interface ArnKind {
  /** E.g. `Secrets Manager secret`. */
  readonly what: string;
  /** The article before `what`: `a` or `an`. */
  readonly article: string;
  /** A literal ARN must match this. */
  readonly pattern: RegExp;
  /** How to write one, e.g. `arn:<partition>:s3:::<bucket-name> (no object path), e.g. bucket.bucketArn`. */
  readonly example: string;
}

/**
 * `arns`, failing at synth when the list is empty (unless `allowEmpty`) or a literal ARN is not of
 * `kind` (deploy-time values are taken as they are).
 * @internal
 */
export function requireArns(scope: IConstruct, controller: string, kind: ArnKind, arns: string[], allowEmpty = false): string[] {
  if (arns.length === 0 && !allowEmpty) {
    throwIdentityError(scope, `the ${controller} catalog entry got no ${kind.what} ARNs`, `pass the ARNs it may use: ${kind.example}`);
  }
  for (const given of arns) {
    if (!Token.isUnresolved(given) && !kind.pattern.test(given)) {
      throwIdentityError(scope, `'${given}' is not ${kind.article} ${kind.what} ARN`, `use ${kind.example}`);
    }
  }
  return arns;
}

/** General purpose S3 buckets (no object path). @internal */
export const BUCKET: ArnKind = {
  what: 'S3 bucket',
  article: 'an',
  pattern: /^arn:[a-z-]+:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  example: 'arn:<partition>:s3:::<bucket-name> (no object path), e.g. bucket.bucketArn',
};

/** The ARNs of `keys` (KMS keys). @internal */
export function keyArns(keys: kms.IKey[] | undefined): string[] {
  return (keys ?? []).map((key) => key.keyArn);
}

/**
 * The EKS user guide's table of add-ons that support EKS Pod Identity, with their minimum versions.
 * @internal
 */
export const EKS_POD_IDENTITY_ADDON_TABLE = 'EKS user guide, "Pod Identity Support Reference" '
  + '(https://docs.aws.amazon.com/eks/latest/userguide/add-ons-iam.html#pod-id-add-on-versions; '
  + 'awsdocs/amazon-eks-user-guide latest/ug/workloads/add-ons-iam.adoc at f60041409f8255b59682a2ca39382a2278e0e38b)';
