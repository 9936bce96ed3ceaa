import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ControllerIdentity } from '../../src';
import { ACCOUNT, REGION } from '../support/fixtures';

export const ZONE_A = 'Z0123456789ABCDEFGHIJ';
export const ZONE_B = 'Z9876543210ZYXWVUTSRQ';
export const BUCKET_ARN = 'arn:aws:s3:::my-mounted-bucket';
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const NODE_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/KarpenterNodeRole-myeks`;
export const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:myeks`;

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
