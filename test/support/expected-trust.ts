/*
 * Trust statements as AWS documents them, written out by hand so tests compare the library's
 * output with an independent statement of what it should be. Source: the EKS user guide, "Grant
 * Kubernetes workloads access to AWS using Kubernetes Service Accounts"
 * (awsdocs/amazon-eks-user-guide latest/ug/manage-access/aws-access/service-accounts.adoc at
 * 4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7): the IRSA trust with StringEquals on `<issuer>:aud`
 * (sts.amazonaws.com) and `<issuer>:sub`, the pod identity trust of `pods.eks.amazonaws.com`
 * with `sts:AssumeRole` and `sts:TagSession`, and its session tags `eks-cluster-arn`,
 * `kubernetes-namespace` and `kubernetes-service-account`.
 */

/** The IRSA audience. */
export const IRSA_AUD = 'sts.amazonaws.com';

/** The IRSA statement for one OIDC provider; `wildcard` → StringLike on :sub only. */
export function expectedIrsaStatement(providerArn: any, issuer: string, subject: string, wildcard = false): any {
  return {
    Effect: 'Allow',
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: wildcard
      ? { StringEquals: { [`${issuer}:aud`]: IRSA_AUD }, StringLike: { [`${issuer}:sub`]: subject } }
      : { StringEquals: { [`${issuer}:aud`]: IRSA_AUD, [`${issuer}:sub`]: subject } },
  };
}

/** The session tag conditions of a pod identity trust. */
export function expectedTagConditions(clusterArn: any, namespace: string, serviceAccount: string): any {
  return {
    'aws:RequestTag/eks-cluster-arn': clusterArn,
    'aws:RequestTag/kubernetes-namespace': namespace,
    'aws:RequestTag/kubernetes-service-account': serviceAccount,
  };
}

/** The pod identity statement; without tags (session tags disabled) it has no Condition. */
export function expectedPodIdentityStatement(tags?: { clusterArn: any; namespace: string; serviceAccount: string }): any {
  return {
    Effect: 'Allow',
    Principal: { Service: 'pods.eks.amazonaws.com' },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
    ...(tags ? { Condition: { StringEquals: expectedTagConditions(tags.clusterArn, tags.namespace, tags.serviceAccount) } } : {}),
  };
}

/** A trust policy document. */
export function expectedTrust(statements: any[]): any {
  return { Version: '2012-10-17', Statement: statements };
}

/** Characters IAM counts against the trust policy quota: the JSON without whitespace. */
export function iamPolicySize(document: any): number {
  return JSON.stringify(document).replace(/\s/g, '').length;
}

/*
 * The longest values a deploy-time issuer and provider ARN can take: partition `aws-us-gov` (10
 * characters), a 15-character region (`us-isof-south-1`), a 16-character DNS suffix
 * (`amazonaws.com.cn`), a 32-character issuer id.
 */
export const LONGEST_ISSUER = `oidc.eks.${'r'.repeat(15)}.${'d'.repeat(16)}/id/${'I'.repeat(32)}`;
export const LONGEST_PROVIDER_ARN = `arn:${'p'.repeat(10)}:iam::${'0'.repeat(12)}:oidc-provider/${LONGEST_ISSUER}`;
