import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';
import { describeSize, trustPolicySize } from './_shared';
import { TRUST_POLICY_DEFAULT_QUOTA, TRUST_POLICY_MAX_QUOTA } from '../../core/limits';

/** EKSID-IAM-001: a trust policy fits IAM's default quota. */
export const iamTrustPolicySize: Rule = {
  id: 'EKSID-IAM-001',
  statement: `A role trust policy fits IAM's default quota of ${TRUST_POLICY_DEFAULT_QUOTA} characters (whitespace not counted).`,
  level: CheckLevel.WARNING,
  fix: `request a "Role trust policy length" quota increase (up to ${TRUST_POLICY_MAX_QUOTA}) before deploying, or split the role `
    + '(e.g. one role per cluster, or EKS Pod Identity, whose trust does not grow with clusters)',
  check: (model) => model.roles.flatMap((role) => {
    const size = trustPolicySize(model, role);
    if (!size || size.size <= TRUST_POLICY_DEFAULT_QUOTA || size.size > TRUST_POLICY_MAX_QUOTA) return [];
    return [{
      ...at(role, TRUST_POLICY),
      message: `the trust policy of role ${role.logicalId} is ${describeSize(size)}, over IAM's default quota of ${TRUST_POLICY_DEFAULT_QUOTA}`,
      fix: iamTrustPolicySize.fix,
    }];
  }),
};
