import { isKnown } from './deploy-time';
import { Problem } from './errors';
import { CLUSTER_ADMIN_CLUSTER_ROLE } from './kubernetes-vocabulary';

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

/** What a rule grants that a reviewer should see: escalating verbs, or everything on everything. */
export function rbacRuleRisks(rule: RbacRuleShape, clusterWide: boolean): string[] {
  const risks: string[] = [];
  const verbs = rule.verbs ?? [];
  const escalating = verbs.includes('*') ? ESCALATING_VERBS : ESCALATING_VERBS.filter((v) => verbs.includes(v));
  if (escalating.length > 0 && (rule.resources ?? []).length > 0) {
    risks.push(`it grants ${escalating.join(', ')} on ${(rule.resources ?? []).join(', ')}, which lets the group raise its own privileges`);
  }
  const all = (list: string[] | undefined) => (list ?? []).includes('*');
  if (clusterWide && all(rule.verbs) && (all(rule.resources) && all(rule.apiGroups) || all(rule.nonResourceURLs))) {
    risks.push(`it grants every verb on ${all(rule.nonResourceURLs) ? 'every non-resource URL' : 'every resource of every API group'} cluster-wide (cluster admin)`);
  }
  return risks;
}

/** Why binding a ClusterRole is a risk a reviewer should see. */
export function clusterRoleRisk(name: string): string | undefined {
  return name === CLUSTER_ADMIN_CLUSTER_ROLE ? 'it binds the cluster-admin ClusterRole (everything, everywhere)' : undefined;
}
