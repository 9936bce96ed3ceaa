import * as kms from 'aws-cdk-lib/aws-kms';
import { CatalogEntryData, ControllerDefinition, EKS_POD_IDENTITY_ADDON_TABLE, keyArns, statement } from '../controller-definition';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';

/**
 * Inputs of the Amazon EBS CSI driver entry.
 */
export interface EbsCsiDriverOptions extends ControllerOptions {
  /**
   * Customer managed KMS keys that encrypt volumes (StorageClass `kmsKeyId`) or the account's
   * default EBS encryption key: the driver needs grants and data keys from them.
   * @default - none: volumes are unencrypted or use the AWS managed `aws/ebs` key
   */
  readonly kmsKeys?: kms.IKey[];
}

/**
 * The Amazon EBS CSI driver (kubernetes-sigs/aws-ebs-csi-driver), EKS add-on `aws-ebs-csi-driver`,
 * service account `kube-system/ebs-csi-controller-sa` of the add-on (and of the driver's Helm chart).
 *
 * Permissions: the AWS managed policy `service-role/AmazonEBSCSIDriverPolicy`, which the driver's
 * docs/install.md names from v1.12.0 and which AWS keeps current with the driver, plus, for
 * customer managed keys, the two statements of the EKS user guide's KMS policy
 * (kms-key-for-encryption-on-ebs.json in "Store Kubernetes volumes with Amazon EBS",
 * latest/ug/storage/ebs-csi.adoc): grants limited to AWS resources, and the data-key actions with
 * `kms:ReEncrypt*`/`kms:GenerateDataKey*` spelled out.
 *
 * Pod identity: from v1.26.0 (the EKS user guide's add-on table: v1.26.0-eksbuild.1).
 * @internal
 */
export const EBS_CSI_DRIVER: CatalogEntryData = {
  id: 'ebs-csi-driver',
  name: 'Amazon EBS CSI driver',
  factory: 'ebsCsiDriver',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'ebs-csi-controller-sa',
  defaultsMatch: 'the EKS add-on aws-ebs-csi-driver (and the driver\'s Helm chart, whose controller service account has the same name)',
  addonName: 'aws-ebs-csi-driver',
  ranges: [{ since: 'v1.12.0', change: 'AmazonEBSCSIDriverPolicy (named by docs/install.md from v1.12.0) and the EKS user guide\'s KMS statements' }],
  newestKnownVersion: 'v1.64.0',
  olderVersionsReason: 'the driver\'s docs name AmazonEBSCSIDriverPolicy from v1.12.0 on',
  podIdentity: { minimumVersion: 'v1.26.0', source: `${EKS_POD_IDENTITY_ADDON_TABLE}: v1.26.0-eksbuild.1` },
  narrowings: [{
    kind: NarrowingKind.ACTIONS_NARROWED,
    actions: ['kms:ReEncrypt*', 'kms:GenerateDataKey*'],
    description: 'kms:ReEncrypt* and kms:GenerateDataKey* are spelled out (ReEncryptFrom, ReEncryptTo, GenerateDataKey, GenerateDataKeyWithoutPlaintext)',
  }],
};

/** @internal */
export function ebsCsiDriverDefinition(options: EbsCsiDriverOptions): ControllerDefinition {
  return {
    entry: EBS_CSI_DRIVER,
    managedPolicyNames: () => ['service-role/AmazonEBSCSIDriverPolicy'],
    statements: () => {
      const keys = keyArns(options.kmsKeys);
      if (keys.length === 0) return [];
      return [
        statement('KmsGrantsForVolumes', ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'], keys,
          { Bool: { 'kms:GrantIsForAWSResource': 'true' } }),
        statement('KmsDataKeysForVolumes', [
          'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext',
          'kms:ReEncryptFrom', 'kms:ReEncryptTo',
        ], keys),
      ];
    },
  };
}
