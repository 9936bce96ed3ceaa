import { accessPolicyNameOfArn, accessPolicyScopeProblem } from '../../core/access-entry-rules';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-006: an access scope is one EKS accepts. */
export const accessEntryNamespaceScope: Rule = {
  id: 'EKSID-ACCESS-006',
  statement: 'An access policy with a namespace scope lists valid namespaces (or prefixes ending in *); one with a cluster scope lists none.',
  level: CheckLevel.ERROR,
  fix: 'list namespace names (or prefixes ending in *) in a namespace scope, once per policy, and no namespaces in a cluster scope',
  check: (model) => model.accessEntries.flatMap((entry) => entry.accessPolicies.flatMap((policy, i) => {
    const name = accessPolicyNameOfArn(policy.policyArn);
    const problem = accessPolicyScopeProblem({ name, scopeType: policy.scopeType, namespaces: policy.namespaces });
    return problem ? [{ ...at(entry, `Properties/AccessPolicies/${i}/AccessScope`), message: `access entry ${entry.logicalId}: ${problem.problem}`, fix: problem.fix }] : [];
  })),
};
