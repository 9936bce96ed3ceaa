/**
 * Where the catalog's policies come from: for every entry and every version boundary, the public
 * documents its statements (or AWS managed policies) were written from, as read for the catalog.
 * The tests keep a copy of each document under test/catalog/upstream/<entry>/<version>/ and check
 * that this table and the copies agree.
 * @internal
 */
import { PolicySource } from '../policy-provenance';

/** @internal */
export const UPSTREAM_SOURCES: { readonly [entry: string]: { readonly [since: string]: PolicySource[] } } = {
  'adot': {
    'v0.88.0': [
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AWSXrayWriteOnlyAccess v2', path: 'policies/AWSXrayWriteOnlyAccess', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonPrometheusRemoteWriteAccess v1', path: 'policies/AmazonPrometheusRemoteWriteAccess', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'CloudWatchAgentServerPolicy v3', path: 'policies/CloudWatchAgentServerPolicy', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { read: '2026-12-01', url: 'https://aws-otel.github.io/docs/getting-started/adot-eks-add-on/add-on-configuration-collector-deployment' },
    ],
  },
  'aws-for-fluent-bit': {
    'v2.32.0': [
      { commit: '82ab6afe68f43eb9db3e4a4c701fb62dd8be8b7e', path: 'pipeline/outputs/cloudwatch.md', read: '2026-12-01', repository: 'fluent/fluent-bit-docs' },
    ],
  },
  'aws-gateway-api-controller': {
    'v1.0.5': [
      { commit: 'ea5a394c5c804178d81207bf85d956a5faa5fdd1', path: 'files/controller-installation/recommended-inline-policy.json', read: '2026-12-01', repository: 'aws/aws-application-networking-k8s', tag: 'v1.0.5' },
    ],
    'v1.1.7': [
      { commit: '1d45cbea42c8dbcbcf33b293849ddf8208f01c4d', path: 'files/controller-installation/recommended-inline-policy.json', read: '2026-12-01', repository: 'aws/aws-application-networking-k8s', tag: 'v1.1.7' },
    ],
    'v2.0.2': [
      { commit: '52a5663e61d3b08c7a21d8a8d5397688bfe71d76', path: 'files/controller-installation/recommended-inline-policy.json', read: '2026-12-01', repository: 'aws/aws-application-networking-k8s', tag: 'v2.0.2' },
    ],
  },
  'aws-load-balancer-controller': {
    'v2.5.0': [
      { commit: '14f5a70b3319d5ab141aee9893bbb425c9a55958', path: 'docs/install/iam_policy.json', read: '2026-12-01', repository: 'kubernetes-sigs/aws-load-balancer-controller', tag: 'v2.5.0' },
    ],
    'v2.7.0': [
      { commit: 'ed00c8199179b04fa2749db64e36d4a48ab170ac', path: 'docs/install/iam_policy.json', read: '2026-12-01', repository: 'kubernetes-sigs/aws-load-balancer-controller', tag: 'v2.7.0' },
    ],
    'v2.9.0': [
      { commit: '0700e85d3b75a24b172177df01197fb3b45c5f73', path: 'docs/install/iam_policy.json', read: '2026-12-01', repository: 'kubernetes-sigs/aws-load-balancer-controller', tag: 'v2.9.0' },
    ],
    'v2.10.0': [
      { commit: '8416a4320aeb4e86c61ddb301d9661c1cf26cb29', path: 'docs/install/iam_policy.json', read: '2026-12-01', repository: 'kubernetes-sigs/aws-load-balancer-controller', tag: 'v2.10.0' },
    ],
    'v2.11.0': [
      { commit: 'ba4152c1ba7c75be194d75cf343219d4aeaeb116', path: 'docs/install/iam_policy.json', read: '2026-12-01', repository: 'kubernetes-sigs/aws-load-balancer-controller', tag: 'v2.11.0' },
    ],
    'v2.12.0': [
      { commit: 'ab69d951f7f42ce91f5d7880118b8fc7937794f1', path: 'docs/install/iam_policy.json', read: '2026-12-01', repository: 'kubernetes-sigs/aws-load-balancer-controller', tag: 'v2.12.0' },
    ],
    'v2.13.0': [
      { commit: '73980cf11d1c79c310f4f14a089554f58b165d7d', path: 'docs/install/iam_policy.json', read: '2026-12-01', repository: 'kubernetes-sigs/aws-load-balancer-controller', tag: 'v2.13.0' },
    ],
  },
  'aws-privateca-issuer': {
    'v1.2.5': [
      { commit: '9a96854c4f6464fdac71cf4a04e7bd949f5ddc33', path: 'README.md', read: '2026-12-01', repository: 'cert-manager/aws-privateca-issuer', tag: 'v1.2.5' },
    ],
  },
  'cert-manager': {
    'v1.14.0': [
      { commit: 'd39870e420128289c84d3a838ff2013f6c393c0a', path: 'content/v1.14-docs/configuration/acme/dns01/route53.md', read: '2026-12-01', repository: 'cert-manager/website' },
    ],
    'v1.17.0': [
      { commit: 'be51ef91ca12b08085143c4ce99e3100e0ff1f62', path: 'content/v1.17-docs/configuration/acme/dns01/route53.md', read: '2026-12-01', repository: 'cert-manager/website' },
    ],
  },
  'cloudwatch-observability': {
    'v1.0.0': [
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'CloudWatchAgentServerPolicy v3', path: 'policies/CloudWatchAgentServerPolicy', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AWSXrayWriteOnlyAccess v2', path: 'policies/AWSXrayWriteOnlyAccess', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'f60041409f8255b59682a2ca39382a2278e0e38b', path: 'latest/ug/workloads/eks-add-ons.adoc', read: '2026-12-01', repository: 'awsdocs/amazon-eks-user-guide', url: 'https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html' },
    ],
  },
  'cluster-autoscaler': {
    'v1.28.0': [
      { commit: '5bcb526e08c17ff93cc6093ee89a95730a90e45b', path: 'cluster-autoscaler/cloudprovider/aws/README.md', read: '2026-12-01', repository: 'kubernetes/autoscaler', tag: 'cluster-autoscaler-1.28.0' },
    ],
    'v1.31.0': [
      { commit: '8bda275bd3eb983b77ed002038464b2afd4bb7c1', path: 'cluster-autoscaler/cloudprovider/aws/README.md', read: '2026-12-01', repository: 'kubernetes/autoscaler', tag: 'cluster-autoscaler-1.31.0' },
    ],
  },
  'ebs-csi-driver': {
    'v1.12.0': [
      { commit: 'ba61ee471b5e3d79c1f39f6d8ec12b52318ef0c6', managedPolicyVersion: 'AmazonEBSCSIDriverPolicy v3', path: 'policies/AmazonEBSCSIDriverPolicy', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'f60041409f8255b59682a2ca39382a2278e0e38b', path: 'latest/ug/storage/ebs-csi.adoc', read: '2026-12-01', repository: 'awsdocs/amazon-eks-user-guide', url: 'https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html' },
      { commit: 'eebda781d5f100c5d01a919721fb2f2152e22b72', path: 'docs/install.md', read: '2026-12-01', repository: 'kubernetes-sigs/aws-ebs-csi-driver', tag: 'v1.12.0' },
    ],
    'v1.59.0': [
      { commit: 'cf124dc19379c89221961b08512c0709b80236fa', managedPolicyVersion: 'AmazonEBSCSIDriverPolicyV2 v1', path: 'docs/AmazonEBSCSIDriverPolicyV2.json', read: '2026-12-07', repository: 'kubernetes-sigs/aws-ebs-csi-driver', tag: 'v1.59.0', url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEBSCSIDriverPolicyV2.html' },
      { commit: 'cf124dc19379c89221961b08512c0709b80236fa', path: 'docs/install.md', read: '2026-12-07', repository: 'kubernetes-sigs/aws-ebs-csi-driver', tag: 'v1.59.0' },
    ],
  },
  'efs-csi-driver': {
    'v2.0.0': [
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonEFSCSIDriverPolicy v1', path: 'policies/AmazonEFSCSIDriverPolicy', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'f60041409f8255b59682a2ca39382a2278e0e38b', path: 'latest/ug/storage/efs-csi.adoc', read: '2026-12-01', repository: 'awsdocs/amazon-eks-user-guide', url: 'https://docs.aws.amazon.com/eks/latest/userguide/efs-csi.html' },
    ],
  },
  'efs-csi-node': {
    'v3.0.1': [
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonElasticFileSystemsUtils v1', path: 'policies/AmazonElasticFileSystemsUtils', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonS3ReadOnlyAccess v3', path: 'policies/AmazonS3ReadOnlyAccess', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: '67e06b12c312c29b8e97abb0001eee3f0a520365', path: 'docs/iam-policy-create.md', read: '2026-12-01', repository: 'kubernetes-sigs/aws-efs-csi-driver', tag: 'v3.0.1' },
    ],
    'v3.3.0': [
      { managedPolicyVersion: 'AmazonS3FilesClientFullAccess v1', read: '2026-12-07', url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3FilesClientFullAccess.html' },
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonElasticFileSystemsUtils v1', path: 'policies/AmazonElasticFileSystemsUtils', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonS3ReadOnlyAccess v3', path: 'policies/AmazonS3ReadOnlyAccess', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: 'ebcf0985613434a7edbbe560e7811633898a09f8', path: 'docs/iam-policy-create.md', read: '2026-12-07', repository: 'kubernetes-sigs/aws-efs-csi-driver', tag: 'v3.3.0' },
    ],
  },
  'external-dns': {
    'v0.14.0': [
      { commit: '9f7167fb82de53792d3853bed59ebe0b0b0ff821', path: 'docs/tutorials/aws.md', read: '2026-12-01', repository: 'kubernetes-sigs/external-dns', tag: 'v0.14.0' },
    ],
    'v0.16.0': [
      { commit: '7e9f14848e983a0d5f5e8eef18c2d86a45200d75', path: 'docs/tutorials/aws.md', read: '2026-12-01', repository: 'kubernetes-sigs/external-dns', tag: 'v0.17.0' },
      { commit: '724b86b8b867db9420c51b6a8bc9d26118bf213d', path: 'provider/aws/aws.go', read: '2026-12-07', repository: 'kubernetes-sigs/external-dns', tag: 'v0.16.0' },
    ],
    'v0.20.0': [
      { commit: '5c2787321948e391ac188584855a7339eb8dd5e1', path: 'docs/tutorials/aws.md', read: '2026-12-07', repository: 'kubernetes-sigs/external-dns', tag: 'v0.20.0' },
    ],
  },
  'external-secrets': {
    'v0.9.5': [
      { commit: 'b9f8ddad2098ef8dcecb48718fd6bcb3577a0b56', path: 'docs/provider/aws-secrets-manager.md', read: '2026-12-01', repository: 'external-secrets/external-secrets', tag: 'v0.9.5' },
      { commit: 'b9f8ddad2098ef8dcecb48718fd6bcb3577a0b56', path: 'docs/provider/aws-parameter-store.md', read: '2026-12-01', repository: 'external-secrets/external-secrets', tag: 'v0.9.5' },
    ],
    'v0.10.1': [
      { commit: 'bc97ae06f669c17903ad3b170a71dd4fd47045c8', path: 'docs/provider/aws-secrets-manager.md', read: '2026-12-07', repository: 'external-secrets/external-secrets', tag: 'v0.10.1' },
      { commit: 'bc97ae06f669c17903ad3b170a71dd4fd47045c8', path: 'docs/provider/aws-parameter-store.md', read: '2026-12-07', repository: 'external-secrets/external-secrets', tag: 'v0.10.1' },
    ],
    'v0.12.0': [
      { commit: '2b4e4a3bc7c458b8c7405ad0c56a4a45fe088687', path: 'docs/provider/aws-secrets-manager.md', read: '2026-12-01', repository: 'external-secrets/external-secrets', tag: 'v0.12.0' },
      { commit: '2b4e4a3bc7c458b8c7405ad0c56a4a45fe088687', path: 'docs/provider/aws-parameter-store.md', read: '2026-12-07', repository: 'external-secrets/external-secrets', tag: 'v0.12.0' },
    ],
    'v0.13.0': [
      { commit: 'dfe94b1a79aa4880f105b0df9c040dbc5cce7e6b', path: 'docs/provider/aws-secrets-manager.md', read: '2026-12-01', repository: 'external-secrets/external-secrets', tag: 'v0.13.0' },
      { commit: 'dfe94b1a79aa4880f105b0df9c040dbc5cce7e6b', path: 'docs/provider/aws-parameter-store.md', read: '2026-12-07', repository: 'external-secrets/external-secrets', tag: 'v0.13.0' },
    ],
    'v0.20.4': [
      { commit: '9ee12d535a01dda40a1ea0c7d4fd5c545baa6dba', path: 'docs/provider/aws-secrets-manager.md', read: '2026-12-01', repository: 'external-secrets/external-secrets', tag: 'v0.20.4' },
      { commit: '9ee12d535a01dda40a1ea0c7d4fd5c545baa6dba', path: 'docs/provider/aws-parameter-store.md', read: '2026-12-07', repository: 'external-secrets/external-secrets', tag: 'v0.20.4' },
    ],
    'v2.7.0': [
      { commit: 'e215053f3e68504de7483f9542b49f19f98293a1', path: 'docs/provider/aws-secrets-manager.md', read: '2026-12-01', repository: 'external-secrets/external-secrets', tag: 'v2.7.0' },
      { commit: 'e215053f3e68504de7483f9542b49f19f98293a1', path: 'docs/provider/aws-parameter-store.md', read: '2026-12-07', repository: 'external-secrets/external-secrets', tag: 'v2.7.0' },
    ],
  },
  'fsx-csi-driver': {
    'v1.0.0': [
      { commit: '4dd8c91c81ead81e2740a40698d9ac39185b6dd4', path: 'docs/install.md', read: '2026-12-01', repository: 'kubernetes-sigs/aws-fsx-csi-driver', tag: 'v1.0.0' },
    ],
    'v1.3.0': [
      { commit: 'e07715854f4918e4434ba120f58d019f1c86f369', path: 'docs/install.md', read: '2026-12-01', repository: 'kubernetes-sigs/aws-fsx-csi-driver', tag: 'v1.3.0' },
    ],
  },
  'karpenter': {
    'v1.0.0': [
      { commit: 'b56e0442b621dc8b46d7529f84352153c0d66cb0', path: 'website/content/en/v1.0/getting-started/getting-started-with-karpenter/cloudformation.yaml', read: '2026-12-07', repository: 'aws/karpenter-provider-aws' },
    ],
    'v1.3.0': [
      { commit: 'ff594168001c8a819cb5e626c36f9d03d4547aea', path: 'website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml', read: '2026-12-07', repository: 'aws/karpenter-provider-aws', tag: 'v1.3.0' },
    ],
    'v1.7.0': [
      { commit: '54ada83c702570a1bc64c91996218e8c567a2b49', path: 'website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml', read: '2026-12-07', repository: 'aws/karpenter-provider-aws', tag: 'v1.7.0' },
    ],
    'v1.9.0': [
      { commit: 'e7e13271922287f916b3d133505205048a74af4b', path: 'website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml', read: '2026-12-07', repository: 'aws/karpenter-provider-aws', tag: 'v1.9.0' },
    ],
    'v1.11.0': [
      { commit: '537b01a52f185e17f4f71ff2bc4fd0a05ba90670', path: 'website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml', read: '2026-12-07', repository: 'aws/karpenter-provider-aws', tag: 'v1.11.0' },
    ],
    'v1.12.0': [
      { commit: 'a0407445bc416764df101074e5f05d759e72e058', path: 'website/content/en/v1.12/getting-started/getting-started-with-karpenter/cloudformation.yaml', read: '2026-12-07', repository: 'aws/karpenter-provider-aws' },
    ],
  },
  'mountpoint-s3-csi-driver': {
    'v1.5.0': [
      { commit: '56591e7b6dd2b49acefa9ce8df7eaacb5f3f9647', path: 'doc/CONFIGURATION.md', read: '2026-12-07', repository: 'awslabs/mountpoint-s3', tag: 'mountpoint-s3-1.5.0' },
      { commit: 'd3b632d1b98dd32f37ab7ba0633c825933ececb9', path: 'doc/CONFIGURATION.md', read: '2026-12-07', repository: 'awslabs/mountpoint-s3', tag: 'mountpoint-s3-1.7.2' },
      { commit: 'cf4a06e2cc229c8e733bbe1f499b317a17ddeb82', path: 'Dockerfile', read: '2026-12-01', repository: 'awslabs/mountpoint-s3-csi-driver', tag: 'v1.5.0' },
      { commit: '53b62cb27036138b46e51f34ddef454fd0f89c6c', path: 'Dockerfile', read: '2026-12-07', repository: 'awslabs/mountpoint-s3-csi-driver', tag: 'v1.7.0' },
    ],
  },
  'secrets-store-csi-driver-provider-aws': {
    '0.3.9': [
      { commit: '4e460219af7398aa2bbbdfb2d28cd0e302e8dcd2', path: 'README.md', read: '2026-12-01', repository: 'aws/secrets-store-csi-driver-provider-aws', tag: 'secrets-store-csi-driver-provider-aws-0.3.9' },
    ],
  },
  'velero-plugin-for-aws': {
    'v1.9.0': [
      { commit: '946986d1cc1d29d2fe74c941bedcf835f6245737', path: 'README.md', read: '2026-12-01', repository: 'vmware-tanzu/velero-plugin-for-aws', tag: 'v1.9.0' },
    ],
    'v1.11.0': [
      { commit: '1dcd0597ad07ce7477a419524eac6cf02ec76800', path: 'README.md', read: '2026-12-01', repository: 'vmware-tanzu/velero-plugin-for-aws', tag: 'v1.11.0' },
    ],
  },
  'vpc-cni': {
    'v1.10.1': [
      { commit: 'aafbae9e6087b732577df3a0556f8677e5d4c79b', managedPolicyVersion: 'AmazonEKS_CNI_Policy v5', path: 'policies/AmazonEKS_CNI_Policy', read: '2026-12-01', repository: 'z0ph/MAMIP' },
      { commit: '2ef9e386c918fb0273527207d6af9d3d19ef4621', path: 'latest/ug/iam_policies/AmazonEKS_CNI_IPv6_Policy.json', read: '2026-12-01', repository: 'awsdocs/amazon-eks-user-guide', url: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html' },
    ],
  },
};
