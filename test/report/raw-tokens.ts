import { IdentityReport } from '../../src';

/** What a report must never print: the template reader's placeholders, CDK tokens, objects stringified. */
export const RAW_TOKENS = ['${GetAtt:', '${Ref:', '${Token[', '[object Object]'];

/** Every line of a report's Markdown, Mermaid and JSON that holds a raw token, with where it is. */
export function rawTokenLines(report: IdentityReport): string[] {
  const outputs: Array<[string, string]> = [['markdown', report.toMarkdown()], ['mermaid', report.toMermaid()], ['json', report.toJson()]];
  return outputs.flatMap(([format, text]) => text.split('\n')
    .map((line, i) => `${format}:${i + 1}: ${line}`)
    .filter((line) => RAW_TOKENS.some((token) => line.includes(token))));
}
