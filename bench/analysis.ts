/**
 * From samples to the numbers the benchmark reports: medians per configuration, per-identity
 * costs, ratios, linear fits and the targets.
 */
import type { Sample } from './measure';
import type { AssemblyMetrics } from './metrics';
import { linearFit, LinearFit, median } from './stats';
import type { Side } from './workloads';

/** One configuration: a workload at one N. */
export interface RunConfig {
  readonly workload: Side | 'shared-vpc';
  readonly n: number;
  /** See `BenchAppOptions.liftResourceLimit`: the app would not deploy; for counting and comparison only. */
  readonly liftResourceLimit: boolean;
  /** How many child processes to run (a deterministic failure stops after the first). */
  readonly reps: number;
}

/** A sample with the wall time of its whole child process, measured by the parent. */
export interface TimedSample extends Sample {
  readonly processMs: number;
  /** The 1-minute load average when the child started (other processes share the cores). */
  readonly loadAverage?: number;
}

/** Median, minimum and maximum of one measurement. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Everything measured for one configuration. */
export interface ConfigResult {
  readonly config: RunConfig;
  readonly samples: TimedSample[];
  /** Whether every sample synthesized. */
  readonly ok: boolean;
  /** The first error, when a sample failed. */
  readonly error?: string;
  /** Timing and memory over the successful samples (absent when none succeeded). */
  readonly loadMs?: Spread;
  readonly buildMs?: Spread;
  readonly synthMs?: Spread;
  readonly processMs?: Spread;
  /** CPU time (user + system) of `app.synth()`: the work of the child itself, without time spent waiting for a core. */
  readonly synthCpuMs?: Spread;
  readonly processCpuMs?: Spread;
  /** CPU time of building the construct tree plus `app.synth()`: what `cdk synth` spends on the app. */
  readonly buildSynthCpuMs?: Spread;
  readonly maxRssBytes?: Spread;
  /** The 1-minute load average at the start of the samples. */
  readonly loadAverage?: Spread;
  /** The assembly metrics (identical in every successful sample; taken from the first). */
  readonly metrics?: AssemblyMetrics;
}

/** Median, minimum and maximum of a list (undefined when it is empty). */
export function spread(values: number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Summarizes the samples of one configuration. */
export function summarize(config: RunConfig, samples: TimedSample[]): ConfigResult {
  const good = samples.filter((s) => s.ok);
  const failed = samples.find((s) => !s.ok);
  return {
    config,
    samples,
    ok: samples.length > 0 && failed === undefined,
    error: failed?.error,
    loadMs: spread(good.map((s) => s.loadMs)),
    buildMs: spread(good.map((s) => s.buildMs)),
    synthMs: spread(good.map((s) => s.synthMs)),
    processMs: spread(good.map((s) => s.processMs)),
    synthCpuMs: spread(good.map((s) => s.synthCpuMs)),
    processCpuMs: spread(good.map((s) => s.processCpuMs)),
    buildSynthCpuMs: spread(good.map((s) => s.buildCpuMs + s.synthCpuMs)),
    maxRssBytes: spread(good.map((s) => s.maxRssBytes)),
    loadAverage: spread(samples.flatMap((s) => s.loadAverage !== undefined ? [s.loadAverage] : [])),
    metrics: good[0]?.metrics,
  };
}

/** A target of the benchmark and whether this run meets it. */
export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** The cost of one more identity on one side, between N=0 and N. */
export interface PerIdentity {
  readonly side: Side;
  readonly n: number;
  /** From an app with the resource limit lifted (aws-eks-v2 does not synthesize at this N). */
  readonly fromLiftedLimit: boolean;
  readonly resources: number;
  readonly templateBytes: number;
  /** Template plus Kubernetes YAML bytes. */
  readonly outputBytes: number;
}

/** The derived numbers of a run. */
export interface Analysis {
  readonly perIdentity: PerIdentity[];
  /** Lambda functions / custom resources of each side beyond the shared VPC's, per N. */
  readonly codeBeyondVpc: Array<{ side: Side; n: number; lambdaFunctions: number; customResources: number; nestedStacks: number }>;
  /** Median time against N (a least-squares line), per side and time measurement, over the side's successful N. */
  readonly fits: { [side: string]: { [measure in TimeMeasure]?: LinearFit } };
  /**
   * Marginal cost of cdk-eks-identity between consecutive N (ms per identity), per time measurement.
   * N=1 is left out (one identity apart from N=0: the difference is noise).
   */
  readonly marginal: { [measure in TimeMeasure]?: Array<{ from: number; to: number; msPerIdentity: number }> };
  /** CPU time per identity of building the construct tree plus `app.synth()`, on both sides, between N=0 and N. */
  readonly marginalCpu: MarginalCpu[];
  readonly targets: TargetResult[];
}

/** The CPU time one more identity costs `cdk synth` (construct tree and `app.synth()`), between N=0 and N, on both sides. */
export interface MarginalCpu {
  readonly n: number;
  /** (median at N − median at N=0) ÷ N, ms per identity. */
  readonly ours: number;
  readonly theirs: number;
  /** aws-eks-v2 does not synthesize at this N; measured with the resource limit lifted. */
  readonly theirsLifted: boolean;
  /** The same for `app.synth()` alone. */
  readonly oursSynthOnly: number;
  readonly theirsSynthOnly: number;
}

/** The largest ratio (ours ÷ theirs) of marginal synth CPU per identity the target allows. */
export const MARGINAL_CPU_RATIO = 0.5;

/** Marginal CPU per identity at the N measured on both sides (aws-eks-v2 with the limit lifted where it fails). */
export function marginalCpu(results: ConfigResult[]): MarginalCpu[] {
  const out: MarginalCpu[] = [];
  const oursZero = resultOf(results, 'cdk-eks-identity', 0);
  const theirsZero = resultOf(results, 'aws-eks-v2', 0);
  if (!oursZero?.buildSynthCpuMs || !theirsZero?.buildSynthCpuMs) return out;
  for (const n of nsOf(results, 'cdk-eks-identity').filter((x) => x > 1)) {
    const ours = resultOf(results, 'cdk-eks-identity', n);
    const real = resultOf(results, 'aws-eks-v2', n);
    const theirs = real?.ok ? real : resultOf(results, 'aws-eks-v2', n, true);
    if (!ours?.buildSynthCpuMs || !theirs?.ok || !theirs.buildSynthCpuMs) continue;
    const per = (r: ConfigResult, zero: ConfigResult, pick: (c: ConfigResult) => Spread | undefined) => (pick(r)!.median - pick(zero)!.median) / n;
    out.push({
      n,
      ours: per(ours, oursZero, (c) => c.buildSynthCpuMs),
      theirs: per(theirs, theirsZero, (c) => c.buildSynthCpuMs),
      theirsLifted: theirs !== real,
      oursSynthOnly: per(ours, oursZero, (c) => c.synthCpuMs),
      theirsSynthOnly: per(theirs, theirsZero, (c) => c.synthCpuMs),
    });
  }
  return out;
}

/** The time measurements of a sample. */
export type TimeMeasure = 'buildMs' | 'synthMs' | 'synthCpuMs' | 'processMs';
export const TIME_MEASURES: TimeMeasure[] = ['buildMs', 'synthMs', 'synthCpuMs', 'processMs'];

/**
 * The median of the per-round ratios ours ÷ theirs. The runner runs both sides' samples of one N
 * back to back in every round, so sample i of each side saw about the same background load.
 */
export function pairedRatio(ours: ConfigResult | undefined, theirs: ConfigResult | undefined, measure: TimeMeasure): number | undefined {
  if (!ours?.ok || !theirs?.ok) return undefined;
  const count = Math.min(ours.samples.length, theirs.samples.length);
  if (count === 0) return undefined;
  const ratios: number[] = [];
  for (let i = 0; i < count; i++) ratios.push(ours.samples[i][measure] / theirs.samples[i][measure]);
  return median(ratios);
}

/** The R² a synth-time line must reach to count as linear growth. */
export const LINEAR_R_SQUARED = 0.95;

/** Finds the result of a configuration. */
export function resultOf(results: ConfigResult[], workload: RunConfig['workload'], n: number, liftResourceLimit = false): ConfigResult | undefined {
  return results.find((r) => r.config.workload === workload && r.config.n === n && r.config.liftResourceLimit === liftResourceLimit);
}

/** The N measured for a side (without lifted-limit configurations), ascending. */
export function nsOf(results: ConfigResult[], side: Side): number[] {
  return results.filter((r) => r.config.workload === side && !r.config.liftResourceLimit).map((r) => r.config.n).sort((a, b) => a - b);
}

function fmt(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** Derives per-identity costs, fits and targets. `vpc` is the shared VPC measured alone. */
export function analyze(results: ConfigResult[], vpc: AssemblyMetrics): Analysis {
  const sides: Side[] = ['cdk-eks-identity', 'aws-eks-v2'];
  const perIdentity: PerIdentity[] = [];
  for (const side of sides) {
    const zero = resultOf(results, side, 0)?.metrics;
    if (!zero) continue;
    for (const n of nsOf(results, side).filter((x) => x > 1)) {
      const real = resultOf(results, side, n);
      const lifted = resultOf(results, side, n, true);
      const metrics = real?.metrics ?? lifted?.metrics;
      if (!metrics) continue;
      perIdentity.push({
        side,
        n,
        fromLiftedLimit: !real?.metrics,
        resources: (metrics.resources - zero.resources) / n,
        templateBytes: (metrics.templateBytes - zero.templateBytes) / n,
        outputBytes: (metrics.templateBytes + metrics.kubernetesManifestBytes - zero.templateBytes - zero.kubernetesManifestBytes) / n,
      });
    }
  }

  const codeBeyondVpc = results
    .filter((r) => r.config.workload !== 'shared-vpc' && r.metrics && !r.config.liftResourceLimit)
    .map((r) => ({
      side: r.config.workload as Side,
      n: r.config.n,
      lambdaFunctions: r.metrics!.lambdaFunctions - vpc.lambdaFunctions,
      customResources: r.metrics!.customResources - vpc.customResources,
      nestedStacks: r.metrics!.nestedStacks - vpc.nestedStacks,
    }));

  const fits: Analysis['fits'] = {};
  for (const side of sides) {
    const ok = nsOf(results, side).map((n) => resultOf(results, side, n)!).filter((r) => r.ok);
    fits[side] = {};
    for (const measure of TIME_MEASURES) {
      const points = ok.filter((r) => r[measure]).map((r) => [r.config.n, r[measure]!.median] as [number, number]);
      if (points.length >= 2) fits[side][measure] = linearFit(points);
    }
  }

  const oursOk = nsOf(results, 'cdk-eks-identity')
    .filter((n) => n !== 1)
    .map((n) => resultOf(results, 'cdk-eks-identity', n)!)
    .filter((r) => r.ok);
  const marginal: Analysis['marginal'] = {};
  for (const measure of TIME_MEASURES) {
    marginal[measure] = oursOk.slice(1).map((r, i) => ({
      from: oursOk[i].config.n,
      to: r.config.n,
      msPerIdentity: (r[measure]!.median - oursOk[i][measure]!.median) / (r.config.n - oursOk[i].config.n),
    }));
  }

  const marginalCpuPerIdentity = marginalCpu(results);
  return {
    perIdentity,
    codeBeyondVpc,
    fits,
    marginal,
    marginalCpu: marginalCpuPerIdentity,
    targets: [
      ...evaluateTargets(results, perIdentity, codeBeyondVpc, fits['cdk-eks-identity']?.synthMs, marginal.synthMs ?? []),
      marginalCpuTarget(marginalCpuPerIdentity),
    ],
  };
}

function marginalCpuTarget(marginals: MarginalCpu[]): TargetResult {
  return {
    target: 'marginal synth cost per identity (CPU time of the construct tree and `app.synth()`, between N=0 and N) at most half of aws-eks-v2\'s '
      + `at every N measured on both sides (ratio ≤ ${fmt(MARGINAL_CPU_RATIO)})`,
    measured: marginals.map((m) => `N=${m.n}: ${fmt(m.ours)} vs. ${fmt(m.theirs)} ms per identity = ${fmt(m.ours / m.theirs)}`
      + `${m.theirsLifted ? ' (aws-eks-v2 with the limit lifted)' : ''}`).join('; ') || 'not measured',
    met: marginals.length > 0 && marginals.every((m) => m.ours / m.theirs <= MARGINAL_CPU_RATIO),
  };
}

function evaluateTargets(
  results: ConfigResult[],
  perIdentity: PerIdentity[],
  codeBeyondVpc: Analysis['codeBeyondVpc'],
  oursSynthFit: LinearFit | undefined,
  oursMarginalSynth: Array<{ from: number; to: number; msPerIdentity: number }>,
): TargetResult[] {
  const out: TargetResult[] = [];
  const ours = nsOf(results, 'cdk-eks-identity').map((n) => resultOf(results, 'cdk-eks-identity', n)!);

  const failing = ours.filter((r) => !r.ok);
  out.push({
    target: 'cdk-eks-identity synthesizes at every N',
    measured: failing.length === 0
      ? `synthesizes at N = ${ours.map((r) => r.config.n).join(', ')}`
      : failing.map((r) => `N=${r.config.n} fails: ${r.error}`).join('; '),
    met: failing.length === 0,
  });

  const code = codeBeyondVpc.filter((c) => c.side === 'cdk-eks-identity');
  const worstLambda = Math.max(0, ...code.map((c) => c.lambdaFunctions));
  const worstCustom = Math.max(0, ...code.map((c) => c.customResources));
  out.push({
    target: 'cdk-eks-identity: 0 Lambda functions and 0 custom resources (beyond the shared VPC\'s)',
    measured: `at most ${worstLambda} Lambda function(s) and ${worstCustom} custom resource(s) beyond the VPC's, at every N`,
    met: code.length > 0 && worstLambda === 0 && worstCustom === 0,
  });

  const oursPer = perIdentity.filter((p) => p.side === 'cdk-eks-identity');
  const worstResources = Math.max(...oursPer.map((p) => p.resources));
  out.push({
    target: 'cdk-eks-identity: at most 2 CloudFormation resources per identity',
    measured: oursPer.map((p) => `${fmt(p.resources)} at N=${p.n}`).join(', '),
    met: oursPer.length > 0 && worstResources <= 2,
  });

  const byteRatios = oursPer
    .map((p) => ({ p, theirs: perIdentity.find((q) => q.side === 'aws-eks-v2' && q.n === p.n) }))
    .filter((x) => x.theirs)
    .map((x) => ({ n: x.p.n, ratio: x.p.templateBytes / x.theirs!.templateBytes, lifted: x.theirs!.fromLiftedLimit }));
  out.push({
    target: 'template bytes per identity at most half of aws-eks-v2\'s (ratio ≤ 0.50)',
    measured: byteRatios.map((b) => `${fmt(b.ratio)} at N=${b.n}${b.lifted ? ' (aws-eks-v2 counted with the limit lifted)' : ''}`).join(', ') || 'not measured',
    met: byteRatios.length > 0 && byteRatios.every((b) => b.ratio <= 0.5),
  });

  const timeTargets: Array<[string, TimeMeasure, TimeMeasure]> = [
    ['synth (`app.synth()`)', 'synthMs', 'synthCpuMs'],
    ['whole process', 'processMs', 'processMs'],
  ];
  for (const [label, measure, cpuMeasure] of timeTargets) {
    const parts: string[] = [];
    let met = ours.length > 0;
    for (const r of ours) {
      const theirs = resultOf(results, 'aws-eks-v2', r.config.n);
      if (!theirs) continue;
      if (!r.ok) {
        parts.push(`N=${r.config.n}: cdk-eks-identity fails`);
        met = false;
      } else if (!theirs.ok) {
        parts.push(`N=${r.config.n}: aws-eks-v2 does not synthesize`);
      } else {
        const ratio = r[measure]!.median / theirs[measure]!.median;
        const extra = [`paired ${fmt(pairedRatio(r, theirs, measure)!)}`];
        if (cpuMeasure !== measure) extra.push(`CPU time ${fmt(r[cpuMeasure]!.median / theirs[cpuMeasure]!.median)}`);
        parts.push(`N=${r.config.n}: ${fmt(ratio)} (${extra.join(', ')})`);
        if (ratio > 1) met = false;
      }
    }
    out.push({
      target: `${label} wall time no slower than aws-eks-v2 at every N (ratio of medians ≤ 1.00)`,
      measured: parts.join('; '),
      met,
    });
  }

  out.push({
    target: `cdk-eks-identity synth time grows linearly in N (least-squares line, R² ≥ ${LINEAR_R_SQUARED})`,
    measured: oursSynthFit
      ? `${fmt(oursSynthFit.slope, 3)} ms per identity + ${fmt(oursSynthFit.intercept, 0)} ms, R² = ${fmt(oursSynthFit.rSquared, 3)}` +
        (oursMarginalSynth.length > 0
          ? `; marginal ${oursMarginalSynth.map((m) => `${m.from}→${m.to}: ${fmt(m.msPerIdentity)}`).join(', ')} ms per identity`
          : '')
      : 'not enough points',
    met: oursSynthFit !== undefined && oursSynthFit.rSquared >= LINEAR_R_SQUARED,
  });
  return out;
}
