import * as kms from 'aws-cdk-lib/aws-kms';
import { ControllerDefinition, statement } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

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
 * The Amazon EBS CSI driver (kubernetes-sigs/aws-ebs-csi-driver), EKS add-on `aws-ebs-csi-driver`.
 *
 * Permissions: the AWS managed policy `service-role/AmazonEBSCSIDriverPolicy`, plus, for customer
 * managed keys, the two KMS statements of the driver's install guide (docs/install.md, "KMS
 * encryption": grants limited to AWS resources, and the data-key actions) with the key ARNs as
 * resources and `kms:ReEncrypt*`/`kms:GenerateDataKey*` spelled out.
 *
 * Pod identity: from v1.26.0 (FACTS.md, AWS add-on compatibility table).
 * @internal
 */
export function ebsCsiDriverDefinition(options: EbsCsiDriverOptions): ControllerDefinition {
  return {
    name: 'Amazon EBS CSI driver',
    defaultNamespace: 'kube-system',
    defaultServiceAccountName: 'ebs-csi-controller-sa',
    managedPolicyNames: ['service-role/AmazonEBSCSIDriverPolicy'],
    policyVersion: 'aws-managed',
    minimumPodIdentityVersion: 'v1.26.0',
    addonName: 'aws-ebs-csi-driver',
    statements: () => {
      const keys = (options.kmsKeys ?? []).map((key) => key.keyArn);
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
