import { ControllerDefinition } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

/**
 * Inputs of the Amazon EFS CSI driver entry.
 */
export interface EfsCsiDriverOptions extends ControllerOptions {}

/**
 * The Amazon EFS CSI driver (kubernetes-sigs/aws-efs-csi-driver), EKS add-on `aws-efs-csi-driver`.
 * The identity is the controller's (`efs-csi-controller-sa`), which creates access points for
 * dynamic provisioning.
 *
 * Permissions: the AWS managed policy `service-role/AmazonEFSCSIDriverPolicy`, which already
 * conditions access point creation and deletion on the `efs.csi.aws.com/cluster` tag.
 *
 * Pod identity: from v2.0.5 (FACTS.md, AWS add-on compatibility table).
 * @internal
 */
export function efsCsiDriverDefinition(_options: EfsCsiDriverOptions): ControllerDefinition {
  return {
    name: 'Amazon EFS CSI driver',
    defaultNamespace: 'kube-system',
    defaultServiceAccountName: 'efs-csi-controller-sa',
    managedPolicyNames: ['service-role/AmazonEFSCSIDriverPolicy'],
    policyVersion: 'aws-managed',
    minimumPodIdentityVersion: 'v2.0.5',
    addonName: 'aws-efs-csi-driver',
    statements: () => [],
  };
}
