import { isKnown } from '../../core/deploy-time';
import { IRSA_AUDIENCE } from '../../core/irsa';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { OidcProviderModel } from '../template-model';

/** EKSID-IRSA-006: an OIDC provider used by IRSA accepts the STS audience. */
export const irsaProviderAudience: Rule = {
  id: 'EKSID-IRSA-006',
  statement: `An OIDC provider trusted by an IRSA role lists ${IRSA_AUDIENCE} in its client ID list.`,
  level: CheckLevel.ERROR,
  fix: `add ${IRSA_AUDIENCE} to the provider's ClientIdList`,
  check: (model) => {
    const used = new Set<OidcProviderModel>(model.roles.flatMap((role) => model.irsaStatements(role).flatMap((s) => s.provider ? [s.provider] : [])));
    return [...used].filter((p) => p.clientIds.every(isKnown) && !p.clientIds.includes(IRSA_AUDIENCE)).map((provider) => ({
      ...at(provider, 'Properties/ClientIdList'),
      message: `OIDC provider ${provider.logicalId} is trusted by IRSA roles but its client ID list is `
        + `[${provider.clientIds.join(', ')}]: STS rejects the projected tokens (audience ${IRSA_AUDIENCE}) and pods get no credentials`,
      fix: irsaProviderAudience.fix,
    }));
  },
};
