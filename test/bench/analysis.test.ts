import { analyze, ConfigResult, pairedRatio, RunConfig, summarize, TimedSample } from '../../bench/analysis';
import { AssemblyMetrics } from '../../bench/metrics';
import { renderMarkdown } from '../../bench/report';
import { linearFit, median } from '../../bench/stats';
import { Side } from '../../bench/workloads';

function metrics(resources: number, templateBytes: number, lambdaFunctions = 1, customResources = 1): AssemblyMetrics {
  return {
    resources,
    maxStackResources: resources,
    lambdaFunctions,
    customResources,
    nestedStacks: 0,
    templateBytes,
    kubernetesManifestBytes: 0,
    stacks: [{ stackName: 'Bench', resources, templateBytes }],
    resourcesByType: {},
  };
}

interface ResultOptions {
  readonly error?: string;
  readonly lifted?: boolean;
}

function result(workload: Side, n: number, synthMs: number[], m: AssemblyMetrics | undefined, options: ResultOptions = {}): ConfigResult {
  const config: RunConfig = { workload, n, liftResourceLimit: options.lifted ?? false, reps: synthMs.length };
  const samples: TimedSample[] = synthMs.map((ms) => ({
    side: workload,
    n,
    liftResourceLimit: config.liftResourceLimit,
    ok: !options.error,
    error: options.error,
    loadMs: 100,
    buildMs: 10,
    synthMs: ms,
    buildCpuMs: 10,
    synthCpuMs: ms,
    processCpuMs: ms + 200,
    processMs: ms + 300,
    maxRssBytes: 1,
    metrics: options.error ? undefined : m,
  }));
  return summarize(config, samples);
}

const VPC = metrics(25, 10000);

/** The targets of an analysis, looked up by the start of their text. */
function targetsOf(results: ConfigResult[]) {
  const targets = analyze(results, VPC).targets;
  const byPrefix = (prefix: string) => {
    const found = targets.filter((t) => t.target.startsWith(prefix));
    if (found.length !== 1) throw new Error(`${found.length} targets start with '${prefix}'`);
    return found[0];
  };
  return { all: targets, byPrefix };
}

test('median and least-squares line', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(() => median([])).toThrow('median of an empty list');
  const fit = linearFit([[0, 1], [10, 21], [100, 201]]);
  expect(fit.slope).toBeCloseTo(2, 10);
  expect(fit.intercept).toBeCloseTo(1, 10);
  expect(fit.rSquared).toBeCloseTo(1, 10);
  expect(linearFit([[0, 0], [1, 10], [2, 0], [3, 10]]).rSquared).toBeLessThan(0.5);
});

test('per-identity costs are measured from N=0; an overflowing aws-eks-v2 is counted from its lifted-limit app', () => {
  const analysis = analyze([
    result('cdk-eks-identity', 0, [1000], metrics(34, 20000)),
    result('cdk-eks-identity', 200, [1400], metrics(334, 320000)),
    result('aws-eks-v2', 0, [1000], metrics(42, 30000, 3, 1)),
    result('aws-eks-v2', 200, [500], undefined, { error: "Number of resources in stack 'Bench': 846 is greater than allowed maximum of 500" }),
    result('aws-eks-v2', 200, [3000], metrics(846, 830000, 4, 301), { lifted: true }),
  ], VPC);
  expect(analysis.perIdentity).toEqual([
    { side: 'cdk-eks-identity', n: 200, fromLiftedLimit: false, resources: 1.5, templateBytes: 1500, outputBytes: 1500 },
    { side: 'aws-eks-v2', n: 200, fromLiftedLimit: true, resources: 4.02, templateBytes: 4000, outputBytes: 4000 },
  ]);
  expect(analysis.codeBeyondVpc).toEqual([
    { side: 'cdk-eks-identity', n: 0, lambdaFunctions: 0, customResources: 0, nestedStacks: 0 },
    { side: 'cdk-eks-identity', n: 200, lambdaFunctions: 0, customResources: 0, nestedStacks: 0 },
    { side: 'aws-eks-v2', n: 0, lambdaFunctions: 2, customResources: 0, nestedStacks: 0 },
  ]);
});

test('targets: met when ours is smaller and faster, with the failing side reported as not synthesizing', () => {
  const targets = targetsOf([
    result('cdk-eks-identity', 0, [1000, 1100, 900], metrics(34, 20000)),
    result('cdk-eks-identity', 100, [1200, 1200, 1200], metrics(184, 120000)),
    result('cdk-eks-identity', 200, [1400, 1400, 1400], metrics(334, 220000)),
    result('aws-eks-v2', 0, [1500, 1500, 1500], metrics(42, 30000, 3, 1)),
    result('aws-eks-v2', 100, [2500, 2500, 2500], metrics(442, 430000, 4, 101)),
    result('aws-eks-v2', 200, [500], undefined, { error: 'Number of resources in stack' }),
  ]);
  expect(targets.all.map((t) => t.met)).toEqual([true, true, true, true, true, true, true, true]);
  expect(targets.byPrefix('marginal synth cost per identity').measured).toBe('N=100: 2.00 vs. 10.00 ms per identity = 0.20');
  expect(targets.byPrefix('synth (`app.synth()`) wall time').measured)
    .toBe('N=0: 0.67 (paired 0.67, CPU time 0.67); N=100: 0.48 (paired 0.48, CPU time 0.48); N=200: aws-eks-v2 does not synthesize');
  expect(targets.byPrefix('cdk-eks-identity: at most 2').measured).toBe('1.50 at N=100, 1.50 at N=200');
  expect(targets.byPrefix('template bytes per identity').measured).toBe('0.25 at N=100');
  expect(targets.byPrefix('cdk-eks-identity synth time grows').measured)
    .toBe('2.000 ms per identity + 1000 ms, R² = 1.000; marginal 0→100: 2.00, 100→200: 2.00 ms per identity');
});

test('targets: reported as NOT met when ours is slower, bigger, or runs a Lambda', () => {
  const targets = targetsOf([
    result('cdk-eks-identity', 0, [1000], metrics(34, 20000)),
    result('cdk-eks-identity', 100, [3000], metrics(334, 320000, 2, 2)),
    result('aws-eks-v2', 0, [1000], metrics(42, 30000, 3, 1)),
    result('aws-eks-v2', 100, [2000], metrics(442, 430000, 4, 101)),
  ]);
  expect(targets.byPrefix('cdk-eks-identity: 0 Lambda').met).toBe(false);
  expect(targets.byPrefix('cdk-eks-identity: 0 Lambda').measured).toBe("at most 1 Lambda function(s) and 1 custom resource(s) beyond the VPC's, at every N");
  expect(targets.byPrefix('cdk-eks-identity: at most 2').met).toBe(false);
  expect(targets.byPrefix('template bytes per identity').met).toBe(false);
  expect(targets.byPrefix('template bytes per identity').measured).toBe('0.75 at N=100');
  expect(targets.byPrefix('synth (`app.synth()`) wall time').met).toBe(false);
  expect(targets.byPrefix('whole process wall time').met).toBe(false);
});

test('marginal synth CPU per identity: construct tree + app.synth(), from N=0, aws-eks-v2 with the limit lifted where it fails', () => {
  const analysis = analyze([
    result('cdk-eks-identity', 0, [3000], metrics(34, 20000)),
    result('cdk-eks-identity', 50, [3200], metrics(109, 100000)),
    result('cdk-eks-identity', 200, [4600], metrics(334, 320000)),
    result('aws-eks-v2', 0, [3000], metrics(42, 30000, 3, 1)),
    result('aws-eks-v2', 50, [3800], metrics(246, 176000, 4, 76)),
    result('aws-eks-v2', 200, [500], undefined, { error: 'Number of resources in stack' }),
    result('aws-eks-v2', 200, [5400], metrics(846, 830000, 4, 301), { lifted: true }),
  ], VPC);
  expect(analysis.marginalCpu).toEqual([
    { n: 50, ours: 4, theirs: 16, theirsLifted: false, oursSynthOnly: 4, theirsSynthOnly: 16 },
    { n: 200, ours: 8, theirs: 12, theirsLifted: true, oursSynthOnly: 8, theirsSynthOnly: 12 },
  ]);
  const target = analysis.targets.find((t) => t.target.startsWith('marginal synth cost per identity'))!;
  expect(target.met).toBe(false);
  expect(target.measured).toBe('N=50: 4.00 vs. 16.00 ms per identity = 0.25; N=200: 8.00 vs. 12.00 ms per identity = 0.67 (aws-eks-v2 with the limit lifted)');
});

test('targets: a failing cdk-eks-identity synth is never met', () => {
  const targets = targetsOf([
    result('cdk-eks-identity', 0, [1000], metrics(34, 20000)),
    result('cdk-eks-identity', 50, [100], undefined, { error: 'Bench/C/Sa3: boom. Fix: none' }),
    result('aws-eks-v2', 0, [1000], metrics(42, 30000, 3, 1)),
    result('aws-eks-v2', 50, [2000], metrics(242, 230000, 4, 51)),
  ]);
  expect(targets.byPrefix('cdk-eks-identity synthesizes at every').met).toBe(false);
  expect(targets.byPrefix('cdk-eks-identity synthesizes at every').measured).toBe('N=50 fails: Bench/C/Sa3: boom. Fix: none');
  expect(targets.byPrefix('synth (`app.synth()`) wall time').met).toBe(false);
  expect(targets.byPrefix('cdk-eks-identity: at most 2').met).toBe(false);
});

test('paired ratios compare the samples of the same round', () => {
  const ours = result('cdk-eks-identity', 50, [1000, 3000, 2000], metrics(109, 100000));
  const theirs = result('aws-eks-v2', 50, [2000, 3000, 1000], metrics(246, 176000, 4, 76));
  // Per round: 0.5, 1, 2.
  expect(pairedRatio(ours, theirs, 'synthMs')).toBe(1);
  expect(pairedRatio(ours, result('aws-eks-v2', 50, [1], undefined, { error: 'boom' }), 'synthMs')).toBeUndefined();
});

test('the document says plainly which targets are not met', () => {
  const results = [
    result('cdk-eks-identity', 0, [1000], metrics(34, 20000)),
    result('cdk-eks-identity', 50, [3000], metrics(109, 100000)),
    result('aws-eks-v2', 0, [1000], metrics(42, 30000, 3, 1)),
    result('aws-eks-v2', 50, [2000], metrics(246, 176000, 4, 76)),
  ];
  const markdown = renderMarkdown({
    generatedAt: '2026-01-01T00:00:00.000Z',
    command: 'npx ts-node --transpile-only bench/run.ts',
    durationSeconds: 1,
    machine: {
      cpuModel: 'Test CPU',
      cpuCount: 2,
      totalMemoryBytes: 2 ** 30,
      os: 'Linux',
      nodeVersion: 'v20.0.0',
      versions: { 'aws-cdk-lib': '2.276.0' },
      loadAverageBefore: 0.5,
      loadAverageAfter: 0.5,
    },
    reps: 5,
    repsLarge: 5,
    sharedVpc: VPC,
    results,
    analysis: analyze(results, VPC),
  });
  expect(markdown).toContain('| synth (`app.synth()`) wall time no slower than aws-eks-v2 at every N (ratio of medians ≤ 1.00) | N=0: 1.00 (paired 1.00, CPU time 1.00); N=50: 1.50 (paired 1.50, CPU time 1.50) | **NOT met** |');
  expect(markdown).toContain('| cdk-eks-identity: at most 2 CloudFormation resources per identity | 1.50 at N=50 | met |');
  expect(markdown).toMatch(/\*\*Not met in this run:\*\* template bytes per identity at most half of aws-eks-v2's \(ratio ≤ 0\.50\); synth/);
  expect(markdown).toContain('- CPU: Test CPU × 2');
  expect(markdown).not.toContain('**Noise:**');
});
