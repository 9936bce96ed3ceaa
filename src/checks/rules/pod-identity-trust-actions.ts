import { POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL } from '../../core/pod-identity';
import { podIdentityGrantsAction } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { describeAssociation } from './_shared';

/** EKSID-POD-002: the role of an association trusts EKS Pod Identity with both actions. */
export const podIdentityTrustActions: Rule = {
  id: 'EKSID-POD-002',
  statement: `The role of a pod identity association allows ${POD_IDENTITY_PRINCIPAL} both sts:AssumeRole and sts:TagSession (wildcards such as sts:* count).`,
  level: CheckLevel.ERROR,
  fix: `allow the service principal ${POD_IDENTITY_PRINCIPAL} the actions sts:AssumeRole and sts:TagSession in the trust policy of the role`,
  check: (model) => model.associations.flatMap((association) => {
    const role = model.roleByArn(association.roleArn, association.stackName);
    if (!role?.trust) return [];
    const missing = POD_IDENTITY_ACTIONS.filter((action) => !podIdentityGrantsAction(model.trustOf(role), action));
    if (missing.length === 0) return [];
    return [{
      ...at(association, association.location === 'Properties' ? 'Properties/RoleArn' : association.location),
      message: `${describeAssociation(association)} uses role ${role.logicalId}, whose trust policy does not allow ${POD_IDENTITY_PRINCIPAL} ${missing.join(' and ')}: `
        + 'it deploys, but pods fail to get credentials at runtime',
      fix: `allow the service principal ${POD_IDENTITY_PRINCIPAL} the actions sts:AssumeRole and sts:TagSession in the trust policy of role ${role.logicalId}`,
    }];
  }),
};
