import { accessPolicyNameOfArn, clusterAdminScopeWarning } from '../../core/access-entry-rules';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-012: cluster admin is granted at cluster scope. */
export const accessEntryClusterAdminScope: Rule = {
  id: 'EKSID-ACCESS-012',
  statement: 'AmazonEKSClusterAdminPolicy is associated at cluster scope (in a namespace scope it is not cluster admin).',
  level: CheckLevel.WARNING,
  fix: 'associate AmazonEKSClusterAdminPolicy at cluster scope for cluster admin, or AmazonEKSAdminPolicy with a namespace scope for admin of namespaces',
  check: (model) => model.accessEntries.flatMap((entry) => entry.accessPolicies.flatMap((policy, i) => {
    const name = accessPolicyNameOfArn(policy.policyArn);
    const warning = clusterAdminScopeWarning({ name, scopeType: policy.scopeType, namespaces: policy.namespaces });
    return warning ? [{ ...at(entry, `Properties/AccessPolicies/${i}/AccessScope`), message: `access entry ${entry.logicalId}: ${warning.problem}`, fix: warning.fix }] : [];
  })),
};
