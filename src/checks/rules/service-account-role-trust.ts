import { irsaAllowed } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { subjectOf } from './_shared';

/** EKSID-SA-001: the role in an IRSA annotation trusts that service account. */
export const serviceAccountRoleTrust: Rule = {
  id: 'EKSID-SA-001',
  statement: 'The role in a service account\'s eks.amazonaws.com/role-arn annotation trusts the cluster\'s OIDC provider for that service account.',
  level: CheckLevel.ERROR,
  fix: 'add a trust statement for the cluster\'s OIDC provider with StringEquals "<issuer>:sub": "system:serviceaccount:<namespace>:<name>" to the role, or annotate the service account with the role made for it',
  check: (model) => model.serviceAccounts.flatMap((sa) => {
    const role = model.roleByArn(sa.roleArn, sa.stackName);
    if (!role || !role.trust || model.associationOf(sa)) return []; // role not in the templates, or pod identity wins (EKSID-SA-002)
    const subject = subjectOf(sa);
    const statements = model.irsaStatements(role);
    const forCluster = statements.filter((s) => !sa.clusterKey || !s.provider?.clusterKey || s.provider.clusterKey === sa.clusterKey);
    const trust = model.trustOf(role);
    const options = model.trustOptions(role.stackName);
    const verdicts = forCluster.map((s) =>
      irsaAllowed(trust, { providerArn: s.providerArn, namespace: sa.namespace, serviceAccount: sa.name }, options));
    if (verdicts.some((v) => v !== false)) return [];
    const problem = statements.length === 0 ? 'has no sts:AssumeRoleWithWebIdentity statement for any OIDC provider'
      : forCluster.length === 0 ? `trusts only the OIDC providers of other clusters than ${model.clusterLabel(sa.clusterKey)}`
        : `does not allow the subject ${subject} with audience sts.amazonaws.com`;
    return [{
      ...at(sa.logicalId ? sa : role),
      message: `ServiceAccount ${sa.namespace}/${sa.name} (${sa.source}) is annotated with role ${role.logicalId}, whose trust policy ${problem}: `
        + 'pods using it fail to get credentials at runtime',
      fix: `add a trust statement for the cluster's OIDC provider with StringEquals "<issuer>:sub": "${subject}" to role ${role.logicalId}, `
        + 'or annotate the service account with the role made for it',
    }];
  }),
};
