import * as kms from 'aws-cdk-lib/aws-kms';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { atLeast, CatalogEntryData, ControllerDefinition, EKS_POD_IDENTITY_ADDON_TABLE, keyArns, statement } from '../private/controller-definition';

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
 * Permissions, before v1.59.0: the AWS managed policy `service-role/AmazonEBSCSIDriverPolicy`,
 * which the driver's docs/install.md names from v1.12.0, plus, for customer managed keys, the two
 * statements of the EKS user guide's KMS policy (kms-key-for-encryption-on-ebs.json in "Store
 * Kubernetes volumes with Amazon EBS", latest/ug/storage/ebs-csi.adoc): grants limited to AWS
 * resources, and the data-key actions with `kms:ReEncrypt*`/`kms:GenerateDataKey*` spelled out.
 *
 * From v1.59.0: `AmazonEBSCSIDriverPolicyV2`, which docs/install.md names from that release (the
 * same document as its docs/AmazonEBSCSIDriverPolicyV2.json). It lets the driver change only
 * volumes and snapshots tagged `ebs.csi.aws.com/cluster: true` (the driver tags what it creates) or
 * CSI-migrated ones: tag statically provisioned volumes and snapshots, as install.md says. The
 * ARN is `arn:<partition>:iam::aws:policy/AmazonEBSCSIDriverPolicyV2` (the AWS managed policy
 * reference; install.md writes it with `service-role/`, which does not exist). For customer
 * managed keys, install.md's "Encrypted EBS Volumes via KMS" statement (`kms:Decrypt`,
 * `kms:GenerateDataKeyWithoutPlaintext`, `kms:CreateGrant`), scoped to the given keys.
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
  ranges: [
    { since: 'v1.12.0', change: 'AmazonEBSCSIDriverPolicy (named by docs/install.md from v1.12.0) and the EKS user guide\'s KMS statements' },
    {
      since: 'v1.59.0',
      change: 'AmazonEBSCSIDriverPolicyV2 (volumes and snapshots tagged ebs.csi.aws.com/cluster: true) and install.md\'s KMS statement, as docs/install.md names them from v1.59.0',
    },
  ],
  newestKnownVersion: 'v1.64.0',
  olderVersionsReason: 'the driver\'s docs name AmazonEBSCSIDriverPolicy from v1.12.0 on',
  podIdentity: { minimumVersion: 'v1.26.0', source: `${EKS_POD_IDENTITY_ADDON_TABLE}: v1.26.0-eksbuild.1` },
  narrowings: [
    {
      kind: NarrowingKind.ACTIONS_NARROWED,
      actions: ['kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      description: 'kms:ReEncrypt* and kms:GenerateDataKey* are spelled out (ReEncryptFrom, ReEncryptTo, GenerateDataKey, GenerateDataKeyWithoutPlaintext)',
    },
    {
      kind: NarrowingKind.RESOURCE_SCOPED,
      actions: ['kms:CreateGrant', 'kms:Decrypt', 'kms:GenerateDataKeyWithoutPlaintext'],
      description: 'from v1.59.0 the KMS statement applies to the given keys (install.md\'s example: every key of the account, "best practice to restrict the resource")',
    },
  ],
};

/** @internal */
export function ebsCsiDriverDefinition(options: EbsCsiDriverOptions): ControllerDefinition {
  return {
    entry: EBS_CSI_DRIVER,
    managedPolicyNames: (policyVersion: string) => [atLeast(policyVersion, 'v1.59.0') ? 'AmazonEBSCSIDriverPolicyV2' : 'service-role/AmazonEBSCSIDriverPolicy'],
    statements: (_scope, policyVersion: string) => {
      const keys = keyArns(options.kmsKeys);
      if (keys.length === 0) return [];
      if (atLeast(policyVersion, 'v1.59.0')) {
        return [statement('KmsForEncryptedVolumes', ['kms:CreateGrant', 'kms:Decrypt', 'kms:GenerateDataKeyWithoutPlaintext'], keys)];
      }
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
