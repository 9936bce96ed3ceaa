import { catalogEntries, catalogMarkdown } from '../../catalog/catalog-listing';
import { LineWriter, optionValue, printText, usageError } from '../cli-support';

const USAGE = [
  'usage: cdk-eks-identity catalog [--format md|json]',
  '',
  'Lists the controller catalog: each entry\'s namespace and service account and the install they',
  'match, its EKS add-on, the versions it has policies for (newest known, oldest supported), the',
  'first version that works with EKS Pod Identity and the evidence, the upstream sources of every',
  'policy range, and how its statements are narrower than upstream\'s. Exits 2 on bad usage.',
  '',
  '  --format md|json    Markdown (default) or JSON',
];

const FORMATS = ['md', 'json'];

/**
 * `cdk-eks-identity catalog`: prints the controller catalog.
 *
 * @param args the arguments after `catalog`
 * @param out where output lines go (standard output)
 * @param err where usage and error messages go (standard error)
 * @returns the exit code: 0, or 2 on bad usage
 */
export function runCatalog(args: string[], out: LineWriter, err: LineWriter): number {
  let format = 'md';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      USAGE.forEach((line) => out(line));
      return 0;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const { value, next } = optionValue(args, i, '--format');
      if (value === undefined || !FORMATS.includes(value)) {
        return usageError(err, USAGE[0], `--format takes one of ${FORMATS.join(', ')}${value === undefined ? '' : `, not ${value}`}`);
      }
      format = value;
      i = next;
    } else {
      return usageError(err, USAGE[0], `unexpected argument ${arg}`);
    }
  }
  const entries = catalogEntries();
  printText(out, format === 'json' ? JSON.stringify(entries, undefined, 2) : catalogMarkdown(entries));
  return 0;
}
