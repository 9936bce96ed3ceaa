import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { AssociationModel } from '../template-model';

/** EKSID-POD-005: one association per cluster, namespace and service account. */
export const podIdentityDuplicateAssociation: Rule = {
  id: 'EKSID-POD-005',
  statement: 'A cluster has at most one pod identity association per namespace and service account.',
  level: CheckLevel.ERROR,
  fix: 'keep one association per service account; to give it more permissions, add them to that association\'s role',
  check: (model) => {
    const first = new Map<string, AssociationModel>();
    return model.associations.filter((a) => a.namespace !== undefined).flatMap((a) => {
      const key = JSON.stringify([a.clusterKey, a.namespace, a.serviceAccount]);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, a);
        return [];
      }
      return [{
        ...at(a),
        message: `pod identity associations ${earlier.logicalId} (stack ${earlier.stackName}) and ${a.logicalId} both target `
          + `${a.namespace}/${a.serviceAccount} on ${model.clusterLabel(a.clusterKey)}: EKS rejects the second one`,
        fix: podIdentityDuplicateAssociation.fix,
      }];
    });
  },
};
