import { Fn, Token } from 'aws-cdk-lib';
import { issuerOfUrl } from '../../core/oidc-issuer';

/** The issuer without `https://` (the IRSA condition key prefix), also of a deploy-time URL. */
export function issuerWithoutScheme(issuerUrl: string): string {
  if (Token.isUnresolved(issuerUrl)) return Fn.select(1, Fn.split('https://', issuerUrl));
  return issuerOfUrl(issuerUrl);
}
