import { IConstruct } from 'constructs';
import { principalKey } from '../../core/arn';
import { throwIdentityError } from '../../core/errors';

const claims = new WeakMap<IConstruct, Map<string, IConstruct>>();

/**
 * Records that `claimant` holds the access entry of `principalArn` on `cluster`; fails at synth
 * when another construct already does (EKS allows one access entry per principal and cluster, so
 * the second would fail at deploy).
 */
export function claimAccessEntry(cluster: IConstruct, claimant: IConstruct, principalArn: string): void {
  let byKey = claims.get(cluster);
  if (!byKey) {
    byKey = new Map();
    claims.set(cluster, byKey);
  }
  const key = principalKey(principalArn);
  const owner = byKey.get(key);
  if (owner && owner !== claimant) {
    throwIdentityError(claimant, `principal ${principalArn} already has an access entry on cluster ${cluster.node.path} (${owner.node.path}); EKS allows one per principal`,
      'add the access policies to the existing entry (entry.addAccessPolicies(...)) instead of creating a second one');
  }
  byKey.set(key, claimant);
}
