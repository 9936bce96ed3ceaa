import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-SA-002: a service account uses IRSA or pod identity, not both. */
export const serviceAccountDualIdentity: Rule = {
  id: 'EKSID-SA-002',
  statement: 'A service account with a pod identity association carries no eks.amazonaws.com/role-arn annotation.',
  level: CheckLevel.WARNING,
  fix: 'remove the eks.amazonaws.com/role-arn annotation (or the association, if IRSA is intended)',
  check: (model) => model.serviceAccounts.flatMap((sa) => {
    const association = sa.roleArn === undefined ? undefined : model.associationOf(sa);
    if (!association) return [];
    return [{
      ...at(sa.logicalId ? sa : association),
      message: `ServiceAccount ${sa.namespace}/${sa.name} (${sa.source}) has both an eks.amazonaws.com/role-arn annotation and `
        + `pod identity association ${association.logicalId}: pods get the pod identity credentials, the annotation is dead weight`,
      fix: serviceAccountDualIdentity.fix,
    }];
  }),
};
