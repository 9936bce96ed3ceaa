import { MAX_ASSOCIATIONS_PER_CLUSTER } from '../../core/limits';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-POD-006: at most 1000 associations per cluster. */
export const podIdentityAssociationQuota: Rule = {
  id: 'EKSID-POD-006',
  statement: `A cluster has at most ${MAX_ASSOCIATIONS_PER_CLUSTER} pod identity associations (a fixed EKS quota).`,
  level: CheckLevel.ERROR,
  fix: 'share roles through fewer service accounts, or spread the workloads over more clusters',
  check: (model) => [...model.associationsByCluster()].filter(([, list]) => list.length > MAX_ASSOCIATIONS_PER_CLUSTER)
    .map(([key, list]) => ({
      ...at(model.cluster(key) ?? list[MAX_ASSOCIATIONS_PER_CLUSTER]),
      message: `${model.clusterLabel(key)} has ${list.length} pod identity associations; EKS allows ${MAX_ASSOCIATIONS_PER_CLUSTER} per cluster`,
      fix: podIdentityAssociationQuota.fix,
    })),
};
