import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import Ajv from 'ajv';
import draft04 from 'ajv/lib/refs/json-schema-draft-04.json';
import { assemblyWithFindings, irsaRole, ISSUER, manifest, runCommand, tempDirectory, writeFiles } from './assembly-files';
import { EksIdentityChecks } from '../../src';
import { runCheck } from '../../src/cli/commands/check';

/** The OASIS SARIF 2.1.0 schema, vendored under test/checks/sarif (see source.json there). */
const SARIF_SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'checks', 'sarif', 'sarif-schema-2.1.0.json'), 'utf-8'));

/** A validator of SARIF 2.1.0 logs (the schema is draft-04: ajv 6 with the draft-04 meta-schema). */
function sarifValidator(): (log: unknown) => string[] {
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(draft04);
  const validate = ajv.compile(SARIF_SCHEMA);
  return (log) => validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

const check = (args: string[]) => runCommand(runCheck, args);

describe('--format sarif', () => {
  let directory: string;
  let log: any;
  beforeAll(() => {
    directory = assemblyWithFindings();
    const { code, output } = check([directory, '--format', 'sarif']);
    expect(code).toBe(1);
    log = JSON.parse(output);
  });

  test('is a valid SARIF 2.1.0 log', () => {
    const validate = sarifValidator();
    expect(validate(log)).toEqual([]);
    // The validator is not blind: a log without a tool name, a result without message, a made-up level.
    const broken = JSON.parse(JSON.stringify(log));
    delete broken.runs[0].tool.driver.name;
    delete broken.runs[0].results[0].message;
    broken.runs[0].results[1].level = 'fatal';
    expect(validate(broken)).toEqual(expect.arrayContaining([
      ".runs[0].tool.driver should have required property 'name'",
      ".runs[0].results[0] should have required property 'message'",
      '.runs[0].results[1].level should be equal to one of the allowed values',
    ]));
  });

  test('the tool driver lists every rule with its statement and level', () => {
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('cdk-eks-identity');
    expect(driver.rules).toEqual(new EksIdentityChecks().rules.map((r) => ({
      id: r.id,
      shortDescription: { text: r.statement },
      defaultConfiguration: { level: r.level },
    })));
  });

  test('each result names its rule, level, template file relative to the assembly, logical id and construct path', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(log.runs[0].originalUriBaseIds).toEqual({ CDK_OUT: { uri: `${pathToFileURL(directory).href}/` } });
    expect(log.runs[0].results.map((r: any) => ({
      ruleId: r.ruleId,
      rule: rules[r.ruleIndex].id,
      level: r.level,
      location: r.locations[0],
      properties: r.properties,
    }))).toEqual([
      {
        ruleId: 'EKSID-IRSA-001',
        rule: 'EKSID-IRSA-001',
        level: 'warning',
        location: {
          physicalLocation: { artifactLocation: { uri: 'Platform.template.json', uriBaseId: 'CDK_OUT' } },
          logicalLocations: [{ name: 'AnyAudienceRole', fullyQualifiedName: 'Platform/AnyAudienceRole', kind: 'resource' }],
        },
        properties: expect.objectContaining({ stackName: 'Platform', logicalId: 'AnyAudienceRole', constructPath: 'Platform/AnyAudience/Resource' }),
      },
      {
        ruleId: 'EKSID-IRSA-002',
        rule: 'EKSID-IRSA-002',
        level: 'error',
        location: {
          physicalLocation: { artifactLocation: { uri: 'assembly-Prod/Prod-Apps.template.json', uriBaseId: 'CDK_OUT' } },
          logicalLocations: [{ name: 'BadRole', fullyQualifiedName: 'Prod-Apps/BadRole', kind: 'resource' }],
        },
        properties: expect.objectContaining({ stackName: 'Prod-Apps', constructPath: 'Prod/Apps/Bad/Resource', resourceLocation: 'Properties/AssumeRolePolicyDocument' }),
      },
    ]);
    expect(log.runs[0].results[1].message.text).toMatch(/without a ":sub" condition.*\. Fix: add StringEquals/);
    // Fingerprints identify a finding across runs (the same assembly elsewhere gives the same ones).
    const again = JSON.parse(check([assemblyWithFindings(), '--format=sarif']).output);
    expect(again.runs[0].results.map((r: any) => r.partialFingerprints)).toEqual(log.runs[0].results.map((r: any) => r.partialFingerprints));
  });

  test('records suppressions in the run, and an assembly without findings gives an empty, valid run', () => {
    const suppressed = JSON.parse(check([directory, '--format', 'sarif', '--suppress', 'EKSID-IRSA-002=lab cluster']).output);
    expect(suppressed.runs[0].results.map((r: any) => r.ruleId)).toEqual(['EKSID-IRSA-001']);
    expect(suppressed.runs[0].properties).toEqual({ suppressedRules: [{ ruleId: 'EKSID-IRSA-002', reason: 'lab cluster' }] });
    const clean = writeFiles(tempDirectory(), {
      'manifest.json': manifest({ Ok: 'Ok.template.json' }),
      'Ok.template.json': { Resources: { Good: irsaRole(ISSUER, 'system:serviceaccount:app:web', 'Ok/Good/Resource') } },
    });
    const { code, output } = check([clean, '--format', 'sarif']);
    expect(code).toBe(0);
    expect(JSON.parse(output).runs[0].results).toEqual([]);
    expect(sarifValidator()(JSON.parse(output))).toEqual([]);
  });
});

describe('--format json and text', () => {
  test('json is the findings array (also --json)', () => {
    const directory = assemblyWithFindings();
    const json = check([directory, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.output).map((f: any) => [f.ruleId, f.level, f.stackName, f.logicalId])).toEqual([
      ['EKSID-IRSA-001', 'warning', 'Platform', 'AnyAudienceRole'],
      ['EKSID-IRSA-002', 'error', 'Prod-Apps', 'BadRole'],
    ]);
    expect(check([directory, '--json'])).toEqual(json);
  });

  test('text prints one line per finding and the counts (the default)', () => {
    const { output } = check([assemblyWithFindings()]);
    expect(output.split('\n').map((l) => l.split(':')[0])).toEqual([
      'WARNING EKSID-IRSA-001 Platform/AnyAudienceRole (Platform/AnyAudience/Resource)',
      'ERROR EKSID-IRSA-002 Prod-Apps/BadRole (Prod/Apps/Bad/Resource)',
      '1 error(s), 1 warning(s)',
    ]);
  });

  test('an unknown format is bad usage, told on standard error', () => {
    expect(check([assemblyWithFindings(), '--format', 'xml'])).toEqual({
      code: 2,
      output: '',
      errors: `error: --format takes one of text, json, sarif, not xml\n${'usage: cdk-eks-identity check [<cdk.out>] [--format text|json|sarif] [--fail-on warning|error] [--suppress <RULE-ID>=<reason>]...'}`,
    });
  });
});

describe('--fail-on', () => {
  test('error (the default): exit 1 only when an error remains', () => {
    const directory = assemblyWithFindings();
    expect(check([directory]).code).toBe(1);
    expect(check([directory, '--fail-on', 'error']).code).toBe(1);
    expect(check([directory, '--fail-on=error', '--suppress', 'EKSID-IRSA-002=lab']).code).toBe(0);
  });

  test('warning: exit 1 when a warning (or error) remains', () => {
    const directory = assemblyWithFindings();
    expect(check([directory, '--fail-on', 'warning', '--suppress', 'EKSID-IRSA-002=lab']).code).toBe(1);
    expect(check([directory, '--fail-on', 'warning', '--suppress', 'EKSID-IRSA-002=lab', '--suppress', 'EKSID-IRSA-001=provider lists one audience']).code).toBe(0);
  });

  test('takes warning or error', () => {
    expect(check([assemblyWithFindings(), '--fail-on', 'info']).errors).toMatch(/^error: --fail-on takes one of warning, error, not info\n/);
    expect(check(['--fail-on']).code).toBe(2);
  });
});
