/**
 * The scale part of the benchmark: `check` and `report` over assemblies of 0 to 10,000 identities
 * in {@link SCALE_STACKS} stacks, the synth of those assemblies, and the share of synth the rule
 * pack takes as a validation plugin. From samples to medians, per-identity costs and targets.
 */
import { spread, Spread, TargetResult, TimedSample } from './analysis';
import type { CliCommand, CliSample } from './measure-cli';
import type { AssemblyMetrics } from './metrics';

/** A CLI sample with the wall time of its whole child process and the load average at its start. */
export interface TimedCliSample extends CliSample {
  readonly processMs: number;
  readonly loadAverage?: number;
}

/** The synth samples of the scale workload at one N (with or without the rule pack as a validation plugin). */
export interface ScaleSynthResult {
  readonly n: number;
  readonly plugin: boolean;
  readonly samples: TimedSample[];
  readonly ok: boolean;
  readonly error?: string;
  readonly buildCpuMs?: Spread;
  readonly synthCpuMs?: Spread;
  readonly synthMs?: Spread;
  readonly processMs?: Spread;
  readonly maxRssBytes?: Spread;
  /** CPU time of the plugin's `validate` (with `plugin`). */
  readonly pluginCpuMs?: Spread;
  /** Per sample: plugin CPU time ÷ `app.synth()` CPU time (with `plugin`). */
  readonly pluginShare?: Spread;
  readonly loadAverage?: Spread;
  readonly metrics?: AssemblyMetrics;
}

/** The samples of one command at one N. */
export interface CliResult {
  readonly command: CliCommand;
  readonly n: number;
  readonly samples: TimedCliSample[];
  readonly processCpuMs?: Spread;
  readonly processMs?: Spread;
  readonly runCpuMs?: Spread;
  readonly runMs?: Spread;
  readonly maxRssBytes?: Spread;
  readonly loadAverage?: Spread;
  readonly exitCodes: number[];
  readonly outputChars?: number;
}

/** Everything the scale and plugin suites measured. */
export interface ScaleResults {
  readonly stacks: number;
  readonly ns: number[];
  readonly synth: ScaleSynthResult[];
  readonly cli: CliResult[];
}

/** The per-identity cost of a command at N: (CPU time at N − at N=0) ÷ N, medians. */
export interface CliPerIdentity {
  readonly command: CliCommand;
  readonly n: number;
  readonly cpuMsPerIdentity: number;
}

export interface ScaleAnalysis {
  readonly perIdentity: CliPerIdentity[];
  /** Per command: the per-identity cost at the largest N ÷ at {@link FLAT_FROM}. */
  readonly flatness: Array<{ command: CliCommand; from: number; to: number; ratio: number }>;
  /** Synth of the scale workload: CPU time of the construct tree and `app.synth()` per identity, (N − 0) ÷ N. */
  readonly synthPerIdentity: Array<{ n: number; cpuMsPerIdentity: number }>;
  readonly targets: TargetResult[];
}

/** What `check` and `report` may take over the largest N (CPU time of the whole process). */
export const CLI_LIMIT_MS = 15000;
/** The N from which cost per identity must stay flat. */
export const FLAT_FROM = 1000;
/** The largest ratio of per-identity costs (largest N ÷ {@link FLAT_FROM}) that counts as flat. */
export const FLAT_RATIO = 1.2;
/** The largest share of synth the plugin may take. */
export const PLUGIN_SHARE = 0.05;

/** Summarizes the synth samples of one N. */
export function summarizeScaleSynth(n: number, plugin: boolean, samples: TimedSample[]): ScaleSynthResult {
  const good = samples.filter((s) => s.ok);
  const failed = samples.find((s) => !s.ok);
  return {
    n,
    plugin,
    samples,
    ok: samples.length > 0 && failed === undefined,
    ...(failed ? { error: failed.error } : {}),
    buildCpuMs: spread(good.map((s) => s.buildCpuMs)),
    synthCpuMs: spread(good.map((s) => s.synthCpuMs)),
    synthMs: spread(good.map((s) => s.synthMs)),
    processMs: spread(good.map((s) => s.processMs)),
    maxRssBytes: spread(good.map((s) => s.maxRssBytes)),
    pluginCpuMs: spread(good.flatMap((s) => s.pluginCpuMs !== undefined ? [s.pluginCpuMs] : [])),
    pluginShare: spread(good.flatMap((s) => s.pluginCpuMs !== undefined && s.synthCpuMs > 0 ? [s.pluginCpuMs / s.synthCpuMs] : [])),
    loadAverage: spread(samples.flatMap((s) => s.loadAverage !== undefined ? [s.loadAverage] : [])),
    metrics: good[0]?.metrics,
  };
}

/** Summarizes the samples of one command at one N. */
export function summarizeCli(command: CliCommand, n: number, samples: TimedCliSample[]): CliResult {
  return {
    command,
    n,
    samples,
    processCpuMs: spread(samples.map((s) => s.processCpuMs)),
    processMs: spread(samples.map((s) => s.processMs)),
    runCpuMs: spread(samples.map((s) => s.runCpuMs)),
    runMs: spread(samples.map((s) => s.runMs)),
    maxRssBytes: spread(samples.map((s) => s.maxRssBytes)),
    loadAverage: spread(samples.flatMap((s) => s.loadAverage !== undefined ? [s.loadAverage] : [])),
    exitCodes: [...new Set(samples.map((s) => s.exitCode))],
    outputChars: samples[0]?.outputChars,
  };
}

/** The result of a command at N. */
export function cliResultOf(scale: ScaleResults, command: CliCommand, n: number): CliResult | undefined {
  return scale.cli.find((c) => c.command === command && c.n === n);
}

/** The synth result at N (`plugin`: the runs with the rule pack as a validation plugin). */
export function scaleSynthOf(scale: ScaleResults, n: number, plugin = false): ScaleSynthResult | undefined {
  return scale.synth.find((s) => s.n === n && s.plugin === plugin);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function load(s: Spread | undefined): string {
  return s ? `load average ${s.min.toFixed(1)}–${s.max.toFixed(1)}` : 'load average not recorded';
}

/** Per-identity costs, flatness and the targets of the scale and plugin suites. */
export function analyzeScale(scale: ScaleResults, pluginN = FLAT_FROM): ScaleAnalysis {
  const commands = [...new Set(scale.cli.map((c) => c.command))];
  const largest = Math.max(...scale.ns);
  const perIdentity: CliPerIdentity[] = [];
  for (const command of commands) {
    const zero = cliResultOf(scale, command, 0)?.processCpuMs;
    if (!zero) continue;
    for (const n of scale.ns.filter((x) => x > 0)) {
      const at = cliResultOf(scale, command, n)?.processCpuMs;
      if (at) perIdentity.push({ command, n, cpuMsPerIdentity: (at.median - zero.median) / n });
    }
  }
  const flatness = commands.flatMap((command) => {
    const from = perIdentity.find((p) => p.command === command && p.n === FLAT_FROM);
    const to = perIdentity.find((p) => p.command === command && p.n === largest);
    return from && to && largest > FLAT_FROM ? [{ command, from: FLAT_FROM, to: largest, ratio: to.cpuMsPerIdentity / from.cpuMsPerIdentity }] : [];
  });
  const synthZero = scaleSynthOf(scale, 0);
  const buildSynth = (r: ScaleSynthResult | undefined) =>
    r?.ok && r.buildCpuMs && r.synthCpuMs ? r.buildCpuMs.median + r.synthCpuMs.median : undefined;
  const synthPerIdentity = scale.ns.filter((n) => n > 0).flatMap((n) => {
    const at = buildSynth(scaleSynthOf(scale, n));
    const zero = buildSynth(synthZero);
    return at !== undefined && zero !== undefined ? [{ n, cpuMsPerIdentity: (at - zero) / n }] : [];
  });

  const targets: TargetResult[] = [];
  for (const command of ['check', 'report'] as CliCommand[]) {
    const r = cliResultOf(scale, command, largest);
    targets.push({
      target: `\`${command}\` over ${largest.toLocaleString('en-US')} identities (${scale.stacks} stacks) under ${seconds(CLI_LIMIT_MS)} `
        + '(CPU time of the whole process, median)',
      measured: r?.processCpuMs && r.processMs
        ? `${seconds(r.processCpuMs.median)} CPU (${seconds(r.processCpuMs.min)}–${seconds(r.processCpuMs.max)}); wall ${seconds(r.processMs.median)} `
          + `(${seconds(r.processMs.min)}–${seconds(r.processMs.max)}) at ${load(r.loadAverage)}`
        : 'not measured',
      met: r?.processCpuMs !== undefined && r.processCpuMs.median < CLI_LIMIT_MS,
    });
  }
  for (const command of ['check', 'report'] as CliCommand[]) {
    const flat = flatness.find((f) => f.command === command);
    const per = (n: number) => perIdentity.find((p) => p.command === command && p.n === n);
    targets.push({
      target: `\`${command}\`: cost per identity flat from ${FLAT_FROM.toLocaleString('en-US')} to ${largest.toLocaleString('en-US')} identities `
        + `(CPU time per identity, (N − 0) ÷ N; ratio ≤ ${FLAT_RATIO.toFixed(1)})`,
      measured: flat
        ? `${scale.ns.filter((n) => n >= FLAT_FROM).map((n) => `${per(n)!.cpuMsPerIdentity.toFixed(3)} ms at N=${n.toLocaleString('en-US')}`).join(', ')}: `
          + `ratio ${flat.ratio.toFixed(2)}`
        : 'not measured',
      met: flat !== undefined && flat.ratio <= FLAT_RATIO,
    });
  }
  const plugin = scaleSynthOf(scale, pluginN, true);
  targets.push({
    target: `the rule pack as a validation plugin takes under ${(PLUGIN_SHARE * 100).toFixed(0)}% of \`app.synth()\` at N=${pluginN.toLocaleString('en-US')} `
      + `(${scale.stacks} stacks; CPU time of its \`validate\` ÷ CPU time of \`app.synth()\`, median of the runs)`,
    measured: plugin?.pluginShare && plugin.pluginCpuMs && plugin.synthCpuMs
      ? `${(plugin.pluginShare.median * 100).toFixed(1)}% (${(plugin.pluginShare.min * 100).toFixed(1)}–${(plugin.pluginShare.max * 100).toFixed(1)}%): `
        + `${Math.round(plugin.pluginCpuMs.median)} ms of ${seconds(plugin.synthCpuMs.median)} at ${load(plugin.loadAverage)}`
      : 'not measured',
    met: plugin?.pluginShare !== undefined && plugin.pluginShare.median < PLUGIN_SHARE,
  });
  return { perIdentity, flatness, synthPerIdentity, targets };
}
