import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-001: access entries take no `system:` groups. */
export const accessEntrySystemGroup: Rule = {
  id: 'EKSID-ACCESS-001',
  statement: 'An access entry\'s Kubernetes groups never start with "system:".',
  level: CheckLevel.ERROR,
  check: (model) => model.accessEntries.flatMap((entry) => entry.groups.filter((g) => g.startsWith('system:')).map((group) => ({
    ...at(entry, 'Properties/KubernetesGroups'),
    message: `access entry ${entry.logicalId} (${entry.principalArn}) has Kubernetes group ${group}: EKS rejects groups starting with "system:"`
      + (group === 'system:masters' ? ' (AmazonEKSClusterAdminPolicy replaces system:masters)' : ''),
    fix: group === 'system:masters'
      ? 'remove system:masters and add the access policy arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy with cluster scope'
      : 'use an access policy, or a group of your own bound with RBAC (a RoleBinding or ClusterRoleBinding)',
  }))),
};
