import { describe, expect, it } from 'vitest';
import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import { ABBREVIATIONS, anyWordIn, LinearSentenceTokenizer, splitSentences, stem, tokenize, WordClass } from '../../src/text/tokens.js';

describe('tokenize', () => {
  it('gives every word its offsets in the text', () => {
    const text = 'I rated it 4.6/5, won’t forget.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.norm)).toEqual(['i', 'rated', 'it', '4.6/5', "won't", 'forget']);
  });

  it('splits hyphenated words so either spelling matches a phrase', () => {
    expect(tokenize('customer-centric').map((t) => t.norm)).toEqual(['customer', 'centric']);
  });

  it('keeps numbers with separators whole', () => {
    expect(tokenize('$2,400 at 6:15 and 3x').map((t) => t.norm)).toEqual(['2,400', 'at', '6:15', 'and', '3x']);
  });
});

describe('splitSentences', () => {
  it('finds sentences and their offsets, not splitting at abbreviations or decimals', () => {
    const text = 'Mr. Lee rated us 4.6 out of 5. Then he left!';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Mr. Lee rated us 4.6 out of 5.', 'Then he left!']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('ends a sentence at a blank line or a bullet even without a full stop', () => {
    const s = splitSentences('Listened first\n\n- agreed a handover\n- found the root cause');
    expect(s.map((x) => x.text)).toEqual(['Listened first', 'agreed a handover', 'found the root cause']);
  });

  it('offsets are relative to the base given', () => {
    const [s] = splitSentences('Hello there.', 100);
    expect([s.start, s.end]).toEqual([100, 112]);
  });
});

describe('stem', () => {
  it('is Porter, memoized, and ignores a possessive', () => {
    expect(stem('leveraging')).toBe(stem('leverage'));
    expect(stem("customer's")).toBe(stem('customer'));
  });
});

describe('splitSentences on a long paragraph', () => {
  it('finds every sentence, with true offsets, across the pieces it is tokenized in', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} ends here.`).join(' ');
    const s = splitSentences(text);
    expect(s).toHaveLength(400);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s[399].text).toBe('Sentence number 399 ends here.');
  });
});

describe('splitSentences and abbreviations', () => {
  it('splits after words that end like an abbreviation, and not after the abbreviation itself', () => {
    const s = splitSentences('It was my first. Last May I met Ms. Park on St. James Road. He had problems. Then no. 5 arrived.');
    expect(s.map((x) => x.text)).toEqual(['It was my first.', 'Last May I met Ms. Park on St. James Road.', 'He had problems.', 'Then no. 5 arrived.']);
  });
});

describe('LinearSentenceTokenizer', () => {
  // it replaces natural's quadratic placeholder handling; the sentences must be natural's own
  const samples = [
    ' Mr. Lee rated us 4.6 out of 5. Then he left! Did he? Yes… and he came back.',
    ' She wrote to support@example.com at 9 a.m. and e.g. asked for a refund of $1,250.50. We replied "same day." It worked.',
    ' See www.example.com/help?x=1. Dr. Patel (the st. manager) agreed!! Two weeks later, 3 of 4 customers renewed.',
    ' No full stop at the end',
    ' ' + Array.from({ length: 60 }, (_, i) => `Sentence ${i} has ${i * 7} words, i.e. about ${i}.`).join(' '),
    ' Odd input {{DELIM_0}} and {{NUMBER_3}} stays as typed. Then a second sentence.',
  ];
  it("splits exactly as natural's SentenceTokenizer does", () => {
    const ours = new LinearSentenceTokenizer(ABBREVIATIONS);
    const theirs = new SentenceTokenizer(ABBREVIATIONS);
    for (const text of samples) expect(ours.tokenize(text)).toEqual(theirs.tokenize(text));
  });
  it('still maps every sentence to the text as typed when it holds placeholder-like text', () => {
    const text = samples[5].trim();
    const s = splitSentences(text);
    expect(s.length).toBeGreaterThan(1);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s.at(-1)!.text).toBe('Then a second sentence.');
  });
});

describe('word classes', () => {
  it("tells a token's class by its lexeme, also for a class made after the word was first met, and without a lexeme", () => {
    const tokens = tokenize('So we never called back, but they did');
    const negator = new WordClass(['never', 'not']);
    expect(tokens.map((t) => negator.has(t))).toEqual([false, false, true, false, false, false, false, false]);
    const joiner = new WordClass(new Set(['so', 'but']));
    expect(tokens.filter((t) => joiner.has(t)).map((t) => t.norm)).toEqual(['so', 'but']);
    expect(negator.has({ text: 'never', norm: 'never', start: 0, end: 5 })).toBe(true);
    expect(anyWordIn(tokens, -2, 2, joiner)).toBe(true);
    expect(anyWordIn(tokens, 1, 2, negator)).toBe(false);
    expect(anyWordIn(tokens, 1, 99, negator)).toBe(true);
  });
});
