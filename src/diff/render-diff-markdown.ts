import { AREA_ORDER } from './change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind, IdentityDiffDocument } from './diff-types';

/*
 * The diff as Markdown for a pull request comment: changes that grant more first, flagged, then
 * the rest grouped as the issue reads them: who can assume which role, who can do what in each
 * cluster, what the identity roles may do. The first line is an HTML comment a workflow can look
 * for to update its earlier comment instead of adding one.
 */

/** The HTML comment the Markdown starts with. */
export const DIFF_COMMENT_MARKER = '<!-- cdk-eks-identity diff -->';

const SECTIONS: Array<{ title: string; areas: IdentityChangeArea[] }> = [
  { title: 'Who can assume which role', areas: AREA_ORDER.slice(0, AREA_ORDER.indexOf(IdentityChangeArea.ACCESS_ENTRY)) },
  { title: 'Who can do what in each cluster', areas: [IdentityChangeArea.ACCESS_ENTRY, IdentityChangeArea.RBAC] },
  { title: 'Permissions of identity roles', areas: [IdentityChangeArea.PERMISSIONS] },
];

const FLAG_WORDS: { [flag in IdentityChangeFlag]: string } = {
  [IdentityChangeFlag.BROADENED_TRUST]: 'BROADENED TRUST',
  [IdentityChangeFlag.NEW_WILDCARD]: 'NEW WILDCARD',
  [IdentityChangeFlag.NEW_CLUSTER_ADMIN]: 'NEW CLUSTER ADMIN',
};

const KIND_WORDS: { [kind in IdentityChangeKind]: string } = {
  [IdentityChangeKind.ADDED]: 'added',
  [IdentityChangeKind.REMOVED]: 'removed',
  [IdentityChangeKind.CHANGED]: 'changed',
};

/** Text with the characters Markdown would interpret escaped. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

function item(change: IdentityChange): string[] {
  const label = change.flags.length > 0 ? `**${change.flags.map((f) => FLAG_WORDS[f]).join(', ')}**`
    : change.broadening ? '**widened**' : KIND_WORDS[change.kind];
  const where = change.stackName !== undefined && change.logicalId !== undefined ? ` (${code(`${change.stackName}/${change.logicalId}`)})` : '';
  return [
    `- ${label}: ${escape(change.summary)}${where}`,
    ...change.details.map((d) => `  - ${code(d)}`),
  ];
}

/** The diff document as Markdown. */
export function renderDiffMarkdown(document: IdentityDiffDocument): string {
  const lines = [DIFF_COMMENT_MARKER, '## EKS identity changes', ''];
  const changes = document.changes;
  const first = changes.filter((c) => c.broadening);
  const rest = changes.filter((c) => !c.broadening);
  lines.push(`${code(document.before)} → ${code(document.after)}: `
    + (changes.length === 0 ? 'no changes in who can assume which role, who can do what in the clusters, or what identity roles may do.'
      : `${changes.length} change${changes.length === 1 ? '' : 's'}, ${first.length > 0 ? `**${first.length} grant${first.length === 1 ? 's' : ''} more than before**` : 'none grants more than before'}.`));
  if (first.length > 0) lines.push('', '### Review first', '', ...first.flatMap(item));
  for (const section of SECTIONS) {
    const inSection = rest.filter((c) => section.areas.includes(c.area));
    if (inSection.length > 0) lines.push('', `### ${section.title}`, '', ...inSection.flatMap(item));
  }
  return lines.join('\n') + '\n';
}
