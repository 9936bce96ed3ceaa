import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/*
 * The package's command is the committed launcher bin/cdk-eks-identity, which runs the compiled
 * lib/cli/main.js. It exists before the first build, so `npx cdk-eks-identity` in a fresh clone
 * links it into npm's npx cache at once (a bin whose file is missing is never linked there, and
 * that cache entry is then reused for good).
 */

const ROOT = path.join(__dirname, '../..');
const LAUNCHER = path.join(ROOT, 'bin/cdk-eks-identity');

/** A package directory with a copy of the launcher and, if given, a stand-in lib/cli/main.js. */
function packageWith(main?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bin-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(LAUNCHER, path.join(dir, 'bin/cdk-eks-identity'));
  fs.chmodSync(path.join(dir, 'bin/cdk-eks-identity'), 0o755);
  if (main !== undefined) {
    fs.mkdirSync(path.join(dir, 'lib/cli'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'lib/cli/main.js'), main);
  }
  return dir;
}

function run(dir: string, args: string[], input = '') {
  return spawnSync(path.join(dir, 'bin/cdk-eks-identity'), args, { encoding: 'utf8', input });
}

test('package.json declares the launcher as the bin, and the launcher is an executable node script', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.bin).toEqual({ 'cdk-eks-identity': 'bin/cdk-eks-identity' });
  expect(() => fs.accessSync(LAUNCHER, fs.constants.X_OK)).not.toThrow();
  expect(fs.readFileSync(LAUNCHER, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
});

test('the launcher is packaged, lib/cli/main.js is its target', () => {
  const npmignore = fs.readFileSync(path.join(ROOT, '.npmignore'), 'utf8').split('\n');
  expect(npmignore.filter((l) => /^\/?bin\/?/.test(l))).toEqual([]);
  expect(fs.readFileSync(LAUNCHER, 'utf8')).toMatch(/path\.join\(packageDir, 'lib', 'cli', 'main\.js'\)/);
  expect(fs.existsSync(path.join(ROOT, 'src/cli/main.ts'))).toBe(true);
});

test('before the build it exits 1 and says what to run', () => {
  const dir = packageWith();
  const result = run(dir, ['--help']);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`cdk-eks-identity: ${fs.realpathSync(dir)}/lib/cli/main.js does not exist yet. Build it first: `
    + `run \`npm run lab\` (or \`npx projen compile\`) in ${fs.realpathSync(dir)}, then run the command again.\n`);
});

test('after the build it passes the arguments, standard input and output, and the exit code through', () => {
  const dir = packageWith([
    'const input = require("fs").readFileSync(0, "utf8");',
    'process.stdout.write(JSON.stringify({ args: process.argv.slice(2), input }));',
    'process.stderr.write("to stderr");',
    'process.exitCode = 3;',
  ].join('\n'));
  const result = run(dir, ['check', 'cdk.out', '--format', 'json', 'a b'], 'from stdin');
  expect(result.status).toBe(3);
  expect(JSON.parse(result.stdout)).toEqual({ args: ['check', 'cdk.out', '--format', 'json', 'a b'], input: 'from stdin' });
  expect(result.stderr).toBe('to stderr');
});

test('a CLI killed by a signal ends the launcher with the same signal', () => {
  const dir = packageWith('process.kill(process.pid, "SIGTERM");');
  const result = run(dir, []);
  expect(result.status).toBeNull();
  expect(result.signal).toBe('SIGTERM');
});
