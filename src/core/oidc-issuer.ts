import { accountProblem, ArnCheckOptions, arnFormProblem, parseIamArn, partitionMismatchProblem } from './arn';
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

const EKS_HOST = /^oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Normalises and judges an OIDC issuer URL. A URL with deploy-time parts (say, the id of the
 * cluster, `https://oidc.eks.us-west-2.amazonaws.com/id/${Token}`) is judged by its literal parts:
 * the scheme, and the host when it is written out (an EKS issuer's region, or an issuer that needs
 * `allowNonEksIssuer`).
 */
export function checkIssuerUrl(given: string, options: IssuerCheckOptions = {}): IssuerVerdict {
  const what = options.what ?? 'openIdConnectIssuerUrl';
  const fail = (problem: string, fix = `give the cluster's issuer URL, ${EXAMPLE} (${WHERE})`): IssuerVerdict =>
    ({ url: given, eks: false, normalized: [], problem: { problem: `${what} ${problem}`, fix } });
  if (given.trim().length === 0) return fail('is empty');
  if (isOpaque(given)) return { url: given, eks: false, normalized: [] };
  const head = textParts(given)[0];
  // Judged on the text without surrounding whitespace, so that ' https://...' is told to have whitespace, not to be no URL.
  const headText = head.deployTime ? undefined : head.text.trim();
  // A literal start must be a URL scheme (or the start of https:// that a deploy-time value completes).
  if (headText !== undefined && !SCHEME.test(headText) && !(textParts(given).length > 1 && 'https://'.startsWith(headText.toLowerCase()))) {
    return fail(`'${given}' is not a URL (it must start with https://)`);
  }
  const shape = literalShape(given, /^[^\s?#]$/u);
  if (shape.invalidCharacters.length > 0) {
    return fail(`'${given}' contains ${describeCharacters(shape.invalidCharacters)}; an issuer URL has no whitespace, query or fragment`);
  }
  if (headText !== undefined && SCHEME.test(headText) && !/^https:\/\//i.test(headText)) {
    return fail(`'${given}' does not use https://; OIDC issuers (and IAM OIDC providers) are https URLs`);
  }
  if (!isKnown(given)) return checkDeployTimeIssuer(given, options, fail);

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
    if (!options.allowNonEksIssuer) return nonEksIssuer(given, fail);
    return { url, issuer: issuerOfUrl(url), eks: false, normalized };
  }
  const region = eks[1];
  const regionProblem = issuerRegionProblem(given, region, options, fail);
  if (regionProblem) return regionProblem;
  return { url, issuer: issuerOfUrl(url), region, eks: true, normalized };
}

type Fail = (problem: string, fix?: string) => IssuerVerdict;

function nonEksIssuer(given: string, fail: Fail): IssuerVerdict {
  return fail(`'${given}' is not an EKS cluster's issuer (${EXAMPLE})`,
    `give the EKS cluster's issuer (${WHERE}), or set allowNonEksIssuer: true to trust another OIDC issuer on purpose`);
}

function issuerRegionProblem(given: string, region: string, options: IssuerCheckOptions, fail: Fail): IssuerVerdict | undefined {
  if (options.expectedRegion === undefined || !isKnown(options.expectedRegion) || options.expectedRegion === region) return undefined;
  return fail(`'${given}' is the issuer of a cluster in ${region}, but the stack is in ${options.expectedRegion}`,
    'import the cluster into a stack of its region (pod identity and the cluster ARN are regional), or give the issuer of the cluster in this region');
}

/**
 * The verdict on an https issuer URL with deploy-time parts, from its literal host (when the URL
 * writes it out up to the first `/`): an EKS issuer's region must be the stack's, its path must
 * start with `/id/`, and another issuer needs the opt-in. A host with a deploy-time part is
 * judged only when it is shaped like an EKS issuer's (`oidc.eks.<...>.amazonaws.com`).
 */
function checkDeployTimeIssuer(given: string, options: IssuerCheckOptions, fail: Fail): IssuerVerdict {
  const unknown: IssuerVerdict = { url: given, eks: false, normalized: [] };
  const head = textParts(given)[0];
  if (head.deployTime) return unknown;
  const afterScheme = head.text.replace(/^https:\/\//i, '');
  const slash = afterScheme.indexOf('/');
  if (slash < 0) return unknown; // the host has a deploy-time part
  const host = afterScheme.slice(0, slash).toLowerCase();
  const pathHead = afterScheme.slice(slash);
  if (host.length === 0) return fail(`'${given}' has no host`);
  const eks = EKS_HOST.exec(host);
  if (!eks) return options.allowNonEksIssuer ? unknown : nonEksIssuer(given, fail);
  if (!'/id/'.startsWith(pathHead) && !pathHead.startsWith('/id/')) {
    return fail(`'${given}' has an EKS issuer's host but its path does not start with /id/`, `copy the issuer exactly as EKS reports it (${WHERE})`);
  }
  return issuerRegionProblem(given, eks[1], options, fail) ?? { url: given, region: eks[1], eks: true, normalized: [] };
}

/** Options of {@link oidcProviderArnProblem}. */
export interface ProviderArnCheckOptions extends ArnCheckOptions {
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
  const form = arnFormProblem(arn, what, fix);
  if (form) return form;
  if (isKnown(parsed.region) && parsed.region !== '') {
    return { problem: `${what} '${arn}' has a region ('${parsed.region}'); IAM ARNs have none`, fix };
  }
  const account = accountProblem(parsed.account, `${what} '${arn}'`) ?? partitionMismatchProblem(parsed.partition, options.partition, `${what} '${arn}'`);
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
