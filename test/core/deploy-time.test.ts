import {
  deployTimeValues, describeCharacters, hasDeployTimeValue, isKnown, isOpaque, literalShape, literalText, splitLiteral, textParts,
} from '../../src/core/deploy-time';

/*
 * The deploy-time text model every validator of the core judges a value with: CDK tokens and the
 * template reader's intrinsic placeholders are deploy-time parts, everything else is literal.
 */

const REGION_TOKEN = '${Token[AWS.Region.5]}';
const NUMBER_TOKEN = '-1.8881545897087626e+289';
const literal = (text: string) => ({ text, deployTime: false });
const deployTime = (text: string) => ({ text, deployTime: true });

describe('textParts', () => {
  test.each<[string, string, Array<{ text: string; deployTime: boolean }>]>([
    ['nothing', '', []],
    ['literal text', 'my-role', [literal('my-role')]],
    ['a CDK string token', REGION_TOKEN, [deployTime(REGION_TOKEN)]],
    ['a token between literals', `a-${REGION_TOKEN}-b`, [literal('a-'), deployTime(REGION_TOKEN), literal('-b')]],
    ['two tokens in a row', `${REGION_TOKEN}\${Token[TOKEN.12]}`, [deployTime(REGION_TOKEN), deployTime('${Token[TOKEN.12]}')]],
    ['a token with every character a token id has', '${Token[a-Z_0.9:x]}', [deployTime('${Token[a-Z_0.9:x]}')]],
    ['a token id with a space is no token', '${Token[A B]}', [literal('${Token[A B]}')]],
    ['an empty token id is no token', '${Token[]}', [literal('${Token[]}')]],
    ['a placeholder', '${Ref:AWS::Region}', [deployTime('${Ref:AWS::Region}')]],
    ['a one-letter intrinsic', '${R:x}-y', [deployTime('${R:x}'), literal('-y')]],
    ['a nested placeholder', 'x${Select:1,${Split:https://,${GetAtt:C.Url}}}:sub',
      [literal('x'), deployTime('${Select:1,${Split:https://,${GetAtt:C.Url}}}'), literal(':sub')]],
    ['a placeholder starting in lower case is literal', '${ref:x}', [literal('${ref:x}')]],
    ['a placeholder without a colon is literal', '${Ref}', [literal('${Ref}')]],
    ['an unclosed placeholder is literal', '${Ref:AWS::Region', [literal('${Ref:AWS::Region')]],
    ['an escaped Fn::Sub literal', '${!Literal}', [literal('${!Literal}')]],
    ['literal ${ before a token', `\${x}${REGION_TOKEN}`, [literal('${x}'), deployTime(REGION_TOKEN)]],
    ['literal ${ before a placeholder', '${x}${Ref:AWS::Region}', [literal('${x}'), deployTime('${Ref:AWS::Region}')]],
    ['a number token', NUMBER_TOKEN, [deployTime(NUMBER_TOKEN)]],
    ['a number token between literals', `port-${NUMBER_TOKEN}-x`, [literal('port-'), deployTime(NUMBER_TOKEN), literal('-x')]],
    ['a number token with 10 digits', '-1.8881545897e+289', [deployTime('-1.8881545897e+289')]],
    ['9 digits are no number token', '-1.888154589e+289', [literal('-1.888154589e+289')]],
    ['17 digits are no number token', '-1.88815458970876261e+289', [literal('-1.88815458970876261e+289')]],
    ['another exponent is no number token', '-1.8881545897087626e+288', [literal('-1.8881545897087626e+288')]],
    ['a number token later in the text', `ab${NUMBER_TOKEN}`, [literal('ab'), deployTime(NUMBER_TOKEN)]],
  ])('%s', (_what, text, parts) => {
    expect(textParts(text)).toEqual(parts);
  });
});

describe('what a text holds', () => {
  test('deployTimeValues lists the deploy-time parts in order', () => {
    expect(deployTimeValues(`a${REGION_TOKEN}b\${Ref:X}`)).toEqual([REGION_TOKEN, '${Ref:X}']);
    expect(deployTimeValues('plain')).toEqual([]);
  });

  test.each([
    ['plain', false, true, false],
    ['', false, true, false],
    [REGION_TOKEN, true, false, true],
    [`a${REGION_TOKEN}`, true, false, false],
    [`${REGION_TOKEN}a`, true, false, false],
    [`${REGION_TOKEN}\${Ref:X}`, true, false, false],
    ['${Ref:AWS::Partition}', true, false, true],
  ])('%p: has a deploy-time value %p, known %p, opaque %p', (text, has, known, opaque) => {
    expect([hasDeployTimeValue(text), isKnown(text), isOpaque(text)]).toEqual([has, known, opaque]);
  });

  test('undefined is not known', () => {
    expect(isKnown(undefined)).toBe(false);
  });

  test('literalText drops the deploy-time parts', () => {
    expect(literalText(`role-${REGION_TOKEN}-x\${Ref:Y}z`)).toBe('role--xz');
    expect(literalText(REGION_TOKEN)).toBe('');
  });
});

describe('splitLiteral', () => {
  test.each<[string, string, string[]]>([
    ['a:b:c', ':', ['a', 'b', 'c']],
    ['', ':', ['']],
    ['abc', ':', ['abc']],
    [':a:', ':', ['', 'a', '']],
    ['arn:${Ref:AWS::Partition}:iam::1:role/x', ':', ['arn', '${Ref:AWS::Partition}', 'iam', '', '1', 'role/x']],
    [`role/${REGION_TOKEN}-x/name`, '/', ['role', `${REGION_TOKEN}-x`, 'name']],
    [`${REGION_TOKEN}${REGION_TOKEN}`, ':', [`${REGION_TOKEN}${REGION_TOKEN}`]],
  ])('%p on %p', (text, separator, pieces) => {
    expect(splitLiteral(text, separator)).toEqual(pieces);
  });
});

describe('literalShape', () => {
  const NAME = /^[a-z0-9-]$/;
  const EDGE = /^[a-z0-9]$/;

  test('a valid literal', () => {
    expect(literalShape('my-app', NAME, EDGE, EDGE)).toEqual({ invalidCharacters: [], badStart: false, badEnd: false, literalLength: 6, partlyDeployTime: false });
  });

  test('invalid characters are listed once each, in order', () => {
    expect(literalShape('A b_A b', NAME).invalidCharacters).toEqual(['A', ' ', '_']);
  });

  test('a bad first or last character, only when it is literal', () => {
    expect(literalShape('-app-', NAME, EDGE, EDGE)).toMatchObject({ badStart: true, badEnd: true });
    expect(literalShape('-app', NAME, EDGE, EDGE)).toMatchObject({ badStart: true, badEnd: false });
    expect(literalShape('app-', NAME, EDGE, EDGE)).toMatchObject({ badStart: false, badEnd: true });
    expect(literalShape(`${REGION_TOKEN}-app-${REGION_TOKEN}`, NAME, EDGE, EDGE)).toMatchObject({ badStart: false, badEnd: false });
    expect(literalShape('-app-', NAME)).toMatchObject({ badStart: false, badEnd: false });
    expect(literalShape('', NAME, EDGE, EDGE)).toMatchObject({ badStart: false, badEnd: false });
  });

  test('the literal length leaves out deploy-time parts and counts code points', () => {
    expect(literalShape(`ab${REGION_TOKEN}c`, NAME)).toMatchObject({ literalLength: 3, partlyDeployTime: true });
    expect(literalShape('a🙂', /^.$/u).literalLength).toBe(2);
  });
});

describe('describeCharacters', () => {
  test('quotes each character and names whitespace', () => {
    expect(describeCharacters(['/', ' ', '\t', '*'])).toBe('"/", " " (whitespace), "\\t" (whitespace), "*"');
    expect(describeCharacters([])).toBe('');
  });
});
