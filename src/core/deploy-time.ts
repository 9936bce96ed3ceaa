/*
 * Values only known at deploy time, as they appear in strings: CDK tokens (`${Token[AWS.Region.5]}`,
 * encoded numbers) on the construct side, and the placeholders the template reader makes for
 * CloudFormation intrinsics (`${Ref:AWS::Region}`, `${GetAtt:Role.Arn}`,
 * `${Select:1,${Split:https://,${GetAtt:Cluster.OpenIdConnectIssuerUrl}}}`) on the template side.
 * Every validator of the core skips these segments and judges the literal rest, so a construct
 * and a rule that see the same value reach the same verdict.
 */

/*
 * The patterns are sticky (`y`): each is tried at one index of the text, so splitting a string
 * costs time linear in its length (no copy of the rest of the text at every character).
 */
const CDK_STRING_TOKEN = /\$\{Token\[[a-zA-Z0-9:._-]+\]\}/y;
const CDK_NUMBER_TOKEN = /-1\.\d{10,16}e\+289/y;
/** A template placeholder starts `${` followed by a capitalised intrinsic name and a colon. */
const PLACEHOLDER_START = /\$\{[A-Z][A-Za-z]*:/y;

/** Whether a sticky pattern matches at `index`; the length of the match, else 0. */
function matchLengthAt(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  const match = pattern.exec(text);
  return match ? match[0].length : 0;
}

/** One piece of a string: literal text, or a deploy-time value. */
export interface TextPart {
  readonly text: string;
  readonly deployTime: boolean;
}

/** The end (exclusive) of the `${...}` that starts at `start`, nesting-aware; -1 when unbalanced. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The length of the deploy-time value that starts at `index`, or 0 when none does. */
function deployTimeLengthAt(text: string, index: number): number {
  const first = text.charCodeAt(index);
  if (first === 0x24 /* $ */ && text.charCodeAt(index + 1) === 0x7b /* { */) {
    const token = matchLengthAt(CDK_STRING_TOKEN, text, index);
    if (token > 0) return token;
    if (matchLengthAt(PLACEHOLDER_START, text, index) > 0) {
      const end = closingBrace(text, index);
      return end < 0 ? 0 : end - index;
    }
    return 0;
  }
  return first === 0x2d /* - */ ? matchLengthAt(CDK_NUMBER_TOKEN, text, index) : 0;
}

/** Splits a string into literal text and deploy-time values, in order. */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let literalStart = 0;
  let i = 0;
  while (i < text.length) {
    const length = deployTimeLengthAt(text, i);
    if (length > 0) {
      if (i > literalStart) parts.push({ text: text.slice(literalStart, i), deployTime: false });
      parts.push({ text: text.slice(i, i + length), deployTime: true });
      i += length;
      literalStart = i;
    } else {
      i++;
    }
  }
  if (text.length > literalStart) parts.push({ text: text.slice(literalStart), deployTime: false });
  return parts;
}

/** The deploy-time values of a string, in order. */
export function deployTimeValues(text: string): string[] {
  return textParts(text).filter((p) => p.deployTime).map((p) => p.text);
}

/** Whether a string may hold a deploy-time value: every one starts with `${` or `-1.`. */
function mayHoldDeployTimeValue(text: string): boolean {
  return text.includes('${') || text.includes('-1.');
}

/** Whether a string holds any deploy-time value. */
export function hasDeployTimeValue(text: string): boolean {
  return mayHoldDeployTimeValue(text) && textParts(text).some((p) => p.deployTime);
}

/** Whether a string is known at synth: it holds no deploy-time value. */
export function isKnown(text: string | undefined): text is string {
  return text !== undefined && !hasDeployTimeValue(text);
}

/** Whether the whole string is one deploy-time value (nothing of it can be looked into). */
export function isOpaque(text: string): boolean {
  if (!mayHoldDeployTimeValue(text)) return false;
  const parts = textParts(text);
  return parts.length === 1 && parts[0].deployTime;
}

/** The literal text of a string with its deploy-time values removed. */
export function literalText(text: string): string {
  return textParts(text).filter((p) => !p.deployTime).map((p) => p.text).join('');
}

/**
 * Splits a string on a separator that occurs in its literal text; deploy-time values (which may
 * hold the separator themselves, like `${Ref:AWS::Partition}`) stay whole.
 */
export function splitLiteral(text: string, separator: string): string[] {
  if (!mayHoldDeployTimeValue(text)) return text.split(separator);
  const pieces: string[] = [''];
  for (const part of textParts(text)) {
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

/** What a name's literal text breaks, judged without its deploy-time values. */
export interface LiteralShape {
  /** Characters of the literal text outside `allowed`, each once, in order. */
  readonly invalidCharacters: string[];
  /** Whether the first character is literal and fails `first`. */
  readonly badStart: boolean;
  /** Whether the last character is literal and fails `last`. */
  readonly badEnd: boolean;
  /** Length of the literal text (a lower bound of the value's length). */
  readonly literalLength: number;
  /** Whether the value has deploy-time parts (then its length is only known to be at least `literalLength`). */
  readonly partlyDeployTime: boolean;
}

/**
 * Checks the literal text of a name against a character class and its first and last characters.
 * `allowed` is tested on one character (code point) at a time: a class that excludes characters
 * (`/^\S$/u`) needs the `u` flag, so that a character outside the Basic Multilingual Plane is one
 * character to it rather than two halves of a surrogate pair that the class would both refuse.
 */
export function literalShape(text: string, allowed: RegExp, first?: RegExp, last?: RegExp): LiteralShape {
  const parts = textParts(text);
  const literal = parts.filter((p) => !p.deployTime).map((p) => p.text).join('');
  const invalid = [...new Set([...literal].filter((c) => !allowed.test(c)))];
  const head = parts[0];
  const tail = parts[parts.length - 1];
  return {
    invalidCharacters: invalid,
    badStart: first !== undefined && head !== undefined && !head.deployTime && !first.test(head.text[0]),
    badEnd: last !== undefined && tail !== undefined && !tail.deployTime && !last.test(tail.text[tail.text.length - 1]),
    literalLength: [...literal].length,
    partlyDeployTime: parts.some((p) => p.deployTime),
  };
}

/** The invalid characters of a name for messages: `"/", " " (space)`. */
export function describeCharacters(characters: string[]): string {
  return characters.map((c) => /\s/.test(c) ? `${JSON.stringify(c)} (whitespace)` : JSON.stringify(c)).join(', ');
}
