import { GroupBindingReport } from './report-types';

/** The RBAC objects of a cluster's Kubernetes objects, indexed for the report. */
export class KubernetesObjectIndex {
  private readonly bindingsBySubjectGroup = new Map<string, any[]>();
  private readonly roles = new Map<string, any>();

  constructor(objects: any[]) {
    this.add(objects);
  }

  /** Adds objects (already flattened). */
  public add(objects: any[]): void {
    for (const o of objects) {
      if (o?.kind === 'RoleBinding' || o?.kind === 'ClusterRoleBinding') {
        for (const s of Array.isArray(o.subjects) ? o.subjects : []) {
          if (s?.kind !== 'Group' || typeof s.name !== 'string') continue;
          const list = this.bindingsBySubjectGroup.get(s.name);
          if (list) list.push(o);
          else this.bindingsBySubjectGroup.set(s.name, [o]);
        }
      } else if (o?.kind === 'Role' || o?.kind === 'ClusterRole') {
        this.roles.set(roleKey(o.kind, o.metadata?.name, o.kind === 'Role' ? o.metadata?.namespace ?? 'default' : undefined), o);
      }
    }
  }

  /** The bindings whose subjects include a group. */
  public bindingsOf(group: string): any[] {
    return this.bindingsBySubjectGroup.get(group) ?? [];
  }

  /** The Role or ClusterRole a binding refers to, when it is among the objects. */
  public roleOf(kind: string, name: string, namespace: string | undefined): any {
    return this.roles.get(roleKey(kind, name, kind === 'ClusterRole' ? undefined : namespace));
  }
}

function roleKey(kind: string, name: string, namespace: string | undefined): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}

/** The RBAC bindings of a group among Kubernetes objects, with the rules of what they bind. */
export function groupBindings(objects: KubernetesObjectIndex, group: string): GroupBindingReport[] {
  return objects.bindingsOf(group).map((binding): GroupBindingReport => {
    const namespace: string | undefined = binding.kind === 'RoleBinding' ? binding.metadata?.namespace ?? 'default' : undefined;
    const ref = binding.roleRef ?? {};
    const role = objects.roleOf(ref.kind, ref.name, namespace);
    const rules: any[] = Array.isArray(role?.rules) ? role.rules : [];
    return {
      group,
      binding: `${binding.kind} ${namespace !== undefined ? `${namespace}/` : ''}${binding.metadata?.name}`,
      roleRef: `${ref.kind} ${ref.name}`,
      rules: rules.map((r) => {
        const what = [...(r.resources ?? []), ...(r.nonResourceURLs ?? [])].join(', ');
        const names = Array.isArray(r.resourceNames) && r.resourceNames.length > 0 ? ` (names: ${r.resourceNames.join(', ')})` : '';
        return `${(r.verbs ?? []).join(', ')} ${what}${names}`;
      }),
    };
  });
}
