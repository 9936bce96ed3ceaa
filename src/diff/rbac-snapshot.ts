import { ClusterIdentity, clusterIdentity } from './cluster-identity';
import { CheckInput } from '../checks/check-types';
import { CheckModel } from '../checks/template-model';
import { CLUSTER_ADMIN_CLUSTER_ROLE } from '../core/kubernetes-vocabulary';

/*
 * The Kubernetes RBAC objects of an assembly, per cluster: Roles and ClusterRoles with their
 * rules, RoleBindings and ClusterRoleBindings with what they bind and to whom. They come from the
 * Kubernetes YAML files next to the templates (the cluster their first line names, else the
 * stack's only cluster) and from aws-eks-v2 `Custom::AWSCDK-EKS-KubernetesResource` manifests
 * (the cluster of their `ClusterName`). RBAC semantics: https://kubernetes.io/docs/reference/access-authn-authz/rbac/.
 */

const KUBERNETES_RESOURCE_TYPE = 'Custom::AWSCDK-EKS-KubernetesResource';
const ROLE_KINDS = ['Role', 'ClusterRole'];
const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];

/** One RBAC object. */
export interface RbacObjectSnapshot {
  /** `<cluster id>|<kind>|<namespace>|<name>` (see `clusterIdentity`). */
  readonly key: string;
  /** The cluster's id (see `clusterIdentity`), or `stack:<stack>` for objects of no one cluster. */
  readonly clusterId: string;
  /** The cluster (or the stack whose Kubernetes objects they are) for reading. */
  readonly clusterLabel: string;
  readonly kind: string;
  /** The namespace of a Role or RoleBinding. */
  readonly namespace?: string;
  readonly name: string;
  /** `Role team-a/pod-readers`. */
  readonly label: string;
  /** Roles: each rule in words (`get, list pods in ""`). */
  readonly rules: string[];
  /** Roles: whether a rule allows `*` verbs or resources. */
  readonly wildcardRules: string[];
  /** Bindings: what they bind, e.g. `ClusterRole view`. */
  readonly roleRef?: string;
  /** Bindings: whether they make their subjects cluster administrators. */
  readonly grantsClusterAdmin: boolean;
  /** Bindings: their subjects, e.g. `Group pod-readers`, `ServiceAccount app/web`. */
  readonly subjects: string[];
  /** Bindings: the names of their `Group` subjects (what an access entry's Kubernetes groups are matched with). */
  readonly groups: string[];
}

function list(value: any): string[] {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}

function ruleText(rule: any): string {
  const parts = [
    list(rule?.verbs).join(', ') || '(no verbs)',
    [...list(rule?.resources), ...list(rule?.nonResourceURLs)].join(', ') || '(nothing)',
  ];
  const groups = list(rule?.apiGroups);
  if (groups.length > 0) parts.push(`in API groups ${groups.map((g) => g === '' ? '""' : g).join(', ')}`);
  const names = list(rule?.resourceNames);
  if (names.length > 0) parts.push(`(names: ${names.join(', ')})`);
  return parts.join(' ');
}

function isWildcardRule(rule: any): boolean {
  return list(rule?.verbs).includes('*') || list(rule?.resources).includes('*') || list(rule?.nonResourceURLs).includes('*');
}

function isEverything(rule: any): boolean {
  return list(rule?.verbs).includes('*') && list(rule?.resources).includes('*') && list(rule?.apiGroups).includes('*');
}

function subjectText(subject: any): string {
  if (subject?.kind === 'ServiceAccount') return `ServiceAccount ${subject.namespace ?? '(binding namespace)'}/${subject.name}`;
  return `${subject?.kind} ${subject?.name}`;
}

function flatten(objects: any[]): any[] {
  return objects.flatMap((o) => o?.kind === 'List' && Array.isArray(o.items) ? flatten(o.items) : [o]);
}

/** The RBAC objects of every cluster of the assembly, by key. */
export function rbacSnapshot(model: CheckModel, inputs: CheckInput[]): Map<string, RbacObjectSnapshot> {
  const byCluster: Array<{ cluster: ClusterIdentity; objects: any[] }> = [];
  for (const input of inputs) {
    for (const named of input.clusterKubernetesManifests ?? []) {
      byCluster.push({ cluster: clusterIdentity(model, named.cluster, input.stackName), objects: flatten(named.manifests) });
    }
    const inStack = model.clusters.filter((c) => c.stackName === input.stackName);
    const cluster = inStack.length === 1 ? clusterIdentity(model, inStack[0].key, input.stackName)
      : { id: `stack:${input.stackName}`, label: `the Kubernetes objects of stack ${input.stackName}` };
    byCluster.push({ cluster, objects: flatten(input.kubernetesManifests ?? []) });
  }
  for (const stack of model.stacks) {
    for (const resource of Object.values(stack.resources)) {
      if (resource?.Type !== KUBERNETES_RESOURCE_TYPE) continue;
      const manifest = stack.text.document(resource.Properties?.Manifest);
      byCluster.push({
        cluster: clusterIdentity(model, model.clusterKeyOf(resource.Properties?.ClusterName, stack), stack.name),
        objects: flatten(Array.isArray(manifest) ? manifest : [manifest]),
      });
    }
  }

  const objects = new Map<string, RbacObjectSnapshot>();
  const clusterRoles = new Map<string, any>();
  for (const group of byCluster) {
    for (const o of group.objects) if (o?.kind === 'ClusterRole') clusterRoles.set(`${group.cluster.id}|${o.metadata?.name}`, o);
  }
  for (const { cluster, objects: clusterObjects } of byCluster) {
    for (const o of clusterObjects) {
      const kind = o?.kind;
      const name = o?.metadata?.name;
      if (typeof name !== 'string' || (!ROLE_KINDS.includes(kind) && !BINDING_KINDS.includes(kind))) continue;
      const namespace = kind === 'Role' || kind === 'RoleBinding' ? (typeof o.metadata.namespace === 'string' ? o.metadata.namespace : 'default') : undefined;
      const key = `${cluster.id}|${kind}|${namespace ?? ''}|${name}`;
      const rules: any[] = Array.isArray(o.rules) ? o.rules : [];
      const ref = o.roleRef ?? {};
      const boundClusterRole = ref.kind === 'ClusterRole' ? clusterRoles.get(`${cluster.id}|${ref.name}`) : undefined;
      const bindsEverything = ref.kind === 'ClusterRole' && (ref.name === CLUSTER_ADMIN_CLUSTER_ROLE
        || (Array.isArray(boundClusterRole?.rules) && boundClusterRole.rules.some(isEverything)));
      const subjects: any[] = Array.isArray(o.subjects) ? o.subjects : [];
      objects.set(key, {
        key,
        clusterId: cluster.id,
        clusterLabel: cluster.label,
        kind,
        ...(namespace !== undefined ? { namespace } : {}),
        name,
        label: `${kind} ${namespace !== undefined ? `${namespace}/` : ''}${name}`,
        rules: rules.map(ruleText).sort(),
        wildcardRules: rules.filter(isWildcardRule).map(ruleText).sort(),
        ...(BINDING_KINDS.includes(kind) ? { roleRef: `${ref.kind} ${ref.name}` } : {}),
        grantsClusterAdmin: kind === 'ClusterRoleBinding' && bindsEverything,
        subjects: subjects.map(subjectText).sort(),
        groups: subjects.filter((x) => x?.kind === 'Group' && typeof x.name === 'string').map((x) => x.name).sort(),
      });
    }
  }
  return objects;
}
