import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

const RESERVED_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];

/** The reason a username is rejected, if it is. */
export function usernameProblem(username: string): string | undefined {
  const prefix = RESERVED_PREFIXES.find((p) => username.toLowerCase().startsWith(p));
  if (prefix) return `starts with the reserved prefix "${prefix}"`;
  const session = username.indexOf('{{SessionName}}');
  if (session >= 0 && !username.slice(0, session).includes(':')) return 'uses {{SessionName}} without a colon before it';
  return undefined;
}

/** EKSID-ACCESS-002: access entry usernames avoid reserved prefixes. */
export const accessEntryUsername: Rule = {
  id: 'EKSID-ACCESS-002',
  statement: 'An access entry\'s username does not start with system:, eks:, aws:, amazon: or iam:, and has a colon before any {{SessionName}}.',
  level: CheckLevel.ERROR,
  check: (model) => model.accessEntries.flatMap((entry) => {
    const problem = entry.username === undefined ? undefined : usernameProblem(entry.username);
    return problem ? [{
      ...at(entry, 'Properties/Username'),
      message: `access entry ${entry.logicalId} has username "${entry.username}", which ${problem}: EKS rejects it`,
      fix: 'use a username of your own prefix, e.g. "admin:{{SessionName}}", or leave Username unset for the EKS default',
    }] : [];
  }),
};
