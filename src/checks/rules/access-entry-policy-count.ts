import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** The most access policies one `AWS::EKS::AccessEntry` takes. */
export const MAX_ACCESS_POLICIES = 20;

/** EKSID-ACCESS-005: at most 20 access policies per entry. */
export const accessEntryPolicyCount: Rule = {
  id: 'EKSID-ACCESS-005',
  statement: `An access entry has at most ${MAX_ACCESS_POLICIES} access policies.`,
  level: CheckLevel.ERROR,
  check: (model) => model.accessEntries.filter((e) => e.accessPolicies.length > MAX_ACCESS_POLICIES).map((entry) => ({
    ...at(entry, 'Properties/AccessPolicies'),
    message: `access entry ${entry.logicalId} has ${entry.accessPolicies.length} access policies; an access entry takes at most ${MAX_ACCESS_POLICIES}`,
    fix: 'merge namespace scopes (one access policy takes a list of namespaces) or use a broader policy',
  })),
};
