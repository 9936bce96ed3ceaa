import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { throwIdentityError } from '../core/errors';
import { stackPartition } from '../private/stack-values';

/**
 * Everything the catalog knows about one controller, built by the controller's own file.
 * @internal
 */
export interface ControllerDefinition {
  /** Display name, e.g. `AWS Load Balancer Controller`. */
  readonly name: string;
  /** The namespace the controller's chart or add-on installs into. */
  readonly defaultNamespace: string;
  /** The service account the controller's chart or add-on creates. */
  readonly defaultServiceAccountName: string;
  /** AWS managed policies, by name as `iam.ManagedPolicy.fromAwsManagedPolicyName` takes it. */
  readonly managedPolicyNames: string[];
  /** The controller version the statements were written from, or `aws-managed`. */
  readonly policyVersion: string;
  /** The first version that works with EKS Pod Identity. */
  readonly minimumPodIdentityVersion: string;
  /** The EKS add-on name, for controllers AWS ships as an add-on. */
  readonly addonName?: string;
  /** The permission statements, built for the stack of `scope`. */
  readonly statements: (scope: IConstruct) => iam.PolicyStatement[];
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
