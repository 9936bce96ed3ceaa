import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { roleArnProblem } from '../../core/arn';
import { throwIfProblem } from '../../core/errors';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { actionsSince, arn, atLeast, CatalogEntryData, ControllerDefinition, requireLiteralClusterName, statement, statementTarget } from '../private/controller-definition';

/**
 * Inputs of the Karpenter controller entry.
 */
export interface KarpenterOptions extends ControllerOptions {
  /**
   * The cluster's name, as a literal: Karpenter tags what it launches with
   * `kubernetes.io/cluster/<clusterName>: owned` and `eks:eks-cluster-name: <clusterName>`, and
   * the role may only launch, tag and delete resources carrying those tags.
   */
  readonly clusterName: string;

  /**
   * ARN of the node role Karpenter passes to the instances it launches (`iam:PassRole`).
   */
  readonly nodeRoleArn: string;

  /**
   * ARN of the SQS interruption queue (Karpenter's `--interruption-queue`).
   * @default - no interruption handling permissions
   */
  readonly interruptionQueueArn?: string;
}

/**
 * The Karpenter controller (aws/karpenter-provider-aws), service account `kube-system/karpenter` of
 * the Karpenter Helm chart (oci://public.ecr.aws/karpenter/karpenter) installed as release
 * `karpenter` in `kube-system`, as Karpenter's getting-started guide does.
 *
 * Statements written from the controller policies of Karpenter's getting-started CloudFormation
 * template (website/content/en/<docs version>/getting-started/getting-started-with-karpenter/cloudformation.yaml:
 * `KarpenterControllerPolicy` through v1.8, split into `NodeLifecyclePolicy`, `IAMIntegrationPolicy`,
 * `EKSIntegrationPolicy`, `InterruptionPolicy`, `ResourceDiscoveryPolicy` from v1.9 and
 * `ZonalShiftPolicy` from v1.12): scoped EC2 launch, tagging and deletion by the
 * `kubernetes.io/cluster/<name>`, `eks:eks-cluster-name` and `karpenter.sh/nodepool` tags, regional
 * reads, SSM public parameters, pricing, the interruption queue, `iam:PassRole` of the node role,
 * instance profiles tagged for the cluster and region, and `eks:DescribeCluster`. The template has
 * no `parameter/imagebuilder/*` read. Without `interruptionQueueArn` the SQS statement is left out.
 *
 * Which template belongs to which release: Karpenter tags a release first and then copies the
 * template from `website/content/en/preview/` to `docs/` and `v<minor>/` in a "chore: Release"
 * commit, so `docs/` at a tag `vX.Y.0` is still the previous release's template. Each range is
 * read from `preview/` at its tag, or from the `v<minor>/` folder where upstream corrected that
 * release's documentation afterwards (v1.0, v1.12), and each boundary is the first release whose
 * code calls what the range adds (the copies' source.json name the calls): capacity reservations
 * at v1.3.0 (behind the `ReservedCapacity` feature gate), `iam:ListInstanceProfiles` at v1.7.0,
 * placement groups at v1.11.0 (every v1.11 patch release calls them; `docs/` at v1.11.2 and
 * v1.11.3 is only stale), zonal shift and `ec2:DescribeInstanceStatus` at v1.12.0.
 *
 * Pod identity: from v0.34.0. Karpenter's own end-to-end tests ran the controller on EKS Pod
 * Identity from December 2023 (aws/karpenter-provider-aws#5347), and the getting-started guide of
 * v0.34 and later creates the controller's permissions with an eksctl `podIdentityAssociations`
 * entry (aws/karpenter-provider-aws#5784). The catalog's policies start at v1.0.0.
 * @internal
 */
export const KARPENTER: CatalogEntryData = {
  id: 'karpenter',
  name: 'Karpenter',
  factory: 'karpenter',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'karpenter',
  defaultsMatch: 'the Karpenter Helm chart installed as release karpenter in kube-system (the getting-started guide)',
  ranges: [
    { since: 'v1.0.0', change: 'KarpenterControllerPolicy of the v1.0 documentation (website/content/en/v1.0/, as upstream revised it for v1.0)' },
    { since: 'v1.3.0', change: 'adds capacity reservations (launch from them, ec2:DescribeCapacityReservations), which v1.3.0 calls behind the ReservedCapacity feature gate' },
    { since: 'v1.7.0', change: 'adds iam:ListInstanceProfiles (instance profile garbage collection)' },
    { since: 'v1.9.0', change: 'the policy is split into five managed policies; capacity reservations are no longer created with tags' },
    { since: 'v1.11.0', change: 'adds placement groups (launch into them, ec2:DescribePlacementGroups)' },
    { since: 'v1.12.0', change: 'adds ZonalShiftPolicy (arc-zonal-shift:GetManagedResource of the cluster) and ec2:DescribeInstanceStatus (the v1.12 documentation as upstream corrected it)' },
  ],
  newestKnownVersion: 'v1.14.1',
  olderVersionsReason: 'releases before v1.0.0 use the v1beta1 APIs and a different policy, which the catalog does not carry',
  podIdentity: {
    minimumVersion: 'v0.34.0',
    source: 'aws/karpenter-provider-aws#5347 (end-to-end tests on EKS Pod Identity) and #5784 (the v0.34 getting-started guide uses podIdentityAssociations)',
  },
  narrowings: [
    {
      kind: NarrowingKind.OPTIONAL,
      actions: ['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
      description: 'the interruption queue statement only with interruptionQueueArn',
    },
  ],
};

/** @internal */
export function karpenterDefinition(options: KarpenterOptions): ControllerDefinition {
  return {
    entry: KARPENTER,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct, policyVersion: string) => karpenterStatements(scope, options, policyVersion),
  };
}

function karpenterStatements(scope: IConstruct, options: KarpenterOptions, policyVersion: string) {
  const target = statementTarget(scope);
  const clusterName = requireLiteralClusterName(scope, 'Karpenter', options.clusterName);
  if (!Token.isUnresolved(options.nodeRoleArn)) throwIfProblem(scope, roleArnProblem(options.nodeRoleArn, 'nodeRoleArn'));
  const ec2 = (account: string, resource: string) => arn(target, 'ec2', target.region, account, resource);
  const instanceProfiles = arn(target, 'iam', '', target.account, 'instance-profile/*');
  const owned = `kubernetes.io/cluster/${clusterName}`;
  const launched = ['fleet/*', 'instance/*', 'volume/*', 'network-interface/*', 'launch-template/*', 'spot-instances-request/*']
    .map((resource) => ec2('*', resource));
  const requestTagsForCluster = {
    [`aws:RequestTag/${owned}`]: 'owned',
    'aws:RequestTag/eks:eks-cluster-name': clusterName,
  };
  const capacityReservations = atLeast(policyVersion, 'v1.3.0') ? [ec2('*', 'capacity-reservation/*')] : [];
  const placementGroups = atLeast(policyVersion, 'v1.11.0') ? [ec2('*', 'placement-group/*')] : [];
  // v1.3 to v1.8 also let Karpenter create capacity reservations with the cluster's tags.
  const taggedCapacityReservations = atLeast(policyVersion, 'v1.3.0') && !atLeast(policyVersion, 'v1.9.0') ? capacityReservations : [];
  const clusterArn = arn(target, 'eks', target.region, target.account, `cluster/${clusterName}`);

  return [
    // Images and snapshots have no owner account in their ARN; subnets, security groups and
    // capacity reservations may be shared from another account (hence `*`).
    statement('LaunchFromImagesAndNetwork', ['ec2:CreateFleet', 'ec2:RunInstances'], [
      ec2('', 'image/*'), ec2('', 'snapshot/*'), ec2('*', 'security-group/*'), ec2('*', 'subnet/*'), ...capacityReservations, ...placementGroups,
    ]),
    statement('LaunchFromOwnedLaunchTemplates', ['ec2:CreateFleet', 'ec2:RunInstances'], [ec2('*', 'launch-template/*')], {
      StringEquals: { [`aws:ResourceTag/${owned}`]: 'owned' },
      StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
    }),
    statement('LaunchTaggedForCluster', ['ec2:CreateFleet', 'ec2:CreateLaunchTemplate', 'ec2:RunInstances'],
      [...launched, ...taggedCapacityReservations], {
        StringEquals: requestTagsForCluster,
        StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
      }),
    statement('TagOnLaunch', ['ec2:CreateTags'], launched, {
      StringEquals: { ...requestTagsForCluster, 'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'] },
      StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
    }),
    statement('TagOwnedInstances', ['ec2:CreateTags'], [ec2('*', 'instance/*')], {
      'StringEquals': { [`aws:ResourceTag/${owned}`]: 'owned' },
      'StringLike': { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
      'StringEqualsIfExists': { 'aws:RequestTag/eks:eks-cluster-name': clusterName },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'] },
    }),
    statement('DeleteOwnedInstancesAndLaunchTemplates', ['ec2:DeleteLaunchTemplate', 'ec2:TerminateInstances'],
      [ec2('*', 'instance/*'), ec2('*', 'launch-template/*')], {
        StringEquals: { [`aws:ResourceTag/${owned}`]: 'owned' },
        StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
      }),
    statement('RegionalReads', actionsSince(policyVersion, [
      ['v1.0.0', [
        'ec2:DescribeImages', 'ec2:DescribeInstanceTypeOfferings', 'ec2:DescribeInstanceTypes', 'ec2:DescribeInstances',
        'ec2:DescribeLaunchTemplates', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSpotPriceHistory', 'ec2:DescribeSubnets',
      ]],
      ['v1.3.0', ['ec2:DescribeCapacityReservations']],
      ['v1.11.0', ['ec2:DescribePlacementGroups']],
      ['v1.12.0', ['ec2:DescribeInstanceStatus']],
    ]), ['*'], { StringEquals: { 'aws:RequestedRegion': target.region } }),
    statement('ReadPublicParameters', ['ssm:GetParameter'], [arn(target, 'ssm', target.region, '', 'parameter/aws/service/*')]),
    statement('ReadPricing', ['pricing:GetProducts'], ['*']),
    ...(options.interruptionQueueArn === undefined ? [] : [
      statement('ReceiveInterruptions', ['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'], [options.interruptionQueueArn]),
    ]),
    statement('PassNodeRole', ['iam:PassRole'], [options.nodeRoleArn],
      { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] } }),
    statement('CreateInstanceProfilesForCluster', ['iam:CreateInstanceProfile'], [instanceProfiles], {
      StringEquals: { ...requestTagsForCluster, 'aws:RequestTag/topology.kubernetes.io/region': target.region },
      StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' },
    }),
    statement('TagInstanceProfilesForCluster', ['iam:TagInstanceProfile'], [instanceProfiles], {
      StringEquals: {
        [`aws:ResourceTag/${owned}`]: 'owned',
        'aws:ResourceTag/topology.kubernetes.io/region': target.region,
        ...requestTagsForCluster,
        'aws:RequestTag/topology.kubernetes.io/region': target.region,
      },
      StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*', 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' },
    }),
    statement('ManageInstanceProfilesForCluster', ['iam:AddRoleToInstanceProfile', 'iam:DeleteInstanceProfile', 'iam:RemoveRoleFromInstanceProfile'],
      [instanceProfiles], {
        StringEquals: { [`aws:ResourceTag/${owned}`]: 'owned', 'aws:ResourceTag/topology.kubernetes.io/region': target.region },
        StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' },
      }),
    statement('ReadInstanceProfiles', ['iam:GetInstanceProfile'], [instanceProfiles]),
    ...(atLeast(policyVersion, 'v1.7.0') ? [statement('ListInstanceProfiles', ['iam:ListInstanceProfiles'], ['*'])] : []),
    statement('DiscoverApiServerEndpoint', ['eks:DescribeCluster'], [clusterArn]),
    ...(atLeast(policyVersion, 'v1.12.0') ? [
      // The zonal shift resource of an EKS cluster has no ARN type in the service authorization
      // reference; the template scopes it with arc-zonal-shift:ResourceIdentifier, and so does the catalog.
      statement('ReadZonalShiftStatus', ['arc-zonal-shift:GetManagedResource'], ['*'], { StringEquals: { 'arc-zonal-shift:ResourceIdentifier': clusterArn } }),
    ] : []),
  ];
}
