/**
 * The benchmark: cdk-eks-identity against aws-cdk-lib `aws-eks-v2`, side by side in one run.
 *
 *   npx ts-node --transpile-only bench/run.ts [--reps 7] [--no-docs] [--render-only]
 *
 * Writes `bench/results/latest.json` and regenerates `docs/benchmarks.md` (unless `--no-docs`).
 * `--render-only` measures nothing: it regenerates the document from `bench/results/latest.json`.
 * See docs/benchmarks.md for what is measured and how.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, ConfigResult, RunConfig, summarize, TimedSample } from './analysis';
import { RESULT_PREFIX, Sample } from './measure';
import { BenchRun, MachineInfo, renderMarkdown } from './report';

/** The command documented in docs/benchmarks.md. */
export const BENCH_COMMAND = 'npx ts-node --transpile-only bench/run.ts';

const REPO = path.resolve(__dirname, '..');
const OURS_NS = [0, 1, 50, 200, 1000];
const THEIRS_NS = [0, 1, 50, 200];
/** The N at which aws-eks-v2 overflows one stack; it is also built with the limit lifted there. */
const THEIRS_LIFTED_NS = [200];
const MIN_REPS = 5;

interface Options {
  readonly reps: number;
  readonly docs: boolean;
  /** Only regenerate docs/benchmarks.md from bench/results/latest.json (after a change to the report). */
  readonly renderOnly: boolean;
}

function parseOptions(argv: string[]): Options {
  let reps = 7;
  let docs = true;
  let renderOnly = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') reps = Number(argv[++i]);
    else if (argv[i] === '--no-docs') docs = false;
    else if (argv[i] === '--render-only') renderOnly = true;
    else throw new Error(`unknown argument '${argv[i]}' (usage: ${BENCH_COMMAND} [--reps N] [--no-docs] [--render-only])`);
  }
  if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps must be a positive integer');
  if (docs && reps < MIN_REPS) throw new Error(`docs/benchmarks.md needs at least ${MIN_REPS} runs per configuration; use --no-docs for a quick look`);
  return { reps, docs, renderOnly };
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
  const run: BenchRun = { ...saved, results, analysis: analyze(results, saved.sharedVpc) };
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

/** Runs one sample in a fresh node process and times the whole process. */
function runChild(jsDir: string, config: Pick<RunConfig, 'workload' | 'n' | 'liftResourceLimit'>): TimedSample {
  const args = [path.join(jsDir, 'bench', 'measure.js'), config.workload, `${config.n}`];
  if (config.liftResourceLimit) args.push('--lift-resource-limit');
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') },
  });
  const processMs = Number(process.hrtime.bigint() - start) / 1e6;
  const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) {
    throw new Error(`${config.workload} N=${config.n}: the child reported nothing (exit ${child.status}):\n${child.stderr}`);
  }
  const sample: Sample = JSON.parse(line.slice(RESULT_PREFIX.length));
  return { ...sample, processMs };
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

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (options.renderOnly) return renderFromSavedRun();
  const started = Date.now();
  const loadAverageBefore = os.loadavg()[0];
  const repsLarge = Math.min(options.reps, MIN_REPS);
  log('compiling bench/ and src/ ...');
  const jsDir = compile();
  try {
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
        log(`round ${round + 1}/${maxReps} ${config.workload}${config.workload === 'shared-vpc' ? '' : ` N=${config.n}`}${config.liftResourceLimit ? ' (limit lifted)' : ''}: ` +
          (sample.ok ? `synth ${Math.round(sample.synthMs)} ms, process ${Math.round(sample.processMs)} ms` : `fails: ${sample.error?.slice(0, 100)}`));
      }
    }

    const results: ConfigResult[] = configs.map((c) => summarize(c, samples.get(c)!));
    const vpc = results.find((r) => r.config.workload === 'shared-vpc')!;
    if (!vpc.ok || !vpc.metrics) throw new Error(`the shared VPC does not synthesize: ${vpc.error}`);
    const run: BenchRun = {
      generatedAt: new Date().toISOString(),
      command: BENCH_COMMAND,
      durationSeconds: (Date.now() - started) / 1000,
      machine: machineInfo(loadAverageBefore),
      reps: options.reps,
      repsLarge,
      sharedVpc: vpc.metrics,
      results,
      analysis: analyze(results, vpc.metrics),
    };
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, JSON.stringify(run, null, 2) + '\n');
    log('wrote bench/results/latest.json');
    if (options.docs) writeDocs(run);
    for (const target of run.analysis.targets) log(`${target.met ? 'met    ' : 'NOT MET'}  ${target.target}: ${target.measured}`);
    log(`done in ${Math.round(run.durationSeconds)} s`);
  } finally {
    fs.rmSync(jsDir, { recursive: true, force: true });
  }
}

if (require.main === module) main();
