import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-POD-002: the role of an association trusts EKS Pod Identity with both actions. */
export const podIdentityTrustActions: Rule = {
  id: 'EKSID-POD-002',
  statement: 'The role of a pod identity association allows pods.eks.amazonaws.com both sts:AssumeRole and sts:TagSession.',
  level: CheckLevel.ERROR,
  check: (model) => model.associations.flatMap((association) => {
    const role = model.roleByArn(association.roleArn, association.stackName);
    if (!role?.trust) return [];
    const missing = ['sts:AssumeRole', 'sts:TagSession'].filter((action) => !model.podIdentityAllows(role, action));
    if (missing.length === 0) return [];
    const what = association.addonName ? `addon ${association.addonName} pod identity association (${association.location})`
      : `pod identity association ${association.logicalId} (${association.namespace}/${association.serviceAccount})`;
    return [{
      ...at(association, association.location === 'Properties' ? 'Properties/RoleArn' : association.location),
      message: `${what} uses role ${role.logicalId}, whose trust policy does not allow pods.eks.amazonaws.com ${missing.join(' and ')}: `
        + 'it deploys, but pods fail to get credentials at runtime',
      fix: `allow the service principal pods.eks.amazonaws.com the actions sts:AssumeRole and sts:TagSession in the trust policy of role ${role.logicalId}`,
    }];
  }),
};
