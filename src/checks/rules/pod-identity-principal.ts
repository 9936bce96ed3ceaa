import { POD_IDENTITY_PRINCIPAL } from '../../core/pod-identity';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-POD-012: a pod identity trust names the service principal, not everyone. */
export const podIdentityPrincipal: Rule = {
  id: 'EKSID-POD-012',
  statement: `The trust of a pod identity association's role names ${POD_IDENTITY_PRINCIPAL}, not the "*" principal, in every statement that allows sts:AssumeRole.`,
  level: CheckLevel.ERROR,
  fix: `name the service principal ${POD_IDENTITY_PRINCIPAL} (or the exact principals that need the role)`,
  check: (model) => model.roles.filter((role) => model.associationsUsing(role).length > 0).flatMap((role) => model.podIdentityStatements(role)
    .filter((g) => g.anyPrincipal && g.allowsAssumeRole).map((g) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} allows sts:AssumeRole to the "*" principal (statement ${g.statementIndex}${g.statement.sid ? ` ${g.statement.sid}` : ''}): `
      + 'anyone who meets its conditions, in any account, can assume it',
      fix: podIdentityPrincipal.fix,
    }))),
};
