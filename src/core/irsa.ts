/*
 * IAM roles for service accounts vocabulary (EKS user guide, "IAM roles for service accounts";
 * aws/amazon-eks-pod-identity-webhook).
 */

/** The audience of IRSA web identity tokens. */
export const IRSA_AUDIENCE = 'sts.amazonaws.com';

/** The action an IRSA trust allows the OIDC provider. */
export const IRSA_ACTION = 'sts:AssumeRoleWithWebIdentity';

/** Annotation that gives a service account its IRSA role. */
export const IRSA_ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';

/** Annotation that sets the lifetime of the projected IRSA token. */
export const IRSA_TOKEN_EXPIRATION_ANNOTATION = 'eks.amazonaws.com/token-expiration';

const SUBJECT_PREFIX = 'system:serviceaccount:';

/** The IRSA subject of a service account: `system:serviceaccount:<namespace>:<name>`. */
export function serviceAccountSubject(namespace: string, name: string): string {
  return `${SUBJECT_PREFIX}${namespace}:${name}`;
}

/** The namespace and name of a `system:serviceaccount:<namespace>:<name>` subject (or pattern). */
export function parseServiceAccountSubject(subject: string): { namespace: string; name: string } | undefined {
  if (!subject.startsWith(SUBJECT_PREFIX)) return undefined;
  const rest = subject.slice(SUBJECT_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon < 0 ? undefined : { namespace: rest.slice(0, colon), name: rest.slice(colon + 1) };
}

/** The condition key of the token subject for an issuer (without `https://`). */
export function subjectKey(issuer: string): string {
  return `${issuer}:sub`;
}

/** The condition key of the token audience for an issuer (without `https://`). */
export function audienceKey(issuer: string): string {
  return `${issuer}:aud`;
}
