import { Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';
import { ControllerIdentity } from './controller-identity';
import type { IIdentityCluster } from '../cluster/i-identity-cluster';
import { throwIdentityError } from '../core/errors';
import { IdentityMode } from '../core/identity-mode';
import { WorkloadIdentity } from '../identity/workload-identity';

/**
 * How EKS resolves differences between the add-on's configuration and what is in the cluster
 * (`ResolveConflicts` of `AWS::EKS::Addon`).
 */
export enum AddonConflictResolution {
  /** Leave differing values alone; creating the add-on over a self-managed install may fail. */
  NONE = 'NONE',
  /** Replace differing values with the add-on's (what you want when the add-on is managed as code). */
  OVERWRITE = 'OVERWRITE',
  /** Keep differing values on update. */
  PRESERVE = 'PRESERVE',
}

/**
 * Properties of {@link ControllerAddon}.
 */
export interface ControllerAddonProps {
  /** The cluster the add-on is installed in. */
  readonly cluster: IIdentityCluster;

  /**
   * The catalog entry of an EKS add-on (one with an `addonName`, e.g. `ControllerIdentity.vpcCni()`).
   * Its `version` is the add-on version installed.
   */
  readonly controller: ControllerIdentity;

  /**
   * How the add-on's service account gets credentials. `AUTO` picks pod identity when the add-on
   * version and the cluster support it.
   * @default IdentityMode.AUTO
   */
  readonly mode?: IdentityMode;

  /**
   * Name of the role.
   * @default - a deterministic name derived from the construct path
   */
  readonly roleName?: string;

  /**
   * The add-on's configuration values (`aws eks describe-addon-configuration` shows the schema).
   * @default - the add-on's defaults
   */
  readonly configurationValues?: { [key: string]: any };

  /**
   * How EKS resolves conflicts with what is already in the cluster.
   * @default AddonConflictResolution.OVERWRITE
   */
  readonly resolveConflicts?: AddonConflictResolution;

  /**
   * Keep the add-on's software in the cluster when the add-on resource is deleted.
   * @default false
   */
  readonly preserveOnDelete?: boolean;
}

/**
 * An EKS managed add-on (`AWS::EKS::Addon`) with its identity wired in from the controller
 * catalog: for pod identity the add-on owns the association (`PodIdentityAssociations`, so no
 * separate `AWS::EKS::PodIdentityAssociation`), for IRSA it gets `ServiceAccountRoleArn`. The
 * add-on creates its service account, so none is written into the cluster's chart.
 *
 * @example
 * new ControllerAddon(this, 'EbsCsi', {
 *   cluster,
 *   controller: ControllerIdentity.ebsCsiDriver({ version: 'v1.45.0-eksbuild.2' }),
 * });
 */
export class ControllerAddon extends Construct {
  /** The add-on. */
  public readonly addon: eks.CfnAddon;
  /** The add-on's identity: its role, mode and grants (`bucket.grantRead(addon.identity)`). */
  public readonly identity: WorkloadIdentity;
  /** The add-on name, e.g. `vpc-cni`. */
  public readonly addonName: string;

  constructor(scope: Construct, id: string, props: ControllerAddonProps) {
    super(scope, id);
    const controller = props.controller;
    if (controller.addonName === undefined) {
      throwIdentityError(this, `${controller.name} is not an EKS add-on`,
        'install it with its Helm chart and give it an identity with WorkloadIdentity (controller: ...) or cluster.addWorkloadIdentity');
    }
    if (!controller.usesDefaultServiceAccount) {
      throwIdentityError(this, `the ${controller.addonName} add-on runs as its own service account, not ${controller.namespace}/${controller.serviceAccountName}`,
        'leave namespace and serviceAccountName of the catalog entry unset for an add-on');
    }
    this.addonName = controller.addonName;

    this.identity = new WorkloadIdentity(this, 'Identity', {
      cluster: props.cluster,
      controller,
      mode: props.mode,
      roleName: props.roleName,
      createServiceAccount: false,
      createAssociation: false,
    });
    const podIdentity = this.identity.mode === IdentityMode.POD_IDENTITY;

    this.addon = new eks.CfnAddon(this, 'Resource', {
      addonName: this.addonName,
      addonVersion: controller.version,
      clusterName: props.cluster.clusterName,
      podIdentityAssociations: podIdentity
        ? [{ serviceAccount: controller.serviceAccountName, roleArn: this.identity.role.roleArn }]
        : undefined,
      serviceAccountRoleArn: podIdentity ? undefined : this.identity.role.roleArn,
      configurationValues: props.configurationValues === undefined ? undefined : Stack.of(this).toJsonString(props.configurationValues),
      resolveConflicts: props.resolveConflicts ?? AddonConflictResolution.OVERWRITE,
      preserveOnDelete: props.preserveOnDelete,
    });
    // The role ARN is a reference, so the add-on already waits for its role; with pod identity
    // its association also needs the agent.
    if (podIdentity && props.cluster.podIdentityAgent) this.addon.node.addDependency(props.cluster.podIdentityAgent);
  }
}
