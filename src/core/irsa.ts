import { textParts } from './deploy-time';
import { Problem } from './errors';
import { namespaceNameProblem, serviceAccountNameProblem } from './kubernetes-names';

/*
 * IAM roles for service accounts vocabulary (EKS user guide, "IAM roles for service accounts";
 * aws/amazon-eks-pod-identity-webhook).
 */

/** The audience of IRSA web identity tokens. */
export const IRSA_AUDIENCE = 'sts.amazonaws.com';

/** The action an IRSA trust allows the OIDC provider. */
export const IRSA_ACTION = 'sts:AssumeRoleWithWebIdentity';

/** The action a trust allows an IAM SAML provider. */
export const SAML_ACTION = 'sts:AssumeRoleWithSAML';

/** The action that lets a caller pass session tags. */
export const TAG_SESSION_ACTION = 'sts:TagSession';

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

/**
 * Why a `:sub` condition value can never be a service account's subject: it is not
 * `system:serviceaccount:<namespace>:<name>` with a valid namespace and name (the subject the
 * projected token of a service account carries; `system:serviceaccounts:<namespace>` is a group,
 * not a subject). A pattern (`StringLike`) is judged with each wildcard standing for a letter, as
 * the library judges the wildcard subjects it writes; a pattern whose wildcards come before the
 * namespace and name (`*`, `system:*`) may match every subject, which is not this question
 * (EKSID-IRSA-003 answers it). Deploy-time parts are not judged.
 *
 * @param subject the condition value
 * @param pattern whether `*` and `?` are wildcards (a `StringLike`-like operator)
 */
export function irsaSubjectProblem(subject: string, pattern: boolean): Problem | undefined {
  const fix = `write the subject as ${serviceAccountSubject('<namespace>', '<service account>')}, e.g. ${serviceAccountSubject('app', 'web')}`;
  const head = textParts(subject)[0];
  if (head === undefined) return { problem: '":sub" value is empty, so it matches no service account', fix };
  if (head.deployTime) return undefined;
  const wildcard = pattern ? /[*?]/.exec(head.text) : null;
  const literalHead = wildcard ? head.text.slice(0, wildcard.index) : head.text;
  // A pattern whose wildcard comes before the namespace may match every subject: not a format problem.
  if (wildcard && SUBJECT_PREFIX.startsWith(literalHead)) return undefined;
  const parts = parseServiceAccountSubject(subject);
  if (!parts) {
    const group = /^system:serviceaccounts(:|$)/.test(subject);
    return {
      problem: `":sub" value '${subject}' is not ${serviceAccountSubject('<namespace>', '<name>')}${group ? ' (system:serviceaccounts... is a group; tokens carry the service account\'s own subject)' : ''}, so it matches no service account's token`,
      fix,
    };
  }
  const judged = (value: string) => (pattern ? value.replace(/[*?]/g, 'a') : value);
  const named = (problem: Problem | undefined, value: string) => problem && problem.problem.replace(`'${judged(value)}'`, `'${value}'`);
  const problem = named(namespaceNameProblem(judged(parts.namespace), 'the namespace'), parts.namespace)
    ?? named(serviceAccountNameProblem(judged(parts.name), 'the service account name'), parts.name);
  return problem === undefined ? undefined : { problem: `":sub" value '${subject}' matches no service account: ${problem}`, fix };
}
