import { createRequire } from 'node:module';
import { isSpaceCode } from '../text/chars.js';
import type { PartOfSpeech } from './types.js';

// Part-of-speech tags, dictionary forms and sentence boundaries come from
// wink-nlp's English model: a trained tagger is right far more often than word lists ("I let him
// explain", "worked" as a verb or an adjective, "rang" as a past). It is loaded on first use.

/**
 * The words as the tagger saw them, in order, by offsets in the text it was given (parallel
 * lists: one entry per word in each, no object per word), and its sentences.
 */
export interface TaggedText {
  starts: number[];
  ends: number[];
  pos: PartOfSpeech[];
  lemmas: string[];
  /** Sentence ranges [start, end) in order, covering the words. */
  sentences: [number, number][];
}

interface WinkDoc {
  tokens(): { out(f?: unknown): unknown[] };
  sentences(): { out(f?: unknown): unknown[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let wink: Wink | undefined;
type WinkNLP = (model: unknown, pipe?: string[]) => Wink;
let provided: { winkNLP: WinkNLP; model: unknown } | undefined;

/**
 * Hands the tagger wink-nlp and its model as already loaded modules, for a build that has them
 * built in (the startup snapshot's bundle, where no package can be required); without this they
 * are required from node_modules on first use.
 */
export function provideWink(winkNLP: WinkNLP, model: unknown): void {
  provided = { winkNLP, model };
}

function loadWink(): Wink {
  if (!wink) {
    let winkNLP = provided?.winkNLP;
    let model = provided?.model;
    if (!winkNLP) {
      const require = createRequire(import.meta.url);
      winkNLP = require('wink-nlp') as WinkNLP;
      model = require('wink-eng-lite-web-model');
    }
    // sentence boundaries and parts of speech; numbers, negation and quotes are read by our own clause and number readers
    wink = winkNLP(model, ['sbd', 'pos']);
  }
  return wink;
}

// The tagger slows with the square of a token's length (64 KB of letters takes seconds), and no
// word is that long: runs without a space longer than this are hidden from it (left untagged).
const MAX_RUN = 48;
// Text is given to the tagger in pieces of at most this many characters, cut at a sentence end
// where there is one, so its cost stays linear whatever the input.
const MAX_PIECE = 4000;

/**
 * The text as the tagger should read it, the same length so offsets carry over: curly quotes
 * straightened (the model reads "I’m" as a name), control and format characters and Unicode
 * spaces blanked (the model drops some spaces, and its offsets then drift), and
 * over-long runs hidden.
 */
function forTagger(text: string): string {
  // one pass says whether anything is to change (most answers: nothing) and whether a run is too long
  let change = false;
  let long = false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) run = 0;
    else if (++run > MAX_RUN) long = true;
    if (!change && isToChange(c)) change = true;
  }
  if (!change) return long ? text.replace(LONG_RUN, (r) => ' '.repeat(r.length)) : text;
  let out = text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2069\u3000\ufeff]/g, ' ');
  // (control characters became spaces: the runs are counted again)
  if (out.length > MAX_RUN && hasLongRun(out)) out = out.replace(LONG_RUN, (r) => ' '.repeat(r.length));
  return out;
}

/** A character the three replacements of forTagger change: ’ ‘ “ ”, control and format characters, Unicode spaces. */
function isToChange(c: number): boolean {
  if (c < 128) return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
  // (Unicode spaces too: the model drops some of them, "\u3000" among them, and its offsets drift)
  return c <= 0x9f || isSpaceCode(c) || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069);
}

/** What isToChange stands for, as a pattern (the tests hold the two together). */
export const TO_CHANGE = /[’‘“”\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2069\u3000\ufeff]/;
export { isToChange };
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g');

/** Whether the text has a run of more than MAX_RUN characters without whitespace (one pass, no regular expression: most texts have none). */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) run = 0;
    else if (++run > MAX_RUN) return true;
  }
  return false;
}

/** Where to cut a piece that is too long: after the last sentence end in it, else the last space. */
function cutAt(text: string, from: number): number {
  const limit = from + MAX_PIECE;
  if (limit >= text.length) return text.length;
  let space = -1;
  for (let i = limit - 1; i > from + MAX_PIECE / 2; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) {
      const prev = text[i - 1];
      if (prev === '.' || prev === '!' || prev === '?') return i;
      if (space < 0) space = i;
    }
  }
  return space > 0 ? space : limit;
}

const POS_TAGS = new Set(['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE']);

/** Tags text[from, to): its words and sentences, with offsets in `text`. */
export function tagText(text: string, from = 0, to = text.length): TaggedText {
  const nlp = loadWink();
  const its = nlp.its;
  const prepared = forTagger(text.slice(from, to));
  const out: TaggedText = { starts: [], ends: [], pos: [], lemmas: [], sentences: [] };
  for (let at = 0; at < prepared.length; ) {
    const end = cutAt(prepared, at);
    const piece = prepared.slice(at, end);
    if (/\S/.test(piece)) readPiece(nlp, its, piece, from + at, out);
    at = end;
  }
  return out;
}

function readPiece(nlp: Wink, its: Record<string, unknown>, piece: string, base: number, out: TaggedText): void {
  const doc = nlp.readDoc(piece);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma) as string[];
  // wink's tokens put back together are the text exactly, so offsets are running lengths
  const starts = new Int32Array(values.length + 1);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    starts[i] = offset;
    offset += values[i].length;
  }
  starts[values.length] = offset;
  for (let i = 0; i < values.length; i++) {
    const tag = POS_TAGS.has(pos[i]) ? (pos[i] as PartOfSpeech) : 'X';
    if (tag === 'SPACE') continue;
    out.starts.push(base + starts[i]);
    out.ends.push(base + starts[i] + values[i].length);
    out.pos.push(tag);
    out.lemmas.push(lemmas[i] ?? values[i].toLowerCase());
  }
  const endOf = (k: number) => base + starts[k] + values[k].length;
  for (const [a, b] of doc.sentences().out(its.span) as [number, number][]) {
    let s = a;
    let e = b;
    while (s <= e && !values[s].trim()) s++;
    while (e >= s && !values[e].trim()) e--;
    if (s <= e) out.sentences.push([base + starts[s], endOf(e)]);
  }
}
