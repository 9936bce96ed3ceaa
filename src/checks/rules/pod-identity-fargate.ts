import { fargatePatternFor } from '../../core/kubernetes-names';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { FargateProfileModel } from '../template-model';

/** The selectors of a profile that select a namespace (names, or patterns with `*` and `?`). */
function selecting(profile: FargateProfileModel, namespace: string) {
  return profile.selectors.filter((s) => fargatePatternFor([s.namespace], namespace) !== undefined);
}

/** EKSID-POD-011: no pod identity association for a namespace that Fargate runs. */
export const podIdentityFargate: Rule = {
  id: 'EKSID-POD-011',
  statement: 'A pod identity association is not for a namespace that a Fargate profile of its cluster selects, by name or by a pattern with * and ? '
    + '(EKS Pod Identity does not run on Fargate).',
  level: CheckLevel.ERROR,
  check: (model) => model.associations.flatMap((association) => {
    const namespace = association.namespace;
    if (namespace === undefined) return [];
    const profiles = model.fargateProfiles.filter((p) => p.clusterKey === association.clusterKey && selecting(p, namespace).length > 0);
    if (profiles.length === 0) return [];
    const selectors = profiles.flatMap((p) => selecting(p, namespace));
    const patterns = [...new Set(selectors.map((s) => s.namespace).filter((n) => n !== namespace))];
    const byLabels = selectors.every((s) => Object.keys(s.labels).length > 0);
    return [{
      ...at(association),
      message: `pod identity association ${association.logicalId} is for ${namespace}/${association.serviceAccount}, and Fargate profile `
        + `${profiles.map((p) => p.logicalId).join(', ')} of ${model.clusterLabel(association.clusterKey)} selects namespace ${namespace}`
        + `${patterns.length > 0 ? ` (${patterns.join(', ')})` : ''}${byLabels ? ' (pods with its labels)' : ''}: `
        + 'EKS Pod Identity does not run on Fargate, so those pods get no credentials',
      fix: 'use IRSA for service accounts whose pods run on Fargate, or run them on EC2 nodes',
    }];
  }),
};
