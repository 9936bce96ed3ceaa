import { fargatePatternFor } from '../../core/kubernetes-names';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/**
 * EKSID-POD-011: no pod identity association for a namespace that Fargate runs: one a Fargate
 * profile of the cluster in the templates selects, or one of the `fargateNamespaces` a cluster made
 * elsewhere was imported with (recorded in the template's `Metadata`). Selectors and imported
 * namespaces may be patterns with `*` and `?`.
 */
export const podIdentityFargate: Rule = {
  id: 'EKSID-POD-011',
  statement: 'A pod identity association is not for a namespace that a Fargate profile of its cluster selects, by name or by a pattern with * and ? '
    + '(EKS Pod Identity does not run on Fargate).',
  level: CheckLevel.ERROR,
  fix: 'use IRSA for service accounts whose pods run on Fargate, or run them on EC2 nodes',
  check: (model) => model.associations.flatMap((association) => {
    const namespace = association.namespace;
    if (namespace === undefined) return [];
    const selects = (s: { namespace: string }) => fargatePatternFor([s.namespace], namespace) !== undefined;
    const profiles = model.fargateProfilesOfCluster(association.clusterKey).filter((p) => p.selectors.some(selects));
    const imported = [...new Set(model.importedClustersOfCluster(association.clusterKey)
      .map((c) => fargatePatternFor(c.fargateNamespaces, namespace)).filter((p): p is string => p !== undefined))];
    if (profiles.length === 0 && imported.length === 0) return [];
    const byLabels = profiles.length > 0 && imported.length === 0
      && profiles.every((p) => p.selectors.filter(selects).every((s) => Object.keys(s.labels).length > 0));
    const patterns = [...new Set(profiles.flatMap((p) => p.selectors.filter(selects).map((s) => s.namespace)).filter((n) => n !== namespace))];
    const by = [
      ...(profiles.length > 0 ? [`Fargate profile ${profiles.map((p) => p.logicalId).join(', ')}`] : []),
      ...(imported.length > 0 ? [`the Fargate namespaces it was imported with (${imported.join(', ')})`] : []),
    ];
    return [{
      ...at(association),
      message: `pod identity association ${association.logicalId} is for ${namespace}/${association.serviceAccount}, and ${by.join(' and ')} `
        + `of ${model.clusterLabel(association.clusterKey)} ${by.length > 1 || profiles.length > 1 ? 'select' : 'selects'} namespace ${namespace}${patterns.length > 0 ? ` (${patterns.join(', ')})` : ''}`
        + `${byLabels ? ' (pods with its labels)' : ''}: EKS Pod Identity does not run on Fargate, so those pods get no credentials`,
      fix: podIdentityFargate.fix,
    }];
  }),
};
