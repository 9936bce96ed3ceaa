import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-POD-003: a session policy needs session tags disabled. */
export const podIdentitySessionPolicy: Rule = {
  id: 'EKSID-POD-003',
  statement: 'A pod identity association with a session Policy sets DisableSessionTags to true.',
  level: CheckLevel.ERROR,
  fix: 'set DisableSessionTags: true on the association (and drop aws:RequestTag conditions from the role\'s trust), or remove the Policy',
  check: (model) => model.associations.filter((a) => a.hasSessionPolicy && !a.disableSessionTags).map((a) => ({
    ...at(a, 'Properties/Policy'),
    message: `pod identity association ${a.logicalId} (${a.namespace}/${a.serviceAccount}) has a session Policy while session tags are on: `
      + 'EKS rejects a session policy unless DisableSessionTags is true',
    fix: podIdentitySessionPolicy.fix,
  })),
};
