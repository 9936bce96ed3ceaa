import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { actionsSince, arn, BUCKET, CatalogEntryData, ControllerDefinition, requireArns, statement, statementTarget } from '../private/controller-definition';

/**
 * Inputs of the Velero entry (Velero with the AWS plugin).
 */
export interface VeleroPluginForAwsOptions extends ControllerOptions {
  /** ARNs of the backup storage location buckets (`arn:aws:s3:::my-backups`, e.g. `bucket.bucketArn`). */
  readonly bucketArns: string[];

  /**
   * Velero takes EBS snapshots of volumes (VolumeSnapshotLocation with the AWS plugin): the EC2
   * snapshot and volume actions.
   * @default true
   */
  readonly volumeSnapshots?: boolean;
}

/**
 * Velero with the AWS plugin (vmware-tanzu/velero-plugin-for-aws), service account
 * `velero/velero-server` of the Velero Helm chart (vmware-tanzu/helm-charts, charts/velero:
 * `<fullname>-server`) installed as release `velero` in namespace `velero`. `velero install` names
 * it `velero` instead: pass `serviceAccountName: 'velero'` then.
 *
 * Statements written from velero-policy.json of the plugin's README (v1.9.0, v1.11.0): EC2 volume
 * and snapshot actions (Describe* take no resource; the others are scoped to volumes and snapshots
 * of the stack's account and region), object actions on the buckets' objects (`s3:PutObjectTagging`
 * from v1.11.0, for the BackupStorageLocation's `config.tagging`) and `s3:ListBucket` on the buckets.
 *
 * Pod identity: from v1.10.0, by its SDK: go.mod at v1.10.0 requires
 * github.com/aws/aws-sdk-go-v2/config v1.26.3 (v1.9.x: v1.18.42, which predates the EKS Pod
 * Identity credential provider of aws-sdk-go-v2, November 2023).
 * @internal
 */
export const VELERO_PLUGIN_FOR_AWS: CatalogEntryData = {
  id: 'velero-plugin-for-aws',
  name: 'Velero (AWS plugin)',
  factory: 'veleroPluginForAws',
  defaultNamespace: 'velero',
  defaultServiceAccountName: 'velero-server',
  defaultsMatch: 'the Velero Helm chart installed as release velero in namespace velero (velero install names it velero)',
  ranges: [
    { since: 'v1.9.0', change: 'velero-policy.json of the README at v1.9.0 (the same in v1.10)' },
    { since: 'v1.11.0', change: 'adds s3:PutObjectTagging' },
  ],
  newestKnownVersion: 'v1.13.2',
  olderVersionsReason: 'the catalog\'s copies of the plugin\'s policy start at v1.9.0, its first release on aws-sdk-go-v2',
  podIdentity: { minimumVersion: 'v1.10.0', source: 'go.mod at v1.10.0: github.com/aws/aws-sdk-go-v2/config v1.26.3 (v1.9.x: v1.18.42)' },
  narrowings: [
    {
      kind: NarrowingKind.RESOURCE_SCOPED,
      actions: ['ec2:CreateTags', 'ec2:CreateVolume', 'ec2:CreateSnapshot', 'ec2:DeleteSnapshot'],
      description: 'volume and snapshot changes are limited to volumes and snapshots of the stack\'s region (and account, for volumes); upstream: *',
    },
    {
      kind: NarrowingKind.OPTIONAL,
      actions: ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots', 'ec2:CreateTags', 'ec2:CreateVolume', 'ec2:CreateSnapshot', 'ec2:DeleteSnapshot'],
      description: 'the EC2 statements only with volumeSnapshots (the default)',
    },
  ],
};

/** @internal */
export function veleroPluginForAwsDefinition(options: VeleroPluginForAwsOptions): ControllerDefinition {
  return {
    entry: VELERO_PLUGIN_FOR_AWS,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct, policyVersion: string) => {
      const target = statementTarget(scope);
      const buckets = requireArns(scope, 'Velero', BUCKET, options.bucketArns);
      const volumes = arn(target, 'ec2', target.region, target.account, 'volume/*');
      const snapshots = arn(target, 'ec2', target.region, '', 'snapshot/*');
      return [
        ...(options.volumeSnapshots ?? true ? [
          statement('DescribeVolumesAndSnapshots', ['ec2:DescribeSnapshots', 'ec2:DescribeVolumes'], ['*']),
          statement('SnapshotAndRestoreVolumes', ['ec2:CreateSnapshot', 'ec2:CreateTags', 'ec2:CreateVolume', 'ec2:DeleteSnapshot'], [volumes, snapshots]),
        ] : []),
        statement('ReadWriteBackups', actionsSince(policyVersion, [
          ['v1.9.0', ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject']],
          ['v1.11.0', ['s3:PutObjectTagging']],
        ]), buckets.map((bucket) => `${bucket}/*`)),
        statement('ListBackupBuckets', ['s3:ListBucket'], buckets),
      ];
    },
  };
}
