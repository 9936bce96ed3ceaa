import * as fs from 'fs';
import * as path from 'path';
import { loadESLint } from 'eslint';

/*
 * The lint rule that holds the boundaries of the parts (README, "Architecture"): the core uses
 * nothing of the rest; checks, report, diff and assertions import no construct module.
 */

const ROOT = path.join(__dirname, '..', '..');

/** The project's lint configuration (`.eslintrc.json`, written by projen from `.projenrc.ts`). */
function projectConfig(): any {
  const text = fs.readFileSync(path.join(ROOT, '.eslintrc.json'), 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
}

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const config = projectConfig();
  const ESLint = await loadESLint({ useFlatConfig: false });
  const eslint = new ESLint({
    cwd: ROOT,
    useEslintrc: false,
    // The project's boundary rule and import resolution, without the type-aware rules (the file is linted as text).
    baseConfig: {
      parser: config.parser,
      parserOptions: { ecmaVersion: 2018, sourceType: 'module' },
      plugins: ['import'],
      settings: config.settings,
      rules: { 'import/no-restricted-paths': config.rules['import/no-restricted-paths'] },
    },
  } as any);
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
}

describe('import boundaries', () => {
  test.each([
    ['src/checks/rules/example.ts', "import { WorkloadIdentity } from '../../identity/workload-identity';"],
    ['src/report/example.ts', "import { ClusterAccess } from '../access/cluster-access';"],
    ['src/assertions/example.ts', "import { IdentityCluster } from '../cluster/identity-cluster';"],
    ['src/diff/example.ts', "import { ControllerIdentity } from '../catalog/controller-identity';"],
    ['src/checks/example.ts', "import { stackPartition } from '../private/stack-values';"],
  ])('a reader of templates importing a construct module fails: %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport const used = [${/import \{ (\w+) \}/.exec(code)![1]}];\n`))
      .toEqual([expect.stringMatching(/reads synthesized templates and the core; it imports no construct module/)]);
  });

  test('the core importing anything else of the library fails', async () => {
    expect(await boundaryErrors('src/core/example.ts', "import { CheckLevel } from '../checks/check-types';\nexport const used = [CheckLevel];\n"))
      .toEqual([expect.stringMatching(/src\/core uses nothing of the rest of the library/)]);
  });

  test('allowed imports pass: readers use the core and each other, constructs use the core', async () => {
    expect(await boundaryErrors('src/report/example.ts', "import { CheckLevel } from '../checks/check-types';\nimport { IRSA_AUDIENCE } from '../core/irsa';\nexport const used = [CheckLevel, IRSA_AUDIENCE];\n")).toEqual([]);
    expect(await boundaryErrors('src/identity/example.ts', "import { IRSA_AUDIENCE } from '../core/irsa';\nexport const used = [IRSA_AUDIENCE];\n")).toEqual([]);
    expect(await boundaryErrors('src/core/example.ts', "import { IRSA_AUDIENCE } from './irsa';\nexport const used = [IRSA_AUDIENCE];\n")).toEqual([]);
  });
});
