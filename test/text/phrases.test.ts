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

  it('tells apart phrases that begin with the same words', () => {
    const phrases = ['I had to', 'I had to make', 'I needed to', 'I was asked to', 'I called|phoned _ back', 'we #'];
    expect(find(phrases, 'I had to act. I had to make calls. I was asked to help. I phoned her back. We 3.')).toEqual(['I had to', 'I had to make', 'I was asked to', 'I phoned her back', 'We 3']);
    expect(find(phrases, 'we stayed; I had a call')).toEqual([]);
  });

  it('reports the phrase listed first when two have the same words', () => {
    const set = new PhraseSet(['went above', 'went|go above', 'went above']);
    expect(set.findAll(tokenize('she went above')).map((m) => m.phrase.index)).toEqual([0]);
  });

  it('a plain first word wins over a wildcard of the same length', () => {
    const set = new PhraseSet(['_ back', 'called back']);
    expect(set.findAll(tokenize('I called back')).map((m) => m.phrase.source)).toEqual(['called back']);
  });

  it('keeps matching after very many phrase sets were made (the shared index starts afresh)', () => {
    const early = new PhraseSet(['circle back', 'empath*', '# new customers']);
    for (let i = 0; i < 1500; i++) new PhraseSet([`filler${i} word`]);
    const late = new PhraseSet(['circle back', 'empath*', '# new customers']);
    const text = 'We circled back, empathetic, and won two new customers.';
    for (const set of [early, late]) expect(set.findAll(tokenize(text)).map((m) => text.slice(m.start, m.end))).toEqual(['circled back', 'empathetic', 'two new customers']);
  });
});

describe('PhraseSet with tagged words', () => {
  // the tagger's reading decides: a verb form of a phrase does not match the bare noun
  const tagged = async (text: string) => {
    const { readText } = await import('../../src/language/index.js');
    return readText(text, [[0, text.length]]);
  };

  it('matches "stepped in" on the verb, not on the noun, whichever comes first', async () => {
    const set = new PhraseSet(['stepped in']);
    const [noun, verb] = await tagged('Every manual step in the process was slow. When the porter left, I step in and help.');
    expect(set.findAll(noun.tokens)).toEqual([]);
    expect(set.findAll(verb.tokens).map((m) => verb.text.slice(m.start - verb.start, m.end - verb.start))).toEqual(['step in']);
  });

  it('matches "doubled" on the verb, not on the adjective: "a double charge" is no outcome', async () => {
    const set = new PhraseSet(['doubled']);
    const [adjective, verb] = await tagged('She called about a double charge. We double the order every spring.');
    expect(set.findAll(adjective.tokens)).toEqual([]);
    expect(set.findAll(verb.tokens)).toHaveLength(1);
  });
});
