import { TrustScope } from '../../core/trust/trust-scope';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';
import { subjectPatterns } from './_shared';

/** EKSID-IRSA-004: an IRSA subject is an exact service account. */
export const irsaSubjectPattern: Rule = {
  id: 'EKSID-IRSA-004',
  statement: 'An IRSA trust names exact service accounts with StringEquals rather than a StringLike ":sub" pattern within one namespace.',
  level: CheckLevel.WARNING,
  fix: 'use StringEquals with the exact "system:serviceaccount:<namespace>:<name>" subjects, '
    + 'or suppress EKSID-IRSA-004 with the reason the pattern is needed',
  check: (model) => subjectPatterns(model).flatMap(({ role, irsa, subject, operator, scope, namespace }) => {
    // Patterns across namespaces are EKSID-IRSA-003's; values that are no subject, EKSID-IRSA-012's.
    const withinNamespace = scope === TrustScope.NAME_PATTERN || scope === TrustScope.NAMESPACE_WILDCARD;
    if (!withinNamespace && scope !== TrustScope.EXACT_SUBJECT) return [];
    return [{
      ...at(role, TRUST_POLICY),
      message: withinNamespace
        ? `role ${role.logicalId} trusts OIDC provider ${irsa.providerLabel} with ${operator} ":sub" "${subject}": every matching service account `
          + `in namespace ${namespace}, including ones created later, can assume it`
        : `role ${role.logicalId} uses ${operator} for ":sub" "${subject}" although the value has no wildcard`,
      fix: irsaSubjectPattern.fix,
    }];
  }),
};
