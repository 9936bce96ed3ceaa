import { CheckFinding, CheckLevel } from '../../checks/check-types';
import { EksIdentityChecks } from '../../checks/eks-identity-checks';

const USAGE = [
  'usage: cdk-eks-identity check [<cdk.out>] [--suppress <RULE-ID>=<reason>]... [--json]',
  '',
  'Checks the templates and Kubernetes YAML of a cloud assembly with the EKS identity rule pack.',
  'Prints one line per finding; exits 1 when an error-level finding remains, 2 on bad usage.',
  '',
  '  <cdk.out>                       cloud assembly directory (default: cdk.out)',
  '  --suppress <RULE-ID>=<reason>   turn a rule off; the reason is required',
  '  --json                          print the findings as a JSON array',
  '  --rules                         list the rules and exit',
];

/** One finding as a line: level, rule id, where, message and fix. */
export function formatFinding(f: CheckFinding): string {
  const where = [f.stackName, f.logicalId].filter((x) => x).join('/') + (f.constructPath ? ` (${f.constructPath})` : '');
  return `${f.level.toUpperCase()} ${f.ruleId} ${where}: ${f.message}. Fix: ${f.fix}`;
}

/**
 * `cdk-eks-identity check <cdk.out>`: runs the rule pack over a cloud assembly.
 *
 * @param args the arguments after `check`
 * @param out where output lines go
 * @returns the exit code: 0 when no error-level finding remains, 1 when one does, 2 on bad usage
 */
export function runCheck(args: string[], out: (line: string) => void): number {
  let directory: string | undefined;
  let json = false;
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
      json = true;
    } else if (arg === '--suppress' || arg.startsWith('--suppress=')) {
      const value = arg === '--suppress' ? args[++i] : arg.slice('--suppress='.length);
      const match = /^([^=]+)=(.*)$/.exec(value ?? '');
      if (!match) return usageError(out, '--suppress takes <RULE-ID>=<reason>');
      suppressions.push({ ruleId: match[1], reason: match[2] });
    } else if (arg.startsWith('-') || directory !== undefined) {
      return usageError(out, `unexpected argument ${arg}`);
    } else {
      directory = arg;
    }
  }

  let findings: CheckFinding[];
  try {
    findings = new EksIdentityChecks({ suppressions }).checkAssembly(directory ?? 'cdk.out');
  } catch (e) {
    out(`error: ${(e as Error).message}`);
    return 2;
  }

  const errors = findings.filter((f) => f.level === CheckLevel.ERROR).length;
  if (json) {
    out(JSON.stringify(findings, undefined, 2));
  } else {
    findings.forEach((f) => out(formatFinding(f)));
    const warnings = findings.length - errors;
    out(findings.length === 0 ? 'no findings' : `${errors} error(s), ${warnings} warning(s)`);
  }
  return errors > 0 ? 1 : 0;
}

function usageError(out: (line: string) => void, problem: string): number {
  out(`error: ${problem}`);
  out(USAGE[0]);
  return 2;
}
