import { accessPolicyNameOfArn, entryTypePoliciesProblem, NO_POLICY_ENTRY_TYPES } from '../../core/access-entry-rules';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-004: node entries take no access policies. */
export const accessEntryNodePolicies: Rule = {
  id: 'EKSID-ACCESS-004',
  statement: `Access entries of type ${NO_POLICY_ENTRY_TYPES.join(', ')} have no access policies.`,
  level: CheckLevel.ERROR,
  fix: 'remove the access policies from the entry; EKS gives entries of these types the permissions their nodes need',
  check: (model) => model.accessEntries.flatMap((entry) => {
    const problem = entryTypePoliciesProblem(entry.type, entry.accessPolicies.map((p) => accessPolicyNameOfArn(p.policyArn)));
    return problem ? [{ ...at(entry, 'Properties/AccessPolicies'), message: `access entry ${entry.logicalId}: ${problem.problem}`, fix: problem.fix }] : [];
  }),
};
