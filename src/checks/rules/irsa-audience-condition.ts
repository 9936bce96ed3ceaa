import { MatchKind, pinsKey } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-001: an IRSA trust statement pins the token audience. */
export const irsaAudienceCondition: Rule = {
  id: 'EKSID-IRSA-001',
  statement: 'An IRSA trust statement restricts the token audience with a StringEquals "<issuer>:aud" condition.',
  level: CheckLevel.WARNING,
  fix: 'add StringEquals "<issuer>:aud": "sts.amazonaws.com" to the trust statement (next to the ":sub" condition)',
  check: (model) => model.roles.flatMap((role) => model.irsaStatements(role)
    .filter(({ grant }) => !grant.statement.opaqueConditions && !pinsKey(grant.audience))
    .map(({ providerLabel, grant }) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts OIDC provider ${providerLabel} for sts:AssumeRoleWithWebIdentity without an ":aud" condition`
        + `${grant.audience.kind === MatchKind.EXCEPT ? ` that names the accepted audience (it only excludes ${grant.audience.values.join(', ')})` : ''}: `
        + 'tokens issued for any audience the provider lists are accepted',
      fix: irsaAudienceCondition.fix,
    }))),
};
