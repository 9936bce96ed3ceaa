import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { throwIdentityError } from '../../core/errors';
import { arn, ControllerDefinition, requireLiteralClusterName, statement, statementTarget } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

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

const ROLE_ARN = /^arn:[a-z-]+:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * The Karpenter controller (aws/karpenter-provider-aws).
 *
 * Statements written from the controller policy of Karpenter's getting-started CloudFormation
 * template (website/content/en/v1.5/getting-started/getting-started-with-karpenter/cloudformation.yaml,
 * `KarpenterControllerPolicy`): scoped EC2 launch, tagging and deletion by the
 * `kubernetes.io/cluster/<name>`, `eks:eks-cluster-name` and `karpenter.sh/nodepool` tags, regional
 * reads, SSM public parameters, pricing, the interruption queue, `iam:PassRole` of the node role,
 * instance profiles tagged for the cluster and region, and `eks:DescribeCluster`. The template's
 * optional `parameter/imagebuilder/*` SSM read is left out.
 *
 * Pod identity: from v0.34.0. Karpenter's own end-to-end tests ran the controller on EKS Pod
 * Identity from December 2023 (aws/karpenter-provider-aws#5347), and the getting-started guide of
 * v0.34 and later creates the controller's permissions with an eksctl `podIdentityAssociations`
 * entry (scripts/step02-create-cluster.sh; aws/karpenter-provider-aws#5784).
 * @internal
 */
export function karpenterDefinition(options: KarpenterOptions): ControllerDefinition {
  return {
    name: 'Karpenter',
    defaultNamespace: 'kube-system',
    defaultServiceAccountName: 'karpenter',
    managedPolicyNames: [],
    policyVersion: 'v1.5.0',
    minimumPodIdentityVersion: 'v0.34.0',
    statements: (scope: IConstruct) => karpenterStatements(scope, options),
  };
}

function karpenterStatements(scope: IConstruct, options: KarpenterOptions) {
  const target = statementTarget(scope);
  const clusterName = requireLiteralClusterName(scope, 'Karpenter', options.clusterName);
  if (!Token.isUnresolved(options.nodeRoleArn) && !ROLE_ARN.test(options.nodeRoleArn)) {
    throwIdentityError(scope, `'${options.nodeRoleArn}' is not an IAM role ARN`, 'pass the node role\'s ARN, e.g. nodeRole.roleArn');
  }
  const ec2 = (account: string, resource: string) => arn(target, 'ec2', target.region, account, resource);
  const instanceProfiles = arn(target, 'iam', '', target.account, 'instance-profile/*');
  const owned = `kubernetes.io/cluster/${clusterName}`;
  const launched = ['fleet/*', 'instance/*', 'volume/*', 'network-interface/*', 'launch-template/*', 'spot-instances-request/*']
    .map((resource) => ec2('*', resource));
  const requestTagsForCluster = {
    [`aws:RequestTag/${owned}`]: 'owned',
    'aws:RequestTag/eks:eks-cluster-name': clusterName,
  };

  return [
    // Images and snapshots have no owner account in their ARN; subnets, security groups and
    // capacity reservations may be shared from another account (hence `*`).
    statement('LaunchFromImagesAndNetwork', ['ec2:CreateFleet', 'ec2:RunInstances'], [
      ec2('', 'image/*'), ec2('', 'snapshot/*'), ec2('*', 'security-group/*'), ec2('*', 'subnet/*'), ec2('*', 'capacity-reservation/*'),
    ]),
    statement('LaunchFromOwnedLaunchTemplates', ['ec2:CreateFleet', 'ec2:RunInstances'], [ec2('*', 'launch-template/*')], {
      StringEquals: { [`aws:ResourceTag/${owned}`]: 'owned' },
      StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
    }),
    statement('LaunchTaggedForCluster', ['ec2:CreateFleet', 'ec2:CreateLaunchTemplate', 'ec2:RunInstances'],
      [...launched, ec2('*', 'capacity-reservation/*')], {
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
    statement('RegionalReads', [
      'ec2:DescribeCapacityReservations', 'ec2:DescribeImages', 'ec2:DescribeInstanceTypeOfferings', 'ec2:DescribeInstanceTypes',
      'ec2:DescribeInstances', 'ec2:DescribeLaunchTemplates', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSpotPriceHistory',
      'ec2:DescribeSubnets',
    ], ['*'], { StringEquals: { 'aws:RequestedRegion': target.region } }),
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
    statement('DiscoverApiServerEndpoint', ['eks:DescribeCluster'], [arn(target, 'eks', target.region, target.account, `cluster/${clusterName}`)]),
  ];
}
