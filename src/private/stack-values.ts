import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { formatRoleArn, partitionOfRegion } from '../core/arn';

/*
 * Values of a stack the constructs write into ARNs, literal where the stack's environment is.
 */

/**
 * The partition of a stack as a literal when its region is known (CloudFormation's
 * `AWS::Partition` otherwise), so ARNs written into Kubernetes YAML can resolve at synth.
 */
export function stackPartition(stack: Stack): string {
  if (!Token.isUnresolved(stack.partition)) return stack.partition;
  if (!Token.isUnresolved(stack.region)) return partitionOfRegion(stack.region);
  return stack.partition;
}

/** The partition of a stack when it is known at synth (its region is), else undefined. */
export function knownPartition(stack: Stack): string | undefined {
  const partition = stackPartition(stack);
  return Token.isUnresolved(partition) ? undefined : partition;
}

/**
 * The ARN of a role with a known name (and path), without a reference to the role resource:
 * literal when the stack's account and region are known.
 */
export function roleArnFromName(stack: Stack, roleName: string, path = '/'): string {
  return formatRoleArn(stackPartition(stack), stack.account, roleName, path);
}

/**
 * The ARN of a role someone brought: literal when it is a role of this app with a literal name
 * (and path) in a stack with a known account, so it can be written into Kubernetes YAML;
 * `role.roleArn` otherwise.
 */
export function knownRoleArn(role: iam.IRole): string {
  const cfnRole = role.node.defaultChild;
  if (!(role instanceof iam.Role) || !(cfnRole instanceof iam.CfnRole)) return role.roleArn;
  const stack = Stack.of(role);
  const name = cfnRole.roleName;
  const rolePath = cfnRole.path ?? '/';
  if (typeof name !== 'string' || Token.isUnresolved(name) || Token.isUnresolved(rolePath) || Token.isUnresolved(stack.account)) {
    return role.roleArn;
  }
  return roleArnFromName(stack, name, rolePath);
}
