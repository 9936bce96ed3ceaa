/**
 * The benchmark: cdk-eks-identity against aws-cdk-lib `aws-eks-v2`, side by side in one run, and
 * cdk-eks-identity at scale.
 *
 *   npx ts-node --transpile-only bench/run.ts [--reps 7] [--only compare,scale,plugin] [--scale-ns 0,200,...] [--no-docs] [--render-only]
 *
 * Suites (all by default):
 * - `compare`: synth of N identities with each library, one stack (plus one profiled run per side);
 * - `scale`: synth of N = 0 to 10,000 identities in 50 stacks, and `check` and `report` over them;
 * - `plugin`: synth at N=1,000 in 50 stacks with the rule pack as a validation plugin.
 *
 * Writes `bench/results/latest.json` and regenerates `docs/benchmarks.md` (unless `--no-docs`),
 * which is only written from a run of every suite with the default N. `--render-only` measures
 * nothing: it regenerates the document from `bench/results/latest.json`. See docs/benchmarks.md
 * for what is measured and how.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, ConfigResult, RunConfig, summarize, TimedSample } from './analysis';
import { RESULT_PREFIX, Sample } from './measure';
import { CLI_COMMANDS, CliCommand, CliSample } from './measure-cli';
import { ProfileSummary, summarizeProfile } from './profile';
import { BenchRun, MachineInfo, renderMarkdown } from './report';
import { analyzeScale, ScaleResults, summarizeCli, summarizeScaleSynth, TimedCliSample } from './scale';
import { SCALE_STACKS, Workload } from './workloads';

/** The command documented in docs/benchmarks.md. */
export const BENCH_COMMAND = 'npm run bench';

const REPO = path.resolve(__dirname, '..');
const OURS_NS = [0, 1, 50, 200, 1000];
const THEIRS_NS = [0, 1, 50, 200];
/** The N at which aws-eks-v2 overflows one stack; it is also built with the limit lifted there. */
const THEIRS_LIFTED_NS = [200];
const MIN_REPS = 5;
/** N of the scale suite (identities in {@link SCALE_STACKS} stacks). */
const SCALE_NS = [0, 200, 1000, 4000, 10000];
/** Synth runs per N of the scale suite (each also writes the assembly `check` and `report` read). */
const SCALE_SYNTH_REPS = 3;
/** N of the plugin suite. */
const PLUGIN_N = 1000;
/** N of the profiled synth runs (both sides; N=0 too, for the per-identity difference). */
const PROFILE_N = 200;

type Suite = 'compare' | 'scale' | 'plugin';
const SUITES: Suite[] = ['compare', 'scale', 'plugin'];
const USAGE = 'npx ts-node --transpile-only bench/run.ts [--reps N] [--only compare,scale,plugin] [--scale-ns 0,200,...] [--no-docs] [--render-only]';

interface Options {
  readonly reps: number;
  readonly docs: boolean;
  /** Only regenerate docs/benchmarks.md from bench/results/latest.json (after a change to the report). */
  readonly renderOnly: boolean;
  readonly suites: Suite[];
  readonly scaleNs: number[];
}

function parseOptions(argv: string[]): Options {
  let reps = 7;
  let docs = true;
  let renderOnly = false;
  let suites = SUITES;
  let scaleNs = SCALE_NS;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') reps = Number(argv[++i]);
    else if (argv[i] === '--no-docs') docs = false;
    else if (argv[i] === '--render-only') renderOnly = true;
    else if (argv[i] === '--only') suites = (argv[++i] ?? '').split(',') as Suite[];
    else if (argv[i] === '--scale-ns') scaleNs = (argv[++i] ?? '').split(',').map(Number);
    else throw new Error(`unknown argument '${argv[i]}' (usage: ${USAGE})`);
  }
  if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps must be a positive integer');
  if (suites.length === 0 || suites.some((s) => !SUITES.includes(s))) throw new Error(`--only takes suites among ${SUITES.join(', ')}`);
  if (scaleNs.some((n) => !Number.isInteger(n) || n < 0) || !scaleNs.includes(0)) throw new Error('--scale-ns takes whole numbers, 0 among them');
  if (docs && reps < MIN_REPS) throw new Error(`docs/benchmarks.md needs at least ${MIN_REPS} runs per configuration; use --no-docs for a quick look`);
  if (docs && (suites.length !== SUITES.length || scaleNs.join() !== SCALE_NS.join())) {
    throw new Error('docs/benchmarks.md is written only from one run of every suite at the default N (they are compared side by side); use --no-docs with --only or --scale-ns');
  }
  return { reps, docs, renderOnly, suites, scaleNs };
}

const RESULTS_FILE = path.join(REPO, 'bench', 'results', 'latest.json');
const DOCS_FILE = path.join(REPO, 'docs', 'benchmarks.md');

function writeDocs(run: BenchRun): void {
  fs.mkdirSync(path.dirname(DOCS_FILE), { recursive: true });
  fs.writeFileSync(DOCS_FILE, renderMarkdown(run));
  log('wrote docs/benchmarks.md');
}

/** Re-renders the document from the saved samples of the last run (the analysis is recomputed, the measurements are not). */
function renderFromSavedRun(): void {
  const saved: BenchRun = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
  const results = saved.results.map((r) => summarize(r.config, r.samples));
  const scale = saved.scale && {
    ...saved.scale,
    synth: saved.scale.synth.map((s) => summarizeScaleSynth(s.n, s.plugin, s.samples)),
    cli: saved.scale.cli.map((c) => summarizeCli(c.command, c.n, c.samples)),
  };
  const run: BenchRun = {
    ...saved,
    results,
    analysis: saved.sharedVpc && analyze(results, saved.sharedVpc),
    ...(scale ? { scale, scaleAnalysis: analyzeScale(scale, PLUGIN_N) } : {}),
  };
  writeDocs(run);
}

/** Compiles bench/ and src/ to plain JavaScript (no type check: a transient type error elsewhere must not block). */
function compile(): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-eks-identity-bench-js-'));
  const tsc = require.resolve('typescript/bin/tsc', { paths: [REPO] });
  const result = spawnSync(process.execPath, [
    tsc, '-p', path.join(REPO, 'bench', 'tsconfig.json'),
    '--noEmit', 'false', '--noCheck', '--outDir', outDir,
    '--declaration', 'false', '--inlineSourceMap', 'false', '--inlineSources', 'false',
  ], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc failed:\n${result.stdout}${result.stderr}`);
  return outDir;
}

/** Runs a child process (node flags first) and returns its result line, the wall time of the whole process and the load average at its start. */
function spawnMeasured(what: string, nodeArgs: string[], args: string[]): { result: any; processMs: number; loadAverage: number } {
  const loadAverage = os.loadavg()[0];
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...nodeArgs, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') },
  });
  const processMs = Number(process.hrtime.bigint() - start) / 1e6;
  const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error(`${what}: the child reported nothing (exit ${child.status}):\n${child.stderr}`);
  return { result: JSON.parse(line.slice(RESULT_PREFIX.length)), processMs, loadAverage };
}

/** Runs one synth sample in a fresh node process and times the whole process. */
function runChild(
  jsDir: string, config: { workload: Workload; n: number; liftResourceLimit: boolean }, extra: string[] = [], nodeArgs: string[] = [],
): TimedSample {
  const args = [path.join(jsDir, 'bench', 'measure.js'), config.workload, `${config.n}`, ...extra];
  if (config.liftResourceLimit) args.push('--lift-resource-limit');
  const { result, processMs, loadAverage } = spawnMeasured(`${config.workload} N=${config.n}`, nodeArgs, args);
  return { ...(result as Sample), processMs, loadAverage };
}

/** Runs `check` or `report` over an assembly in a fresh node process. */
function runCliChild(jsDir: string, command: CliCommand, directory: string, n: number): TimedCliSample {
  const { result, processMs, loadAverage } = spawnMeasured(`${command} N=${n}`, [], [path.join(jsDir, 'bench', 'measure-cli.js'), command, directory, `${n}`]);
  return { ...(result as CliSample), processMs, loadAverage };
}

/**
 * The order of one round: for every N, both sides back to back (so that their samples of that
 * round see the same background load), the side that goes first alternating from round to round.
 */
function roundOrder(configs: RunConfig[], round: number): RunConfig[] {
  const ns = [...new Set(configs.filter((c) => c.workload !== 'shared-vpc').map((c) => c.n))].sort((a, b) => a - b);
  const sideOrder = round % 2 === 0 ? ['cdk-eks-identity', 'aws-eks-v2'] : ['aws-eks-v2', 'cdk-eks-identity'];
  const order: RunConfig[] = configs.filter((c) => c.workload === 'shared-vpc');
  for (const n of ns) {
    for (const lifted of [false, true]) {
      for (const side of sideOrder) order.push(...configs.filter((c) => c.n === n && c.workload === side && c.liftResourceLimit === lifted));
    }
  }
  return order;
}

function machineInfo(loadAverageBefore: number): MachineInfo {
  const version = (pkg: string) => JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [REPO] }), 'utf8')).version as string;
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    nodeVersion: process.version,
    versions: {
      'aws-cdk-lib': version('aws-cdk-lib'),
      'constructs': version('constructs'),
      'cdk8s': version('cdk8s'),
      'typescript': version('typescript'),
    },
    loadAverageBefore,
    loadAverageAfter: os.loadavg()[0],
  };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function secondsText(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The `compare` suite: both sides at every N, in rounds. */
function runCompare(jsDir: string, options: Options, repsLarge: number): ConfigResult[] {
  const configs: RunConfig[] = [
    { workload: 'shared-vpc', n: 0, liftResourceLimit: false, reps: options.reps },
    ...OURS_NS.map((n) => ({ workload: 'cdk-eks-identity' as const, n, liftResourceLimit: false, reps: n > 200 ? repsLarge : options.reps })),
    ...THEIRS_NS.map((n) => ({ workload: 'aws-eks-v2' as const, n, liftResourceLimit: false, reps: options.reps })),
    ...THEIRS_LIFTED_NS.map((n) => ({ workload: 'aws-eks-v2' as const, n, liftResourceLimit: true, reps: repsLarge })),
  ];
  log('one discarded warm-up run per side ...');
  runChild(jsDir, { workload: 'cdk-eks-identity', n: 1, liftResourceLimit: false });
  runChild(jsDir, { workload: 'aws-eks-v2', n: 1, liftResourceLimit: false });

  const samples = new Map<RunConfig, TimedSample[]>(configs.map((c) => [c, []]));
  const maxReps = Math.max(...configs.map((c) => c.reps));
  for (let round = 0; round < maxReps; round++) {
    for (const config of roundOrder(configs, round)) {
      const done = samples.get(config)!;
      if (done.length >= config.reps || done.some((s) => !s.ok)) continue;
      const sample = runChild(jsDir, config);
      done.push(sample);
      log(`compare ${round + 1}/${maxReps} ${config.workload}${config.workload === 'shared-vpc' ? '' : ` N=${config.n}`}${config.liftResourceLimit ? ' (limit lifted)' : ''}: ` +
        (sample.ok ? `synth ${Math.round(sample.synthMs)} ms (CPU ${Math.round(sample.synthCpuMs)} ms), load ${sample.loadAverage?.toFixed(1)}` : `fails: ${sample.error?.slice(0, 100)}`));
    }
  }
  return configs.map((c) => summarize(c, samples.get(c)!));
}

/** One profiled synth per side at N=0 and N={@link PROFILE_N}, summarized by who runs the code. */
function runProfiles(jsDir: string): ProfileSummary[] {
  const summaries: ProfileSummary[] = [];
  const runs: Array<{ label: string; workload: Workload; n: number; lifted: boolean }> = [
    { label: 'cdk-eks-identity', workload: 'cdk-eks-identity', n: 0, lifted: false },
    { label: 'cdk-eks-identity', workload: 'cdk-eks-identity', n: PROFILE_N, lifted: false },
    { label: 'aws-eks-v2', workload: 'aws-eks-v2', n: 0, lifted: false },
    { label: 'aws-eks-v2 (limit lifted)', workload: 'aws-eks-v2', n: PROFILE_N, lifted: true },
  ];
  for (const run of runs) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-eks-identity-bench-profile-'));
    try {
      runChild(jsDir, { workload: run.workload, n: run.n, liftResourceLimit: run.lifted }, [], ['--cpu-prof', '--cpu-prof-dir', dir]);
      const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error(`no CPU profile written for ${run.workload} N=${run.n}`);
      summaries.push(summarizeProfile(path.join(dir, file), jsDir, run.label, run.workload, run.n));
      log(`profiled ${run.label} N=${run.n}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return summaries;
}

/** The `scale` and `plugin` suites. */
function runScale(jsDir: string, options: Options, repsLarge: number): ScaleResults {
  const assemblies = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-eks-identity-bench-scale-'));
  const directoryOf = (n: number) => path.join(assemblies, `n${n}`);
  const ns = options.suites.includes('scale') ? options.scaleNs : [];
  const synth = new Map<string, TimedSample[]>();
  const cli = new Map<string, TimedCliSample[]>();
  try {
    for (let round = 0; round < SCALE_SYNTH_REPS; round++) {
      for (const n of ns) {
        const done = synth.get(`${n}`) ?? [];
        synth.set(`${n}`, done);
        if (done.some((s) => !s.ok)) continue;
        fs.rmSync(directoryOf(n), { recursive: true, force: true });
        const sample = runChild(jsDir, { workload: 'scale', n, liftResourceLimit: false }, ['--outdir', directoryOf(n)]);
        done.push(sample);
        log(`scale synth ${round + 1}/${SCALE_SYNTH_REPS} N=${n}: ` + (sample.ok
          ? `build + synth CPU ${secondsText(sample.buildCpuMs + sample.synthCpuMs)}, wall ${secondsText(sample.buildMs + sample.synthMs)}, load ${sample.loadAverage?.toFixed(1)}`
          : `fails: ${sample.error?.slice(0, 100)}`));
      }
    }
    for (let round = 0; round < repsLarge; round++) {
      for (const n of ns) {
        if (!synth.get(`${n}`)?.every((s) => s.ok)) continue;
        const commands = round % 2 === 0 ? CLI_COMMANDS : [...CLI_COMMANDS].reverse();
        for (const command of commands) {
          const sample = runCliChild(jsDir, command, directoryOf(n), n);
          cli.set(`${command} ${n}`, [...cli.get(`${command} ${n}`) ?? [], sample]);
          log(`${command} ${round + 1}/${repsLarge} N=${n}: CPU ${secondsText(sample.processCpuMs)}, wall ${secondsText(sample.processMs)}, `
            + `exit ${sample.exitCode}, load ${sample.loadAverage?.toFixed(1)}`);
        }
      }
    }
    if (options.suites.includes('plugin')) {
      const samples: TimedSample[] = [];
      for (let round = 0; round < repsLarge; round++) {
        const sample = runChild(jsDir, { workload: 'scale', n: PLUGIN_N, liftResourceLimit: false }, ['--plugin']);
        samples.push(sample);
        log(`plugin ${round + 1}/${repsLarge} N=${PLUGIN_N}: ` + (sample.ok
          ? `plugin ${Math.round(sample.pluginCpuMs ?? 0)} ms of synth ${Math.round(sample.synthCpuMs)} ms CPU, load ${sample.loadAverage?.toFixed(1)}`
          : `fails: ${sample.error?.slice(0, 100)}`));
        if (!sample.ok) break;
      }
      synth.set(`plugin ${PLUGIN_N}`, samples);
    }
  } finally {
    fs.rmSync(assemblies, { recursive: true, force: true });
  }
  return {
    stacks: SCALE_STACKS,
    ns,
    synth: [
      ...ns.map((n) => summarizeScaleSynth(n, false, synth.get(`${n}`) ?? [])),
      ...(synth.has(`plugin ${PLUGIN_N}`) ? [summarizeScaleSynth(PLUGIN_N, true, synth.get(`plugin ${PLUGIN_N}`)!)] : []),
    ],
    cli: ns.flatMap((n) => CLI_COMMANDS.flatMap((command) => {
      const samples = cli.get(`${command} ${n}`);
      return samples ? [summarizeCli(command, n, samples)] : [];
    })),
  };
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (options.renderOnly) return renderFromSavedRun();
  const started = Date.now();
  const loadAverageBefore = os.loadavg()[0];
  const repsLarge = Math.min(options.reps, MIN_REPS);
  log('compiling bench/ and src/ ...');
  const jsDir = compile();
  try {
    const results = options.suites.includes('compare') ? runCompare(jsDir, options, repsLarge) : [];
    const vpc = results.find((r) => r.config.workload === 'shared-vpc');
    if (vpc && (!vpc.ok || !vpc.metrics)) throw new Error(`the shared VPC does not synthesize: ${vpc.error}`);
    const profiles = options.suites.includes('compare') ? runProfiles(jsDir) : undefined;
    const scale = options.suites.some((s) => s === 'scale' || s === 'plugin') ? runScale(jsDir, options, repsLarge) : undefined;
    const run: BenchRun = {
      generatedAt: new Date().toISOString(),
      command: BENCH_COMMAND,
      durationSeconds: (Date.now() - started) / 1000,
      machine: machineInfo(loadAverageBefore),
      reps: options.reps,
      repsLarge,
      suites: options.suites,
      sharedVpc: vpc?.metrics,
      results,
      analysis: vpc?.metrics && analyze(results, vpc.metrics),
      ...(profiles ? { profiles } : {}),
      ...(scale ? { scale, scaleAnalysis: analyzeScale(scale, PLUGIN_N), scaleSynthReps: SCALE_SYNTH_REPS } : {}),
    };
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, JSON.stringify(run, null, 2) + '\n');
    log('wrote bench/results/latest.json');
    if (options.docs) writeDocs(run);
    for (const target of [...run.analysis?.targets ?? [], ...run.scaleAnalysis?.targets ?? []]) {
      log(`${target.met ? 'met    ' : 'NOT MET'}  ${target.target}: ${target.measured}`);
    }
    log(`done in ${Math.round(run.durationSeconds)} s`);
  } finally {
    fs.rmSync(jsDir, { recursive: true, force: true });
  }
}

if (require.main === module) main();
