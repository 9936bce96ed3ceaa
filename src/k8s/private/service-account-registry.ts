import { IConstruct } from 'constructs';
import { throwIdentityError } from '../../core/errors';

const claims = new WeakMap<IConstruct, Map<string, IConstruct>>();

/**
 * Records that `claimant` owns the service account `namespace/name` of `cluster`; fails at synth
 * when another construct already does (two identities for one service account would fight over
 * its annotation and its pod identity association). A construct inside the owner (an identity's
 * own ServiceAccount object) may claim it again.
 */
export function claimServiceAccount(cluster: IConstruct, claimant: IConstruct, namespace: string, name: string): void {
  let byKey = claims.get(cluster);
  if (!byKey) {
    byKey = new Map();
    claims.set(cluster, byKey);
  }
  const key = `${namespace}/${name}`;
  const owner = byKey.get(key);
  if (owner === claimant || (owner && claimant.node.scopes.includes(owner))) return; // the owner's own ServiceAccount object
  if (owner) {
    throwIdentityError(claimant, `service account ${key} of cluster ${cluster.node.path} is already defined by ${owner.node.path}`,
      'give each service account a single identity; to grant more permissions, add statements or policies to the existing one');
  }
  byKey.set(key, claimant);
}
