import { kubernetesGroupProblem } from '../../core/access-entry-names';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-001: access entries take valid Kubernetes groups, none starting with `system:`. */
export const accessEntrySystemGroup: Rule = {
  id: 'EKSID-ACCESS-001',
  statement: 'An access entry\'s Kubernetes groups are names EKS accepts: not empty, none starting with "system:".',
  level: CheckLevel.ERROR,
  fix: 'use group names that do not start with "system:" and bind them with RBAC; grant cluster admin with AmazonEKSClusterAdminPolicy',
  check: (model) => model.accessEntries.flatMap((entry) => entry.groups.flatMap((group) => {
    const problem = kubernetesGroupProblem(group);
    return problem ? [{
      ...at(entry, 'Properties/KubernetesGroups'),
      message: `access entry ${entry.logicalId} (${model.describe(entry.principalArn, entry.stackName)}): ${problem.problem}`,
      fix: problem.fix,
    }] : [];
  })),
};
