import { TrustStatement } from './trust-document';

/** The audience of IRSA web identity tokens. */
export const IRSA_AUDIENCE = 'sts.amazonaws.com';

/**
 * What one IRSA trust statement needs: the OIDC provider of one cluster and the subject.
 * @internal
 */
export interface IrsaTrustInput {
  /** ARN of the cluster's IAM OIDC provider. */
  readonly providerArn: string;
  /** The issuer without `https://`, the condition key prefix. */
  readonly issuer: string;
  /** `system:serviceaccount:<namespace>:<name>` (may contain `*` when `wildcard`). */
  readonly subject: string;
  /** Match the subject with `StringLike` instead of `StringEquals` (explicit opt-in). */
  readonly wildcard: boolean;
}

/** @internal */
export function serviceAccountSubject(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/**
 * The IRSA trust statement for one cluster: `sts:AssumeRoleWithWebIdentity` from the cluster's
 * OIDC provider, `StringEquals` on `<issuer>:aud` always, and on `<issuer>:sub` unless the
 * subject is an explicit wildcard (then `StringLike` on `:sub` only).
 * @internal
 */
export function irsaTrustStatement(input: IrsaTrustInput): TrustStatement {
  const aud = { [`${input.issuer}:aud`]: IRSA_AUDIENCE };
  const sub = { [`${input.issuer}:sub`]: input.subject };
  return {
    Effect: 'Allow',
    Principal: { Federated: input.providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: input.wildcard
      ? { StringEquals: aud, StringLike: sub }
      : { StringEquals: { ...aud, ...sub } },
  };
}
