import { readAssembly } from '../../checks/assembly';
import { CheckFinding, CheckInput, CheckLevel } from '../../checks/check-types';
import { EksIdentityChecks } from '../../checks/eks-identity-checks';
import { sarifLog } from '../../checks/sarif';
import { formatUnreadableResource, unreadableResources } from '../../checks/unreadable-resources';
import { assemblyFailure, LineWriter, optionValue, printText, usageError } from '../cli-support';

const USAGE = [
  'usage: cdk-eks-identity check [<cdk.out>] [--format text|json|sarif] [--fail-on warning|error] [--suppress <RULE-ID>=<reason>]...',
  '',
  'Checks the templates and Kubernetes YAML of a cloud assembly with the EKS identity rule pack.',
  'Exits 1 when a finding at or above the --fail-on level remains, 2 on bad usage or an unreadable',
  'assembly (the message names the file). A resource no rule can read (null, Properties that are',
  'not an object, a trust policy that is not a policy document) is a warning on standard error.',
  '',
  '  <cdk.out>                       cloud assembly directory (default: cdk.out)',
  '  --format text|json|sarif        one line per finding and a count (default), the findings as a',
  '                                  JSON array, or a SARIF 2.1.0 log (e.g. for GitHub code scanning)',
  '  --json                          the same as --format json',
  '  --fail-on warning|error         the lowest level that fails the check (default: error)',
  '  --suppress <RULE-ID>=<reason>   turn a rule off; the reason is required',
  '  --rules                         list the rules and exit',
];

const FORMATS = ['text', 'json', 'sarif'];
const FAIL_LEVELS = [CheckLevel.WARNING, CheckLevel.ERROR] as string[];

/** One finding as a line: level, rule id, where, message and fix. */
export function formatFinding(f: CheckFinding): string {
  const where = [f.stackName, f.logicalId].filter((x) => x).join('/') + (f.constructPath ? ` (${f.constructPath})` : '');
  return `${f.level.toUpperCase()} ${f.ruleId} ${where}: ${f.message}. Fix: ${f.fix}`;
}

/** Whether a finding is at or above a level (warning < error). */
function atOrAbove(finding: CheckFinding, level: CheckLevel): boolean {
  return level === CheckLevel.WARNING || finding.level === CheckLevel.ERROR;
}

/**
 * `cdk-eks-identity check <cdk.out>`: runs the rule pack over a cloud assembly.
 *
 * @param args the arguments after `check`
 * @param out where output lines go (standard output)
 * @param err where usage and error messages go (standard error)
 * @returns the exit code: 0 when no finding at or above the `--fail-on` level (default error)
 * remains, 1 when one does, 2 on bad usage or an unreadable assembly
 */
export function runCheck(args: string[], out: LineWriter, err: LineWriter): number {
  let directory: string | undefined;
  let format = 'text';
  let failOn = CheckLevel.ERROR;
  const suppressions: Array<{ ruleId: string; reason: string }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      USAGE.forEach((line) => out(line));
      return 0;
    } else if (arg === '--rules') {
      new EksIdentityChecks().rules.forEach((r) => out(`${r.id} ${r.level}: ${r.statement}`));
      return 0;
    } else if (arg === '--json') {
      format = 'json';
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const { value, next } = optionValue(args, i, '--format');
      if (value === undefined || !FORMATS.includes(value)) return usageError(err, USAGE[0], `--format takes one of ${FORMATS.join(', ')}${value === undefined ? '' : `, not ${value}`}`);
      format = value;
      i = next;
    } else if (arg === '--fail-on' || arg.startsWith('--fail-on=')) {
      const { value, next } = optionValue(args, i, '--fail-on');
      if (value === undefined || !FAIL_LEVELS.includes(value)) return usageError(err, USAGE[0], `--fail-on takes one of ${FAIL_LEVELS.join(', ')}${value === undefined ? '' : `, not ${value}`}`);
      failOn = value as CheckLevel;
      i = next;
    } else if (arg === '--suppress' || arg.startsWith('--suppress=')) {
      const { value, next } = optionValue(args, i, '--suppress');
      const match = /^([^=]+)=(.*)$/.exec(value ?? '');
      if (!match) return usageError(err, USAGE[0], '--suppress takes <RULE-ID>=<reason>');
      suppressions.push({ ruleId: match[1], reason: match[2] });
      i = next;
    } else if (arg.startsWith('-') || directory !== undefined) {
      return usageError(err, USAGE[0], `unexpected argument ${arg}`);
    } else {
      directory = arg;
    }
  }

  const assembly = directory ?? 'cdk.out';
  let checks: EksIdentityChecks;
  try {
    checks = new EksIdentityChecks({ suppressions });
  } catch (e) {
    return usageError(err, USAGE[0], (e as Error).message);
  }
  let inputs: CheckInput[];
  try {
    inputs = readAssembly(assembly);
  } catch (e) {
    return assemblyFailure(err, e);
  }
  unreadableResources(inputs).forEach((resource) => err(formatUnreadableResource(resource)));
  const findings = checks.run(inputs);

  if (format === 'json') {
    printText(out, JSON.stringify(findings, undefined, 2));
  } else if (format === 'sarif') {
    const log = sarifLog({ findings, rules: checks.rules, inputs, assemblyDirectory: assembly, suppressions: checks.suppressions });
    printText(out, JSON.stringify(log, undefined, 2));
  } else {
    findings.forEach((f) => out(formatFinding(f)));
    const errors = findings.filter((f) => f.level === CheckLevel.ERROR).length;
    out(findings.length === 0 ? 'no findings' : `${errors} error(s), ${findings.length - errors} warning(s)`);
  }
  return findings.some((f) => atOrAbove(f, failOn)) ? 1 : 0;
}
