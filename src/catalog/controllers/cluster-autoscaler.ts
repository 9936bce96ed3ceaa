import { IConstruct } from 'constructs';
import { arn, ControllerDefinition, requireLiteralClusterName, statement, statementTarget } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

/**
 * Inputs of the Cluster Autoscaler entry.
 */
export interface ClusterAutoscalerOptions extends ControllerOptions {
  /**
   * The cluster's name, as a literal. The role may only scale Auto Scaling groups that carry the
   * auto-discovery tag `k8s.io/cluster-autoscaler/<clusterName>` (EKS managed node groups do;
   * with `--nodes` static configuration, tag the groups yourself) and describe this cluster's
   * node groups.
   */
  readonly clusterName: string;
}

/**
 * The Kubernetes Cluster Autoscaler on AWS (kubernetes/autoscaler, cloudprovider/aws).
 *
 * Statements written from the policy in cluster-autoscaler/cloudprovider/aws/README.md as of
 * cluster-autoscaler 1.32 (the `Describe*` actions, `ec2:GetInstanceTypesFromInstanceRequirements`,
 * `eks:DescribeNodegroup`, and `SetDesiredCapacity`/`TerminateInstanceInAutoScalingGroup`), with
 * the two scaling actions limited to Auto Scaling groups tagged for the cluster, as the README
 * recommends, and `eks:DescribeNodegroup` limited to the cluster's node groups.
 *
 * Pod identity: from v1.29.0. The autoscaler vendors aws-sdk-go; kubernetes/autoscaler#6325
 * (November 2023) updated it on master to v1.48.7, past the SDK's v1.47.11 minimum for pod
 * identity, and #6379-#6383 (December 2023) backported that to the 1.24-1.28 release branches. The
 * backports stop at 1.28, so 1.29 was cut with the update; the catalog takes v1.29.0 as the first
 * release that has it from the start (later 1.24-1.28 patch releases may work too).
 * @internal
 */
export function clusterAutoscalerDefinition(options: ClusterAutoscalerOptions): ControllerDefinition {
  return {
    name: 'Cluster Autoscaler',
    defaultNamespace: 'kube-system',
    defaultServiceAccountName: 'cluster-autoscaler',
    managedPolicyNames: [],
    policyVersion: 'v1.32.0',
    minimumPodIdentityVersion: 'v1.29.0',
    statements: (scope: IConstruct) => {
      const target = statementTarget(scope);
      const clusterName = requireLiteralClusterName(scope, 'Cluster Autoscaler', options.clusterName);
      return [
        statement('DescribeScalingResources', [
          'autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeAutoScalingInstances', 'autoscaling:DescribeLaunchConfigurations',
          'autoscaling:DescribeScalingActivities', 'autoscaling:DescribeTags', 'ec2:DescribeImages', 'ec2:DescribeInstanceTypes',
          'ec2:DescribeLaunchTemplateVersions', 'ec2:GetInstanceTypesFromInstanceRequirements',
        ], ['*']),
        statement('DescribeClusterNodegroups', ['eks:DescribeNodegroup'],
          [arn(target, 'eks', target.region, target.account, `nodegroup/${clusterName}/*/*`)]),
        statement('ScaleClusterAutoScalingGroups', ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
          [arn(target, 'autoscaling', target.region, target.account, 'autoScalingGroup:*:autoScalingGroupName/*')],
          { Null: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: 'false' } }),
      ];
    },
  };
}
