import { shortList } from './permissions';
import { renderMermaid } from './render-mermaid';
import { accessPolicyText, creatorAdminEntryOf, modeName, serviceAccountLabel } from './render-words';
import {
  count, isExactlyScoped, isSummarized, managedPolicyLines, namespaceSummaries, permissionGroups, rolesById, statementLines, statementsKey, thousands,
} from './report-summary';
import {
  AccessEntryReport, ClusterReport, CreatorAdmin, IdentityReportDocument, RoleReport, ServiceAccountBinding,
} from './report-types';
import { CheckFinding, CheckLevel } from '../checks/check-types';
import { CREATOR_ADMIN_OFF } from '../core/access-entry-rules';
import { IdentityMode } from '../core/identity-mode';

/*
 * The report as Markdown, with a Mermaid diagram per cluster. A list longer than `summarizeAbove`
 * (service accounts, roles, access entries, findings of a cluster) is summarized: counted by
 * namespace, trust scope, permissions or rule, with the rows that need a look listed up to
 * `MAX_ROWS`. The JSON report always lists everything.
 */

/** Rows listed at most in one table or list of a summarized section. */
const MAX_ROWS = 100;
/** Findings listed at most per rule in a summarized findings section. */
const MAX_FINDINGS_PER_RULE = 5;
/** Role names named at most as examples of a permission group. */
const MAX_EXAMPLES = 3;
/** Where the complete lists are. */
const JSON_POINTER = 'the JSON report (`report --format json`, or `identity-report.json` from `writeFiles`)';

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

/** A cluster for reading: its name, and its stack when it is in the templates. */
function clusterLabel(cluster: ClusterReport): string {
  return `cluster ${code(cluster.name)}${cluster.inTemplates ? ` (stack ${code(cluster.stackName!)})` : ''}`;
}

/** Where statements were listed: the role they were listed under, in its cluster. */
interface ListedUnder {
  readonly role: RoleReport;
  readonly cluster: ClusterReport;
}

/**
 * The statements listed so far in a document. Each set of statements (`statementsKey`) is listed
 * once, at the first role that has it; a later role with the same statements, in any cluster,
 * refers back to it ("same 19 statements as role X (above)"). A role that shares at least half of
 * its statements (and two or more) with a role listed before lists only the others. Lookups are
 * by statement, so a document costs time linear in its statements.
 */
class ListedStatements {
  private readonly sets = new Map<string, ListedUnder>();
  /** Where each statement (by its JSON) was first listed. */
  private readonly statements = new Map<string, ListedUnder>();

  /** The lines for a role's statements (`lines`, one per statement), or a reference to where they were listed. */
  public lines(role: RoleReport, cluster: ClusterReport, lines: string[]): string[] {
    if (role.statements.length === 0) return [];
    const key = statementsKey(role);
    const total = count(role.statements.length, 'statement');
    const same = this.sets.get(key);
    if (same) {
      return [same.role.id === role.id ? `its ${total} are listed ${listedWhere(same, cluster)}` : `same ${total} as role ${code(same.role.name)} (${listedWhere(same, cluster)})`];
    }
    const here: ListedUnder = { role, cluster };
    this.sets.set(key, here);
    const keys = role.statements.map((statement) => JSON.stringify(statement));
    const shared = this.mostShared(keys);
    keys.forEach((k) => { if (!this.statements.has(k)) this.statements.set(k, here); });
    if (!shared || shared.count < 2 || shared.count * 2 < keys.length) return lines;
    const others = lines.filter((_line, i) => this.statements.get(keys[i]) !== shared.under);
    return [
      `${thousands(shared.count)} of its ${total} are the same as role ${code(shared.under.role.name)}'s (${listedWhere(shared.under, cluster)}); the other ${thousands(others.length)}:`,
      ...others,
    ];
  }

  /** The role listed before whose statements a role shares most of, and how many. */
  private mostShared(keys: string[]): { under: ListedUnder; count: number } | undefined {
    const counts = new Map<ListedUnder, number>();
    for (const k of keys) {
      const under = this.statements.get(k);
      if (under) counts.set(under, (counts.get(under) ?? 0) + 1);
    }
    let best: { under: ListedUnder; count: number } | undefined;
    for (const [under, n] of counts) if (!best || n > best.count) best = { under, count: n };
    return best;
  }
}

/** Where statements were listed, seen from a cluster's section: `above`, or `under cluster X (stack S)`. */
function listedWhere(listed: ListedUnder, cluster: ClusterReport): string {
  return listed.cluster === cluster ? 'above' : `under ${clusterLabel(listed.cluster)}`;
}

function roleSection(role: RoleReport, cluster: ClusterReport, listed: ListedStatements): string[] {
  const where = role.inTemplates ? ` (${code(`${role.stackName}/${role.logicalId}`)})` : ' (not in the templates: permissions unknown)';
  const out = [`- **${code(role.name)}**${where}`];
  if (role.managedPolicies.length > 0) out.push(`  - managed policies: ${role.managedPolicies.map(code).join(', ')}`);
  const statements = role.statements.map((s) => `${s.source === 'inline' ? '' : `${code(s.source)}: `}${s.summary}`);
  out.push(...listed.lines(role, cluster, statements).map((line) => `  - ${line}`));
  if (role.inTemplates && role.managedPolicies.length === 0 && role.statements.length === 0) out.push('  - no permissions');
  return out;
}

/** Notes longer than this are cut in a summarized section (e.g. a pattern that matches thousands of service accounts). */
const MAX_NOTES = 300;

function serviceAccountRows(cluster: ClusterReport, bindings: ServiceAccountBinding[], summarized = false): string[] {
  const roles = rolesById(cluster);
  const notes = (b: ServiceAccountBinding) => {
    const text = b.notes.join('; ');
    return summarized && text.length > MAX_NOTES ? `${text.slice(0, MAX_NOTES)}… (cut; every note is in the JSON report)` : text;
  };
  return table(['Service account', 'Mode', 'Role', 'Trust scope', 'Permissions', 'Notes'], bindings.map((b) => {
    const role = roles.get(b.roleId);
    const target = b.targetRoleId === undefined ? undefined : roles.get(b.targetRoleId);
    return [
      code(serviceAccountLabel(b)),
      modeName(b.mode),
      code(b.roleName) + (target ? ` → ${code(target.name)}` : ''),
      b.scopeDescription,
      permissionsText(target ?? role),
      notes(b),
    ];
  }));
}

/** `… and N more …: see the JSON report.` when `shown` of `total` were listed. */
function more(shown: number, total: number, what: string): string[] {
  return total > shown ? ['', `… and ${count(total - shown, what)} more: see ${JSON_POINTER}.`] : [];
}

function summarizedServiceAccounts(cluster: ClusterReport): string[] {
  const bindings = cluster.serviceAccounts;
  const namespaces = namespaceSummaries(bindings);
  const out: string[] = ['### Service accounts by namespace', ''];
  out.push(...table(['Namespace', 'Service accounts', 'IRSA', 'Pod Identity', 'Trust scopes'], namespaces.slice(0, MAX_ROWS).map((n) => [
    code(n.namespace),
    thousands(n.bindings.length),
    thousands(n.irsa),
    thousands(n.podIdentity),
    [...n.scopes].map(([scope, k]) => `${scope} (${thousands(k)})`).join('; '),
  ])));
  out.push(...more(MAX_ROWS, namespaces.length, 'namespace'));
  const loose = bindings.filter((b) => !isExactlyScoped(b));
  out.push('', '### Service accounts whose trust is not exact', '');
  if (loose.length === 0) {
    out.push('None: every role is held to exactly its service account (IRSA: one subject and the STS audience; '
      + 'pod identity: cluster, namespace and service account session tags).');
  } else {
    out.push(`${count(loose.length, 'binding')} of ${thousands(bindings.length)} (patterns, unscoped or partly scoped trusts, `
      + 'disabled session tags, trusts that do not let the service account in, roles outside the templates):', '');
    out.push(...serviceAccountRows(cluster, loose.slice(0, MAX_ROWS), true));
    out.push(...more(MAX_ROWS, loose.length, 'binding'));
  }
  return out;
}

function summarizedRoles(cluster: ClusterReport, listed: ListedStatements): string[] {
  const groups = permissionGroups(cluster.roles);
  const out: string[] = [`${count(cluster.roles.length, 'role')} in ${count(groups.length, 'group')} with the same permissions:`, ''];
  for (const group of groups.slice(0, MAX_ROWS)) {
    const examples = shortList(group.roles.map((r) => code(r.name)), MAX_EXAMPLES);
    const role = group.roles[0];
    const lines = role.inTemplates
      ? [...managedPolicyLines(role), ...listed.lines(role, cluster, statementLines(role))]
      : group.lines;
    out.push(`- **${count(group.roles.length, 'role')}** (${examples})`);
    out.push(...(lines.length > 0 ? lines.map((line) => `  - ${line}`) : ['  - no permissions']));
  }
  out.push(...more(MAX_ROWS, groups.length, 'group'));
  return out;
}

function accessEntryColumns(e: AccessEntryReport): string[] {
  return [
    e.type,
    e.username !== undefined ? code(e.username) : '',
    e.kubernetesGroups.map(code).join(', '),
    e.accessPolicies.map(accessPolicyText).join(', '),
  ];
}

/** The principal of an access entry: its name with its literal ARN, or what its ARN refers to (`role testuser (App/TestUser/Resource)`). */
function principalText(e: AccessEntryReport): string {
  return e.principal.startsWith(e.principalName) ? e.principal : `${e.principalName} (${code(e.principal)})`;
}

/** The row of the access entry EKS makes for the principal that creates the cluster (none when it makes none). */
function creatorAdminRows(cluster: ClusterReport): string[][] {
  const creator = creatorAdminEntryOf(cluster);
  return creator ? [[`${creator.principal} — ${creator.note}`, 'STANDARD', '', '', `${creator.policyName} (cluster)`]] : [];
}

function accessEntryRows(cluster: ClusterReport, summarizeAbove: number): string[] {
  const header = ['Principal', 'Type', 'Username', 'Kubernetes groups', 'Access policies'];
  if (cluster.accessEntries.length <= summarizeAbove) {
    return table(header, [...creatorAdminRows(cluster), ...cluster.accessEntries.map((e) => [principalText(e), ...accessEntryColumns(e)])]);
  }
  const groups = new Map<string, { columns: string[]; principals: string[] }>();
  for (const e of cluster.accessEntries) {
    const columns = accessEntryColumns(e);
    const key = columns.join('\u0000');
    const group = groups.get(key);
    if (group) group.principals.push(e.principalName);
    else groups.set(key, { columns, principals: [e.principalName] });
  }
  const rows = [...groups.values()].sort((a, b) => b.principals.length - a.principals.length);
  return [
    `${count(cluster.accessEntries.length, 'access entry', 'access entries')}, grouped by what they grant:`,
    '',
    ...table(['Principals', ...header.slice(1)], [...creatorAdminRows(cluster), ...rows.slice(0, MAX_ROWS).map((g) => [
      `${count(g.principals.length, 'principal')}: ${shortList(g.principals, MAX_EXAMPLES)}`,
      ...g.columns,
    ])]),
    ...more(MAX_ROWS, rows.length, 'group'),
  ];
}

function findingLines(findings: CheckFinding[], summarizeAbove: number): string[] {
  if (findings.length === 0) return ['No findings.'];
  if (findings.length <= summarizeAbove) return findings.map(findingLine);
  const byRule = new Map<string, CheckFinding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const errors = findings.filter((f) => f.level === CheckLevel.ERROR).length;
  const out = [`${count(findings.length, 'finding')} (${count(errors, 'error')}, ${count(findings.length - errors, 'warning')}) from ${count(byRule.size, 'rule')}; `
    + `up to ${MAX_FINDINGS_PER_RULE} per rule here, every one in ${JSON_POINTER}:`, ''];
  for (const [ruleId, list] of byRule) {
    out.push(`- ${code(ruleId)}: ${count(list.length, 'finding')}`);
    out.push(...list.slice(0, MAX_FINDINGS_PER_RULE).map((f) => `  ${findingLine(f)}`));
    if (list.length > MAX_FINDINGS_PER_RULE) out.push(`  - … and ${thousands(list.length - MAX_FINDINGS_PER_RULE)} more`);
  }
  return out;
}

/** One line that says how many service accounts can assume how many roles, by mode. */
function bindingCounts(cluster: ClusterReport): string {
  const irsa = cluster.serviceAccounts.filter((b) => b.mode === IdentityMode.IRSA).length;
  return `${count(cluster.serviceAccounts.length, 'service account binding')} to ${count(cluster.roles.length, 'role')} `
    + `(${thousands(irsa)} IRSA, ${thousands(cluster.serviceAccounts.length - irsa)} Pod Identity)`;
}

function clusterSection(cluster: ClusterReport, summarizeAbove: number, listed: ListedStatements): string[] {
  const summarized = isSummarized(cluster, summarizeAbove);
  const out: string[] = [`## Cluster ${code(cluster.name)}${cluster.inTemplates ? ` (stack ${code(cluster.stackName!)})` : ' (made elsewhere)'}`, ''];
  if (cluster.inTemplates) {
    out.push(`Defined in stack ${code(cluster.stackName!)} as ${code(cluster.logicalId!)}; authentication mode ${code(cluster.authenticationMode ?? 'CONFIG_MAP (CloudFormation default)')}.`
      + (cluster.creatorAdmin === CreatorAdmin.NOT_GRANTED ? ` ${CREATOR_ADMIN_OFF}` : ''));
  } else if (cluster.id.startsWith('oidc:')) {
    out.push('Not defined in these templates: known only by the OIDC issuer that IRSA trust statements name.');
  } else {
    out.push('Not defined in these templates: known only by the cluster name its resources use.');
  }
  if (summarized) {
    out.push('', `${bindingCounts(cluster)}: more than ${thousands(summarizeAbove)}, so this section and its diagram count them `
      + `by namespace and trust scope, and list one by one only the bindings whose trust is not exact; ${JSON_POINTER} lists every one.`);
  }
  out.push('', '```mermaid', renderMermaid([cluster], summarizeAbove).trimEnd(), '```', '');

  if (summarized) {
    out.push(...summarizedServiceAccounts(cluster));
  } else {
    out.push('### Service accounts and roles', '');
    if (cluster.serviceAccounts.length === 0) {
      out.push('No service account can assume a role.');
    } else {
      out.push(...serviceAccountRows(cluster, cluster.serviceAccounts));
    }
  }
  const withoutRole = cluster.serviceAccountsWithoutRole;
  if (withoutRole.length > summarizeAbove) {
    out.push('', `Service accounts without a role (${thousands(withoutRole.length)}): ${shortList(withoutRole.map(code), MAX_ROWS)}.`);
  } else if (withoutRole.length > 0) {
    out.push('', `Service accounts without a role: ${withoutRole.map(code).join(', ')}.`);
  }
  if (cluster.roles.length > 0) {
    out.push('', '### Role permissions', '');
    if (cluster.roles.length > summarizeAbove) out.push(...summarizedRoles(cluster, listed));
    else for (const role of cluster.roles) out.push(...roleSection(role, cluster, listed));
  }

  out.push('', '### Access entries', '');
  if (cluster.accessEntries.length === 0 && creatorAdminEntryOf(cluster) === undefined) {
    out.push('No access entries in the templates.');
  } else {
    out.push(...accessEntryRows(cluster, summarizeAbove));
    const bindings = cluster.accessEntries.flatMap((e) => e.groupBindings);
    const bound = new Set(bindings.map((b) => b.group));
    const unbound = [...new Set(cluster.accessEntries.flatMap((e) => e.kubernetesGroups))].filter((g) => !bound.has(g));
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
  out.push(...findingLines(cluster.findings, summarizeAbove));
  out.push('');
  return out;
}

function stackList(names: string[], summarizeAbove: number): string {
  if (names.length === 0) return 'none';
  return names.length > summarizeAbove ? `${thousands(names.length)} (${shortList(names.map(code), MAX_EXAMPLES)})` : names.map(code).join(', ');
}

/** Whether any list of a cluster is long enough to be summarized. */
function hasSummary(cluster: ClusterReport, summarizeAbove: number): boolean {
  return [cluster.serviceAccounts, cluster.roles, cluster.accessEntries, cluster.findings, cluster.serviceAccountsWithoutRole]
    .some((list) => list.length > summarizeAbove);
}

/** One row per cluster: what it holds, in numbers. */
function summaryTable(document: IdentityReportDocument): string[] {
  return ['## Summary', '', ...table(['Cluster', 'Service account bindings', 'IRSA', 'Pod Identity', 'Not exact', 'Roles', 'Access entries', 'Errors', 'Warnings'],
    document.clusters.map((c) => {
      const irsa = c.serviceAccounts.filter((b) => b.mode === IdentityMode.IRSA).length;
      const errors = c.findings.filter((f) => f.level === CheckLevel.ERROR).length;
      return [
        code(c.name),
        thousands(c.serviceAccounts.length),
        thousands(irsa),
        thousands(c.serviceAccounts.length - irsa),
        thousands(c.serviceAccounts.filter((b) => !isExactlyScoped(b)).length),
        thousands(c.roles.length),
        thousands(c.accessEntries.length),
        thousands(errors),
        thousands(c.findings.length - errors),
      ];
    })), ''];
}

/**
 * The report as Markdown. Lists of a cluster longer than `summarizeAbove` are summarized; a
 * report with such a list starts with a summary table of every cluster.
 */
export function renderMarkdown(document: IdentityReportDocument, summarizeAbove: number): string {
  const all = [...document.clusters.flatMap((c) => c.findings), ...document.otherFindings];
  const errors = all.filter((f) => f.level === CheckLevel.ERROR).length;
  const out = [
    '# EKS identity report',
    '',
    `Stacks: ${stackList(document.stackNames, summarizeAbove)}. Clusters: ${document.clusters.length}. `
      + `Findings: ${errors} error(s), ${all.length - errors} warning(s).`,
    '',
  ];
  if (document.clusters.some((c) => hasSummary(c, summarizeAbove))) out.push(...summaryTable(document));
  const listed = new ListedStatements();
  for (const cluster of document.clusters) out.push(...clusterSection(cluster, summarizeAbove, listed));
  if (document.otherFindings.length > 0) out.push('## Other findings', '', ...findingLines(document.otherFindings, summarizeAbove), '');
  return out.join('\n');
}
