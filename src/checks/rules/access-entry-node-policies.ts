import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-004: EC2 node entries take no access policies. */
export const accessEntryNodePolicies: Rule = {
  id: 'EKSID-ACCESS-004',
  statement: 'Access entries of type EC2_LINUX or EC2_WINDOWS have no access policies.',
  level: CheckLevel.ERROR,
  check: (model) => model.accessEntries.filter((e) => ['EC2_LINUX', 'EC2_WINDOWS'].includes(e.type) && e.accessPolicies.length > 0)
    .map((entry) => ({
      ...at(entry, 'Properties/AccessPolicies'),
      message: `access entry ${entry.logicalId} has type ${entry.type} and ${entry.accessPolicies.length} access policies: `
        + 'EKS rejects access policies on EC2_LINUX and EC2_WINDOWS entries',
      fix: 'remove the access policies (node permissions come with the entry type)',
    })),
};
