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
}
interface Piece {
  text: string;
  pos: number;
  lemma: string;
  cid: number;
  hint: number;
  sbd: number;
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

/** A token of the text: where it is, what is known of it. */
interface Tok {
  start: number;
  end: number;
  /** Tag before the context rules. */
  pos: number;
  /** Fixed (a contraction's piece: the rules do not change its tag). */
  fixed: boolean;
  hint: number;
  cid: number;
  sbd: number;
  /** Spaces before it (an ambiguous quote's sentence-end symbol depends on them). */
  spaced: boolean;
  /** Whether this is a line break alone (the sentence-end machines skip it). */
  lf: boolean;
  /** The fixed lemma, or the entry (lemma by final tag), or the normal form (unknown word). */
  lemma: string | string[] | undefined;
  normal: string;
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

class Reader {
  readonly toks: Tok[] = [];
  private spaced = false;
  constructor(private readonly text: string) {}

  /** A token the lexicon knows (or its pieces), at `start`; false when it does not know it. */
  addIfKnown(word: string, start: number): boolean {
    const e = lookup(word);
    if (!e) return false;
    if (e.pieces) {
      let at = start;
      const end = start + word.length;
      for (const p of e.pieces) {
        const to = Math.min(end, at + p.text.length);
        this.toks.push({ start: at, end: to, pos: p.pos, fixed: true, hint: p.hint, cid: p.cid, sbd: p.sbd, spaced: this.spaced, lf: false, lemma: p.lemma, normal: p.lemma });
        this.spaced = false;
        at = to;
      }
      return true;
    }
    this.toks.push({ start, end: start + word.length, pos: e.pos, fixed: false, hint: e.hint, cid: e.cid, sbd: e.sbd, spaced: this.spaced, lf: false, lemma: e.lemma ?? e.lc, normal: e.lc });
    this.spaced = false;
    return true;
  }

  /** A token the lexicon does not know, of a category (wink's cache.add and feature functions). */
  addUnknown(word: string, category: number, start: number): void {
    const lc = word.toLowerCase();
    const lcEntry = lc === word ? undefined : lookup(lc);
    const known = lcEntry && !lcEntry.pieces ? lcEntry : undefined;
    let sbd = known ? known.sbd : 0;
    if (!known && /[a-z].*\.$/i.test(word)) sbd = HINT + (lc.length === 2 ? 8 : 7);
    const lemma = known ? (known.cased ?? known.lemma ?? lc) : undefined;
    this.toks.push({ start, end: start + word.length, pos: unknownPos(word, category), fixed: false, hint: 0, cid: known ? known.cid : 0, sbd, spaced: this.spaced, lf: false, lemma, normal: lc });
    this.spaced = false;
  }

  /** A run of line breaks and tabs. */
  addBreak(run: string, start: number): void {
    const s = SPACES[run];
    this.toks.push({ start, end: start + run.length, pos: s ? s[0] : T_SPACE, fixed: false, hint: 0, cid: s ? s[1] : 0, sbd: s ? s[2] : 0, spaced: this.spaced, lf: run === '\n', lemma: run, normal: run });
    this.spaced = false;
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
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 32 || d === 10 || d === 13 || d === 9) break;
        i++;
      }
      this.chunk(text.slice(s, i), s);
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

  private chunk(word: string, start: number): void {
    if (this.addIfKnown(word, start)) return;
    const cat = this.category(word);
    this.process(word, cat, start);
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
  return { classes, width, next, otherwise, terminal, marks };
};
let posMachines: Machine[] | undefined;
let sbdMachines: Machine[] | undefined;

/** The symbols as classes of a machine (-1: a symbol it does not name; SKIP is kept). */
function classify(mc: Machine, symbols: ArrayLike<number>, skip: number): Int32Array {
  const out = new Int32Array(symbols.length);
  for (let k = 0; k < symbols.length; k++) out[k] = symbols[k] === skip ? SKIP : (mc.classes.get(symbols[k]) ?? -1);
  return out;
}
const SKIP = -2;

/**
 * Matches [first, last, name] of a machine over the symbols' classes, as wink's recognize (automaton.js)
 * finds them: SKIP is passed over, and swaps (an earlier machine's matches) are read as one symbol
 * the machine does not name. As in wink, a failed attempt restarts one token later, and a match
 * ends at most a pattern's length on: the model's patterns are a few tokens long.
 */
function recognize(mc: Machine, cls: Int32Array, swaps?: Map<number, number>): [number, number, string][] {
  const { next, otherwise, terminal, marks, width } = mc;
  const length = cls.length;
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
}

/** Tags a piece of text as wink would: every token (line breaks too, tagged SPACE), its tag and lemma, and the sentences by token. */
export function leanTag(text: string): LeanTagged {
  const reader = new Reader(text);
  reader.read();
  const toks = reader.toks;
  const n = toks.length;
  // parts of speech: the default tags, then each machine's rewrites
  const tags = new Int32Array(n);
  for (let k = 0; k < n; k++) tags[k] = toks[k].pos || T_NOUN;
  posMachines ??= POS_MACHINES.map(machine);
  const symbols = new Int32Array(n);
  for (const mc of posMachines) {
    for (let k = 0; k < n; k++) symbols[k] = toks[k].hint ? toks[k].hint + HINT : tags[k];
    for (const [idx, , name] of recognize(mc, classify(mc, symbols, 0))) {
      const target = Number(name);
      if (target < 0) tags[idx] = -target;
      else if (clusterSets[toks[idx].cid].has(target)) tags[idx] = target;
    }
  }
  // sentence ends
  sbdMachines ??= SBD_MACHINES.map(machine);
  const sbd = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const t = toks[k];
    sbd[k] = t.lf ? -2 : t.sbd === HINT + 4 && t.spaced ? HINT + 6 : t.sbd || -1;
  }
  let px: [number, number, string][] | undefined;
  for (const mc of sbdMachines) {
    const swaps = px ? new Map(px.map((p) => [p[0], p[1]])) : undefined;
    px = recognize(mc, classify(mc, sbd, -2), swaps);
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
  const out: LeanTagged = { starts: new Array(n), ends: new Array(n), pos: new Array(n), lemmas: new Array(n), sentences };
  for (let k = 0; k < n; k++) {
    const t = toks[k];
    const tag = t.fixed ? t.pos : tags[k];
    out.starts[k] = t.start;
    out.ends[k] = t.end;
    out.pos[k] = TAGS[tag] ?? 'X';
    const l = t.lemma;
    out.lemmas[k] = typeof l === 'string' ? l : l ? l[tag === T_ADJ ? 0 : tag === T_NOUN ? 1 : tag === T_VERB ? 2 : 3] : lemmatize(t.normal, tag);
  }
  return out;
}
