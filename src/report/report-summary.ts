import { modeName } from './render-words';
import { ClusterReport, RoleReport, ServiceAccountBinding } from './report-types';
import { IdentityMode } from '../core/identity-mode';
import { TrustScope } from '../core/trust/trust-scope';

/*
 * The report of a large cluster in a few lines: service accounts counted by namespace, mode and
 * trust scope, roles grouped by what they may do, findings by rule. The Markdown and the Mermaid
 * renderings summarize a cluster this way when it has more service account bindings than
 * `summarizeAbove`; the JSON report always lists every one.
 */

/** Clusters with more service account bindings than this are summarized (see `IdentityReportOptions.summarizeAbove`). */
export const DEFAULT_SUMMARIZE_ABOVE = 50;

/** Whether a cluster is summarized in the Markdown and the diagram. */
export function isSummarized(cluster: ClusterReport, summarizeAbove: number): boolean {
  return cluster.serviceAccounts.length > summarizeAbove;
}

/** The roles of a cluster by id. */
export function rolesById(cluster: ClusterReport): Map<string, RoleReport> {
  return new Map(cluster.roles.map((r) => [r.id, r]));
}

/**
 * Whether a binding holds the role to exactly one service account: an IRSA trust on one exact
 * subject with the STS audience, or a pod identity trust on cluster, namespace and service
 * account tags. Everything else (patterns, unscoped or partly scoped trusts, disabled session
 * tags, trusts that do not let the service account in, roles outside the templates) is listed
 * row by row even in a summarized cluster.
 */
export function isExactlyScoped(b: ServiceAccountBinding): boolean {
  return b.mode === IdentityMode.IRSA
    ? b.scope === TrustScope.EXACT_SUBJECT && b.audienceRestricted === true
    : b.scope === TrustScope.SESSION_TAGS;
}

/** Where a binding's service accounts live, for grouping: a namespace, an add-on's, or across namespaces. */
export function namespaceGroup(b: ServiceAccountBinding): string {
  if (b.scope === TrustScope.ANY_SERVICE_ACCOUNT || b.scope === TrustScope.ANY_NAMESPACE) return '(any namespace)';
  if (b.namespace === '' && b.addonName !== undefined) return `(add-on ${b.addonName})`;
  return b.namespace;
}

/** The service account bindings of one namespace group, counted. */
export interface NamespaceSummary {
  readonly namespace: string;
  readonly bindings: ServiceAccountBinding[];
  readonly irsa: number;
  readonly podIdentity: number;
  /** Kind of trust (see `scopeKind`) → count, in first-seen order. */
  readonly scopes: Map<string, number>;
}

/** The bindings of a cluster by namespace group, the largest group first (then by name). */
export function namespaceSummaries(bindings: ServiceAccountBinding[]): NamespaceSummary[] {
  const groups = new Map<string, { bindings: ServiceAccountBinding[]; irsa: number; podIdentity: number; scopes: Map<string, number> }>();
  for (const b of bindings) {
    const key = namespaceGroup(b);
    let group = groups.get(key);
    if (!group) {
      group = { bindings: [], irsa: 0, podIdentity: 0, scopes: new Map() };
      groups.set(key, group);
    }
    group.bindings.push(b);
    if (b.mode === IdentityMode.IRSA) group.irsa++;
    else group.podIdentity++;
    const scope = scopeKind(b);
    group.scopes.set(scope, (group.scopes.get(scope) ?? 0) + 1);
  }
  return [...groups].map(([namespace, g]) => ({ namespace, ...g }))
    .sort((a, b) => b.bindings.length - a.bindings.length || a.namespace.localeCompare(b.namespace));
}

/** A trust scope in a few words, for groups of bindings. */
const SCOPE_WORDS: { readonly [scope in TrustScope]: string } = {
  [TrustScope.EXACT_SUBJECT]: 'exact subject',
  [TrustScope.NAME_PATTERN]: 'name pattern',
  [TrustScope.NAMESPACE_WILDCARD]: 'namespace wildcard',
  [TrustScope.ANY_NAMESPACE]: 'pattern across namespaces',
  [TrustScope.ANY_SERVICE_ACCOUNT]: 'unscoped: any service account',
  [TrustScope.SESSION_TAGS]: 'session tags: cluster+namespace+SA',
  [TrustScope.PARTIAL_SESSION_TAGS]: 'session tags: partly scoped',
  [TrustScope.ANY_ASSOCIATION]: 'unscoped: any association in the account',
  [TrustScope.SESSION_TAGS_DISABLED]: 'session tags disabled',
  [TrustScope.NOT_TRUSTED]: 'not trusted: pods get no credentials',
  [TrustScope.UNKNOWN]: 'trust unknown',
};

/**
 * The kind of trust of a binding, for groups of bindings: mode and scope (and, for IRSA, whether
 * the audience is restricted), e.g. `IRSA: exact subject + audience`.
 */
export function scopeKind(b: ServiceAccountBinding): string {
  const audience = b.mode !== IdentityMode.IRSA || b.scope === TrustScope.NOT_TRUSTED || b.scope === TrustScope.UNKNOWN ? ''
    : b.audienceRestricted ? ' + audience' : ', audience not restricted';
  return `${modeName(b.mode)}: ${SCOPE_WORDS[b.scope]}${audience}`;
}

/** Roles that may do the same thing. */
export interface PermissionGroup {
  /** What each of the roles may do, one line each (empty for no permissions). */
  readonly lines: string[];
  readonly roles: RoleReport[];
}

/** A role's statements, one line each, as the report words them (`<managed policy>: ` before those of a customer managed policy). */
export function statementLines(role: RoleReport): string[] {
  return role.statements.map((s) => `${s.source === 'inline' ? '' : `${s.source}: `}${s.summary}`);
}

/** A role's managed policies, one line each, as the report words them. */
export function managedPolicyLines(role: RoleReport): string[] {
  return role.managedPolicies.map((name) => `managed policy ${name}`);
}

/** The lines of what a role may do, as the report words them. */
export function permissionLines(role: RoleReport): string[] {
  if (!role.inTemplates) return ['unknown (role not in the templates)'];
  return [...managedPolicyLines(role), ...statementLines(role)];
}

/**
 * What identifies a role's statements: every field of each (actions, resources, conditions and
 * source in full, not their one-line summaries), so that two roles with the same key may do
 * exactly the same things through their statements.
 */
export function statementsKey(role: RoleReport): string {
  return JSON.stringify(role.statements);
}

/** What identifies a role's permissions: managed policies and statements (see `statementsKey`). */
export function permissionsKey(role: RoleReport): string {
  return role.inTemplates ? `${JSON.stringify(role.managedPolicies)}\n${statementsKey(role)}` : 'unknown';
}

/** Roles grouped by identical permissions (`permissionsKey`), the largest group first (then in first-seen order). */
export function permissionGroups(roles: Iterable<RoleReport>): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const role of roles) {
    const key = permissionsKey(role);
    const group = groups.get(key);
    if (group) group.roles.push(role);
    else groups.set(key, { lines: permissionLines(role), roles: [role] });
  }
  return [...groups.values()].sort((a, b) => b.roles.length - a.roles.length);
}

/** A whole number with thousands separators, e.g. `10,000`. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count with its noun, e.g. `1 service account`, `2,500 service accounts`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${thousands(n)} ${n === 1 ? singular : plural}`;
}
