import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import {
  actionsSince, arn, atLeast, CatalogEntryData, Conditions, ControllerDefinition, mergeConditions, requireAccountIds,
  requireLiteralClusterName, statement, statementTarget,
} from '../private/controller-definition';

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

  /**
   * Accounts that own VPCs shared with this account (AWS RAM VPC sharing), when the cluster runs in
   * a shared VPC. The controller creates its security groups in the cluster's VPC and reads that
   * VPC's security groups; the VPC's ARN names its owner's account, which the entry's statements,
   * scoped to the stack's account, would otherwise deny (`ec2:CreateSecurityGroup` and
   * `ec2:GetSecurityGroupsForVpc` on `vpc/*`). The security groups themselves stay the stack
   * account's: a VPC participant owns the security groups it creates, and cannot change the owner's.
   * @default - no shared VPCs: VPC ARNs of the stack's account only
   */
  readonly sharedVpcOwnerAccountIds?: string[];
}

/** The tag the controller puts on every load balancer, target group and security group it creates. */
const CLUSTER_TAG = 'elbv2.k8s.aws/cluster';

const POLICY = 'docs/install/iam_policy.json';

/**
 * The AWS Load Balancer Controller (kubernetes-sigs/aws-load-balancer-controller), service account
 * `kube-system/aws-load-balancer-controller` of the Helm chart `eks/aws-load-balancer-controller`
 * installed as the controller's docs install it (`-n kube-system`, release
 * `aws-load-balancer-controller`).
 *
 * Statements written from the controller's published policy, docs/install/iam_policy.json at the
 * tag of each range (v2.5.0, v2.7.0, v2.9.0, v2.10.0, v2.11.0, v2.12.0, v2.13.0; unchanged from
 * v2.13.0 through v3.5.0). Tighter than the published file: every resource is an ARN of the stack's
 * partition, region and account where the action takes one, and with `clusterName` the
 * `elbv2.k8s.aws/cluster` tag must equal the cluster name instead of merely being present.
 *
 * Pod identity: from v2.7.0, by its SDK: go.mod at v2.7.0 requires github.com/aws/aws-sdk-go
 * v1.50.8, past v1.47.11, the first aws-sdk-go release with the EKS Pod Identity credential
 * provider (EKS user guide, "Use pod identity with the AWS SDK"). The controller's installation
 * docs mention pod identity only from v2.17.0 (docs/deploy/installation.md).
 * @internal
 */
export const AWS_LOAD_BALANCER_CONTROLLER: CatalogEntryData = {
  id: 'aws-load-balancer-controller',
  name: 'AWS Load Balancer Controller',
  factory: 'awsLoadBalancerController',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'aws-load-balancer-controller',
  defaultsMatch: 'the Helm chart eks/aws-load-balancer-controller installed as release aws-load-balancer-controller in kube-system, as the controller\'s installation guide does',
  ranges: [
    { since: 'v2.5.0', change: `${POLICY} at v2.5.0 (unchanged through v2.6.x)` },
    { since: 'v2.7.0', change: 'adds elasticloadbalancing:DescribeTrustStores' },
    { since: 'v2.9.0', change: 'adds elasticloadbalancing:DescribeListenerAttributes and ModifyListenerAttributes' },
    { since: 'v2.10.0', change: 'adds ec2:GetSecurityGroupsForVpc' },
    { since: 'v2.11.0', change: 'adds elasticloadbalancing:DescribeCapacityReservation and ModifyCapacityReservation' },
    { since: 'v2.12.0', change: 'adds ec2:DescribeIpamPools, elasticloadbalancing:ModifyIpPools and SetRulePriorities' },
    { since: 'v2.13.0', change: 'adds ec2:DescribeRouteTables (the policy is unchanged from v2.13.0 through v3.5.0)' },
  ],
  newestKnownVersion: 'v3.5.0',
  olderVersionsReason: 'the catalog\'s copies of the controller\'s policy start at v2.5.0',
  podIdentity: {
    minimumVersion: 'v2.7.0',
    source: 'go.mod at v2.7.0: github.com/aws/aws-sdk-go v1.50.8 (pod identity from v1.47.11); the installation docs mention pod identity from v2.17.0',
  },
  narrowings: [
    { kind: NarrowingKind.RESOURCE_SCOPED, actions: ['*'], description: 'resources are ARNs of the stack\'s partition, region and account (and of sharedVpcOwnerAccountIds for VPCs) where the action takes one; upstream uses * and arn:aws:<service>:*:*' },
    {
      kind: NarrowingKind.CONDITION_TIGHTENED,
      actions: ['ec2:CreateTags', 'ec2:DeleteTags', 'ec2:DeleteSecurityGroup', 'elasticloadbalancing:*'],
      conditionKeys: ['aws:RequestTag/elbv2.k8s.aws/cluster', 'aws:ResourceTag/elbv2.k8s.aws/cluster'],
      description: 'with clusterName, the elbv2.k8s.aws/cluster tag must equal the cluster name (StringEquals) instead of merely being present (Null false)',
    },
  ],
};

/** @internal */
export function awsLoadBalancerControllerDefinition(options: AwsLoadBalancerControllerOptions): ControllerDefinition {
  return {
    entry: AWS_LOAD_BALANCER_CONTROLLER,
    managedPolicyNames: () => [],
    statements: (scope, policyVersion) => loadBalancerControllerStatements(scope, options, policyVersion),
  };
}

function loadBalancerControllerStatements(scope: IConstruct, options: AwsLoadBalancerControllerOptions, policyVersion: string) {
  const target = statementTarget(scope);
  const clusterName = options.clusterName === undefined ? undefined
    : requireLiteralClusterName(scope, 'AWS Load Balancer Controller', options.clusterName);
  const taggedFor = (prefix: 'aws:RequestTag' | 'aws:ResourceTag'): Conditions => (clusterName === undefined
    ? { Null: { [`${prefix}/${CLUSTER_TAG}`]: 'false' } }
    : { StringEquals: { [`${prefix}/${CLUSTER_TAG}`]: clusterName } });
  const notRetagging: Conditions = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true' } };

  const ec2 = (resource: string) => arn(target, 'ec2', target.region, target.account, resource);
  const vpcOwners = [target.account, ...requireAccountIds(scope, 'AWS Load Balancer Controller', options.sharedVpcOwnerAccountIds ?? [])];
  const vpcs = vpcOwners.map((account) => arn(target, 'ec2', target.region, account, 'vpc/*'));
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
    statement('DescribeNetworkAndLoadBalancers', actionsSince(policyVersion, [
      ['v2.5.0', [
        'ec2:DescribeAccountAttributes', 'ec2:DescribeAddresses', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeCoipPools',
        'ec2:DescribeInstances', 'ec2:DescribeInternetGateways', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets', 'ec2:DescribeTags', 'ec2:DescribeVpcPeeringConnections', 'ec2:DescribeVpcs',
        'elasticloadbalancing:DescribeListenerCertificates', 'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeRules',
        'elasticloadbalancing:DescribeSSLPolicies', 'elasticloadbalancing:DescribeTags', 'elasticloadbalancing:DescribeTargetGroupAttributes',
        'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetHealth',
      ]],
      ['v2.7.0', ['elasticloadbalancing:DescribeTrustStores']],
      ['v2.9.0', ['elasticloadbalancing:DescribeListenerAttributes']],
      ['v2.11.0', ['elasticloadbalancing:DescribeCapacityReservation']],
      ['v2.12.0', ['ec2:DescribeIpamPools']],
      ['v2.13.0', ['ec2:DescribeRouteTables']],
    ]), ['*']),
    statement('ReadVpcResources', actionsSince(policyVersion, [['v2.5.0', ['ec2:GetCoipPoolUsage']], ['v2.10.0', ['ec2:GetSecurityGroupsForVpc']]]),
      [ec2('coip-pool/*'), ...(atLeast(policyVersion, 'v2.10.0') ? vpcs : [])]),
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
    statement('CreateSecurityGroups', ['ec2:CreateSecurityGroup'], [securityGroups, ...vpcs]),
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
    statement('ManageOwnedLoadBalancersAndTargetGroups', actionsSince(policyVersion, [
      ['v2.5.0', [
        'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:DeleteTargetGroup', 'elasticloadbalancing:ModifyLoadBalancerAttributes',
        'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:SetIpAddressType',
        'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:SetSubnets',
      ]],
      ['v2.9.0', ['elasticloadbalancing:ModifyListenerAttributes']],
      ['v2.11.0', ['elasticloadbalancing:ModifyCapacityReservation']],
      ['v2.12.0', ['elasticloadbalancing:ModifyIpPools']],
    ]), [...loadBalancers, targetGroups, ...(atLeast(policyVersion, 'v2.9.0') ? listeners : [])], taggedFor('aws:ResourceTag')),
    // Unconditioned like the published policy: listeners and rules of the controller's load balancers.
    statement('ManageListenersAndRules', actionsSince(policyVersion, [
      ['v2.5.0', [
        'elasticloadbalancing:AddListenerCertificates', 'elasticloadbalancing:CreateListener', 'elasticloadbalancing:CreateRule',
        'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:DeleteRule', 'elasticloadbalancing:ModifyListener',
        'elasticloadbalancing:ModifyRule', 'elasticloadbalancing:RemoveListenerCertificates',
      ]],
      ['v2.12.0', ['elasticloadbalancing:SetRulePriorities']],
    ]), [...loadBalancers, ...listeners, ...listenerRules]),
    statement('TagListenersAndRules', ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'], [...listeners, ...listenerRules]),
    // Unconditioned like the published policy: TargetGroupBinding registers pods into target
    // groups made outside the cluster.
    statement('RegisterTargets', ['elasticloadbalancing:DeregisterTargets', 'elasticloadbalancing:RegisterTargets'], [targetGroups]),
  ];
}
