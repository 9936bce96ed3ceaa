import { Stack, Token } from 'aws-cdk-lib';

/**
 * Why EKS Pod Identity is not available in the stack's region, or undefined.
 * @internal
 */
export function regionPodIdentityProblem(stack: Stack): string | undefined {
  if (!Token.isUnresolved(stack.region) && stack.region.startsWith('cn-')) {
    return `EKS Pod Identity is not available in the China regions (${stack.region})`;
  }
  return undefined;
}
