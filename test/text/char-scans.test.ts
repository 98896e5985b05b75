import { describe, expect, it } from 'vitest';
import { CLAUSE_PUNCT, clausePunctIn } from '../../src/language/clauses.js';
import { isSpaceCode } from '../../src/text/chars.js';

// The hot loops test characters by code instead of running a regular expression per character;
// each must say exactly what the expression it stands for says, or reports would change.

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('character tests by code', () => {
  it('isSpaceCode is /\\s/ for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('clausePunctIn agrees with the clause-punctuation pattern on the text between two words', () => {
    const pieces = [' ', '  ', '\n', '\t', ',', ';', ':', '(', ')', '[', ']', '–', '—', '"', '“', '”', '!', '?', '-', "'", '’', '.', '\u00a0', '…', '/', 'x'];
    const r = rng(14);
    for (let n = 0; n < 20000; n++) {
      let gap = '';
      const length = 1 + Math.floor(r() * 5);
      for (let k = 0; k < length; k++) gap += pieces[Math.floor(r() * pieces.length)];
      // the gap inside a longer text, as it is met: offsets, not a slice
      const text = `word${gap}next`;
      expect(clausePunctIn(text, 4, 4 + gap.length), JSON.stringify(gap)).toBe(CLAUSE_PUNCT.test(gap));
    }
  });
});
