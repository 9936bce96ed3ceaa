import { IConstruct } from 'constructs';

/**
 * Builds the message of a synth-time error: the construct path, what is wrong and how to fix it.
 *
 * Every error the library raises for bad input goes through here so that they all read alike:
 * `<construct path>: <problem>. Fix: <fix>`.
 */
export function identityErrorMessage(scope: IConstruct, problem: string, fix: string): string {
  return `${scope.node.path}: ${problem}. Fix: ${fix}`;
}

/**
 * Throws a synth-time error naming the construct path, the problem and the fix.
 * @internal
 */
export function throwIdentityError(scope: IConstruct, problem: string, fix: string): never {
  throw new Error(identityErrorMessage(scope, problem, fix));
}
