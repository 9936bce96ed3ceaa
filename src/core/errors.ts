/**
 * A problem with an input, and how to fix it: what every validator of the core returns, so that
 * constructs (which throw) and rules (which report) say the same thing.
 */
export interface Problem {
  /** What is wrong, naming the value. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Anything with a construct path: a construct, or the path of one about to be made. */
export interface ErrorScope {
  readonly node: { readonly path: string };
}

/**
 * Builds the message of a synth-time error: the construct path, what is wrong and how to fix it.
 *
 * Every error the library raises for bad input goes through here so that they all read alike:
 * `<construct path>: <problem>. Fix: <fix>`.
 */
export function identityErrorMessage(scope: ErrorScope, problem: string, fix: string): string {
  return `${scope.node.path}: ${problem}. Fix: ${fix}`;
}

/** Throws a synth-time error naming the construct path, the problem and the fix. */
export function throwIdentityError(scope: ErrorScope, problem: string, fix: string): never {
  throw new Error(identityErrorMessage(scope, problem, fix));
}

/** Throws the problem (when there is one) as a synth-time error of `scope`. */
export function throwIfProblem(scope: ErrorScope, problem: Problem | undefined): void {
  if (problem) throwIdentityError(scope, problem.problem, problem.fix);
}
