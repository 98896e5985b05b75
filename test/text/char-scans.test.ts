import { describe, expect, it } from 'vitest';
import { CLAUSE_PUNCT, clausePunctIn } from '../../src/language/clauses.js';
import { isToChange, TO_CHANGE } from '../../src/language/tagger.js';
import { isSpaceCode } from '../../src/text/chars.js';
import { tokenize, WORD } from '../../src/text/tokens.js';
import { rng } from '../linear/shapes.js';

// The hot loops test characters by code instead of running a regular expression per character;
// each must say exactly what the expression it stands for says, or reports would change.

describe('character tests by code', () => {
  it('isSpaceCode is /\\s/ for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('isToChange is the tagger\'s pattern of characters to straighten or blank, for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isToChange(c) !== TO_CHANGE.test(String.fromCharCode(c))) wrong.push(c);
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

describe('tokenize', () => {
  /** The tokens as the word pattern alone gives them. */
  const byPattern = (text: string) => [...text.matchAll(WORD)].map((m) => `${m.index}:${m[0]}`);
  const byTokenize = (text: string) => tokenize(text).map((t) => `${t.start}:${t.text}`);

  it('gives exactly the matches of its word pattern, on ASCII and on text with other letters, marks and quotes', () => {
    // pieces that exercise every branch: numbers with separators and suffixes, apostrophes,
    // letters and marks outside ASCII, curly quotes, digits of other scripts, a surrogate pair
    const pieces = ['a', 'Z', 'q', '7', '0', '12', '.', ',', ':', '/', ' ', '\n', "'", '’', '-', 'st', 'nd', 'rd', 'th', 'x', 'k', 'm', 'pm', 'é', 'ß', 'e\u0301', '\u0301', '٣', '中', '😀', '“', '”', '%', '$'];
    const r = rng(2024);
    for (let n = 0; n < 30000; n++) {
      let text = '';
      const length = 1 + Math.floor(r() * 12);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(r() * pieces.length)];
      expect(byTokenize(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('gives the pattern\'s matches on real answers', () => {
    const text = "I'd called at 6:15pm on 24/7 lines, 2,400 calls, 4.6x faster, the 3rd time; 10km, 5pm, 2.5a, rock'n'roll, don't2 — she’s “fine”, café naïve.";
    expect(byTokenize(text)).toEqual(byPattern(text));
  });
});
