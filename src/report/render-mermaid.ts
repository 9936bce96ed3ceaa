import { shortList } from './permissions';
import { accessPolicyText, creatorAdminEntryOf, modeName } from './render-words';
import {
  count, NamespaceSummary, namespaceSummaries, permissionGroups, permissionsKey, rolesById, scopeKind, thousands,
} from './report-summary';
import { AccessEntryReport, ClusterReport, RoleReport, ServiceAccountBinding } from './report-types';
import { AccessScopeType } from '../core/access-policy';
import { TrustScope } from '../core/trust/trust-scope';

/*
 * The report as a Mermaid flowchart:
 * IAM principals → cluster → namespaces → service accounts → roles → AWS permissions.
 *
 * A cluster with more service account bindings (or access entries) than `summarizeAbove` is drawn
 * aggregated, so that its diagram stays within what Mermaid renders by default (at most 500 edges
 * and 50,000 characters): one node per namespace with its count of service accounts, one node per
 * kind of trust in it ("1,200 IAM roles"), one node per set of permissions those roles share, and
 * principals grouped by the access they get. Namespaces beyond the edge and text budget are drawn
 * as one node ("N other namespaces").
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
/** An aggregated cluster draws namespaces one by one while the diagram has fewer edges than this ... */
const NAMESPACE_EDGE_BUDGET = 200;
/** ... and fewer characters than this; the rest are one node. */
const NAMESPACE_TEXT_BUDGET = 20000;
/** Permission nodes drawn at most for one group of roles; more are one node "N permission sets". */
const MAX_PERMISSION_NODES = 3;
/** Groups of principals drawn at most for an aggregated cluster; the rest are one node. */
const MAX_PRINCIPAL_GROUPS = 20;
/** Names given as examples in an aggregated node. */
const MAX_EXAMPLES = 3;

/** A role's statements in a diagram: up to two summaries, else their count and services. */
function statementLines(role: RoleReport): string[] {
  if (role.statements.length === 0) return [];
  if (role.statements.length <= 2) {
    return role.statements.map((s) => s.summary.length <= MAX_DIAGRAM_LINE ? s.summary : `${s.summary.slice(0, MAX_DIAGRAM_LINE - 3)}...`);
  }
  const services = [...new Set(role.statements.flatMap((s) => s.actions.map((a) => a.split(':')[0])))];
  return [`${role.statements.length} inline statements: ${shortList(services, 5)}`];
}

/** What a role may do, as the lines of its permissions node (none when it may do nothing). */
function permissionNodeLines(role: RoleReport): string[] {
  return [...role.managedPolicies, ...statementLines(role)];
}

/** Nodes and edges, each declared once, with ids made from a prefix and a counter. */
class Flowchart {
  private readonly nodes: string[] = [];
  private readonly edges: string[] = [];
  private readonly edgeSet = new Set<string>();
  private readonly ids = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly comments: string[] = [];
  private size = 0;

  /** The id of the node with a key; declared on first use. */
  public node(key: string, prefix: string, declaration: (id: string) => string): string {
    const existing = this.ids.get(key);
    if (existing) return existing;
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    const id = `${prefix}${n}`;
    this.ids.set(key, id);
    this.add(this.nodes, `  ${declaration(id)}`);
    return id;
  }

  /** The id of the node with a key, if declared. */
  public existing(key: string): string | undefined {
    return this.ids.get(key);
  }

  public edge(from: string, to: string, text?: string, dashed = false): void {
    const arrow = dashed ? '-.->' : '-->';
    const line = text === undefined ? `  ${from} ${arrow} ${to}` : `  ${from} ${arrow}|${text}| ${to}`;
    if (this.edgeSet.has(line)) return;
    this.edgeSet.add(line);
    this.add(this.edges, line);
  }

  /** A `%%` comment line (Mermaid ignores it), e.g. to say what was aggregated. */
  public comment(text: string): void {
    this.add(this.comments, `%% ${text.replace(/\n/g, ' ')}`);
  }

  public get edgeCount(): number {
    return this.edges.length;
  }

  /** Characters written so far. */
  public get textSize(): number {
    return this.size;
  }

  public render(): string {
    return ['flowchart LR', ...this.comments, ...this.nodes, ...this.edges].join('\n') + '\n';
  }

  private add(list: string[], line: string): void {
    list.push(line);
    this.size += line.length + 1;
  }
}

/** One cluster's part of the flowchart. */
class ClusterDrawing {
  private readonly roles: Map<string, RoleReport>;
  private readonly clusterNode: string;

  constructor(private readonly chart: Flowchart, private readonly cluster: ClusterReport) {
    this.roles = rolesById(cluster);
    this.clusterNode = chart.node(`cluster|${cluster.id}`, 'c',
      (i) => `${i}{{${lines(`EKS cluster ${cluster.name}`, cluster.inTemplates ? `stack ${cluster.stackName}` : 'made elsewhere')}}}`);
  }

  // -- access entries ---------------------------------------------------------------------------

  /** The principal that creates the cluster, when EKS gives it an access entry no template shows: a dashed edge. */
  public creatorAdmin(): void {
    const creator = creatorAdminEntryOf(this.cluster);
    if (!creator) return;
    const node = this.chart.node(`creator|${this.cluster.id}`, 'p', (i) => `${i}[${lines(creator.principal, creator.note)}]`);
    this.chart.edge(node, this.clusterNode, lines(`${creator.policyName} (cluster)`), true);
  }

  /** Edge labels of an access entry: namespaced policies per namespace, the rest towards the cluster. */
  private accessParts(entry: AccessEntryReport): { namespaced: AccessEntryReport['accessPolicies']; toCluster: string[] } {
    const namespaced = entry.accessPolicies.filter((a) => a.scope === AccessScopeType.NAMESPACE);
    const parts = [
      ...entry.accessPolicies.filter((a) => a.scope !== AccessScopeType.NAMESPACE).map(accessPolicyText),
      ...(entry.kubernetesGroups.length > 0 ? [`groups: ${entry.kubernetesGroups.join(', ')}`] : []),
      ...(entry.username !== undefined ? [`username: ${entry.username}`] : []),
      ...(entry.type !== 'STANDARD' ? [`type ${entry.type}`] : []),
    ];
    return { namespaced, toCluster: parts.length > 0 || namespaced.length === 0 ? (parts.length > 0 ? parts : ['access entry']) : [] };
  }

  public accessEntries(): void {
    for (const entry of this.cluster.accessEntries) {
      // A literal ARN is the same principal in every stack; a deploy-time one is a stack's own.
      const principalKey = entry.principalArn ?? `${entry.stackName}|${entry.principal}`;
      const p = this.chart.node(`principal|${principalKey}`, 'p', (i) => `${i}[${lines(`IAM ${entry.principalName}`)}]`);
      const { namespaced, toCluster } = this.accessParts(entry);
      for (const policy of namespaced) {
        for (const namespace of policy.namespaces) {
          const ns = this.namespaceNode(namespace);
          this.chart.edge(this.clusterNode, ns);
          this.chart.edge(p, ns, lines(policy.policyName));
        }
      }
      if (toCluster.length > 0) this.chart.edge(p, this.clusterNode, lines(...toCluster));
    }
  }

  /** Principals grouped by the access they get, one node per group (the smallest groups as one node). */
  public aggregatedAccessEntries(): void {
    const groups = new Map<string, { text: string[]; principals: string[] }>();
    for (const entry of this.cluster.accessEntries) {
      const { namespaced, toCluster } = this.accessParts(entry);
      const text = [...namespaced.map(accessPolicyText), ...toCluster];
      const key = text.join('\n');
      const group = groups.get(key);
      if (group) group.principals.push(entry.principalName);
      else groups.set(key, { text, principals: [entry.principalName] });
    }
    const sorted = [...groups.values()].sort((a, b) => b.principals.length - a.principals.length);
    const drawn = sorted.length <= MAX_PRINCIPAL_GROUPS ? sorted : sorted.slice(0, MAX_PRINCIPAL_GROUPS - 1);
    drawn.forEach((g, index) => {
      const p = this.chart.node(`principals|${this.cluster.id}|${index}`, 'p',
        (i) => `${i}[${lines(`${count(g.principals.length, 'IAM principal')}`, shortList(g.principals, MAX_EXAMPLES))}]`);
      this.chart.edge(p, this.clusterNode, lines(...g.text));
    });
    const rest = sorted.slice(drawn.length);
    if (rest.length > 0) {
      const principals = rest.reduce((n, g) => n + g.principals.length, 0);
      const p = this.chart.node(`principals|${this.cluster.id}|rest`, 'p',
        (i) => `${i}[${lines(count(principals, 'other IAM principal'), `with ${count(rest.length, 'other kind')} of access`)}]`);
      this.chart.edge(p, this.clusterNode, lines('access entries'));
    }
    this.chart.comment(`cluster ${this.cluster.name}: ${count(this.cluster.accessEntries.length, 'access entry', 'access entries')} drawn as ${count(sorted.length, 'group')} of principals with the same access`);
  }

  // -- service accounts -------------------------------------------------------------------------

  private namespaceNode(namespace: string, text = `namespace ${namespace}`): string {
    return this.chart.node(`ns|${this.cluster.id}|${namespace}`, 'ns', (i) => `${i}[${lines(text)}]`);
  }

  private roleNode(roleId: string): string {
    const role = this.roles.get(roleId);
    const key = `role|${roleId}`;
    const known = this.chart.existing(key);
    if (known) return known;
    const id = this.chart.node(key, 'r', (i) => `${i}[${lines(`IAM role ${role?.name ?? roleId}`, ...(role && !role.inTemplates ? ['(not in the templates)'] : []))}]`);
    if (role && (role.managedPolicies.length > 0 || role.statements.length > 0)) {
      // One node per set of permissions: roles that may do the same share it.
      const permissions = this.chart.node(`perm|${permissionsKey(role)}`, 'perm', (i) => `${i}[${lines(...permissionNodeLines(role))}]`);
      this.chart.edge(id, permissions);
    }
    return id;
  }

  public serviceAccounts(): void {
    const c = this.clusterNode;
    for (const b of this.cluster.serviceAccounts) {
      let parent = c;
      let saText: string;
      if (b.scope === TrustScope.ANY_SERVICE_ACCOUNT) {
        saText = 'any service account';
      } else if (b.namespace === '' && b.addonName !== undefined) {
        parent = this.namespaceNode(`addon:${b.addonName}`, `namespace of add-on ${b.addonName}`);
        this.chart.edge(c, parent);
        saText = `SA ${b.serviceAccount}`;
      } else if (b.scope === TrustScope.ANY_NAMESPACE) {
        saText = `SA pattern ${b.subject ?? `${b.namespace}/${b.serviceAccount}`}`;
      } else {
        parent = this.namespaceNode(b.namespace);
        this.chart.edge(c, parent);
        saText = b.scope === TrustScope.NAMESPACE_WILDCARD ? `any SA in ${b.namespace}`
          : b.scope === TrustScope.NAME_PATTERN ? `SA pattern ${b.serviceAccount}` : `SA ${b.serviceAccount}`;
      }
      const sa = this.chart.node(`sa|${this.cluster.id}|${b.namespace}|${b.serviceAccount}|${b.addonName ?? ''}`, 'sa', (i) => `${i}[${lines(saText)}]`);
      this.chart.edge(parent, sa);
      const role = this.roleNode(b.roleId);
      this.chart.edge(sa, role, lines(`${modeName(b.mode)}: ${b.scopeDescription}`), b.scope === TrustScope.NOT_TRUSTED);
      if (b.targetRoleId !== undefined) this.chart.edge(role, this.roleNode(b.targetRoleId), lines('TargetRoleArn'));
    }
  }

  /**
   * Namespaces (largest first) with their counts, one roles node per kind of trust in each, while
   * the diagram is within budget; the remaining namespaces as one node.
   */
  public aggregatedServiceAccounts(): void {
    const namespaces = namespaceSummaries(this.cluster.serviceAccounts);
    let drawn = 0;
    for (const summary of namespaces) {
      if (this.chart.edgeCount >= NAMESPACE_EDGE_BUDGET || this.chart.textSize >= NAMESPACE_TEXT_BUDGET) break;
      const text = summary.namespace.startsWith('(') ? summary.namespace.slice(1, -1) : `namespace ${summary.namespace}`;
      this.trustGroups(summary.namespace, lines(text, count(summary.bindings.length, 'service account')), summary.bindings, MAX_PERMISSION_NODES);
      drawn++;
    }
    const rest: NamespaceSummary[] = namespaces.slice(drawn);
    if (rest.length > 0) {
      const bindings = rest.flatMap((n) => n.bindings);
      this.trustGroups('(other namespaces)', lines(count(rest.length, 'other namespace'), count(bindings.length, 'service account')), bindings, 1);
    }
    this.chart.comment(`cluster ${this.cluster.name}: ${count(this.cluster.serviceAccounts.length, 'service account binding')} in `
      + `${count(namespaces.length, 'namespace group')}, drawn by namespace and kind of trust with counts`
      + `${rest.length > 0 ? ` (the ${thousands(namespaces.length - drawn)} smallest namespace groups as one node)` : ''}`);
  }

  /** A namespace node and, per kind of trust of its bindings, a node of their roles and of what those may do. */
  private trustGroups(group: string, nodeLabel: string, bindings: ServiceAccountBinding[], maxPermissionNodes: number): void {
    const ns = this.chart.node(`nsgroup|${this.cluster.id}|${group}`, 'ns', (i) => `${i}[${nodeLabel}]`);
    this.chart.edge(this.clusterNode, ns);
    const byKind = new Map<string, ServiceAccountBinding[]>();
    for (const b of bindings) {
      const kind = scopeKind(b);
      const list = byKind.get(kind);
      if (list) list.push(b);
      else byKind.set(kind, [b]);
    }
    for (const [kind, list] of byKind) {
      const roleIds = [...new Set(list.map((b) => b.roleId))];
      const roles = roleIds.map((id) => this.roles.get(id) ?? { id, name: id, inTemplates: false, managedPolicies: [], statements: [] });
      const rolesNode = this.chart.node(`roles|${this.cluster.id}|${group}|${kind}`, 'r', (i) => `${i}[${roles.length === 1
        ? lines(`IAM role ${roles[0].name}`)
        : lines(count(roles.length, 'IAM role'), shortList(roles.map((r) => r.name), MAX_EXAMPLES))}]`);
      this.chart.edge(ns, rolesNode, lines(kind, count(list.length, 'service account')), list[0].scope === TrustScope.NOT_TRUSTED);
      const groups = permissionGroups(roles).filter((g) => permissionNodeLines(g.roles[0]).length > 0);
      if (groups.length > maxPermissionNodes) {
        const node = this.chart.node(`permsets|${this.cluster.id}|${group}|${kind}`, 'perm', (i) => `${i}[${lines(count(groups.length, 'different permission set'))}]`);
        this.chart.edge(rolesNode, node);
      } else {
        for (const g of groups) {
          const permissionLines = permissionNodeLines(g.roles[0]);
          const node = this.chart.node(`permset|${this.cluster.id}|${permissionsKey(g.roles[0])}`, 'perm', (i) => `${i}[${lines(...permissionLines)}]`);
          this.chart.edge(rolesNode, node, roles.length > 1 && groups.length > 1 ? lines(count(g.roles.length, 'role')) : undefined);
        }
      }
      const targets = new Set(list.flatMap((b) => b.targetRoleId !== undefined ? [b.targetRoleId] : []));
      if (targets.size > 0) {
        const node = this.chart.node(`targets|${this.cluster.id}|${group}|${kind}`, 'r', (i) => `${i}[${lines(count(targets.size, 'target role'))}]`);
        this.chart.edge(rolesNode, node, lines('TargetRoleArn'));
      }
    }
  }
}

/**
 * The Mermaid flowchart of clusters. A cluster with more service account bindings (or access
 * entries) than `summarizeAbove` is drawn aggregated by namespace and kind of trust, with counts.
 */
export function renderMermaid(clusters: ClusterReport[], summarizeAbove: number): string {
  const chart = new Flowchart();
  for (const cluster of clusters) {
    const drawing = new ClusterDrawing(chart, cluster);
    drawing.creatorAdmin();
    if (cluster.accessEntries.length > summarizeAbove) drawing.aggregatedAccessEntries();
    else drawing.accessEntries();
    if (cluster.serviceAccounts.length > summarizeAbove) drawing.aggregatedServiceAccounts();
    else drawing.serviceAccounts();
  }
  return chart.render();
}
