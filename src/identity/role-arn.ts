import { Stack, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * The partition of a stack as a literal when its region is known (CloudFormation's
 * `AWS::Partition` otherwise), so ARNs written into Kubernetes YAML can resolve at synth.
 * @internal
 */
export function stackPartition(stack: Stack): string {
  if (!Token.isUnresolved(stack.partition)) return stack.partition;
  if (!Token.isUnresolved(stack.region)) {
    const partition = RegionInfo.get(stack.region).partition;
    if (partition) return partition;
  }
  return stack.partition;
}

/**
 * The ARN of a role with a known name, without a reference to the role resource: literal when
 * the stack's account and region are known.
 * @internal
 */
export function roleArnFromName(stack: Stack, roleName: string): string {
  return `arn:${stackPartition(stack)}:iam::${stack.account}:role/${roleName}`;
}
