import { TrustScope } from '../../core/trust/trust-scope';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';
import { subjectPatterns } from './_shared';

/** EKSID-IRSA-003: an IRSA subject pattern never spans namespaces. */
export const irsaSubjectWildcard: Rule = {
  id: 'EKSID-IRSA-003',
  statement: 'An IRSA trust never uses a StringLike ":sub" pattern that matches service accounts of any namespace (e.g. system:serviceaccount:*:*).',
  level: CheckLevel.ERROR,
  fix: 'use StringEquals with "system:serviceaccount:<namespace>:<name>" for each service account that needs the role',
  check: (model) => subjectPatterns(model)
    .filter(({ scope }) => scope === TrustScope.ANY_NAMESPACE || scope === TrustScope.ANY_SERVICE_ACCOUNT)
    .map(({ role, irsa, subject, operator }) => ({
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts OIDC provider ${irsa.providerLabel} with ${operator} ":sub" "${subject}", `
        + 'which hands the role to service accounts in every namespace of the cluster',
      fix: irsaSubjectWildcard.fix,
    })),
};
