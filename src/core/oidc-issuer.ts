import { accountProblem, parseIamArn } from './arn';
import { describeCharacters, isKnown, isOpaque, literalShape, textParts } from './deploy-time';
import { Problem } from './errors';

/*
 * OIDC issuer URLs and the IAM OIDC providers for them. An EKS cluster's issuer is
 * `https://oidc.eks.<region>.<amazonaws.com | amazonaws.com.cn>/id/<32 hexadecimal characters>`
 * (`aws eks describe-cluster --query cluster.identity.oidc.issuer`); IRSA condition keys start
 * with the issuer without `https://`, and the provider ARN ends with it
 * (EKS user guide, "Create an IAM OIDC provider for your cluster").
 */

const EKS_ISSUER = /^https:\/\/oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/id\/([0-9A-F]{32})$/;
/** The host of an EKS issuer (to tell a mistyped id from another issuer). */
const EKS_ISSUER_HOST = /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;
const EXAMPLE = 'https://oidc.eks.<region>.amazonaws.com/id/<id>';
const WHERE = 'aws eks describe-cluster --name <cluster> --query cluster.identity.oidc.issuer --output text';

/** Options of {@link checkIssuerUrl}. */
export interface IssuerCheckOptions {
  /** Accept an OIDC issuer that is not an EKS cluster's (an explicit opt-in). */
  readonly allowNonEksIssuer?: boolean;
  /** The region the cluster should be in (the stack's), when known. */
  readonly expectedRegion?: string;
  /** How the value is named in messages. */
  readonly what?: string;
}

/** The verdict on an issuer URL: the normalised URL and issuer, or the problem. */
export interface IssuerVerdict {
  /** The URL with a lower-case scheme and host and no trailing slash (as given when it holds deploy-time values). */
  readonly url: string;
  /** The URL without `https://` (the IRSA condition key prefix); undefined when it holds deploy-time values. */
  readonly issuer?: string;
  /** The region of an EKS issuer. */
  readonly region?: string;
  /** Whether it is an EKS cluster issuer. */
  readonly eks: boolean;
  /** What was normalised (for a note), e.g. `a trailing '/' removed`. */
  readonly normalized: string[];
  readonly problem?: Problem;
}

/** The issuer without `https://` (the IRSA condition key prefix) of a known issuer URL. */
export function issuerOfUrl(url: string): string {
  return url.replace(/^https:\/\//i, '');
}

/** Normalises and judges an OIDC issuer URL. */
export function checkIssuerUrl(given: string, options: IssuerCheckOptions = {}): IssuerVerdict {
  const what = options.what ?? 'openIdConnectIssuerUrl';
  const fail = (problem: string, fix = `give the cluster's issuer URL, ${EXAMPLE} (${WHERE})`): IssuerVerdict =>
    ({ url: given, eks: false, normalized: [], problem: { problem: `${what} ${problem}`, fix } });
  if (given.trim().length === 0) return fail('is empty');
  if (isOpaque(given)) return { url: given, eks: false, normalized: [] };
  const shape = literalShape(given, /^[^\s?#]$/);
  if (shape.invalidCharacters.length > 0) {
    return fail(`'${given}' contains ${describeCharacters(shape.invalidCharacters)}; an issuer URL has no whitespace, query or fragment`);
  }
  const head = textParts(given)[0];
  if (!head.deployTime && !/^https:\/\//i.test(head.text)) {
    return fail(/^[a-z][a-z0-9+.-]*:\/\//i.test(head.text)
      ? `'${given}' does not use https://; OIDC issuers (and IAM OIDC providers) are https URLs`
      : `'${given}' is not a URL (it must start with https://)`);
  }
  if (!isKnown(given)) return { url: given, eks: false, normalized: [] };

  const normalized: string[] = [];
  let url = given;
  const match = /^(https:\/\/)([^/]*)(.*)$/i.exec(url)!;
  if (match[2].length === 0) return fail(`'${given}' has no host`);
  const host = match[2].toLowerCase();
  if (match[1] !== 'https://' || host !== match[2]) normalized.push('scheme and host written in lower case');
  let rest = match[3];
  if (rest.length > 1 && rest.endsWith('/')) {
    rest = rest.replace(/\/+$/, '');
    normalized.push('the trailing \'/\' removed');
  } else if (rest === '/') {
    rest = '';
    normalized.push('the trailing \'/\' removed');
  }
  url = `https://${host}${rest}`;
  const eks = EKS_ISSUER.exec(url);
  if (!eks) {
    if (EKS_ISSUER_HOST.test(host) && /^\/id\//.test(rest)) {
      return fail(`'${given}' looks like an EKS issuer but its id is not 32 upper-case hexadecimal characters`,
        `copy the issuer exactly as EKS reports it (${WHERE})`);
    }
    if (!options.allowNonEksIssuer) {
      return fail(`'${given}' is not an EKS cluster's issuer (${EXAMPLE})`,
        `give the EKS cluster's issuer (${WHERE}), or set allowNonEksIssuer: true to trust another OIDC issuer on purpose`);
    }
    return { url, issuer: issuerOfUrl(url), eks: false, normalized };
  }
  const region = eks[1];
  if (options.expectedRegion !== undefined && isKnown(options.expectedRegion) && options.expectedRegion !== region) {
    return fail(`'${given}' is the issuer of a cluster in ${region}, but the stack is in ${options.expectedRegion}`,
      'import the cluster into a stack of its region (pod identity and the cluster ARN are regional), or give the issuer of the cluster in this region');
  }
  return { url, issuer: issuerOfUrl(url), region, eks: true, normalized };
}

/** Options of {@link oidcProviderArnProblem}. */
export interface ProviderArnCheckOptions {
  /** The issuer (without `https://`) the provider must be for, when known. */
  readonly issuer?: string;
  /** The account the provider must be in (the stack's), when known. */
  readonly account?: string;
  readonly what?: string;
}

/** Why an ARN is not the IAM OIDC provider for the issuer in the account. */
export function oidcProviderArnProblem(arn: string, options: ProviderArnCheckOptions = {}): Problem | undefined {
  const what = options.what ?? 'openIdConnectProviderArn';
  if (isOpaque(arn)) return undefined;
  const fix = 'give arn:<partition>:iam::<account>:oidc-provider/<issuer without https://> (aws iam list-open-id-connect-providers)';
  const parsed = parseIamArn(arn);
  if (!parsed || parsed.service !== 'iam' || parsed.resourceType !== 'oidc-provider' || parsed.resourceName === '') {
    return { problem: `${what} '${arn}' is not an IAM OIDC provider ARN`, fix };
  }
  const account = accountProblem(parsed.account, `${what} '${arn}'`);
  if (account) return account;
  if (options.account !== undefined && isKnown(options.account) && isKnown(parsed.account) && parsed.account !== options.account) {
    return {
      problem: `${what} '${arn}' is in account ${parsed.account}, but IRSA roles trust OIDC providers of their own account (${options.account})`,
      fix: 'register the cluster\'s issuer as an OIDC provider in this account and give its ARN',
    };
  }
  if (options.issuer !== undefined && isKnown(options.issuer) && isKnown(parsed.resourceName) && parsed.resourceName !== options.issuer) {
    return {
      problem: `${what} '${arn}' is the provider of issuer ${parsed.resourceName}, not of the cluster's issuer ${options.issuer}`,
      fix: `give the provider for ${options.issuer}, or leave openIdConnectProviderArn out to use arn:<partition>:iam::<account>:oidc-provider/${options.issuer}`,
    };
  }
  return undefined;
}
