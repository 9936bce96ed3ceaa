import { CLUSTER_ADMIN_POLICY_NAME } from './access-policy';
import { KNOWN_ACCESS_POLICIES } from './access-policy-catalog';
import { describeCharacters, isKnown, literalShape } from './deploy-time';
import { Problem } from './errors';
import { namespaceNameProblem } from './kubernetes-names';
import { MAX_ACCESS_POLICIES_PER_ENTRY } from './limits';

/*
 * EKS API rules for access entries, as pure functions returning the problem and its fix (or
 * undefined) over plain values, so that `ClusterAccess` (which throws), the `aws-auth` planner
 * (which reports) and the rule pack (which reads templates) judge an entry alike.
 */

/**
 * Entry types that take no access policies: EKS gives nodes and Fargate pods what they need. The
 * EKS API documents EC2_LINUX, EC2_WINDOWS and FARGATE_LINUX as types that "disallow users to input
 * a username or groups, and prevent associations" (its AccessEntry type, as the Terraform AWS
 * provider carries it: hashicorp/terraform-provider-aws, website/docs/r/eks_access_entry.html.markdown);
 * HYBRID_LINUX and HYPERPOD_LINUX take none either (EKS user guide, "Create access entries").
 */
export const NO_POLICY_ENTRY_TYPES = ['EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'HYBRID_LINUX', 'HYPERPOD_LINUX'];

/** The entry type that takes Kubernetes groups and a username. */
export const STANDARD_ENTRY_TYPE = 'STANDARD';

/** An access policy association as the rules see it. */
export interface AccessPolicyAssociation {
  /** The policy name, e.g. `AmazonEKSViewPolicy`. */
  readonly name: string;
  /** `cluster` or `namespace` (lower case), or undefined when not set. */
  readonly scopeType?: string;
  readonly namespaces: string[];
}

/** The policy name of an access policy ARN (`arn:<partition>:eks::aws:cluster-access-policy/<Name>`); the text itself otherwise. */
export function accessPolicyNameOfArn(arn: string): string {
  return /cluster-access-policy\/(.+)$/.exec(arn)?.[1] ?? arn;
}

/** The ARN of an access policy in a partition. */
export function accessPolicyArn(partition: string, name: string): string {
  return `arn:${partition}:eks::aws:cluster-access-policy/${name}`;
}

/** Why an entry of `type` cannot have groups or a username (only STANDARD entries take them). */
export function entryTypeIdentityProblem(type: string, groups: string[], username: string | undefined): Problem | undefined {
  if (type === STANDARD_ENTRY_TYPE || !isKnown(type) || (groups.length === 0 && username === undefined)) return undefined;
  const given = [groups.length > 0 ? `kubernetesGroups (${groups.join(', ')})` : undefined, username !== undefined ? `username '${username}'` : undefined]
    .filter((x) => x !== undefined).join(' and ');
  return {
    problem: `an access entry of type ${type} cannot have ${given}; only STANDARD entries take groups and a username (EKS sets them for node types)`,
    fix: 'remove kubernetesGroups and username, or use AccessEntryType.STANDARD',
  };
}

/** Why an entry of `type` cannot have these access policies (node types take none). */
export function entryTypePoliciesProblem(type: string, policyNames: string[]): Problem | undefined {
  if (policyNames.length === 0 || !NO_POLICY_ENTRY_TYPES.includes(type)) return undefined;
  return {
    problem: `an access entry of type ${type} cannot have access policies (${policyNames.join(', ')})`,
    fix: 'remove the access policies; EKS gives node entries the permissions nodes need',
  };
}

/** Why an entry has too many access policies. */
export function accessPolicyCountProblem(count: number): Problem | undefined {
  if (count <= MAX_ACCESS_POLICIES_PER_ENTRY) return undefined;
  return {
    problem: `the access entry has ${count} access policies; at most ${MAX_ACCESS_POLICIES_PER_ENTRY} fit on one entry`,
    fix: 'combine namespaces into one scope per policy, or use Kubernetes groups with RBAC for the rest',
  };
}

/** Why a list of policy names associates one policy twice. */
export function duplicateAccessPolicyProblem(policyNames: string[]): Problem | undefined {
  const seen = new Set<string>();
  for (const name of policyNames) {
    if (seen.has(name)) {
      return {
        problem: `access policy ${name} is associated twice; an entry holds each policy once, with one scope`,
        fix: `give ${name} once, with every namespace in its scope`,
      };
    }
    seen.add(name);
  }
  return undefined;
}

/** Why a text is not shaped like an access policy name. */
export function accessPolicyNameProblem(name: string): Problem | undefined {
  const shape = literalShape(name, /^[A-Za-z0-9+=,.@_-]$/);
  if (name.length > 0 && shape.invalidCharacters.length === 0) return undefined;
  return {
    problem: `access policy name '${name}' is not a policy name${shape.invalidCharacters.length > 0 ? ` (it contains ${describeCharacters(shape.invalidCharacters)})` : ''}`,
    fix: 'give the name after cluster-access-policy/ (e.g. AmazonEKSViewPolicy), not an ARN',
  };
}

/** Why the scope of an access policy association is not one EKS accepts. */
export function accessPolicyScopeProblem(policy: AccessPolicyAssociation): Problem | undefined {
  if (policy.scopeType === 'namespace') {
    if (policy.namespaces.length === 0) {
      return {
        problem: `access policy ${policy.name} has scope 'namespace' but no namespaces`,
        fix: 'list the namespaces in scope.namespaces, or use { type: AccessScopeType.CLUSTER }',
      };
    }
    for (const namespace of policy.namespaces) {
      const problem = scopeNamespaceProblem(namespace, policy.name);
      if (problem) return problem;
    }
  } else if (policy.namespaces.length > 0) {
    return {
      problem: `access policy ${policy.name} has scope 'cluster' and namespaces (${policy.namespaces.join(', ')})`,
      fix: 'use { type: AccessScopeType.NAMESPACE, namespaces } to limit it to namespaces, or drop the namespaces',
    };
  }
  return undefined;
}

/**
 * Why a namespace of an access scope is not a namespace name, or a prefix pattern: a trailing
 * `*` matches every namespace that starts with the rest (EKS user guide, "Associate access
 * policies with access entries").
 */
function scopeNamespaceProblem(namespace: string, policyName: string): Problem | undefined {
  if (!namespace.endsWith('*')) {
    const problem = namespaceNameProblem(namespace);
    return problem && { problem: `${problem.problem} (in the scope of access policy ${policyName})`, fix: problem.fix };
  }
  const prefix = namespace.slice(0, -1);
  const shape = literalShape(prefix, /^[a-z0-9-]$/, /^[a-z0-9]$/);
  if (prefix.length === 0 || shape.invalidCharacters.length > 0 || shape.badStart) {
    return {
      problem: `access policy ${policyName} has namespace '${namespace}' in its scope, which is neither a namespace name nor a prefix followed by '*'`,
      fix: 'use a namespace name such as \'my-app\', or a prefix such as \'dev-*\'',
    };
  }
  return undefined;
}

/** Why an access policy cannot be associated by you: only service-linked roles can have it. */
export function serviceLinkedOnlyPolicyProblem(name: string): Problem | undefined {
  const known = KNOWN_ACCESS_POLICIES.find((p) => p.name === name);
  if (!known?.serviceLinkedRoleOnly) return undefined;
  return {
    problem: `access policy ${name} is for AWS service-linked roles only (${known.purpose}); EKS rejects associating it with an access entry you create`,
    fix: 'remove it; EKS associates it with its service-linked role itself',
  };
}

/** Why an access policy name deserves a second look: the library does not know it (a typo, or a policy newer than this release). */
export function unknownAccessPolicyWarning(name: string): Problem | undefined {
  if (!isKnown(name) || KNOWN_ACCESS_POLICIES.some((p) => p.name === name)) return undefined;
  const near = KNOWN_ACCESS_POLICIES.find((p) => p.name.toLowerCase() === name.toLowerCase());
  return {
    problem: `access policy '${name}' is not one of the EKS access policies the library knows${near ? ` (did you mean ${near.name}?)` : ''}`,
    fix: `check the name in the EKS user guide ("Review access policy permissions", aws eks list-access-policies); known: ${KNOWN_ACCESS_POLICIES.filter((p) => !p.serviceLinkedRoleOnly).map((p) => p.name).join(', ')}`,
  };
}

/**
 * Why an access policy's scope is misleading: AmazonEKSClusterAdminPolicy is documented at
 * cluster scope ("its access scope is typically the cluster"); in a namespace scope it grants no
 * cluster-scoped resources and no non-resource URLs, so it is not cluster admin.
 */
export function clusterAdminScopeWarning(policy: AccessPolicyAssociation): Problem | undefined {
  if (policy.name !== CLUSTER_ADMIN_POLICY_NAME || policy.scopeType !== 'namespace') return undefined;
  return {
    problem: `access policy AmazonEKSClusterAdminPolicy has a namespace scope (${policy.namespaces.join(', ')}): it then grants no cluster-scoped resources and no non-resource URLs, so it is not cluster admin`,
    fix: 'use AccessPolicy.clusterAdmin() (cluster scope) for cluster admin, or AccessPolicy.admin({ type: AccessScopeType.NAMESPACE, namespaces }) for namespace admin',
  };
}

/** The id of the synth warning about the hidden cluster admin (acknowledge it with this id). */
export const CREATOR_ADMIN_WARNING = 'cdk-eks-identity:creatorAdmin';

/** How to make the cluster creator's hidden admin visible. */
export const CREATOR_ADMIN_FIX = 'set bootstrapClusterCreatorAdminPermissions (BootstrapClusterCreatorAdminPermissions) to false and grant cluster admin '
  + 'with access entries (changing it replaces the cluster: decide before creating it)';

/** Who the principal that creates a cluster is when CloudFormation creates it. */
const CREATOR_WITH_CLOUDFORMATION = 'with CloudFormation, the stack\'s execution role';

/** The principal that creates a cluster, in words (without article). */
const CREATOR = `principal that creates the cluster (${CREATOR_WITH_CLOUDFORMATION})`;

/** The principal that gets the cluster creator's admin, in words. */
export const CREATOR_ADMIN_PRINCIPAL = `the ${CREATOR}`;

/** A cluster's `BootstrapClusterCreatorAdminPermissions` in words (undefined: not set). */
function creatorAdminSetting(setting: boolean | undefined): string {
  return setting === undefined ? 'BootstrapClusterCreatorAdminPermissions is not set; EKS defaults it to true'
    : `BootstrapClusterCreatorAdminPermissions is ${setting}`;
}

/** The access entry EKS makes for the principal that creates a cluster, for a report. */
export interface CreatorAdminEntry {
  /** Who gets it (`CREATOR_ADMIN_PRINCIPAL`). */
  readonly principal: string;
  /** The access policy it holds, at cluster scope. */
  readonly policyName: string;
  /** Why it is there and why no template shows it. */
  readonly note: string;
}

/**
 * The access entry a cluster's `BootstrapClusterCreatorAdminPermissions` gives the principal that
 * creates it (EKS and aws-eks-v2's `Cluster` default the setting to true); undefined when it is
 * false.
 *
 * @param setting the setting; undefined when not set
 */
export function creatorAdminEntry(setting: boolean | undefined): CreatorAdminEntry | undefined {
  if (setting === false) return undefined;
  return {
    principal: CREATOR_ADMIN_PRINCIPAL,
    policyName: CLUSTER_ADMIN_POLICY_NAME,
    note: `implicit: EKS makes it when it creates the cluster, and it appears in no template (${creatorAdminSetting(setting)})`,
  };
}

/** One sentence for a cluster whose `BootstrapClusterCreatorAdminPermissions` is false: the decision the report shows. */
export const CREATOR_ADMIN_OFF = `The ${CREATOR} gets no access entry (${creatorAdminSetting(false)}): `
  + 'the cluster\'s admins are the access entries of its templates.';

/**
 * Why a cluster's `BootstrapClusterCreatorAdminPermissions` deserves a decision: unless it is
 * false, EKS gives the principal that creates the cluster (with CloudFormation, the stack's
 * execution role) a cluster-admin access entry that appears in no template (the identity report
 * shows it, as `creatorAdminEntry` words it); EKS (and aws-eks-v2's `Cluster`) default it to
 * true, and changing it replaces the cluster.
 *
 * @param cluster the cluster, for the message
 * @param setting the setting; undefined when not set
 */
export function creatorAdminWarning(cluster: string, setting: boolean | undefined): Problem | undefined {
  if (!creatorAdminEntry(setting)) return undefined;
  return {
    problem: `cluster ${cluster} gives the principal that creates it (${CREATOR_WITH_CLOUDFORMATION}) a hidden cluster admin: `
      + `an access entry with ${CLUSTER_ADMIN_POLICY_NAME} that appears in no template (${creatorAdminSetting(setting)})`,
    fix: CREATOR_ADMIN_FIX,
  };
}
