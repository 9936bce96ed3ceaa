import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from './diff-types';

/*
 * Building changes and putting them in review order: flagged changes first (broadened trust, new
 * wildcards, new cluster admins), then other broadening, additions, other changes, removals;
 * within a rank by area, then by what changed.
 */

/** A change before `broadening` is decided: it broadens when flagged or when `widens` says so. */
export interface ChangeParts extends Omit<IdentityChange, 'broadening' | 'flags'> {
  readonly flags?: IdentityChangeFlag[];
  /** Whether it widens something that existed before, though nothing flags it. */
  readonly widens?: boolean;
}

/** The change, with its flags deduplicated in a fixed order and `broadening` set. */
export function makeChange(parts: ChangeParts): IdentityChange {
  const { widens, flags: rawFlags, area, kind, ...rest } = parts;
  const flags = FLAG_ORDER.filter((f) => (rawFlags ?? []).includes(f));
  return { area, kind, broadening: flags.length > 0 || widens === true, flags, ...rest };
}

/** The flags to set when conditions hold. */
export function flagsWhen(conditions: Array<[IdentityChangeFlag, boolean]>): IdentityChangeFlag[] {
  return conditions.filter(([, holds]) => holds).map(([flag]) => flag);
}

const FLAG_ORDER = [IdentityChangeFlag.BROADENED_TRUST, IdentityChangeFlag.NEW_WILDCARD, IdentityChangeFlag.NEW_CLUSTER_ADMIN];

/** The areas in the order the diff presents them: who can assume which role, who can do what, permissions. */
export const AREA_ORDER = [
  IdentityChangeArea.IRSA_TRUST,
  IdentityChangeArea.POD_IDENTITY_TRUST,
  IdentityChangeArea.POD_IDENTITY_ASSOCIATION,
  IdentityChangeArea.TARGET_ROLE,
  IdentityChangeArea.AWS_PRINCIPAL_TRUST,
  IdentityChangeArea.OIDC_PROVIDER,
  IdentityChangeArea.ACCESS_ENTRY,
  IdentityChangeArea.RBAC,
  IdentityChangeArea.PERMISSIONS,
];

const KIND_RANK = { [IdentityChangeKind.ADDED]: 2, [IdentityChangeKind.CHANGED]: 3, [IdentityChangeKind.REMOVED]: 4 };

function rank(change: IdentityChange): number {
  if (change.flags.length > 0) return 0;
  if (change.broadening) return 1;
  return KIND_RANK[change.kind];
}

/** Changes in review order. */
export function reviewOrder(changes: IdentityChange[]): IdentityChange[] {
  const key = (c: IdentityChange) => `${c.subject}\u0000${c.cluster ?? ''}\u0000${c.summary}`;
  return [...changes].sort((a, b) => rank(a) - rank(b)
    || AREA_ORDER.indexOf(a.area) - AREA_ORDER.indexOf(b.area)
    || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The entries of two maps matched by key: only before, only after, or both. */
export function pairByKey<V>(before: Map<string, V>, after: Map<string, V>): Array<{ before?: V; after?: V }> {
  const pairs: Array<{ before?: V; after?: V }> = [];
  for (const [key, b] of before) pairs.push({ before: b, ...(after.has(key) ? { after: after.get(key) } : {}) });
  for (const [key, a] of after) if (!before.has(key)) pairs.push({ after: a });
  return pairs;
}

/** The items of `a` not in `b` (by equality). */
export function without<T>(a: T[], b: T[]): T[] {
  const set = new Set(b);
  return a.filter((x) => !set.has(x));
}
