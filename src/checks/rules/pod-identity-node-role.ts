import { allowsAction } from '../../core/template/policy-document';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { RoleModel } from '../template-model';

function canAssumeForPodIdentity(role: RoleModel): boolean {
  return role.managedPolicyArns.some((arn) => /:policy\/AmazonEKSWorkerNode(Minimal)?Policy$/.test(arn))
    || [...role.inlinePolicies, ...role.managedPolicyDocuments]
      .some((document) => document.statements.some((s) => allowsAction(s, 'eks-auth:AssumeRoleForPodIdentity')));
}

/** EKSID-POD-008: node roles let the agent exchange pod identity tokens. */
export const podIdentityNodeRole: Rule = {
  id: 'EKSID-POD-008',
  statement: 'On a cluster with pod identity associations, every node group role allows eks-auth:AssumeRoleForPodIdentity.',
  level: CheckLevel.WARNING,
  fix: 'attach AmazonEKSWorkerNodeMinimalPolicy (or AmazonEKSWorkerNodePolicy) to the node role, or allow eks-auth:AssumeRoleForPodIdentity in one of its policies',
  check: (model) => {
    const clusters = model.associationsByCluster();
    return model.nodegroups.filter((ng) => clusters.has(ng.clusterKey)).flatMap((ng) => {
      const role = model.roleByArn(ng.nodeRoleArn, ng.stackName);
      if (!role || canAssumeForPodIdentity(role)) return [];
      return [{
        ...at(ng, 'Properties/NodeRole'),
        message: `node group ${ng.logicalId} of ${model.clusterLabel(ng.clusterKey)} uses role ${role.logicalId}, which has neither `
          + 'AmazonEKSWorkerNodePolicy / AmazonEKSWorkerNodeMinimalPolicy nor a statement allowing eks-auth:AssumeRoleForPodIdentity: '
          + 'the pod identity agent on these nodes cannot get credentials',
        fix: `attach AmazonEKSWorkerNodeMinimalPolicy (or AmazonEKSWorkerNodePolicy) to role ${role.logicalId}, `
          + 'or allow eks-auth:AssumeRoleForPodIdentity in one of its policies',
      }];
    });
  },
};
