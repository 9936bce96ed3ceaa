import { mermaidEdges } from './mermaid-edges';
import { IdentityReport } from '../../src';
import { association, goodResources, podStatement, role, trust } from '../checks/fixtures';

/*
 * Each permission set is printed once in the Markdown: a role whose statements were listed before
 * (in its cluster or another) refers back to them, a role sharing most of them lists only the
 * others; the Mermaid diagram draws one node per set; the JSON keeps every statement of every role.
 */

const statement = (action: string, resource = '*') => ({ Effect: 'Allow', Action: action, Resource: resource });
const STATEMENTS = [statement('s3:GetObject', 'arn:aws:s3:::data/*'), statement('s3:ListBucket', 'arn:aws:s3:::data'), statement('sqs:ReceiveMessage')];
const withPolicy = (statements: any[]) => role(trust(podStatement({ tags: false })), {
  Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
});

function stack(name: string, clusterName: string, roles: { [id: string]: any[] }) {
  const resources: { [id: string]: any } = { ...goodResources() };
  resources.Cluster = { ...resources.Cluster, Properties: { ...resources.Cluster.Properties, Name: clusterName } };
  for (const [id, statements] of Object.entries(roles)) {
    const made = withPolicy(statements);
    resources[id] = { ...made, Properties: { ...made.Properties, RoleName: id.toLowerCase() } };
    resources[`${id}Association`] = association('apps', id.toLowerCase(), id);
  }
  return { stackName: name, template: { Resources: resources } };
}

const inputs = [
  stack('One', 'one', { Reader: STATEMENTS, Copy: STATEMENTS, Wider: [...STATEMENTS, statement('sqs:DeleteMessage')] }),
  stack('Two', 'two', { Other: STATEMENTS, Small: [STATEMENTS[0]] }),
];
const report = IdentityReport.fromTemplates(inputs);

function roleLines(markdown: string, name: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(lines.find((l) => l.startsWith(`- **\`${name}\`**`))!);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('  - '));
  return lines.slice(start + 1, end);
}

test('statements are listed at their first role; identical sets refer back, in the cluster and across clusters', () => {
  const markdown = report.toMarkdown();
  expect(roleLines(markdown, 'reader')).toEqual([
    '  - Allow s3:GetObject on arn:aws:s3:::data/*',
    '  - Allow s3:ListBucket on arn:aws:s3:::data',
    '  - Allow sqs:ReceiveMessage on *',
  ]);
  expect(roleLines(markdown, 'copy')).toEqual(['  - same 3 statements as role `reader` (above)']);
  expect(roleLines(markdown, 'wider')).toEqual([
    '  - 3 of its 4 statements are the same as role `reader`\'s (above); the other 1:',
    '  - Allow sqs:DeleteMessage on *',
  ]);
  expect(roleLines(markdown, 'other')).toEqual(['  - same 3 statements as role `reader` (under cluster `one` (stack `One`))']);
  // Less than two statements in common: listed.
  expect(roleLines(markdown, 'small')).toEqual(['  - Allow s3:GetObject on arn:aws:s3:::data/*']);
});

test('statements that differ only in their conditions are different statements', () => {
  const conditioned = { ...STATEMENTS[2], Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a' } } };
  const markdown = IdentityReport.fromTemplates([stack('C', 'c', { First: STATEMENTS, Second: [STATEMENTS[0], STATEMENTS[1], conditioned] })]).toMarkdown();
  expect(roleLines(markdown, 'second')).toEqual([
    '  - 2 of its 3 statements are the same as role `first`\'s (above); the other 1:',
    '  - Allow sqs:ReceiveMessage on * when StringEquals aws:PrincipalTag/team = a',
  ]);
});

test('summarized roles refer back the same way', () => {
  const markdown = IdentityReport.fromTemplates(inputs, { summarizeAbove: 0 }).toMarkdown();
  expect(markdown).toContain('- **2 roles** (`reader`, `copy`)\n  - Allow s3:GetObject on arn:aws:s3:::data/*\n');
  expect(markdown).toContain('- **1 role** (`other`)\n  - same 3 statements as role `reader` (under cluster `one` (stack `One`))\n');
});

test('the diagram draws one node per set of permissions', () => {
  const edges = mermaidEdges(report.toMermaid()).filter((e) => e.includes('inline statements'));
  expect(edges).toEqual(expect.arrayContaining([
    'IAM role reader --> 3 inline statements: s3, sqs',
    'IAM role copy --> 3 inline statements: s3, sqs',
    'IAM role other --> 3 inline statements: s3, sqs',
  ]));
  const nodes = report.toMermaid().split('\n').filter((l) => l.includes('"3 inline statements: s3, sqs"'));
  expect(nodes).toHaveLength(1);
});

test('the JSON keeps every statement of every role', () => {
  const json = JSON.parse(report.toJson());
  const statements = json.clusters.flatMap((c: any) => c.roles.map((r: any) => [r.name, r.statements.length]));
  expect(statements).toEqual(expect.arrayContaining([['reader', 3], ['copy', 3], ['wider', 4], ['other', 3], ['small', 1]]));
});
