import { runSimulation } from '@cloud-copilot/iam-simulate';
import { ACCOUNT } from './fixtures';
import { DeployedValues, resolveIntrinsics } from './intrinsics';

/*
 * A thin wrapper around @cloud-copilot/iam-simulate (AGPL, a devDependency used by tests only):
 * an IAM policy evaluator written independently of this library, so trust documents are judged
 * by someone else's reading of IAM's rules.
 *
 * The evaluator validates condition keys against the IAM service reference and drops keys it
 * does not know — EKS issuer keys (`oidc.eks.<region>.amazonaws.com/id/<id>:sub`) among them.
 * IRSA documents and requests are therefore rewritten consistently: the issuer of the request's
 * token becomes `accounts.google.com`, every other issuer in the document
 * `cognito-identity.amazonaws.com`; both have `:sub` and `:aud` in the reference, and the
 * operators and values are untouched.
 */

/** The identity providers the evaluator knows `:sub` and `:aud` keys for. */
const REQUEST_ISSUER_STAND_IN = 'accounts.google.com';
const OTHER_ISSUER_STAND_IN = 'cognito-identity.amazonaws.com';

/** What is asked of a trust policy. */
export interface TrustRequest {
  /** The caller: an OIDC provider ARN (IRSA), a service principal, or an IAM role/session ARN. */
  readonly principal: string;
  /** The action, e.g. `sts:AssumeRoleWithWebIdentity`. */
  readonly action: string;
  /** Request context (condition keys and values). */
  readonly context?: { [key: string]: string | string[] };
  /** For IRSA: the issuer (without `https://`) of the presented token, the prefix of its keys. */
  readonly issuer?: string;
  /** The role being assumed. Default: a role in the test account. */
  readonly roleArn?: string;
  /** The caller's identity policies (cross-account requests need the caller's side too). */
  readonly identityPolicies?: any[];
}

/** The evaluator's verdict. */
export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

/**
 * Turns what a template holds in `AssumeRolePolicyDocument` into a plain policy: a JSON string
 * is parsed, an `Fn::Join` (or any intrinsic) is first resolved with `values`.
 */
export function toPolicyDocument(document: any, values?: DeployedValues): any {
  let resolved = document;
  if (containsIntrinsic(document)) {
    if (!values) throw new Error('the document contains intrinsics: pass deployed values to resolve them');
    resolved = resolveIntrinsics(document, values);
  }
  return typeof resolved === 'string' ? JSON.parse(resolved) : resolved;
}

function containsIntrinsic(value: any): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(containsIntrinsic);
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return true;
  return Object.values(value).some(containsIntrinsic);
}

const OIDC_KEY = /^(.+):(sub|aud|amr|oaud|email)$/;

function issuerOfKey(key: string): string | undefined {
  const match = OIDC_KEY.exec(key);
  if (!match || match[1] === 'aws' || match[1].includes('/') === false) return undefined;
  return match[1];
}

function renameKeys(conditionBlock: { [key: string]: any }, rename: (issuer: string) => string): { [key: string]: any } {
  const out: { [key: string]: any } = {};
  for (const [key, value] of Object.entries(conditionBlock)) {
    const issuer = issuerOfKey(key);
    const newKey = issuer ? `${rename(issuer)}${key.slice(issuer.length)}` : key;
    if (newKey in out) throw new Error(`two issuers collapse into ${newKey} in one condition block; the evaluator cannot tell them apart`);
    out[newKey] = value;
  }
  return out;
}

/** Rewrites EKS issuer condition keys to ones the evaluator knows (see the file comment). */
export function mapIssuers(policy: any, requestIssuer: string | undefined): any {
  const rename = (issuer: string) => (issuer === requestIssuer ? REQUEST_ISSUER_STAND_IN : OTHER_ISSUER_STAND_IN);
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return {
    ...policy,
    Statement: statements.map((s: any) => (s.Condition ? {
      ...s,
      Condition: Object.fromEntries(Object.entries(s.Condition).map(([op, block]) => [op, renameKeys(block as any, rename)])),
    } : s)),
  };
}

/**
 * Asks the evaluator whether `trust` (as synthesized: object, JSON string or `Fn::Join`) allows
 * `request`. Throws when the evaluator rejects the input, so a malformed document never reads as
 * a plain "denied".
 */
export async function evaluateTrust(trust: any, request: TrustRequest, values?: DeployedValues): Promise<Decision> {
  const policy = mapIssuers(toPolicyDocument(trust, values), request.issuer);
  const rename = (issuer: string) => (issuer === request.issuer ? REQUEST_ISSUER_STAND_IN : OTHER_ISSUER_STAND_IN);
  const context = renameKeys(request.context ?? {}, rename);
  const roleArn = request.roleArn ?? `arn:aws:iam::${ACCOUNT}:role/workload`;
  const result = await runSimulation({
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: roleArn, accountId: roleArn.split(':')[4] },
      contextVariables: context,
    },
    identityPolicies: (request.identityPolicies ?? []).map((policyDocument, i) => ({ name: `identity${i}`, policy: policyDocument })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: policy,
  }, {});
  if (result.resultType === 'error') throw new Error(`the evaluator rejected the simulation: ${JSON.stringify(result.errors)}`);
  const ignored = result.resultType === 'single' ? result.result.ignoredContextKeys ?? [] : [];
  if (ignored.length > 0) throw new Error(`the evaluator ignored context keys ${ignored.join(', ')}; the verdict would be meaningless`);
  return result.overallResult as Decision;
}

/** Shorthand: whether the evaluator allows the request. */
export async function isAllowed(trust: any, request: TrustRequest, values?: DeployedValues): Promise<boolean> {
  return (await evaluateTrust(trust, request, values)) === 'Allowed';
}

/** What a workload asks AWS for with the credentials of its role. */
export interface PermissionRequest {
  /** The action, e.g. `route53:ChangeResourceRecordSets`. */
  readonly action: string;
  /** The resource ARN the request names. */
  readonly resource: string;
  /** Request context (condition keys and values). */
  readonly context?: { [key: string]: string | string[] };
  /** The caller. Default: a role of the test account. */
  readonly principal?: string;
}

/**
 * The evaluator's verdict on `request` against a role's identity policies (its inline policy and
 * the documents of its managed policies). Throws when the evaluator rejects the input or ignores a
 * context key, so a mistake in the test never reads as a plain "denied".
 */
export async function evaluatePermissions(identityPolicies: any[], request: PermissionRequest): Promise<Decision> {
  const result = await runSimulation({
    request: {
      principal: request.principal ?? `arn:aws:iam::${ACCOUNT}:role/controller`,
      action: request.action,
      resource: { resource: request.resource, accountId: ACCOUNT },
      contextVariables: request.context ?? {},
    },
    identityPolicies: identityPolicies.map((policy, i) => ({ name: `identity${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  }, {});
  if (result.resultType === 'error') throw new Error(`the evaluator rejected the simulation: ${JSON.stringify(result.errors)}`);
  const ignored = result.resultType === 'single' ? result.result.ignoredContextKeys ?? [] : [];
  if (ignored.length > 0) throw new Error(`the evaluator ignored context keys ${ignored.join(', ')}; the verdict would be meaningless`);
  return result.overallResult as Decision;
}

/** What an IRSA token presents. */
export interface IrsaTokenOptions {
  /** The issuer (without `https://`) of the token. */
  readonly issuer: string;
  /** The OIDC provider the request comes through. Default: the test account's provider for the issuer. */
  readonly providerArn?: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** Default `sts.amazonaws.com`. */
  readonly audience?: string;
  /** The raw subject, overriding namespace/serviceAccount. */
  readonly subject?: string;
}

/** The `AssumeRoleWithWebIdentity` request a pod's projected token makes. */
export function irsaRequest(token: IrsaTokenOptions): TrustRequest {
  return {
    principal: token.providerArn ?? `arn:aws:iam::${ACCOUNT}:oidc-provider/${token.issuer}`,
    action: 'sts:AssumeRoleWithWebIdentity',
    issuer: token.issuer,
    context: {
      [`${token.issuer}:sub`]: token.subject ?? `system:serviceaccount:${token.namespace}:${token.serviceAccount}`,
      [`${token.issuer}:aud`]: token.audience ?? 'sts.amazonaws.com',
    },
  };
}

/** The session tags EKS Pod Identity attaches. */
export interface PodIdentityTags {
  readonly clusterArn?: string;
  readonly namespace?: string;
  readonly serviceAccount?: string;
}

/** The `AssumeRole` (or `TagSession`) request EKS Pod Identity makes, with its session tags. */
export function podIdentityRequest(tags: PodIdentityTags, action = 'sts:AssumeRole', principal = 'pods.eks.amazonaws.com'): TrustRequest {
  const context: { [key: string]: string | string[] } = {};
  const tagKeys: string[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value === undefined) return;
    context[`aws:RequestTag/${key}`] = value;
    tagKeys.push(key);
  };
  add('eks-cluster-arn', tags.clusterArn);
  add('kubernetes-namespace', tags.namespace);
  add('kubernetes-service-account', tags.serviceAccount);
  if (tagKeys.length > 0) context['aws:TagKeys'] = tagKeys;
  return { principal, action, context };
}
