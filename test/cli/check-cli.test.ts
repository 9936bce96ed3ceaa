import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import Ajv from 'ajv';
import draft04 from 'ajv/lib/refs/json-schema-draft-04.json';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
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

  test('the tool driver lists every rule with its statement, level, fix and the README section on the rules', () => {
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('cdk-eks-identity');
    expect(driver.rules).toEqual(new EksIdentityChecks().rules.map((r) => ({
      id: r.id,
      shortDescription: { text: r.statement },
      fullDescription: { text: r.statement },
      help: { text: `Fix: ${r.fix}.` },
      helpUri: 'https://github.com/cdk-eks-identity/cdk-eks-identity#checks-report-and-test-helpers',
      defaultConfiguration: { level: r.level },
    })));
    expect(driver.rules.find((r: any) => r.id === 'EKSID-IRSA-002').help.text)
      .toBe('Fix: add StringEquals "<issuer>:sub": "system:serviceaccount:<namespace>:<name>" to the trust statement.');
    // The anchor is GitHub's for the README heading.
    expect(fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8').split('\n')).toContain('### Checks, report and test helpers');
  });

  test('every rule says how to fix what it finds', () => {
    for (const rule of new EksIdentityChecks().rules) expect({ id: rule.id, fix: rule.fix.length > 20 }).toEqual({ id: rule.id, fix: true });
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
          // The logical id's line and column in the template file (written with one space of indent).
          physicalLocation: { artifactLocation: { uri: 'Platform.template.json', uriBaseId: 'CDK_OUT' }, region: { startLine: 3, startColumn: 3 } },
          logicalLocations: [{ name: 'AnyAudienceRole', fullyQualifiedName: 'Platform/AnyAudienceRole', kind: 'resource' }],
        },
        properties: expect.objectContaining({ stackName: 'Platform', logicalId: 'AnyAudienceRole', constructPath: 'Platform/AnyAudience/Resource' }),
      },
      {
        ruleId: 'EKSID-IRSA-002',
        rule: 'EKSID-IRSA-002',
        level: 'error',
        location: {
          physicalLocation: { artifactLocation: { uri: 'assembly-Prod/Prod-Apps.template.json', uriBaseId: 'CDK_OUT' }, region: { startLine: 3, startColumn: 3 } },
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

describe('--format sarif on an assembly synthesized without path metadata (a plain app.synth())', () => {
  /** An app with a role without `:sub` (error EKSID-IRSA-002) in a stack and in a stack of a stage, synthesized by `app.synth()`. */
  function plainAssembly(): string {
    const app = new App({ outdir: tempDirectory('plain-synth-') });
    const federated = new iam.FederatedPrincipal(`arn:aws:iam::123456789012:oidc-provider/${ISSUER}`,
      { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } }, 'sts:AssumeRoleWithWebIdentity');
    new iam.Role(new Stack(app, 'Plain'), 'NoSub', { assumedBy: federated });
    new iam.Role(new Stack(new Stage(app, 'Prod'), 'Apps'), 'NoSub', { assumedBy: federated });
    return app.synth().directory;
  }

  /** The construct paths and regions of the results. */
  function located(directory: string): Array<[string, string | undefined, any]> {
    const log = JSON.parse(check([directory, '--format', 'sarif']).output);
    return log.runs[0].results.map((r: any) => [r.properties.stackName, r.properties.constructPath, r.locations[0].physicalLocation.region]);
  }

  /** The line and column of `"<logicalId>":` in a template file. */
  function positionIn(file: string, logicalId: string): { startLine: number; startColumn: number } {
    const lines = fs.readFileSync(file, 'utf-8').split('\n');
    const index = lines.findIndex((l) => l.includes(`"${logicalId}":`));
    return { startLine: index + 1, startColumn: lines[index].indexOf('"') + 1 };
  }

  test('the construct paths come from the stack metadata of the assembly', () => {
    const directory = plainAssembly();
    const template = JSON.parse(fs.readFileSync(path.join(directory, 'Plain.template.json'), 'utf-8'));
    const [logicalId] = Object.keys(template.Resources).filter((id) => template.Resources[id].Type === 'AWS::IAM::Role');
    expect(template.Resources[logicalId].Metadata?.['aws:cdk:path']).toBeUndefined();
    expect(located(directory)).toEqual([
      ['Plain', 'Plain/NoSub/Resource', positionIn(path.join(directory, 'Plain.template.json'), logicalId)],
      ['Prod-Apps', 'Prod/Apps/NoSub/Resource', positionIn(path.join(directory, 'assembly-Prod', 'ProdApps24E2CEAB.template.json'), logicalId)],
    ]);
  });

  test('without stack metadata, from the construct tree (tree.json)', () => {
    const directory = plainAssembly();
    for (const manifestFile of [path.join(directory, 'manifest.json'), path.join(directory, 'assembly-Prod', 'manifest.json')]) {
      const manifestJson = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
      for (const artifact of Object.values<any>(manifestJson.artifacts)) {
        delete artifact.metadata;
        delete artifact.additionalMetadataFile;
      }
      fs.writeFileSync(manifestFile, JSON.stringify(manifestJson));
    }
    expect(located(directory).map(([stack, constructPath]) => [stack, constructPath]))
      .toEqual([['Plain', 'Plain/NoSub/Resource'], ['Prod-Apps', 'Prod/Apps/NoSub/Resource']]);
    // Without a tree either, the results carry no construct path (and the log stays valid).
    fs.rmSync(path.join(directory, 'tree.json'));
    expect(located(directory).map(([stack, constructPath]) => [stack, constructPath])).toEqual([['Plain', undefined], ['Prod-Apps', undefined]]);
    expect(sarifValidator()(JSON.parse(check([directory, '--format', 'sarif']).output))).toEqual([]);
  });

  test('stack metadata written in the manifest itself (older CDK versions)', () => {
    const role = irsaRole(ISSUER, undefined, 'unused') as any;
    delete role.Metadata;
    const manifestJson = manifest({ Platform: 'Platform.template.json' }) as any;
    manifestJson.artifacts.Platform.metadata = { '/Platform/Bad/Resource': [{ type: 'aws:cdk:logicalId', data: 'BadRole' }] };
    const directory = writeFiles(tempDirectory(), {
      'manifest.json': manifestJson,
      // Minified: the region still finds the logical id as a key of Resources, not the output of the same name.
      'Platform.template.json': JSON.stringify({ Outputs: { BadRole: { Value: 'x' } }, Resources: { BadRole: role } }),
    });
    expect(located(directory)).toEqual([['Platform', 'Platform/Bad/Resource', { startLine: 1, startColumn: 51 }]]);
  });

  test('a tree file the manifest places outside the assembly is refused', () => {
    const directory = plainAssembly();
    const manifestFile = path.join(directory, 'manifest.json');
    const manifestJson = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
    for (const artifact of Object.values<any>(manifestJson.artifacts)) {
      delete artifact.additionalMetadataFile;
      if (artifact.type === 'cdk:tree') artifact.properties.file = '../outside-tree.json';
    }
    fs.writeFileSync(manifestFile, JSON.stringify(manifestJson));
    const { code, errors } = check([directory, '--format', 'sarif']);
    expect(code).toBe(2);
    expect(errors).toContain('names it as the construct tree file, but it is outside the cloud assembly directory');
  });
});
