import * as fs from 'fs';
import * as path from 'path';
import { AssemblyError, readAssembly, readTemplateFiles } from '../../src/checks/assembly';
import { assemblyWithFindings, manifest, tempDirectory, writeFiles } from '../cli/assembly-files';

// Every read goes through a counting readFileSync.
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});

const readFileSync = fs.readFileSync as unknown as jest.Mock;

function filesRead(directory: string): string[] {
  return readFileSync.mock.calls.map((call) => path.relative(directory, String(call[0]))).sort();
}

beforeEach(() => readFileSync.mockClear());

test('a cloud assembly: each manifest, template and Kubernetes YAML file is read once', () => {
  const directory = assemblyWithFindings();
  writeFiles(directory, { 'Platform.Cluster.k8s.yaml': '# cdk-eks-identity cluster: myeks\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: app\n' });
  readFileSync.mockClear();
  const inputs = readAssembly(directory);
  expect(inputs.map((i) => [i.stackName, i.clusterKubernetesManifests?.map((c) => c.cluster)])).toEqual([['Platform', ['myeks']], ['Prod-Apps', undefined]]);
  expect(filesRead(directory)).toEqual([
    'Platform.Cluster.k8s.yaml',
    'Platform.template.json',
    'assembly-Prod/Prod-Apps.template.json',
    'assembly-Prod/manifest.json',
    'manifest.json',
  ]);
});

test('templates by path (the policy validation plugin): one manifest read per directory', () => {
  const directory = assemblyWithFindings();
  writeFiles(directory, {
    'manifest.json': {
      version: '55.0.0',
      artifacts: {
        Platform: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Platform.template.json', stackName: 'platform-prod' } },
        Other: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Other.template.json' } },
      },
    },
    'Other.template.json': { Resources: {} },
  });
  readFileSync.mockClear();
  const inputs = readTemplateFiles([path.join(directory, 'Platform.template.json'), path.join(directory, 'Other.template.json')]);
  expect(inputs.map((i) => i.stackName)).toEqual(['platform-prod', 'Other']);
  expect(filesRead(directory)).toEqual(['Other.template.json', 'Platform.template.json', 'manifest.json']);
});

test('a template file outside the assembly is refused before anything is read from it', () => {
  const outside = path.join(assemblyWithFindings(), 'Platform.template.json');
  const directory = tempDirectory('hostile-');
  for (const templateFile of [path.relative(directory, outside), outside]) {
    writeFiles(directory, { 'manifest.json': manifest({ Stack: templateFile }) });
    readFileSync.mockClear();
    expect(() => readAssembly(directory)).toThrow(AssemblyError);
    expect(readFileSync.mock.calls.map((call) => String(call[0]))).toEqual([path.join(directory, 'manifest.json')]);
  }
});
