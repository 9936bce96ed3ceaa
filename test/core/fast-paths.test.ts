import * as fc from 'fast-check';
import { hasDeployTimeValue, isOpaque, splitLiteral, textParts } from '../../src/core/deploy-time';
import { wildcardMatch, wildcardMatcher } from '../../src/core/template/policy-document';

/*
 * The shortcuts taken for speed answer as the general algorithms do: wildcard matching without
 * compiling an expression, and deploy-time splitting of strings that cannot hold a deploy-time
 * value. Each is held to a straightforward implementation on generated inputs.
 */

/** IAM wildcard matching as one regular expression, compiled every time. */
function referenceWildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.split('').map((c) => c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** Text made of characters that matter here: wildcards, cases, non-ASCII letters that fold to ASCII, separators, token starts. */
const text = fc.array(fc.constantFrom('a', 'A', 'k', 'K', '\u212A', 'ß', 's', 'S', '*', '?', ':', '.', '$', '{', '}', '-', '1', 'e', '+', '\n'), { maxLength: 8 })
  .map((chars) => chars.join(''));

test('wildcardMatch and wildcardMatcher answer as the regular expression does', () => {
  fc.assert(fc.property(text, text, fc.boolean(), (pattern, value, ignoreCase) => {
    const expected = referenceWildcardMatch(pattern, value, ignoreCase);
    expect(wildcardMatch(pattern, value, ignoreCase)).toBe(expected);
    expect(wildcardMatcher(pattern, ignoreCase)(value)).toBe(expected);
    expect(wildcardMatch(pattern, pattern, ignoreCase)).toBe(true);
  }), { numRuns: 3000 });
});

/** Strings with and without deploy-time values: template placeholders, CDK string and number tokens. */
const templateText = fc.array(fc.oneof(
  fc.constantFrom('${Ref:AWS::Partition}', '${GetAtt:Role.Arn}', '${Token[AWS.Region.5]}', '-1.8881545897087626e+289', '${', '-1.', '${x}'),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(':', 'arn', 'aws', '/'),
), { maxLength: 6 }).map((parts) => parts.join(''));

/** Splitting on a separator outside deploy-time values, by the parts. */
function referenceSplitLiteral(value: string, separator: string): string[] {
  const pieces: string[] = [''];
  for (const part of textParts(value)) {
    if (part.deployTime) {
      pieces[pieces.length - 1] += part.text;
      continue;
    }
    const split = part.text.split(separator);
    pieces[pieces.length - 1] += split[0];
    pieces.push(...split.slice(1));
  }
  return pieces;
}

/** Splitting into parts as it was written first: a regular expression tried on the rest of the string at every index. */
function referenceTextParts(value: string): Array<{ text: string; deployTime: boolean }> {
  const closing = (start: number) => {
    let depth = 0;
    for (let i = start; i < value.length; i++) {
      if (value[i] === '{') depth++;
      if (value[i] === '}' && --depth === 0) return i + 1;
    }
    return -1;
  };
  const lengthAt = (index: number) => {
    if (value.startsWith('${', index)) {
      const rest = value.slice(index);
      const token = /^\$\{Token\[[a-zA-Z0-9:._-]+\]\}/.exec(rest);
      if (token) return token[0].length;
      if (/^\$\{[A-Z][A-Za-z]*:/.test(rest)) {
        const end = closing(index);
        return end < 0 ? 0 : end - index;
      }
    }
    const number = /-1\.\d{10,16}e\+289/.exec(value.slice(index));
    return number && number.index === 0 ? number[0].length : 0;
  };
  const parts: Array<{ text: string; deployTime: boolean }> = [];
  let literal = '';
  for (let i = 0; i < value.length;) {
    const length = lengthAt(i);
    if (length > 0) {
      if (literal) parts.push({ text: literal, deployTime: false });
      literal = '';
      parts.push({ text: value.slice(i, i + length), deployTime: true });
      i += length;
    } else {
      literal += value[i];
      i++;
    }
  }
  if (literal) parts.push({ text: literal, deployTime: false });
  return parts;
}

test('textParts splits as the first, quadratic, implementation did', () => {
  fc.assert(fc.property(templateText, (value) => {
    expect(textParts(value)).toEqual(referenceTextParts(value));
  }), { numRuns: 3000 });
});

test('splitLiteral, isOpaque and hasDeployTimeValue answer as the parts of the string do', () => {
  fc.assert(fc.property(templateText, (value) => {
    const parts = textParts(value);
    expect(parts.map((p) => p.text).join('')).toBe(value);
    expect(hasDeployTimeValue(value)).toBe(parts.some((p) => p.deployTime));
    expect(isOpaque(value)).toBe(parts.length === 1 && parts[0].deployTime);
    expect(splitLiteral(value, ':')).toEqual(referenceSplitLiteral(value, ':'));
  }), { numRuns: 3000 });
});

test('textParts: placeholders (nested), CDK tokens and literal text, in order', () => {
  expect(textParts('arn:${Ref:AWS::Partition}:eks:${Select:1,${Split:/,${Ref:X}}}/-1.8881545897087626e+289x')).toEqual([
    { text: 'arn:', deployTime: false },
    { text: '${Ref:AWS::Partition}', deployTime: true },
    { text: ':eks:', deployTime: false },
    { text: '${Select:1,${Split:/,${Ref:X}}}', deployTime: true },
    { text: '/', deployTime: false },
    { text: '-1.8881545897087626e+289', deployTime: true },
    { text: 'x', deployTime: false },
  ]);
  expect(textParts('${not a placeholder} ${Token[A.B.1]}')).toEqual([
    { text: '${not a placeholder} ', deployTime: false },
    { text: '${Token[A.B.1]}', deployTime: true },
  ]);
  expect(textParts('')).toEqual([]);
});
