import { TAG_SESSION_ACTION } from '../../core/irsa';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-011: a Federated principal is allowed its federation action and nothing else. */
export const irsaFederatedAction: Rule = {
  id: 'EKSID-IRSA-011',
  statement: 'A trust statement allows a Federated principal exactly its federation action (sts:AssumeRoleWithWebIdentity for an OIDC provider, '
    + 'sts:AssumeRoleWithSAML for a SAML provider), with sts:TagSession at most: not sts:AssumeRole, not a wildcard such as sts:*.',
  level: CheckLevel.ERROR,
  fix: 'allow the Federated principal its federation action (sts:AssumeRoleWithWebIdentity for an OIDC provider), with sts:TagSession only when its tokens carry session tags, and nothing else',
  check: (model) => model.roles.flatMap((role) => model.trustOf(role).federated
    .filter((g) => !g.allowsFederation || g.otherActions.length > 0)
    .map((g) => {
      const provider = model.describe(g.provider, role.stackName);
      return {
        ...at(role, TRUST_POLICY),
        message: g.allowsFederation
          ? `role ${role.logicalId} allows Federated principal ${provider} ${g.otherActions.join(', ')} (statement ${g.statementIndex}), `
            + `more than ${g.federationAction}: the provider's tokens are trusted for actions its federation never uses`
          : `role ${role.logicalId} allows Federated principal ${provider} ${g.statement.actions.join(', ')} (statement ${g.statementIndex}) `
            + `but not ${g.federationAction}: the provider's tokens can never assume it (pods using the role get no credentials)`,
        fix: `allow ${g.federationAction} to the Federated principal (and ${TAG_SESSION_ACTION} only when its tokens carry session tags), nothing else`,
      };
    })),
};
