import { Fn, Token } from 'aws-cdk-lib';

/**
 * The issuer without `https://` (the IRSA condition key prefix).
 * @internal
 */
export function issuerWithoutScheme(issuerUrl: string): string {
  if (Token.isUnresolved(issuerUrl)) return Fn.select(1, Fn.split('https://', issuerUrl));
  return issuerUrl.replace(/^https:\/\//, '');
}
