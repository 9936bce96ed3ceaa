import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { atLeast, CatalogEntryData, ControllerDefinition } from '../private/controller-definition';

/**
 * Inputs of the Amazon EFS CSI driver node entry.
 */
export interface EfsCsiNodeOptions extends ControllerOptions {
  /**
   * The cluster mounts Amazon S3 Files volumes: the node reads objects straight from their buckets
   * (`AmazonS3ReadOnlyAccess`, as the driver's docs attach it) and, from v3.3.0, mounts and writes
   * the file systems (`AmazonS3FilesClientFullAccess`).
   * @default false
   */
  readonly s3Files?: boolean;
}

/**
 * The Amazon EFS CSI driver's node DaemonSet (kubernetes-sigs/aws-efs-csi-driver), service account
 * `kube-system/efs-csi-node-sa` of the EKS add-on `aws-efs-csi-driver` and of the driver's Helm
 * chart (charts/aws-efs-csi-driver/values.yaml, `node.serviceAccount.name`).
 *
 * Permissions: the AWS managed policies docs/iam-policy-create.md (v3.0.1, "Create the node IAM
 * role") attaches to the node role: `AmazonElasticFileSystemsUtils` (efs-utils publishes its mount
 * logs to CloudWatch) and, for Amazon S3 Files, `AmazonS3ReadOnlyAccess`; from v3.3.0 the same
 * document also attaches `AmazonS3FilesClientFullAccess` for S3 Files (`s3files:ClientMount`,
 * `ClientWrite`, `ClientRootAccess`). That addition was a documentation change (a7f33db2) with no
 * change to the driver's code: an S3 Files user on v3.0.1 to v3.2.x whose mounts are refused adds
 * it with `managedPolicies`. Before v3.0.1 the driver's docs give the node service account no role
 * of its own.
 *
 * Pod identity: from v3.0.1, the first release whose docs associate a role with efs-csi-node-sa
 * through an EKS Pod Identity association (docs/iam-policy-create.md at v3.0.1).
 * @internal
 */
export const EFS_CSI_NODE: CatalogEntryData = {
  id: 'efs-csi-node',
  name: 'Amazon EFS CSI driver node',
  factory: 'efsCsiNode',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'efs-csi-node-sa',
  defaultsMatch: 'the node DaemonSet of the EKS add-on aws-efs-csi-driver and of the driver\'s Helm chart (node.serviceAccount.name)',
  ranges: [
    { since: 'v3.0.1', change: 'docs/iam-policy-create.md at v3.0.1: AmazonElasticFileSystemsUtils and AmazonS3ReadOnlyAccess for the node role' },
    { since: 'v3.3.0', change: 'adds AmazonS3FilesClientFullAccess for S3 Files volumes (a documentation change, a7f33db2)' },
  ],
  newestKnownVersion: 'v3.4.1',
  olderVersionsReason: 'before v3.0.1 the driver\'s docs give the node service account no role of its own',
  podIdentity: { minimumVersion: 'v3.0.1', source: 'kubernetes-sigs/aws-efs-csi-driver docs/iam-policy-create.md at v3.0.1 (create-pod-identity-association --service-account efs-csi-node-sa)' },
  narrowings: [{
    kind: NarrowingKind.OPTIONAL,
    actions: [],
    managedPolicies: ['AmazonS3FilesClientFullAccess', 'AmazonS3ReadOnlyAccess'],
    description: 'AmazonS3ReadOnlyAccess and AmazonS3FilesClientFullAccess (for Amazon S3 Files volumes) only with s3Files: true',
  }],
};

/** @internal */
export function efsCsiNodeDefinition(options: EfsCsiNodeOptions): ControllerDefinition {
  return {
    entry: EFS_CSI_NODE,
    managedPolicyNames: (policyVersion: string) => [
      ...(options.s3Files && atLeast(policyVersion, 'v3.3.0') ? ['AmazonS3FilesClientFullAccess'] : []),
      ...(options.s3Files ? ['AmazonS3ReadOnlyAccess'] : []),
      'AmazonElasticFileSystemsUtils',
    ],
    statements: () => [],
  };
}
