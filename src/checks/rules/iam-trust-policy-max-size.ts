import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';
import { describeSize, trustPolicySize } from './_shared';
import { TRUST_POLICY_MAX_QUOTA } from '../../core/limits';

/** EKSID-IAM-002: a trust policy fits IAM's maximum quota. */
export const iamTrustPolicyMaxSize: Rule = {
  id: 'EKSID-IAM-002',
  statement: `A role trust policy fits IAM's maximum quota of ${TRUST_POLICY_MAX_QUOTA} characters (whitespace not counted).`,
  level: CheckLevel.ERROR,
  fix: 'split the role (e.g. one role per cluster), or move the workloads to EKS Pod Identity, whose trust does not grow with clusters',
  check: (model) => model.roles.flatMap((role) => {
    const size = trustPolicySize(model, role);
    if (!size || size.size <= TRUST_POLICY_MAX_QUOTA) return [];
    return [{
      ...at(role, TRUST_POLICY),
      message: `the trust policy of role ${role.logicalId} is ${describeSize(size)}, over IAM's maximum of ${TRUST_POLICY_MAX_QUOTA}: `
        + 'no quota increase makes it deployable',
      fix: iamTrustPolicyMaxSize.fix,
    }];
  }),
};
