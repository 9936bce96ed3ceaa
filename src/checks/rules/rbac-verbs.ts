import { rbacVerbProblem } from '../../core/rbac';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-RBAC-003: RBAC rules use Kubernetes verbs. */
export const rbacVerbs: Rule = {
  id: 'EKSID-RBAC-003',
  statement: 'The rules of a Role or ClusterRole use Kubernetes verbs (a misspelt verb grants nothing).',
  level: CheckLevel.WARNING,
  fix: 'use Kubernetes verbs (get, list, watch, create, update, patch, delete, deletecollection, ...) or *, spelt as Kubernetes spells them',
  check: (model) => model.rbacObjects.filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole').flatMap((role) =>
    role.rules.flatMap((rule, i) => rule.verbs.flatMap((verb) => {
      const problem = rbacVerbProblem(verb, (rule.nonResourceURLs ?? []).length > 0, false);
      return problem ? [{
        ...at(role.logicalId ? role : { stackName: role.stackName }),
        message: `${role.kind} ${role.namespace ? `${role.namespace}/` : ''}${role.name} (${role.source}), rule ${i}: ${problem.problem}`,
        fix: problem.fix,
      }] : [];
    }))),
};
