import { resourceKeyPositions } from '../../src/checks/model/resource-locations';

describe('resourceKeyPositions', () => {
  test('finds each logical id as a key of Resources, pretty-printed', () => {
    const text = JSON.stringify({ Parameters: { A: { Type: 'String' } }, Resources: { A: { Type: 'X', Properties: { B: { C: 1 } } }, B: { Type: 'Y' } } }, undefined, 1);
    const lines = text.split('\n');
    const lineOf = (key: string, from: number) => lines.findIndex((l, i) => i >= from && l.startsWith(`  "${key}": {`)) + 1;
    const resources = lines.indexOf(' "Resources": {');
    expect(Object.fromEntries(resourceKeyPositions(text))).toEqual({
      A: { line: lineOf('A', resources), column: 3 },
      B: { line: lineOf('B', resources), column: 3 },
    });
  });

  test('minified, with escapes, strings holding braces and quotes, and unicode before the key', () => {
    const text = '{"Description":"{not \\"an\\" object}","Metadata":{"x":["é",{"Resources":{"Fake":1}}]},"Resources":{"Role\\u0041":{}}}';
    expect(Object.fromEntries(resourceKeyPositions(text))).toEqual({ RoleA: { line: 1, column: text.indexOf('"Role\\u0041"') + 1 } });
  });

  test('nothing for text that is not a template', () => {
    expect(resourceKeyPositions('').size).toBe(0);
    expect(resourceKeyPositions('[1, 2]').size).toBe(0);
  });
});
