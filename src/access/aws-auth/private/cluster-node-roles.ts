import { Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { IConstruct } from 'constructs';
import type { IIdentityCluster } from '../../../cluster/i-identity-cluster';
import { literalClusterName, literalClusterNameIn } from '../../../private/cluster-literals';
import { knownRoleArn } from '../../../private/stack-values';

/**
 * The node groups and Fargate profiles of a cluster that this app makes: EKS creates their access
 * entries itself (EKS user guide, "Create access entries",
 * https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html).
 */

/** A managed node group or Fargate profile of the cluster, with its role ARN. */
export interface ClusterNodeRole {
  /** The construct path of the node group or profile. */
  readonly path: string;
  /** The role ARN: literal when the role has a literal name in a stack with a known account, a token otherwise. */
  readonly roleArn: string;
}

/**
 * Every `AWS::EKS::Nodegroup` and `AWS::EKS::FargateProfile` of the app that belongs to the cluster
 * (aws-eks-v2 `Nodegroup`, `FargateProfile` or the L1 resources), with its role.
 */
export function clusterNodeRoles(cluster: IIdentityCluster): ClusterNodeRole[] {
  const roles: ClusterNodeRole[] = [];
  for (const construct of cluster.node.root.node.findAll()) {
    if (construct instanceof eks.CfnNodegroup && belongsTo(construct, construct.clusterName, cluster)) {
      const owner = construct.node.scope;
      roles.push(owner instanceof eks.Nodegroup
        ? { path: owner.node.path, roleArn: knownRoleArn(owner.role) }
        : { path: construct.node.path, roleArn: construct.nodeRole });
    } else if (construct instanceof eks.CfnFargateProfile && belongsTo(construct, construct.clusterName, cluster)) {
      const owner = construct.node.scope;
      roles.push(owner instanceof eks.FargateProfile
        ? { path: owner.node.path, roleArn: knownRoleArn(owner.podExecutionRole) }
        : { path: construct.node.path, roleArn: construct.podExecutionRoleArn });
    }
  }
  return roles;
}

/** Whether a resource's cluster name is the cluster's: the same value, or the same literal name in the same environment. */
function belongsTo(resource: IConstruct, clusterName: string, cluster: IIdentityCluster): boolean {
  if (clusterName === cluster.clusterName) return true;
  const stack = Stack.of(resource);
  const clusterStack = Stack.of(cluster);
  if (stack.account !== clusterStack.account || stack.region !== clusterStack.region) return false;
  const name = literalClusterNameIn(stack, clusterName);
  return name !== undefined && name === literalClusterName(cluster);
}
