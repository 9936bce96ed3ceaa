/**
 * One sample of the command line, run in a fresh child process by `bench/run.ts`:
 *
 *   node measure-cli.js <check|report> <cloud assembly directory>
 *
 * Loads the command (as `cdk-eks-identity check|report` does), runs it on the assembly with its
 * default format (the findings as text; the report as Markdown), and prints one line
 * `BENCH_RESULT <json>` with the time of loading and of the run (wall and CPU), the CPU time of the
 * whole process, its peak RSS and the size of the output. The output itself is counted, not printed.
 */
import { RESULT_PREFIX } from './measure';

/** The commands measured. */
export type CliCommand = 'check' | 'report';
export const CLI_COMMANDS: CliCommand[] = ['check', 'report'];

/** What one child reports. */
export interface CliSample {
  readonly command: CliCommand;
  readonly n: number;
  /** Exit code of the command (`check` exits 1 when a finding is an error). */
  readonly exitCode: number;
  /** Loading the command's modules (ms). */
  readonly loadMs: number;
  /** Running the command: reading the assembly, the model, the rules (and the report) and the output (ms). */
  readonly runMs: number;
  readonly runCpuMs: number;
  /** CPU time of the whole child process, node start-up included (ms). */
  readonly processCpuMs: number;
  readonly maxRssBytes: number;
  /** Characters of output. */
  readonly outputChars: number;
}

function cpuMs(since?: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

function main(): void {
  const [command, directory, nText] = process.argv.slice(2);
  if (!CLI_COMMANDS.includes(command as CliCommand) || !directory) throw new Error('usage: measure-cli <check|report> <directory> [<n>]');
  const loadStart = process.hrtime.bigint();
  // Loaded here, not at the top, so that the load time is measured (`typeof import` keeps them in the compilation).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const run = command === 'check'
    ? (require('../src/cli/commands/check') as typeof import('../src/cli/commands/check')).runCheck
    : (require('../src/cli/commands/report') as typeof import('../src/cli/commands/report')).runReport;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const loadMs = elapsedMs(loadStart);
  let outputChars = 0;
  const runStart = process.hrtime.bigint();
  const runCpuStart = process.cpuUsage();
  const exitCode = run([directory], (line) => { outputChars += line.length + 1; }, (line) => process.stderr.write(`${line}\n`));
  const sample: CliSample = {
    command: command as CliCommand,
    n: Number(nText ?? -1),
    exitCode,
    loadMs,
    runMs: elapsedMs(runStart),
    runCpuMs: cpuMs(runCpuStart),
    processCpuMs: cpuMs(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    outputChars,
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(sample)}\n`);
}

if (require.main === module) main();
