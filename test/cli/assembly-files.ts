import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/*
 * Cloud assemblies written by hand, file by file, for the CLI tests: what `cdk synth` writes, and
 * the malformed and hostile variants it never writes.
 */

/** A new empty temporary directory. */
export function tempDirectory(prefix = 'cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (objects as JSON, strings as they are) under a directory; returns the directory. */
export function writeFiles(directory: string, files: { [relativePath: string]: unknown }): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(directory, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, undefined, 1));
  }
  return directory;
}

/** A `manifest.json` listing stacks (artifact id → template file) and nested assemblies (artifact id → directory). */
export function manifest(stacks: { [artifactId: string]: unknown }, nested: { [artifactId: string]: unknown } = {}): unknown {
  return {
    version: '55.0.0',
    artifacts: {
      ...Object.fromEntries(Object.entries(stacks).map(([id, templateFile]) => [id, {
        type: 'aws:cloudformation:stack',
        environment: 'aws://123456789012/ap-northeast-2',
        properties: { templateFile },
      }])),
      ...Object.fromEntries(Object.entries(nested).map(([id, directoryName]) => [id, {
        type: 'cdk:cloud-assembly',
        properties: { directoryName, displayName: id },
      }])),
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
    },
  };
}

/**
 * A role trusting an OIDC provider of a literal issuer: without `sub` it has no `:sub` condition
 * (error EKSID-IRSA-002), without `audience` no `:aud` condition (warning EKSID-IRSA-001); a
 * subject with `*` or `?` is matched with StringLike.
 */
export function irsaRole(issuer: string, sub: string | undefined, constructPath: string, audience = true): unknown {
  const pattern = sub !== undefined && /[*?]/.test(sub);
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              ...(audience ? { [`${issuer}:aud`]: 'sts.amazonaws.com' } : {}),
              ...(sub !== undefined && !pattern ? { [`${issuer}:sub`]: sub } : {}),
            },
            ...(pattern ? { StringLike: { [`${issuer}:sub`]: sub } } : {}),
          },
        }],
      },
    },
    Metadata: { 'aws:cdk:path': constructPath },
  };
}

export const ISSUER = 'oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';

/**
 * An assembly with a stack `Platform` and a stage `Prod` with a stack `Prod-Apps`; `Prod-Apps`
 * holds a role without a `:sub` condition (error EKSID-IRSA-002), and `Platform` a role without
 * an `:aud` condition (warning EKSID-IRSA-001).
 */
export function assemblyWithFindings(directory = tempDirectory('assembly-')): string {
  return writeFiles(directory, {
    'manifest.json': manifest({ Platform: 'Platform.template.json' }, { 'assembly-Prod': 'assembly-Prod' }),
    'Platform.template.json': { Resources: { AnyAudienceRole: irsaRole(ISSUER, 'system:serviceaccount:jobs:runner', 'Platform/AnyAudience/Resource', false) } },
    'assembly-Prod/manifest.json': manifest({ 'Prod-Apps': 'Prod-Apps.template.json' }),
    'assembly-Prod/Prod-Apps.template.json': { Resources: { BadRole: irsaRole(ISSUER, undefined, 'Prod/Apps/Bad/Resource') } },
  });
}

/** What a command printed: `output` to standard output, `errors` to standard error. */
export interface CommandResult {
  readonly code: number;
  readonly output: string;
  readonly errors: string;
}

/** Runs a command's `run*` function, collecting what it writes to standard output and to standard error. */
export function runCommand(run: (args: string[], out: (line: string) => void, err: (line: string) => void) => number, args: string[]): CommandResult {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = run(args, (line) => lines.push(line), (line) => errors.push(line));
  return { code, output: lines.join('\n'), errors: errors.join('\n') };
}
