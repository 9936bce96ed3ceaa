/**
 * Where the catalog's policies come from: for every entry and every version boundary, the public
 * documents its statements (or AWS managed policies) were written from, as read for the catalog.
 * The tests keep a copy of each document under test/catalog/upstream/<entry>/<version>/ and check
 * that this table and the copies agree.
 * @internal
 */
import { PolicySource } from './policy-provenance';

/** @internal */
export const UPSTREAM_SOURCES: { readonly [entry: string]: { readonly [since: string]: PolicySource[] } } = {
  'adot': {
    'v0.88.0': [
      { repository: 'z0ph/MAMIP', path: 'policies/AWSXrayWriteOnlyAccess', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AWSXrayWriteOnlyAccess v2', read: '2026-12-01' },
      { repository: 'z0ph/MAMIP', path: 'policies/AmazonPrometheusRemoteWriteAccess', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonPrometheusRemoteWriteAccess v1', read: '2026-12-01' },
      { repository: 'z0ph/MAMIP', path: 'policies/CloudWatchAgentServerPolicy', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'CloudWatchAgentServerPolicy v3', read: '2026-12-01' },
      { url: 'https://aws-otel.github.io/docs/getting-started/adot-eks-add-on/add-on-configuration-collector-deployment', read: '2026-12-01' },
    ],
  },
  'aws-for-fluent-bit': {
    'v2.32.0': [
      { repository: 'fluent/fluent-bit-docs', path: 'pipeline/outputs/cloudwatch.md', commit: '82ab6afe68f43eb9db3e4a4c701fb62dd8be8b7e', read: '2026-12-01' },
    ],
  },
  'aws-gateway-api-controller': {
    'v1.0.5': [
      { repository: 'aws/aws-application-networking-k8s', path: 'files/controller-installation/recommended-inline-policy.json', tag: 'v1.0.5', commit: 'ea5a394c5c804178d81207bf85d956a5faa5fdd1', read: '2026-12-01' },
    ],
    'v1.1.7': [
      { repository: 'aws/aws-application-networking-k8s', path: 'files/controller-installation/recommended-inline-policy.json', tag: 'v1.1.7', commit: '1d45cbea42c8dbcbcf33b293849ddf8208f01c4d', read: '2026-12-01' },
    ],
    'v2.0.2': [
      { repository: 'aws/aws-application-networking-k8s', path: 'files/controller-installation/recommended-inline-policy.json', tag: 'v2.0.2', commit: '52a5663e61d3b08c7a21d8a8d5397688bfe71d76', read: '2026-12-01' },
    ],
  },
  'aws-load-balancer-controller': {
    'v2.5.0': [
      { repository: 'kubernetes-sigs/aws-load-balancer-controller', path: 'docs/install/iam_policy.json', tag: 'v2.5.0', commit: '14f5a70b3319d5ab141aee9893bbb425c9a55958', read: '2026-12-01' },
    ],
    'v2.7.0': [
      { repository: 'kubernetes-sigs/aws-load-balancer-controller', path: 'docs/install/iam_policy.json', tag: 'v2.7.0', commit: 'ed00c8199179b04fa2749db64e36d4a48ab170ac', read: '2026-12-01' },
    ],
    'v2.9.0': [
      { repository: 'kubernetes-sigs/aws-load-balancer-controller', path: 'docs/install/iam_policy.json', tag: 'v2.9.0', commit: '0700e85d3b75a24b172177df01197fb3b45c5f73', read: '2026-12-01' },
    ],
    'v2.10.0': [
      { repository: 'kubernetes-sigs/aws-load-balancer-controller', path: 'docs/install/iam_policy.json', tag: 'v2.10.0', commit: '8416a4320aeb4e86c61ddb301d9661c1cf26cb29', read: '2026-12-01' },
    ],
    'v2.11.0': [
      { repository: 'kubernetes-sigs/aws-load-balancer-controller', path: 'docs/install/iam_policy.json', tag: 'v2.11.0', commit: 'ba4152c1ba7c75be194d75cf343219d4aeaeb116', read: '2026-12-01' },
    ],
    'v2.12.0': [
      { repository: 'kubernetes-sigs/aws-load-balancer-controller', path: 'docs/install/iam_policy.json', tag: 'v2.12.0', commit: 'ab69d951f7f42ce91f5d7880118b8fc7937794f1', read: '2026-12-01' },
    ],
    'v2.13.0': [
      { repository: 'kubernetes-sigs/aws-load-balancer-controller', path: 'docs/install/iam_policy.json', tag: 'v2.13.0', commit: '73980cf11d1c79c310f4f14a089554f58b165d7d', read: '2026-12-01' },
    ],
  },
  'aws-privateca-issuer': {
    'v1.2.5': [
      { repository: 'cert-manager/aws-privateca-issuer', path: 'README.md', tag: 'v1.2.5', commit: '9a96854c4f6464fdac71cf4a04e7bd949f5ddc33', read: '2026-12-01' },
    ],
  },
  'cert-manager': {
    'v1.14.0': [
      { repository: 'cert-manager/website', path: 'content/v1.14-docs/configuration/acme/dns01/route53.md', commit: 'd39870e420128289c84d3a838ff2013f6c393c0a', read: '2026-12-01' },
    ],
    'v1.17.0': [
      { repository: 'cert-manager/website', path: 'content/v1.17-docs/configuration/acme/dns01/route53.md', commit: 'be51ef91ca12b08085143c4ce99e3100e0ff1f62', read: '2026-12-01' },
    ],
  },
  'cloudwatch-observability': {
    'v1.0.0': [
      { repository: 'z0ph/MAMIP', path: 'policies/CloudWatchAgentServerPolicy', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'CloudWatchAgentServerPolicy v3', read: '2026-12-01' },
      { repository: 'z0ph/MAMIP', path: 'policies/AWSXrayWriteOnlyAccess', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AWSXrayWriteOnlyAccess v2', read: '2026-12-01' },
      { repository: 'awsdocs/amazon-eks-user-guide', path: 'latest/ug/workloads/eks-add-ons.adoc', commit: 'f60041409f8255b59682a2ca39382a2278e0e38b', url: 'https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html', read: '2026-12-01' },
    ],
  },
  'cluster-autoscaler': {
    'v1.28.0': [
      { repository: 'kubernetes/autoscaler', path: 'cluster-autoscaler/cloudprovider/aws/README.md', tag: 'cluster-autoscaler-1.28.0', commit: '5bcb526e08c17ff93cc6093ee89a95730a90e45b', read: '2026-12-01' },
    ],
    'v1.31.0': [
      { repository: 'kubernetes/autoscaler', path: 'cluster-autoscaler/cloudprovider/aws/README.md', tag: 'cluster-autoscaler-1.31.0', commit: '8bda275bd3eb983b77ed002038464b2afd4bb7c1', read: '2026-12-01' },
    ],
  },
  'ebs-csi-driver': {
    'v1.12.0': [
      { repository: 'z0ph/MAMIP', path: 'policies/AmazonEBSCSIDriverPolicy', commit: 'ba61ee471b5e3d79c1f39f6d8ec12b52318ef0c6', managedPolicyVersion: 'AmazonEBSCSIDriverPolicy v3', read: '2026-12-01' },
      { repository: 'awsdocs/amazon-eks-user-guide', path: 'latest/ug/storage/ebs-csi.adoc', commit: 'f60041409f8255b59682a2ca39382a2278e0e38b', url: 'https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html', read: '2026-12-01' },
      { repository: 'kubernetes-sigs/aws-ebs-csi-driver', path: 'docs/install.md', tag: 'v1.12.0', commit: 'eebda781d5f100c5d01a919721fb2f2152e22b72', read: '2026-12-01' },
    ],
  },
  'efs-csi-driver': {
    'v2.0.0': [
      { repository: 'z0ph/MAMIP', path: 'policies/AmazonEFSCSIDriverPolicy', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonEFSCSIDriverPolicy v1', read: '2026-12-01' },
      { repository: 'awsdocs/amazon-eks-user-guide', path: 'latest/ug/storage/efs-csi.adoc', commit: 'f60041409f8255b59682a2ca39382a2278e0e38b', url: 'https://docs.aws.amazon.com/eks/latest/userguide/efs-csi.html', read: '2026-12-01' },
    ],
  },
  'efs-csi-node': {
    'v3.0.1': [
      { repository: 'z0ph/MAMIP', path: 'policies/AmazonElasticFileSystemsUtils', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonElasticFileSystemsUtils v1', read: '2026-12-01' },
      { repository: 'z0ph/MAMIP', path: 'policies/AmazonS3ReadOnlyAccess', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonS3ReadOnlyAccess v3', read: '2026-12-01' },
      { repository: 'kubernetes-sigs/aws-efs-csi-driver', path: 'docs/iam-policy-create.md', tag: 'v3.0.1', commit: '67e06b12c312c29b8e97abb0001eee3f0a520365', read: '2026-12-01' },
    ],
  },
  'external-dns': {
    'v0.14.0': [
      { repository: 'kubernetes-sigs/external-dns', path: 'docs/tutorials/aws.md', tag: 'v0.14.0', commit: '9f7167fb82de53792d3853bed59ebe0b0b0ff821', read: '2026-12-01' },
    ],
    'v0.16.0': [
      { repository: 'kubernetes-sigs/external-dns', path: 'docs/tutorials/aws.md', tag: 'v0.17.0', commit: '7e9f14848e983a0d5f5e8eef18c2d86a45200d75', read: '2026-12-01' },
    ],
  },
  'external-secrets': {
    'v0.9.5': [
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v0.9.5', commit: 'b9f8ddad2098ef8dcecb48718fd6bcb3577a0b56', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v0.9.5', commit: 'b9f8ddad2098ef8dcecb48718fd6bcb3577a0b56', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-parameter-store.md', tag: 'v0.9.5', commit: 'b9f8ddad2098ef8dcecb48718fd6bcb3577a0b56', read: '2026-12-01' },
    ],
    'v0.12.0': [
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v0.12.0', commit: '2b4e4a3bc7c458b8c7405ad0c56a4a45fe088687', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v0.12.0', commit: '2b4e4a3bc7c458b8c7405ad0c56a4a45fe088687', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-parameter-store.md', tag: 'v0.12.0', commit: '2b4e4a3bc7c458b8c7405ad0c56a4a45fe088687', read: '2026-12-01' },
    ],
    'v0.13.0': [
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v0.13.0', commit: 'dfe94b1a79aa4880f105b0df9c040dbc5cce7e6b', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v0.13.0', commit: 'dfe94b1a79aa4880f105b0df9c040dbc5cce7e6b', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-parameter-store.md', tag: 'v0.13.0', commit: 'dfe94b1a79aa4880f105b0df9c040dbc5cce7e6b', read: '2026-12-01' },
    ],
    'v0.20.4': [
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v0.20.4', commit: '9ee12d535a01dda40a1ea0c7d4fd5c545baa6dba', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v0.20.4', commit: '9ee12d535a01dda40a1ea0c7d4fd5c545baa6dba', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-parameter-store.md', tag: 'v0.20.4', commit: '9ee12d535a01dda40a1ea0c7d4fd5c545baa6dba', read: '2026-12-01' },
    ],
    'v2.7.0': [
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v2.7.0', commit: 'e215053f3e68504de7483f9542b49f19f98293a1', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-secrets-manager.md', tag: 'v2.7.0', commit: 'e215053f3e68504de7483f9542b49f19f98293a1', read: '2026-12-01' },
      { repository: 'external-secrets/external-secrets', path: 'docs/provider/aws-parameter-store.md', tag: 'v2.7.0', commit: 'e215053f3e68504de7483f9542b49f19f98293a1', read: '2026-12-01' },
    ],
  },
  'fsx-csi-driver': {
    'v1.0.0': [
      { repository: 'kubernetes-sigs/aws-fsx-csi-driver', path: 'docs/install.md', tag: 'v1.0.0', commit: '4dd8c91c81ead81e2740a40698d9ac39185b6dd4', read: '2026-12-01' },
    ],
    'v1.3.0': [
      { repository: 'kubernetes-sigs/aws-fsx-csi-driver', path: 'docs/install.md', tag: 'v1.3.0', commit: 'e07715854f4918e4434ba120f58d019f1c86f369', read: '2026-12-01' },
    ],
  },
  'karpenter': {
    'v1.0.0': [
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.0.0', commit: '5bdf9c3a9d6b01dc6934c3807dfa69160d411131', read: '2026-12-01' },
    ],
    'v1.1.0': [
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.1.0', commit: '0a85efb08fc768e266fa2ec152b46ad9cd050cfd', read: '2026-12-01' },
    ],
    'v1.4.0': [
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.4.0', commit: '08716027c2618c13c34007c6abcee8771f4a83af', read: '2026-12-01' },
    ],
    'v1.8.0': [
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.8.0', commit: '31fa2ea3e11889503f6533f8626212135fc0fa64', read: '2026-12-01' },
    ],
    'v1.10.0': [
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.10.0', commit: 'd80cb864b9e8cacbe4c6d7765951085be6fb6e0f', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.10.0', commit: 'd80cb864b9e8cacbe4c6d7765951085be6fb6e0f', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.10.0', commit: 'd80cb864b9e8cacbe4c6d7765951085be6fb6e0f', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.10.0', commit: 'd80cb864b9e8cacbe4c6d7765951085be6fb6e0f', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.10.0', commit: 'd80cb864b9e8cacbe4c6d7765951085be6fb6e0f', read: '2026-12-01' },
    ],
    'v1.12.0': [
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.12.0', commit: '7ff7943a971ba3df0ff755677fd76c13b11afef0', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.12.0', commit: '7ff7943a971ba3df0ff755677fd76c13b11afef0', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.12.0', commit: '7ff7943a971ba3df0ff755677fd76c13b11afef0', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.12.0', commit: '7ff7943a971ba3df0ff755677fd76c13b11afef0', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.12.0', commit: '7ff7943a971ba3df0ff755677fd76c13b11afef0', read: '2026-12-01' },
    ],
    'v1.13.0': [
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.13.0', commit: '2be95547983a8948b7172aa66bf92c905fbbf001', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.13.0', commit: '2be95547983a8948b7172aa66bf92c905fbbf001', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.13.0', commit: '2be95547983a8948b7172aa66bf92c905fbbf001', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.13.0', commit: '2be95547983a8948b7172aa66bf92c905fbbf001', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.13.0', commit: '2be95547983a8948b7172aa66bf92c905fbbf001', read: '2026-12-01' },
      { repository: 'aws/karpenter-provider-aws', path: 'website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml', tag: 'v1.13.0', commit: '2be95547983a8948b7172aa66bf92c905fbbf001', read: '2026-12-01' },
    ],
  },
  'mountpoint-s3-csi-driver': {
    'v1.5.0': [
      { repository: 'awslabs/mountpoint-s3', path: 'doc/CONFIGURATION.md', tag: 'mountpoint-s3-1.5.0', commit: '56591e7b6dd2b49acefa9ce8df7eaacb5f3f9647', read: '2026-12-01' },
      { repository: 'awslabs/mountpoint-s3', path: 'doc/CONFIGURATION.md', tag: 'mountpoint-s3-1.5.0', commit: '56591e7b6dd2b49acefa9ce8df7eaacb5f3f9647', read: '2026-12-01' },
      { repository: 'awslabs/mountpoint-s3', path: 'doc/CONFIGURATION.md', tag: 'mountpoint-s3-1.5.0', commit: '56591e7b6dd2b49acefa9ce8df7eaacb5f3f9647', read: '2026-12-01' },
      { repository: 'awslabs/mountpoint-s3-csi-driver', path: 'Dockerfile', tag: 'v1.5.0', commit: 'cf4a06e2cc229c8e733bbe1f499b317a17ddeb82', read: '2026-12-01' },
    ],
  },
  'secrets-store-csi-driver-provider-aws': {
    '0.3.9': [
      { repository: 'aws/secrets-store-csi-driver-provider-aws', path: 'README.md', tag: 'secrets-store-csi-driver-provider-aws-0.3.9', commit: '4e460219af7398aa2bbbdfb2d28cd0e302e8dcd2', read: '2026-12-01' },
      { repository: 'aws/secrets-store-csi-driver-provider-aws', path: 'README.md', tag: 'secrets-store-csi-driver-provider-aws-0.3.9', commit: '4e460219af7398aa2bbbdfb2d28cd0e302e8dcd2', read: '2026-12-01' },
    ],
  },
  'velero-plugin-for-aws': {
    'v1.9.0': [
      { repository: 'vmware-tanzu/velero-plugin-for-aws', path: 'README.md', tag: 'v1.9.0', commit: '946986d1cc1d29d2fe74c941bedcf835f6245737', read: '2026-12-01' },
    ],
    'v1.11.0': [
      { repository: 'vmware-tanzu/velero-plugin-for-aws', path: 'README.md', tag: 'v1.11.0', commit: '1dcd0597ad07ce7477a419524eac6cf02ec76800', read: '2026-12-01' },
    ],
  },
  'vpc-cni': {
    'v1.10.1': [
      { repository: 'z0ph/MAMIP', path: 'policies/AmazonEKS_CNI_Policy', commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonEKS_CNI_Policy v5', read: '2026-12-01' },
      { repository: 'awsdocs/amazon-eks-user-guide', path: 'latest/ug/iam_policies/AmazonEKS_CNI_IPv6_Policy.json', commit: '2ef9e386c918fb0273527207d6af9d3d19ef4621', url: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html', read: '2026-12-01' },
    ],
  },
};
