import { isKnown, splitLiteral } from '../deploy-time';
import { PolicyCondition, wildcardMatch } from '../template/policy-document';

/*
 * How one IAM condition judges a single-valued context key
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
 * ".._condition-single-vs-multi-valued-context-keys.html"): the plain operators need the key and
 * a matching value; the negated ones (`StringNotEquals`, ...) hold when no value matches and when
 * the key is absent; `...IfExists` also holds when the key is absent; `ForAnyValue:` needs the
 * key, `ForAllValues:` holds when it is absent. Condition values that hold deploy-time values
 * cannot be compared at synth: the verdict is then unknown.
 */

/** The parts of a condition operator. */
export interface ConditionOperator {
  /** The operator without set qualifier, `Not` and `IfExists`: `StringEquals`, `StringLike`, `ArnEquals`, `ArnLike`, `Null`, ... */
  readonly base: string;
  /** `StringNotEquals`, `StringNotLike`, `ArnNotEquals`, `ArnNotLike`, `StringNotEqualsIgnoreCase`. */
  readonly negated: boolean;
  /** `*` and `?` are wildcards (`StringLike`, `ArnLike` and their negations; `ArnEquals` too, as IAM documents). */
  readonly like: boolean;
  readonly ignoreCase: boolean;
  readonly ifExists: boolean;
  /** `ForAnyValue` or `ForAllValues`. */
  readonly set?: string;
  /** Whether the operator compares strings or ARNs (the only ones the trust semantics evaluate). */
  readonly comparesText: boolean;
}

/** Operators already split: templates use a handful of them, over and over. */
const PARSED_OPERATORS = new Map<string, ConditionOperator>();

/** Splits an operator such as `ForAnyValue:StringNotLikeIfExists`. */
export function parseOperator(operator: string): ConditionOperator {
  let parsed = PARSED_OPERATORS.get(operator);
  if (!parsed) {
    parsed = Object.freeze(splitOperator(operator));
    // Bounded: operators are names from a short IAM list; anything else is not kept.
    if (PARSED_OPERATORS.size < 1000) PARSED_OPERATORS.set(operator, parsed);
  }
  return parsed;
}

function splitOperator(operator: string): ConditionOperator {
  const set = /^(ForAnyValue|ForAllValues):/i.exec(operator)?.[1];
  let rest = operator.replace(/^For(AnyValue|AllValues):/i, '');
  const ifExists = /IfExists$/i.test(rest);
  rest = rest.replace(/IfExists$/i, '');
  const ignoreCase = /IgnoreCase$/i.test(rest);
  const negated = /^(String|Arn|Numeric|Date|Binary|Ip)Not/i.test(rest) || /^NotIpAddress$/i.test(rest);
  const base = rest.replace(/^(String|Arn)Not/i, '$1').replace(/IgnoreCase$/i, '');
  const comparesText = /^(StringEquals|StringLike|ArnEquals|ArnLike)$/i.test(base);
  return {
    base,
    negated,
    like: /^(StringLike|ArnLike|ArnEquals)$/i.test(base),
    ignoreCase,
    ifExists,
    ...(set ? { set } : {}),
    comparesText,
  };
}

function textMatches(operator: ConditionOperator, pattern: string, actual: string): boolean {
  if (operator.like) return wildcardMatch(pattern, actual, operator.ignoreCase);
  return operator.ignoreCase ? pattern.toLowerCase() === actual.toLowerCase() : pattern === actual;
}

/**
 * Whether one condition value matches an actual value, or undefined when it cannot be told at
 * synth. Values with deploy-time parts are compared by their `:`-separated segments (ARNs): one
 * known segment that differs decides `false`.
 */
export function valueMatches(operator: ConditionOperator, pattern: string, actual: string): boolean | undefined {
  if (isKnown(pattern) && isKnown(actual)) return textMatches(operator, pattern, actual);
  if (pattern === actual) return true;
  const patternSegments = splitLiteral(pattern, ':');
  const actualSegments = splitLiteral(actual, ':');
  if (patternSegments.length !== actualSegments.length) return undefined;
  // One side has a deploy-time part, so some segment is unknown: only a known segment can decide.
  const differs = patternSegments.some((segment, i) =>
    isKnown(segment) && isKnown(actualSegments[i]) && !textMatches(operator, segment, actualSegments[i]));
  return differs ? false : undefined;
}

/** Whether a condition holds when its key is absent from the request. */
export function holdsWhenAbsent(condition: PolicyCondition): boolean {
  const operator = parseOperator(condition.operator);
  if (/^Null$/i.test(operator.base)) return condition.values.some((v) => v.toLowerCase() === 'true');
  return operator.ifExists || operator.negated && operator.set === undefined || operator.set?.toLowerCase() === 'forallvalues';
}

/**
 * Whether a condition holds for a single-valued key with value `actual` (`undefined`: the key is
 * absent). Undefined when it cannot be told at synth (deploy-time values, operators on numbers,
 * dates or addresses).
 */
export function conditionHolds(condition: PolicyCondition, actual: string | undefined): boolean | undefined {
  const operator = parseOperator(condition.operator);
  if (actual === undefined) return holdsWhenAbsent(condition);
  if (/^Null$/i.test(operator.base)) return condition.values.some((v) => v.toLowerCase() === 'false');
  if (!operator.comparesText) return undefined;
  const results = condition.values.map((v) => valueMatches(operator, v, actual));
  const any = results.some((r) => r === true) ? true : results.every((r) => r === false) ? false : undefined;
  if (any === undefined) return undefined;
  return operator.negated ? !any : any;
}

/** Whether every condition holds (AND), false as soon as one is false, undefined when one cannot be told. */
export function allConditionsHold(conditions: PolicyCondition[], actual: string | undefined): boolean | undefined {
  let unknown = false;
  for (const condition of conditions) {
    const holds = conditionHolds(condition, actual);
    if (holds === false) return false;
    if (holds === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}
