import * as fs from 'fs';
import * as path from 'path';
import { assemblyWithFindings, CommandResult, irsaRole, ISSUER, manifest, runCommand, tempDirectory, writeFiles } from './assembly-files';
import { readAssembly } from '../../src/checks/assembly';
import { runCheck } from '../../src/cli/commands/check';
import { runDiff } from '../../src/cli/commands/diff';
import { runReport } from '../../src/cli/commands/report';

/*
 * Every command that reads a cloud assembly refuses a malformed or hostile one with exit 2 and a
 * message naming the file, and never reads a file outside the assembly directory.
 */

const GOOD_TEMPLATE = { Resources: { Good: irsaRole(ISSUER, 'system:serviceaccount:app:web', 'Stack/Good/Resource') } };

/** The commands, each run on a directory (diff: as the assembly after, and as the one before). */
const COMMANDS: Array<[string, (directory: string) => CommandResult]> = [
  ['check', (d) => runCommand(runCheck, [d])],
  ['check --format sarif', (d) => runCommand(runCheck, [d, '--format', 'sarif'])],
  ['report', (d) => runCommand(runReport, [d])],
  ['diff (after)', (d) => runCommand(runDiff, [assemblyWithFindings(), d])],
  ['diff (before)', (d) => runCommand(runDiff, [d, assemblyWithFindings(), '--format', 'json'])],
];

function assembly(files: { [name: string]: unknown }): string {
  return writeFiles(tempDirectory('malformed-'), files);
}

/** How to fix an assembly cdk synth wrote and something damaged; one whose manifest names files outside it. */
const RESYNTH = /run cdk synth again to rewrite the cloud assembly/;
const STAY_INSIDE = /check only cloud assemblies that cdk synth wrote: it keeps every template and nested assembly inside the directory$/;

/** Runs every command on the directory and expects exit 2 with `error: <file>: <problem>. Fix: <fix>`. */
function expectRefused(directory: string, file: string, problem: RegExp, fix: RegExp = RESYNTH): void {
  for (const [name, run] of COMMANDS) {
    const { code, output, errors } = run(directory);
    expect({ name, code, output }).toEqual({ name, code: 2, output: '' });
    const line = new RegExp(`^error: ${escapeRegExp(file)}: (.+?)\\. Fix: (.+)$`, 's').exec(errors);
    expect(line).not.toBeNull();
    expect({ problem: line![1], fix: line![2] }).toEqual({ problem: expect.stringMatching(problem), fix: expect.stringMatching(fix) });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('manifest.json', () => {
  test.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"cdk.out"'],
  ])('that is %s, not an object', (kind, text) => {
    const directory = assembly({ 'manifest.json': text });
    expectRefused(directory, path.join(directory, 'manifest.json'), new RegExp(`not a cloud assembly manifest: expected a JSON object, found ${kind}$`));
  });

  test('that is not JSON', () => {
    const directory = assembly({ 'manifest.json': '{"artifacts": ' });
    expectRefused(directory, path.join(directory, 'manifest.json'), /the cloud assembly manifest is not valid JSON \(/);
  });

  test('whose artifacts are not an object, or name no template file', () => {
    const listed = assembly({ 'manifest.json': { artifacts: ['Stack'] } });
    expectRefused(listed, path.join(listed, 'manifest.json'), /not a cloud assembly manifest: artifacts must be an object, found an array$/);
    const noFile = assembly({ 'manifest.json': { artifacts: { Stack: { type: 'aws:cloudformation:stack', properties: {} } } } });
    expectRefused(noFile, path.join(noFile, 'manifest.json'), /stack artifact Stack has no properties.templateFile \(found nothing\)$/);
  });

  test('missing: the directory is not a cloud assembly; a missing directory is not a directory', () => {
    const empty = tempDirectory('empty-');
    for (const [, run] of COMMANDS) {
      expect(run(empty)).toEqual({ code: 2, output: '', errors: `error: ${empty} is not a cloud assembly: it has no manifest.json. Fix: run cdk synth first, or pass the directory cdk synth wrote (cdk.out)` });
      const missing = path.join(empty, 'cdk.out');
      expect(run(missing)).toEqual({ code: 2, output: '', errors: `error: ${missing} is not a directory. Fix: run cdk synth first, or pass the cloud assembly directory (cdk.out)` });
    }
  });
});

describe('templates', () => {
  const withTemplate = (text: string) => assembly({ 'manifest.json': manifest({ Stack: 'Stack.template.json' }), 'Stack.template.json': text });

  test.each([
    ['null', 'null', /not a CloudFormation template: expected a JSON object, found null$/],
    ['an array', '[]', /not a CloudFormation template: expected a JSON object, found an array$/],
    ['not JSON', '{"Resources": {', /the template is not valid JSON \(/],
    ['Resources an array', '{"Resources": []}', /not a CloudFormation template: Resources must be an object of resources, found an array$/],
    ['Resources a string', '{"Resources": "none"}', /not a CloudFormation template: Resources must be an object of resources, found a string$/],
    ['Resources null', '{"Resources": null}', /not a CloudFormation template: Resources must be an object of resources, found null$/],
  ])('%s', (_, text, problem) => {
    const directory = withTemplate(text);
    expectRefused(directory, path.join(directory, 'Stack.template.json'), problem);
  });

  test('a missing template file', () => {
    const directory = assembly({ 'manifest.json': manifest({ Stack: 'Stack.template.json' }) });
    expectRefused(directory, path.join(directory, 'Stack.template.json'),
      new RegExp(`${escapeRegExp(path.join(directory, 'manifest.json'))} names it as the template file of stack Stack, but it does not exist$`));
  });

  test('a template without Resources is an empty stack', () => {
    const directory = withTemplate('{}');
    expect(runCommand(runCheck, [directory])).toEqual({ code: 0, output: 'no findings', errors: '' });
  });

  test('invalid Kubernetes YAML next to a template', () => {
    const directory = assembly({
      'manifest.json': manifest({ Stack: 'Stack.template.json' }),
      'Stack.template.json': GOOD_TEMPLATE,
      'Stack.Cluster.k8s.yaml': 'kind: ServiceAccount\nmetadata: [unclosed\n',
    });
    expectRefused(directory, path.join(directory, 'Stack.Cluster.k8s.yaml'), /invalid YAML: /, /correct \(or remove\) the file if you put it there yourself$/);
  });
});

describe('files outside the assembly directory are never read', () => {
  /** A valid template with an error finding, outside the assembly: reading it would change the outcome. */
  function outsideTemplate(): string {
    const outside = path.join(tempDirectory('outside-'), 'Outside.template.json');
    fs.writeFileSync(outside, JSON.stringify({ Resources: { BadRole: irsaRole(ISSUER, undefined, 'Outside/Bad/Resource') } }));
    return outside;
  }

  test.each([
    ['a relative path that climbs out', (directory: string, outside: string) => path.relative(directory, outside)],
    ['../../etc/passwd', () => '../../etc/passwd'],
    ['an absolute path', (_: string, outside: string) => outside],
    ['/etc/passwd', () => '/etc/passwd'],
  ])('template file: %s', (_, templateFile) => {
    const directory = tempDirectory('hostile-');
    const file = templateFile(directory, outsideTemplate());
    writeFiles(directory, { 'manifest.json': manifest({ Stack: file }) });
    expectRefused(directory, path.join(directory, file),
      new RegExp(`${escapeRegExp(path.join(directory, 'manifest.json'))} names it as the template file of stack Stack, but it is outside the cloud assembly directory ${escapeRegExp(directory)}; refusing to read it$`),
      STAY_INSIDE);
  });

  test('a nested assembly directory outside the assembly', () => {
    const outside = path.dirname(outsideTemplate());
    writeFiles(outside, { 'manifest.json': manifest({ Outside: 'Outside.template.json' }) });
    const directory = tempDirectory('hostile-');
    const relative = path.relative(directory, outside);
    writeFiles(directory, { 'manifest.json': manifest({}, { 'assembly-Evil': relative }) });
    expectRefused(directory, path.join(directory, relative), /.* names it as the directory of nested assembly assembly-Evil, but it is outside the cloud assembly directory/, STAY_INSIDE);
  });

  test('a template that is a symbolic link to a file outside', () => {
    const outside = outsideTemplate();
    const directory = assembly({ 'manifest.json': manifest({ Stack: 'Stack.template.json' }) });
    fs.symlinkSync(outside, path.join(directory, 'Stack.template.json'));
    expectRefused(directory, path.join(directory, 'Stack.template.json'),
      new RegExp(`.* names it as the template file of stack Stack, but it links to ${escapeRegExp(fs.realpathSync(outside))}, outside`), STAY_INSIDE);
  });

  test('a nested assembly that names its parent does not loop', () => {
    const directory = assembly({
      'manifest.json': manifest({ Stack: 'Stack.template.json' }, { Self: '.' }),
      'Stack.template.json': GOOD_TEMPLATE,
    });
    expect(readAssembly(directory).map((i) => i.stackName)).toEqual(['Stack']);
  });
});
