import { describeCharacters, literalShape } from './deploy-time';
import { Problem } from './errors';
import { MAX_CLUSTER_NAME_LENGTH } from './limits';

/** Why `name` is not a valid EKS cluster name (1-100 of `[A-Za-z0-9_-]`, starting with a letter or digit). */
export function clusterNameProblem(name: string, what = 'cluster name'): Problem | undefined {
  const fix = `use 1-${MAX_CLUSTER_NAME_LENGTH} letters, digits, '-' and '_', starting with a letter or digit`;
  if (name.length === 0) return { problem: `${what} is empty`, fix };
  const shape = literalShape(name, /^[A-Za-z0-9_-]$/, /^[A-Za-z0-9]$/);
  if (shape.invalidCharacters.length > 0) return { problem: `${what} '${name}' contains ${describeCharacters(shape.invalidCharacters)}`, fix };
  if (shape.badStart) return { problem: `${what} '${name}' does not start with a letter or digit`, fix };
  if (shape.literalLength > MAX_CLUSTER_NAME_LENGTH) {
    return { problem: `${what} '${name}' is ${shape.literalLength} characters long (EKS allows at most ${MAX_CLUSTER_NAME_LENGTH})`, fix };
  }
  return undefined;
}
