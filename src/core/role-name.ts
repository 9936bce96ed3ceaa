import { describeCharacters, literalShape } from './deploy-time';
import { Problem } from './errors';
import { MAX_IAM_PATH_LENGTH, MAX_ROLE_NAME_LENGTH } from './limits';

const ROLE_NAME_CHARACTER = /^[A-Za-z0-9_+=,.@-]$/;
/** Path characters: `/` and printable ASCII (IAM: `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`). */
const PATH_CHARACTER = /^[\u0021-\u007E]$/;

/**
 * Why `name` is not a valid IAM role name (1-64 characters of letters, digits and `+=,.@_-`),
 * judged on its literal text; deploy-time parts are skipped.
 */
export function roleNameProblem(name: string, what = 'role name'): Problem | undefined {
  const fix = `use 1-${MAX_ROLE_NAME_LENGTH} characters of letters, digits and + = , . @ _ -`;
  if (name.length === 0) return { problem: `${what} is empty`, fix };
  const shape = literalShape(name, ROLE_NAME_CHARACTER);
  if (shape.invalidCharacters.length > 0) {
    return { problem: `${what} '${name}' contains ${describeCharacters(shape.invalidCharacters)}, which IAM does not allow in role names`, fix };
  }
  if (shape.literalLength > MAX_ROLE_NAME_LENGTH) {
    return {
      problem: `${what} '${name}' is ${shape.literalLength} characters long${shape.partlyDeployTime ? ' without its deploy-time parts' : ''} (IAM allows at most ${MAX_ROLE_NAME_LENGTH})`,
      fix,
    };
  }
  return undefined;
}

/** Why `path` is not a valid IAM path (`/`, or `/` + printable ASCII + `/`, at most 512 characters). */
export function iamPathProblem(path: string, what = 'path'): Problem | undefined {
  const fix = 'use \'/\' or a path that starts and ends with \'/\', e.g. \'/workloads/\'';
  if (path.length === 0) return { problem: `${what} is empty`, fix };
  const shape = literalShape(path, PATH_CHARACTER, /^\/$/, /^\/$/);
  if (shape.invalidCharacters.length > 0) return { problem: `${what} '${path}' contains ${describeCharacters(shape.invalidCharacters)}`, fix };
  if (shape.badStart || shape.badEnd) return { problem: `${what} '${path}' does not start and end with '/'`, fix };
  if (shape.literalLength > MAX_IAM_PATH_LENGTH) return { problem: `${what} '${path}' is longer than ${MAX_IAM_PATH_LENGTH} characters`, fix };
  if (path === '//') return { problem: `${what} '${path}' has nothing between its slashes`, fix };
  return undefined;
}
