/*
 * IAM policy documents, normalized: `Action`, `Resource`, `Principal` values and condition values
 * may be a string or a list in IAM; here they are always lists. Values are template text (see
 * `TemplateText`): deploy-time values appear as placeholders.
 */

/** One condition: operator (`StringEquals`, `ForAnyValue:StringLike`, ...), key and values. */
export interface PolicyCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
}

/** One statement of a policy document. */
export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: string;
  /** `Action` (or `NotAction` when `notAction` is true). */
  readonly actions: string[];
  readonly notAction: boolean;
  /** `Resource` (or `NotResource` when `notResource` is true); empty in trust policies. */
  readonly resources: string[];
  readonly notResource: boolean;
  /** Principal type (`AWS`, `Service`, `Federated`, `CanonicalUser`, or `*`) to principals. */
  readonly principals: { [type: string]: string[] };
  /** Whether `principals` is a `NotPrincipal`. */
  readonly notPrincipal: boolean;
  readonly conditions: PolicyCondition[];
  /** Whether `Condition` is a deploy-time value that cannot be looked into. */
  readonly opaqueConditions: boolean;
}

/** A parsed policy document. */
export interface PolicyDocument {
  readonly statements: PolicyStatement[];
  /** The document as compact JSON (placeholders in place of deploy-time values). */
  readonly json: string;
}

function list(value: any): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => typeof v === 'string' ? v : JSON.stringify(v));
}

function principalsOf(value: any): { [type: string]: string[] } {
  if (value === '*') return { '*': ['*'] };
  const principals: { [type: string]: string[] } = {};
  if (value && typeof value === 'object') {
    for (const [type, entries] of Object.entries(value)) principals[type] = list(entries);
  }
  return principals;
}

/** Normalizes a document (already resolved to plain JSON); `undefined` when it is not a policy. */
export function parsePolicyDocument(document: any): PolicyDocument | undefined {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const raw = document.Statement === undefined ? [] : Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const statements = raw.filter((s: any) => s && typeof s === 'object').map((s: any): PolicyStatement => {
    const conditions: PolicyCondition[] = [];
    const opaqueConditions = s.Condition !== undefined && (s.Condition === null || typeof s.Condition !== 'object' || Array.isArray(s.Condition));
    for (const [operator, entries] of Object.entries(opaqueConditions ? {} : s.Condition ?? {})) {
      if (!entries || typeof entries !== 'object') continue;
      for (const [key, values] of Object.entries(entries as object)) conditions.push({ operator, key, values: list(values) });
    }
    const notPrincipal = s.Principal === undefined && s.NotPrincipal !== undefined;
    return {
      ...(typeof s.Sid === 'string' ? { sid: s.Sid } : {}),
      effect: String(s.Effect ?? 'Allow'),
      actions: list(s.Action ?? s.NotAction),
      notAction: s.Action === undefined && s.NotAction !== undefined,
      resources: list(s.Resource ?? s.NotResource),
      notResource: s.Resource === undefined && s.NotResource !== undefined,
      principals: principalsOf(notPrincipal ? s.NotPrincipal : s.Principal),
      notPrincipal,
      conditions,
      opaqueConditions,
    };
  });
  return { statements, json: JSON.stringify(document) };
}

const IAM_WILDCARD = /[*?]/;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * An IAM wildcard pattern (`*` any run, `?` one character) as a test, compiled once: use it to
 * match one pattern against many values.
 */
export function wildcardMatcher(pattern: string, ignoreCase = false): (value: string) => boolean {
  if (!IAM_WILDCARD.test(pattern)) return (value) => wildcardMatch(pattern, value, ignoreCase);
  const expression = wildcardExpression(pattern, ignoreCase);
  return (value) => expression.test(value);
}

function wildcardExpression(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern.split('').map((c) => c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

/** IAM wildcard match (`*` any run, `?` one character). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === value) return true; // every character of a pattern matches itself, `*` and `?` included
  // Without a wildcard the pattern matches itself only: compare as the expression would, without
  // compiling one (ASCII text lower-cased compares as the `i` flag does).
  if (!IAM_WILDCARD.test(pattern)) {
    if (!ignoreCase) return false;
    if (ASCII.test(pattern) && ASCII.test(value)) return pattern.toLowerCase() === value.toLowerCase();
  }
  return wildcardExpression(pattern, ignoreCase).test(value);
}

/** Whether a statement's actions cover an action (case-insensitive, wildcards and `NotAction` honoured). */
export function coversAction(statement: PolicyStatement, action: string): boolean {
  const matched = statement.actions.some((a) => wildcardMatch(a, action, true));
  return statement.notAction ? !matched : matched;
}

/** Whether an Allow statement covers an action (case-insensitive, wildcards honoured). */
export function allowsAction(statement: PolicyStatement, action: string): boolean {
  return statement.effect === 'Allow' && coversAction(statement, action);
}

/**
 * Whether a statement applies to a principal of a type: it names it (exactly, or through the `*`
 * principal), or — as a `NotPrincipal` — does not exclude it.
 */
export function hasPrincipal(statement: PolicyStatement, type: string, principal: string): boolean {
  const named = (statement.principals[type] ?? []).includes(principal) || statement.principals['*'] !== undefined
    || (statement.principals.AWS ?? []).includes('*');
  return statement.notPrincipal ? !named : named;
}

/** The conditions of a statement whose key ends with a suffix (case-insensitive, e.g. `:sub`). */
export function conditionsOn(statement: PolicyStatement, keySuffix: string): PolicyCondition[] {
  const suffix = keySuffix.toLowerCase();
  return statement.conditions.filter((c) => c.key.toLowerCase().endsWith(suffix));
}

/** The conditions of a statement on a key (condition keys compare case-insensitively). */
export function conditionsOnKey(statement: PolicyStatement, key: string): PolicyCondition[] {
  const wanted = key.toLowerCase();
  return statement.conditions.filter((c) => c.key.toLowerCase() === wanted);
}
