import { stackPartitionOf } from './_shared';
import { principalArnProblem } from '../../core/arn';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-009: an access entry's principal is an IAM role or user ARN. */
export const accessEntryPrincipal: Rule = {
  id: 'EKSID-ACCESS-009',
  statement: 'An access entry\'s PrincipalArn is the ARN of an IAM role (paths allowed) or user: a 12-digit account, no wildcard, no whitespace, '
    + 'no STS session, no service-linked role, the stack\'s partition.',
  level: CheckLevel.ERROR,
  fix: 'give the ARN of an IAM role (arn:<partition>:iam::<account>:role/[<path>/]<name>) or user: not an STS session, a wildcard or a service-linked role',
  check: (model) => model.accessEntries.flatMap((entry) => {
    const problem = principalArnProblem(entry.principalArn, 'PrincipalArn', { partition: stackPartitionOf(model, entry.stackName) });
    return problem ? [{ ...at(entry, 'Properties/PrincipalArn'), message: `access entry ${entry.logicalId}: ${problem.problem}`, fix: problem.fix }] : [];
  }),
};
