import { isKnown } from '../../core/deploy-time';
import { checkIssuerUrl } from '../../core/oidc-issuer';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-IRSA-010: an OIDC provider's URL is an issuer URL IAM and STS can match. */
export const irsaProviderUrl: Rule = {
  id: 'EKSID-IRSA-010',
  statement: 'An OIDC provider trusted by an IRSA role has an https issuer URL without trailing slash, query or fragment '
    + '(an EKS issuer: of the stack\'s region, when known), judged by its literal parts when it has deploy-time values.',
  level: CheckLevel.ERROR,
  fix: 'write the issuer URL exactly as the cluster reports it: https://, without trailing slash, query or fragment',
  check: (model) => model.providers.flatMap((provider) => {
    const verdict = checkIssuerUrl(provider.url, {
      allowNonEksIssuer: true,
      expectedRegion: model.findStack(provider.stackName)?.region,
      what: `OIDC provider ${provider.logicalId} has Url`,
    });
    const problem = verdict.problem ?? (isKnown(provider.url) && verdict.normalized.length > 0 ? {
      problem: `OIDC provider ${provider.logicalId} has Url '${provider.url}', which differs from the issuer in the tokens (${verdict.normalized.join(', ')}: ${verdict.url})`,
      fix: `write the issuer exactly as the cluster reports it: ${verdict.url}`,
    } : undefined);
    return problem ? [{ ...at(provider, 'Properties/Url'), message: problem.problem, fix: problem.fix }] : [];
  }),
};
