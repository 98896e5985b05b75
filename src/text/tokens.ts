import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { isDigitCode } from './chars.js';
import type { PhraseStarts } from './phrases.js';

export interface Token {
  /** As written. */
  text: string;
  /** Lower-case, with curly apostrophes straightened: what phrases are matched against. */
  norm: string;
  start: number;
  end: number;
  /** What is known of this word wherever it occurs (shared by every token of the same word): its stem, its phrase starts. */
  lexeme?: Lexeme;
  /** Part of speech in this sentence (a universal tag: VERB, AUX, NOUN, …), filled by the language layer. */
  pos?: string;
  /** Dictionary form ("went" → "go", "days" → "day"), filled by the language layer. */
  lemma?: string;
}

/** A word as written, normalised and stemmed once: answers use the same few hundred words. */
export interface Lexeme {
  /** The word as written. */
  word: string;
  norm: string;
  stem: string;
  /** Phrase matching's lookups for this word (src/text/phrases.ts): which phrase sets could start here. */
  starts?: PhraseStarts;
  /** The same, where the tagger gives the word another dictionary form ("left" as "leave"). */
  lemmaStarts?: Map<string, PhraseStarts>;
  /** The same two for the word read as a noun: a phrase's verb form does not match it ("stepped" and "a step"). */
  nounStarts?: PhraseStarts;
  nounLemmaStarts?: Map<string, PhraseStarts>;
  /** Stems of the word without an inflection, where they differ from `stem` (phrases.ts). */
  otherStems?: readonly string[];
  /** Facts that depend on the normal form only, worked out once: see wordFact. */
  facts: number;
  /** The word classes its normal form is in, one bit per class (see WordClass), and how many classes that covers. */
  classes: number;
  classesKnown: number;
}

/** Bits of Lexeme.facts, one per fact (below 2^15; the bit 15 places higher says it is known). */
export const FACT_NUMBER = 1;
export const FACT_PAST_VERB = 2;
export const FACT_PRESENT_STEP = 4;
export const FACT_NUMBERISH = 8;
export const FACT_AUX = 16;
export const FACT_BE = 32;
export const FACT_STEP_OPENER = 64;

/**
 * A closed class of words asked of token after token (negators, coordinators, …): each lexeme
 * keeps which classes its normal form is in, worked out once per distinct word, so asking is a bit
 * test where it was a look-up by string. Classes past the bits of a number are asked by their set.
 */
export class WordClass {
  readonly words: ReadonlySet<string>;
  readonly bit: number;
  constructor(words: Iterable<string>) {
    this.words = words instanceof Set ? words : new Set(words);
    this.bit = wordClasses.length < MAX_WORD_CLASSES ? 1 << wordClasses.length : 0;
    if (this.bit !== 0) wordClasses.push(this);
  }

  /** Whether the token's normal form is a word of the class. */
  has(t: Token): boolean {
    const lexeme = t.lexeme;
    if (lexeme === undefined || this.bit === 0) return this.words.has(t.norm);
    if (lexeme.classesKnown !== wordClasses.length) learnClasses(lexeme);
    return (lexeme.classes & this.bit) !== 0;
  }
}

const MAX_WORD_CLASSES = 30;
const wordClasses: WordClass[] = [];

/** The lexeme's bits of the classes made since it last learnt them. */
function learnClasses(lexeme: Lexeme): void {
  for (let k = lexeme.classesKnown; k < wordClasses.length; k++) if (wordClasses[k].words.has(lexeme.norm)) lexeme.classes |= wordClasses[k].bit;
  lexeme.classesKnown = wordClasses.length;
}

/** Whether a token of tokens[from, to) is a word of the class (from clamped at 0; read in place, no slice). */
export function anyWordIn(tokens: readonly Token[], from: number, to: number, words: WordClass): boolean {
  for (let k = Math.max(0, from); k < to && k < tokens.length; k++) if (words.has(tokens[k])) return true;
  return false;
}

/**
 * A fact of a word that depends on its normal form only ("is a past verb", "is a number"), worked
 * out once per distinct word and kept on its lexeme: the same words recur in every sentence.
 */
export function wordFact(t: Token, bit: number, compute: (norm: string) => boolean): boolean {
  const lexeme = t.lexeme;
  if (lexeme === undefined) return compute(t.norm);
  const known = bit << 15;
  if ((lexeme.facts & known) !== 0) return (lexeme.facts & bit) !== 0;
  const value = compute(t.norm);
  lexeme.facts |= known | (value ? bit : 0);
  return value;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}

// Words (letters, digits, inner apostrophes) and numbers (with inner . , : / as in 4.6, 2,400, 6:15, 24/7).
// Hyphens split words, so "customer-centric" and "customer centric" match the same phrase.
export const WORD = /\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|x|k|m)?(?![\p{L}\d])|[\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}]+)*/gu;
/** WORD, run from a given position where a character outside ASCII is near (its own lastIndex). */
const WORD_FROM = new RegExp(WORD.source, 'gu');

/**
 * Splits text into word tokens with their offsets: the matches of WORD, in order. Most text is
 * ASCII, where a word's end is found by character code (no match object per word, a third of
 * the allocation of reading an answer); wherever a character outside ASCII could change a word,
 * the pattern itself is run from that word's start.
 */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      // no word starts at an ASCII character that is not a letter or a digit
      if (!isAsciiAlnum(c)) {
        p++;
        continue;
      }
      const end = asciiWordEnd(text, p, c);
      if (end > 0) {
        tokens.push(token(text, p, end, base));
        p = end;
        continue;
      }
    }
    WORD_FROM.lastIndex = p;
    const m = WORD_FROM.exec(text);
    if (m === null) break;
    tokens.push(token(text, m.index, m.index + m[0].length, base));
    p = m.index + m[0].length;
  }
  return tokens;
}

/**
 * The words of a run of text without spaces, as tokenize splits it: each word's offset in the run
 * and its lexeme. A text's tokens are its runs' words in turn (no word crosses a space, and a
 * space ends every word as the end of the text does), so a run met again gives its tokens
 * without a look-up per word (see tokensOfRuns).
 */
export interface RunWords {
  offsets: number[];
  lexemes: Lexeme[];
}

/** The words of the run text[from, to) (no space in it). */
export function runWords(text: string, from: number, to: number): RunWords {
  const words: RunWords = { offsets: [], lexemes: [] };
  for (const t of tokenize(text.slice(from, to))) {
    words.offsets.push(t.start);
    words.lexemes.push(t.lexeme!);
  }
  return words;
}

/** Adds the tokens of a run's words, the run starting at offset `at`, to `tokens`. */
export function pushRunTokens(tokens: Token[], words: RunWords, at: number): void {
  const { offsets, lexemes } = words;
  for (let k = 0; k < offsets.length; k++) {
    const lexeme = lexemes[k];
    const start = at + offsets[k];
    tokens.push({ text: lexeme.word, norm: lexeme.norm, start, end: start + lexeme.word.length, lexeme, pos: undefined, lemma: undefined });
  }
}

/** The token for text[from, to), with the lexeme of its word (made the first time the word is met). */
function token(text: string, from: number, to: number, base: number): Token {
  const lexeme = lexemeOf(text, from, to);
  // pos and lemma are filled later by the language layer: made here, they are fields of the token
  // itself, not a second store allocated for every token when they are added
  return { text: lexeme.word, norm: lexeme.norm, start: base + from, end: base + to, lexeme, pos: undefined, lemma: undefined };
}

// Lexemes by word, in a table of our own: a word is looked up by the characters it has in the
// text (hashed as they are read, compared in place), so a word met before costs no string. The
// table starts small (the startup snapshot keeps it) and doubles when half full, up to
// 2^LEXEME_BITS slots; full at that size, it starts afresh.
const LEXEME_BITS = 16;
const MIN_LEXEME_BITS = 11;
let lexemeMask = (1 << MIN_LEXEME_BITS) - 1;
let lexemeSlots: (Lexeme | undefined)[] = new Array(1 << MIN_LEXEME_BITS);
let lexemeCount = 0;

const wordHash = (text: string, from: number, to: number) => {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h ^ (h >>> 15);
};

/** Whether text has word at `from` (a loop over the codes: startsWith at a position cost more for these short words). */
function sameAt(text: string, from: number, word: string): boolean {
  for (let q = 0; q < word.length; q++) if (text.charCodeAt(from + q) !== word.charCodeAt(q)) return false;
  return true;
}

function lexemeOf(text: string, from: number, to: number): Lexeme {
  let slot = wordHash(text, from, to) & lexemeMask;
  const length = to - from;
  for (let known = lexemeSlots[slot]; known !== undefined; known = lexemeSlots[slot]) {
    if (known.word.length === length && sameAt(text, from, known.word)) return known;
    slot = (slot + 1) & lexemeMask;
  }
  const word = text.slice(from, to);
  const norm = word.toLowerCase().replace(/’/g, "'");
  const lexeme: Lexeme = { word, norm, stem: stem(norm), starts: undefined, lemmaStarts: undefined, nounStarts: undefined, nounLemmaStarts: undefined, otherStems: undefined, facts: 0, classes: 0, classesKnown: 0 };
  if (lexemeCount >= (lexemeMask + 1) >> 1) {
    growLexemes();
    return lexemeOf(text, from, to);
  }
  lexemeSlots[slot] = lexeme;
  lexemeCount++;
  return lexeme;
}

/** Twice the slots, every lexeme moved over; at the largest size, an empty table of it. */
function growLexemes(): void {
  const size = lexemeMask + 1;
  if (size >= 1 << LEXEME_BITS) {
    lexemeSlots = new Array(size);
    lexemeCount = 0;
    return;
  }
  const old = lexemeSlots;
  lexemeMask = size * 2 - 1;
  lexemeSlots = new Array(size * 2);
  for (const lexeme of old) {
    if (lexeme === undefined) continue;
    let slot = wordHash(lexeme.word, 0, lexeme.word.length) & lexemeMask;
    while (lexemeSlots[slot] !== undefined) slot = (slot + 1) & lexemeMask;
    lexemeSlots[slot] = lexeme;
  }
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAsciiAlnum = (c: number) => isDigitCode(c) || isAsciiLetter(c);
const NUMBER_SUFFIXES = ['st', 'nd', 'rd', 'th', 'x', 'k', 'm'];

/** (?![\p{L}\d]) at i: 1 holds, 0 fails, -1 a character outside ASCII decides. */
function notLetterOrDigitAt(text: string, i: number): number {
  if (i >= text.length) return 1;
  const c = text.charCodeAt(i);
  if (c >= 128) return -1;
  return isAsciiAlnum(c) ? 0 : 1;
}

/**
 * End of the WORD match that starts at p (an ASCII letter or digit), found as the pattern would
 * (its first alternative with every backtracking step, then its second), or -1 when a character
 * outside ASCII is met where it could change the match.
 */
function asciiWordEnd(text: string, p: number, c: number): number {
  const n = text.length;
  if (isDigitCode(c)) {
    // \d+(?:[.,:/]\d+)*(?:st|nd|rd|th|x|k|m)?(?![\p{L}\d]): the most groups first, each suffix, then none
    let q = p + 1;
    while (q < n && isDigitCode(text.charCodeAt(q))) q++;
    const ends = [q];
    for (;;) {
      const sep = text.charCodeAt(q);
      if (!(q + 1 < n && (sep === 46 || sep === 44 || sep === 58 || sep === 47) && isDigitCode(text.charCodeAt(q + 1)))) break;
      q += 2;
      while (q < n && isDigitCode(text.charCodeAt(q))) q++;
      ends.push(q);
    }
    for (let g = ends.length - 1; g >= 0; g--) {
      const at = ends[g];
      for (const suffix of NUMBER_SUFFIXES) {
        if (!text.startsWith(suffix, at)) continue;
        const ok = notLetterOrDigitAt(text, at + suffix.length);
        if (ok !== 0) return ok > 0 ? at + suffix.length : -1;
      }
      const ok = notLetterOrDigitAt(text, at);
      if (ok !== 0) return ok > 0 ? at : -1;
    }
    // the first alternative fails here: the second always matches
  }
  // [\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}]+)*
  let e = p + 1;
  for (; e < n; e++) {
    const d = text.charCodeAt(e);
    if (d >= 128) return -1;
    if (!isAsciiAlnum(d)) break;
  }
  while (e + 1 < n) {
    const d = text.charCodeAt(e);
    if (d >= 128) return -1; // ’ or a letter
    if (d !== 39) break;
    const f = text.charCodeAt(e + 1);
    if (f >= 128) return -1;
    if (!isAsciiLetter(f)) break;
    e += 2;
    for (; e < n; e++) {
      const h = text.charCodeAt(e);
      if (h >= 128) return -1;
      if (!isAsciiLetter(h)) break;
    }
  }
  if (e < n && text.charCodeAt(e) >= 128) return -1;
  return e;
}


const stemCache = new Map<string, string>();
const MAX_STEMMED = 40;

/**
 * Porter stems worked out ahead, e.g. the built-in rubrics' words from the build's snapshot:
 * stemming them was a third of a cold start. Only fills words not known yet.
 */
export function primeStems(stems: Readonly<Record<string, string>>): void {
  for (const [word, s] of Object.entries(stems)) if (!stemCache.has(word)) stemCache.set(word, s);
}

/** The stem of every word in the texts, as tokenize and phrase compiling ask for them. */
export function stemsOf(texts: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const text of texts) for (const t of tokenize(text.toLowerCase().replace(/’/g, "'"))) out[t.norm] = stem(t.norm);
  return out;
}
/** Porter stem of a normalised word, memoized: stems are asked for the same few hundred words over and over. */
export function stem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    // natural's Porter stemmer slows with the square of a word's length; no English word is this long
    s = norm.length > MAX_STEMMED ? norm : PorterStemmer.stem(norm.replace(/'s$/, ''));
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

// natural matches abbreviations anywhere, with no word boundary ("st." inside "first."), so short
// ones carry a leading space: they then only match as words of their own (each block is given
// to the tokenizer with a space in front, so a block may start with one).
export const ABBREVIATIONS = [' mr.', ' mrs.', ' ms.', ' dr.', ' st.', ' no.', ' jr.', ' sr.', ' vs.', ' approx.', 'e.g.', 'i.e.', 'a.m.', 'p.m.'];

// natural swaps abbreviations, URIs, numbers and sentence ends for `{{KIND_n}}` placeholders,
// splits at the sentence ends, then puts every placeholder back with a new RegExp per placeholder
// per sentence: quadratic in the sentences of a block, and most of its time. The same steps with
// one pattern each give the same sentences in linear time.
const PLACEHOLDER = /\{\{(?:NUMBER|DELIM|URI|ABBREV)_\d+\}\}/g;
const DELIM_PLACEHOLDER = /\{\{DELIM_\d+\}\}/g;

export class LinearSentenceTokenizer extends SentenceTokenizer {
  private abbreviationPattern?: RegExp;

  override replaceAbbreviations(text: string): string {
    if (!this.abbreviations.length) return text;
    this.abbreviationPattern ??= new RegExp(`(${this.abbreviations.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
    return text.replace(this.abbreviationPattern, (match) => {
      const code = `{{ABBREV_${this.replacementCounter++}}}`;
      this.replacementMap.set(code, match);
      return code;
    });
  }

  /** Each piece ends with its sentence end's placeholder (only placeholders natural made count). */
  override splitOnPlaceholders(text: string): string[] {
    if (!this.delimiterMap.size) return [text];
    const out: string[] = [];
    let from = 0;
    for (const m of text.matchAll(DELIM_PLACEHOLDER)) {
      if (!this.delimiterMap.has(m[0])) continue;
      out.push(text.slice(from, m.index! + m[0].length));
      from = m.index! + m[0].length;
    }
    out.push(text.slice(from));
    return out;
  }

  override revertReplacements(text: string): string {
    return text.replace(PLACEHOLDER, (code) => this.replacementMap.get(code) ?? code);
  }

  override revertDelimiters(text: string): string {
    return text.replace(DELIM_PLACEHOLDER, (code) => this.delimiterMap.get(code) ?? code);
  }
}

const sentenceTokenizer = new LinearSentenceTokenizer(ABBREVIATIONS);

// Blocks are split before sentences: a blank line, a bullet or a numbered item always ends a sentence.
const BLOCK_BREAK = /\n[ \t]*\n+|\n(?=[ \t]*(?:[-*•+]|\d+[.)])[ \t])/g;
const BULLET = /^[ \t]*(?:[-*•+]|\d+[.)])[ \t]+/;

// natural's sentence tokenizer slows down with the square of the sentences in one call, so a long
// paragraph is handed to it in pieces, cut only where a sentence plainly ends.
const MAX_BLOCK = 2000;
const PLAIN_END = /[.!?]["”’)]?\s+(?=["“(]?\p{Lu})/gu;

function chunkLongBlocks(text: string, blocks: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of blocks) {
    let from = start;
    while (end - from > MAX_BLOCK) {
      PLAIN_END.lastIndex = 0;
      const window = text.slice(from, from + MAX_BLOCK);
      let cut = -1;
      for (const m of window.matchAll(PLAIN_END)) cut = m.index! + m[0].length;
      if (cut <= 0) break; // no clear sentence end: leave the rest whole
      out.push([from, from + cut]);
      from += cut;
    }
    out.push([from, end]);
  }
  return out;
}

/**
 * Splits text into sentences with offsets. natural's sentence tokenizer returns strings only, so
 * each is found again in the text by a forward scan.
 */
export function splitSentences(text: string, base = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let blockStart = 0;
  const blocks: [number, number][] = [];
  for (const m of text.matchAll(BLOCK_BREAK)) {
    blocks.push([blockStart, m.index!]);
    blockStart = m.index! + m[0].length;
  }
  blocks.push([blockStart, text.length]);
  for (let [start, end] of chunkLongBlocks(text, blocks)) {
    const bullet = BULLET.exec(text.slice(start, end));
    if (bullet) start += bullet[0].length;
    const block = text.slice(start, end);
    if (!block.trim()) continue;
    let cursor = 0;
    for (const piece of sentenceTokenizer.tokenize(' ' + block)) {
      const probe = piece.trim();
      if (!probe) continue;
      let at = block.indexOf(probe, cursor);
      let length = probe.length;
      if (at < 0) {
        // the tokenizer normalised whitespace inside the sentence: match word by word instead
        const words = probe.split(/\s+/);
        at = block.indexOf(words[0], cursor);
        if (at < 0) continue;
        let e = at;
        for (const w of words) {
          const k = block.indexOf(w, e);
          if (k < 0) break;
          e = k + w.length;
        }
        length = e - at;
      }
      const s = start + at;
      sentences.push({ text: text.slice(s, s + length), start: base + s, end: base + s + length, tokens: tokenize(text.slice(s, s + length), base + s) });
      cursor = at + length;
    }
  }
  return sentences;
}
