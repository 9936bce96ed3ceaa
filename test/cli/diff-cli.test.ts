import { irsaRole, ISSUER, manifest, runCommand, tempDirectory, writeFiles } from './assembly-files';
import { runDiff } from '../../src/cli/commands/diff';
import { main } from '../../src/cli/main';

/** An assembly with one IRSA role whose trust lets one subject (or pattern) in. */
function assemblyTrusting(subject: string): string {
  return writeFiles(tempDirectory('diff-cli-'), {
    'manifest.json': manifest({ Platform: 'Platform.template.json' }),
    'Platform.template.json': { Resources: { AppRole: irsaRole(ISSUER, subject, 'Platform/App/Resource') } },
  });
}

/** Standard error, for runs that must not write to it. */
const fail = (line: string) => {
  throw new Error(`unexpected on standard error: ${line}`);
};

const USAGE = 'usage: cdk-eks-identity diff <before> <after> [--format md|json] [--fail-on-broadening]';
const diff = (args: string[]) => runCommand(runDiff, args);

describe('cdk-eks-identity diff', () => {
  const exact = assemblyTrusting('system:serviceaccount:app:web');
  const pattern = assemblyTrusting('system:serviceaccount:app:*');

  test('prints Markdown by default and exits 0, broadened or not', () => {
    const { code, output } = diff([exact, pattern]);
    expect(code).toBe(0);
    expect(output.split('\n').slice(0, 4)).toEqual([
      '<!-- cdk-eks-identity diff -->',
      '## EKS identity changes',
      '',
      `\`${exact}\` → \`${pattern}\`: 1 change, **1 grants more than before**.`,
    ]);
    expect(output).toContain('- **BROADENED TRUST, NEW WILDCARD**: IRSA trust of role AppRole on OIDC issuer oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789abcdef0123456789abcdef broadened');
  });

  test('--fail-on-broadening: exit 1 when a change grants more, 0 when changes only narrow', () => {
    expect(diff([exact, pattern, '--fail-on-broadening']).code).toBe(1);
    const narrowed = diff(['--fail-on-broadening', pattern, exact]);
    expect(narrowed.code).toBe(0);
    expect(narrowed.output).toContain(': 1 change, none grants more than before.');
    expect(diff([exact, exact, '--fail-on-broadening']).code).toBe(0);
  });

  test('--format json prints the document', () => {
    const { code, output } = diff([exact, pattern, '--format', 'json']);
    expect(code).toBe(0);
    const document = JSON.parse(output);
    expect(document).toMatchObject({ before: exact, after: pattern, broadened: true });
    expect(document.changes.map((c: any) => [c.area, c.kind, c.flags, c.details])).toEqual([[
      'IRSA_TRUST', 'CHANGED', ['BROADENED_TRUST', 'NEW_WILDCARD'], [
        '+ system:serviceaccount:app:* (namespace wildcard (any service account in app) + audience)',
        '- system:serviceaccount:app:web (exact subject + audience)',
      ],
    ]]);
    expect(diff([exact, pattern, '--format=json'])).toEqual({ code, output, errors: '' });
  });

  test('exits 2 on bad usage', () => {
    expect(diff([exact])).toEqual({ code: 2, output: '', errors: `error: diff takes two cloud assembly directories: <before> <after>\n${USAGE}` });
    expect(diff([exact, pattern, exact])).toEqual({ code: 2, output: '', errors: `error: unexpected argument ${exact}\n${USAGE}` });
    expect(diff([exact, pattern, '--format', 'html'])).toEqual({ code: 2, output: '', errors: `error: --format takes one of md, json, not html\n${USAGE}` });
    expect(diff([exact, pattern, '--fail'])).toEqual({ code: 2, output: '', errors: `error: unexpected argument --fail\n${USAGE}` });
    expect(diff(['--help'])).toMatchObject({ code: 0, output: expect.stringContaining(USAGE), errors: '' });
  });

  test('is a command of the CLI', () => {
    const lines: string[] = [];
    expect(main(['diff', exact, pattern, '--fail-on-broadening'], (l) => lines.push(l), fail)).toBe(1);
    expect(lines[0]).toBe('<!-- cdk-eks-identity diff -->');
    const usage: string[] = [];
    expect(main(['--help'], (l) => usage.push(l), fail)).toBe(0);
    expect(usage).toContain('  diff <before> <after>        what changed in who can assume and do what between two assemblies (md|json)');
  });
});
