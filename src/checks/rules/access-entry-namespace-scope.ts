import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-006: a namespace scope lists namespaces. */
export const accessEntryNamespaceScope: Rule = {
  id: 'EKSID-ACCESS-006',
  statement: 'An access policy with a namespace scope lists at least one namespace.',
  level: CheckLevel.ERROR,
  check: (model) => model.accessEntries.flatMap((entry) => entry.accessPolicies.flatMap((policy, i) =>
    policy.scopeType === 'namespace' && policy.namespaces.length === 0 ? [{
      ...at(entry, `Properties/AccessPolicies/${i}/AccessScope`),
      message: `access entry ${entry.logicalId} grants ${policy.policyArn} with a namespace scope but no namespaces`,
      fix: 'list the namespaces in AccessScope.Namespaces, or use a cluster scope',
    }] : [])),
};
