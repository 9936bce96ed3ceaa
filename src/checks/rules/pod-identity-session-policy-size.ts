import { MAX_SESSION_POLICY_LENGTH, sessionPolicyProblem } from '../../core/pod-identity';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-POD-013: a session policy fits what STS accepts. */
export const podIdentitySessionPolicySize: Rule = {
  id: 'EKSID-POD-013',
  statement: `A pod identity association's session Policy is at most ${MAX_SESSION_POLICY_LENGTH} characters of the characters STS accepts.`,
  level: CheckLevel.ERROR,
  fix: `shorten the session Policy to at most ${MAX_SESSION_POLICY_LENGTH} characters of the characters STS accepts (put lasting permissions in the role)`,
  check: (model) => model.associations.flatMap((a) => {
    const problem = a.sessionPolicy === undefined ? undefined : sessionPolicyProblem(a.sessionPolicy);
    return problem ? [{ ...at(a, 'Properties/Policy'), message: `pod identity association ${a.logicalId}: ${problem.problem}`, fix: problem.fix }] : [];
  }),
};
