// Derived from wink-nlp and wink-eng-lite-web-model (MIT, GRAYPE Systems): see LICENSE-wink.txt beside this file.
// The lean tagger: wink-nlp's English tagger (wink-eng-lite-web-model) done again over a compact
// lexicon generated from its model once (scripts/gen-lexicon.mjs → lexicon.generated.ts), so that
// the model (3 MB of JSON, ~80 ms and ~50 MB of heap to load) is never loaded. wink's tagger is
// itself a lexicon and context rules: every word gets its most likely part of speech, then two
// small state machines of the model rewrite a tag where the context says so (and the word may take
// that tag); sentence ends come from two more machines over words and hints. This module runs the
// same machines (their data copied from the model) over the same facts, with wink's way of
// splitting text into words: the fast paths (a whole word the lexicon knows, a word and one mark)
// without regular expressions, the rest with the model's own token patterns, which only ever see
// a run without spaces of at most 48 characters (tagger.ts hides longer ones).
import { readFileSync } from 'node:fs';
import type { RunWords } from '../text/tokens.js';
import { BLOCKS, CLUSTERS, EXCEPTIONS, POS_MACHINES, PRESERVE, SBD_MACHINES, SPACES, TAGS, TREX } from './lexicon.generated.js';

// tag numbers of the model
const T_ADJ = 1;
const T_NOUN = 8;
const T_SPACE = 14;
const T_VERB = 16;
const HINT = 1080000;
const OTHERWISE = 2070003;
const EOS = 2070000;

/** What is known of a word: its tag, the cluster of tags it may take, its hint, sentence-end symbol, lemma(s). */
interface Entry {
  pos: number;
  cid: number;
  hint: number;
  sbd: number;
  /** A base form (for the lemmatizer's look-ups), and the cluster of the word itself. */
  base: boolean;
  own: number;
  /** One dictionary form, or one per tag: [adj, noun, verb, other]. */
  lemma: string | string[] | undefined;
  /** A contraction's pieces. */
  pieces?: Piece[];
  /** The forms a capitalised spelling outside the lexicon takes from this word, where they differ from its own. */
  cased?: string[];
  /** The word in lower case. */
  lc: string;
  /** Its token's facts (made at first use). */
  info?: Info;
}
interface Piece {
  text: string;
  pos: number;
  lemma: string;
  cid: number;
  hint: number;
  sbd: number;
  /** Its token's facts (made at first use). */
  info?: Info;
}

// The lexicon's lines (lexicon.txt, beside this module in src/ and in dist/), read at first use.
let LEXICON = '';
function lexiconText(): string {
  if (!LEXICON) LEXICON = readFileSync(new URL('./lexicon.txt', import.meta.url), 'utf8');
  return LEXICON;
}

/** The first word of block b of the lexicon (a block's first line shares nothing with the one before). */
function headOf(data: string, b: number): string {
  const at = BLOCKS[b];
  return data.slice(at + 1, data.indexOf(' ', at + 1));
}

/** The line of a word in the lexicon (after the word), or undefined: a binary search over the blocks, then a walk in one. */
function findLine(word: string): string | undefined {
  const data = lexiconText();
  if (!isAscii(word)) word = toAscii(word);
  let lo = 0;
  let hi = BLOCKS.length - 1;
  // the last block whose first word is at most the word
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (headOf(data, mid) <= word) lo = mid;
    else hi = mid - 1;
  }
  const end = lo + 1 < BLOCKS.length ? BLOCKS[lo + 1] : data.length;
  let prev = '';
  for (let at = BLOCKS[lo]; at < end; ) {
    const stop = data.indexOf('~', at);
    const sp = data.indexOf(' ', at + 1);
    const w = prev.slice(0, data.charCodeAt(at) - 48) + data.slice(at + 1, sp);
    if (w === word) {
      const line = data.slice(sp + 1, stop);
      return line.indexOf('^') >= 0 ? fromAscii(line) : line;
    }
    if (w > word) return undefined;
    prev = w;
    at = stop + 1;
  }
  return undefined;
}

// The lexicon is in ASCII: a character above "~" is written "^" and four hex digits (gen-lexicon.mjs).
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 126) return false;
  return true;
}
const toAscii = (s: string) => s.replace(/[^\x00-\x7e]/g, (c) => `^${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const fromAscii = (s: string) => s.replace(/\^([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

// Words looked up so far (null: not in the lexicon): answers use the same few thousand words. Kept
// to a bound, so that a batch of answers full of new words cannot make it grow without end.
const seen = new Map<string, Entry | null>();
const SEEN_MAX = 100_000;

const sbdOf = (code: string | undefined): number => (!code ? 0 : code[0] === 'k' ? Number(code.slice(1)) : HINT + Number(code));
const unEdit = (word: string, e: string): string => word.slice(0, word.length - (e.charCodeAt(0) - 48)) + e.slice(1);

function decode(word: string, line: string): Entry {
  const f = line.split(' ');
  if (f[0] === '*') {
    const pieces = f[1].split('#').map((p) => {
      const [text, pos, lemma, cid, hint, sbd] = p.split('@');
      return { text, pos: Number(pos), lemma, cid: Number(cid), hint: Number(hint) || 0, sbd: sbdOf(sbd) };
    });
    const first = pieces[0];
    return { pos: first.pos, cid: first.cid, hint: 0, sbd: 0, base: false, own: 0, lemma: undefined, pieces, lc: word.toLowerCase() };
  }
  const base = f[4] ?? '';
  const lem = f[5];
  const lc = word.toLowerCase();
  return {
    lc,
    cased: f[6] ? f[6].split('|').map((e) => unEdit(lc, e)) : undefined,
    pos: Number(f[0]),
    cid: Number(f[1]),
    hint: Number(f[2]) || 0,
    sbd: sbdOf(f[3]),
    base: base !== '',
    own: base.length > 1 ? Number(base.slice(1)) : Number(f[1]),
    lemma: lem === undefined || lem === '' ? undefined : lem.indexOf('|') >= 0 ? lem.split('|').map((e) => unEdit(word, e)) : unEdit(word, lem),
  };
}

/** The lexicon's entry of a word as written, or undefined. */
function lookup(word: string): Entry | undefined {
  let e = seen.get(word);
  if (e === undefined) {
    const line = findLine(word);
    e = line === undefined ? null : decode(word, line);
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.set(word, e);
  }
  return e ?? undefined;
}

// Runs between spaces as the reader meets them, and how they read, in a table of our own: a run is
// looked up by its characters in the text (hashed as they are read, compared in place), so a run
// met before costs no string, no look-up in the lexicon and no pattern (how a run reads depends on
// its characters alone). It doubles when half full, up to 2^RUN_BITS slots; full at that size,
// it starts afresh.
const RUN_BITS = 17;
let runMask = (1 << 11) - 1;
let runWords: (string | undefined)[] = new Array(runMask + 1);
let runsRead: ReadRun[] = new Array(runMask + 1);
let runCount = 0;
const breaks = new Map<string, Info>();

const runHash = (text: string, from: number, to: number) => {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return finishHash(h);
};
/** The last step of runHash, for a hash summed as the run was read (read() does so). */
const finishHash = (h: number) => h ^ (h >>> 15);

/** Whether text has word at `from` (a loop over the codes: startsWith at a position cost more for these short words). */
function sameAt(text: string, from: number, word: string): boolean {
  for (let q = 0; q < word.length; q++) if (text.charCodeAt(from + q) !== word.charCodeAt(q)) return false;
  return true;
}

/** The run text[from, to), whose runHash is `hash`, when it was read before. */
function runReadAt(text: string, from: number, to: number, hash: number): ReadRun | undefined {
  const length = to - from;
  let slot = hash & runMask;
  for (let w = runWords[slot]; w !== undefined; w = runWords[slot]) {
    if (w.length === length && sameAt(text, from, w)) return runsRead[slot];
    slot = (slot + 1) & runMask;
  }
  return undefined;
}

function keepRun(word: string, run: ReadRun): void {
  if (runCount >= (runMask + 1) >> 1) growRuns();
  let slot = runHash(word, 0, word.length) & runMask;
  while (runWords[slot] !== undefined) slot = (slot + 1) & runMask;
  runWords[slot] = word;
  runsRead[slot] = run;
  runCount++;
}

function growRuns(): void {
  const size = runMask + 1;
  const [words, read] = [runWords, runsRead];
  runCount = 0;
  if (size >= 1 << RUN_BITS) {
    runWords = new Array(size);
    runsRead = new Array(size);
    return;
  }
  runMask = size * 2 - 1;
  runWords = new Array(size * 2);
  runsRead = new Array(size * 2);
  for (let k = 0; k < size; k++) {
    const w = words[k];
    if (w === undefined) continue;
    let slot = runHash(w, 0, w.length) & runMask;
    while (runWords[slot] !== undefined) slot = (slot + 1) & runMask;
    runWords[slot] = w;
    runsRead[slot] = read[k];
    runCount++;
  }
}

// ---- the lemmatizer (wink-eng-lite-web-model's lemmatize.js, over the lexicon) ----

const POS_ID: Record<string, number> = { ADJ: 1, NOUN: 8, VERB: 16 };
const clusterSets = CLUSTERS.map((c) => new Set(c));

function hasSamePOS(text: string, pos: string): boolean {
  const e = lookup(text);
  if (!e || e.pieces || !e.base) return false;
  return clusterSets[e.own].has(POS_ID[pos]);
}

function lemmatizeAdjective(value: string): string {
  const ex = EXCEPTIONS.ADJ[value];
  if (ex) return ex;
  let lemma = value.replace(/est$|er$/, '');
  if (lemma.length === value.length) return value;
  if (hasSamePOS(lemma, 'ADJ')) return lemma;
  lemma += 'e';
  return hasSamePOS(lemma, 'ADJ') ? lemma : value;
}
function lemmatizeVerb(value: string): string {
  const ex = EXCEPTIONS.VERB[value];
  if (ex) return ex;
  let lemma = value.replace(/s$/, '');
  if (lemma.length !== value.length && hasSamePOS(lemma, 'VERB')) return lemma;
  lemma = value.replace(/ies$/, 'y');
  if (lemma.length !== value.length && hasSamePOS(lemma, 'VERB')) return lemma;
  lemma = value.replace(/es$|ed$|ing$/, '');
  if (lemma.length !== value.length) {
    if (hasSamePOS(lemma, 'VERB')) return lemma;
    lemma += 'e';
    if (hasSamePOS(lemma, 'VERB')) return lemma;
  }
  return value;
}
const NOUN_RULES: [RegExp, string][] = [[/s$/, ''], [/ses$/, 's'], [/xes$/, 'x'], [/zes$/, 's'], [/ves$/, 'f'], [/ches$/, 'ch'], [/shes$/, 'sh'], [/ies$/, 'y']];
function lemmatizeNoun(value: string): string {
  const ex = EXCEPTIONS.NOUN[value];
  if (ex) return ex;
  for (const [re, by] of NOUN_RULES) {
    const lemma = value.replace(re, by);
    if (lemma.length !== value.length && hasSamePOS(lemma, 'NOUN')) return lemma;
  }
  return value.replace(/men$/, 'man');
}
function lemmatize(value: string, pos: number): string {
  return pos === T_ADJ ? lemmatizeAdjective(value) : pos === T_NOUN ? lemmatizeNoun(value) : pos === T_VERB ? lemmatizeVerb(value) : value;
}

// ---- words: wink's tokenizer over the lexicon ----

/**
 * What is known of a token that depends on its text alone: shared by every token of the same
 * word (an entry's, a contraction piece's, an unknown word's), worked out once.
 */
interface Info {
  /** Tag before the context rules. */
  pos: number;
  /** Fixed (a contraction's piece: the rules do not change its tag). */
  fixed: boolean;
  hint: number;
  cid: number;
  sbd: number;
  /** Whether this is a line break alone (the sentence-end machines skip it). */
  lf: boolean;
  /** The fixed lemma, or the entry (lemma by final tag), or the normal form (unknown word). */
  lemma: string | string[] | undefined;
  normal: string;
}

/**
 * A distinct run between spaces, as the tagger's callers see it: its length, and its words as the
 * tokenizer splits them, kept here by the language layer the first time it asks (src/text/tokens.ts's
 * runWords), so that a run met again needs no second look-up of its words.
 */
export interface Run {
  readonly length: number;
  words: RunWords | undefined;
}

/** How a run between spaces reads, worked out the first time it is met: its tokens as [offset, length, info] triples. */
interface ReadRun extends Run {
  readonly tokens: (number | Info)[];
}

// token categories of the model
const C_UNK = 0;
const C_WORD = 1;
const C_WORD_RP = 15;
const C_PUNCT = 12;
const TCAT2POS: number[] = [];
TCAT2POS[0] = 17;
TCAT2POS[2] = 9;
TCAT2POS[3] = 15;
TCAT2POS[4] = 15;
TCAT2POS[5] = 12;
TCAT2POS[6] = 15;
TCAT2POS[7] = 15;
TCAT2POS[8] = 15;
TCAT2POS[9] = 15;
TCAT2POS[10] = 11;
TCAT2POS[11] = 15;
TCAT2POS[12] = 13;
TCAT2POS[13] = 15;
TCAT2POS[14] = 14;
TCAT2POS[18] = 9;
const SUFFIX2POS: Record<string, number> = { ing: 16, ed: 16, ly: 3, able: 1, tish: 1, like: 1, ous: 1, ful: 1, ary: 1, less: 1, ier: 1, est: 1, fy: 1, ky: 1, es: 8, er: 8, or: 8, ity: 8, ion: 8, llah: 12, stan: 12, gton: 12, abad: 12, land: 12, pur: 12, tnam: 12 };
const PREFIX2POS: Record<string, number> = { anti: 1, post: 1, non: 1, cross: 8 };
const RGX_LC = /^[a-z][a-z\-\u2013\u2014.]*$/;
const RGX_TC = /^[A-Z][a-z\-\u2013\u2014.]*$/;

const rx = (r: (string | number)[]): [RegExp, number] => [new RegExp(r[0] as string, r[1] as string), r[2] as number];
let compiled: { ltc: [RegExp, number][]; rtc: [RegExp, number][]; anyWithRP: RegExp; anyWithLP: RegExp; LPanyRP: RegExp } | undefined;
function trex() {
  return (compiled ??= {
    ltc: TREX.ltc.map(rx),
    rtc: TREX.rtc.map(rx),
    anyWithRP: new RegExp(TREX.anyWithRP[0], TREX.anyWithRP[1]),
    anyWithLP: new RegExp(TREX.anyWithLP[0], TREX.anyWithLP[1]),
    LPanyRP: new RegExp(TREX.LPanyRP[0], TREX.LPanyRP[1]),
  });
}
const preservePrefix = new Set(PRESERVE.prefix);
const preserveSuffix = new Set(PRESERVE.suffix);

/** The default tag wink gives a word not in its lexicon (the model's feature.pos). */
function unknownPos(word: string, category: number): number {
  let pos = 0;
  if (category === C_WORD) {
    const lc = lookup(word.toLowerCase());
    if (lc) {
      const p = lc.pieces ? lc.pieces[0].pos : lc.pos;
      pos = p === 8 || p === 1 ? 12 : p;
    } else if (!RGX_LC.test(word)) pos = 12;
    else {
      const w = word.toLowerCase();
      pos = SUFFIX2POS[w.slice(-4)] || SUFFIX2POS[w.slice(-3)] || SUFFIX2POS[w.slice(-2)] || PREFIX2POS[w.slice(0, 5)] || PREFIX2POS[w.slice(0, 4)] || PREFIX2POS[w.slice(0, 3)] || PREFIX2POS[w.slice(0, 2)] || 8;
    }
  }
  return pos || TCAT2POS[category] || (RGX_TC.test(word) ? 12 : 8);
}

// The reader's tokens, as parallel lists (where each is, whether spaces came before it, what it
// is): scratch lists kept from one text to the next (a reader never starts inside another), so a
// text's tokens do not grow lists of their own; the tagger copies out what it hands on.
const tokStarts: number[] = [];
const tokEnds: number[] = [];
const tokSpaced: boolean[] = [];
const tokInfos: Info[] = [];
// (and its runs between spaces, in order: where each starts, and which it is)
const runStartList: number[] = [];
const runList: Run[] = [];

class Reader {
  /** Tokens read so far (the first of the scratch lists). */
  count = 0;
  readonly starts = tokStarts;
  readonly ends = tokEnds;
  readonly spacedBefore = tokSpaced;
  readonly infos = tokInfos;
  /** Runs read so far. */
  runsMet = 0;
  readonly runStarts = runStartList;
  readonly runs = runList;
  private spaced = false;
  constructor(private readonly text: string) {}

  private push(start: number, end: number, info: Info): void {
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.spacedBefore[k] = this.spaced;
    this.infos[k] = info;
    this.spaced = false;
  }

  /** A token the lexicon knows (or its pieces), at `start`; false when it does not know it. */
  addIfKnown(word: string, start: number): boolean {
    const e = lookup(word);
    if (!e) return false;
    this.addEntry(e, start, word.length);
    return true;
  }

  /** The token of a word the lexicon knows (or its pieces), `length` characters at `start`. */
  private addEntry(e: Entry, start: number, length: number): void {
    if (e.pieces) {
      let at = start;
      const end = start + length;
      for (const p of e.pieces) {
        const to = Math.min(end, at + p.text.length);
        this.push(at, to, (p.info ??= { pos: p.pos, fixed: true, hint: p.hint, cid: p.cid, sbd: p.sbd, lf: false, lemma: p.lemma, normal: p.lemma }));
        at = to;
      }
      return;
    }
    this.push(start, start + length, (e.info ??= { pos: e.pos, fixed: false, hint: e.hint, cid: e.cid, sbd: e.sbd, lf: false, lemma: e.lemma ?? e.lc, normal: e.lc }));
  }

  /** A token the lexicon does not know, of a category (wink's cache.add and feature functions). */
  addUnknown(word: string, category: number, start: number): void {
    const lc = word.toLowerCase();
    const lcEntry = lc === word ? undefined : lookup(lc);
    const known = lcEntry && !lcEntry.pieces ? lcEntry : undefined;
    let sbd = known ? known.sbd : 0;
    if (!known && /[a-z].*\.$/i.test(word)) sbd = HINT + (lc.length === 2 ? 8 : 7);
    const lemma = known ? (known.cased ?? known.lemma ?? lc) : undefined;
    this.push(start, start + word.length, { pos: unknownPos(word, category), fixed: false, hint: 0, cid: known ? known.cid : 0, sbd, lf: false, lemma, normal: lc });
  }

  /** A run of line breaks and tabs. */
  addBreak(run: string, start: number): void {
    let info = breaks.get(run);
    if (info === undefined) {
      const s = SPACES[run];
      info = { pos: s ? s[0] : T_SPACE, fixed: false, hint: 0, cid: s ? s[1] : 0, sbd: s ? s[2] : 0, lf: run === '\n', lemma: run, normal: run };
      if (breaks.size < 1000) breaks.set(run, info);
    }
    this.push(start, start + run.length, info);
  }

  /** Reads the text: runs of spaces (remembered), of line breaks (tokens), and words between. */
  read(): void {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        while (i < n && text.charCodeAt(i) === 32) i++;
        this.spaced = true;
        continue;
      }
      if (c === 10 || c === 13 || c === 9) {
        const s = i;
        while (i < n && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 9)) i++;
        this.addBreak(text.slice(s, i), s);
        continue;
      }
      const s = i;
      // (the run's hash is summed as its end is looked for: its characters are read once here)
      let h = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 32 || d === 10 || d === 13 || d === 9) break;
        h = (Math.imul(h, 31) + d) | 0;
        i++;
      }
      // a run is read once: met again, its tokens are looked up where it stands, without a string
      let run = runReadAt(text, s, i, finishHash(h));
      if (run === undefined) {
        const first = this.count;
        const word = text.slice(s, i);
        const e = lookup(word);
        if (e) this.addEntry(e, s, word.length);
        else this.process(word, this.category(word), s);
        const tokens: (number | Info)[] = [];
        for (let k = first; k < this.count; k++) tokens.push(this.starts[k] - s, this.ends[k] - this.starts[k], this.infos[k]);
        run = { length: word.length, words: undefined, tokens };
        keepRun(word, run);
      } else {
        const tokens = run.tokens;
        for (let k = 0; k < tokens.length; k += 3) {
          const at = s + (tokens[k] as number);
          this.push(at, at + (tokens[k + 1] as number), tokens[k + 2] as Info);
        }
      }
      this.runStarts[this.runsMet] = s;
      this.runs[this.runsMet++] = run;
    }
  }

  private category(word: string): number {
    // the common cases without the patterns: letters only, letters and one closing mark
    let k = 0;
    const n = word.length;
    while (k < n && isAsciiLetter(word.charCodeAt(k))) k++;
    if (k === n) return C_WORD;
    if (k === n - 1 && k > 0 && CLOSERS.has(word.charCodeAt(k))) return C_WORD_RP;
    for (const [re, cat] of trex().ltc) if (re.test(word)) return cat;
    return C_UNK;
  }

  private process(word: string, cat: number, start: number): void {
    if (cat === C_UNK) return this.processUnk(word, start);
    if (cat === C_WORD_RP) {
      const n = word.length;
      if (n === 2 && word[1] === '.') this.addKnownOr(word, C_WORD, start);
      else {
        this.addKnownOr(word.slice(0, -1), C_WORD, start);
        this.addKnownOr(word.slice(-1), C_PUNCT, start + n - 1);
      }
      return;
    }
    this.addKnownOr(word, cat, start);
  }

  /** wink's processUnk: a word with a closing mark, an opening mark, both, or the patterns in turn. */
  private processUnk(text: string, start: number): void {
    const t = trex();
    let m = t.anyWithRP.exec(text);
    if (m) {
      const left = m[1];
      if (!this.addIfKnown(left, start)) {
        const cat = this.category(left);
        if (cat === C_UNK) return this.recursive(text, start);
        this.process(left, cat, start);
      }
      this.addKnownOr(m[2], C_PUNCT, start + left.length);
      return;
    }
    m = t.anyWithLP.exec(text);
    if (m) {
      const [, lp, rest] = m;
      if (lookup(rest)) {
        this.addKnownOr(lp, C_PUNCT, start);
        this.addIfKnown(rest, start + lp.length);
      } else {
        const cat = this.category(rest);
        if (cat === C_UNK) return this.recursive(text, start);
        this.addKnownOr(lp, C_PUNCT, start);
        this.process(rest, cat, start + lp.length);
      }
      return;
    }
    m = t.LPanyRP.exec(text);
    if (m) {
      const [, lp, mid, rp] = m;
      if (lookup(mid)) {
        this.addKnownOr(lp, C_PUNCT, start);
        this.addIfKnown(mid, start + lp.length);
        this.addKnownOr(rp, C_PUNCT, start + lp.length + mid.length);
      } else {
        const cat = this.category(mid);
        if (cat === C_UNK) return this.recursive(text, start);
        this.addKnownOr(lp, C_PUNCT, start);
        this.process(mid, cat, start + lp.length);
        this.addKnownOr(rp, C_PUNCT, start + lp.length + mid.length);
      }
      return;
    }
    this.recursive(text, start);
  }

  /** wink's _addToken: the lexicon's entry when there is one (its cache holds every lexeme), else an unknown token. */
  addKnownOr(word: string, cat: number, start: number): void {
    if (!this.addIfKnown(word, start)) this.addUnknown(word, cat, start);
  }

  /** wink's recursive tokenizer: the model's patterns in turn, each splitting what the ones before left. */
  private recursive(text: string, start: number): void {
    this.unit(text, start, 0);
  }

  private unit(text: string, start: number, r: number): void {
    // (wink trims each piece; within a run without spaces only its own edges could be spaces: none)
    const rtc = trex().rtc;
    if (r >= rtc.length) {
      this.addKnownOr(text, C_UNK, start);
      return;
    }
    const [re, cat] = rtc[r];
    re.lastIndex = 0;
    let at = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      if (m.index > at) this.unit(text.slice(at, m.index), start + at, r + 1);
      if (cat === C_WORD) this.wordToken(m[0], start + m.index);
      else this.addKnownOr(m[0], cat, start + m.index);
      at = m.index + m[0].length;
    }
    if (at < text.length) this.unit(text.slice(at), start + at, r + 1);
  }

  private wordToken(tkn: string, start: number): void {
    const pieces: [string, number][] = [];
    pushWordToken(tkn, pieces);
    let at = start;
    for (const [p, cat] of pieces) {
      this.addKnownOr(p, cat, at);
      at += p.length;
    }
  }
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
// the closing marks of the model's "word and a mark" category
const CLOSERS = new Set([...'’”"])}…,.!;?/:'].map((c) => c.charCodeAt(0)));

const RGX_SHORT_FORM_DOT = /^(?:(?:[A-Z])(?:\.))+$/i;
const RGX_SHORT_FORM = /^(?:(?:[A-Z])(?:\.))+[a-z]?$/i;
const RGX_HYPHENS = /[-\u2013\u2014]/g;
const RGX_NUMBER = /[0-9]/;

function pushHyphenated(tkn: string, out: [string, number][]): void {
  if (lookup(tkn) || RGX_NUMBER.test(tkn)) {
    out.push([tkn, C_WORD]);
    return;
  }
  const hyphens = tkn.match(RGX_HYPHENS);
  if (hyphens === null) {
    out.push([tkn, C_WORD]);
    return;
  }
  const words = tkn.split(RGX_HYPHENS);
  if (preservePrefix.has(words[0]) || preserveSuffix.has(words[words.length - 1])) {
    out.push([tkn, C_WORD]);
    return;
  }
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== '') out.push([words[i], C_WORD]);
    if (i < hyphens.length) out.push([hyphens[i], C_PUNCT]);
  }
}

function pushWordToken(tkn: string, out: [string, number][]): void {
  if (lookup(tkn) || RGX_SHORT_FORM_DOT.test(tkn)) {
    out.push([tkn, C_WORD]);
    return;
  }
  if (tkn.indexOf('.') < 0) {
    pushHyphenated(tkn, out);
    return;
  }
  const words = tkn.split('.');
  const periods = words.length - 1;
  let curr = '';
  let next = '';
  for (let i = 0; i < words.length; i++) {
    next = curr + words[i];
    if (RGX_SHORT_FORM.test(next) || (lookup(next) && next.length > 2) || curr === '') curr = next;
    else {
      pushHyphenated(curr, out);
      curr = words[i];
      next = '';
    }
    if (i < periods) {
      next = curr + '.';
      if (RGX_SHORT_FORM.test(next) || (lookup(next) && next.length > 2)) curr = next;
      else {
        pushHyphenated(curr, out);
        out.push(['.', C_PUNCT]);
        curr = '';
        next = '';
      }
    }
  }
  if (curr !== '') pushHyphenated(curr, out);
}

// ---- the model's state machines (wink-nlp's automaton.js, recognize) ----

// wink's machines are objects keyed by symbol (a tag, a hint + 1,080,000, a word's id); here each
// is compiled once into a dense table over the symbols it names (classes), -1 for any other.
interface Machine {
  /** Symbol → class. */
  classes: Map<number, number>;
  /** The same for the symbols from -1 to DENSE (at symbol + 1) and from HINT to HINT + DENSE (tags, hints: most of them), by index (-1: none). */
  low: Int32Array;
  hints: Int32Array;
  width: number;
  /** next[state * width + class]: the next state (0: none, back to the root). */
  next: Int32Array;
  otherwise: Int32Array;
  terminal: (string | undefined)[];
  marks: ([number, number] | undefined)[];
}
const machine = (json: string): Machine => {
  const m = JSON.parse(json);
  const fsm: Record<string, Record<string, number>> = m[2];
  const classes = new Map<number, number>();
  for (const st of Object.values(fsm)) for (const k of Object.keys(st)) if (k !== String(OTHERWISE) && /^\d+$/.test(k) && !classes.has(Number(k))) classes.set(Number(k), classes.size);
  const states = Number(m[1]) + 1;
  const width = classes.size;
  const next = new Int32Array(states * width);
  const otherwise = new Int32Array(states);
  for (const [state, st] of Object.entries(fsm)) {
    for (const [k, to] of Object.entries(st)) {
      if (k === String(OTHERWISE)) otherwise[Number(state)] = to;
      else if (classes.has(Number(k))) next[Number(state) * width + classes.get(Number(k))!] = to;
    }
  }
  const terminal: (string | undefined)[] = new Array(states);
  const marks: ([number, number] | undefined)[] = new Array(states);
  for (const [state, name] of Object.entries(m[3] as Record<string, string>)) terminal[Number(state)] = name;
  for (const [state, mark] of Object.entries(m[4] as Record<string, [number, number]>)) marks[Number(state)] = mark;
  const low = new Int32Array(DENSE + 1).fill(-1);
  const hints = new Int32Array(DENSE).fill(-1);
  for (const [symbol, c] of classes) {
    if (symbol >= -1 && symbol < DENSE) low[symbol + 1] = c;
    else if (symbol >= HINT && symbol < HINT + DENSE) hints[symbol - HINT] = c;
  }
  return { classes, low, hints, width, next, otherwise, terminal, marks };
};
const DENSE = 128;
let posMachines: Machine[] | undefined;
let sbdMachines: Machine[] | undefined;

/** The symbols as classes of a machine (-1: a symbol it does not name; SKIP is kept). */
function classify(mc: Machine, symbols: Int32Array, skip: number, n: number): Int32Array {
  const out = (classScratch = room(classScratch, n));
  const { low, hints, classes } = mc;
  for (let k = 0; k < n; k++) {
    const s = symbols[k];
    if (s === skip) out[k] = SKIP;
    else if (s >= -1 && s < DENSE) out[k] = low[s + 1];
    else if (s >= HINT && s < HINT + DENSE) out[k] = hints[s - HINT];
    else out[k] = classes.get(s) ?? -1;
  }
  return out;
}
const SKIP = -2;

// Scratch for a text's tags, symbols and classes (the tagger never starts inside itself): grown to
// the longest text read, where each text had lists of its own. Only the first n entries are read.
let tagScratch: Int32Array = new Int32Array(256);
let symbolScratch: Int32Array = new Int32Array(256);
let sbdScratch: Int32Array = new Int32Array(256);
let classScratch: Int32Array = new Int32Array(256);
const room = (a: Int32Array, n: number): Int32Array => (a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2)));

/**
 * Matches [first, last, name] of a machine over the symbols' classes, as wink's recognize (automaton.js)
 * finds them: SKIP is passed over, and swaps (an earlier machine's matches) are read as one symbol
 * the machine does not name. As in wink, a failed attempt restarts one token later, and a match
 * ends at most a pattern's length on: the model's patterns are a few tokens long.
 */
function recognize(mc: Machine, cls: Int32Array, length: number, swaps?: Map<number, number>): [number, number, string][] {
  const { next, otherwise, terminal, marks, width } = mc;
  const eos = mc.classes.get(EOS) ?? -1;
  const patterns: [number, number, string][] = [];
  const push = (first: number, last: number, state: number) => {
    const name = terminal[state]!;
    if (name === '0') return;
    const mark = marks[state];
    if (mark) {
      first += mark[0];
      last -= mark[1];
    }
    patterns.push([first, last, name]);
  };
  let first = 0;
  let state = 0;
  let lastOtherwiseIndex = 0;
  let lastOtherwiseState = 0;
  let delta = 1;
  for (let i = 0; i <= length; i++) {
    for (let j = i; j <= length; j += delta) {
      let c = j === length ? eos : cls[j];
      if (c === SKIP) continue;
      const sw = swaps?.get(j);
      if (sw !== undefined) {
        c = -1;
        delta = sw - j + 1;
      } else delta = 1;
      let ns = c < 0 ? 0 : next[state * width + c];
      if (!state && ns) first = j;
      if (terminal[ns] !== undefined) {
        push(first, j + delta - 1, ns);
        i = j;
        j = length + 100;
        ns = 0;
        lastOtherwiseState = 0;
      } else if (ns === 0) {
        if (lastOtherwiseState) {
          push(first, lastOtherwiseIndex, lastOtherwiseState);
          i = lastOtherwiseIndex;
          j = length + 100;
          ns = 0;
          lastOtherwiseState = 0;
        } else j = length + 100;
      }
      state = ns;
      const other = otherwise[state];
      if (other) {
        lastOtherwiseIndex = j + delta - 1;
        lastOtherwiseState = other;
      }
    }
  }
  return patterns;
}

export interface LeanTagged {
  starts: number[];
  ends: number[];
  pos: string[];
  lemmas: string[];
  /** Sentences as [first token, last token] over the tokens above (whitespace tokens among them). */
  sentences: [number, number][];
  /** The runs between spaces, in order, and where each starts. */
  runStarts: number[];
  runs: Run[];
}

/** Tags a piece of text as wink would: every token (line breaks too, tagged SPACE), its tag and lemma, and the sentences by token. */
export function leanTag(text: string): LeanTagged {
  const reader = new Reader(text);
  reader.read();
  const { infos, spacedBefore } = reader;
  const n = reader.count;
  // parts of speech: the default tags, then each machine's rewrites
  const tags = (tagScratch = room(tagScratch, n));
  for (let k = 0; k < n; k++) tags[k] = infos[k].pos || T_NOUN;
  posMachines ??= POS_MACHINES.map(machine);
  const symbols = (symbolScratch = room(symbolScratch, n));
  for (const mc of posMachines) {
    for (let k = 0; k < n; k++) symbols[k] = infos[k].hint ? infos[k].hint + HINT : tags[k];
    for (const [idx, , name] of recognize(mc, classify(mc, symbols, 0, n), n)) {
      const target = Number(name);
      if (target < 0) tags[idx] = -target;
      else if (clusterSets[infos[idx].cid].has(target)) tags[idx] = target;
    }
  }
  // sentence ends
  sbdMachines ??= SBD_MACHINES.map(machine);
  const sbd = (sbdScratch = room(sbdScratch, n));
  for (let k = 0; k < n; k++) {
    const t = infos[k];
    sbd[k] = t.lf ? -2 : t.sbd === HINT + 4 && spacedBefore[k] ? HINT + 6 : t.sbd || -1;
  }
  let px: [number, number, string][] | undefined;
  for (const mc of sbdMachines) {
    const swaps = px ? new Map(px.map((p) => [p[0], p[1]])) : undefined;
    px = recognize(mc, classify(mc, sbd, -2, n), n, swaps);
  }
  const sentences: [number, number][] = [];
  let si: [number, number] = [0, n - 1];
  for (let k = 0; k < px!.length; k++) {
    si[1] = px![k][0];
    if (k < px!.length - 1) {
      sentences.push(si);
      si = [px![k][0] + 1, n - 1];
    }
  }
  sentences.push(si);
  if (si[1] < n - 1) sentences.push([si[1] + 1, n - 1]);
  const out: LeanTagged = { starts: new Array(n), ends: new Array(n), pos: new Array(n), lemmas: new Array(n), sentences, runStarts: reader.runStarts.slice(0, reader.runsMet), runs: reader.runs.slice(0, reader.runsMet) };
  for (let k = 0; k < n; k++) {
    const t = infos[k];
    out.starts[k] = reader.starts[k];
    out.ends[k] = reader.ends[k];
    const tag = t.fixed ? t.pos : tags[k];
    out.pos[k] = TAGS[tag] ?? 'X';
    const l = t.lemma;
    out.lemmas[k] = typeof l === 'string' ? l : l ? l[tag === T_ADJ ? 0 : tag === T_NOUN ? 1 : tag === T_VERB ? 2 : 3] : lemmatize(t.normal, tag);
  }
  return out;
}
