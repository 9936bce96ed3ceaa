import { isKnown } from '../../core/deploy-time';
import { IRSA_AUDIENCE } from '../../core/irsa';
import { keyAllows, MatchKind } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-008: an IRSA statement accepts the audience EKS projects, and only that one. */
export const irsaAudienceValue: Rule = {
  id: 'EKSID-IRSA-008',
  statement: `An IRSA trust statement's ":aud" condition accepts ${IRSA_AUDIENCE}, the audience of the tokens EKS projects, and no other.`,
  level: CheckLevel.ERROR,
  fix: `accept only "${IRSA_AUDIENCE}" in "<issuer>:aud"`,
  check: (model) => model.roles.flatMap((role) => model.irsaStatements(role).flatMap(({ grant, providerLabel }) => {
    const audience = grant.audience;
    if (audience.kind !== MatchKind.EXACT || !audience.values.every(isKnown)) return [];
    const others = audience.values.filter((v) => v !== IRSA_AUDIENCE);
    if (keyAllows(audience, IRSA_AUDIENCE) === false) {
      return [{
        ...at(role, TRUST_POLICY),
        message: `role ${role.logicalId} trusts OIDC provider ${providerLabel} only for audience ${audience.values.join(', ')}: `
          + `the tokens EKS projects for IRSA have audience ${IRSA_AUDIENCE}, so pods get no credentials`,
        fix: `set "<issuer>:aud" to "${IRSA_AUDIENCE}"`,
      }];
    }
    if (others.length === 0) return [];
    return [{
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts OIDC provider ${providerLabel} for audiences ${others.join(', ')} besides ${IRSA_AUDIENCE}: `
        + 'tokens minted for other services (projected with another audience) can assume it',
      fix: `accept only "${IRSA_AUDIENCE}" in "<issuer>:aud"`,
    }];
  })),
};
