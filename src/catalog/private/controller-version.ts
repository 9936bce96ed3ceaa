/**
 * A controller or EKS add-on version as the catalog compares them: numeric core parts, an optional
 * EKS build number (`-eksbuild.N`) and an optional pre-release (`-rc.1`).
 * @internal
 */
export interface ParsedControllerVersion {
  readonly core: number[];
  /** The `N` of `-eksbuild.N`, when present. */
  readonly eksBuild?: number;
  /** Pre-release identifiers (`rc.1` → ['rc', 1]); empty for a release. */
  readonly preRelease: Array<string | number>;
}

const VERSION = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const EKS_BUILD = /^eksbuild\.(\d+)$/;

/**
 * Parses `v1.15.5-eksbuild.1`, `1.15.5`, `v2.7.0-rc.1` (build metadata after `+` is ignored), or
 * returns undefined when the text is not a version.
 * @internal
 */
export function parseControllerVersion(text: string): ParsedControllerVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  const core = match[1].split('.').map(Number);
  const suffix = match[2];
  if (suffix === undefined) return { core, preRelease: [] };
  const eksBuild = EKS_BUILD.exec(suffix);
  if (eksBuild) return { core, eksBuild: Number(eksBuild[1]), preRelease: [] };
  return { core, preRelease: suffix.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) };
}

function compareIdentifiers(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'number') return -1; // semver: numeric identifiers sort before alphanumeric ones
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares two parsed versions: negative when `a` is older, 0 when equal, positive when newer.
 *
 * Core parts compare numerically (missing parts are 0). A pre-release is older than its release
 * (semver). EKS build numbers compare only when both versions carry one: `v1.15.5` (the upstream
 * release) and `v1.15.5-eksbuild.1` (its first EKS build) are the same code, so they compare equal.
 * @internal
 */
export function compareControllerVersions(a: ParsedControllerVersion, b: ParsedControllerVersion): number {
  const length = Math.max(a.core.length, b.core.length);
  for (let i = 0; i < length; i++) {
    const difference = (a.core[i] ?? 0) - (b.core[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (a.preRelease.length === 0 || b.preRelease.length === 0) {
    if (a.preRelease.length !== b.preRelease.length) return a.preRelease.length === 0 ? 1 : -1;
  } else {
    for (let i = 0; i < Math.min(a.preRelease.length, b.preRelease.length); i++) {
      const difference = compareIdentifiers(a.preRelease[i], b.preRelease[i]);
      if (difference !== 0) return difference;
    }
    if (a.preRelease.length !== b.preRelease.length) return Math.sign(a.preRelease.length - b.preRelease.length);
  }
  if (a.eksBuild !== undefined && b.eksBuild !== undefined) return Math.sign(a.eksBuild - b.eksBuild);
  return 0;
}
