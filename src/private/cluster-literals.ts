import { Stack, Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { stackPartition } from './stack-values';
import type { IIdentityCluster } from '../cluster/i-identity-cluster';
import { formatClusterArn } from '../core/arn';

/**
 * The cluster name as a literal: the name itself, or — for a cluster created in this app, whose
 * `clusterName` is a `Ref` — the literal `Name` of the `AWS::EKS::Cluster` it refers to.
 */
export function literalClusterName(cluster: IIdentityCluster): string | undefined {
  return literalClusterNameIn(Stack.of(cluster), cluster.clusterName);
}

/** A cluster name value as a literal in a stack (see `literalClusterName`). */
export function literalClusterNameIn(stack: Stack, clusterName: string): string | undefined {
  const resolved = stack.resolve(clusterName);
  if (typeof resolved === 'string') return resolved;
  const ref = (resolved as { Ref?: unknown } | undefined)?.Ref;
  if (typeof ref !== 'string') return undefined;
  const cfnCluster = stack.node.findAll()
    .find((c): c is eks.CfnCluster => c instanceof eks.CfnCluster && stack.getLogicalId(c) === ref);
  return cfnCluster && typeof cfnCluster.name === 'string' && !Token.isUnresolved(cfnCluster.name) ? cfnCluster.name : undefined;
}

/** The cluster ARN as a literal, when its name, account and region are known. */
export function literalClusterArn(cluster: IIdentityCluster): string | undefined {
  const stack = Stack.of(cluster);
  const arn = stack.resolve(cluster.clusterArn);
  if (typeof arn === 'string') return arn;
  const name = literalClusterName(cluster);
  if (name === undefined || Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)) return undefined;
  return formatClusterArn(stackPartition(stack), stack.region, stack.account, name);
}
