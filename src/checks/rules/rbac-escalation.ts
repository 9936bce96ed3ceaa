import { RBAC_RULE_RISK_FIX, rbacRuleRisks } from '../../core/rbac';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-RBAC-001: RBAC roles grant no privilege escalation. */
export const rbacEscalation: Rule = {
  id: 'EKSID-RBAC-001',
  statement: 'A Role or ClusterRole grants neither escalate nor bind on the RBAC API group, nor impersonate, nor every verb on every resource cluster-wide.',
  level: CheckLevel.WARNING,
  fix: `${RBAC_RULE_RISK_FIX}; if this is meant, suppress EKSID-RBAC-001 with the reason`,
  check: (model) => model.rbacObjects.filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole').flatMap((role) =>
    role.rules.flatMap((rule, i) => rbacRuleRisks(rule, role.kind === 'ClusterRole').map((risk) => ({
      ...at(role.logicalId ? role : { stackName: role.stackName }),
      message: `${role.kind} ${role.namespace ? `${role.namespace}/` : ''}${role.name} (${role.source}), rule ${i}: ${risk}`,
      fix: rbacEscalation.fix,
    })))),
};
