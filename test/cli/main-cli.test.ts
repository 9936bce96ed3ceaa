import * as fs from 'fs';
import * as path from 'path';
import { tempDirectory } from './assembly-files';
import { main } from '../../src/cli/main';

/*
 * The command's streams: results on standard output, usage and error messages on standard error
 * (so `check --format sarif > out.sarif` never writes an error into the log), exit codes as before.
 */

/** Runs the CLI, collecting standard output and standard error. */
function cli(args: string[]): { code: number; output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  const code = main(args, (l) => output.push(l), (l) => errors.push(l));
  return { code, output, errors };
}

const PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

test('--version prints the version of package.json', () => {
  expect(cli(['--version'])).toEqual({ code: 0, output: [PACKAGE.version], errors: [] });
  expect(cli(['--help']).output).toContain('  --version                    print the version of cdk-eks-identity');
});

test('--help prints the usage on standard output; no command or an unknown one is bad usage on standard error', () => {
  const help = cli(['--help']);
  expect(help).toMatchObject({ code: 0, errors: [] });
  expect(help.output[0]).toBe('usage: cdk-eks-identity <command> [arguments]');
  expect(cli([])).toEqual({ code: 2, output: [], errors: help.output });
  expect(cli(['lint'])).toEqual({ code: 2, output: [], errors: ['error: unknown command lint', ...help.output] });
});

test.each([
  [['check', '--format', 'sarif']],
  [['check', '--format', 'json']],
  [['report', '--format', 'json']],
  [['diff', '--format', 'json', 'BEFORE']],
])('%j on a path that is not an assembly: nothing on standard output, the error on standard error, exit 2', (args) => {
  const missing = path.join(tempDirectory('no-assembly-'), 'cdk.out');
  const [command, ...rest] = args;
  const withPath = command === 'diff' ? [command, ...rest.map((a) => a === 'BEFORE' ? missing : a), missing] : [command, missing, ...rest];
  expect(cli(withPath)).toEqual({
    code: 2,
    output: [],
    errors: [`error: ${missing} is not a directory. Fix: run cdk synth first, or pass the cloud assembly directory (cdk.out)`],
  });
});

test('bad usage of a command: nothing on standard output', () => {
  const { code, output, errors } = cli(['check', '--format', 'xml']);
  expect({ code, output }).toEqual({ code: 2, output: [] });
  expect(errors[0]).toBe('error: --format takes one of text, json, sarif, not xml');
});

test('by default, standard output is console.log and standard error console.error', () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    expect(main(['--version'])).toBe(0);
    expect(main(['lint'])).toBe(2);
    expect(log.mock.calls).toEqual([[PACKAGE.version]]);
    expect(error.mock.calls[0]).toEqual(['error: unknown command lint']);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
});
