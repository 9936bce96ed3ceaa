import { IdentityDiff } from '../../diff/identity-diff';
import { assemblyFailure, LineWriter, optionValue, printText, usageError } from '../cli-support';

const USAGE = [
  'usage: cdk-eks-identity diff <before> <after> [--format md|json] [--fail-on-broadening]',
  '',
  'Compares two cloud assemblies (say, of the base branch and of a pull request): who can assume',
  'which role (IRSA subjects and audiences, OIDC providers, pod identity scopes and associations,',
  'cross-account target roles), who can do what in each cluster (access entries, RBAC objects),',
  'and the permissions of identity roles. Broadened trust, new wildcards and new cluster admins come',
  'first, flagged. Exits 1 with --fail-on-broadening when a change grants more than before, 2 on bad',
  'usage or an unreadable assembly (the message names the file).',
  '',
  '  <before> <after>          cloud assembly directories',
  '  --format md|json          Markdown for a pull request comment (default), or JSON',
  '  --fail-on-broadening      exit 1 when a change grants more than before',
];

const FORMATS = ['md', 'json'];

/**
 * `cdk-eks-identity diff <before> <after>`: prints what changed in identity and access.
 *
 * @param args the arguments after `diff`
 * @param out where output lines go (standard output)
 * @param err where usage and error messages go (standard error)
 * @returns the exit code: 0; 1 with `--fail-on-broadening` when a change grants more than before;
 * 2 on bad usage or an unreadable assembly
 */
export function runDiff(args: string[], out: LineWriter, err: LineWriter): number {
  const directories: string[] = [];
  let format = 'md';
  let failOnBroadening = false;
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
    } else if (arg === '--fail-on-broadening') {
      failOnBroadening = true;
    } else if (arg.startsWith('-') || directories.length === 2) {
      return usageError(err, USAGE[0], `unexpected argument ${arg}`);
    } else {
      directories.push(arg);
    }
  }
  if (directories.length !== 2) return usageError(err, USAGE[0], 'diff takes two cloud assembly directories: <before> <after>');

  let diff: IdentityDiff;
  try {
    diff = IdentityDiff.between(directories[0], directories[1]);
  } catch (e) {
    return assemblyFailure(err, e);
  }
  printText(out, format === 'json' ? diff.toJson() : diff.toMarkdown());
  return failOnBroadening && diff.broadened ? 1 : 0;
}
