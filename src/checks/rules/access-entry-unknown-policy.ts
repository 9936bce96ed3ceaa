import { accessPolicyNameOfArn, unknownAccessPolicyWarning } from '../../core/access-entry-rules';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-011: access policies are ones EKS has. */
export const accessEntryUnknownPolicy: Rule = {
  id: 'EKSID-ACCESS-011',
  statement: 'An access entry associates EKS access policies the rule pack knows (a typo fails the deploy).',
  level: CheckLevel.WARNING,
  fix: 'check the policy name in the EKS user guide ("Review access policy permissions", aws eks list-access-policies)',
  check: (model) => model.accessEntries.flatMap((entry) => entry.accessPolicies.flatMap((policy, i) => {
    const warning = unknownAccessPolicyWarning(accessPolicyNameOfArn(policy.policyArn));
    return warning ? [{ ...at(entry, `Properties/AccessPolicies/${i}`), message: `access entry ${entry.logicalId}: ${warning.problem}`, fix: warning.fix }] : [];
  })),
};
