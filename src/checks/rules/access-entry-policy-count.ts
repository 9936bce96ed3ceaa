import { accessPolicyCountProblem, accessPolicyNameOfArn, duplicateAccessPolicyProblem } from '../../core/access-entry-rules';
import { MAX_ACCESS_POLICIES_PER_ENTRY } from '../../core/limits';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-005: at most 20 access policies per entry, each once. */
export const accessEntryPolicyCount: Rule = {
  id: 'EKSID-ACCESS-005',
  statement: `An access entry has at most ${MAX_ACCESS_POLICIES_PER_ENTRY} access policies, each associated once.`,
  level: CheckLevel.ERROR,
  fix: `associate at most ${MAX_ACCESS_POLICIES_PER_ENTRY} access policies, each once with every namespace in its scope, or use Kubernetes groups with RBAC for the rest`,
  check: (model) => model.accessEntries.flatMap((entry) => {
    const problem = accessPolicyCountProblem(entry.accessPolicies.length)
      ?? duplicateAccessPolicyProblem(entry.accessPolicies.map((p) => accessPolicyNameOfArn(p.policyArn)));
    return problem ? [{ ...at(entry, 'Properties/AccessPolicies'), message: `access entry ${entry.logicalId}: ${problem.problem}`, fix: problem.fix }] : [];
  }),
};
