import { MANAGED_POLICIES_MAX_QUOTA } from '../../core/limits';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-IAM-004: managed policies fit the maximum quota. */
export const iamManagedPolicyMaxCount: Rule = {
  id: 'EKSID-IAM-004',
  statement: `A role has at most ${MANAGED_POLICIES_MAX_QUOTA} managed policies (IAM's maximum).`,
  level: CheckLevel.ERROR,
  fix: 'merge policies into fewer documents, or split the permissions over several roles',
  check: (model) => model.roles.filter((r) => r.managedPolicyArns.length > MANAGED_POLICIES_MAX_QUOTA).map((role) => ({
    ...at(role, 'Properties/ManagedPolicyArns'),
    message: `role ${role.logicalId} has ${role.managedPolicyArns.length} managed policies; IAM allows at most ${MANAGED_POLICIES_MAX_QUOTA}`,
    fix: iamManagedPolicyMaxCount.fix,
  })),
};
