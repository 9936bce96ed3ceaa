import * as fs from 'fs';
import * as path from 'path';

/** The repository's README.md. */
export const README_PATH = path.join(__dirname, '../../README.md');

/** A fenced code block of the README. */
export interface ReadmeBlock {
  /** The info string after the opening fence, e.g. `ts fixture=standalone`. */
  readonly info: string;
  /** The block's text, without the fences, ending with a newline. */
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

/** Every fenced code block of the README under the `##`/`###` heading `heading`, in order. */
export function readmeBlocks(heading: string): ReadmeBlock[] {
  const lines = fs.readFileSync(README_PATH, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^#{2,3} /.test(l) && l.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  const blocks: ReadmeBlock[] = [];
  for (let i = start + 1; i < lines.length && !/^#{1,3} /.test(lines[i]); i++) {
    const open = /^```(\S.*)?$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l === '```');
    if (end < 0) throw new Error(`README.md line ${i + 1}: the code block is not closed`);
    blocks.push({ info: open[1] ?? '', text: lines.slice(i + 1, end).join('\n') + '\n', line: i + 1 });
    i = end;
  }
  return blocks;
}

/** The one block under `heading` whose info string starts with `language`. */
export function readmeBlock(heading: string, language: string): ReadmeBlock {
  const found = readmeBlocks(heading).filter((b) => b.info.split(' ')[0] === language);
  if (found.length !== 1) throw new Error(`README.md "${heading}" has ${found.length} ${language} blocks, expected 1`);
  return found[0];
}
