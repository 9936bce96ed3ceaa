import { POD_IDENTITY_ACTIONS } from '../../core/pod-identity';
import { podIdentityAllowed, podIdentityGrantsAction } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-POD-004: a trust that needs session tags is not used with session tags disabled. */
export const podIdentityDisabledTags: Rule = {
  id: 'EKSID-POD-004',
  statement: 'A pod identity association with DisableSessionTags uses a role whose trust does not require aws:RequestTag conditions.',
  level: CheckLevel.ERROR,
  fix: 'remove the aws:RequestTag conditions from the trust policy of the role, or turn session tags back on',
  check: (model) => model.associations.filter((a) => a.disableSessionTags).flatMap((association) => {
    const role = model.roleByArn(association.roleArn, association.stackName);
    if (!role?.trust) return [];
    const trust = model.trustOf(role);
    if (!POD_IDENTITY_ACTIONS.every((action) => podIdentityGrantsAction(trust, action))) return []; // EKSID-POD-002
    if (podIdentityAllowed(trust, { sessionTags: false }) !== false) return [];
    return [{
      ...at(association, 'Properties/DisableSessionTags'),
      message: `pod identity association ${association.logicalId} disables session tags, but role ${role.logicalId} only trusts `
        + 'pods.eks.amazonaws.com under aws:RequestTag conditions: no tags arrive, so every AssumeRole is denied',
      fix: `remove the aws:RequestTag conditions from the trust policy of role ${role.logicalId}, or turn session tags back on`,
    }];
  }),
};
