import { isKnown, isOpaque } from '../deploy-time';

/*
 * Which OIDC issuer a condition key or a provider ARN names. IRSA condition keys are
 * `<issuer>:sub` and `<issuer>:aud`; the issuer is written literally (imported clusters), as the
 * cluster's issuer URL without `https://` (`Fn::Select` of an `Fn::Split` on `https://`), or as
 * the provider ARN after `oidc-provider/` (aws-eks-v2's `CfnJson`). Each form reduces to one
 * comparable text; condition keys compare case-insensitively in IAM.
 */

const FROM_URL = /^\$\{Select:1,\$\{Split:https:\/\/,(.*)\}\}$/;
const FROM_PROVIDER_ARN = /^\$\{Select:1,\$\{Split::?oidc-provider\/,(.*)\}\}$/;

/**
 * Where an issuer written as a deploy-time value comes from: the issuer URL (`https://` split off)
 * or the OIDC provider ARN (`oidc-provider/` split off) it is taken out of, as text.
 */
export function issuerSource(issuerText: string): { readonly from: 'url' | 'provider'; readonly value: string } | undefined {
  const url = FROM_URL.exec(issuerText);
  if (url) return { from: 'url', value: url[1] };
  const provider = FROM_PROVIDER_ARN.exec(issuerText);
  return provider ? { from: 'provider', value: provider[1] } : undefined;
}

/** The comparable form of an issuer written in a condition key (without `https://`). */
export function canonicalIssuer(issuerText: string): string {
  const source = issuerSource(issuerText);
  if (source?.from === 'url') return issuerOfUrlText(source.value);
  if (source?.from === 'provider') return `issuer-of-provider:${source.value}`.toLowerCase();
  return issuerText.toLowerCase();
}

/** The comparable issuer of an issuer URL (literal, or a deploy-time value). */
export function issuerOfUrlText(urlText: string): string {
  if (isKnown(urlText)) return urlText.replace(/^https:\/\//i, '').replace(/\/+$/, '').toLowerCase();
  return `issuer-of-url:${urlText}`.toLowerCase();
}

/** The comparable issuers a Federated provider ARN names (its path when known, else the ARN itself). */
export function issuersOfProviderArn(providerArn: string): string[] {
  if (isOpaque(providerArn)) return [`issuer-of-provider:${providerArn}`.toLowerCase()];
  const issuer = /:oidc-provider\/(.+)$/.exec(providerArn)?.[1];
  return issuer === undefined ? [] : [issuer.toLowerCase()];
}

/** The issuer part and the claim of a condition key (`<issuer>:sub` → issuer, `sub`), or undefined. */
export function splitIssuerKey(key: string): { issuer: string; claim: string } | undefined {
  const colon = key.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const issuer = key.slice(0, colon);
  // Global keys (aws:..., sts:..., s3:...) are service prefixes, not issuers.
  if (/^[a-z0-9-]+$/i.test(issuer)) return undefined;
  return { issuer, claim: key.slice(colon + 1).toLowerCase() };
}

/**
 * Whether a condition key's issuer is one of a provider's issuers: `yes`, `no`, or `maybe` when one
 * side is only known at deploy time and the other is literal (a deploy-time issuer could be that
 * literal). Two deploy-time issuers of different resources are different issuers.
 */
export function issuerMatch(keyIssuer: string, providerIssuers: string[]): 'yes' | 'no' | 'maybe' {
  const canonical = canonicalIssuer(keyIssuer);
  if (providerIssuers.includes(canonical)) return 'yes';
  const deployTime = (issuer: string) => issuer.startsWith('issuer-of-');
  const keyKnown = !deployTime(canonical);
  const providerKnown = providerIssuers.some((i) => !deployTime(i));
  return keyKnown === providerKnown ? 'no' : 'maybe';
}
