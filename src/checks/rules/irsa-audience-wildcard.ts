import { parseOperator } from '../../core/trust/condition-evaluation';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-005: the audience is matched exactly. */
export const irsaAudienceWildcard: Rule = {
  id: 'EKSID-IRSA-005',
  statement: 'An IRSA trust matches ":aud" with StringEquals, never StringLike.',
  level: CheckLevel.ERROR,
  fix: 'use StringEquals "<issuer>:aud": "sts.amazonaws.com"',
  check: (model) => model.roles.flatMap((role) => model.irsaStatements(role).flatMap(({ grant, providerLabel }) =>
    grant.audience.conditions.filter((c) => parseOperator(c.operator).like && !parseOperator(c.operator).negated).map((condition) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts OIDC provider ${providerLabel} with ${condition.operator} on ":aud" `
        + `(${condition.values.join(', ')}): the audience must be matched exactly`,
      fix: irsaAudienceWildcard.fix,
    })))),
};
