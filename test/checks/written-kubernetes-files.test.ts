import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { parseAllDocuments } from 'yaml';
import { IdentityMode } from '../../src';
import { readAssembly, readTemplateFiles } from '../../src/checks/assembly';
import { rememberWrittenKubernetesFile, writtenKubernetesObjects } from '../../src/core/written-kubernetes-files';
import { importedCluster, newCluster, newStack } from '../support/fixtures';

/*
 * The Kubernetes YAML this process writes at synth is not parsed again when the same process reads
 * the assembly (the rule pack as a validation plugin): the objects it was written from are used,
 * as long as the file holds exactly the text written. They are the objects parsing would give.
 */

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'written-k8s-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const app = new App({ outdir });
const stack = newStack(app);
const cluster = newCluster(stack);
cluster.addWorkloadIdentity('Irsa', { namespace: 'team-a', serviceAccountName: 'web', mode: IdentityMode.IRSA, createNamespace: true, roleName: 'web' });
cluster.addWorkloadIdentity('Pod', { namespace: 'team-a', serviceAccountName: 'worker', mode: IdentityMode.POD_IDENTITY });
cluster.addServiceAccount('Plain', { namespace: 'default', name: 'plain', labels: { tier: '1', on: 'true' }, annotations: { note: 'a: b # c\n---\nnext' } });
cluster.grantKubernetesGroups('Readers', 'arn:aws:iam::123456789012:role/reader', ['readers']);
const teamStack = newStack(app, 'Team');
importedCluster(teamStack).addWorkloadIdentity('Imported', { namespace: 'team-b', serviceAccountName: 'app', mode: IdentityMode.IRSA, roleName: 'imported-app' });
const assembly = app.synth();
const files = fs.readdirSync(assembly.directory).filter((f) => f.endsWith('.k8s.yaml')).map((f) => path.join(assembly.directory, f));

function parsed(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o !== null && o !== undefined);
}

test('every file written at synth is remembered with the objects parsing it gives, key order included', () => {
  expect(files).toHaveLength(2);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const objects = writtenKubernetesObjects(file, text);
    expect(objects).toBeDefined();
    expect(JSON.stringify(objects)).toBe(JSON.stringify(parsed(text)));
  }
  expect(JSON.stringify(writtenKubernetesObjects(files[0], fs.readFileSync(files[0], 'utf8')))).toContain('a: b # c\\n---\\nnext');
});

test('reading the assembly gives the same inputs as parsing every file', () => {
  const inputs = readAssembly(assembly.directory);
  for (const input of inputs) {
    for (const named of input.clusterKubernetesManifests ?? []) {
      const file = files.find((f) => path.basename(f).startsWith(`${input.stackName}.`))!;
      expect(JSON.stringify(named.manifests)).toBe(JSON.stringify(parsed(fs.readFileSync(file, 'utf8'))));
    }
  }
  expect(inputs.flatMap((i) => i.clusterKubernetesManifests ?? []).length).toBe(2);
});

test('a file changed after synth is parsed again', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'written-k8s-copy-'));
  try {
    fs.cpSync(assembly.directory, copy, { recursive: true });
    const file = path.join(copy, path.basename(files[0]));
    const text = fs.readFileSync(file, 'utf8');
    rememberWrittenKubernetesFile(file, text, parsed(text));
    fs.writeFileSync(file, text.replace(/name: web/, 'name: changed'));
    const template = path.join(copy, `${path.basename(files[0]).split('.')[0]}.template.json`);
    const [input] = readTemplateFiles([template]);
    const names = (input.clusterKubernetesManifests ?? []).flatMap((c) => c.manifests).map((o: any) => o.metadata?.name);
    expect(names).toContain('changed');
    expect(names).not.toContain('web');
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('objects that are not plain JSON data are not remembered; a new text for the same file replaces the old one', () => {
  const file = path.join(outdir, 'unit.k8s.yaml');
  rememberWrittenKubernetesFile(file, 'kind: A\n', [{ kind: 'A', metadata: { name: undefined } }]);
  expect(writtenKubernetesObjects(file, 'kind: A\n')).toBeUndefined();
  rememberWrittenKubernetesFile(file, 'kind: B\n', [null]);
  expect(writtenKubernetesObjects(file, 'kind: B\n')).toBeUndefined();
  rememberWrittenKubernetesFile(file, 'kind: C\n', [{ kind: 'C', n: 1, list: [true, null] }]);
  expect(writtenKubernetesObjects(file, 'kind: C\n')).toEqual([{ kind: 'C', n: 1, list: [true, null] }]);
  expect(writtenKubernetesObjects(file, 'kind: D\n')).toBeUndefined();
  rememberWrittenKubernetesFile(file, 'kind: E\n', [{ kind: 'E', n: Infinity }]);
  expect(writtenKubernetesObjects(file, 'kind: C\n')).toBeUndefined();
});

test('what is kept is bounded: a large file makes the memo forget the rest', () => {
  const small = path.join(outdir, 'small.k8s.yaml');
  rememberWrittenKubernetesFile(small, 'kind: A\n', [{ kind: 'A' }]);
  expect(writtenKubernetesObjects(small, 'kind: A\n')).toBeDefined();
  const large = `kind: B\ndata: ${'x'.repeat(16 * 1024 * 1024)}\n`;
  rememberWrittenKubernetesFile(path.join(outdir, 'large.k8s.yaml'), large, [{ kind: 'B' }]);
  expect(writtenKubernetesObjects(small, 'kind: A\n')).toBeUndefined();
});
