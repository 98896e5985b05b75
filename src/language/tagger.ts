import { isSpaceCode } from '../text/chars.js';
import { leanTag, type Run } from './lean.js';
import type { PartOfSpeech } from './types.js';

// Part-of-speech tags, dictionary forms and sentence boundaries are wink-nlp's English model's
// (wink-eng-lite-web-model): a tagger with context rules is right far more often than word lists
// ("I let him explain", "worked" as a verb or an adjective, "rang" as a past). They are computed
// by lean.ts, which runs the model's own rules over a lexicon generated from it once
// (scripts/gen-lexicon.mjs), without loading the model; its lexicon is read on first use.

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
  /**
   * The runs between spaces the tagger read, in order, and where each starts: none where it hid an
   * over-long run (its words would be missing). A run it read with a character changed
   * (straightened or blanked) is one of this text's own, not the one of the tagger's table, whose
   * words are those of its characters as the tagger read them.
   */
  runStarts: number[];
  runs: Run[];
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
 * over-long runs hidden (`hidden`: whether there was one).
 */
function forTagger(text: string): { text: string; hidden: boolean } {
  // one pass says whether anything is to change (most answers: nothing) and whether a run is too long
  let change = false;
  let long = false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // most characters are printable ASCII: neither a space nor one to change
    if (c > 32 && c < 127) {
      if (++run > MAX_RUN) long = true;
      continue;
    }
    if (isSpaceCode(c)) run = 0;
    else if (++run > MAX_RUN) long = true;
    if (!change && isToChange(c)) change = true;
  }
  if (!change) return { text: long ? text.replace(LONG_RUN, (r) => ' '.repeat(r.length)) : text, hidden: long };
  let out = text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2069\u3000\ufeff]/g, ' ');
  // (control characters became spaces: the runs are counted again)
  const hidden = out.length > MAX_RUN && hasLongRun(out);
  if (hidden) out = out.replace(LONG_RUN, (r) => ' '.repeat(r.length));
  return { text: out, hidden };
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

/** Tags text[from, to): its words and sentences, with offsets in `text`. */
export function tagText(text: string, from = 0, to = text.length): TaggedText {
  const written = text.slice(from, to);
  const { text: prepared, hidden } = forTagger(written);
  const out: TaggedText = { starts: [], ends: [], pos: [], lemmas: [], sentences: [], runStarts: [], runs: [] };
  for (let at = 0; at < prepared.length; ) {
    const end = cutAt(prepared, at);
    const piece = prepared.slice(at, end);
    if (/\S/.test(piece)) readPiece(piece, from + at, out, !hidden);
    at = end;
  }
  if (!hidden && prepared !== written) ownChangedRuns(out, written, prepared, from);
  return out;
}

/** Puts a run of this text's own where the tagger read the run with a character changed ("didn’t" as "didn't"). */
function ownChangedRuns(out: TaggedText, written: string, prepared: string, from: number): void {
  const { runStarts, runs } = out;
  for (let k = 0; k < runs.length; k++) {
    const at = runStarts[k] - from;
    const length = runs[k].length;
    for (let q = at; q < at + length; q++) {
      if (written.charCodeAt(q) !== prepared.charCodeAt(q)) {
        runs[k] = { length, words: undefined };
        break;
      }
    }
  }
}

/** Whether text[from, to) is all whitespace (what `!text.slice(from, to).trim()` says, without the slice). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

function readPiece(piece: string, base: number, out: TaggedText, keepRuns: boolean): void {
  const t = leanTag(piece);
  if (keepRuns) {
    // (its runs too are this call's own: moved to offsets in the text, a first piece's handed on whole)
    const runStarts = t.runStarts;
    for (let k = 0; k < runStarts.length; k++) runStarts[k] += base;
    if (out.runs.length === 0) {
      out.runStarts = runStarts;
      out.runs = t.runs;
    } else {
      for (let k = 0; k < runStarts.length; k++) {
        out.runStarts.push(runStarts[k]);
        out.runs.push(t.runs[k]);
      }
    }
  }
  for (const [a, b] of t.sentences) {
    let s = a;
    let e = b;
    while (s <= e && isBlank(piece, t.starts[s], t.ends[s])) s++;
    while (e >= s && isBlank(piece, t.starts[e], t.ends[e])) e--;
    if (s <= e) out.sentences.push([base + t.starts[s], base + t.ends[e]]);
  }
  // the tagger's lists are this call's own: its words are kept in place, without the SPACE tokens
  // and moved to offsets in the text, and a first piece (most answers are one) hands them on whole
  const n = t.starts.length;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const tag = t.pos[i] as PartOfSpeech;
    if (tag === 'SPACE') continue;
    t.starts[kept] = base + t.starts[i];
    t.ends[kept] = base + t.ends[i];
    t.pos[kept] = tag;
    t.lemmas[kept] = t.lemmas[i];
    kept++;
  }
  t.starts.length = t.ends.length = t.pos.length = t.lemmas.length = kept;
  if (out.starts.length === 0) {
    out.starts = t.starts;
    out.ends = t.ends;
    out.pos = t.pos as PartOfSpeech[];
    out.lemmas = t.lemmas;
    return;
  }
  for (let i = 0; i < kept; i++) {
    out.starts.push(t.starts[i]);
    out.ends.push(t.ends[i]);
    out.pos.push(t.pos[i] as PartOfSpeech);
    out.lemmas.push(t.lemmas[i]);
  }
}
