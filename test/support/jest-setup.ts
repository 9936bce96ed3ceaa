/*
 * Runs before every test file. aws-cdk-lib runs its CloudFormation validation (a WebAssembly
 * engine, initialized once per module registry, so once per test file: about 3.5 s of CPU) on every
 * `app.synth()` unless CDK_VALIDATION is "false". The tests judge this library's own output; the
 * tests that assert the CloudFormation validator's verdict turn it back on around their synth with
 * `withCloudFormationValidation` (test/support/cloudformation-validation.ts).
 */
process.env.CDK_VALIDATION = 'false';
