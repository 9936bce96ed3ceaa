import { isKnown } from './deploy-time';
import { Problem } from './errors';
import { CLUSTER_ADMIN_CLUSTER_ROLE, RBAC_API_GROUP } from './kubernetes-vocabulary';

/*
 * Kubernetes RBAC verbs and the grants that amount to privilege escalation
 * (https://kubernetes.io/docs/reference/access-authn-authz/authorization/#determine-the-request-verb,
 * https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks).
 */

/** The verbs of resource requests. */
export const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];

/** The special verbs Kubernetes checks for some resources. */
export const SPECIAL_VERBS = ['impersonate', 'bind', 'escalate', 'approve', 'sign', 'attest', 'use'];

/** The verbs of non-resource requests: the lower-cased HTTP method. */
export const NON_RESOURCE_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** The verbs that let a subject raise its own privileges. */
export const ESCALATING_VERBS = ['escalate', 'bind', 'impersonate'];

/** One RBAC rule as written (in an object or in props). */
export interface RbacRuleShape {
  readonly verbs: string[];
  readonly apiGroups?: string[];
  readonly resources?: string[];
  readonly nonResourceURLs?: string[];
}

/** Why a verb is not one Kubernetes knows (custom verbs only when allowed). */
export function rbacVerbProblem(verb: string, nonResource: boolean, allowCustomVerbs: boolean): Problem | undefined {
  if (!isKnown(verb) || verb === '*' || allowCustomVerbs) return undefined;
  const known = nonResource ? NON_RESOURCE_VERBS : [...RESOURCE_VERBS, ...SPECIAL_VERBS];
  if (known.includes(verb)) return undefined;
  const lower = known.find((k) => k === verb.toLowerCase());
  return {
    problem: `verb '${verb}' is not a Kubernetes ${nonResource ? 'non-resource (HTTP) ' : ''}verb${lower ? ` (verbs are lower case: '${lower}')` : ''}`,
    fix: `use ${known.join(', ')} or '*'${nonResource ? '' : ', or set allowCustomVerbs: true for a verb an extension API server checks'}`,
  };
}

/**
 * The escalating verbs a rule grants: `escalate` and `bind` only count on the RBAC API group
 * (`rbac.authorization.k8s.io` or `*`), where Kubernetes checks them on roles and cluster roles;
 * `impersonate` counts on any group (users, groups and service accounts are in the core group,
 * user extras in `authentication.k8s.io`)
 * (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#restrictions-on-role-creation-or-update,
 * https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation).
 * A rule without `apiGroups` is read as the core group (`''`), as the construct writes it.
 */
function escalatingVerbs(rule: RbacRuleShape): string[] {
  const verbs = rule.verbs ?? [];
  const granted = verbs.includes('*') ? ESCALATING_VERBS : ESCALATING_VERBS.filter((v) => verbs.includes(v));
  const groups = rule.apiGroups ?? [''];
  const onRbac = groups.includes('*') || groups.includes(RBAC_API_GROUP);
  return granted.filter((verb) => verb === 'impersonate' || onRbac);
}

/** What a rule grants that a reviewer should see: escalating verbs, or everything on everything. */
export function rbacRuleRisks(rule: RbacRuleShape, clusterWide: boolean): string[] {
  const risks: string[] = [];
  const escalating = escalatingVerbs(rule);
  if (escalating.length > 0 && (rule.resources ?? []).length > 0) {
    risks.push(`it grants ${escalating.join(', ')} on ${(rule.resources ?? []).join(', ')}, which lets the group raise its own privileges`);
  }
  const all = (list: string[] | undefined) => (list ?? []).includes('*');
  if (clusterWide && all(rule.verbs) && (all(rule.resources) && all(rule.apiGroups) || all(rule.nonResourceURLs))) {
    risks.push(`it grants every verb on ${all(rule.nonResourceURLs) ? 'every non-resource URL' : 'every resource of every API group'} cluster-wide (cluster admin)`);
  }
  return risks;
}

/**
 * Why binding a ClusterRole is a risk a reviewer should see: cluster-admin bound by a
 * ClusterRoleBinding grants everything everywhere; by a RoleBinding, everything in that namespace
 * (the namespace itself included: its roles, bindings and secrets)
 * (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles).
 *
 * @param name the ClusterRole
 * @param namespace the namespace of a RoleBinding; undefined for a ClusterRoleBinding
 */
export function clusterRoleRisk(name: string, namespace?: string): string | undefined {
  if (name !== CLUSTER_ADMIN_CLUSTER_ROLE) return undefined;
  return namespace === undefined
    ? 'it binds the cluster-admin ClusterRole cluster-wide (everything, everywhere)'
    : `it binds the cluster-admin ClusterRole in namespace ${namespace} (everything in that namespace, its roles, bindings and secrets included)`;
}

/** How to fix a rule that grants escalating verbs or everything on everything. */
export const RBAC_RULE_RISK_FIX = 'grant only the verbs and resources the subjects need';

/** How to fix a binding to cluster-admin. */
export const CLUSTER_ADMIN_BINDING_FIX = 'give the principals AmazonEKSClusterAdminPolicy through an access entry instead '
  + '(AccessPolicy.admin with a namespace scope for one namespace), or bind a narrower ClusterRole such as admin, edit or view';
