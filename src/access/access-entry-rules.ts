import { Token } from 'aws-cdk-lib';
import { AccessEntryType } from './access-entry-type';
import { AccessPolicy, AccessScopeType } from './access-policy';
import { MAX_ACCESS_POLICIES_PER_ENTRY } from '../aws-limits';
import { dns1123LabelProblem } from '../k8s/kubernetes-names';

/**
 * EKS API rules for access entries, as pure functions returning the problem and its fix (or
 * undefined). Shared by `ClusterAccess` (which throws) and the `aws-auth` planner (which reports).
 */

/** A rule violation: what is wrong and how to fix it. */
export interface AccessEntryProblem {
  readonly problem: string;
  readonly fix: string;
}

/** Username prefixes EKS reserves for itself. */
export const RESERVED_USERNAME_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];

const SESSION_NAME = '{{SessionName}}';

/** Entry types that take no access policies. */
const NO_POLICY_TYPES = new Set([AccessEntryType.EC2_LINUX, AccessEntryType.EC2_WINDOWS]);

/** Why `username` cannot be the username of an access entry. */
export function usernameProblem(username: string): AccessEntryProblem | undefined {
  if (Token.isUnresolved(username)) return undefined;
  if (username.length === 0) {
    return { problem: 'username is empty', fix: 'leave username out (EKS then derives it from the principal ARN) or give a name' };
  }
  const reserved = RESERVED_USERNAME_PREFIXES.find((prefix) => username.startsWith(prefix));
  if (reserved) {
    return {
      problem: `username '${username}' starts with '${reserved}', a prefix EKS reserves (${RESERVED_USERNAME_PREFIXES.join(', ')})`,
      fix: 'choose a username without a reserved prefix (e.g. \'admin:{{SessionName}}\'), or leave it out',
    };
  }
  const session = username.indexOf(SESSION_NAME);
  if (session >= 0 && !username.slice(0, session).includes(':')) {
    return {
      problem: `username '${username}' has ${SESSION_NAME} without a colon before it`,
      fix: `put a prefix and a colon before it, e.g. 'sso-user:${SESSION_NAME}'`,
    };
  }
  return undefined;
}

/** Why `group` cannot be a Kubernetes group of an access entry (or an RBAC subject we bind). */
export function kubernetesGroupProblem(group: string): AccessEntryProblem | undefined {
  if (Token.isUnresolved(group)) return undefined;
  if (group.length === 0) return { problem: 'a Kubernetes group name is empty', fix: 'give every group a name' };
  if (group.startsWith('system:')) {
    return {
      problem: `Kubernetes group '${group}' starts with 'system:', which access entries reject`
        + (group === 'system:masters' ? ' (system:masters cannot be granted through an access entry)' : ''),
      fix: 'for cluster admin use the access policy AmazonEKSClusterAdminPolicy (AccessPolicy.clusterAdmin()) instead of system:masters; '
        + 'for anything else use a group of your own bound with RBAC (cluster.addKubernetesGroup)',
    };
  }
  return undefined;
}

/** Why an entry of `type` cannot have groups or a username. */
export function typeTakesNoIdentityProblem(type: AccessEntryType, groups: string[], username: string | undefined): AccessEntryProblem | undefined {
  if (type === AccessEntryType.STANDARD || (groups.length === 0 && username === undefined)) return undefined;
  const given = [groups.length > 0 ? `kubernetesGroups (${groups.join(', ')})` : undefined, username !== undefined ? `username '${username}'` : undefined]
    .filter((x) => x !== undefined).join(' and ');
  return {
    problem: `an access entry of type ${type} cannot have ${given}; only STANDARD entries take groups and a username (EKS sets them for node types)`,
    fix: 'remove kubernetesGroups and username, or use AccessEntryType.STANDARD',
  };
}

/** Why the access policies do not fit an entry of `type`. */
export function accessPoliciesProblem(type: AccessEntryType, policies: AccessPolicy[]): AccessEntryProblem | undefined {
  if (policies.length > 0 && NO_POLICY_TYPES.has(type)) {
    return {
      problem: `an access entry of type ${type} cannot have access policies (${policies.map((p) => p.policyName).join(', ')})`,
      fix: 'remove the access policies; EKS gives node entries the permissions nodes need',
    };
  }
  if (policies.length > MAX_ACCESS_POLICIES_PER_ENTRY) {
    return {
      problem: `the access entry has ${policies.length} access policies; at most ${MAX_ACCESS_POLICIES_PER_ENTRY} fit on one entry`,
      fix: 'combine namespaces into one scope per policy, or use Kubernetes groups with RBAC for the rest',
    };
  }
  const seen = new Set<string>();
  for (const policy of policies) {
    if (seen.has(policy.policyName)) {
      return {
        problem: `access policy ${policy.policyName} is associated twice; an entry holds each policy once, with one scope`,
        fix: `give ${policy.policyName} once, with every namespace in its scope`,
      };
    }
    seen.add(policy.policyName);
    const problem = accessPolicyProblem(policy);
    if (problem) return problem;
  }
  return undefined;
}

function accessPolicyProblem(policy: AccessPolicy): AccessEntryProblem | undefined {
  if (!Token.isUnresolved(policy.policyName) && !/^[A-Za-z0-9+=,.@_-]+$/.test(policy.policyName)) {
    return {
      problem: `access policy name '${policy.policyName}' is not a policy name`,
      fix: 'give the name after cluster-access-policy/ (e.g. AmazonEKSViewPolicy), not an ARN',
    };
  }
  const namespaces = policy.scope.namespaces ?? [];
  if (policy.scope.type === AccessScopeType.NAMESPACE) {
    if (namespaces.length === 0) {
      return {
        problem: `access policy ${policy.policyName} has scope 'namespace' but no namespaces`,
        fix: 'list the namespaces in scope.namespaces, or use { type: AccessScopeType.CLUSTER }',
      };
    }
    for (const namespace of namespaces) {
      const problem = dns1123LabelProblem(namespace);
      if (problem) {
        return {
          problem: `access policy ${policy.policyName} has namespace '${namespace}' in its scope, which is not a valid namespace name: ${problem}`,
          fix: 'use a DNS-1123 label such as \'my-app\'',
        };
      }
    }
  } else if (namespaces.length > 0) {
    return {
      problem: `access policy ${policy.policyName} has scope 'cluster' and namespaces (${namespaces.join(', ')})`,
      fix: 'use { type: AccessScopeType.NAMESPACE, namespaces } to limit it to namespaces, or drop the namespaces',
    };
  }
  return undefined;
}
