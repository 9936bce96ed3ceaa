/*
 * Where a template's text writes each resource: the line and column of its logical id as a key of
 * `Resources` (1-based; columns in UTF-16 code units, as SARIF counts them by default). One pass
 * over the text with a small JSON scanner, so it holds for pretty-printed (as CDK writes them)
 * and minified templates alike, and a logical id that also names an output or a parameter is
 * found where the resource is.
 */

/** A place in a text: 1-based line and column. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

interface Container {
  readonly object: boolean;
  /** For an object: the key whose value is being read. */
  key?: string;
  /** For an object: whether the next string is a key. */
  expectKey: boolean;
}

/** The position of each resource's logical id in a template's JSON text, by logical id (none when the text is not JSON). */
export function resourceKeyPositions(text: string): Map<string, TextPosition> {
  const positions = new Map<string, TextPosition>();
  const open: Container[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = open[open.length - 1];
      if (top?.object && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1));
        } catch {
          return new Map();
        }
        top.key = key;
        top.expectKey = false;
        if (open.length === 2 && open[0].key === 'Resources' && !positions.has(key)) positions.set(key, { line, column: i - lineStart + 1 });
      }
      i = end;
    } else if (c === '{' || c === '[') {
      open.push({ object: c === '{', expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      open.pop();
    } else if (c === ',') {
      const top = open[open.length - 1];
      if (top?.object) top.expectKey = true;
    }
  }
  return positions;
}
