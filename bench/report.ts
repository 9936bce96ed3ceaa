/**
 * Renders a benchmark run as `docs/benchmarks.md`.
 */
import { Analysis, ConfigResult, LINEAR_R_SQUARED, MARGINAL_CPU_RATIO, nsOf, pairedRatio, resultOf, Spread, TimeMeasure } from './analysis';
import type { AssemblyMetrics } from './metrics';
import { PROFILE_BUCKETS, ProfileSummary } from './profile';
import {
  CLI_LIMIT_MS, cliResultOf, FLAT_FROM, FLAT_RATIO, PLUGIN_SHARE, ScaleAnalysis, ScaleResults, scaleSynthOf,
} from './scale';
import {
  ACCOUNT, ADMIN_ROLE_ARN, BUCKET_OBJECTS_ARN, IDENTITIES_PER_STACK, KUBECTL_LAYER_ARN, NAMESPACE, REGION, Side,
} from './workloads';

/** The machine a run happened on. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly totalMemoryBytes: number;
  readonly os: string;
  readonly nodeVersion: string;
  readonly versions: { [pkg: string]: string };
  /** 1-minute load average before and after the run (other processes share the cores). */
  readonly loadAverageBefore: number;
  readonly loadAverageAfter: number;
}

/** Everything one run of `bench/run.ts` produced (also written as `bench/results/latest.json`). */
export interface BenchRun {
  readonly generatedAt: string;
  readonly command: string;
  readonly durationSeconds: number;
  readonly machine: MachineInfo;
  readonly reps: number;
  readonly repsLarge: number;
  /** The suites run (`compare`, `scale`, `plugin`); all when absent. */
  readonly suites?: string[];
  /** The shared VPC measured alone (compare suite). */
  readonly sharedVpc?: AssemblyMetrics;
  readonly results: ConfigResult[];
  /** The comparison with aws-eks-v2 (compare suite). */
  readonly analysis?: Analysis;
  /** Profiled synth runs of both sides (compare suite). */
  readonly profiles?: ProfileSummary[];
  /** The scale and plugin suites. */
  readonly scale?: ScaleResults;
  readonly scaleAnalysis?: ScaleAnalysis;
  /** Synth runs per N of the scale suite. */
  readonly scaleSynthReps?: number;
}

const OURS: Side = 'cdk-eks-identity';
const THEIRS: Side = 'aws-eks-v2';

function ms(value: number): string {
  return value >= 10000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function spreadMs(s: Spread | undefined): string {
  return s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : '–';
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function kb(bytes: number): string {
  return bytes >= 10000 ? `${(bytes / 1000).toFixed(1)} kB` : `${bytes} B`;
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined) return '–';
  if (b === 0) return a === 0 ? '–' : '∞';
  return `${(a / b).toFixed(2)}`;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Cell text of a side that did not synthesize. */
function failure(result: ConfigResult | undefined): string {
  if (!result) return 'not measured';
  const message = (result.error ?? 'failed').replace(/:\s*AWS::.*$/, '').replace(/\|/g, '\\|');
  return `**fails**: ${message}`;
}

function allNs(run: BenchRun): number[] {
  return [...new Set([...nsOf(run.results, OURS), ...nsOf(run.results, THEIRS)])].sort((a, b) => a - b);
}

function timeTable(run: BenchRun, measure: TimeMeasure): string {
  const rows = allNs(run).map((n) => {
    const ours = resultOf(run.results, OURS, n);
    const theirs = resultOf(run.results, THEIRS, n);
    const lifted = resultOf(run.results, THEIRS, n, true);
    const cell = (r: ConfigResult | undefined) => (!r ? 'not measured' : r.ok ? spreadMs(r[measure]) : '**fails**');
    const paired = (other: ConfigResult | undefined) => pairedRatio(ours, other, measure)?.toFixed(2) ?? '–';
    if (ours?.ok && theirs && !theirs.ok && lifted?.ok) {
      return [`${n}`, `${ours.samples.length} / ${lifted.samples.length}`, cell(ours), `**fails**; limit lifted: ${spreadMs(lifted[measure])}`,
        `(${ratio(ours[measure]?.median, lifted[measure]?.median)} vs. limit lifted)`, `(${paired(lifted)} vs. limit lifted)`];
    }
    return [`${n}`, `${ours?.samples.length ?? 0} / ${theirs?.samples.length ?? 0}`, cell(ours), cell(theirs),
      ours?.ok && theirs?.ok ? ratio(ours[measure]?.median, theirs[measure]?.median) : '–', paired(theirs)];
  });
  return table(['N', 'runs (ours / theirs)', 'cdk-eks-identity, median (min–max)', 'aws-eks-v2, median (min–max)',
    'ratio of medians (ours ÷ theirs)', 'median of paired ratios'], rows);
}

function sizeTable(run: BenchRun): string {
  const rows: string[][] = [];
  for (const n of allNs(run)) {
    const ours = resultOf(run.results, OURS, n);
    const theirs = resultOf(run.results, THEIRS, n);
    const lifted = resultOf(run.results, THEIRS, n, true);
    const cell = (r: ConfigResult | undefined, text: (m: AssemblyMetrics) => string, fallback?: ConfigResult) => {
      if (r?.ok && r.metrics) return text(r.metrics);
      if (fallback?.metrics) return `fails (${text(fallback.metrics)} with the limit lifted)`;
      return r ? 'fails' : 'not measured';
    };
    const theirsMetrics = theirs?.metrics ?? lifted?.metrics;
    const metric = (label: string, pick: (m: AssemblyMetrics) => number, format: (v: number) => string = String, withRatio = true) => rows.push([
      `${n}`, label, cell(ours, (m) => format(pick(m))), cell(theirs, (m) => format(pick(m)), lifted),
      withRatio && ours?.metrics && theirsMetrics ? ratio(pick(ours.metrics), pick(theirsMetrics)) : '–',
    ]);
    metric('CloudFormation resources', (m) => m.resources);
    metric('stacks', (m) => m.stacks.length, String, false);
    metric('most resources in one stack (limit 500)', (m) => m.maxStackResources);
    metric('Lambda functions', (m) => m.lambdaFunctions);
    metric('custom resources', (m) => m.customResources);
    metric('nested stacks', (m) => m.nestedStacks);
    metric('template bytes', (m) => m.templateBytes, kb);
    metric('Kubernetes YAML bytes', (m) => m.kubernetesManifestBytes, kb, false);
  }
  return table(['N', 'metric', 'cdk-eks-identity', 'aws-eks-v2', 'ratio (ours ÷ theirs)'], rows);
}

/** How many identities fit into one stack next to the cluster, from the per-identity cost at the largest N. */
function stackCapacity(run: BenchRun, side: Side): string {
  const zero = resultOf(run.results, side, 0)?.metrics;
  const per = run.analysis!.perIdentity.filter((x) => x.side === side).sort((a, b) => b.n - a.n)[0];
  if (!zero || !per || per.resources <= 0) return 'not measured';
  return `${Math.floor((500 - zero.resources) / per.resources)}`;
}

function memoryTable(run: BenchRun): string {
  const rows = allNs(run).map((n) => {
    const ours = resultOf(run.results, OURS, n);
    const theirs = resultOf(run.results, THEIRS, n);
    const cell = (r: ConfigResult | undefined) => (r?.ok && r.maxRssBytes ? `${mib(r.maxRssBytes.median)} (${mib(r.maxRssBytes.min)}–${mib(r.maxRssBytes.max)})` : failure(r));
    return [`${n}`, cell(ours), cell(theirs), ours?.maxRssBytes && theirs?.ok && theirs.maxRssBytes ? ratio(ours.maxRssBytes.median, theirs.maxRssBytes.median) : '–'];
  });
  return table(['N', 'cdk-eks-identity, median (min–max)', 'aws-eks-v2, median (min–max)', 'ratio'], rows);
}

function perIdentityTable(run: BenchRun): string {
  const ns = [...new Set(run.analysis!.perIdentity.map((p) => p.n))].sort((a, b) => a - b);
  const rows = ns.map((n) => {
    const ours = run.analysis!.perIdentity.find((p) => p.side === OURS && p.n === n);
    const theirs = run.analysis!.perIdentity.find((p) => p.side === THEIRS && p.n === n);
    const mark = theirs?.fromLiftedLimit ? ' †' : '';
    const v = (x: number | undefined, digits: number) => (x === undefined ? 'not measured' : x.toFixed(digits));
    return [
      `${n}`,
      v(ours?.resources, 2), `${v(theirs?.resources, 2)}${theirs ? mark : ''}`,
      v(ours?.templateBytes, 0), `${v(theirs?.templateBytes, 0)}${theirs ? mark : ''}`, ratio(ours?.templateBytes, theirs?.templateBytes),
      v(ours?.outputBytes, 0), ratio(ours?.outputBytes, theirs?.outputBytes),
    ];
  });
  return table([
    'N', 'resources / identity (ours)', 'resources / identity (aws-eks-v2)',
    'template bytes / identity (ours)', 'template bytes / identity (aws-eks-v2)', 'ratio',
    'template + YAML bytes / identity (ours)', 'ratio',
  ], rows);
}

function typesTable(run: BenchRun, n: number): string {
  const ours = resultOf(run.results, OURS, n)?.metrics;
  const theirs = resultOf(run.results, THEIRS, n)?.metrics;
  if (!ours || !theirs) return `(N=${n} not measured on both sides)`;
  const types = [...new Set([...Object.keys(ours.resourcesByType), ...Object.keys(theirs.resourcesByType)])].sort();
  const rows = types
    .filter((t) => (ours.resourcesByType[t] ?? 0) !== (theirs.resourcesByType[t] ?? 0) || !t.startsWith('AWS::EC2::'))
    .map((t) => [`\`${t}\``, `${ours.resourcesByType[t] ?? 0}`, `${theirs.resourcesByType[t] ?? 0}`]);
  return table(['resource type', 'cdk-eks-identity', 'aws-eks-v2'], rows);
}

function growthTable(run: BenchRun): string {
  const rows: string[][] = [];
  for (const side of [OURS, THEIRS]) {
    const ns = nsOf(run.results, side).filter((n) => resultOf(run.results, side, n)?.ok);
    const fits = run.analysis!.fits[side] ?? {};
    const cell = (measure: TimeMeasure) => {
      const fit = fits[measure];
      return fit ? `${fit.slope.toFixed(2)} ms/identity + ${Math.round(fit.intercept)} ms, R² ${fit.rSquared.toFixed(3)}` : 'not enough points';
    };
    rows.push([side, ns.join(', '), cell('synthMs'), cell('synthCpuMs'), cell('processMs')]);
  }
  return table(['side', 'N in the fit', '`app.synth()` wall', '`app.synth()` CPU', 'whole process wall'], rows);
}

/** Says, per time measurement, whether the last step of N costs more or less per identity than the step before. */
function growthShape(run: BenchRun): string {
  const parts: string[] = [];
  for (const [label, measure] of [['wall', 'synthMs'], ['CPU', 'synthCpuMs']] as const) {
    const steps = run.analysis!.marginal[measure] ?? [];
    if (steps.length < 2) continue;
    const [before, last] = steps.slice(-2);
    const less = last.msPerIdentity < before.msPerIdentity;
    parts.push(`in ${label} time an identity costs ${less ? 'less' : 'more'} from ${last.from} to ${last.to} than from ${before.from} to ${before.to} ` +
      `(the curve bends ${less ? 'below' : 'above'} a straight line)`);
  }
  return parts.length > 0 ? `Shape: ${parts.join('; ')}.` : '';
}

function marginalText(run: BenchRun, measure: TimeMeasure): string {
  return (run.analysis!.marginal[measure] ?? []).map((s) => `${s.from}→${s.to}: ${s.msPerIdentity.toFixed(2)}`).join(', ');
}

function minutes(secondsTotal: number): string {
  const m = Math.floor(secondsTotal / 60);
  return `${m} min ${Math.round(secondsTotal - m * 60)} s`;
}

function seconds(value: number): string {
  return `${(value / 1000).toFixed(1)} s`;
}

function spreadSeconds(x: Spread | undefined): string {
  return x ? `${seconds(x.median)} (${seconds(x.min)}–${seconds(x.max)})` : '–';
}

function loadText(x: Spread | undefined): string {
  return x ? (x.min.toFixed(1) === x.max.toFixed(1) ? x.min.toFixed(1) : `${x.min.toFixed(1)}–${x.max.toFixed(1)}`) : '–';
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function profileN(run: BenchRun): number {
  return Math.max(0, ...(run.profiles ?? []).map((p) => p.n));
}

function pluginN(run: BenchRun): number {
  return run.scale?.synth.find((x) => x.plugin)?.n ?? 0;
}

/** The N at which `check` exited non-zero (error findings). */
function checkFails(scale: ScaleResults): number[] {
  return scale.ns.filter((n) => cliResultOf(scale, 'check', n)?.exitCodes.some((code) => code !== 0));
}

function largestScaleN(scale: ScaleResults): number {
  return Math.max(0, ...scale.ns);
}

function marginalCpuTable(run: BenchRun): string {
  const rows = run.analysis!.marginalCpu.map((m) => [
    `${m.n}${m.theirsLifted ? ' †' : ''}`,
    m.ours.toFixed(2), m.theirs.toFixed(2), ratio(m.ours, m.theirs),
    m.oursSynthOnly.toFixed(2), m.theirsSynthOnly.toFixed(2), ratio(m.oursSynthOnly, m.theirsSynthOnly),
  ]);
  return table(['N', 'construct tree + `app.synth()`, ms / identity (ours)', '(aws-eks-v2)', 'ratio',
    '`app.synth()` alone (ours)', '(aws-eks-v2)', 'ratio'], rows) + '\n\n† aws-eks-v2 does not synthesize at this N; measured with the resource limit lifted.';
}

/** Profiled time per bucket at N=0 and N, and the difference per identity, per side. */
function profileTable(profiles: ProfileSummary[]): string {
  const labels = [...new Set(profiles.map((p) => p.workload))];
  const header = ['where the time goes'];
  const pairs = labels.map((workload) => {
    const runs = profiles.filter((p) => p.workload === workload).sort((a, b) => a.n - b.n);
    header.push(`${runs[0].label} N=${runs[0].n}`, `${runs[runs.length - 1].label} N=${runs[runs.length - 1].n}`, 'ms / identity');
    return [runs[0], runs[runs.length - 1]] as const;
  });
  const row = (name: string, pick: (p: ProfileSummary) => number) => [name, ...pairs.flatMap(([zero, at]) =>
    [`${Math.round(pick(zero))} ms`, `${Math.round(pick(at))} ms`, at.n > zero.n ? ((pick(at) - pick(zero)) / (at.n - zero.n)).toFixed(2) : '–'])];
  return table(header, [...PROFILE_BUCKETS.map((b) => row(b, (p) => p.buckets[b] ?? 0)), row('**total**', (p) => p.totalMs)]);
}

/** What the profiles say about the per-identity difference, in numbers. */
function profileText(profiles: ProfileSummary[]): string {
  const parts: string[] = [];
  for (const workload of [...new Set(profiles.map((p) => p.workload))]) {
    const runs = profiles.filter((p) => p.workload === workload).sort((a, b) => a.n - b.n);
    const [zero, at] = [runs[0], runs[runs.length - 1]];
    const delta = at.totalMs - zero.totalMs;
    if (at.n <= zero.n || delta <= 0) continue;
    const shares = PROFILE_BUCKETS.map((b) => ({ b, share: ((at.buckets[b] ?? 0) - (zero.buckets[b] ?? 0)) / delta }))
      .filter((x) => x.share >= 0.05).sort((x, y) => y.share - x.share);
    parts.push(`${at.label}: of the ${Math.round(delta)} ms the ${at.n - zero.n} identities add, ${shares.map((x) => `${(x.share * 100).toFixed(0)}% ${x.b}`).join(', ')}`);
  }
  return 'Profiled time is V8\'s sampling on the wall clock of one run each (so it is noisier than the CPU-time tables, and a wait for a core counts for the code ' +
    'that waited); garbage collection is not attributed. ' + (parts.length > 0 ? `${parts.join('; ')}.` : '');
}

/** The scale and plugin sections. */
function scaleSections(run: BenchRun, scale: ScaleResults, analysis: ScaleAnalysis): string[] {
  const out: string[] = [];
  const p = (...blocks: string[]) => out.push(...blocks.flatMap((b) => [b, '']));
  const largest = largestScaleN(scale);
  p(`## At scale: 0 to ${count(largest)} identities in ${scale.stacks} stacks`,
    `The same identities as above (\`${NAMESPACE}/sa-<i>\`, even i IRSA, odd i EKS Pod Identity, \`s3:GetObject\` each), spread evenly over ` +
    `${scale.stacks} stacks at every N: the cluster's stack (\`new IdentityCluster(...)\`, the same VPC, cluster and admin) and ${scale.stacks - 1} stacks that import it with ` +
    '`IdentityCluster.fromClusterAttributes` (name, OIDC issuer, `podIdentityAgentInstalled: true`), all in one app (`buildScaleWorkload` in ' +
    `\`bench/workloads.ts\`). At N=${count(largest)} that is ${count(largest / scale.stacks)} identities per stack.`);
  const rows = scale.ns.map((n) => {
    const synth = scaleSynthOf(scale, n);
    const m = synth?.metrics;
    const check = cliResultOf(scale, 'check', n);
    const report = cliResultOf(scale, 'report', n);
    const rss = (r: typeof check) => r?.maxRssBytes ? mib(r.maxRssBytes.median) : '–';
    return [
      count(n),
      m ? `${count(m.resources)} / ${m.stacks.length}` : failure(undefined),
      m ? kb(m.templateBytes + m.kubernetesManifestBytes) : '–',
      spreadSeconds(check?.processCpuMs), spreadSeconds(check?.processMs),
      spreadSeconds(report?.processCpuMs), spreadSeconds(report?.processMs),
      `${rss(check)} / ${rss(report)}`,
      `${check?.exitCodes.join(', ') ?? '–'} / ${report?.exitCodes.join(', ') ?? '–'}`,
      loadText(check?.loadAverage && report?.loadAverage ? {
        median: 0, min: Math.min(check.loadAverage.min, report.loadAverage.min), max: Math.max(check.loadAverage.max, report.loadAverage.max),
      } : undefined),
    ];
  });
  p('### `check` and `report` (whole process, median (min–max))', table([
    'N', 'resources / stacks', 'template + YAML bytes', '`check` CPU', '`check` wall', '`report` CPU', '`report` wall',
    'peak RSS (check / report)', 'exit code (check / report)', 'load average',
  ], rows), `Target: each under ${seconds(CLI_LIMIT_MS)} at N=${count(largest)}, judged on CPU time. \`check\` prints the findings; \`report\` the Markdown report ` +
    `(${count(cliResultOf(scale, 'report', largest)?.outputChars ?? 0)} characters at N=${count(largest)}).`);
  const perRows = (['check', 'report'] as const).map((command) => {
    const cells = scale.ns.filter((n) => n > 0).map((n) => analysis.perIdentity.find((x) => x.command === command && x.n === n)?.cpuMsPerIdentity.toFixed(3) ?? '–');
    const flat = analysis.flatness.find((f) => f.command === command);
    return [`\`${command}\``, ...cells, flat ? flat.ratio.toFixed(2) : '–'];
  });
  p('### Cost per identity (CPU ms per identity, (N − 0) ÷ N)', table(['command', ...scale.ns.filter((n) => n > 0).map((n) => `N=${count(n)}`),
    `ratio N=${count(largest)} ÷ N=${count(FLAT_FROM)}`], perRows),
  `Target: flat from N=${count(FLAT_FROM)} to N=${count(largest)}, the ratio at most ${FLAT_RATIO.toFixed(1)}. Below N=${count(FLAT_FROM)} a run is ` +
    'mostly start-up and loading, which the subtraction of N=0 removes only on average.');
  const synthRows = scale.ns.map((n) => {
    const r = scaleSynthOf(scale, n);
    const per = analysis.synthPerIdentity.find((x) => x.n === n);
    return [count(n), r?.ok ? spreadSeconds(r.buildCpuMs && r.synthCpuMs ? {
      median: r.buildCpuMs.median + r.synthCpuMs.median, min: r.buildCpuMs.min + r.synthCpuMs.min, max: r.buildCpuMs.max + r.synthCpuMs.max,
    } : undefined) : failure(undefined), spreadSeconds(r?.synthCpuMs), spreadSeconds(r?.synthMs), r?.maxRssBytes ? mib(r.maxRssBytes.median) : '–',
    per ? per.cpuMsPerIdentity.toFixed(2) : '–', loadText(r?.loadAverage)];
  });
  p(`### Synth of the scale workload (${run.scaleSynthReps ?? 3} runs per N, median (min–max))`, table([
    'N', 'construct tree + `app.synth()` CPU (sum of medians)', '`app.synth()` CPU', '`app.synth()` wall', 'peak RSS', 'CPU ms / identity', 'load average',
  ], synthRows));
  const plugin = scaleSynthOf(scale, pluginN(run), true);
  if (plugin) {
    const pluginRows = plugin.samples.map((sample, i) => [`${i + 1}`, sample.ok ? `${Math.round(sample.pluginCpuMs ?? 0)} ms` : 'fails',
      `${Math.round(sample.synthCpuMs)} ms`, sample.ok && sample.pluginCpuMs !== undefined ? `${((sample.pluginCpuMs / sample.synthCpuMs) * 100).toFixed(1)}%` : '–',
      sample.loadAverage?.toFixed(1) ?? '–']);
    p(`### The rule pack as a validation plugin at N=${count(plugin.n)} (${scale.stacks} stacks)`, table([
      'run', 'plugin `validate` CPU', '`app.synth()` CPU', 'share', 'load average',
    ], pluginRows),
    `Target: under ${(PLUGIN_SHARE * 100).toFixed(0)}% of \`app.synth()\`, judged on the median share. Most of \`app.synth()\` here is aws-cdk-lib's ` +
      'own work, its built-in CloudFormation validation included (see "Where synth time goes" above). The plugin reads the templates and the Kubernetes ' +
      'YAML synth has just written; the YAML is not parsed again when the files still hold what this process wrote (`src/core/written-kubernetes-files.ts`).');
  }
  return out;
}

/** The Markdown document. */
export function renderMarkdown(run: BenchRun): string {
  const m = run.machine;
  if (!run.analysis || !run.sharedVpc) throw new Error('docs/benchmarks.md needs the compare suite');
  const targets = [...run.analysis.targets, ...run.scaleAnalysis?.targets ?? []];
  const met = targets.filter((t) => t.met).length;
  const ours1000 = resultOf(run.results, OURS, 1000);
  const lines: string[] = [];
  const p = (...blocks: string[]) => lines.push(...blocks.flatMap((b) => [b, '']));

  p('# Benchmarks: cdk-eks-identity vs. aws-cdk-lib `aws-eks-v2`, and at scale',
    `<!-- Generated by bench/run.ts on ${run.generatedAt}. Do not edit: run \`${run.command}\` again. -->`,
    `Generated ${run.generatedAt} by \`${run.command}\` in ${Math.round(run.durationSeconds)} s (${minutes(run.durationSeconds)}), every suite ` +
    `(${(run.suites ?? ['compare', 'scale', 'plugin']).join(', ')}) in one run. ` +
    'Ratios are **cdk-eks-identity ÷ aws-eks-v2**: below 1 means this library is smaller or faster.');

  p('## Targets', `${met} of ${targets.length} met.`,
    table(['target', 'measured', 'met?'], targets.map((t) => [t.target, t.measured, t.met ? 'met' : '**NOT met**'])));
  const spreadOf = (pick: (r: ConfigResult) => Spread | undefined) => Math.max(1, ...run.results
    .map(pick).filter((x): x is Spread => x !== undefined && x.min > 0).map((x) => x.max / x.min));
  const wallSpread = spreadOf((r) => r.synthMs);
  const cpuSpread = spreadOf((r) => r.synthCpuMs);
  if (m.loadAverageBefore > m.cpuCount || m.loadAverageAfter > m.cpuCount || wallSpread > 1.5) {
    p(`**Noise:** the 1-minute load average was ${m.loadAverageBefore.toFixed(1)} before and ${m.loadAverageAfter.toFixed(1)} after the run on ` +
      `${m.cpuCount} cores (other work shares the machine). The slowest \`app.synth()\` of one configuration took up to ` +
      `${wallSpread.toFixed(1)}× its fastest in wall time, ${cpuSpread.toFixed(1)}× in CPU time. Wall-time differences between the sides ` +
      'smaller than that are noise; the CPU-time tables are steadier. The comparison\'s time targets are still judged on the wall-time medians; ' +
      'the scale targets are judged on CPU time, with the wall time and the load average beside it.');
  }
  const unmet = targets.filter((t) => !t.met);
  if (unmet.length > 0) {
    const pointers: string[] = [];
    const steps = run.analysis.marginal.synthMs ?? [];
    if (unmet.some((t) => t.target.includes('grows linearly')) && steps.length >= 2 && steps[steps.length - 1].msPerIdentity < steps[steps.length - 2].msPerIdentity) {
      pointers.push(`synth time bends below a straight line rather than above it: an identity costs less from ${steps[steps.length - 1].from} to ` +
        `${steps[steps.length - 1].to} (where they go into stacks that import the cluster) than before, see "Growth of time with N"`);
    }
    if (unmet.some((t) => t.target.startsWith('marginal synth cost')) && run.profiles?.length) {
      pointers.push('"Where synth time goes" shows which code the per-identity synth time is spent in');
    }
    p(`**Not met in this run:** ${unmet.map((t) => t.target).join('; ')}. The measurement was not changed to pass; see the tables and notes below` +
      `${pointers.length > 0 ? ` (${pointers.join('; ')})` : ''}.`);
  }

  p('## The workload',
    'Both sides build the same thing, in a stack with a concrete environment (account ' +
    `\`${ACCOUNT}\`, region \`${REGION}\`):`,
    [
      '- the same VPC: `new ec2.Vpc(stack, \'Vpc\', { maxAzs: 2, natGateways: 1 })`;',
      '- one EKS cluster: Kubernetes 1.33, `defaultCapacityType: NODEGROUP`, cluster name `bench`;',
      `- one cluster admin access entry for \`${ADMIN_ROLE_ARN}\`;`,
      `- N service accounts \`${NAMESPACE}/sa-<i>\`: even i IRSA, odd i EKS Pod Identity (N=1 is one IRSA account); each gets ` +
        `\`s3:GetObject\` on \`${BUCKET_OBJECTS_ARN}\` (the same statement on both sides).`,
    ].join('\n'));
  p('cdk-eks-identity: `new IdentityCluster(stack, \'C\', { ..., admins: [admin] })` and ' +
    '`cluster.addWorkloadIdentity(id, { namespace, serviceAccountName, mode: IdentityMode.IRSA | POD_IDENTITY, statements })`. ' +
    'The ServiceAccount objects are written as Kubernetes YAML next to the templates (the library\'s default `FILES` delivery); ' +
    `their bytes are counted separately. Above ${IDENTITIES_PER_STACK} identities the workload is split: the cluster stack holds the ` +
    `first ${IDENTITIES_PER_STACK}, every further ${IDENTITIES_PER_STACK} go into their own stack that imports the cluster with ` +
    '`IdentityCluster.fromClusterAttributes` (cluster name and OIDC issuer URL, `podIdentityAgentInstalled: true`, as an application team\'s stack would once the ' +
    `cluster stack is deployed)${ours1000?.metrics ? `; N=1000 is ${ours1000.metrics.stacks.length} stacks in one app, synthesized together` : ''}.`);
  p('aws-eks-v2: `new eks.Cluster(stack, \'C\', { ..., kubectlProviderOptions: { kubectlLayer: ' +
    `LayerVersion.fromLayerVersionArn(stack, 'Layer', '${KUBECTL_LAYER_ARN}') } })\` (a ServiceAccount is a kubectl manifest: ` +
    'synth fails without a kubectl provider), `cluster.grantClusterAdmin(\'Admin0\', admin)`, and ' +
    '`cluster.addServiceAccount(id, { name, namespace, identityType: IdentityType.IRSA | POD_IDENTITY })` + ' +
    '`serviceAccount.addToPrincipalPolicy(statement)`. Splitting its service accounts across stacks needs the cluster imported ' +
    'with its kubectl provider and OIDC provider in every stack; this benchmark does not build that, so aws-eks-v2 is measured up to N=200.');
  p('Both apps get the context `cdk synth` gives a new project: the feature flags `cdk init` writes for this aws-cdk-lib version ' +
    '(`CURRENTLY_RECOMMENDED_FLAGS`, which include `@aws-cdk/aws-eks:useNativeOidcProvider` and `@aws-cdk/aws-iam:minimizePolicies`, ' +
    'so aws-eks-v2 gets its native OIDC provider and merged trust statements), path metadata and version reporting on, and the ' +
    'availability zones as context (no lookups).');

  p('## Method',
    [
      '- `bench/run.ts` compiles `bench/` and `src/` with `tsc --noCheck` into a temporary directory, then runs every sample in a fresh `node` child process (`bench/measure.ts`). One warm-up run per side is discarded.',
      '- Each child times loading the libraries, building the construct tree and `app.synth()` with `process.hrtime.bigint()` (wall time) and `process.cpuUsage()` (CPU time), and reports its peak RSS (`process.resourceUsage().maxRSS`); the parent times the whole child process (node start-up included). The child counts the synthesized templates. The comparison\'s time targets are judged on wall time, CPU time shown beside it because the cores are shared; the marginal synth cost and the scale targets are judged on CPU time.',
      `- ${run.reps} runs per configuration for N ≤ 200, ${run.repsLarge} for N=1000 and for aws-eks-v2 with the resource limit lifted. The runs go in rounds; in every round each N runs on both sides back to back, the side that goes first alternating from round to round, so that the two samples of a round see about the same background load. A configuration that fails to synthesize fails the same way every time, so it runs once. Times are medians with (min–max); "ratio of medians" divides the two medians, "median of paired ratios" is the median over rounds of (ours ÷ theirs) within a round.`,
      '- Per-identity costs are (value at N − value at N=0) ÷ N, so the cluster, VPC and providers are not counted.',
      '- "Limit lifted" rows: aws-eks-v2 does not synthesize at N=200 (more than 500 resources in the stack). To show what it would cost, it is also built with `@aws-cdk/core:stackResourceLimit: 0` and CloudFormation-validation findings as warnings; that app would not deploy and is never counted as a success.',
      `- The VPC alone (same app settings, no EKS library) takes ${spreadMs(resultOf(run.results, 'shared-vpc', 0)?.synthCpuMs)} of CPU time in \`app.synth()\` (wall ${spreadMs(resultOf(run.results, 'shared-vpc', 0)?.synthMs)}): most of the fixed synth cost on both sides is aws-cdk-lib's own, not the EKS library's.`,
      '- Marginal synth cost: both sides in one stack, so aws-eks-v2 at N=200 is the app with the resource limit lifted (it does not synthesize otherwise). One more run per side at N=0 and N=' +
        `${profileN(run)} is made under \`node --cpu-prof\` (not counted in the timings); its samples under building the construct tree and aws-cdk-lib's \`synthesize\` are summed by the package whose code runs.`,
      ...(run.scale ? [
        `- At scale: the scale workload is synthesized ${run.scaleSynthReps ?? 3} times per N (the last assembly is kept), then \`check\` and \`report\` run ${run.repsLarge} times each over ` +
        'every N, in rounds, each in a fresh `node` process (`bench/measure-cli.ts`) that loads the command and runs it with its default format (the findings as ' +
        'text, the report as Markdown; the output is counted, not printed). The child reports the CPU time of the whole process (`process.cpuUsage()`, node ' +
        'start-up included) and its peak RSS; the parent times the process and records the 1-minute load average at its start. Per-identity costs are ' +
        '(median at N − median at N=0) ÷ N, so start-up, loading and the cluster stack are not counted.',
        `- The plugin: the scale workload at N=${pluginN(run)} is synthesized ${run.repsLarge} times with \`Validations.of(app).addPlugins(...)\` of the rule pack, wrapped so ` +
        'that the CPU time of its `validate` call is measured (`bench/plugin-timing.ts`); its share is that time ÷ the CPU time of `app.synth()` (which includes it) of the same run.',
      ] : []),
      `- "Beyond the shared VPC": the VPC alone has ${run.sharedVpc!.resources} resources, ${run.sharedVpc!.lambdaFunctions} Lambda function(s) and ${run.sharedVpc!.customResources} custom resource(s) (\`Custom::VpcRestrictDefaultSG\`, from the recommended flag \`@aws-cdk/aws-ec2:restrictDefaultSecurityGroup\`), identical on both sides; the Lambda/custom-resource target subtracts them.`,
    ].join('\n'));

  p('## Machine',
    [
      `- CPU: ${m.cpuModel} × ${m.cpuCount}`,
      `- Memory: ${mib(m.totalMemoryBytes)}`,
      `- OS: ${m.os}`,
      `- Node.js ${m.nodeVersion}; ${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `- 1-minute load average: ${m.loadAverageBefore.toFixed(2)} before, ${m.loadAverageAfter.toFixed(2)} after the run (the cores are shared; above ${m.cpuCount} the timings are noisier).`,
    ].join('\n'));

  p('## Results', '### Synthesizes at all?',
    table(['N', 'cdk-eks-identity', 'aws-eks-v2'], allNs(run).map((n) => {
      const cell = (r: ConfigResult | undefined) => (!r ? 'not measured' : r.ok ? 'yes' : failure(r));
      return [`${n}`, cell(resultOf(run.results, OURS, n)), cell(resultOf(run.results, THEIRS, n))];
    })));
  p('### Synth time (`app.synth()`, wall)', timeTable(run, 'synthMs'));
  p('### CPU time of `app.synth()` (user + system, all threads of the child)', timeTable(run, 'synthCpuMs'));
  p('### Whole process (wall: node start-up, loading, building, synth, writing the assembly)', timeTable(run, 'processMs'));
  p('### Building the construct tree (wall, before `app.synth()`)', timeTable(run, 'buildMs'));
  p('### Peak memory (RSS of the child process)', memoryTable(run));
  p('### Size of the output', sizeTable(run));
  p('### Per identity', perIdentityTable(run),
    '† aws-eks-v2 does not synthesize at this N; counted from the app with the resource limit lifted.');
  p('### Growth of time with N', growthTable(run),
    `Marginal cost of cdk-eks-identity between consecutive N, in ms per identity (N=1 left out): \`app.synth()\` wall ${marginalText(run, 'synthMs')}; ` +
    `\`app.synth()\` CPU ${marginalText(run, 'synthCpuMs')}. The target counts growth as linear when the least-squares line of the ` +
    `\`app.synth()\` wall-time medians reaches R² ≥ ${LINEAR_R_SQUARED}. ${growthShape(run)}`);
  p('### Resource types at N=50 (EC2 types equal on both sides left out)', typesTable(run, 50));
  p('### Marginal synth cost per identity (CPU time)', marginalCpuTable(run),
    'Per identity: (median at N − median at N=0) ÷ N of the CPU time of building the construct tree plus `app.synth()` (what `cdk synth` spends ' +
    `on the app), and of \`app.synth()\` alone. The target asks for at most ${MARGINAL_CPU_RATIO.toFixed(2)} of aws-eks-v2's at every N measured on both sides.`);
  if (run.profiles && run.profiles.length > 0) {
    p(`### Where synth time goes (one profiled run per side at N=0 and N=${profileN(run)})`, profileTable(run.profiles), profileText(run.profiles));
  }
  if (run.scale && run.scaleAnalysis) lines.push(...scaleSections(run, run.scale, run.scaleAnalysis));

  p('## Notes',
    [
      '- Template bytes are the bytes of the `*.template.json` files as `app.synth()` writes them (indented JSON, path metadata included). cdk-eks-identity moves the ServiceAccount objects out of the template into a YAML file (column "Kubernetes YAML bytes"); aws-eks-v2 keeps them inside the template as kubectl custom resources. The "template + YAML" column counts both.',
      '- At N=1000, 800 of the identities are in stacks that import the cluster with a literal OIDC issuer, so their IRSA trust is a plain JSON object instead of an `Fn::Join` string with the issuer computed twice from the cluster\'s `OpenIdConnectIssuerUrl`; that is why the bytes per identity drop there.',
      '- The pod identity role of cdk-eks-identity carries a trust scoped to the cluster ARN, namespace and service account (three `aws:RequestTag` conditions); aws-eks-v2\'s pod identity trust has no conditions. Part of the byte difference per identity is that scoping.',
      '- Without the recommended feature flags, aws-eks-v2 also creates its OIDC provider as a Lambda-backed custom resource and gives pod identity roles two trust statements; this benchmark does not measure that configuration.',
      `- Identities that fit into the cluster's stack (500 resources, at the per-identity cost of the largest N): cdk-eks-identity ${stackCapacity(run, OURS)}, aws-eks-v2 ${stackCapacity(run, THEIRS)}. aws-eks-v2 at N=1000 is not measured.`,
      ...(run.scale && checkFails(run.scale).length > 0 ? [
        `- \`check\` exits 1 at N = ${checkFails(run.scale).map(count).join(' and ')}: half of N are pod identity associations on the one cluster, more than EKS allows ` +
        'per cluster, which the rule pack reports as an error (EKSID-POD-006); those apps would not deploy as they are. They are there to measure reading, ' +
        'checking and reporting that many identities.',
      ] : []),
      '- Raw samples: `bench/results/latest.json` (not committed).',
    ].join('\n'));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
