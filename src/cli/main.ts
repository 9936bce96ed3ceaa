#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { EXIT_USAGE, LineWriter } from './cli-support';
import { runCatalog } from './commands/catalog';
import { runCheck } from './commands/check';
import { runDiff } from './commands/diff';
import { runMigrateAwsAuth } from './commands/migrate-aws-auth';
import { runReport } from './commands/report';

const USAGE = [
  'usage: cdk-eks-identity <command> [arguments]',
  '',
  'commands:',
  '  catalog                      list the controller catalog: versions, pod identity, sources (md|json)',
  '  check <cdk.out>              run the EKS identity rule pack over a cloud assembly (text|json|sarif)',
  '  diff <before> <after>        what changed in who can assume and do what between two assemblies (md|json)',
  '  migrate-aws-auth <file|->    plan the move from an aws-auth ConfigMap to access entries',
  '  report <cdk.out>             who can assume what and who can do what in each cluster (md|json|mermaid)',
  '',
  '  --version                    print the version of cdk-eks-identity',
  '',
  'Run `cdk-eks-identity <command> --help` for a command\'s options.',
];

/** The version of the package this CLI belongs to (its package.json: lib/cli/ and src/cli/ are two levels down). */
export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
}

/**
 * Runs the CLI with the arguments after the program name; returns the exit code. Results go to
 * `out` (standard output), usage and error messages to `err` (standard error).
 */
export function main(argv: string[], out: LineWriter = (line) => console.log(line), err: LineWriter = (line) => console.error(line)): number {
  const [command, ...args] = argv;
  switch (command) {
    case 'catalog':
      return runCatalog(args, out, err);
    case 'check':
      return runCheck(args, out, err);
    case 'diff':
      return runDiff(args, out, err);
    case 'report':
      return runReport(args, out, err);
    case 'migrate-aws-auth':
      return runMigrateAwsAuth(args, {
        readFile: (file) => fs.readFileSync(file, 'utf8'),
        readStdin: () => fs.readFileSync(0, 'utf8'),
      }, out, err);
    case '--version':
      out(packageVersion());
      return 0;
    case '-h':
    case '--help':
      USAGE.forEach((line) => out(line));
      return 0;
    case undefined:
      USAGE.forEach((line) => err(line));
      return EXIT_USAGE;
    default:
      err(`error: unknown command ${command}`);
      USAGE.forEach((line) => err(line));
      return EXIT_USAGE;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
