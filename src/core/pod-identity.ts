import { ArnCheckOptions, isServiceLinkedRole, parseIamArn, partitionMismatchProblem, roleArnProblem } from './arn';
import { isOpaque, literalText } from './deploy-time';
import { Problem } from './errors';
import { TAG_SESSION_ACTION } from './irsa';

/*
 * EKS Pod Identity vocabulary (EKS user guide, "Learn how EKS Pod Identity grants pods access to
 * AWS services" and "Access AWS resources using EKS Pod Identity target IAM roles").
 */

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';

/** The EKS add-on that runs the pod identity agent. */
export const POD_IDENTITY_AGENT_ADDON = 'eks-pod-identity-agent';

/** The actions EKS Pod Identity needs on a role it assumes. */
export const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', TAG_SESSION_ACTION];

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

/**
 * The longest session policy (plain text) STS accepts; EKS Pod Identity passes the association's
 * `Policy` as the session policy of the role it assumes (STS AssumeRole `Policy`: "The plaintext
 * that you use for both inline and managed session policies can't exceed 2,048 characters"). The
 * CloudFormation schema of `AWS::EKS::PodIdentityAssociation` and the EKS API give no maximum of
 * their own.
 */
export const MAX_SESSION_POLICY_LENGTH = 2048;

/** Why a session policy (its JSON text) is not one STS accepts; deploy-time parts are not counted. */
export function sessionPolicyProblem(json: string): Problem | undefined {
  const literal = literalText(json);
  const invalid = [...new Set([...literal].filter((c) => !/[\u0009\u000A\u000D\u0020-\u00FF]/.test(c)))];
  if (invalid.length > 0) {
    return {
      problem: `the session policy contains ${invalid.map((c) => JSON.stringify(c)).join(', ')}, outside the characters STS accepts (tab, line feed, carriage return and \\u0020-\\u00FF)`,
      fix: 'write the policy in ASCII/Latin-1 characters',
    };
  }
  if (literal.length > MAX_SESSION_POLICY_LENGTH) {
    return {
      problem: `the session policy is ${literal.length} characters${literal.length === json.length ? '' : ' without its deploy-time parts'}; STS accepts at most ${MAX_SESSION_POLICY_LENGTH}`,
      fix: 'shorten it (merge statements, use wildcards in resource names), or restrict the role itself instead',
    };
  }
  return undefined;
}

/**
 * Why an ARN cannot be the target role of a pod identity association (`TargetRoleArn`): not an IAM
 * role ARN, a service-linked role (only its AWS service may assume it, and its trust cannot be
 * changed to let the association role in), or a role of another partition than the stack's.
 */
export function targetRoleArnProblem(arn: string, what = 'targetRoleArn', options: ArnCheckOptions = {}): Problem | undefined {
  const problem = roleArnProblem(arn, what);
  if (problem || isOpaque(arn)) return problem;
  const parsed = parseIamArn(arn)!;
  if (isServiceLinkedRole(parsed)) {
    return {
      problem: `${what} '${arn}' is a service-linked role: only its AWS service may assume it, and its trust policy cannot be changed to let the association role in`,
      fix: 'give the ARN of a role you manage in the target account (PodIdentityTargetRole makes one with the right trust)',
    };
  }
  return partitionMismatchProblem(parsed.partition, options.partition, `${what} '${arn}'`);
}
