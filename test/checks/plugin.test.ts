import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, attachCustomSynthesis, CfnResource, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { goodResources, irsaTrust, role } from './fixtures';
import { EksIdentityChecks } from '../../src/checks';
import { runCheck } from '../../src/cli/commands/check';

/** Adds raw CloudFormation resources to a stack. */
function addResources(stack: Stack, resources: { [id: string]: any }): void {
  for (const [id, resource] of Object.entries(resources)) {
    const r = new CfnResource(stack, id, { type: resource.Type, properties: resource.Properties });
    r.overrideLogicalId(id);
  }
}

/** Writes Kubernetes YAML next to the stack's template, the way the library delivers its objects. */
function writeKubernetesYaml(stack: Stack, yaml: string): void {
  attachCustomSynthesis(new Construct(stack, 'KubernetesObjects'), {
    onSynthesize: (session) => fs.writeFileSync(path.join(session.outdir, `${stack.artifactId}.Cluster.k8s.yaml`), yaml),
  });
}

const WEB_ACCOUNT_YAML = [
  'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: apps', '---',
  'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: web', '  namespace: apps', '  annotations:',
  '    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/apps-web', '',
].join('\n');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'eksid-checks-'));
}

describe('as a CDK policy validation plugin', () => {
  test('fails synth on an error-level finding, with rule, message and fix in the report', () => {
    const app = new App({ outdir: tempDir() });
    Validations.of(app).addPlugins(new EksIdentityChecks());
    addResources(new Stack(app, 'Bad'), { ...goodResources(), WebRole: role(irsaTrust({ sub: null }), { RoleName: 'apps-web' }) });
    expect(() => app.synth()).toThrow(
      /ERROR role WebRole trusts .* without a ":sub" condition[\s\S]*Bad\/WebRole[\s\S]*fix: add StringEquals "<issuer>:sub"[\s\S]*cdk-eks-identity::EKSID-IRSA-002/);
  });

  test('reads the *.k8s.yaml files next to the template', () => {
    const app = new App({ outdir: tempDir() });
    Validations.of(app).addPlugins(new EksIdentityChecks());
    const stack = new Stack(app, 'Cluster');
    addResources(stack, goodResources());
    writeKubernetesYaml(stack, WEB_ACCOUNT_YAML.replace('name: web', 'name: api'));
    expect(() => app.synth()).toThrow(/ERROR ServiceAccount apps\/api \(Kubernetes manifests of stack Cluster\)[\s\S]*cdk-eks-identity::EKSID-SA-001/);
  });

  test('passes a correct stack, also with warnings only', () => {
    const app = new App({ outdir: tempDir() });
    Validations.of(app).addPlugins(new EksIdentityChecks());
    const stack = new Stack(app, 'Good');
    const { Agent: _agent, ...withoutAgent } = goodResources();
    addResources(stack, withoutAgent); // EKSID-POD-007 is a warning
    writeKubernetesYaml(stack, WEB_ACCOUNT_YAML);
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args) => { errors.push(args.join(' ')); });
    try {
      expect(() => app.synth()).not.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('\n')).toContain('EKSID-POD-007');
  });

  test('honours CDK acknowledgements on a construct', () => {
    const app = new App({ outdir: tempDir() });
    Validations.of(app).addPlugins(new EksIdentityChecks());
    const stack = new Stack(app, 'Lab');
    addResources(stack, { ...goodResources(), WebRole: role(irsaTrust({ sub: null })) });
    Validations.of(stack.node.findChild('WebRole')).acknowledge({ id: 'cdk-eks-identity::EKSID-IRSA-002', reason: 'lab cluster, one tenant' });
    expect(() => app.synth()).not.toThrow();
  });

  test('honours suppressions', () => {
    const app = new App({ outdir: tempDir() });
    Validations.of(app).addPlugins(new EksIdentityChecks({ suppressions: [{ ruleId: 'EKSID-IRSA-002', reason: 'lab cluster, one tenant' }] }));
    addResources(new Stack(app, 'Lab'), { ...goodResources(), WebRole: role(irsaTrust({ sub: null })) });
    expect(() => app.synth()).not.toThrow();
  });
});

describe('checkAssembly and the check command', () => {
  function synthesizeAssembly(): string {
    const app = new App({ outdir: tempDir() });
    const platform = new Stack(app, 'Platform');
    addResources(platform, goodResources());
    writeKubernetesYaml(platform, WEB_ACCOUNT_YAML.replace('name: web', 'name: api'));
    const stage = new Stage(app, 'Prod');
    addResources(new Stack(stage, 'Apps'), { BadRole: role(irsaTrust({ sub: null })) });
    return app.synth().directory;
  }

  test('reads every stack, nested assemblies and Kubernetes YAML included', () => {
    const findings = new EksIdentityChecks().checkAssembly(synthesizeAssembly());
    expect(findings.map((f) => [f.ruleId, f.stackName, f.logicalId])).toEqual([
      ['EKSID-IRSA-002', 'Prod-Apps', 'BadRole'],
      ['EKSID-SA-001', 'Platform', 'WebRole'],
    ]);
  });

  test('prints one line per finding and exits 1 on errors', () => {
    const lines: string[] = [];
    expect(runCheck([synthesizeAssembly()], (l) => lines.push(l), (l) => lines.push(`stderr: ${l}`))).toBe(1);
    // The app synthesizes without path metadata: the construct paths come from the assembly's stack metadata.
    expect(lines[0]).toMatch(/^ERROR EKSID-IRSA-002 Prod-Apps\/BadRole \(Prod\/Apps\/BadRole\): role BadRole trusts OIDC provider .* without a ":sub" condition.*\. Fix: add StringEquals/);
    expect(lines[1]).toMatch(/^ERROR EKSID-SA-001 Platform\/WebRole \(Platform\/WebRole\): ServiceAccount apps\/api/);
    expect(lines[2]).toBe('2 error(s), 0 warning(s)');
  });

  test('exits 0 when the remaining findings are suppressed, and prints JSON on request', () => {
    const lines: string[] = [];
    const dir = synthesizeAssembly();
    expect(runCheck([dir, '--suppress', 'EKSID-IRSA-002=shared lab', '--suppress=EKSID-SA-001=objects applied by hand', '--json'], (l) => lines.push(l), (l) => lines.push(`stderr: ${l}`))).toBe(0);
    expect(JSON.parse(lines.join('\n'))).toEqual([]);
  });

  test('exits 2 on bad usage, unknown rules, empty reasons and missing assemblies', () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const out = (l: string) => lines.push(l);
    const err = (l: string) => errors.push(l);
    expect(runCheck(['a', 'b'], out, err)).toBe(2);
    expect(runCheck(['--suppress', 'EKSID-NOPE=x', tempDir()], out, err)).toBe(2);
    expect(errors.join('\n')).toContain('cannot suppress EKSID-NOPE: no such rule');
    expect(runCheck(['--suppress', 'EKSID-IRSA-002=', tempDir()], out, err)).toBe(2);
    expect(errors.join('\n')).toContain('cannot suppress EKSID-IRSA-002 without a reason');
    expect(runCheck([path.join(tempDir(), 'missing')], out, err)).toBe(2);
    expect(errors.join('\n')).toContain('missing is not a directory');
    expect(runCheck([tempDir()], out, err)).toBe(2);
    expect(errors.join('\n')).toContain('is not a cloud assembly: it has no manifest.json');
    expect(lines).toEqual([]);
  });

  test('lists the rules', () => {
    const lines: string[] = [];
    expect(runCheck(['--rules'], (l) => lines.push(l), (l) => lines.push(`stderr: ${l}`))).toBe(0);
    expect(lines).toHaveLength(new EksIdentityChecks().rules.length);
    expect(lines[0]).toMatch(/^EKSID-IRSA-001 warning: /);
  });
});

describe('suppressions', () => {
  test('need a reason and a known rule', () => {
    const checks = new EksIdentityChecks();
    expect(() => checks.suppress('EKSID-IRSA-002', '  ')).toThrow('cannot suppress EKSID-IRSA-002 without a reason');
    expect(() => checks.suppress('EKSID-XYZ', 'because')).toThrow('cannot suppress EKSID-XYZ: no such rule');
    expect(() => new EksIdentityChecks({ suppressions: [{ ruleId: 'EKSID-POD-007', reason: '' }] })).toThrow(/without a reason/);
  });

  test('remove the rule\'s findings and are listed', () => {
    const checks = new EksIdentityChecks();
    const input = { stackName: 'S', template: { Resources: { R: role(irsaTrust({ sub: null, aud: null })) } } };
    expect(checks.run([input]).map((f) => f.ruleId)).toEqual(['EKSID-IRSA-001', 'EKSID-IRSA-002']);
    checks.suppress('EKSID-IRSA-001', 'the provider only lists sts.amazonaws.com');
    expect(checks.run([input]).map((f) => f.ruleId)).toEqual(['EKSID-IRSA-002']);
    expect(checks.suppressions).toEqual([{ ruleId: 'EKSID-IRSA-001', reason: 'the provider only lists sts.amazonaws.com' }]);
  });

  test('every rule has a unique id, a statement and a level', () => {
    const rules = new EksIdentityChecks().rules;
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^EKSID-(IRSA|SA|POD|ACCESS|IAM|RBAC)-\d{3}$/);
      expect(rule.statement).toMatch(/\.$/);
      expect(['error', 'warning']).toContain(rule.level);
    }
  });
});
