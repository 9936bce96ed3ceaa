import { TrustStatement } from './trust-document';
import { audienceKey, IRSA_ACTION, IRSA_AUDIENCE, subjectKey } from '../../core/irsa';

/** What one IRSA trust statement needs: the OIDC provider of one cluster and the subject. */
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

/**
 * The IRSA trust statement for one cluster: `sts:AssumeRoleWithWebIdentity` from the cluster's
 * OIDC provider, `StringEquals` on `<issuer>:aud` always, and on `<issuer>:sub` unless the
 * subject is an explicit wildcard (then `StringLike` on `:sub` only).
 */
export function irsaTrustStatement(input: IrsaTrustInput): TrustStatement {
  const aud = { [audienceKey(input.issuer)]: IRSA_AUDIENCE };
  const sub = { [subjectKey(input.issuer)]: input.subject };
  return {
    Effect: 'Allow',
    Principal: { Federated: input.providerArn },
    Action: IRSA_ACTION,
    Condition: input.wildcard
      ? { StringEquals: aud, StringLike: sub }
      : { StringEquals: { ...aud, ...sub } },
  };
}
