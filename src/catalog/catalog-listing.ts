import { PodIdentitySupport, PolicyNarrowing, PolicySource, PolicyVersionRange } from './policy-provenance';
import { CATALOG_ENTRIES } from './private/catalog-entries';
import { CatalogEntryData, policyRanges } from './private/controller-definition';

/**
 * One entry of the controller catalog, as `ControllerIdentity.catalog()` lists it.
 */
export interface CatalogEntryInfo {
  /** Stable id, e.g. `aws-load-balancer-controller`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The factory that makes the entry, e.g. `ControllerIdentity.awsLoadBalancerController`. */
  readonly factory: string;
  /**
   * The default namespace.
   * @default - none: the entry's options name it (e.g. the application's, for the Secrets Store CSI provider)
   */
  readonly namespace?: string;
  /**
   * The default service account.
   * @default - none: the entry's options name it
   */
  readonly serviceAccountName?: string;
  /** Which install the defaults match (Helm chart and release, EKS add-on, example manifests). */
  readonly defaultsMatch: string;
  /**
   * The EKS add-on name.
   * @default - not an EKS add-on
   */
  readonly addonName?: string;
  /** The oldest version the catalog has a policy for; older versions fail at synth. */
  readonly oldestSupportedVersion: string;
  /** The newest released version the catalog was checked against; newer versions get a synth warning. */
  readonly newestKnownVersion: string;
  /** Why versions before `oldestSupportedVersion` are not supported. */
  readonly olderVersionsReason: string;
  /** The policy ranges, oldest first, each with the documents it was written from. */
  readonly policyRanges: PolicyVersionRange[];
  /** Pod identity support: the first version and the evidence, or why IRSA only. */
  readonly podIdentity: PodIdentitySupport;
  /** How the entry's statements are narrower than upstream's. */
  readonly narrowings: PolicyNarrowing[];
}

/**
 * The listing of every catalog entry.
 * @internal
 */
export function catalogEntries(): CatalogEntryInfo[] {
  return CATALOG_ENTRIES.map(entryInfo);
}

/** @internal */
export function entryInfo(entry: CatalogEntryData): CatalogEntryInfo {
  return {
    id: entry.id,
    name: entry.name,
    factory: `ControllerIdentity.${entry.factory}`,
    namespace: entry.defaultNamespace,
    serviceAccountName: entry.defaultServiceAccountName,
    defaultsMatch: entry.defaultsMatch,
    addonName: entry.addonName,
    oldestSupportedVersion: entry.ranges[0].since,
    newestKnownVersion: entry.newestKnownVersion,
    olderVersionsReason: entry.olderVersionsReason,
    policyRanges: policyRanges(entry),
    podIdentity: { ...entry.podIdentity },
    narrowings: entry.narrowings.map((narrowing) => ({ ...narrowing })),
  };
}

/** A source as one line: `owner/repo path@tag (commit abcdef1)`, a URL, a managed policy version. @internal */
export function describeSource(source: PolicySource): string {
  const parts: string[] = [];
  if (source.repository) {
    const at = source.tag ? `@${source.tag}` : '';
    parts.push(`${source.repository} ${source.path ?? ''}${at}${source.commit ? ` (commit ${source.commit.slice(0, 12)})` : ''}`.trim());
  }
  if (source.managedPolicyVersion) parts.push(`AWS managed policy ${source.managedPolicyVersion}`);
  if (source.url) parts.push(source.url);
  return `${parts.join(', ')}, read ${source.read}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * The catalog as Markdown: a summary table, then each entry with its ranges, sources, narrowings
 * and pod identity evidence.
 * @internal
 */
export function catalogMarkdown(entries: CatalogEntryInfo[]): string {
  const lines: string[] = [
    '| Entry | Service account | Add-on | Versions | Newest known | Pod identity from |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of entries) {
    const account = e.namespace && e.serviceAccountName ? `\`${e.namespace}/${e.serviceAccountName}\`` : '(the application\'s)';
    lines.push(`| [${cell(e.name)}](#${e.id}) (\`${e.factory}\`) | ${account} | ${e.addonName ? `\`${e.addonName}\`` : '-'} `
      + `| ${e.oldestSupportedVersion} and later | ${e.newestKnownVersion} | ${e.podIdentity.minimumVersion ?? 'IRSA only'} |`);
  }
  for (const e of entries) {
    lines.push('', `### ${e.name}`, '', `<a id="${e.id}"></a>\`${e.factory}\`, id \`${e.id}\`.`, '');
    lines.push(`- Defaults: ${e.namespace && e.serviceAccountName ? `\`${e.namespace}/${e.serviceAccountName}\`` : 'none'}, matching ${e.defaultsMatch}.`);
    if (e.addonName) lines.push(`- EKS add-on: \`${e.addonName}\`.`);
    lines.push(`- Versions: ${e.oldestSupportedVersion} and later; newest known ${e.newestKnownVersion}. Older: ${e.olderVersionsReason}.`);
    lines.push(`- Pod identity: ${e.podIdentity.minimumVersion ? `from ${e.podIdentity.minimumVersion}` : `no (${e.podIdentity.unsupportedReason})`}; source: ${e.podIdentity.source}.`);
    lines.push('- Policy ranges:');
    for (const range of e.policyRanges) {
      lines.push(`  - ${range.since}${range.until ? ` to before ${range.until}` : ' and later'}: ${range.change}.`);
      for (const source of range.sources) lines.push(`    - ${describeSource(source)}`);
    }
    lines.push(`- Narrowings${e.narrowings.length === 0 ? ': none (the statements are upstream\'s).' : ':'}`);
    for (const n of e.narrowings) {
      const what = [...n.actions, ...(n.managedPolicies ?? [])].map((a) => `\`${a}\``).join(', ');
      lines.push(`  - ${n.kind} (${what}): ${n.description}.`);
    }
  }
  return lines.join('\n') + '\n';
}
