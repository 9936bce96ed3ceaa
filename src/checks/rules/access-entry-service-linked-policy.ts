import { accessPolicyNameOfArn, serviceLinkedOnlyPolicyProblem } from '../../core/access-entry-rules';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-010: no access policy that only service-linked roles can have. */
export const accessEntryServiceLinkedPolicy: Rule = {
  id: 'EKSID-ACCESS-010',
  statement: 'An access entry associates no access policy that only AWS service-linked roles can have (e.g. AmazonEKSHybridPolicy).',
  level: CheckLevel.ERROR,
  fix: 'remove the access policy; EKS associates it with the service-linked role that needs it',
  check: (model) => model.accessEntries.flatMap((entry) => entry.accessPolicies.flatMap((policy, i) => {
    const problem = serviceLinkedOnlyPolicyProblem(accessPolicyNameOfArn(policy.policyArn));
    return problem ? [{ ...at(entry, `Properties/AccessPolicies/${i}`), message: `access entry ${entry.logicalId}: ${problem.problem}`, fix: problem.fix }] : [];
  })),
};
