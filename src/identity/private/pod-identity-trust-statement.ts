import { TrustStatement } from './trust-document';
import {
  CLUSTER_ARN_TAG, NAMESPACE_TAG, POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL, requestTagKey, SERVICE_ACCOUNT_TAG,
} from '../../core/pod-identity';

/** The session tags a pod identity trust is scoped with. */
export interface PodIdentityScopeValues {
  readonly clusterArn: string;
  readonly namespace: string;
  readonly serviceAccount: string;
}

function sessionTagConditions(scope: PodIdentityScopeValues): { [key: string]: string } {
  return {
    [requestTagKey(CLUSTER_ARN_TAG)]: scope.clusterArn,
    [requestTagKey(NAMESPACE_TAG)]: scope.namespace,
    [requestTagKey(SERVICE_ACCOUNT_TAG)]: scope.serviceAccount,
  };
}

/**
 * The pod identity trust: exactly one statement, `sts:AssumeRole` + `sts:TagSession` from
 * `pods.eks.amazonaws.com`, scoped with the session tags EKS attaches — or unscoped when the
 * association disables session tags (no tags arrive, so tag conditions would always deny).
 */
export function podIdentityTrustStatement(scope: PodIdentityScopeValues | undefined): TrustStatement {
  return {
    Effect: 'Allow',
    Principal: { Service: POD_IDENTITY_PRINCIPAL },
    Action: [...POD_IDENTITY_ACTIONS],
    ...(scope ? { Condition: { StringEquals: sessionTagConditions(scope) } } : {}),
  };
}

/** How a cross-account target role is scoped to one association. */
export type TargetRoleScope =
  /** Session tags on: the tag conditions. */
  | { readonly sessionTags: PodIdentityScopeValues }
  /** Session tags off: the association's external id. */
  | { readonly externalId: string };

/**
 * The trust of a cross-account pod identity target role: the cluster's account may assume it
 * (`sts:AssumeRole` + `sts:TagSession`) only as the association role, and only for the one
 * association — by the session tags, or, when the association disables them, by its external id
 * (EKS user guide, "Access AWS resources using EKS Pod Identity target IAM roles").
 */
export function podIdentityTargetTrustStatement(
  clusterAccountRootArn: string, associationRoleArn: string, scope: TargetRoleScope): TrustStatement {
  return {
    Effect: 'Allow',
    Principal: { AWS: clusterAccountRootArn },
    Action: [...POD_IDENTITY_ACTIONS],
    Condition: {
      ArnEquals: { 'aws:PrincipalARN': associationRoleArn },
      ...('sessionTags' in scope ? { StringEquals: sessionTagConditions(scope.sessionTags) } : { StringEquals: { 'sts:ExternalId': scope.externalId } }),
    },
  };
}
