import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { throwIdentityError } from '../../core/errors';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { arn, CatalogEntryData, ControllerDefinition, statement, statementTarget } from '../private/controller-definition';

/**
 * Inputs of the AWS for Fluent Bit entry (its CloudWatch Logs output).
 */
export interface AwsForFluentBitOptions extends ControllerOptions {
  /**
   * Names of the log groups Fluent Bit writes to (`cloudWatchLogs.logGroupName`; a `*` matches
   * templated names, e.g. `/aws/eks/myeks/*`).
   * @default - every log group of the stack's account and region
   */
  readonly logGroupNames?: string[];
}

const LOG_GROUP_NAME = /^[\w./#*-]{1,512}$/;

/**
 * AWS for Fluent Bit (aws/aws-for-fluent-bit) with the CloudWatch Logs output (`cloudwatch_logs`),
 * service account `kube-system/aws-for-fluent-bit` of the Helm chart eks/aws-for-fluent-bit
 * installed as release `aws-for-fluent-bit` in `kube-system` (aws/eks-charts, the chart's README).
 * Other outputs (Firehose, Kinesis, S3, OpenSearch) need permissions of their own: add them with
 * `statements`.
 *
 * Statements written from the permissions of Fluent Bit's CloudWatch output
 * (fluent/fluent-bit-docs, pipeline/outputs/cloudwatch.md, "Permissions": `logs:CreateLogStream`,
 * `logs:CreateLogGroup`, `logs:PutLogEvents`, `logs:PutRetentionPolicy`), scoped to log groups (and
 * their streams) of the stack's account and region.
 *
 * Unversioned source: Fluent Bit's documentation has no release tags, and AWS for Fluent Bit does
 * not document the permissions itself, so the single range is read from the documentation at a
 * commit (82ab6afe68f4, 2026-05-28, still the file's last change at f92ae08080ee, 2026-08-20), not
 * at a release. It applies to every release from v2.32.0 on the assumption, which no tag can
 * confirm, that the CloudWatch output has asked for these four actions throughout.
 *
 * Pod identity: from v2.32.5 (aws/aws-for-fluent-bit#888, "Release 2.32.5": adds the EKS Pod
 * Identity credential provider, from fluent/fluent-bit#9696). Earlier releases (Fluent Bit 1.9)
 * read only IRSA, ECS and instance credentials (aws/aws-for-fluent-bit#784).
 * @internal
 */
export const AWS_FOR_FLUENT_BIT: CatalogEntryData = {
  id: 'aws-for-fluent-bit',
  name: 'AWS for Fluent Bit',
  factory: 'awsForFluentBit',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'aws-for-fluent-bit',
  defaultsMatch: 'the Helm chart eks/aws-for-fluent-bit installed as release aws-for-fluent-bit in kube-system (the chart\'s README)',
  ranges: [{
    since: 'v2.32.0',
    change: 'the CloudWatch output\'s permissions from fluent/fluent-bit-docs at commit 82ab6afe68f4 (2026-05-28): the docs have no release tags, so the range rests on no release\'s copy',
  }],
  newestKnownVersion: 'v3.2.2',
  olderVersionsReason: 'the catalog covers the 2.32 and 3.x releases (its source, Fluent Bit\'s unversioned documentation, names no release)',
  podIdentity: { minimumVersion: 'v2.32.5', source: 'aws/aws-for-fluent-bit#888 (release 2.32.5 adds EKS Pod Identity credentials; fluent/fluent-bit#9696)' },
  narrowings: [{
    kind: NarrowingKind.RESOURCE_SCOPED,
    actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:PutRetentionPolicy'],
    description: 'log groups (given, or all) and their streams of the stack\'s account and region (upstream: *)',
  }],
};

/** @internal */
export function awsForFluentBitDefinition(options: AwsForFluentBitOptions): ControllerDefinition {
  return {
    entry: AWS_FOR_FLUENT_BIT,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct) => {
      const target = statementTarget(scope);
      const names = options.logGroupNames ?? ['*'];
      if (names.length === 0) {
        throwIdentityError(scope, 'the AWS for Fluent Bit catalog entry got an empty logGroupNames', 'name the log groups it writes to, or leave logGroupNames unset for all');
      }
      for (const name of names) {
        if (!Token.isUnresolved(name) && !LOG_GROUP_NAME.test(name)) {
          throwIdentityError(scope, `'${name}' is not a CloudWatch Logs log group name`, 'use 1-512 characters from [A-Za-z0-9_./#-] (and * to match several)');
        }
      }
      const logGroup = (name: string) => arn(target, 'logs', target.region, target.account, `log-group:${name}`);
      return [
        statement('CreateLogGroups', ['logs:CreateLogGroup', 'logs:PutRetentionPolicy'], names.map(logGroup)),
        statement('WriteLogStreams', ['logs:CreateLogStream', 'logs:PutLogEvents'], names.map((name) => `${logGroup(name)}:log-stream:*`)),
      ];
    },
  };
}
