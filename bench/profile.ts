/**
 * Where the time of building the construct tree and `app.synth()` goes, from a V8 CPU profile
 * (`node --cpu-prof`) of one benchmark child: the profile's samples under `buildWorkload` and
 * aws-cdk-lib's `synthesize`, summed by who runs the code.
 */
import * as fs from 'fs';

/** Who runs a piece of code, for the profile summary. */
export type ProfileBucket =
  | 'aws-cdk-lib CloudFormation validation (WebAssembly engine and its bindings)'
  | 'aws-cdk-lib (constructs, tokens, references, templates)'
  | 'cdk-eks-identity'
  | 'cdk8s, constructs, yaml'
  | 'other (Node.js, JSON, file writes)';

export const PROFILE_BUCKETS: ProfileBucket[] = [
  'aws-cdk-lib CloudFormation validation (WebAssembly engine and its bindings)',
  'aws-cdk-lib (constructs, tokens, references, templates)',
  'cdk-eks-identity',
  'cdk8s, constructs, yaml',
  'other (Node.js, JSON, file writes)',
];

/**
 * The profile of one run, summed by bucket (profiled time, ms: V8 samples on the wall clock, so a
 * wait for a core counts for the code that waited). Garbage collection is a frame of its own at
 * the top of a profile, not under the work that caused it, so it is left out.
 */
export interface ProfileSummary {
  readonly label: string;
  readonly workload: string;
  readonly n: number;
  readonly totalMs: number;
  readonly buckets: { [bucket: string]: number };
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: number[];
}

interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/** The bucket of a frame; `jsDir` is where the benchmark's compiled `src/` lives. */
export function bucketOf(url: string, jsDir: string): ProfileBucket {
  if (url.startsWith('wasm://') || url.includes('@aws/cloudformation-validate') || url.includes('validation/cloudformation-validate-plugin')) {
    return 'aws-cdk-lib CloudFormation validation (WebAssembly engine and its bindings)';
  }
  if (url.includes(`${jsDir}/src/`)) return 'cdk-eks-identity';
  if (/node_modules\/(cdk8s|constructs|yaml)\//.test(url)) return 'cdk8s, constructs, yaml';
  if (url.includes('node_modules/aws-cdk-lib/')) return 'aws-cdk-lib (constructs, tokens, references, templates)';
  return 'other (Node.js, JSON, file writes)';
}

/** Whether a frame is where the measured work starts: building the workload, or aws-cdk-lib's synthesis. */
function isMeasuredRoot(frame: ProfileNode['callFrame']): boolean {
  return (frame.functionName === 'buildWorkload' && frame.url.includes('/bench/workloads.js'))
    || (frame.functionName === 'synthesize' && frame.url.includes('core/lib/private/synthesis.js'));
}

/**
 * Sums the samples of a profile under the measured roots by bucket. A sample counts for the
 * bucket of its innermost frame, except that validation counts for the validation bucket whatever
 * it calls.
 */
export function summarizeProfile(file: string, jsDir: string, label: string, workload: string, n: number): ProfileSummary {
  const profile: CpuProfile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const buckets: { [bucket: string]: number } = Object.fromEntries(PROFILE_BUCKETS.map((b) => [b, 0]));
  const measured = new Map<number, ProfileBucket | undefined>();
  const classify = (id: number): ProfileBucket | undefined => {
    if (measured.has(id)) return measured.get(id);
    let bucket: ProfileBucket | undefined;
    let inValidation = false;
    let inRoot = false;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      if (bucketOf(frame.url, jsDir) === PROFILE_BUCKETS[0]) inValidation = true;
      if (isMeasuredRoot(frame)) {
        inRoot = true;
        break;
      }
    }
    if (inRoot) {
      bucket = inValidation ? PROFILE_BUCKETS[0] : bucketOf(byId.get(id)!.callFrame.url, jsDir);
    }
    measured.set(id, bucket);
    return bucket;
  };
  let total = 0;
  profile.samples.forEach((id, i) => {
    const bucket = classify(id);
    if (bucket === undefined) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    buckets[bucket] += ms;
    total += ms;
  });
  return { label, workload, n, totalMs: total, buckets };
}
