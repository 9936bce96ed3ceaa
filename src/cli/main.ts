#!/usr/bin/env node
import * as fs from 'fs';
import { writeError } from './cli-support';
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
  'Run `cdk-eks-identity <command> --help` for a command\'s options.',
];

/**
 * Runs the CLI with the arguments after the program name; returns the exit code.
 *
 * @param argv the arguments after the program name
 * @param out where output lines go (standard output)
 * @param err where warnings go (standard error)
 */
export function main(argv: string[], out: (line: string) => void = (line) => console.log(line), err: (line: string) => void = writeError): number {
  const [command, ...args] = argv;
  switch (command) {
    case 'catalog':
      return runCatalog(args, out);
    case 'check':
      return runCheck(args, out, err);
    case 'diff':
      return runDiff(args, out);
    case 'report':
      return runReport(args, out, err);
    case 'migrate-aws-auth':
      return runMigrateAwsAuth(args, {
        readFile: (file) => fs.readFileSync(file, 'utf8'),
        readStdin: () => fs.readFileSync(0, 'utf8'),
      }, out);
    case undefined:
    case '-h':
    case '--help':
      USAGE.forEach((line) => out(line));
      return command === undefined ? 2 : 0;
    default:
      out(`unknown command: ${command}`);
      USAGE.forEach((line) => out(line));
      return 2;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
