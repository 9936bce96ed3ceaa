import { renderMermaid } from './render-mermaid';
import { accessPolicyText, modeName, serviceAccountLabel } from './render-words';
import { ClusterReport, IdentityReportDocument, RoleReport } from './report-types';
import { CheckFinding, CheckLevel } from '../checks/check-types';

/* The report as Markdown, with a Mermaid diagram per cluster. */

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
