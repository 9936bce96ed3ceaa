import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-008: cluster admin goes to roles, not IAM users. */
export const accessEntryAdminUser: Rule = {
  id: 'EKSID-ACCESS-008',
  statement: 'AmazonEKSClusterAdminPolicy is granted to IAM roles, not IAM users.',
  level: CheckLevel.WARNING,
  fix: 'grant cluster admin to an IAM role that people assume (SSO, MFA), and give the user that role',
  check: (model) => model.accessEntries.filter((e) => /:user\//.test(e.principalArn)
    && e.accessPolicies.some((p) => p.policyArn.endsWith('/AmazonEKSClusterAdminPolicy')))
    .map((entry) => ({
      ...at(entry, 'Properties/AccessPolicies'),
      message: `access entry ${entry.logicalId} grants AmazonEKSClusterAdminPolicy to IAM user ${entry.principalArn}: `
        + 'cluster admin then rests on long-lived access keys',
      fix: accessEntryAdminUser.fix,
    })),
};
