import { MatchKind, pinsKey } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-002: an IRSA trust statement names the service account. */
export const irsaSubjectCondition: Rule = {
  id: 'EKSID-IRSA-002',
  statement: 'An IRSA trust statement restricts the subject with a "<issuer>:sub" condition naming the service account.',
  level: CheckLevel.ERROR,
  fix: 'add StringEquals "<issuer>:sub": "system:serviceaccount:<namespace>:<name>" to the trust statement',
  check: (model) => model.roles.flatMap((role) => model.irsaStatements(role)
    .filter(({ grant }) => !grant.statement.opaqueConditions && !pinsKey(grant.subject))
    .map(({ providerLabel, grant }) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts OIDC provider ${providerLabel} for sts:AssumeRoleWithWebIdentity without a ":sub" condition`
        + `${grant.subject.kind === MatchKind.EXCEPT ? ` that names service accounts (it only excludes ${grant.subject.values.join(', ')})` : ''}: `
        + 'every service account in the cluster can assume it',
      fix: irsaSubjectCondition.fix,
    }))),
};
