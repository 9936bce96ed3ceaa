import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CheckFinding, CheckInput, CheckRuleInfo, CheckSuppression } from './check-types';
import { resourceKeyPositions, TextPosition } from './model/resource-locations';

/*
 * The rule pack's findings as a SARIF 2.1.0 log (OASIS, "Static Analysis Results Interchange
 * Format Version 2.1.0", https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), the
 * format GitHub code scanning reads
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 * One run; the tool driver lists every rule with its statement, level and fix (and where the
 * README documents the rules); each result names the template file relative to the cloud assembly
 * directory (base id `CDK_OUT`) with the line and column of the resource's logical id (code
 * scanning places an alert only where a region says), and the resource by stack and logical id,
 * with the construct path in its properties.
 */

/** The schema the log declares: the OASIS 2.1.0 schema (errata 01). */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The `uriBaseId` of template locations: the cloud assembly directory. */
export const SARIF_ASSEMBLY_BASE_ID = 'CDK_OUT';

const TOOL_NAME = 'cdk-eks-identity';
const TOOL_URI = 'https://github.com/cdk-eks-identity/cdk-eks-identity';
/** The README section on the rule pack (its heading's anchor; test/cli/check-cli.test.ts checks the heading is there). */
export const RULES_HELP_URI = `${TOOL_URI}#checks-report-and-test-helpers`;
/** The key of the fingerprint every result carries, versioned as SARIF §3.27.17 suggests. */
const FINGERPRINT_KEY = 'cdkEksIdentityFinding/v1';

/** What the log is made from. */
export interface SarifInput {
  /** The findings. */
  readonly findings: CheckFinding[];
  /** Every rule of the pack (the driver lists them all, so a rule without findings is known to have run). */
  readonly rules: CheckRuleInfo[];
  /** The templates the findings are about (their `templatePath` locates the results). */
  readonly inputs: CheckInput[];
  /** The cloud assembly directory the template paths are relative to. */
  readonly assemblyDirectory: string;
  /** Rules turned off, with their reasons (recorded in the run's properties). */
  readonly suppressions?: CheckSuppression[];
}

/** A path relative to the assembly directory as a relative URI reference (`/` separated, percent-encoded). */
function relativeUri(assemblyDirectory: string, file: string): string {
  return path.relative(path.resolve(assemblyDirectory), path.resolve(file)).split(path.sep).map(encodeURIComponent).join('/');
}

function fingerprint(f: CheckFinding): string {
  return createHash('sha256').update([f.ruleId, f.stackName, f.logicalId ?? '', f.location ?? '', f.message].join('\u0000')).digest('hex');
}

/** The positions of the resources in each stack's template file (read once per template, only when a finding needs them). */
class TemplatePositions {
  private readonly byStack = new Map<string, Map<string, TextPosition>>();

  constructor(private readonly templatePaths: Map<string, string>) {}

  /** Where a resource's logical id is written in its stack's template file, when that file can be read. */
  public of(stackName: string, logicalId: string): TextPosition | undefined {
    let positions = this.byStack.get(stackName);
    if (!positions) {
      const file = this.templatePaths.get(stackName);
      let text: string | undefined;
      try {
        text = file === undefined ? undefined : fs.readFileSync(file, 'utf-8');
      } catch {
        text = undefined;
      }
      positions = text === undefined ? new Map() : resourceKeyPositions(text);
      this.byStack.set(stackName, positions);
    }
    return positions.get(logicalId);
  }
}

/** The SARIF log (a JSON value) of a run of the rule pack over a cloud assembly. */
export function sarifLog(input: SarifInput): any {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const templates = new Map<string, string>();
  const templatePaths = new Map<string, string>();
  for (const i of input.inputs) {
    if (i.templatePath !== undefined && !templates.has(i.stackName)) {
      templates.set(i.stackName, relativeUri(input.assemblyDirectory, i.templatePath));
      templatePaths.set(i.stackName, i.templatePath);
    }
  }
  const positions = new TemplatePositions(templatePaths);
  const results = input.findings.map((f) => {
    const uri = templates.get(f.stackName) ?? `${encodeURIComponent(f.stackName)}.template.json`;
    const logical = f.logicalId === undefined ? {} : {
      logicalLocations: [{ name: f.logicalId, fullyQualifiedName: `${f.stackName}/${f.logicalId}`, kind: 'resource' }],
    };
    const position = f.logicalId === undefined ? undefined : positions.of(f.stackName, f.logicalId);
    const region = position === undefined ? {} : { region: { startLine: position.line, startColumn: position.column } };
    return {
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: f.level,
      message: { text: `${f.message}. Fix: ${f.fix}` },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: SARIF_ASSEMBLY_BASE_ID }, ...region }, ...logical }],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f) },
      properties: {
        stackName: f.stackName,
        ...(f.logicalId !== undefined ? { logicalId: f.logicalId } : {}),
        ...(f.constructPath !== undefined ? { constructPath: f.constructPath } : {}),
        ...(f.location !== undefined ? { resourceLocation: f.location } : {}),
        fix: f.fix,
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          informationUri: TOOL_URI,
          rules: input.rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.statement },
            fullDescription: { text: r.statement },
            help: { text: `Fix: ${r.fix}.` },
            helpUri: RULES_HELP_URI,
            defaultConfiguration: { level: r.level },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { [SARIF_ASSEMBLY_BASE_ID]: { uri: `${pathToFileURL(path.resolve(input.assemblyDirectory)).href.replace(/\/?$/, '/')}` } },
      results,
      ...(input.suppressions && input.suppressions.length > 0
        ? { properties: { suppressedRules: input.suppressions.map((s) => ({ ruleId: s.ruleId, reason: s.reason })) } } : {}),
    }],
  };
}
