import { IConstruct } from 'constructs';
import {
  arn, Conditions, ControllerDefinition, mergeConditions, requireLiteralClusterName, statement, statementTarget,
} from '../controller-definition';
import { ControllerOptions } from '../controller-options';

/**
 * Inputs of the AWS Load Balancer Controller entry.
 */
export interface AwsLoadBalancerControllerOptions extends ControllerOptions {
  /**
   * The cluster name the controller runs with (its `--cluster-name`). The controller tags what it
   * creates with `elbv2.k8s.aws/cluster: <clusterName>`; with this set, the role may only change
   * load balancers, target groups and security groups tagged for this cluster. Leave it unset
   * when one role serves several clusters (IRSA with `additionalClusters`).
   * @default - any resource carrying the `elbv2.k8s.aws/cluster` tag, as in the controller's own policy
   */
  readonly clusterName?: string;
}

/** The tag the controller puts on every load balancer, target group and security group it creates. */
const CLUSTER_TAG = 'elbv2.k8s.aws/cluster';

/**
 * The AWS Load Balancer Controller (kubernetes-sigs/aws-load-balancer-controller).
 *
 * Statements written from the controller's published policy, docs/install/iam_policy.json as of
 * v2.13.0 (cross-checked with terraform-aws-modules/terraform-aws-eks-pod-identity, which tracks
 * it; v2.12.0 added `ec2:DescribeIpamPools`, `elasticloadbalancing:ModifyIpPools` and
 * `elasticloadbalancing:SetRulePriorities`; v2.11.0 the capacity reservation actions). Tighter than
 * the published file: every resource is an ARN of the stack's partition, region and account where
 * the action takes one, wildcard-only actions are kept apart, and with `clusterName` the
 * `elbv2.k8s.aws/cluster` tag must equal the cluster name instead of merely being present.
 *
 * Pod identity: from v2.7.0 (FACTS.md, "EKS Pod Identity" → add-on support, from the controller's
 * own installation docs).
 * @internal
 */
export function awsLoadBalancerControllerDefinition(options: AwsLoadBalancerControllerOptions): ControllerDefinition {
  return {
    name: 'AWS Load Balancer Controller',
    defaultNamespace: 'kube-system',
    defaultServiceAccountName: 'aws-load-balancer-controller',
    managedPolicyNames: [],
    policyVersion: 'v2.13.0',
    minimumPodIdentityVersion: 'v2.7.0',
    statements: (scope) => loadBalancerControllerStatements(scope, options),
  };
}

function loadBalancerControllerStatements(scope: IConstruct, options: AwsLoadBalancerControllerOptions) {
  const target = statementTarget(scope);
  const clusterName = options.clusterName === undefined ? undefined
    : requireLiteralClusterName(scope, 'AWS Load Balancer Controller', options.clusterName);
  const taggedFor = (prefix: 'aws:RequestTag' | 'aws:ResourceTag'): Conditions => (clusterName === undefined
    ? { Null: { [`${prefix}/${CLUSTER_TAG}`]: 'false' } }
    : { StringEquals: { [`${prefix}/${CLUSTER_TAG}`]: clusterName } });
  const notRetagging: Conditions = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true' } };

  const ec2 = (resource: string) => arn(target, 'ec2', target.region, target.account, resource);
  const elb = (resource: string) => arn(target, 'elasticloadbalancing', target.region, target.account, resource);
  const securityGroups = ec2('security-group/*');
  const loadBalancers = [elb('loadbalancer/app/*/*'), elb('loadbalancer/net/*/*')];
  const targetGroups = elb('targetgroup/*/*');
  const listeners = [elb('listener/app/*/*/*'), elb('listener/net/*/*/*')];
  const listenerRules = [elb('listener-rule/app/*/*/*'), elb('listener-rule/net/*/*/*')];

  return [
    statement('CreateElbServiceLinkedRole', ['iam:CreateServiceLinkedRole'],
      [arn(target, 'iam', '', target.account, 'role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing')],
      { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } }),
    statement('DescribeNetworkAndLoadBalancers', [
      'ec2:DescribeAccountAttributes', 'ec2:DescribeAddresses', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeCoipPools',
      'ec2:DescribeInstances', 'ec2:DescribeInternetGateways', 'ec2:DescribeIpamPools', 'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeRouteTables', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeTags', 'ec2:DescribeVpcPeeringConnections',
      'ec2:DescribeVpcs',
      'elasticloadbalancing:DescribeCapacityReservation', 'elasticloadbalancing:DescribeListenerAttributes',
      'elasticloadbalancing:DescribeListenerCertificates', 'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:DescribeSSLPolicies', 'elasticloadbalancing:DescribeTags', 'elasticloadbalancing:DescribeTargetGroupAttributes',
      'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:DescribeTrustStores',
    ], ['*']),
    statement('ReadVpcResources', ['ec2:GetCoipPoolUsage', 'ec2:GetSecurityGroupsForVpc'], [ec2('coip-pool/*'), ec2('vpc/*')]),
    statement('ListCertificatesAndShield', [
      'acm:ListCertificates', 'elasticloadbalancing:SetWebAcl', 'iam:ListServerCertificates', 'shield:CreateProtection',
      'shield:GetSubscriptionState',
    ], ['*']),
    statement('ReadCertificatesAndUserPools', ['acm:DescribeCertificate', 'cognito-idp:DescribeUserPoolClient', 'iam:GetServerCertificate'], [
      arn(target, 'acm', target.region, target.account, 'certificate/*'),
      arn(target, 'cognito-idp', target.region, target.account, 'userpool/*'),
      arn(target, 'iam', '', target.account, 'server-certificate/*'),
    ]),
    statement('AssociateWebAcls', [
      'waf-regional:AssociateWebACL', 'waf-regional:DisassociateWebACL', 'waf-regional:GetWebACL', 'waf-regional:GetWebACLForResource',
      'wafv2:AssociateWebACL', 'wafv2:DisassociateWebACL', 'wafv2:GetWebACL', 'wafv2:GetWebACLForResource',
    ], [
      arn(target, 'waf-regional', target.region, target.account, 'webacl/*'),
      arn(target, 'wafv2', target.region, target.account, 'regional/webacl/*/*'),
      elb('loadbalancer/app/*/*'),
    ]),
    statement('ManageShieldProtections', ['shield:DeleteProtection', 'shield:DescribeProtection'],
      [arn(target, 'shield', '', target.account, 'protection/*')]),
    statement('CreateSecurityGroups', ['ec2:CreateSecurityGroup'], [securityGroups, ec2('vpc/*')]),
    // Unconditioned like the published policy: the controller opens the node security groups,
    // which it does not own, to traffic from its load balancers.
    statement('ManageSecurityGroupIngress', ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
      [securityGroups, ec2('security-group-rule/*')]),
    statement('TagSecurityGroupsOnCreate', ['ec2:CreateTags'], [securityGroups],
      mergeConditions({ StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' } }, taggedFor('aws:RequestTag'))),
    statement('TagOwnedSecurityGroups', ['ec2:CreateTags', 'ec2:DeleteTags'], [securityGroups],
      mergeConditions(notRetagging, taggedFor('aws:ResourceTag'))),
    statement('DeleteOwnedSecurityGroups', ['ec2:DeleteSecurityGroup'], [securityGroups], taggedFor('aws:ResourceTag')),
    statement('CreateLoadBalancersAndTargetGroups', ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
      [...loadBalancers, targetGroups], taggedFor('aws:RequestTag')),
    statement('TagOnCreate', ['elasticloadbalancing:AddTags'], [...loadBalancers, targetGroups],
      mergeConditions({ StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateLoadBalancer', 'CreateTargetGroup'] } },
        taggedFor('aws:RequestTag'))),
    statement('TagOwnedLoadBalancersAndTargetGroups', ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
      [...loadBalancers, targetGroups], mergeConditions(notRetagging, taggedFor('aws:ResourceTag'))),
    statement('ManageOwnedLoadBalancersAndTargetGroups', [
      'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:DeleteTargetGroup', 'elasticloadbalancing:ModifyCapacityReservation',
      'elasticloadbalancing:ModifyIpPools', 'elasticloadbalancing:ModifyListenerAttributes', 'elasticloadbalancing:ModifyLoadBalancerAttributes',
      'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:SetIpAddressType',
      'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:SetSubnets',
    ], [...loadBalancers, targetGroups, ...listeners], taggedFor('aws:ResourceTag')),
    // Unconditioned like the published policy: listeners and rules of the controller's load balancers.
    statement('ManageListenersAndRules', [
      'elasticloadbalancing:AddListenerCertificates', 'elasticloadbalancing:CreateListener', 'elasticloadbalancing:CreateRule',
      'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:DeleteRule', 'elasticloadbalancing:ModifyListener',
      'elasticloadbalancing:ModifyRule', 'elasticloadbalancing:RemoveListenerCertificates', 'elasticloadbalancing:SetRulePriorities',
    ], [...loadBalancers, ...listeners, ...listenerRules]),
    statement('TagListenersAndRules', ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'], [...listeners, ...listenerRules]),
    // Unconditioned like the published policy: TargetGroupBinding registers pods into target
    // groups made outside the cluster.
    statement('RegisterTargets', ['elasticloadbalancing:DeregisterTargets', 'elasticloadbalancing:RegisterTargets'], [targetGroups]),
  ];
}
