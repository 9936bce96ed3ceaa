import { accessEntryUsernameProblem, RESERVED_USERNAME_PREFIXES } from '../../core/access-entry-names';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-002: access entry usernames avoid reserved prefixes. */
export const accessEntryUsername: Rule = {
  id: 'EKSID-ACCESS-002',
  statement: `An access entry's username does not start with ${RESERVED_USERNAME_PREFIXES.join(', ')} (in any letter case), and has a colon before any {{SessionName}}.`,
  level: CheckLevel.ERROR,
  fix: `use a username that does not start with ${RESERVED_USERNAME_PREFIXES.join(', ')}, with a colon before any {{SessionName}}, or leave it to EKS`,
  check: (model) => model.accessEntries.flatMap((entry) => {
    const problem = entry.username === undefined ? undefined : accessEntryUsernameProblem(entry.username);
    return problem ? [{
      ...at(entry, 'Properties/Username'),
      message: `access entry ${entry.logicalId}: ${problem.problem}; EKS rejects it`,
      fix: problem.fix,
    }] : [];
  }),
};
