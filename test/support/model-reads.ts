import { CheckModel } from '../../src/checks/template-model';

/**
 * Counts the elements read from a model's lists from now on (iterating, `find`, `filter`, ...):
 * wraps each list in a proxy. A reader that scans a list once per element of another reads about
 * four times as many elements when the assembly doubles; a linear one about twice as many.
 */
export function countElementReads(model: CheckModel): { reads: number } {
  const counter = { reads: 0 };
  const lists = ['stacks', 'clusters', 'roles', 'providers', 'associations', 'addons', 'accessEntries', 'nodegroups', 'fargateProfiles',
    'serviceAccounts', 'importedClusters', 'rbacObjects'] as const;
  for (const name of lists) {
    const list = model[name] as unknown as object[];
    (model as any)[name] = new Proxy(list, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) counter.reads++;
        return Reflect.get(target, property, receiver);
      },
    });
  }
  return counter;
}
