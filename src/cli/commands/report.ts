import { readAssembly } from '../../checks/assembly';
import { formatUnreadableResource, unreadableResources } from '../../checks/unreadable-resources';
import { IdentityReport } from '../../report/identity-report';
import { assemblyFailure, LineWriter, optionValue, printText, usageError } from '../cli-support';

const USAGE = [
  'usage: cdk-eks-identity report [<cdk.out>] [--format md|json|mermaid] [--summarize-above <n>]',
  '',
  'Reports, for every cluster of a cloud assembly, which service account can assume which IAM role',
  '(IRSA or EKS Pod Identity) and how tightly, what the roles may do, which IAM principals get which',
  'access entries, and the findings of the EKS identity rule pack. Exits 2 on bad usage or an',
  'unreadable assembly (the message names the file). A resource no rule can read is a warning on',
  'standard error.',
  '',
  '  <cdk.out>                   cloud assembly directory (default: cdk.out)',
  '  --format md|json|mermaid    Markdown with Mermaid diagrams (default), the report as JSON,',
  '                              or only the Mermaid flowchart',
  '  --summarize-above <n>       summarize a cluster\'s lists longer than n in the Markdown and the',
  '                              flowchart: counts by namespace and kind of trust, roles grouped by',
  '                              permissions, findings by rule (default: 50); the JSON lists everything',
];

const FORMATS = ['md', 'json', 'mermaid'];

/**
 * `cdk-eks-identity report <cdk.out>`: prints the identity report of a cloud assembly.
 *
 * @param args the arguments after `report`
 * @param out where output lines go (standard output)
 * @param err where usage and error messages go (standard error)
 * @returns the exit code: 0, or 2 on bad usage or an unreadable directory
 */
export function runReport(args: string[], out: LineWriter, err: LineWriter): number {
  let directory: string | undefined;
  let format = 'md';
  let summarizeAbove: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      USAGE.forEach((line) => out(line));
      return 0;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const { value, next } = optionValue(args, i, '--format');
      if (value === undefined || !FORMATS.includes(value)) return usageError(err, USAGE[0], `--format takes one of ${FORMATS.join(', ')}${value === undefined ? '' : `, not ${value}`}`);
      format = value;
      i = next;
    } else if (arg === '--summarize-above' || arg.startsWith('--summarize-above=')) {
      const { value, next } = optionValue(args, i, '--summarize-above');
      if (value === undefined || !/^\d+$/.test(value)) return usageError(err, USAGE[0], `--summarize-above takes a whole number${value === undefined ? '' : `, not ${value}`}`);
      summarizeAbove = Number(value);
      i = next;
    } else if (arg.startsWith('-') || directory !== undefined) {
      return usageError(err, USAGE[0], `unexpected argument ${arg}`);
    } else {
      directory = arg;
    }
  }

  let report: IdentityReport;
  try {
    const inputs = readAssembly(directory ?? 'cdk.out');
    unreadableResources(inputs).forEach((resource) => err(formatUnreadableResource(resource)));
    report = IdentityReport.fromTemplates(inputs, { summarizeAbove });
  } catch (e) {
    return assemblyFailure(err, e);
  }
  printText(out, format === 'json' ? report.toJson() : format === 'mermaid' ? report.toMermaid() : report.toMarkdown());
  return 0;
}
