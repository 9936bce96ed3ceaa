import { CheckLevel } from '../check-types';
import { conditionsOn, isRestricting } from '../model/policy-document';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-002: an IRSA trust statement names the service account. */
export const irsaSubjectCondition: Rule = {
  id: 'EKSID-IRSA-002',
  statement: 'An IRSA trust statement restricts the subject with a "<issuer>:sub" condition naming the service account.',
  level: CheckLevel.ERROR,
  check: (model) => model.roles.flatMap((role) => model.irsaStatements(role)
    .filter(({ statement }) => !conditionsOn(statement, ':sub').some(isRestricting))
    .map(({ providerLabel }) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts OIDC provider ${providerLabel} for sts:AssumeRoleWithWebIdentity without a ":sub" condition: `
        + 'every service account in the cluster can assume it',
      fix: 'add StringEquals "<issuer>:sub": "system:serviceaccount:<namespace>:<name>" to the trust statement',
    }))),
};
