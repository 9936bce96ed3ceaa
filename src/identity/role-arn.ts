import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
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

/**
 * The ARN of a role someone brought: literal when it is a role of this app with a literal name
 * (and path) in a stack with a known account, so it can be written into Kubernetes YAML;
 * `role.roleArn` otherwise.
 * @internal
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
  return `arn:${stackPartition(stack)}:iam::${stack.account}:role${rolePath}${name}`;
}
