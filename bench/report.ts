/**
 * Renders a benchmark run as `docs/benchmarks.md`.
 */
import { Analysis, ConfigResult, LINEAR_R_SQUARED, nsOf, pairedRatio, resultOf, Spread, TimeMeasure } from './analysis';
import type { AssemblyMetrics } from './metrics';
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
  readonly sharedVpc: AssemblyMetrics;
  readonly results: ConfigResult[];
  readonly analysis: Analysis;
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
  const per = run.analysis.perIdentity.filter((x) => x.side === side).sort((a, b) => b.n - a.n)[0];
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
  const ns = [...new Set(run.analysis.perIdentity.map((p) => p.n))].sort((a, b) => a - b);
  const rows = ns.map((n) => {
    const ours = run.analysis.perIdentity.find((p) => p.side === OURS && p.n === n);
    const theirs = run.analysis.perIdentity.find((p) => p.side === THEIRS && p.n === n);
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
    const fits = run.analysis.fits[side] ?? {};
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
    const steps = run.analysis.marginal[measure] ?? [];
    if (steps.length < 2) continue;
    const [before, last] = steps.slice(-2);
    const less = last.msPerIdentity < before.msPerIdentity;
    parts.push(`in ${label} time an identity costs ${less ? 'less' : 'more'} from ${last.from} to ${last.to} than from ${before.from} to ${before.to} ` +
      `(the curve bends ${less ? 'below' : 'above'} a straight line)`);
  }
  return parts.length > 0 ? `Shape: ${parts.join('; ')}.` : '';
}

function marginalText(run: BenchRun, measure: TimeMeasure): string {
  return (run.analysis.marginal[measure] ?? []).map((s) => `${s.from}→${s.to}: ${s.msPerIdentity.toFixed(2)}`).join(', ');
}

/** The Markdown document. */
export function renderMarkdown(run: BenchRun): string {
  const m = run.machine;
  const met = run.analysis.targets.filter((t) => t.met).length;
  const ours1000 = resultOf(run.results, OURS, 1000);
  const lines: string[] = [];
  const p = (...blocks: string[]) => lines.push(...blocks.flatMap((b) => [b, '']));

  p('# Benchmarks: cdk-eks-identity vs. aws-cdk-lib `aws-eks-v2`',
    `<!-- Generated by bench/run.ts on ${run.generatedAt}. Do not edit: run \`${run.command}\` again. -->`,
    `Generated ${run.generatedAt} by \`${run.command}\` in ${Math.round(run.durationSeconds)} s. ` +
    'Ratios are **cdk-eks-identity ÷ aws-eks-v2**: below 1 means this library is smaller or faster.');

  p('## Targets', `${met} of ${run.analysis.targets.length} met.`,
    table(['target', 'measured', 'met?'], run.analysis.targets.map((t) => [t.target, t.measured, t.met ? 'met' : '**NOT met**'])));
  const spreadOf = (pick: (r: ConfigResult) => Spread | undefined) => Math.max(1, ...run.results
    .map(pick).filter((x): x is Spread => x !== undefined && x.min > 0).map((x) => x.max / x.min));
  const wallSpread = spreadOf((r) => r.synthMs);
  const cpuSpread = spreadOf((r) => r.synthCpuMs);
  if (m.loadAverageBefore > m.cpuCount || m.loadAverageAfter > m.cpuCount || wallSpread > 1.5) {
    p(`**Noise:** the 1-minute load average was ${m.loadAverageBefore.toFixed(1)} before and ${m.loadAverageAfter.toFixed(1)} after the run on ` +
      `${m.cpuCount} cores (other work shares the machine). The slowest \`app.synth()\` of one configuration took up to ` +
      `${wallSpread.toFixed(1)}× its fastest in wall time, ${cpuSpread.toFixed(1)}× in CPU time. Wall-time differences between the sides ` +
      'smaller than that are noise; the CPU-time tables are steadier. The time targets are still judged on the wall-time medians.');
  }
  const unmet = run.analysis.targets.filter((t) => !t.met);
  if (unmet.length > 0) {
    p(`**Not met in this run:** ${unmet.map((t) => t.target).join('; ')}. The measurement was not changed to pass; see the tables and notes below.`);
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
    '`IdentityCluster.fromClusterAttributes` (cluster name and OIDC issuer URL, as an application team\'s stack would once the ' +
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
      '- Each child times loading the libraries, building the construct tree and `app.synth()` with `process.hrtime.bigint()` (wall time) and `process.cpuUsage()` (CPU time), and reports its peak RSS (`process.resourceUsage().maxRSS`); the parent times the whole child process (node start-up included). The child counts the synthesized templates. The time targets are judged on wall time; CPU time is shown beside it because the cores are shared.',
      `- ${run.reps} runs per configuration for N ≤ 200, ${run.repsLarge} for N=1000 and for aws-eks-v2 with the resource limit lifted. The runs go in rounds; in every round each N runs on both sides back to back, the side that goes first alternating from round to round, so that the two samples of a round see about the same background load. A configuration that fails to synthesize fails the same way every time, so it runs once. Times are medians with (min–max); "ratio of medians" divides the two medians, "median of paired ratios" is the median over rounds of (ours ÷ theirs) within a round.`,
      '- Per-identity costs are (value at N − value at N=0) ÷ N, so the cluster, VPC and providers are not counted.',
      '- "Limit lifted" rows: aws-eks-v2 does not synthesize at N=200 (more than 500 resources in the stack). To show what it would cost, it is also built with `@aws-cdk/core:stackResourceLimit: 0` and CloudFormation-validation findings as warnings; that app would not deploy and is never counted as a success.',
      `- The VPC alone (same app settings, no EKS library) takes ${spreadMs(resultOf(run.results, 'shared-vpc', 0)?.synthCpuMs)} of CPU time in \`app.synth()\` (wall ${spreadMs(resultOf(run.results, 'shared-vpc', 0)?.synthMs)}): most of the fixed synth cost on both sides is aws-cdk-lib's own, not the EKS library's.`,
      `- "Beyond the shared VPC": the VPC alone has ${run.sharedVpc.resources} resources, ${run.sharedVpc.lambdaFunctions} Lambda function(s) and ${run.sharedVpc.customResources} custom resource(s) (\`Custom::VpcRestrictDefaultSG\`, from the recommended flag \`@aws-cdk/aws-ec2:restrictDefaultSecurityGroup\`), identical on both sides; the Lambda/custom-resource target subtracts them.`,
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

  p('## Notes',
    [
      '- Template bytes are the bytes of the `*.template.json` files as `app.synth()` writes them (indented JSON, path metadata included). cdk-eks-identity moves the ServiceAccount objects out of the template into a YAML file (column "Kubernetes YAML bytes"); aws-eks-v2 keeps them inside the template as kubectl custom resources. The "template + YAML" column counts both.',
      '- At N=1000, 800 of the identities are in stacks that import the cluster with a literal OIDC issuer, so their IRSA trust is a plain JSON object instead of an `Fn::Join` string with the issuer computed twice from the cluster\'s `OpenIdConnectIssuerUrl`; that is why the bytes per identity drop there.',
      '- The pod identity role of cdk-eks-identity carries a trust scoped to the cluster ARN, namespace and service account (three `aws:RequestTag` conditions); aws-eks-v2\'s pod identity trust has no conditions. Part of the byte difference per identity is that scoping.',
      '- Without the recommended feature flags, aws-eks-v2 also creates its OIDC provider as a Lambda-backed custom resource and gives pod identity roles two trust statements; this benchmark does not measure that configuration.',
      `- Identities that fit into the cluster's stack (500 resources, at the per-identity cost of the largest N): cdk-eks-identity ${stackCapacity(run, OURS)}, aws-eks-v2 ${stackCapacity(run, THEIRS)}. aws-eks-v2 at N=1000 is not measured.`,
      '- Raw samples: `bench/results/latest.json` (not committed).',
    ].join('\n'));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
