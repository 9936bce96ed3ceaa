import { INLINE_POLICIES_QUOTA } from '../../core/limits';
import { isExactSize } from '../../core/worst-case';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-IAM-005: inline policies fit 10,240 characters. */
export const iamInlinePolicySize: Rule = {
  id: 'EKSID-IAM-005',
  statement: `The inline policies of a role (Policies and attached AWS::IAM::Policy resources) total at most ${INLINE_POLICIES_QUOTA} characters.`,
  level: CheckLevel.ERROR,
  fix: 'move permissions into customer managed policies (6,144 characters each), or merge statements and use wildcards on resource names',
  check: (model) => model.roles.flatMap((role) => {
    const size = role.inlinePolicies.reduce((sum, document) => sum + model.worstCaseSize(document, role.stackName), 0);
    if (size <= INLINE_POLICIES_QUOTA) return [];
    const exact = role.inlinePolicies.every((d) => isExactSize(d.json));
    return [{
      ...at(role, 'Properties/Policies'),
      message: `the ${role.inlinePolicies.length} inline policies of role ${role.logicalId} total ${exact ? '' : 'up to '}${size} characters`
        + `${exact ? '' : ' (deploy-time values counted at their longest)'}, over IAM's quota of ${INLINE_POLICIES_QUOTA}`,
      fix: iamInlinePolicySize.fix,
    }];
  }),
};
