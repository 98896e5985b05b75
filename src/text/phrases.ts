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

// Checks build some phrase lists per answer (filtered or mapped from the rubric), so a phrase's
// words are compiled once per source text, not once per list.
const compiledWords = new Map<string, WordMatcher[]>();

export function compilePhrase(source: string, index = 0): CompiledPhrase {
  let words = compiledWords.get(source);
  if (!words) {
    words = phraseWords(source).map(compileWord);
    if (compiledWords.size > 20_000) compiledWords.clear();
    compiledWords.set(source, words);
  }
  return { source, index, words };
}

/**
 * Where a phrase whose first word is `m` can start: token stems, the first two letters of a
 * token, or a number. Undefined when it can start anywhere (`_`, or a one-letter prefix).
 */
function startKeys(m: WordMatcher, keys: { stems: string[]; heads: number[]; number: boolean }): boolean {
  switch (m.kind) {
    case 'word':
      keys.stems.push(m.stem);
      return true;
    case 'prefix':
      if (m.prefix.length < 2) return false;
      keys.heads.push(headKey(m.prefix));
      return true;
    case 'number':
      keys.number = true;
      return true;
    case 'any':
      return false;
    case 'alt':
      return m.options.every((o) => startKeys(o, keys));
  }
}

/** The first two UTF-16 units of a word as one number (no string is made per token). */
const headKey = (word: string) => word.charCodeAt(0) * 65536 + (word.length > 1 ? word.charCodeAt(1) : 0);

function addTo<K>(map: Map<K, CompiledPhrase[]>, key: K, p: CompiledPhrase): void {
  const list = map.get(key);
  if (!list) map.set(key, [p]);
  else if (list[list.length - 1] !== p) list.push(p);
}

const tokenStem = (t: Token) => t.stem ?? stem(t.norm);

const INFLECTIONS = new Set(['', 's', 'es', 'ed', 'd', 'ing', "'s", 'ies', 'ied', 'e', 'y']);

/** True when `other` is `word` with an inflectional ending (leverage → leveraging, reply → replied, stop → stopped). */
function isInflection(word: string, other: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  const base = word.length > 3 && (last === 101 || last === 121) ? word.slice(0, -1) : word; // drop a final e or y
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
      // (the cheap prefix test first: most tokens fail it, and then no stem is looked up)
      return m.word.length >= 3 && (isInflection(m.word, t.norm) || isInflection(t.norm, m.word)) && tokenStem(t) === m.stem;
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

/**
 * A set of phrases, indexed by what their first word can match (a stem, two leading letters, a
 * number), so each token is tried only against the phrases that could start there.
 */
export class PhraseSet {
  readonly phrases: CompiledPhrase[];
  private readonly byStem = new Map<string, CompiledPhrase[]>();
  private readonly byHead = new Map<number, CompiledPhrase[]>();
  private readonly numbers: CompiledPhrase[] = [];
  private readonly unindexed: CompiledPhrase[] = [];

  constructor(sources: readonly string[]) {
    this.phrases = sources.map((s, i) => compilePhrase(s, i)).filter((p) => p.words.length > 0);
    for (const p of this.phrases) {
      const keys = { stems: [] as string[], heads: [] as number[], number: false };
      if (!startKeys(p.words[0], keys)) {
        this.unindexed.push(p);
        continue;
      }
      for (const k of keys.stems) addTo(this.byStem, k, p);
      for (const k of keys.heads) addTo(this.byHead, k, p);
      if (keys.number) this.numbers.push(p);
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

  /**
   * The longest phrase that starts at token i, if any. Among equally long ones, a phrase starting
   * with a plain word wins, then the one listed first.
   */
  longestAt(tokens: readonly Token[], i: number): PhraseMatch | undefined {
    const t = tokens[i];
    this.best = undefined;
    this.bestRank = 0;
    // this runs for every token of every sentence against every set: no allocation on the way
    if (this.byStem.size) this.tryList(this.byStem.get(tokenStem(t)), tokens, i);
    if (this.byHead.size) this.tryList(this.byHead.get(headKey(t.norm)), tokens, i);
    if (this.numbers.length && isNumberToken(t)) this.tryList(this.numbers, tokens, i);
    if (this.unindexed.length) this.tryList(this.unindexed, tokens, i);
    const best = this.best as CompiledPhrase | undefined;
    if (!best) return undefined;
    const last = i + best.words.length;
    return { phrase: best, first: i, last, start: t.start, end: tokens[last - 1].end };
  }

  private best: CompiledPhrase | undefined;
  private bestRank = 0;

  private tryList(list: readonly CompiledPhrase[] | undefined, tokens: readonly Token[], i: number): void {
    if (!list) return;
    for (const p of list) {
      const n = p.words.length;
      if (i + n > tokens.length) continue;
      // rank: longer first, then plain-word starts, then list order
      const rank = n * 2 + (p.words[0].kind === 'word' ? 1 : 0);
      if (this.best && (rank < this.bestRank || (rank === this.bestRank && p.index >= this.best.index))) continue;
      let k = 0;
      while (k < n && wordMatches(p.words[k], tokens[i + k])) k++;
      if (k < n) continue;
      this.best = p;
      this.bestRank = rank;
    }
  }
}
