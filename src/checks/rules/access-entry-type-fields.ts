import { entryTypeIdentityProblem } from '../../core/access-entry-rules';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-003: only STANDARD entries take groups and a username. */
export const accessEntryTypeFields: Rule = {
  id: 'EKSID-ACCESS-003',
  statement: 'Only access entries of type STANDARD set KubernetesGroups or Username.',
  level: CheckLevel.ERROR,
  fix: 'remove KubernetesGroups and Username, or make the entry STANDARD',
  check: (model) => model.accessEntries.flatMap((entry) => {
    const problem = entryTypeIdentityProblem(entry.type, entry.groups, entry.username);
    return problem ? [{
      ...at(entry, entry.groups.length > 0 ? 'Properties/KubernetesGroups' : 'Properties/Username'),
      message: `access entry ${entry.logicalId}: ${problem.problem}`,
      fix: problem.fix,
    }] : [];
  }),
};
