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
 * (`sts:AssumeRole` + `sts:TagSession`) only as the association role (`ArnEquals
 * aws:PrincipalARN`), and only for the one association — by the session tags in one statement, or,
 * when the association disables them, by its external id on `sts:AssumeRole` and a second
 * statement for `sts:TagSession`: the two forms of the EKS user guide ("Access AWS resources using
 * EKS Pod Identity target IAM roles",
 * https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html), the second
 * statement also scoped to the association role.
 */
export function podIdentityTargetTrustStatements(
  clusterAccountRootArn: string, associationRoleArn: string, scope: TargetRoleScope): TrustStatement[] {
  const principal = { AWS: clusterAccountRootArn };
  const asAssociationRole = { ArnEquals: { 'aws:PrincipalARN': associationRoleArn } };
  if ('sessionTags' in scope) {
    return [{
      Effect: 'Allow',
      Principal: principal,
      Action: [...POD_IDENTITY_ACTIONS],
      Condition: { ...asAssociationRole, StringEquals: sessionTagConditions(scope.sessionTags) },
    }];
  }
  return [
    { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', Condition: { ...asAssociationRole, StringEquals: { 'sts:ExternalId': scope.externalId } } },
    { Effect: 'Allow', Principal: principal, Action: 'sts:TagSession', Condition: asAssociationRole },
  ];
}
