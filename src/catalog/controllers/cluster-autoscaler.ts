import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { arn, atLeast, CatalogEntryData, ControllerDefinition, requireLiteralClusterName, statement, statementTarget } from '../private/controller-definition';

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
 * The Kubernetes Cluster Autoscaler on AWS (kubernetes/autoscaler, cloudprovider/aws). The default
 * service account, `kube-system/cluster-autoscaler`, is the one of the example manifests
 * (cluster-autoscaler/cloudprovider/aws/examples/cluster-autoscaler-autodiscover.yaml). The Helm
 * chart (cluster-autoscaler/charts/cluster-autoscaler) names it `<release>-aws-cluster-autoscaler`
 * (its fullname template: release name, cloud provider and chart name), so with the chart pass
 * `serviceAccountName` (e.g. `cluster-autoscaler-aws-cluster-autoscaler` for release
 * `cluster-autoscaler`) or set the chart's `rbac.serviceAccount.name`.
 *
 * Statements written from the auto-discovery policy of cluster-autoscaler/cloudprovider/aws/README.md
 * at the release tags (cluster-autoscaler-1.28.0, cluster-autoscaler-1.31.0): the `Describe*`
 * actions, `ec2:GetInstanceTypesFromInstanceRequirements`, `eks:DescribeNodegroup`, and
 * `SetDesiredCapacity`/`TerminateInstanceInAutoScalingGroup`, with the two scaling actions limited
 * to Auto Scaling groups tagged for the cluster, as the README recommends, and
 * `eks:DescribeNodegroup` limited to the cluster's node groups. The README dropped
 * `autoscaling:DescribeTags` in May 2024 (kubernetes/autoscaler 055e2bfc, "Update recommended IAM
 * policy"); cluster-autoscaler-1.31.0 is the first release without it.
 *
 * Pod identity: from v1.29.0. The autoscaler vendors aws-sdk-go; at cluster-autoscaler-1.29.0 its
 * cloudprovider/aws/aws-sdk-go/aws/version.go is 1.48.7, past v1.47.11, the first release with the
 * EKS Pod Identity credential provider (cluster-autoscaler-1.28.0 vendors 1.44.24). Later 1.24-1.28
 * patch releases got the same update (kubernetes/autoscaler#6379-#6383) and may work too.
 * @internal
 */
export const CLUSTER_AUTOSCALER: CatalogEntryData = {
  id: 'cluster-autoscaler',
  name: 'Cluster Autoscaler',
  factory: 'clusterAutoscaler',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'cluster-autoscaler',
  defaultsMatch: 'the example manifests (cloudprovider/aws/examples/cluster-autoscaler-autodiscover.yaml); the Helm chart names it <release>-aws-cluster-autoscaler',
  ranges: [
    { since: 'v1.28.0', change: 'README at cluster-autoscaler-1.28.0 (the same through 1.30), with autoscaling:DescribeTags' },
    { since: 'v1.31.0', change: 'drops autoscaling:DescribeTags (README at cluster-autoscaler-1.31.0)' },
  ],
  newestKnownVersion: 'v1.36.1',
  olderVersionsReason: 'the catalog\'s copies of the README\'s policy start at cluster-autoscaler-1.28.0',
  podIdentity: {
    minimumVersion: 'v1.29.0',
    source: 'cluster-autoscaler-1.29.0 vendors aws-sdk-go 1.48.7 (cloudprovider/aws/aws-sdk-go/aws/version.go; pod identity from v1.47.11)',
  },
  narrowings: [
    {
      kind: NarrowingKind.RESOURCE_SCOPED,
      actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup', 'eks:DescribeNodegroup'],
      description: 'scaling is limited to Auto Scaling groups of the stack\'s account and region, eks:DescribeNodegroup to the cluster\'s node groups',
    },
    {
      kind: NarrowingKind.CONDITION_ADDED,
      actions: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
      conditionKeys: ['aws:ResourceTag/k8s.io/cluster-autoscaler/*'],
      description: 'only groups carrying the auto-discovery tag k8s.io/cluster-autoscaler/<clusterName>, as the README recommends',
    },
  ],
};

/** @internal */
export function clusterAutoscalerDefinition(options: ClusterAutoscalerOptions): ControllerDefinition {
  return {
    entry: CLUSTER_AUTOSCALER,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct, policyVersion: string) => {
      const target = statementTarget(scope);
      const clusterName = requireLiteralClusterName(scope, 'Cluster Autoscaler', options.clusterName);
      return [
        statement('DescribeScalingResources', [
          'autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeAutoScalingInstances', 'autoscaling:DescribeLaunchConfigurations',
          'autoscaling:DescribeScalingActivities', ...(atLeast(policyVersion, 'v1.31.0') ? [] : ['autoscaling:DescribeTags']),
          'ec2:DescribeImages', 'ec2:DescribeInstanceTypes', 'ec2:DescribeLaunchTemplateVersions', 'ec2:GetInstanceTypesFromInstanceRequirements',
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
