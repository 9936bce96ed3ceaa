import { shortList } from './permissions';
import { accessPolicyText, modeName } from './render-words';
import { ClusterReport, RoleReport, TrustScope } from './report-types';
import { AccessScopeType } from '../core/access-policy';

/*
 * The report as a Mermaid flowchart:
 * IAM principals → cluster → namespaces → service accounts → roles → AWS permissions.
 */

/** Text inside a quoted Mermaid label. */
function label(text: string): string {
  return '"' + text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\n/g, '<br/>') + '"';
}

/** Lines of a label joined with Mermaid line breaks (each line escaped). */
function lines(...texts: string[]): string {
  return '"' + texts.map((t) => label(t).slice(1, -1)).join('<br/>') + '"';
}

const MAX_DIAGRAM_LINE = 100;

/** A role's statements in a diagram: up to two summaries, else their count and services. */
function statementLines(role: RoleReport): string[] {
  if (role.statements.length === 0) return [];
  if (role.statements.length <= 2) {
    return role.statements.map((s) => s.summary.length <= MAX_DIAGRAM_LINE ? s.summary : `${s.summary.slice(0, MAX_DIAGRAM_LINE - 3)}...`);
  }
  const services = [...new Set(role.statements.flatMap((s) => s.actions.map((a) => a.split(':')[0])))];
  return [`${role.statements.length} inline statements: ${shortList(services, 5)}`];
}

/** The Mermaid flowchart of clusters. */
export function renderMermaid(clusters: ClusterReport[]): string {
  const nodes: string[] = [];
  const edges: string[] = [];
  const ids = new Map<string, string>();
  const counters = new Map<string, number>();
  const node = (key: string, prefix: string, declaration: (id: string) => string): string => {
    const existing = ids.get(key);
    if (existing) return existing;
    const n = counters.get(prefix) ?? 0;
    counters.set(prefix, n + 1);
    const id = `${prefix}${n}`;
    ids.set(key, id);
    nodes.push(`  ${declaration(id)}`);
    return id;
  };
  const edge = (from: string, to: string, text?: string, dashed = false) => {
    const arrow = dashed ? '-.->' : '-->';
    const line = text === undefined ? `  ${from} ${arrow} ${to}` : `  ${from} ${arrow}|${text}| ${to}`;
    if (!edges.includes(line)) edges.push(line);
  };
  const roleNode = (cluster: ClusterReport, roleId: string): string => {
    const role = cluster.roles.find((r) => r.id === roleId);
    const key = `role|${roleId}`;
    const known = ids.get(key);
    if (known) return known;
    const id = node(key, 'r', (i) => `${i}[${lines(`IAM role ${role?.name ?? roleId}`, ...(role && !role.inTemplates ? ['(not in the templates)'] : []))}]`);
    if (role && (role.managedPolicies.length > 0 || role.statements.length > 0)) {
      const permissions = node(`perm|${roleId}`, 'perm', (i) => `${i}[${lines(...role.managedPolicies, ...statementLines(role))}]`);
      edge(id, permissions);
    }
    return id;
  };

  for (const cluster of clusters) {
    const c = node(`cluster|${cluster.id}`, 'c', (i) => `${i}{{${lines(`EKS cluster ${cluster.name}`, cluster.inTemplates ? `stack ${cluster.stackName}` : 'made elsewhere')}}}`);
    const namespaceNode = (namespace: string, text = `namespace ${namespace}`) =>
      node(`ns|${cluster.id}|${namespace}`, 'ns', (i) => `${i}[${lines(text)}]`);

    for (const entry of cluster.accessEntries) {
      const principalKey = entry.principalArn.includes('${') ? `${entry.stackName}|${entry.principalArn}` : entry.principalArn;
      const p = node(`principal|${principalKey}`, 'p', (i) => `${i}[${lines(`IAM ${entry.principalName}`)}]`);
      const namespaced = entry.accessPolicies.filter((a) => a.scope === AccessScopeType.NAMESPACE);
      for (const policy of namespaced) {
        for (const namespace of policy.namespaces) {
          const ns = namespaceNode(namespace);
          edge(c, ns);
          edge(p, ns, lines(policy.policyName));
        }
      }
      const parts = [
        ...entry.accessPolicies.filter((a) => a.scope !== AccessScopeType.NAMESPACE).map(accessPolicyText),
        ...(entry.kubernetesGroups.length > 0 ? [`groups: ${entry.kubernetesGroups.join(', ')}`] : []),
        ...(entry.username !== undefined ? [`username: ${entry.username}`] : []),
        ...(entry.type !== 'STANDARD' ? [`type ${entry.type}`] : []),
      ];
      if (parts.length > 0 || namespaced.length === 0) edge(p, c, lines(...(parts.length > 0 ? parts : ['access entry'])));
    }

    cluster.serviceAccounts.forEach((b) => {
      let parent = c;
      let saText: string;
      if (b.scope === TrustScope.ANY_SERVICE_ACCOUNT) {
        saText = 'any service account';
      } else if (b.namespace === '' && b.addonName !== undefined) {
        parent = namespaceNode(`addon:${b.addonName}`, `namespace of add-on ${b.addonName}`);
        edge(c, parent);
        saText = `SA ${b.serviceAccount}`;
      } else if (b.scope === TrustScope.ANY_NAMESPACE) {
        saText = `SA pattern ${b.subject ?? `${b.namespace}/${b.serviceAccount}`}`;
      } else {
        parent = namespaceNode(b.namespace);
        edge(c, parent);
        saText = b.scope === TrustScope.NAMESPACE_WILDCARD ? `any SA in ${b.namespace}`
          : b.scope === TrustScope.NAME_PATTERN ? `SA pattern ${b.serviceAccount}` : `SA ${b.serviceAccount}`;
      }
      const sa = node(`sa|${cluster.id}|${b.namespace}|${b.serviceAccount}|${b.addonName ?? ''}`, 'sa', (i) => `${i}[${lines(saText)}]`);
      edge(parent, sa);
      const role = roleNode(cluster, b.roleId);
      edge(sa, role, lines(`${modeName(b.mode)}: ${b.scopeDescription}`), b.scope === TrustScope.NOT_TRUSTED);
      if (b.targetRoleId !== undefined) edge(role, roleNode(cluster, b.targetRoleId), lines('TargetRoleArn'));
    });
  }
  return ['flowchart LR', ...nodes, ...edges].join('\n') + '\n';
}
