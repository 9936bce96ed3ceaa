import { CheckModel } from '../checks/template-model';

/** A cluster as the diff matches it across assemblies, and for reading. */
export interface ClusterIdentity {
  /**
   * `<stack>|<cluster key>` for an `AWS::EKS::Cluster` of the templates (two stacks may each
   * define a cluster of the same name, in different accounts or regions), else the cluster key
   * (a cluster made elsewhere, known by its name).
   */
  readonly id: string;
  /** `cluster <name> (stack <stack>)`, or `cluster <name>` for a cluster made elsewhere. */
  readonly label: string;
}

/** The cluster a cluster key used in a stack means. */
export function clusterIdentity(model: CheckModel, key: string, stackName: string): ClusterIdentity {
  const cluster = model.clusterOfKey(key, stackName);
  if (!cluster) return { id: key, label: `cluster ${key}` };
  const name = cluster.key.includes('/') ? cluster.logicalId : cluster.key;
  return { id: `${cluster.stackName}|${cluster.key}`, label: `cluster ${name} (stack ${cluster.stackName})` };
}
