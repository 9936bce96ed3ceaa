import { TrustStatement } from './trust-document';

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';

/** The actions EKS Pod Identity needs on a role. */
export const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];

/**
 * The session tags a pod identity trust is scoped with.
 * @internal
 */
export interface PodIdentityScope {
  readonly clusterArn: string;
  readonly namespace: string;
  readonly serviceAccount: string;
}

function sessionTagConditions(scope: PodIdentityScope): { [key: string]: string } {
  return {
    'aws:RequestTag/eks-cluster-arn': scope.clusterArn,
    'aws:RequestTag/kubernetes-namespace': scope.namespace,
    'aws:RequestTag/kubernetes-service-account': scope.serviceAccount,
  };
}

/**
 * The pod identity trust: exactly one statement, `sts:AssumeRole` + `sts:TagSession` from
 * `pods.eks.amazonaws.com`, scoped with the session tags EKS attaches — or unscoped when the
 * association disables session tags (no tags arrive, so tag conditions would always deny).
 * @internal
 */
export function podIdentityTrustStatement(scope: PodIdentityScope | undefined): TrustStatement {
  return {
    Effect: 'Allow',
    Principal: { Service: POD_IDENTITY_PRINCIPAL },
    Action: [...POD_IDENTITY_ACTIONS],
    ...(scope ? { Condition: { StringEquals: sessionTagConditions(scope) } } : {}),
  };
}

/**
 * The trust of a cross-account pod identity target role: the cluster's account may assume it
 * (`sts:AssumeRole` + `sts:TagSession`) only as the association role, and only for the
 * cluster, namespace and service account in the session tags.
 * @internal
 */
export function podIdentityTargetTrustStatement(
  clusterAccountRootArn: string, associationRoleArn: string, scope: PodIdentityScope | undefined): TrustStatement {
  return {
    Effect: 'Allow',
    Principal: { AWS: clusterAccountRootArn },
    Action: [...POD_IDENTITY_ACTIONS],
    Condition: {
      ArnEquals: { 'aws:PrincipalARN': associationRoleArn },
      ...(scope ? { StringEquals: sessionTagConditions(scope) } : {}),
    },
  };
}
