import { CheckLevel } from '../check-types';
import { conditionsOn, isRestricting } from '../model/policy-document';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-001: an IRSA trust statement pins the token audience. */
export const irsaAudienceCondition: Rule = {
  id: 'EKSID-IRSA-001',
  statement: 'An IRSA trust statement restricts the token audience with a StringEquals "<issuer>:aud" condition.',
  level: CheckLevel.WARNING,
  check: (model) => model.roles.flatMap((role) => model.irsaStatements(role)
    .filter(({ statement }) => !conditionsOn(statement, ':aud').some(isRestricting))
    .map(({ providerLabel }) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts OIDC provider ${providerLabel} for sts:AssumeRoleWithWebIdentity without an ":aud" condition: `
        + 'tokens issued for any audience the provider lists are accepted',
      fix: 'add StringEquals "<issuer>:aud": "sts.amazonaws.com" to the trust statement (next to the ":sub" condition)',
    }))),
};
