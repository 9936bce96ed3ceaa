import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IAM-007: a role's trust names who may assume it. */
export const iamTrustAnyPrincipal: Rule = {
  id: 'EKSID-IAM-007',
  statement: 'A role trust policy does not let in any principal ("Principal": "*", {"AWS": "*"}, or an Allow with NotPrincipal) '
    + 'unless a condition on aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalOrgID or aws:PrincipalOrgPaths pins who the caller is.',
  level: CheckLevel.ERROR,
  fix: 'name the principals that need the role (an account, a role ARN, a service principal such as pods.eks.amazonaws.com, or a Federated OIDC provider), '
    + 'or pin the caller with a condition on aws:PrincipalArn, aws:PrincipalAccount or aws:PrincipalOrgID',
  check: (model) => model.roles.flatMap((role) => model.trustOf(role).anyPrincipal
    .filter((g) => g.principalScopedBy.length === 0 && !g.statement.opaqueConditions)
    .map((g) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts the principal ${g.form} (statement ${g.statementIndex}${g.statement.sid ? ` ${g.statement.sid}` : ''}) `
        + `for ${g.statement.notAction ? `everything but ${g.statement.actions.join(', ')}` : g.statement.actions.join(', ')}: anyone, in any AWS account, `
        + `${g.statement.conditions.length > 0 ? `who meets its conditions (${[...new Set(g.statement.conditions.map((c) => c.key))].join(', ')})` : 'with no condition at all'} can assume it`,
      fix: iamTrustAnyPrincipal.fix,
    }))),
};
