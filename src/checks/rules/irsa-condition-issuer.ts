import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-007: the condition keys of an IRSA statement name the issuer of its provider. */
export const irsaConditionIssuer: Rule = {
  id: 'EKSID-IRSA-007',
  statement: 'The ":sub" and ":aud" condition keys of an IRSA trust statement start with the issuer of the OIDC provider it trusts.',
  level: CheckLevel.ERROR,
  fix: 'key the conditions on the issuer of the provider in Principal.Federated (the provider ARN after oidc-provider/), '
    + 'or trust the provider of the issuer the conditions name',
  check: (model) => model.roles.flatMap((role) => model.irsaStatements(role)
    .filter(({ grant }) => grant.issuerKnown && grant.foreignIssuers.length > 0)
    .map(({ grant, providerLabel }) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts OIDC provider ${providerLabel}, but its conditions are keyed on another issuer `
        + `(${grant.foreignIssuers.map((i) => `${i}:sub/aud`).join(', ')}): the provider's tokens never carry those keys, so StringEquals `
        + 'conditions on them deny every pod, and IfExists or negated ones restrict nothing',
      fix: irsaConditionIssuer.fix,
    }))),
};
