import { targetRoleArnProblem } from '../../core/pod-identity';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { describeAssociation, stackPartitionOf } from './_shared';

/** EKSID-POD-015: the target role of an association is a role it can chain into. */
export const podIdentityTargetRoleArn: Rule = {
  id: 'EKSID-POD-015',
  statement: 'The TargetRoleArn of a pod identity association is an IAM role ARN (paths allowed) of the stack\'s partition, not a service-linked role.',
  level: CheckLevel.ERROR,
  fix: 'give TargetRoleArn the ARN of an IAM role you manage (arn:<partition>:iam::<account>:role/[<path>/]<name>), in the stack\'s partition',
  check: (model) => model.associations.flatMap((association) => {
    if (association.targetRoleArn === undefined) return [];
    const problem = targetRoleArnProblem(association.targetRoleArn, 'TargetRoleArn', { partition: stackPartitionOf(model, association.stackName) });
    return problem ? [{ ...at(association, 'Properties/TargetRoleArn'), message: `${describeAssociation(association)}: ${problem.problem}`, fix: problem.fix }] : [];
  }),
};
