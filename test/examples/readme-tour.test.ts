import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { readmeBlock } from './readme-blocks';
import { validateKubernetesObject } from '../support/kubernetes-output';

/*
 * The README's tour is examples/readme-tour.ts, and it synthesizes offline with the real cdk CLI
 * and the context of the README's cdk.json, with no AWS credentials anywhere.
 */

const ROOT = path.join(__dirname, '../..');
const TOUR_FILE = path.join(ROOT, 'examples/readme-tour.ts');
const TOUR = 'A five-minute tour';
const ZONES_KEY = 'availability-zones:account=111122223333:region=ap-northeast-2';

/** The example without its leading comment, importing the library by its package name. */
function tourAsInTheReadme(): string {
  const lines = fs.readFileSync(TOUR_FILE, 'utf8').split('\n');
  const body = lines.slice(lines.findIndex((l) => !l.startsWith('//'))).join('\n');
  return body.replace("from '../src';", "from 'cdk-eks-identity';");
}

interface CdkSynth {
  readonly result: SpawnSyncReturns<string>;
  readonly dir: string;
  readonly outdir: string;
}

/** `cdk synth` of the tour in a fresh directory whose cdk.json holds `context`, without credentials. */
function cdkSynth(context: { [key: string]: unknown }): CdkSynth {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-tour-'));
  const outdir = path.join(dir, 'cdk.out');
  const tsNode = [process.execPath, require.resolve('ts-node/dist/bin.js'), '--transpile-only', '--prefer-ts-exts',
    '--project', path.join(ROOT, 'examples/tsconfig.json'), TOUR_FILE].map((a) => JSON.stringify(a)).join(' ');
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: tsNode, context }));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_') && !k.startsWith('CDK_')) env[k] = v;
  Object.assign(env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-aws-credentials'),
    HOME: dir,
  });
  const cdk = require.resolve('aws-cdk/bin/cdk');
  const result = spawnSync(process.execPath, [cdk, 'synth', '--quiet', '--no-notices', '--no-version-reporting', '--output', outdir], {
    cwd: dir, env, encoding: 'utf8', timeout: 110_000,
  });
  return { result, dir, outdir };
}

test('the README tour is examples/readme-tour.ts, line for line', () => {
  expect(readmeBlock(TOUR, 'ts').text).toBe(tourAsInTheReadme());
});

test('the README tour block is compiled with the standalone fixture (it has its own imports)', () => {
  expect(readmeBlock(TOUR, 'ts').info).toBe('ts fixture=standalone');
});

describe('cdk synth of the tour with the README\'s cdk.json, no AWS credentials', () => {
  let synth: CdkSynth;
  beforeAll(() => {
    const cdkJson = JSON.parse(readmeBlock(TOUR, 'json').text);
    expect(Object.keys(cdkJson.context)).toEqual([ZONES_KEY]);
    synth = cdkSynth(cdkJson.context);
  });

  const objects = () => parseAllDocuments(fs.readFileSync(path.join(synth.outdir, 'Platform.Cluster.k8s.yaml'), 'utf8'))
    .map((d) => d.toJS()).filter((o) => o !== null);
  const template = () => JSON.parse(fs.readFileSync(path.join(synth.outdir, 'Platform.template.json'), 'utf8'));

  test('succeeds, looks nothing up and prints the writer\'s mode and why', () => {
    expect({ status: synth.result.status, stderr: synth.result.status === 0 ? '' : synth.result.stderr }).toEqual({ status: 0, stderr: '' });
    const manifest = JSON.parse(fs.readFileSync(path.join(synth.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.missing).toBeUndefined();
    expect(fs.existsSync(path.join(synth.dir, 'cdk.context.json'))).toBe(false);
    expect(synth.result.stdout).toMatch(/^POD_IDENTITY AUTO chose pod identity/m);
  });

  test('the VPC spans the zones of the context (three of four: the default maximum)', () => {
    const zones = Object.values<any>(template().Resources).filter((r) => r.Type === 'AWS::EC2::Subnet').map((r) => r.Properties.AvailabilityZone);
    expect([...new Set(zones)].sort()).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']);
  });

  test('the YAML the README describes: two ServiceAccounts (only the IRSA one annotated) and the app Namespace', () => {
    const roles = Object.values<any>(template().Resources).filter((r) => r.Type === 'AWS::IAM::Role');
    const irsaRoles = roles.filter((r) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('sts:AssumeRoleWithWebIdentity'));
    expect(irsaRoles).toHaveLength(1);
    const list = objects();
    for (const o of list) validateKubernetesObject(o);
    expect(list.map((o) => [o.kind, o.metadata.namespace ?? null, o.metadata.name, o.metadata.annotations ?? null]).sort()).toEqual([
      ['Namespace', null, 'app', null],
      ['ServiceAccount', 'app', 'writer', null],
      ['ServiceAccount', 'default', 'my-sa', { 'eks.amazonaws.com/role-arn': `arn:aws:iam::111122223333:role/${irsaRoles[0].Properties.RoleName}` }],
    ]);
  });
});

test('without that context, cdk synth fails offline: the VPC needs the availability zones looked up', () => {
  const { result } = cdkSynth({});
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toMatch(/Need to perform AWS calls for account 111122223333, but no credentials have been configured/);
});
