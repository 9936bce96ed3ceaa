import * as fs from 'fs';
import * as path from 'path';

/*
 * The Node.js versions package.json declares follow from what the package and its toolchain
 * declare: `engines` (for users of the library) is the highest minimum of the packages the
 * library loads at run time, `devEngines.runtime` (enforced by `npm run`) the highest minimum of
 * the jsii toolchain that builds it. npm 11 refuses `npm ci`, `npm install` and `npm run` on an older
 * Node.js (EBADDEVENGINES) because of `onFail: 'error'`.
 */

const ROOT = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** `>= 20.16.0` → [20, 16, 0]; anything other than a lower bound fails the test. */
function lowerBound(range: string): number[] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`not a ">= x.y.z" range: ${range}`);
  return [match[1], match[2] ?? '0', match[3] ?? '0'].map(Number);
}

function compare(a: number[], b: number[]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function highestMinimum(packages: string[]): { version: number[]; from: string[] } {
  let version = [0, 0, 0];
  let from: string[] = [];
  for (const name of packages) {
    const range = JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')).engines?.node;
    if (range === undefined) continue;
    const bound = lowerBound(range);
    if (compare(bound, version) > 0) [version, from] = [bound, [name]];
    else if (compare(bound, version) === 0) from.push(name);
  }
  return { version, from };
}

test('engines.node is the highest minimum of aws-cdk-lib, constructs, cdk8s and yaml', () => {
  const runtime = highestMinimum(['aws-cdk-lib', 'constructs', 'cdk8s', 'yaml']);
  expect(runtime.from).toContain('aws-cdk-lib');
  expect(lowerBound(pkg.engines.node)).toEqual(runtime.version);
  expect(pkg.engines.node).toBe('>= 20.0.0');
});

test('devEngines.runtime is the highest minimum of the toolchain (jsii, jsii-rosetta, jsii-pacmak, jsii-docgen, aws-cdk, projen, typescript)', () => {
  const toolchain = highestMinimum(['jsii', 'jsii-rosetta', 'jsii-pacmak', 'jsii-docgen', 'aws-cdk', 'projen', 'typescript']);
  expect(toolchain.from).toEqual(expect.arrayContaining(['jsii', 'jsii-rosetta']));
  expect(pkg.devEngines.runtime).toEqual({ name: 'node', version: '>= 20.16.0', onFail: 'error' });
  expect(lowerBound(pkg.devEngines.runtime.version)).toEqual(toolchain.version);
});

test('the Node.js running the tests satisfies both', () => {
  const running = process.versions.node.split('.').map(Number);
  expect(compare(running, lowerBound(pkg.engines.node))).toBeGreaterThanOrEqual(0);
  expect(compare(running, lowerBound(pkg.devEngines.runtime.version))).toBeGreaterThanOrEqual(0);
});
