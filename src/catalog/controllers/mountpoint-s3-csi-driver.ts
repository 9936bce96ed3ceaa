import { Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';
import { throwIdentityError } from '../../core/errors';
import { ControllerDefinition, statement } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

/**
 * Inputs of the Mountpoint for Amazon S3 CSI driver entry.
 */
export interface MountpointS3CsiDriverOptions extends ControllerOptions {
  /**
   * ARNs of the buckets the driver mounts (`arn:aws:s3:::my-bucket`, e.g. `bucket.bucketArn`).
   */
  readonly bucketArns: string[];

  /**
   * Mount read-only: no `PutObject`, `DeleteObject` or `AbortMultipartUpload`.
   * @default false
   */
  readonly readOnly?: boolean;

  /**
   * KMS keys of buckets encrypted with SSE-KMS.
   * @default - none
   */
  readonly kmsKeys?: kms.IKey[];
}

const BUCKET_ARN = /^arn:[a-z-]+:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Mountpoint for Amazon S3 CSI driver (awslabs/mountpoint-s3-csi-driver), EKS add-on
 * `aws-mountpoint-s3-csi-driver`, with driver-level credentials (`s3-csi-driver-sa`).
 *
 * Statements written from Mountpoint's IAM documentation (awslabs/mountpoint-s3,
 * doc/CONFIGURATION.md, "IAM permissions": `s3:ListBucket` on the buckets, `s3:GetObject`,
 * `s3:PutObject`, `s3:AbortMultipartUpload` and `s3:DeleteObject` on their objects; `kms:Decrypt`
 * and `kms:GenerateDataKey` for SSE-KMS buckets), matching v2.0.0.
 *
 * Pod identity: from v2.0.0 (FACTS.md: "Mountpoint S3 CSI v2" per the driver's own docs).
 * @internal
 */
export function mountpointS3CsiDriverDefinition(options: MountpointS3CsiDriverOptions): ControllerDefinition {
  return {
    name: 'Mountpoint for Amazon S3 CSI driver',
    defaultNamespace: 'kube-system',
    defaultServiceAccountName: 's3-csi-driver-sa',
    managedPolicyNames: [],
    policyVersion: 'v2.0.0',
    minimumPodIdentityVersion: 'v2.0.0',
    addonName: 'aws-mountpoint-s3-csi-driver',
    statements: (scope: IConstruct) => {
      const buckets = validBucketArns(scope, options.bucketArns);
      const objectActions = options.readOnly ? ['s3:GetObject']
        : ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:PutObject'];
      const keys = (options.kmsKeys ?? []).map((key) => key.keyArn);
      return [
        statement('ListMountedBuckets', ['s3:ListBucket'], buckets),
        statement(options.readOnly ? 'ReadObjects' : 'ReadWriteObjects', objectActions, buckets.map((bucket) => `${bucket}/*`)),
        ...(keys.length > 0
          ? [statement('KmsForEncryptedObjects', options.readOnly ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey'], keys)]
          : []),
      ];
    },
  };
}

function validBucketArns(scope: IConstruct, bucketArns: string[]): string[] {
  if (bucketArns.length === 0) {
    throwIdentityError(scope, 'the Mountpoint for Amazon S3 CSI driver catalog entry got no buckets',
      'pass the ARNs of the buckets it mounts, e.g. bucketArns: [bucket.bucketArn]');
  }
  for (const bucketArn of bucketArns) {
    if (!Token.isUnresolved(bucketArn) && !BUCKET_ARN.test(bucketArn)) {
      throwIdentityError(scope, `'${bucketArn}' is not an S3 bucket ARN`,
        'use arn:<partition>:s3:::<bucket-name> (no object path), e.g. bucket.bucketArn');
    }
  }
  return bucketArns;
}
