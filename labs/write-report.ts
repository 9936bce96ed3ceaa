import { IdentityReport } from '../src';

/**
 * Writes the identity report of a synthesized cloud assembly next to its templates:
 * `<dir>/identity-report.md` (with Mermaid diagrams) and `<dir>/identity-report.json`.
 * Returns the paths written.
 *
 * @param assemblyDir the cloud assembly directory (`cdk.out`)
 */
export function writeIdentityReport(assemblyDir: string): string[] {
  return IdentityReport.fromAssembly(assemblyDir).writeFiles(assemblyDir);
}

/** `ts-node src/labs/write-report.ts [cdk.out]`: the step of the `lab` task after `cdk synth`. */
export function main(argv: string[]): number {
  const directory = argv[0] ?? 'cdk.out';
  try {
    for (const file of writeIdentityReport(directory)) console.log(`wrote ${file}`);
    return 0;
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
