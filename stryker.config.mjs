// Mutation testing (`npm run mutation`; how to run it, how long it takes and the scores: docs/mutation-testing.md).
//
// Two parts, each a Stryker run with its own files and tests, because a mutant is only as cheap as
// the tests that cover it. Jest loads every test file related to the mutated file and runs every test
// that covered the mutant in the dry run; a test that synthesizes a stack runs the core's validators
// and the trust builders too, so with the construct suites in the run, each of the ~3,000 mutants of
// the core would cost seconds to minutes of synthesis.
//
// - `core`: the core's validators (and the deploy-time text they judge), its trust semantics, the
//   aws-auth planner and the ConfigMap reader. Pure functions, tested by the unit tests of the core
//   and the planner and by the rule pack's tests over hand-written templates.
// - `constructs`: the trust builders, the trust of a brought role and PodIdentityTargetRole, tested
//   by their unit tests and the identity suites that synthesize stacks.
//
// MUTATION_PART=core|constructs selects one; `npm run mutation` runs both, then stryker.report.mjs
// prints the per-file scores of both and fails under 90%. Tests must run what they judge inside the test (or beforeEach):
// code run in a describe body or a beforeAll hook is "static" for Stryker, and each of its mutants
// reruns every test of the part (test/support/shared-fixture.ts shares a stack safely).

const PARTS = {
  core: {
    mutate: [
      // Validators, and the deploy-time text model every validator judges a value with.
      'src/core/arn.ts',
      'src/core/oidc-issuer.ts',
      'src/core/kubernetes-names.ts',
      'src/core/access-entry-names.ts',
      'src/core/role-name.ts',
      'src/core/cluster-name.ts',
      'src/core/access-entry-rules.ts',
      'src/core/rbac.ts',
      'src/core/pod-identity.ts',
      'src/core/config-map-size.ts',
      'src/core/iam-identity-center.ts',
      'src/core/deploy-time.ts',
      // Trust semantics.
      'src/core/trust/*.ts',
      // The aws-auth planner and the ConfigMap reader it plans from.
      'src/access/aws-auth/private/aws-auth-planner.ts',
      'src/access/aws-auth/private/aws-auth-config-map.ts',
    ],
    tests: [
      'test/core/**/*.test.ts',
      'test/access/aws-auth-plan.test.ts',
      'test/access/aws-auth-planner.test.ts',
      'test/access/aws-auth-config-map.test.ts',
      'test/checks/rules.test.ts',
      'test/checks/reviewer-rules.test.ts',
    ],
    // The construct-level tests of the same functions (validator-agreement, the bad-input corpus)
    // synthesize a stack per case; they stay in `npm test`.
    exclude: ['test/core/validator-agreement.test.ts'],
  },
  constructs: {
    mutate: [
      'src/identity/private/*trust*.ts',
      'src/identity/pod-identity-target-role.ts',
    ],
    tests: [
      'test/identity/trust-builders.test.ts',
      'test/identity/irsa-trust.test.ts',
      'test/identity/pod-identity-trust.test.ts',
      'test/identity/pod-identity-target-role.test.ts',
      'test/identity/role-and-grants.test.ts',
    ],
    exclude: [],
  },
};

const partName = process.env.MUTATION_PART ?? 'core';
const part = PARTS[partName];
if (!part) throw new Error(`MUTATION_PART must be one of ${Object.keys(PARTS).join(', ')}, not '${partName}'`);
const reports = `reports/mutation/${partName}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // The jest config of package.json (ts-jest with test/tsconfig.json), with only this part's tests.
    config: {
      // Only src/ and test/ are crawled for the haste map: each mutant is one jest run.
      roots: ['<rootDir>/src', '<rootDir>/test'],
      testMatch: part.tests.map((glob) => `<rootDir>/${glob}`),
      testPathIgnorePatterns: ['/node_modules/', ...part.exclude.map((file) => `<rootDir>/${file}`)],
    },
  },
  coverageAnalysis: 'perTest',
  // Two cores, shared with other work: one test runner.
  concurrency: 1,
  mutate: part.mutate,
  // The sandbox needs the sources, the tests and the configs; not the build outputs and documents.
  ignorePatterns: ['/lib', '/dist', '/cdk.out', '/docs', '/bench', '/examples', '/labs', '/rosetta', '/API.md', '/.jsii', '/.jsii.tabl.json', '/test-reports', '/coverage', '/reports'],
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `${reports}/mutation.json` },
  htmlReporter: { fileName: `${reports}/mutation.html` },
  incrementalFile: `${reports}/incremental.json`,
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // The break threshold is applied to both parts together, by stryker.report.mjs.
  thresholds: { high: 95, low: 90, break: null },
  // A mutant that loops forever costs this much on top of 1.5 times its tests' time in the dry run.
  timeoutMS: 15_000,
  dryRunTimeoutMinutes: 60,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
