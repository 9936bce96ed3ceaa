import { describeCharacters, isKnown, literalShape, textParts } from './deploy-time';
import { Problem } from './errors';
import { SYSTEM_MASTERS_GROUP } from './kubernetes-vocabulary';

/*
 * The names an access entry gives a principal in Kubernetes: its username and its groups
 * (EKS API reference, CreateAccessEntry; EKS user guide, "Create access entries",
 * https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html).
 */

/**
 * Username prefixes EKS reserves for itself (EKS user guide, "Set a custom username for EKS access
 * entries", https://docs.aws.amazon.com/eks/latest/userguide/set-custom-username.html: "The
 * username can't start with system:, eks:, aws:, amazon:, or iam:"). The guide does not say
 * whether EKS compares them case-sensitively; every letter case is refused, a conservative choice.
 */
export const RESERVED_USERNAME_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];

/** The group prefix access entries reject. */
export const RESERVED_GROUP_PREFIX = 'system:';

const SESSION_NAME = '{{SessionName}}';

/** The reserved prefix a literal name starts with (compared as EKS compares it), or undefined. */
function reservedPrefix(name: string, prefixes: string[]): string | undefined {
  const head = textParts(name)[0];
  if (head === undefined || head.deployTime) return undefined;
  const start = head.text.toLowerCase();
  return prefixes.find((prefix) => start.startsWith(prefix));
}

/** Why `username` cannot be the Kubernetes username of an access entry. */
export function accessEntryUsernameProblem(username: string): Problem | undefined {
  if (username.length === 0) {
    return { problem: 'username is empty', fix: 'leave username out (EKS then derives it from the principal ARN) or give a name' };
  }
  const reserved = reservedPrefix(username, RESERVED_USERNAME_PREFIXES);
  if (reserved) {
    return {
      problem: `username '${username}' starts with '${username.slice(0, reserved.length)}', a prefix EKS reserves (${RESERVED_USERNAME_PREFIXES.join(', ')}, in any letter case)`,
      fix: 'choose a username without a reserved prefix (e.g. \'admin:{{SessionName}}\'), or leave it out',
    };
  }
  const shape = literalShape(username, /^\S$/u);
  if (shape.invalidCharacters.length > 0) {
    return { problem: `username '${username}' contains ${describeCharacters(shape.invalidCharacters)}`, fix: 'remove the whitespace' };
  }
  const session = username.indexOf(SESSION_NAME);
  if (session >= 0 && isKnown(username.slice(0, session)) && !username.slice(0, session).includes(':')) {
    return {
      problem: `username '${username}' has ${SESSION_NAME} without a colon before it`,
      fix: `put a prefix and a colon before it, e.g. 'sso-user:${SESSION_NAME}'`,
    };
  }
  return undefined;
}

/** Why `group` cannot be a Kubernetes group of an access entry (or an RBAC subject the library binds). */
export function kubernetesGroupProblem(group: string): Problem | undefined {
  if (group.length === 0) return { problem: 'a Kubernetes group name is empty', fix: 'give every group a name' };
  if (reservedPrefix(group, [RESERVED_GROUP_PREFIX])) {
    const masters = group.toLowerCase() === SYSTEM_MASTERS_GROUP;
    return {
      problem: `Kubernetes group '${group}' starts with '${group.slice(0, RESERVED_GROUP_PREFIX.length)}', which access entries reject`
        + (masters ? ' (system:masters cannot be granted through an access entry)' : ''),
      fix: 'for cluster admin use the access policy AmazonEKSClusterAdminPolicy (AccessPolicy.clusterAdmin()) instead of system:masters; '
        + 'for anything else use a group of your own bound with RBAC (cluster.addKubernetesGroup)',
    };
  }
  const shape = literalShape(group, /^\S$/u);
  if (shape.invalidCharacters.length > 0) {
    return { problem: `Kubernetes group '${group}' contains ${describeCharacters(shape.invalidCharacters)}`, fix: 'remove the whitespace' };
  }
  return undefined;
}
