import { ControllerOptions } from '../controller-options';
import { CatalogEntryData, ControllerDefinition, EKS_POD_IDENTITY_ADDON_TABLE } from '../private/controller-definition';

/**
 * Inputs of the Amazon EFS CSI driver entry (its controller).
 */
export interface EfsCsiDriverOptions extends ControllerOptions {}

/**
 * The Amazon EFS CSI driver's controller (kubernetes-sigs/aws-efs-csi-driver), EKS add-on
 * `aws-efs-csi-driver`, service account `kube-system/efs-csi-controller-sa` of the add-on and the
 * driver's Helm chart; it creates access points for dynamic provisioning. The node DaemonSet has
 * its own entry, `ControllerIdentity.efsCsiNode()`.
 *
 * Permissions: the AWS managed policy `service-role/AmazonEFSCSIDriverPolicy` (EKS user guide,
 * "Store an elastic file system with Amazon EFS", latest/ug/storage/efs-csi.adoc), which already
 * conditions access point creation and deletion on the `efs.csi.aws.com/cluster` tag; the driver's
 * docs/iam-policy-create.md names the same policy for EFS through v3.4.1. Amazon S3 Files volumes
 * (v3.0.0 and later) also need `service-role/AmazonS3FilesCSIDriverPolicy` (docs/iam-policy-create.md
 * at v3.0.1) and, from v3.3.0, `AmazonS3FilesClientFullAccess`, which the entry does not attach:
 * pass them with `managedPolicies`.
 *
 * Pod identity: from v2.0.5 (the EKS user guide's add-on table: v2.0.5-eksbuild.1).
 * @internal
 */
export const EFS_CSI_DRIVER: CatalogEntryData = {
  id: 'efs-csi-driver',
  name: 'Amazon EFS CSI driver',
  factory: 'efsCsiDriver',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'efs-csi-controller-sa',
  defaultsMatch: 'the EKS add-on aws-efs-csi-driver (and the driver\'s Helm chart, whose controller service account has the same name)',
  addonName: 'aws-efs-csi-driver',
  ranges: [{ since: 'v2.0.0', change: 'AmazonEFSCSIDriverPolicy, as the EKS user guide attaches it' }],
  newestKnownVersion: 'v3.4.1',
  olderVersionsReason: 'the catalog covers the 2.x and 3.x drivers (v2.0.0 and later)',
  podIdentity: { minimumVersion: 'v2.0.5', source: `${EKS_POD_IDENTITY_ADDON_TABLE}: v2.0.5-eksbuild.1` },
  narrowings: [],
};

/** @internal */
export function efsCsiDriverDefinition(_options: EfsCsiDriverOptions): ControllerDefinition {
  return {
    entry: EFS_CSI_DRIVER,
    managedPolicyNames: () => ['service-role/AmazonEFSCSIDriverPolicy'],
    statements: () => [],
  };
}
