import * as fs from 'fs';
import * as path from 'path';
import { ControllerIdentity } from '../../src';
import { catalogMarkdown } from '../../src/catalog/catalog-listing';
import { runCatalog } from '../../src/cli/commands/catalog';
import { main } from '../../src/cli/main';
import { CommandResult, runCommand } from '../cli/assembly-files';

function run(args: string[], entry: Parameters<typeof runCommand>[0] = runCatalog): CommandResult {
  return runCommand(entry, args);
}

describe('ControllerIdentity.catalog()', () => {
  const entries = ControllerIdentity.catalog();

  test('lists every entry once, each with a factory that exists', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.length).toBe(19);
    for (const e of entries) {
      const factory = e.factory.replace(/^ControllerIdentity\./, '');
      expect({ factory, exists: typeof (ControllerIdentity as any)[factory] === 'function' }).toEqual({ factory, exists: true });
    }
  });

  test('each entry has its versions, pod identity evidence and sources', () => {
    for (const e of entries) {
      expect(e.oldestSupportedVersion).toBe(e.policyRanges[0].since);
      expect(e.podIdentity.source.length).toBeGreaterThan(10);
      expect(e.podIdentity.minimumVersion !== undefined || e.podIdentity.unsupportedReason !== undefined).toBe(true);
      for (const range of e.policyRanges) expect(range.sources.length).toBeGreaterThan(0);
      expect(e.policyRanges[e.policyRanges.length - 1].until).toBeUndefined();
    }
  });

  test('the summary of the catalog', () => {
    expect(Object.fromEntries(entries.map((e) => [e.id, [
      e.namespace && `${e.namespace}/${e.serviceAccountName}`, e.addonName, `${e.oldestSupportedVersion}..${e.newestKnownVersion}`,
      e.policyRanges.map((r) => r.since).join(' '), e.podIdentity.minimumVersion,
    ]]))).toMatchSnapshot();
  });

  test('the listing is a copy: changing it changes nothing in the catalog', () => {
    (entries[0].policyRanges as any[]).pop();
    expect(ControllerIdentity.catalog()[0].policyRanges.length).toBeGreaterThan(entries[0].policyRanges.length);
  });
});

describe('cdk-eks-identity catalog', () => {
  test('prints Markdown by default', () => {
    const { code, output } = run([]);
    expect(code).toBe(0);
    expect(output).toContain('| Entry | Service account | Add-on | Versions | Newest known | Pod identity from |');
    expect(output).toContain('### Karpenter');
    expect(output).toContain('v1.7.0 to before v1.9.0: adds iam:ListInstanceProfiles (instance profile garbage collection).');
  });

  test('--format json prints the listing', () => {
    const { code, output } = run(['--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(output)).toEqual(JSON.parse(JSON.stringify(ControllerIdentity.catalog())));
    expect(run(['--format=json']).output).toBe(output);
  });

  test('bad usage exits 2', () => {
    expect(run(['--format', 'yaml'])).toEqual({ code: 2, output: '', errors: 'error: --format takes one of md, json, not yaml\nusage: cdk-eks-identity catalog [--format md|json]' });
    expect(run(['extra']).code).toBe(2);
    expect(run(['--help']).code).toBe(0);
  });

  test('main dispatches the command and lists it in its usage', () => {
    expect(run(['catalog', '--format', 'json'], main).code).toBe(0);
    expect(run(['--help'], main).output).toContain('catalog ');
  });
});

test('docs/catalog.md holds the listing as the library renders it', () => {
  const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'catalog.md'), 'utf8');
  const start = '<!-- catalog listing: generated from ControllerIdentity.catalog() -->\n';
  const end = '<!-- end of catalog listing -->';
  expect(docs).toContain(start);
  const listing = docs.slice(docs.indexOf(start) + start.length, docs.indexOf(end));
  expect(listing).toBe(catalogMarkdown(ControllerIdentity.catalog()));
});
