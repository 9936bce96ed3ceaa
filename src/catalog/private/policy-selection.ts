import { CatalogEntryData } from './controller-definition';
import { compareControllerVersions, parseControllerVersion } from './controller-version';

/**
 * How a catalog entry's policy was chosen for the version a user gave (or did not give).
 * @internal
 */
export interface PolicySelection {
  /** The `since` of the chosen range; undefined when no range applies (`level` is `error`). */
  readonly policyVersion?: string;
  /** `info`: a version in range, or none given; `warning`: newer than the catalog knows; `error`: not usable. */
  readonly level: 'info' | 'warning' | 'error';
  /** What was chosen and why (or what is wrong, for `error`). */
  readonly message: string;
  /** How to fix an error, or how to pin a version. */
  readonly fix?: string;
}

/**
 * Chooses the policy range of `entry` for `version`: the range that contains it; without a
 * version the newest range (the policy of the newest released version the catalog knows); a
 * version newer than the newest known gets the newest range with a warning; a version older than
 * the oldest range, or a text that is not a version, is an error.
 * @internal
 */
export function selectPolicy(entry: CatalogEntryData, version: string | undefined): PolicySelection {
  const ranges = entry.ranges;
  const oldest = ranges[0].since;
  const newestRange = ranges[ranges.length - 1].since;
  if (version === undefined) {
    return {
      policyVersion: newestRange,
      level: 'info',
      message: `no ${entry.name} version given: using the policy of the newest version the catalog knows, ${entry.newestKnownVersion} (range ${newestRange} and later)`,
      fix: `pin the version you run with version: '${entry.newestKnownVersion}'`,
    };
  }
  const parsed = parseControllerVersion(version);
  if (!parsed) {
    return {
      level: 'error',
      message: `'${version}' is not a ${entry.name} version the catalog can compare`,
      fix: `give the version you run, e.g. version: '${entry.newestKnownVersion}'`,
    };
  }
  if (compareControllerVersions(parsed, parseControllerVersion(oldest)!) < 0) {
    return {
      level: 'error',
      message: `${entry.name} ${version} is older than ${oldest}, the oldest version the catalog has a policy for (${entry.olderVersionsReason})`,
      fix: `upgrade to ${oldest} or later, or give the role your own permissions (WorkloadIdentity statements and managedPolicies) instead of the catalog entry`,
    };
  }
  const chosen = [...ranges].reverse().find((range) => compareControllerVersions(parsed, parseControllerVersion(range.since)!) >= 0)!;
  if (compareControllerVersions(parsed, parseControllerVersion(entry.newestKnownVersion)!) > 0) {
    return {
      policyVersion: chosen.since,
      level: 'warning',
      message: `${entry.name} ${version} is newer than ${entry.newestKnownVersion}, the newest version the catalog knows: using the policy of range ${chosen.since}, which may lack permissions the new version calls`,
      fix: 'check the release notes of the versions since for IAM changes, and add missing permissions with WorkloadIdentity statements',
    };
  }
  return {
    policyVersion: chosen.since,
    level: 'info',
    message: `${entry.name} ${version}: using the policy of range ${chosen.since}`,
  };
}
