import { MANAGED_POLICIES_DEFAULT_QUOTA, MANAGED_POLICIES_MAX_QUOTA } from '../../core/limits';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-IAM-003: managed policies fit the default quota. */
export const iamManagedPolicyCount: Rule = {
  id: 'EKSID-IAM-003',
  statement: `A role has at most ${MANAGED_POLICIES_DEFAULT_QUOTA} managed policies (IAM's default quota).`,
  level: CheckLevel.WARNING,
  fix: `request a "Managed policies per role" quota increase (up to ${MANAGED_POLICIES_MAX_QUOTA}), or merge policies into fewer documents`,
  check: (model) => model.roles.filter((r) => r.managedPolicyArns.length > MANAGED_POLICIES_DEFAULT_QUOTA
    && r.managedPolicyArns.length <= MANAGED_POLICIES_MAX_QUOTA).map((role) => ({
    ...at(role, 'Properties/ManagedPolicyArns'),
    message: `role ${role.logicalId} has ${role.managedPolicyArns.length} managed policies, over IAM's default quota of ${MANAGED_POLICIES_DEFAULT_QUOTA}`,
    fix: iamManagedPolicyCount.fix,
  })),
};
