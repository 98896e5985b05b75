import { describe, expect, it } from 'vitest';
import { PhraseSet } from '../../src/text/phrases.js';
import { tokenize } from '../../src/text/tokens.js';

const find = (phrases: string[], text: string) => new PhraseSet(phrases).findAll(tokenize(text)).map((m) => text.slice(m.start, m.end));

describe('PhraseSet', () => {
  it('matches inflections of the rubric words', () => {
    expect(find(['leverage', 'circle back'], 'We were leveraging it and I circled back.')).toEqual(['leveraging', 'circled back']);
  });

  it('does not merge derivations that Porter merges', () => {
    expect(find(['personalized'], 'my personal car')).toEqual([]);
    expect(find(['custom'], 'the customer')).toEqual([]);
  });

  it('supports prefixes, alternatives, any word and numbers', () => {
    expect(find(['empath*'], 'She was empathetic.')).toEqual(['empathetic']);
    expect(find(['kept _ informed'], 'I kept her informed.')).toEqual(['kept her informed']);
    expect(find(['called|phoned back'], 'I phoned back.')).toEqual(['phoned back']);
    expect(find(['# new customers'], 'she referred three new customers')).toEqual(['three new customers']);
  });

  it('prefers the longest phrase at a position and does not overlap', () => {
    expect(find(['above', 'above and beyond'], 'went above and beyond')).toEqual(['above and beyond']);
  });

  it('matches hyphenated and spaced spellings alike', () => {
    expect(find(['customer-centric'], 'a customer centric team')).toEqual(['customer centric']);
  });

  it('is case-insensitive and treats curly apostrophes as straight', () => {
    expect(find(["the customer's always right"], 'The Customer’s Always Right')).toHaveLength(1);
  });
});
