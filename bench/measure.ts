/**
 * One benchmark sample, run in a fresh child process by `bench/run.ts`:
 *
 *   node measure.js <workload> <n> [--lift-resource-limit] [--plugin] [--outdir <dir>]
 *
 * (workload: cdk-eks-identity, aws-eks-v2, shared-vpc or scale). `--plugin` registers the rule
 * pack as a validation plugin (`Validations.of(app).addPlugins(new EksIdentityChecks())`) and
 * reports the CPU time of its `validate` call; `--outdir` keeps the assembly there (for the `check`
 * and `report` samples) instead of in a temporary directory that is removed.
 *
 * Loads the libraries, builds the workload, synthesizes it into a fresh temporary directory, and
 * prints one line `BENCH_RESULT <json>` with the phase times (measured here with
 * `process.hrtime.bigint()` and `process.cpuUsage()`), the peak RSS of this process and the metrics of the assembly.
 * A synth that throws (e.g. aws-eks-v2 above 500 resources in a stack) is reported, not rethrown.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// Type-only imports: erased at compile time, so loading stays inside the measured region below.
import type { AssemblyMetrics } from './metrics';
import type { Workload } from './workloads';

/** What one child reports. */
export interface Sample {
  readonly side: string;
  readonly n: number;
  readonly liftResourceLimit: boolean;
  readonly ok: boolean;
  /** The synth error, when `ok` is false. */
  readonly error?: string;
  /** Loading aws-cdk-lib, cdk8s and the library (ms). */
  readonly loadMs: number;
  /** Building the construct tree (ms). */
  readonly buildMs: number;
  /** `app.synth()` (ms). */
  readonly synthMs: number;
  /** CPU time (user + system, all threads) of building the construct tree (ms). */
  readonly buildCpuMs: number;
  /** CPU time of `app.synth()` (ms). */
  readonly synthCpuMs: number;
  /** CPU time of the whole child process, up to the report (ms). */
  readonly processCpuMs: number;
  /** Peak resident set size of the child (bytes). */
  readonly maxRssBytes: number;
  /** CPU time of the rule pack's `validate` inside `app.synth()` (ms), with `--plugin`. */
  readonly pluginCpuMs?: number;
  /** Metrics of the assembly, when `ok`. */
  readonly metrics?: AssemblyMetrics;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

function cpuMs(since?: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function main(): void {
  const [side, nText, ...flags] = process.argv.slice(2);
  const n = Number(nText);
  const liftResourceLimit = flags.includes('--lift-resource-limit');
  const withPlugin = flags.includes('--plugin');
  const keep = flags.includes('--outdir') ? flags[flags.indexOf('--outdir') + 1] : undefined;
  if (!side || !Number.isInteger(n) || n < 0 || (flags.includes('--outdir') && !keep)) {
    throw new Error('usage: measure <workload> <n> [--lift-resource-limit] [--plugin] [--outdir <dir>]');
  }

  const loadStart = process.hrtime.bigint();
  // Loaded here, not at the top, so that the load time is measured.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const workloads: typeof import('./workloads') = require('./workloads');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { measureAssembly }: typeof import('./metrics') = require('./metrics');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugins: typeof import('./plugin-timing') | undefined = withPlugin ? require('./plugin-timing') : undefined;
  const loadMs = elapsedMs(loadStart);

  const outdir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-eks-identity-bench-'));
  const times = { loadMs, buildMs: 0, synthMs: 0, buildCpuMs: 0, synthCpuMs: 0 };
  let timedPlugin: InstanceType<NonNullable<typeof plugins>['TimedPlugin']> | undefined;
  const finish = () => ({
    ...times,
    processCpuMs: cpuMs(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    ...(timedPlugin ? { pluginCpuMs: timedPlugin.cpuMs } : {}),
  });
  let sample: Sample;
  try {
    const buildStart = process.hrtime.bigint();
    const buildCpuStart = process.cpuUsage();
    const app = workloads.newBenchApp({ outdir, liftResourceLimit });
    if (plugins) timedPlugin = plugins.addTimedPlugin(app);
    workloads.buildWorkload(side as Workload, app, n);
    times.buildMs = elapsedMs(buildStart);
    times.buildCpuMs = cpuMs(buildCpuStart);
    const synthStart = process.hrtime.bigint();
    const synthCpuStart = process.cpuUsage();
    let assembly;
    try {
      assembly = app.synth();
    } finally {
      times.synthMs = elapsedMs(synthStart);
      times.synthCpuMs = cpuMs(synthCpuStart);
    }
    const measured = finish();
    sample = { side, n, liftResourceLimit, ok: true, ...measured, metrics: measureAssembly(assembly) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    sample = { side, n, liftResourceLimit, ok: false, error: message.split('\n')[0], ...finish() };
  } finally {
    if (!keep) fs.rmSync(outdir, { recursive: true, force: true });
  }
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(sample)}\n`);
}

if (require.main === module) main();
