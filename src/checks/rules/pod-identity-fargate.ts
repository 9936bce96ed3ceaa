import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-POD-011: no pod identity association for a namespace that Fargate runs. */
export const podIdentityFargate: Rule = {
  id: 'EKSID-POD-011',
  statement: 'A pod identity association is not for a namespace that a Fargate profile of its cluster selects (EKS Pod Identity does not run on Fargate).',
  level: CheckLevel.ERROR,
  check: (model) => model.associations.flatMap((association) => {
    const profiles = model.fargateProfilesOfCluster(association.clusterKey)
      .filter((p) => p.selectors.some((s) => s.namespace === association.namespace));
    if (profiles.length === 0 || association.namespace === undefined) return [];
    const byLabels = profiles.every((p) => p.selectors.filter((s) => s.namespace === association.namespace)
      .every((s) => Object.keys(s.labels).length > 0));
    return [{
      ...at(association),
      message: `pod identity association ${association.logicalId} is for ${association.namespace}/${association.serviceAccount}, and Fargate profile `
        + `${profiles.map((p) => p.logicalId).join(', ')} of ${model.clusterLabel(association.clusterKey)} selects namespace ${association.namespace}`
        + `${byLabels ? ' (pods with its labels)' : ''}: EKS Pod Identity does not run on Fargate, so those pods get no credentials`,
      fix: 'use IRSA for service accounts whose pods run on Fargate, or run them on EC2 nodes',
    }];
  }),
};
