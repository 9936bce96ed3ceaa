/*
 * Fixtures the tests of a block share (a synthesized stack, a migration plan), built inside the
 * tests rather than in the describe body or a beforeAll hook.
 *
 * Why: mutation testing (`npm run mutation`, docs/mutation-testing.md) first runs the tests once to
 * learn which test runs which code, and credits a test only with the code that runs while it runs.
 * Code run in a describe body or a beforeAll hook is "static": Stryker cannot tell which test
 * depends on it, so each mutant in it reruns every test.
 */

/**
 * Whether this is Stryker's coverage run: its jest environment puts its instrumenter context on the
 * global, and it names an active mutant only in the runs that test one.
 */
function strykerCoverageRun(): boolean {
  return '__stryker__' in globalThis && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined;
}

/**
 * A value built on first use inside a test and shared by the tests that use it afterwards. In
 * Stryker's coverage run it is built again in every test, so each test is credited with the code
 * that builds it; when Stryker tests a mutant, the tests it runs share it as usual. The tests must
 * not change the value.
 */
export function shared<T>(build: () => T): () => T {
  let built: { readonly test: string | undefined; readonly value: T } | undefined;
  return () => {
    const test = strykerCoverageRun() ? expect.getState().currentTestName ?? '' : undefined;
    if (built === undefined || built.test !== test) built = { test, value: build() };
    return built.value;
  };
}
