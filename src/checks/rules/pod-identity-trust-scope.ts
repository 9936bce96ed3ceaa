import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';

/** EKSID-POD-001: a pod identity trust is scoped by session tags. */
export const podIdentityTrustScope: Rule = {
  id: 'EKSID-POD-001',
  statement: 'A role trusting pods.eks.amazonaws.com scopes sts:AssumeRole to a cluster, namespace and service account with '
    + 'aws:RequestTag/eks-cluster-arn (or eks-cluster-name), aws:RequestTag/kubernetes-namespace and aws:RequestTag/kubernetes-service-account conditions.',
  level: CheckLevel.WARNING,
  fix: 'add StringEquals conditions on aws:RequestTag/eks-cluster-arn, aws:RequestTag/kubernetes-namespace and '
    + 'aws:RequestTag/kubernetes-service-account to the statement that allows sts:AssumeRole and sts:TagSession',
  check: (model) => model.roles.flatMap((role) => {
    if (model.associationsUsing(role).some((a) => a.disableSessionTags)) return []; // no tags arrive to condition on
    // A "*" principal is everyone's, not a pods.eks.amazonaws.com problem: EKSID-IAM-007 reports it.
    const statements = model.podIdentityStatements(role).filter((g) => !g.anyPrincipal && g.allowsAssumeRole && !g.statement.opaqueConditions);
    const missing = new Set(statements.flatMap((g) => [
      ...(g.clusterPinned ? [] : ['aws:RequestTag/eks-cluster-arn']),
      ...(g.namespacePinned ? [] : ['aws:RequestTag/kubernetes-namespace']),
      ...(g.serviceAccountPinned ? [] : ['aws:RequestTag/kubernetes-service-account']),
    ]));
    if (missing.size === 0) return [];
    return [{
      ...at(role, TRUST_POLICY),
      message: `role ${role.logicalId} trusts pods.eks.amazonaws.com without ${[...missing].join(', ')} `
        + 'conditions: an association for any cluster, namespace or service account in the account (made by anyone who may pass the role) gets its credentials',
      fix: podIdentityTrustScope.fix,
    }];
  }),
};
