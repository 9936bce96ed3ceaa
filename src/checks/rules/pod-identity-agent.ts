import { POD_IDENTITY_AGENT_ADDON } from '../../core/pod-identity';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/**
 * EKSID-POD-007: a cluster with associations runs the pod identity agent: an addon in the
 * templates, Auto Mode, or a cluster made elsewhere imported with `podIdentityAgentInstalled: true`
 * (recorded in the template's `Metadata`).
 */
export const podIdentityAgent: Rule = {
  id: 'EKSID-POD-007',
  statement: 'A cluster with pod identity associations has the eks-pod-identity-agent addon (built in on EKS Auto Mode).',
  level: CheckLevel.WARNING,
  fix: 'add an AWS::EKS::Addon eks-pod-identity-agent for the cluster; if the agent is installed elsewhere, import the cluster with '
    + 'podIdentityAgentInstalled: true (or suppress EKSID-POD-007)',
  check: (model) => [...model.associationsByCluster()].filter(([key]) => !model.cluster(key)?.autoMode
    && !model.addonsOfCluster(key).some((addon) => addon.name === POD_IDENTITY_AGENT_ADDON)
    && !model.importedClustersOfCluster(key).some((c) => c.podIdentityAgentInstalled === true))
    .map(([key, list]) => ({
      ...at(model.cluster(key) ?? list[0]),
      message: `${model.clusterLabel(key)} has ${list.length} pod identity association(s) but no eks-pod-identity-agent addon in these templates`
        + `${model.importedClustersOfCluster(key).some((c) => c.podIdentityAgentInstalled === false) ? ' (it was imported with podIdentityAgentInstalled: false)' : ''}: `
        + 'without the agent, pods get no credentials',
      fix: podIdentityAgent.fix,
    })),
};
