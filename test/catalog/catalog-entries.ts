import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AdotCollector, ControllerIdentity } from '../../src';
import { ACCOUNT, REGION } from '../support/fixtures';

export const ZONE_A = 'Z0123456789ABCDEFGHIJ';
export const ZONE_B = 'Z9876543210ZYXWVUTSRQ';
export const BUCKET_ARN = 'arn:aws:s3:::my-mounted-bucket';
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const NODE_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/KarpenterNodeRole-myeks`;
export const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:myeks`;
export const DIRECTORY_BUCKET_ARN = `arn:aws:s3express:${REGION}:${ACCOUNT}:bucket/my-express-bucket--apne2-az1--x-s3`;
export const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db-AbCdEf`;
export const PARAMETER_ARN = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/config`;
export const CA_ARN = `arn:aws:acm-pca:${REGION}:${ACCOUNT}:certificate-authority/12345678-1234-1234-1234-123456789012`;
export const BACKUP_BUCKET_ARN = 'arn:aws:s3:::my-velero-backups';

/** A key of a concrete stack (imported, so it adds no resource). */
export function testKey(stack: Stack): kms.IKey {
  return kms.Key.fromKeyArn(stack, `Key${stack.node.children.length}`, KEY_ARN);
}

/** One catalog entry with inputs that exercise every statement it can have. */
export interface CatalogCase {
  readonly id: string;
  readonly make: (stack: Stack) => ControllerIdentity;
}

export const CATALOG_CASES: CatalogCase[] = [
  { id: 'aws-load-balancer-controller (cluster-scoped)', make: () => ControllerIdentity.awsLoadBalancerController({ clusterName: 'myeks' }) },
  { id: 'aws-load-balancer-controller (any cluster)', make: () => ControllerIdentity.awsLoadBalancerController() },
  { id: 'external-dns', make: () => ControllerIdentity.externalDns({ hostedZoneIds: [ZONE_A, `/hostedzone/${ZONE_B}`] }) },
  { id: 'cert-manager', make: () => ControllerIdentity.certManager({ hostedZoneIds: [ZONE_A] }) },
  { id: 'cert-manager (any record name)', make: () => ControllerIdentity.certManager({ hostedZoneIds: [ZONE_A], acmeChallengeRecordsOnly: false }) },
  { id: 'ebs-csi-driver', make: () => ControllerIdentity.ebsCsiDriver() },
  { id: 'ebs-csi-driver (KMS)', make: (stack) => ControllerIdentity.ebsCsiDriver({ kmsKeys: [testKey(stack)] }) },
  { id: 'efs-csi-driver', make: () => ControllerIdentity.efsCsiDriver() },
  { id: 'mountpoint-s3-csi-driver', make: (stack) => ControllerIdentity.mountpointS3CsiDriver({ bucketArns: [BUCKET_ARN], kmsKeys: [testKey(stack)] }) },
  { id: 'mountpoint-s3-csi-driver (read-only)', make: () => ControllerIdentity.mountpointS3CsiDriver({ bucketArns: [BUCKET_ARN], readOnly: true }) },
  { id: 'cluster-autoscaler', make: () => ControllerIdentity.clusterAutoscaler({ clusterName: 'myeks' }) },
  {
    id: 'karpenter',
    make: () => ControllerIdentity.karpenter({ clusterName: 'myeks', nodeRoleArn: NODE_ROLE_ARN, interruptionQueueArn: QUEUE_ARN }),
  },
  { id: 'karpenter (no interruption queue)', make: () => ControllerIdentity.karpenter({ clusterName: 'myeks', nodeRoleArn: NODE_ROLE_ARN }) },
  { id: 'vpc-cni', make: () => ControllerIdentity.vpcCni() },
  { id: 'vpc-cni (IPv6)', make: () => ControllerIdentity.vpcCni({ ipv6: true }) },
  { id: 'cloudwatch-observability', make: () => ControllerIdentity.cloudWatchObservability() },
  { id: 'adot', make: () => ControllerIdentity.adot() },
  { id: 'adot (Prometheus metrics)', make: () => ControllerIdentity.adot({ collector: AdotCollector.PROMETHEUS_METRICS }) },
  { id: 'aws-gateway-api-controller', make: () => ControllerIdentity.awsGatewayApiController() },
  { id: 'aws-privateca-issuer', make: () => ControllerIdentity.awsPrivateCaIssuer({ certificateAuthorityArns: [CA_ARN] }) },
  { id: 'external-secrets', make: () => ControllerIdentity.externalSecrets({ secretArns: [SECRET_ARN], parameterArns: [PARAMETER_ARN] }) },
  {
    id: 'external-secrets (PushSecret)',
    make: () => ControllerIdentity.externalSecrets({ secretArns: [SECRET_ARN], parameterArns: [PARAMETER_ARN], pushSecrets: true }),
  },
  {
    id: 'external-secrets (PushSecret to Parameter Store)',
    make: () => ControllerIdentity.externalSecrets({ parameterArns: [PARAMETER_ARN], pushParameters: true }),
  },
  {
    id: 'secrets-store-csi-driver-provider-aws',
    make: () => ControllerIdentity.secretsStoreCsiDriverProviderAws({
      namespace: 'app', serviceAccountName: 'app', secretArns: [SECRET_ARN], parameterArns: [PARAMETER_ARN],
    }),
  },
  { id: 'efs-csi-node', make: () => ControllerIdentity.efsCsiNode() },
  { id: 'efs-csi-node (S3 Files)', make: () => ControllerIdentity.efsCsiNode({ s3Files: true }) },
  { id: 'fsx-csi-driver', make: () => ControllerIdentity.fsxCsiDriver() },
  { id: 'fsx-csi-driver (given buckets)', make: () => ControllerIdentity.fsxCsiDriver({ dataRepositoryBucketArns: [BUCKET_ARN] }) },
  {
    id: 'mountpoint-s3-csi-driver (directory bucket)',
    make: () => ControllerIdentity.mountpointS3CsiDriver({ bucketArns: [BUCKET_ARN], directoryBucketArns: [DIRECTORY_BUCKET_ARN] }),
  },
  { id: 'velero-plugin-for-aws', make: () => ControllerIdentity.veleroPluginForAws({ bucketArns: [BACKUP_BUCKET_ARN] }) },
  { id: 'velero-plugin-for-aws (no snapshots)', make: () => ControllerIdentity.veleroPluginForAws({ bucketArns: [BACKUP_BUCKET_ARN], volumeSnapshots: false }) },
  { id: 'aws-for-fluent-bit', make: () => ControllerIdentity.awsForFluentBit() },
  { id: 'aws-for-fluent-bit (given log groups)', make: () => ControllerIdentity.awsForFluentBit({ logGroupNames: ['/aws/eks/myeks/application'] }) },
  {
    id: 'aws-load-balancer-controller (shared VPC)',
    make: () => ControllerIdentity.awsLoadBalancerController({ clusterName: 'myeks', sharedVpcOwnerAccountIds: ['111122223333'] }),
  },
];

/**
 * Values the upstream policies' placeholders stand for (source.json `placeholders` names them):
 * the test stack's partition, region and account, and the inputs the comparison cases pass.
 */
export const PLACEHOLDER_VALUES: { [name: string]: string } = {
  partition: 'aws',
  region: REGION,
  account: ACCOUNT,
  clusterName: 'myeks',
  nodeRoleArn: NODE_ROLE_ARN,
  interruptionQueueArn: QUEUE_ARN,
  kmsKeyArn: KEY_ARN,
  bucketName: 'my-mounted-bucket',
  directoryBucketName: 'my-express-bucket--apne2-az1--x-s3',
  secretArn: SECRET_ARN,
  parameterArn: PARAMETER_ARN,
  certificateAuthorityArn: CA_ARN,
};

/**
 * How the comparison test builds each entry at a version: with every input that turns statements
 * on, so that everything upstream grants is present unless a narrowing documents its absence.
 */
export interface ComparisonCase {
  /** The catalog id (the folder under test/catalog/upstream). */
  readonly entry: string;
  /** A label when an entry has several cases. */
  readonly label?: string;
  readonly make: (stack: Stack, version: string) => ControllerIdentity;
  /** The upstream documents this case compares with (default: every policy document of the version). */
  readonly documents?: string[];
  /** Compare the managed policy names with the ones upstream names (source.json `managedPolicies`). */
  readonly managedPolicies?: boolean;
}

export const COMPARISON_CASES: ComparisonCase[] = [
  { entry: 'aws-load-balancer-controller', label: 'any cluster', make: (_, version) => ControllerIdentity.awsLoadBalancerController({ version }) },
  {
    entry: 'aws-load-balancer-controller',
    label: 'cluster-scoped, shared VPC',
    make: (_, version) => ControllerIdentity.awsLoadBalancerController({ version, clusterName: 'myeks', sharedVpcOwnerAccountIds: ['111122223333'] }),
  },
  { entry: 'external-dns', make: (_, version) => ControllerIdentity.externalDns({ version, hostedZoneIds: [ZONE_A] }) },
  { entry: 'cert-manager', make: (_, version) => ControllerIdentity.certManager({ version, hostedZoneIds: [ZONE_A] }) },
  { entry: 'ebs-csi-driver', make: (stack, version) => ControllerIdentity.ebsCsiDriver({ version, kmsKeys: [testKey(stack)] }), managedPolicies: true },
  { entry: 'efs-csi-driver', make: (_, version) => ControllerIdentity.efsCsiDriver({ version }), managedPolicies: true },
  { entry: 'efs-csi-node', make: (_, version) => ControllerIdentity.efsCsiNode({ version, s3Files: true }), managedPolicies: true },
  {
    entry: 'mountpoint-s3-csi-driver',
    make: (stack, version) => ControllerIdentity.mountpointS3CsiDriver({
      version, bucketArns: [BUCKET_ARN], directoryBucketArns: [DIRECTORY_BUCKET_ARN], kmsKeys: [testKey(stack)],
    }),
  },
  { entry: 'cluster-autoscaler', make: (_, version) => ControllerIdentity.clusterAutoscaler({ version, clusterName: 'myeks' }) },
  {
    entry: 'karpenter',
    make: (_, version) => ControllerIdentity.karpenter({ version, clusterName: 'myeks', nodeRoleArn: NODE_ROLE_ARN, interruptionQueueArn: QUEUE_ARN }),
  },
  { entry: 'vpc-cni', label: 'IPv4', make: (_, version) => ControllerIdentity.vpcCni({ version }), documents: [], managedPolicies: true },
  { entry: 'vpc-cni', label: 'IPv6', make: (_, version) => ControllerIdentity.vpcCni({ version, ipv6: true }), documents: ['AmazonEKS_CNI_IPv6_Policy.json'] },
  { entry: 'cloudwatch-observability', make: (_, version) => ControllerIdentity.cloudWatchObservability({ version }), managedPolicies: true },
  { entry: 'adot', make: (_, version) => ControllerIdentity.adot({ version }), documents: [] },
  { entry: 'aws-gateway-api-controller', make: (_, version) => ControllerIdentity.awsGatewayApiController({ version }) },
  { entry: 'aws-privateca-issuer', make: (_, version) => ControllerIdentity.awsPrivateCaIssuer({ version, certificateAuthorityArns: [CA_ARN] }) },
  {
    entry: 'external-secrets',
    make: (_, version) => ControllerIdentity.externalSecrets({
      // The documentation has a Parameter Store push policy from v0.10.1 (before, pushParameters is refused).
      version, secretArns: [SECRET_ARN], parameterArns: [PARAMETER_ARN], pushSecrets: true, pushParameters: version !== 'v0.9.5',
    }),
  },
  {
    entry: 'secrets-store-csi-driver-provider-aws',
    make: (_, version) => ControllerIdentity.secretsStoreCsiDriverProviderAws({
      version, namespace: 'app', serviceAccountName: 'app', secretArns: [SECRET_ARN], parameterArns: [PARAMETER_ARN],
    }),
  },
  { entry: 'fsx-csi-driver', make: (_, version) => ControllerIdentity.fsxCsiDriver({ version }) },
  { entry: 'velero-plugin-for-aws', make: (_, version) => ControllerIdentity.veleroPluginForAws({ version, bucketArns: ['arn:aws:s3:::my-mounted-bucket'] }) },
  { entry: 'aws-for-fluent-bit', make: (_, version) => ControllerIdentity.awsForFluentBit({ version }) },
];

/** The entry's permission statements as the template holds them (a resolved policy document). */
export function policyOf(entry: ControllerIdentity, stack: Stack): any {
  return stack.resolve(new iam.PolicyDocument({ statements: entry.statements(stack) }).toJSON()) ?? { Statement: [] };
}

/** A statement's value as a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
