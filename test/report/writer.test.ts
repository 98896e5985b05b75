import { describe, expect, it } from 'vitest';
import { indentJson } from '../../src/report/writer.js';

// A streamed JSON document places each value at its depth: it must read exactly as
// JSON.stringify(document, null, 2) would have written the whole document at once.
const values: unknown[] = [
  { file: 'a.md', score: 71, sentences: [{ text: 'We said "no"\nthen [yes]', line: 1 }], empty: [], none: {} },
  [],
  {},
  [1, [2, [3, []]], { a: null }],
  'a string',
  42,
  null,
];

describe('indentJson', () => {
  for (const depth of [1, 2, 3, 4, 5]) {
    it(`places a value at depth ${depth} as JSON.stringify places it in the whole document`, () => {
      for (const value of values) {
        let doc: unknown = value;
        for (let d = 0; d < depth; d++) doc = { k: doc };
        const whole = JSON.stringify(doc, null, 2);
        let streamed = indentJson(value, '  '.repeat(depth));
        for (let d = depth - 1; d >= 0; d--) streamed = `{\n${'  '.repeat(d + 1)}"k": ${streamed}\n${'  '.repeat(d)}}`;
        expect(streamed).toBe(whole);
      }
    });
  }

  it('indents by any prefix, not only spaces', () => {
    expect(indentJson({ a: [1] }, '\t')).toBe('{\n\t  "a": [\n\t    1\n\t  ]\n\t}');
  });
});
