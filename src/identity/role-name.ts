import { Token } from 'aws-cdk-lib';
import { MAX_ROLE_NAME_LENGTH } from '../aws-limits';

const ROLE_NAME = /^[\w+=,.@-]+$/;

/**
 * Why `name` is not a valid IAM role name (1–64 characters of `[\w+=,.@-]`), or undefined.
 * Tokens are not checked.
 */
export function roleNameProblem(name: string): string | undefined {
  if (Token.isUnresolved(name)) return undefined;
  if (name.length === 0) return 'it is empty';
  if (name.length > MAX_ROLE_NAME_LENGTH) return `it is ${name.length} characters long (IAM allows at most ${MAX_ROLE_NAME_LENGTH})`;
  if (!ROLE_NAME.test(name)) return 'it may only contain letters, digits and + = , . @ _ -';
  return undefined;
}
