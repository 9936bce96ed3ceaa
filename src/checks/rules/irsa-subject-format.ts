import { irsaSubjectProblem } from '../../core/irsa';
import { irsaSubjectPatterns } from '../../core/trust/irsa-scope';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-IRSA-012: an IRSA ":sub" value is a service account's subject. */
export const irsaSubjectFormat: Rule = {
  id: 'EKSID-IRSA-012',
  statement: 'Every ":sub" value an IRSA trust matches is system:serviceaccount:<namespace>:<name> with a valid namespace and name '
    + '(with StringLike, wildcards standing for letters).',
  level: CheckLevel.ERROR,
  fix: 'match ":sub" with "system:serviceaccount:<namespace>:<name>", the subject EKS writes into service account tokens',
  check: (model) => model.roles.flatMap((role) => model.irsaStatements(role).flatMap(({ grant, providerLabel }) =>
    irsaSubjectPatterns(grant).flatMap(({ subject, operator, wildcardOperator }) => {
      const problem = irsaSubjectProblem(subject, wildcardOperator);
      return problem ? [{
        ...at(role, TRUST_POLICY),
        message: `role ${role.logicalId} trusts OIDC provider ${providerLabel} with ${operator} ${problem.problem}, so that statement lets no pod in`,
        fix: problem.fix,
      }] : [];
    }))),
};
