import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-003: only STANDARD entries take groups and a username. */
export const accessEntryTypeFields: Rule = {
  id: 'EKSID-ACCESS-003',
  statement: 'Only access entries of type STANDARD set KubernetesGroups or Username.',
  level: CheckLevel.ERROR,
  check: (model) => model.accessEntries.filter((e) => e.type !== 'STANDARD' && (e.groups.length > 0 || e.username !== undefined))
    .map((entry) => ({
      ...at(entry, entry.groups.length > 0 ? 'Properties/KubernetesGroups' : 'Properties/Username'),
      message: `access entry ${entry.logicalId} has type ${entry.type} and sets `
        + [entry.groups.length > 0 ? 'KubernetesGroups' : '', entry.username !== undefined ? 'Username' : ''].filter((x) => x).join(' and ')
        + ': EKS accepts them only for STANDARD entries',
      fix: 'remove KubernetesGroups and Username (EKS sets them for node entries), or make the entry STANDARD',
    })),
};
