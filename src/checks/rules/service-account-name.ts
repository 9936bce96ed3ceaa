import { namespaceNameProblem, serviceAccountNameProblem } from '../../core/kubernetes-names';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-SA-003: service accounts and associations name valid Kubernetes namespaces and service accounts. */
export const serviceAccountName: Rule = {
  id: 'EKSID-SA-003',
  statement: 'Service account objects and pod identity associations name a valid namespace (a DNS-1123 label) and service account (a DNS-1123 subdomain).',
  level: CheckLevel.ERROR,
  fix: 'name the namespace with a DNS-1123 label and the service account with a DNS-1123 subdomain (lower case letters, digits, - and .)',
  check: (model) => [
    ...model.serviceAccounts.map((sa) => ({ where: at(sa.logicalId ? sa : { stackName: sa.stackName }), what: `ServiceAccount ${sa.namespace}/${sa.name} (${sa.source})`, namespace: sa.namespace, name: sa.name })),
    ...model.associations.map((a) => ({ where: at(a), what: `pod identity association ${a.logicalId}`, namespace: a.namespace, name: a.serviceAccount })),
  ].flatMap(({ where, what, namespace, name }) => {
    const problem = (namespace === undefined ? undefined : namespaceNameProblem(namespace)) ?? serviceAccountNameProblem(name);
    return problem ? [{ ...where, message: `${what}: ${problem.problem}`, fix: problem.fix }] : [];
  }),
};
