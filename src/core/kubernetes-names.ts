import { describeCharacters, literalShape } from './deploy-time';
import { Problem } from './errors';
import { MAX_NAMESPACE_LENGTH, MAX_SERVICE_ACCOUNT_NAME_LENGTH } from './limits';
import { wildcardMatch } from './template/policy-document';

/*
 * Kubernetes object names (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/):
 * namespaces are DNS-1123 labels, service accounts and most objects DNS-1123 subdomains, RBAC
 * roles and bindings path segment names. One-character names are valid. Deploy-time parts are
 * skipped; the literal rest is judged.
 */

const LABEL_CHARACTER = /^[a-z0-9-]$/;
const SUBDOMAIN_CHARACTER = /^[a-z0-9.-]$/;
const ALPHANUMERIC = /^[a-z0-9]$/;

function dnsProblem(name: string, what: string, kind: 'label' | 'subdomain'): Problem | undefined {
  const label = kind === 'label';
  const max = label ? MAX_NAMESPACE_LENGTH : MAX_SERVICE_ACCOUNT_NAME_LENGTH;
  const fix = label ? 'use a DNS-1123 label such as \'my-app\'' : 'use a DNS-1123 subdomain such as \'my-sa\'';
  const invalid = (reason: string): Problem => ({ problem: `${what} '${name}' is not a valid Kubernetes ${label ? 'namespace name' : 'name'}: ${reason}`, fix });
  if (name.length === 0) return invalid('it is empty');
  const shape = literalShape(name, label ? LABEL_CHARACTER : SUBDOMAIN_CHARACTER, ALPHANUMERIC, ALPHANUMERIC);
  const allowed = label ? 'lower case letters, digits and \'-\'' : 'lower case letters, digits, \'-\' and \'.\'';
  if (shape.invalidCharacters.length > 0) return invalid(`it contains ${describeCharacters(shape.invalidCharacters)} (a DNS-1123 ${kind} has only ${allowed})`);
  if (shape.badStart || shape.badEnd) return invalid('it must start and end with a lower case letter or digit');
  if (!label && !shape.partlyDeployTime && name.split('.').some((segment) => segment.length === 0 || !ALPHANUMERIC.test(segment[0]) || !ALPHANUMERIC.test(segment[segment.length - 1]))) {
    return invalid('each dot-separated part must start and end with a lower case letter or digit');
  }
  if (shape.literalLength > max) return invalid(`it is ${shape.literalLength} characters long (at most ${max})`);
  return undefined;
}

/** Why `name` is not a valid Kubernetes namespace name (a DNS-1123 label). */
export function namespaceNameProblem(name: string, what = 'namespace'): Problem | undefined {
  return dnsProblem(name, what, 'label');
}

/** Why `name` is not a valid Kubernetes service account name (a DNS-1123 subdomain). */
export function serviceAccountNameProblem(name: string, what = 'service account name'): Problem | undefined {
  return dnsProblem(name, what, 'subdomain');
}

/**
 * Why `name` is not a valid name for an RBAC Role, ClusterRole or binding (a path segment name:
 * not empty, not `.` or `..`, no `/` or `%`).
 */
export function rbacObjectNameProblem(name: string, what = 'name'): Problem | undefined {
  const fix = 'use a name such as \'pod-readers\'';
  if (name.length === 0) return { problem: `${what} is empty`, fix };
  if (name === '.' || name === '..') return { problem: `${what} '${name}' is not a valid RBAC object name (it must not be '.' or '..')`, fix };
  const shape = literalShape(name, /^[^/%]$/u);
  if (shape.invalidCharacters.length > 0) return { problem: `${what} '${name}' contains ${describeCharacters(shape.invalidCharacters)}, which an RBAC object name cannot hold`, fix };
  return undefined;
}

/*
 * Fargate profile selectors match namespaces with wildcards: `*` for none, one or more characters,
 * `?` for one (EKS user guide, "Define which Pods use AWS Fargate when launched", Fargate profile
 * wildcards, https://docs.aws.amazon.com/eks/latest/userguide/fargate-profile.html#fargate-profile-wildcards).
 */

/**
 * Why a name pattern (`*` and `?` are wildcards, each standing for at least one allowed letter)
 * cannot match a valid name, judged by `problemOf` and described with the pattern as written.
 */
export function namePatternProblem(pattern: string, problemOf: (name: string) => Problem | undefined): Problem | undefined {
  const problem = problemOf(pattern.replace(/[*?]/g, 'a'));
  return problem && { problem: problem.problem.replace(/'[^']*'/, `'${pattern}'`), fix: `${problem.fix} (or a pattern with * and ?)` };
}

/**
 * Why a Fargate profile selector's namespace is not a namespace name or pattern (`*` and `?` are
 * wildcards in Fargate selectors).
 */
export function fargateNamespaceProblem(pattern: string): Problem | undefined {
  return namePatternProblem(pattern, (name) => namespaceNameProblem(name, 'Fargate namespace'));
}

/**
 * The first Fargate selector namespace (a name or a pattern with `*` and `?`) that selects a
 * namespace, if one does: the one matcher the constructs (AUTO, POD_IDENTITY) and the rule pack
 * (EKSID-POD-011) use.
 */
export function fargatePatternFor(patterns: string[], namespace: string): string | undefined {
  return patterns.find((pattern) => wildcardMatch(pattern, namespace));
}
