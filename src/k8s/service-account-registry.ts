import { IConstruct } from 'constructs';
import { throwIdentityError } from '../errors';

const claims = new WeakMap<IConstruct, Map<string, IConstruct>>();

/**
 * Records that `claimant` owns the service account `namespace/name` of `cluster`; fails at synth
 * when another construct already does (two identities for one service account would fight over
 * its annotation and its pod identity association).
 */
export function claimServiceAccount(cluster: IConstruct, claimant: IConstruct, namespace: string, name: string): void {
  let byKey = claims.get(cluster);
  if (!byKey) {
    byKey = new Map();
    claims.set(cluster, byKey);
  }
  const key = `${namespace}/${name}`;
  const owner = byKey.get(key);
  if (owner && owner !== claimant) {
    throwIdentityError(claimant, `service account ${key} of cluster ${cluster.node.path} is already defined by ${owner.node.path}`,
      'give each service account a single identity; to grant more permissions, add statements or policies to the existing one');
  }
  byKey.set(key, claimant);
}
