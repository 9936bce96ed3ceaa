import * as fs from 'fs';
import * as path from 'path';
import { COMPARISON_CASES, policyOf } from './catalog-entries';
import {
  compareWithUpstream, managedPolicyCopy, readSource, UPSTREAM, upstreamStatements, upstreamVersions,
} from './upstream-comparison';
import { ControllerIdentity, NarrowingKind, PolicyNarrowing } from '../../src';
import { CATALOG_ENTRIES } from '../../src/catalog/private/catalog-entries';
import { UPSTREAM_SOURCES } from '../../src/catalog/private/upstream-sources';
import { newStack } from '../support/fixtures';

const strip = (name: string) => name.replace(/^service-role\//, '');
const usedNarrowings = new Map<string, Set<PolicyNarrowing>>();

describe.each(CATALOG_ENTRIES.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
  test('the policy ranges are exactly the versions of the vendored upstream copies', () => {
    expect(entry.ranges.map((r) => r.since)).toEqual(upstreamVersions(id));
  });

  test('every range has sources, and the library\'s source table matches each copy\'s source.json', () => {
    for (const since of upstreamVersions(id)) {
      const source = readSource(id, since);
      expect([source.entry, source.since]).toEqual([id, since]);
      expect(source.documents.length).toBeGreaterThan(0);
      const fromCopies = source.documents.map((d) => ({
        repository: d.repository ?? undefined,
        path: d.path ?? undefined,
        tag: d.tag ?? undefined,
        commit: d.commit ?? undefined,
        url: d.url,
        managedPolicyVersion: d.managedPolicy && `${d.managedPolicy} ${d.policyVersion}`,
        read: d.read,
      }));
      const defined = (o: any) => JSON.parse(JSON.stringify(o));
      // Each source once: several copies (e.g. the five policies of one template) share it.
      const distinct = fromCopies.filter((s, i) => fromCopies.findIndex((t) => JSON.stringify(defined(t)) === JSON.stringify(defined(s))) === i);
      expect(defined(UPSTREAM_SOURCES[id][since])).toEqual(defined(distinct));
      for (const d of source.documents) {
        expect(fs.existsSync(path.join(UPSTREAM, id, since, d.file))).toBe(true);
        expect(d.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (d.repository !== null) expect(d.commit).toMatch(/^[0-9a-f]{40}$/);
        else expect(d.url).toMatch(/^https:\/\//);
      }
    }
  });

  test('the newest known version is the release the newest range was checked against', () => {
    const versions = upstreamVersions(id);
    for (const since of versions.slice(0, -1)) expect(readSource(id, since).checkedThrough).toBeUndefined();
    const checked = readSource(id, versions[versions.length - 1]).checkedThrough;
    expect(checked?.version).toBe(entry.newestKnownVersion);
    expect(checked?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(checked?.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(checked?.result.length).toBeGreaterThan(10);
  });

  test('there is a comparison case', () => {
    expect(COMPARISON_CASES.some((c) => c.entry === id)).toBe(true);
  });
});

const RUNS = COMPARISON_CASES.flatMap((c) => upstreamVersions(c.entry).map((since) => ({ ...c, since })));

describe.each(RUNS.map((run) => [`${run.entry}${run.label ? ` (${run.label})` : ''} ${run.since}`, run] as const))('%s', (_name, run) => {
  const entry = CATALOG_ENTRIES.find((e) => e.id === run.entry)!;

  test('the catalog grants what upstream grants, narrowed only as the entry documents', async () => {
    const stack = newStack();
    const identity = run.make(stack, run.since);
    expect(identity.policyVersion).toBe(run.since);
    const source = readSource(run.entry, run.since);
    const result = await compareWithUpstream(policyOf(identity, stack).Statement, upstreamStatements(source, run.documents), entry.narrowings);
    expect(result.violations).toEqual([]);
    const used = usedNarrowings.get(run.entry) ?? new Set();
    result.used.forEach((n) => used.add(n));
    usedNarrowings.set(run.entry, used);
  });

  if (run.managedPolicies) {
    test('the AWS managed policies are the ones upstream names, each with a vendored copy of its version', () => {
      const source = readSource(run.entry, run.since);
      const identity = run.make(newStack(), run.since);
      const optional = entry.narrowings.filter((n) => n.kind === NarrowingKind.OPTIONAL).flatMap((n) => n.managedPolicies ?? []);
      const upstreamNames = (source.managedPolicies ?? []).map(strip);
      const ours = identity.managedPolicyNames.map(strip);
      expect(ours.filter((name) => !upstreamNames.includes(name))).toEqual([]);
      expect(upstreamNames.filter((name) => !ours.includes(name) && !optional.includes(name))).toEqual([]);
      for (const name of identity.managedPolicyNames) {
        expect({ name, copy: managedPolicyCopy(source, name) !== undefined }).toEqual({ name, copy: true });
      }
    });
  }
});

test('every narrowing an entry documents is needed by some difference (OPTIONAL ones apply to inputs the cases leave on)', () => {
  const unused: string[] = [];
  for (const entry of CATALOG_ENTRIES) {
    for (const narrowing of entry.narrowings.filter((n) => n.kind !== NarrowingKind.OPTIONAL)) {
      if (!usedNarrowings.get(entry.id)?.has(narrowing)) unused.push(`${entry.id}: ${narrowing.kind} ${narrowing.description}`);
    }
  }
  expect(unused).toEqual([]);
});

describe('the ADOT collectors match the add-on documentation', () => {
  const source = readSource('adot', 'v0.88.0');
  const collectors = JSON.parse(fs.readFileSync(path.join(UPSTREAM, 'adot', 'v0.88.0', 'collectors.json'), 'utf8')).collectors;

  test.each(Object.keys(collectors))('%s', (collector) => {
    const identity = ControllerIdentity.adot({ collector: collector as any });
    expect(`${identity.namespace}/${identity.serviceAccountName}`).toBe(collectors[collector].serviceAccount);
    expect(identity.managedPolicyNames).toEqual(collectors[collector].managedPolicies);
    for (const name of identity.managedPolicyNames) expect(managedPolicyCopy(source, name)).toBeDefined();
  });
});

describe('the comparison fails when a policy is broken', () => {
  const stack = newStack();
  const identity = ControllerIdentity.karpenter({
    version: 'v1.7.0', clusterName: 'myeks', nodeRoleArn: 'arn:aws:iam::123456789012:role/KarpenterNodeRole-myeks',
  });
  const karpenter = CATALOG_ENTRIES.find((e) => e.id === 'karpenter')!;
  const upstream = upstreamStatements(readSource('karpenter', 'v1.7.0'));
  const statements = () => JSON.parse(JSON.stringify(policyOf(identity, stack).Statement));
  const withQueue = ControllerIdentity.karpenter({
    version: 'v1.7.0',
    clusterName: 'myeks',
    nodeRoleArn: 'arn:aws:iam::123456789012:role/KarpenterNodeRole-myeks',
    interruptionQueueArn: 'arn:aws:sqs:ap-northeast-2:123456789012:myeks',
  });
  const complete = () => JSON.parse(JSON.stringify(policyOf(withQueue, stack).Statement));
  const bySid = (list: any[], sid: string) => list.find((s) => s.Sid === sid);

  test('the unbroken policy passes', async () => {
    expect((await compareWithUpstream(complete(), upstream, karpenter.narrowings)).violations).toEqual([]);
    // Without the interruption queue the SQS statement is missing, as the OPTIONAL narrowing documents.
    expect((await compareWithUpstream(statements(), upstream, karpenter.narrowings)).violations).toEqual([]);
  });

  test('a missing action (iam:ListInstanceProfiles, which v1.7 calls)', async () => {
    const broken = complete().filter((s: any) => s.Sid !== 'ListInstanceProfiles');
    expect((await compareWithUpstream(broken, upstream, karpenter.narrowings)).violations).toEqual([
      'upstream iam:ListInstanceProfiles on * (AllowUnscopedInstanceProfileListAction) is missing',
    ]);
  });

  test('an extra action', async () => {
    const broken = complete();
    bySid(broken, 'ReadPricing').Action = ['pricing:GetProducts', 'pricing:DescribeServices'];
    expect((await compareWithUpstream(broken, upstream, karpenter.narrowings)).violations).toEqual([
      'ReadPricing: pricing:DescribeServices is not in the upstream policy',
    ]);
  });

  test('a broadened resource', async () => {
    const broken = complete();
    bySid(broken, 'PassNodeRole').Resource = 'arn:aws:iam::123456789012:role/*';
    expect((await compareWithUpstream(broken, upstream, karpenter.narrowings)).violations).toEqual([
      expect.stringMatching(/^PassNodeRole iam:PassRole .*: resource arn:aws:iam::123456789012:role\/\* is not within upstream's/),
      'upstream iam:PassRole on arn:aws:iam::123456789012:role/KarpenterNodeRole-myeks (AllowPassingInstanceRole) is missing',
    ]);
  });

  test('a dropped condition', async () => {
    const broken = complete();
    delete bySid(broken, 'DeleteOwnedInstancesAndLaunchTemplates').Condition.StringLike;
    const violations = (await compareWithUpstream(broken, upstream, karpenter.narrowings)).violations;
    expect(violations).toContainEqual(expect.stringMatching(
      /^DeleteOwnedInstancesAndLaunchTemplates ec2:TerminateInstances .*: drops upstream condition StringLike aws:ResourceTag\/karpenter.sh\/nodepool=\*/));
  });

  test('an added condition that no narrowing documents', async () => {
    const broken = complete();
    bySid(broken, 'ReadPricing').Condition = { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } };
    expect((await compareWithUpstream(broken, upstream, karpenter.narrowings)).violations).toEqual([
      expect.stringMatching(/^ReadPricing pricing:GetProducts .*: adds condition StringEquals aws:RequestedRegion=us-east-1 without a CONDITION_ADDED narrowing/),
    ]);
  });
});
