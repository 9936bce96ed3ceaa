import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { arn, CatalogEntryData, ControllerDefinition, EKS_POD_IDENTITY_ADDON_TABLE, statement, statementTarget } from '../private/controller-definition';

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
 * `kube-system/aws-node` of the add-on (and of the plugin's Helm chart and manifests).
 *
 * IPv4: the AWS managed policy `AmazonEKS_CNI_Policy`. IPv6: the statements of the EKS user
 * guide's IPv6 policy (latest/ug/iam_policies/AmazonEKS_CNI_IPv6_Policy.json; IPv6 clusters need
 * version 1.10.1 or later of the plugin, latest/ug/networking/eks-networking-add-ons.adoc), with
 * `ec2:AssignIpv6Addresses` and `ec2:CreateTags` limited to network interfaces of the stack's
 * region and account.
 *
 * Pod identity: from v1.15.5-eksbuild.1 (the EKS user guide's add-on table).
 * @internal
 */
export const VPC_CNI: CatalogEntryData = {
  id: 'vpc-cni',
  name: 'Amazon VPC CNI',
  factory: 'vpcCni',
  defaultNamespace: 'kube-system',
  defaultServiceAccountName: 'aws-node',
  defaultsMatch: 'the EKS add-on vpc-cni (the aws-node DaemonSet of every EKS cluster)',
  addonName: 'vpc-cni',
  ranges: [{ since: 'v1.10.1', change: 'AmazonEKS_CNI_Policy (IPv4), or the EKS user guide\'s IPv6 policy (IPv6 needs 1.10.1 or later)' }],
  newestKnownVersion: 'v1.23.0',
  // True for both families: the range starts where IPv6 support does, and for IPv4 the catalog
  // simply has no checked copy older than that.
  olderVersionsReason: 'the catalog\'s policies start at 1.10.1: for IPv6 clusters, the first release the EKS user guide supports; '
    + 'for IPv4 clusters, the catalog has not checked AmazonEKS_CNI_Policy against older plugins (attach it yourself with managedPolicies)',
  podIdentity: { minimumVersion: 'v1.15.5-eksbuild.1', source: `${EKS_POD_IDENTITY_ADDON_TABLE}: v1.15.5-eksbuild.1` },
  narrowings: [{
    kind: NarrowingKind.RESOURCE_SCOPED,
    actions: ['ec2:AssignIpv6Addresses', 'ec2:CreateTags'],
    description: 'IPv6 address assignment and tagging are limited to network interfaces of the stack\'s region and account (upstream: * and arn:aws:ec2:*:*:network-interface/*)',
  }],
};

/** @internal */
export function vpcCniDefinition(options: VpcCniOptions): ControllerDefinition {
  const ipv6 = options.ipv6 ?? false;
  return {
    entry: VPC_CNI,
    managedPolicyNames: () => (ipv6 ? [] : ['AmazonEKS_CNI_Policy']),
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
