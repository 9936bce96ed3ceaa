/*
 * IAM policy documents, normalized: `Action`, `Principal` values and condition values may be a
 * string or a list in IAM; here they are always lists.
 */

/** One condition: operator (`StringEquals`, `ForAnyValue:StringLike`, ...), key and values. */
export interface PolicyCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
}

/** One statement of a policy document. */
export interface PolicyStatement {
  readonly effect: string;
  /** `Action` (or `NotAction` when `notAction` is true). */
  readonly actions: string[];
  readonly notAction: boolean;
  /** Principal type (`AWS`, `Service`, `Federated`, `CanonicalUser`, or `*`) to principals. */
  readonly principals: { [type: string]: string[] };
  readonly conditions: PolicyCondition[];
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

/** Normalizes a document (already resolved to plain JSON); `undefined` when it is not a policy. */
export function parsePolicyDocument(document: any): PolicyDocument | undefined {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const raw = document.Statement === undefined ? [] : Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const statements = raw.filter((s: any) => s && typeof s === 'object').map((s: any): PolicyStatement => {
    const principals: { [type: string]: string[] } = {};
    if (s.Principal === '*') {
      principals['*'] = ['*'];
    } else if (s.Principal && typeof s.Principal === 'object') {
      for (const [type, value] of Object.entries(s.Principal)) principals[type] = list(value);
    }
    const conditions: PolicyCondition[] = [];
    for (const [operator, entries] of Object.entries(s.Condition ?? {})) {
      if (!entries || typeof entries !== 'object') continue;
      for (const [key, values] of Object.entries(entries as object)) conditions.push({ operator, key, values: list(values) });
    }
    return {
      effect: String(s.Effect ?? 'Allow'),
      actions: list(s.Action ?? s.NotAction),
      notAction: s.Action === undefined && s.NotAction !== undefined,
      principals,
      conditions,
    };
  });
  return { statements, json: JSON.stringify(document) };
}

/** IAM wildcard match (`*` any run, `?` one character). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.split('').map((c) => c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** Whether an Allow statement covers an action (case-insensitive, wildcards honoured). */
export function allowsAction(statement: PolicyStatement, action: string): boolean {
  if (statement.effect !== 'Allow') return false;
  const matched = statement.actions.some((a) => wildcardMatch(a, action, true));
  return statement.notAction ? !matched : matched;
}

/** Whether a statement names a principal of a type (exact match, or the `*` principal). */
export function hasPrincipal(statement: PolicyStatement, type: string, principal: string): boolean {
  return (statement.principals[type] ?? []).includes(principal) || statement.principals['*'] !== undefined;
}

/** The conditions of a statement whose key ends with a suffix (case-insensitive, e.g. `:sub`). */
export function conditionsOn(statement: PolicyStatement, keySuffix: string): PolicyCondition[] {
  const suffix = keySuffix.toLowerCase();
  return statement.conditions.filter((c) => c.key.toLowerCase().endsWith(suffix));
}

/**
 * The operator without set qualifiers (`ForAnyValue:`, `ForAllValues:`) and `IfExists`,
 * e.g. `ForAnyValue:StringLikeIfExists` → `StringLike`.
 */
export function baseOperator(operator: string): string {
  return operator.replace(/^For(AnyValue|AllValues):/i, '').replace(/IfExists$/i, '');
}

/** Operators that restrict a key to the listed values (a missing key does not match). */
export function isRestricting(condition: PolicyCondition): boolean {
  return !/IfExists$/i.test(condition.operator) && !/^ForAllValues:/i.test(condition.operator)
    && ['StringEquals', 'StringLike', 'StringEqualsIgnoreCase', 'ArnEquals', 'ArnLike'].includes(baseOperator(condition.operator));
}

/** Operators that treat `*` and `?` as wildcards. */
export function isLikeOperator(condition: PolicyCondition): boolean {
  return ['StringLike', 'ArnLike'].includes(baseOperator(condition.operator));
}
