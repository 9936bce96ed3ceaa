import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';
import { throwIdentityError } from '../../core/errors';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { ArnKind, BUCKET, CatalogEntryData, ControllerDefinition, keyArns, requireArns, statement } from '../private/controller-definition';

/**
 * Inputs of the Mountpoint for Amazon S3 CSI driver entry.
 */
export interface MountpointS3CsiDriverOptions extends ControllerOptions {
  /**
   * ARNs of the general purpose buckets the driver mounts (`arn:aws:s3:::my-bucket`, e.g. `bucket.bucketArn`).
   * @default - none (then `directoryBucketArns` must name at least one bucket)
   */
  readonly bucketArns?: string[];

  /**
   * ARNs of the directory buckets (S3 Express One Zone) the driver mounts,
   * `arn:<partition>:s3express:<region>:<account>:bucket/<name>--<zone-id>--x-s3`. Mountpoint
   * reaches them through `s3express:CreateSession`, which grants every operation on the bucket
   * (Mountpoint's doc/CONFIGURATION.md, "Directory buckets"); `readOnly` does not narrow it.
   * @default - none
   */
  readonly directoryBucketArns?: string[];

  /**
   * Mount read-only: no `PutObject`, `DeleteObject` or `AbortMultipartUpload` on general purpose buckets.
   * @default false
   */
  readonly readOnly?: boolean;

  /**
   * KMS keys of buckets encrypted with SSE-KMS.
   * @default - none
   */
  readonly kmsKeys?: kms.IKey[];
}

const DIRECTORY_BUCKET: ArnKind = {
  what: 'S3 directory bucket',
  article: 'an',
  pattern: /^arn:[a-z-]+:s3express:[a-z0-9-]+:\d{12}:bucket\/[a-z0-9][a-z0-9.-]*--[a-z0-9-]+--x-s3$/,
  example: 'arn:<partition>:s3express:<region>:<account>:bucket/<name>--<zone-id>--x-s3',
};

/**
 * Mountpoint for Amazon S3 CSI driver (awslabs/mountpoint-s3-csi-driver), EKS add-on
 * `aws-mountpoint-s3-csi-driver`, with driver-level credentials: service account
 * `kube-system/s3-csi-driver-sa` of the add-on and the driver's Helm chart.
 *
 * Statements written from Mountpoint's IAM documentation (awslabs/mountpoint-s3,
 * doc/CONFIGURATION.md, "IAM permissions"): `s3:ListBucket` on the buckets, `s3:GetObject`,
 * `s3:PutObject`, `s3:AbortMultipartUpload` and `s3:DeleteObject` on their objects and
 * `s3express:CreateSession` on directory buckets, as mountpoint-s3-1.5.0 documents them (the
 * Mountpoint the driver bundles from v1.5.0, Dockerfile `MOUNTPOINT_VERSION`; the same through
 * mountpoint-s3-1.22.3, bundled by v2.7.0); and `kms:Decrypt` and `kms:GenerateDataKey` on the
 * keys of SSE-KMS buckets, which Mountpoint's documentation first spells out at mountpoint-s3-1.7.2
 * (bundled from v1.7.0). The KMS statements nevertheless apply to every version: they are what S3
 * requires of the caller for objects encrypted with SSE-KMS, not something a Mountpoint release
 * starts to call, and Mountpoint 1.5.0 already reads and writes buckets whose default encryption is
 * SSE-KMS ("Data encryption" at mountpoint-s3-1.5.0).
 *
 * Pod identity: from v2.0.0. The driver's docs/CONFIGURATION.md at v2.0.0 sets up driver-level
 * credentials with an EKS Pod Identity association for s3-csi-driver-sa; v1 mounts with IRSA only.
 * @internal
 */
export const MOUNTPOINT_S3_CSI_DRIVER: CatalogEntryData = {
  id: 'mountpoint-s3-csi-driver',
  name: 'Mountpoint for Amazon S3 CSI driver',
  factory: 'mountpointS3CsiDriver',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 's3-csi-driver-sa',
  defaultsMatch: 'the EKS add-on aws-mountpoint-s3-csi-driver (and the driver\'s Helm chart)',
  addonName: 'aws-mountpoint-s3-csi-driver',
  ranges: [{
    since: 'v1.5.0',
    change: 'Mountpoint 1.5.0 doc/CONFIGURATION.md, "IAM permissions" (general purpose and directory buckets); the SSE-KMS statements as '
      + 'Mountpoint 1.7.2 (bundled from v1.7.0) first writes them, for every version, since S3 requires them of any reader or writer of SSE-KMS objects',
  }],
  newestKnownVersion: 'v2.7.0',
  olderVersionsReason: 'the catalog\'s policy is Mountpoint 1.5.0\'s, the Mountpoint the driver bundles from v1.5.0',
  podIdentity: { minimumVersion: 'v2.0.0', source: 'awslabs/mountpoint-s3-csi-driver docs/CONFIGURATION.md at v2.0.0 (Pod Identity association for s3-csi-driver-sa)' },
  narrowings: [{
    kind: NarrowingKind.OPTIONAL,
    actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:DeleteObject', 'kms:GenerateDataKey'],
    description: 'with readOnly, no writes or deletes and no data keys',
  }],
};

/** @internal */
export function mountpointS3CsiDriverDefinition(options: MountpointS3CsiDriverOptions): ControllerDefinition {
  return {
    entry: MOUNTPOINT_S3_CSI_DRIVER,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct) => {
      const buckets = requireArns(scope, 'Mountpoint for Amazon S3 CSI driver', BUCKET, options.bucketArns ?? [], true);
      const directoryBuckets = requireArns(scope, 'Mountpoint for Amazon S3 CSI driver', DIRECTORY_BUCKET, options.directoryBucketArns ?? [], true);
      if (buckets.length + directoryBuckets.length === 0) {
        throwIdentityError(scope, 'the Mountpoint for Amazon S3 CSI driver catalog entry got no buckets',
          'pass the ARNs of the buckets it mounts, e.g. bucketArns: [bucket.bucketArn]');
      }
      const objectActions = options.readOnly ? ['s3:GetObject']
        : ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:PutObject'];
      const keys = keyArns(options.kmsKeys);
      return [
        ...(buckets.length === 0 ? [] : [
          statement('ListMountedBuckets', ['s3:ListBucket'], buckets),
          statement(options.readOnly ? 'ReadObjects' : 'ReadWriteObjects', objectActions, buckets.map((bucket) => `${bucket}/*`)),
        ]),
        ...(directoryBuckets.length === 0 ? [] : [statement('CreateDirectoryBucketSessions', ['s3express:CreateSession'], directoryBuckets)]),
        ...(keys.length > 0
          ? [statement('KmsForEncryptedObjects', options.readOnly ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey'], keys)]
          : []),
      ];
    },
  };
}
