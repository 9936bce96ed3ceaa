import * as fs from 'fs';
import * as path from 'path';

/** The name aws-cdk-lib's built-in validation plugin reports under. */
export const CLOUDFORMATION_VALIDATE_PLUGIN = 'CloudFormation Validate';

/**
 * Runs `synth` with aws-cdk-lib's built-in CloudFormation validation on, as `cdk synth` runs it
 * for users (test/support/jest-setup.ts turns it off for every other test).
 */
export function withCloudFormationValidation<T>(synth: () => T): T {
  const before = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'true';
  try {
    return synth();
  } finally {
    if (before === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = before;
  }
}

/** The plugin reports of a cloud assembly's validation-report.json, by plugin name. */
export function validationReports(assemblyDirectory: string): { [plugin: string]: any } {
  const report = JSON.parse(fs.readFileSync(path.join(assemblyDirectory, 'validation-report.json'), 'utf8'));
  return Object.fromEntries(report.pluginReports.map((r: any) => [r.pluginName, r]));
}
