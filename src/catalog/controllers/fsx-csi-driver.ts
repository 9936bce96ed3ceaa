import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { actionsSince, arn, BUCKET, CatalogEntryData, ControllerDefinition, requireArns, statement, statementTarget } from '../private/controller-definition';

/**
 * Inputs of the Amazon FSx for Lustre CSI driver entry.
 */
export interface FsxCsiDriverOptions extends ControllerOptions {
  /**
   * ARNs of the S3 buckets dynamically provisioned file systems link as data repositories
   * (StorageClass `s3ImportPath`/`s3ExportPath`).
   * @default - any bucket (`arn:<partition>:s3:::*`), as the driver's policy allows
   */
  readonly dataRepositoryBucketArns?: string[];
}

/**
 * The Amazon FSx for Lustre CSI driver (kubernetes-sigs/aws-fsx-csi-driver), EKS add-on
 * `aws-fsx-csi-driver`, service account `kube-system/fsx-csi-controller-sa` of the add-on and the
 * driver's Helm chart (charts/aws-fsx-csi-driver, `controller.serviceAccount`).
 *
 * Statements written from the policy of the driver's docs/install.md at v1.0.0 and v1.3.0: the
 * service-linked roles of FSx and of its S3 data repositories, `s3:ListBucket`, and
 * `fsx:CreateFileSystem`, `DeleteFileSystem`, `DescribeFileSystems`, `TagResource` (and from v1.3.0
 * `UpdateFileSystem`, for volume expansion). File system actions are scoped to file systems of
 * the stack's account and region, the service-linked roles to the stack's account.
 *
 * Pod identity: from v1.2.0, by its SDK: go.mod at v1.2.0 requires github.com/aws/aws-sdk-go
 * v1.50.21, past v1.47.11 (v1.1.0 has v1.47.4); v1.3.0 moved to aws-sdk-go-v2. The EKS add-on
 * authenticates through EKS Pod Identity (EKS user guide, "Deploy the FSx for Lustre driver").
 * @internal
 */
export const FSX_CSI_DRIVER: CatalogEntryData = {
  id: 'fsx-csi-driver',
  name: 'Amazon FSx for Lustre CSI driver',
  factory: 'fsxCsiDriver',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'fsx-csi-controller-sa',
  defaultsMatch: 'the EKS add-on aws-fsx-csi-driver and the driver\'s Helm chart (controller.serviceAccount, fsx-csi-controller-sa)',
  addonName: 'aws-fsx-csi-driver',
  ranges: [
    { since: 'v1.0.0', change: 'the policy of docs/install.md at v1.0.0' },
    { since: 'v1.3.0', change: 'adds fsx:UpdateFileSystem' },
  ],
  newestKnownVersion: 'v1.9.0',
  olderVersionsReason: 'the catalog\'s copies of the driver\'s policy start at v1.0.0',
  podIdentity: { minimumVersion: 'v1.2.0', source: 'go.mod at v1.2.0: github.com/aws/aws-sdk-go v1.50.21 (pod identity from v1.47.11)' },
  narrowings: [{
    kind: NarrowingKind.RESOURCE_SCOPED,
    actions: ['iam:CreateServiceLinkedRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 's3:ListBucket', 'fsx:CreateFileSystem', 'fsx:DeleteFileSystem',
      'fsx:TagResource', 'fsx:UpdateFileSystem'],
    description: 'service-linked roles of the stack\'s account, buckets (the given ones, or every bucket ARN), file systems of the stack\'s account and region (upstream: * and arn:aws:iam::*)',
  }],
};

/** @internal */
export function fsxCsiDriverDefinition(options: FsxCsiDriverOptions): ControllerDefinition {
  return {
    entry: FSX_CSI_DRIVER,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct, policyVersion: string) => {
      const target = statementTarget(scope);
      const buckets = options.dataRepositoryBucketArns === undefined ? [arn(target, 's3', '', '', '*')]
        : requireArns(scope, 'Amazon FSx for Lustre CSI driver', BUCKET, options.dataRepositoryBucketArns);
      const role = (path: string) => arn(target, 'iam', '', target.account, `role/aws-service-role/${path}`);
      return [
        statement('CreateDataRepositoryServiceLinkedRole', ['iam:AttachRolePolicy', 'iam:CreateServiceLinkedRole', 'iam:PutRolePolicy'],
          [role('s3.data-source.lustre.fsx.amazonaws.com/*')]),
        statement('CreateFsxServiceLinkedRole', ['iam:CreateServiceLinkedRole'], [role('fsx.amazonaws.com/*')],
          { StringLike: { 'iam:AWSServiceName': ['fsx.amazonaws.com'] } }),
        statement('ListDataRepositoryBuckets', ['s3:ListBucket'], buckets),
        statement('DescribeFileSystems', ['fsx:DescribeFileSystems'], ['*']),
        statement('ManageFileSystems', actionsSince(policyVersion, [
          ['v1.0.0', ['fsx:CreateFileSystem', 'fsx:DeleteFileSystem', 'fsx:TagResource']],
          ['v1.3.0', ['fsx:UpdateFileSystem']],
        ]), [arn(target, 'fsx', target.region, target.account, 'file-system/*')]),
      ];
    },
  };
}
