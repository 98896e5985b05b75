import { stem, tokenize, type Token } from './tokens.js';

/**
 * Rubric phrases, compiled. A phrase is words separated by spaces; each word matches a token
 * that is the same word or an inflection of it ("leverage" matches "leveraging", "circle back"
 * matches "circled back"). `word*` matches any word starting so ("empath*"), `a|b` either word,
 * `_` any one word, `#` a number (digits or a number word). There are no regular expressions, so a
 * rubric cannot make matching slow.
 */
type WordMatcher =
  | { kind: 'word'; word: string; stem: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'any' }
  | { kind: 'number' }
  | { kind: 'alt'; options: WordMatcher[] };

export interface CompiledPhrase {
  source: string;
  index: number;
  words: WordMatcher[];
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  /** Index of the first and one-past-last token in the token list searched. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['thousand', 1000], ['million', 1e6], ['dozen', 12], ['half', 0.5], ['twice', 2], ['double', 2], ['triple', 3],
]);

export const isNumberToken = (t: Token) => /^\d/.test(t.norm) || NUMBER_WORDS.has(t.norm);

function compileWord(raw: string): WordMatcher {
  if (raw.includes('|')) return { kind: 'alt', options: raw.split('|').filter(Boolean).map(compileWord) };
  if (raw === '_') return { kind: 'any' };
  if (raw === '#') return { kind: 'number' };
  if (raw.endsWith('*') && raw.length > 1) return { kind: 'prefix', prefix: raw.slice(0, -1) };
  return { kind: 'word', word: raw, stem: stem(raw) };
}

/** Splits a phrase the way answer text is tokenized, keeping the special forms whole. */
function phraseWords(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.toLowerCase().replace(/’/g, "'").trim().split(/\s+/)) {
    if (part === '_' || part === '#' || part.includes('|') || part.endsWith('*')) out.push(part);
    else out.push(...tokenize(part).map((t) => t.norm));
  }
  return out;
}

export function compilePhrase(source: string, index = 0): CompiledPhrase {
  return { source, index, words: phraseWords(source).map(compileWord) };
}

const INFLECTIONS = new Set(['', 's', 'es', 'ed', 'd', 'ing', "'s", 'ies', 'ied', 'e', 'y']);

/** True when `other` is `word` with an inflectional ending (leverage → leveraging, reply → replied, stop → stopped). */
function isInflection(word: string, other: string): boolean {
  const base = word.length > 3 ? word.replace(/[ey]$/, '') : word;
  if (!other.startsWith(base)) return false;
  const rest = other.slice(base.length);
  if (INFLECTIONS.has(rest)) return true;
  // doubled final consonant: stop → stopped, chat → chatting
  return rest.length > 2 && rest[0] === base.at(-1) && INFLECTIONS.has(rest.slice(1));
}

function wordMatches(m: WordMatcher, t: Token): boolean {
  switch (m.kind) {
    case 'word':
      if (t.norm === m.word) return true;
      // inflection fallback: the same Porter stem, and the words differ only by an inflectional
      // ending — Porter also merges derivations ("personal"/"person", "customer"/"custom")
      return m.word.length >= 3 && stem(t.norm) === m.stem && (isInflection(m.word, t.norm) || isInflection(t.norm, m.word));
    case 'prefix':
      return t.norm.startsWith(m.prefix);
    case 'any':
      return true;
    case 'number':
      return isNumberToken(t);
    case 'alt':
      return m.options.some((o) => wordMatches(o, t));
  }
}

/** A set of phrases, indexed by first word, matched against token lists. */
export class PhraseSet {
  readonly phrases: CompiledPhrase[];
  private readonly byStem = new Map<string, CompiledPhrase[]>();
  private readonly unindexed: CompiledPhrase[] = [];

  constructor(sources: readonly string[]) {
    this.phrases = sources.map((s, i) => compilePhrase(s, i)).filter((p) => p.words.length > 0);
    for (const p of this.phrases) {
      const first = p.words[0];
      if (first.kind === 'word') {
        const list = this.byStem.get(first.stem) ?? [];
        list.push(p);
        this.byStem.set(first.stem, list);
      } else this.unindexed.push(p);
    }
  }

  get size(): number {
    return this.phrases.length;
  }

  /** Every match in the tokens, longest first at each position, without overlaps. */
  findAll(tokens: readonly Token[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; ) {
      const best = this.longestAt(tokens, i);
      if (best) {
        out.push(best);
        i = best.last;
      } else i++;
    }
    return out;
  }

  /** True when any phrase matches anywhere in the tokens. */
  test(tokens: readonly Token[]): boolean {
    for (let i = 0; i < tokens.length; i++) if (this.longestAt(tokens, i)) return true;
    return false;
  }

  /** The longest phrase that starts at token i, if any. */
  longestAt(tokens: readonly Token[], i: number): PhraseMatch | undefined {
    let best: PhraseMatch | undefined;
    const consider = (p: CompiledPhrase) => {
      if (i + p.words.length > tokens.length) return;
      for (let k = 0; k < p.words.length; k++) if (!wordMatches(p.words[k], tokens[i + k])) return;
      if (!best || p.words.length > best.last - best.first) {
        const last = i + p.words.length;
        best = { phrase: p, first: i, last, start: tokens[i].start, end: tokens[last - 1].end };
      }
    };
    for (const p of this.byStem.get(stem(tokens[i].norm)) ?? []) consider(p);
    for (const p of this.unindexed) consider(p);
    return best;
  }
}
