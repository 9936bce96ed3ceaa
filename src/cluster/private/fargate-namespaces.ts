import { Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { IConstruct } from 'constructs';

/**
 * The namespaces (patterns: `*` and `?` are wildcards) that the Fargate profiles of a cluster in
 * this app select, read from its `AWS::EKS::FargateProfile` resources. A selector with labels
 * sends only some pods of its namespace to Fargate; the namespace counts all the same, since the
 * pods' labels are not known at synth.
 */
export function fargateNamespacesOf(scope: IConstruct, clusterName: string): string[] {
  const stack = Stack.of(scope);
  const name = JSON.stringify(stack.resolve(clusterName));
  return stack.node.findAll()
    .filter((c): c is eks.CfnFargateProfile => c instanceof eks.CfnFargateProfile && JSON.stringify(stack.resolve(c.clusterName)) === name)
    .flatMap((profile) => {
      const selectors = stack.resolve(profile.selectors);
      return (Array.isArray(selectors) ? selectors : []).map((s: any) => s?.namespace).filter((n: unknown): n is string => typeof n === 'string');
    });
}
