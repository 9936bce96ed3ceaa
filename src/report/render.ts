import { shortList } from './permissions';
import { AccessEntryReport, ClusterReport, IdentityReportDocument, RoleReport, ServiceAccountBinding, TrustScope } from './report-types';
import { AccessScopeType } from '../access/access-policy';
import { CheckFinding, CheckLevel } from '../checks/check-types';
import { IdentityMode } from '../identity/identity-mode';

/*
 * The report as Markdown and as a Mermaid flowchart:
 * IAM principals → cluster → namespaces → service accounts → roles → AWS permissions.
 */

/** How a mode is written. */
export function modeName(mode: IdentityMode): string {
  return mode === IdentityMode.POD_IDENTITY ? 'Pod Identity' : 'IRSA';
}

/** The service account(s) of a binding, e.g. `default/my-sa`. */
export function serviceAccountLabel(b: ServiceAccountBinding): string {
  if (b.scope === TrustScope.ANY_SERVICE_ACCOUNT) return 'any service account';
  if (b.addonName !== undefined && b.namespace === '') return `(add-on ${b.addonName})/${b.serviceAccount}`;
  return `${b.namespace}/${b.serviceAccount}`;
}

function accessPolicyText(p: AccessEntryReport['accessPolicies'][number]): string {
  return p.scope === AccessScopeType.NAMESPACE ? `${p.policyName} (namespace ${p.namespaces.join(', ')})` : `${p.policyName} (cluster)`;
}

// ---------------------------------------------------------------------------------------------
// Mermaid

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

// ---------------------------------------------------------------------------------------------
// Markdown

function code(text: string): string {
  return text === '' ? '' : '`' + text.replace(/`/g, "'") + '`';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** One finding as a Markdown list item. */
export function findingLine(f: CheckFinding): string {
  const where = [f.stackName, f.logicalId].filter((x) => x !== undefined).join('/');
  return `- **${f.level === CheckLevel.ERROR ? 'ERROR' : 'WARNING'}** ${code(f.ruleId)} ${code(where)}: ${f.message}. Fix: ${f.fix}`;
}

function permissionsText(role: RoleReport | undefined): string {
  if (!role) return '';
  if (!role.inTemplates) return 'unknown (role not in the templates)';
  const parts = [...role.managedPolicies];
  if (role.statements.length > 0) parts.push(`${role.statements.length} inline statement${role.statements.length === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function roleSection(role: RoleReport): string[] {
  const where = role.inTemplates ? ` (${code(`${role.stackName}/${role.logicalId}`)})` : ' (not in the templates: permissions unknown)';
  const out = [`- **${code(role.name)}**${where}`];
  if (role.managedPolicies.length > 0) out.push(`  - managed policies: ${role.managedPolicies.map(code).join(', ')}`);
  for (const s of role.statements) out.push(`  - ${s.source === 'inline' ? '' : `${code(s.source)}: `}${s.summary}`);
  if (role.inTemplates && role.managedPolicies.length === 0 && role.statements.length === 0) out.push('  - no permissions');
  return out;
}

function clusterSection(cluster: ClusterReport): string[] {
  const out: string[] = [`## Cluster ${code(cluster.name)}${cluster.inTemplates ? ` (stack ${code(cluster.stackName!)})` : ' (made elsewhere)'}`, ''];
  if (cluster.inTemplates) {
    out.push(`Defined in stack ${code(cluster.stackName!)} as ${code(cluster.logicalId!)}; authentication mode ${code(cluster.authenticationMode ?? 'CONFIG_MAP (CloudFormation default)')}.`);
  } else if (cluster.id.startsWith('oidc:')) {
    out.push('Not defined in these templates: known only by the OIDC issuer that IRSA trust statements name.');
  } else {
    out.push('Not defined in these templates: known only by the cluster name its resources use.');
  }
  out.push('', '```mermaid', renderMermaid([cluster]).trimEnd(), '```', '');

  out.push('### Service accounts and roles', '');
  if (cluster.serviceAccounts.length === 0) {
    out.push('No service account can assume a role.');
  } else {
    out.push(...table(['Service account', 'Mode', 'Role', 'Trust scope', 'Permissions', 'Notes'], cluster.serviceAccounts.map((b) => {
      const role = cluster.roles.find((r) => r.id === b.roleId);
      const target = b.targetRoleId === undefined ? undefined : cluster.roles.find((r) => r.id === b.targetRoleId);
      return [
        code(serviceAccountLabel(b)),
        modeName(b.mode),
        code(b.roleName) + (target ? ` → ${code(target.name)}` : ''),
        b.scopeDescription,
        permissionsText(target ?? role),
        b.notes.join('; '),
      ];
    })));
  }
  if (cluster.serviceAccountsWithoutRole.length > 0) {
    out.push('', `Service accounts without a role: ${cluster.serviceAccountsWithoutRole.map(code).join(', ')}.`);
  }
  if (cluster.roles.length > 0) {
    out.push('', '### Role permissions', '');
    for (const role of cluster.roles) out.push(...roleSection(role));
  }

  out.push('', '### Access entries', '');
  if (cluster.accessEntries.length === 0) {
    out.push('No access entries in the templates.');
  } else {
    out.push(...table(['Principal', 'Type', 'Username', 'Kubernetes groups', 'Access policies'], cluster.accessEntries.map((e) => [
      `${e.principalName}${e.principalName.endsWith(e.principalArn) ? '' : ` (${code(e.principalArn)})`}`,
      e.type,
      e.username !== undefined ? code(e.username) : '',
      e.kubernetesGroups.map(code).join(', '),
      e.accessPolicies.map(accessPolicyText).join(', '),
    ])));
    const bindings = cluster.accessEntries.flatMap((e) => e.groupBindings);
    const unbound = [...new Set(cluster.accessEntries.flatMap((e) => e.kubernetesGroups))].filter((g) => !bindings.some((b) => b.group === g));
    if (bindings.length > 0 || unbound.length > 0) out.push('');
    const shown = new Set<string>();
    for (const b of bindings) {
      const text = `- group ${code(b.group)}: ${b.binding} → ${b.roleRef}${b.rules.length > 0 ? `: ${b.rules.join('; ')}` : ''}`;
      if (!shown.has(text)) out.push(text);
      shown.add(text);
    }
    for (const g of unbound) out.push(`- group ${code(g)}: no RBAC binding in the Kubernetes objects`);
  }

  out.push('', '### Findings', '');
  out.push(...(cluster.findings.length === 0 ? ['No findings.'] : cluster.findings.map(findingLine)));
  out.push('');
  return out;
}

/** The report as Markdown. */
export function renderMarkdown(document: IdentityReportDocument): string {
  const all = [...document.clusters.flatMap((c) => c.findings), ...document.otherFindings];
  const errors = all.filter((f) => f.level === CheckLevel.ERROR).length;
  const out = [
    '# EKS identity report',
    '',
    `Stacks: ${document.stackNames.map(code).join(', ') || 'none'}. Clusters: ${document.clusters.length}. `
      + `Findings: ${errors} error(s), ${all.length - errors} warning(s).`,
    '',
  ];
  for (const cluster of document.clusters) out.push(...clusterSection(cluster));
  if (document.otherFindings.length > 0) out.push('## Other findings', '', ...document.otherFindings.map(findingLine), '');
  return out.join('\n');
}
