import { IConstruct } from 'constructs';
import { arn, ControllerDefinition, statement, statementTarget } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

/**
 * Inputs of the Amazon VPC CNI entry.
 */
export interface VpcCniOptions extends ControllerOptions {
  /**
   * The cluster uses the IPv6 family: the plugin assigns IPv6 addresses instead of managing
   * IPv4 ones, and gets the IPv6 policy of the EKS user guide instead of `AmazonEKS_CNI_Policy`.
   * @default false
   */
  readonly ipv6?: boolean;
}

/**
 * The Amazon VPC CNI plugin (aws/amazon-vpc-cni-k8s), EKS add-on `vpc-cni`, service account
 * `kube-system/aws-node`.
 *
 * IPv4: the AWS managed policy `AmazonEKS_CNI_Policy`. IPv6: the statements of the EKS user
 * guide's IPv6 policy ("Create an IAM policy for clusters that use the IPv6 family", matching the
 * plugin's IPv6 support since v1.10.0), with `ec2:AssignIpv6Addresses` and `ec2:CreateTags`
 * limited to network interfaces of the stack's region and account.
 *
 * Pod identity: from v1.15.5-eksbuild.1 (FACTS.md, AWS add-on compatibility table; the seed notes'
 * "VPC CNI needs IRSA" is from 2024 and out of date).
 * @internal
 */
export function vpcCniDefinition(options: VpcCniOptions): ControllerDefinition {
  const ipv6 = options.ipv6 ?? false;
  return {
    name: 'Amazon VPC CNI',
    defaultNamespace: 'kube-system',
    defaultServiceAccountName: 'aws-node',
    managedPolicyNames: ipv6 ? [] : ['AmazonEKS_CNI_Policy'],
    policyVersion: ipv6 ? 'v1.10.0' : 'aws-managed',
    minimumPodIdentityVersion: 'v1.15.5-eksbuild.1',
    addonName: 'vpc-cni',
    statements: (scope: IConstruct) => {
      if (!ipv6) return [];
      const target = statementTarget(scope);
      const networkInterfaces = arn(target, 'ec2', target.region, target.account, 'network-interface/*');
      return [
        statement('DescribeNetwork', ['ec2:DescribeInstanceTypes', 'ec2:DescribeInstances', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeTags'], ['*']),
        statement('AssignIpv6Addresses', ['ec2:AssignIpv6Addresses'], [networkInterfaces]),
        statement('TagNetworkInterfaces', ['ec2:CreateTags'], [networkInterfaces]),
      ];
    },
  };
}
