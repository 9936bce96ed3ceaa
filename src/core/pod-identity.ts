/*
 * EKS Pod Identity vocabulary (EKS user guide, "Learn how EKS Pod Identity grants pods access to
 * AWS services" and "Access AWS resources using EKS Pod Identity target IAM roles").
 */

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';

/** The EKS add-on that runs the pod identity agent. */
export const POD_IDENTITY_AGENT_ADDON = 'eks-pod-identity-agent';

/** The actions EKS Pod Identity needs on a role it assumes. */
export const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];

/** The session tag that carries the cluster ARN. */
export const CLUSTER_ARN_TAG = 'eks-cluster-arn';
/** The session tag that carries the cluster name. */
export const CLUSTER_NAME_TAG = 'eks-cluster-name';
/** The session tag that carries the namespace. */
export const NAMESPACE_TAG = 'kubernetes-namespace';
/** The session tag that carries the service account name. */
export const SERVICE_ACCOUNT_TAG = 'kubernetes-service-account';

/** Every session tag EKS Pod Identity attaches (transitive). */
export const POD_IDENTITY_SESSION_TAGS = [
  CLUSTER_ARN_TAG, CLUSTER_NAME_TAG, NAMESPACE_TAG, SERVICE_ACCOUNT_TAG, 'kubernetes-pod-name', 'kubernetes-pod-uid',
];

/** The session tags that scope a trust to a cluster, namespace and service account. */
export const POD_IDENTITY_SCOPE_TAGS = [CLUSTER_ARN_TAG, NAMESPACE_TAG, SERVICE_ACCOUNT_TAG];

/** The condition key of a request tag, e.g. `aws:RequestTag/kubernetes-namespace`. */
export function requestTagKey(tag: string): string {
  return `aws:RequestTag/${tag}`;
}

/**
 * The external id EKS Pod Identity passes when it assumes a cross-account target role:
 * `<region>/<account>/<cluster>/<namespace>/<service account>`.
 */
export function podIdentityExternalId(region: string, account: string, clusterName: string, namespace: string, serviceAccount: string): string {
  return `${region}/${account}/${clusterName}/${namespace}/${serviceAccount}`;
}
