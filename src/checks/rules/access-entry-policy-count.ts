import { MAX_ACCESS_POLICIES_PER_ENTRY } from '../../aws-limits';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-005: at most 20 access policies per entry. */
export const accessEntryPolicyCount: Rule = {
  id: 'EKSID-ACCESS-005',
  statement: `An access entry has at most ${MAX_ACCESS_POLICIES_PER_ENTRY} access policies.`,
  level: CheckLevel.ERROR,
  check: (model) => model.accessEntries.filter((e) => e.accessPolicies.length > MAX_ACCESS_POLICIES_PER_ENTRY).map((entry) => ({
    ...at(entry, 'Properties/AccessPolicies'),
    message: `access entry ${entry.logicalId} has ${entry.accessPolicies.length} access policies; an access entry takes at most ${MAX_ACCESS_POLICIES_PER_ENTRY}`,
    fix: 'merge namespace scopes (one access policy takes a list of namespaces) or use a broader policy',
  })),
};
