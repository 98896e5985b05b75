#!/usr/bin/env node
// Writes src/language/lexicon.generated.ts and src/language/lexicon.txt: what the lean tagger (src/language/tagger.ts) knows of
// English, taken once from wink-nlp's English model (wink-eng-lite-web-model), so that the
// analyzer no longer loads the model (3 MB of JSON, ~80 ms and ~50 MB of heap at every start).
// Usage: node scripts/gen-lexicon.mjs [--check: only say whether the committed file is up to date]   (needs wink-nlp and wink-eng-lite-web-model installed;
// the output is committed, so a build does not).
//
// What is taken, per word of the model's lexicon (87,593 entries; those with curly quotes are left
// out, as the tagger is given straight ones, and whitespace is kept apart):
// - its most likely part of speech, the parts of speech it may take (the model's "cluster", by
//   number), its part-of-speech hint (the context rules read hints, not tags, for ~95 words),
//   its sentence-boundary symbol (hint, abbreviation, or the word itself where a rule names it);
// - its dictionary form: one fixed form, or one per part of speech (adjective, noun, verb) for the
//   ~3,000 words whose form depends on the tag, as the model's lemmatizer gives it;
// - contractions ("didn't", "I'm", "cannot") with their pieces, each with its own tag and form;
// and once: the clusters, the model's two context-rule machines for parts of speech and its two
// for sentence ends (small state machines over tags or symbols), the suffix rules for unknown
// words, and the exceptions of the lemmatizer for words outside the lexicon.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const model = require('wink-eng-lite-web-model');
const Cache = require('wink-nlp/src/cache.js');
const lemmatize = require('wink-eng-lite-web-model/dist/lemmatize.js');
const core = model.core();
const cache = Cache(core, model.featureFn);
const N = core.features.lexeme.intrinsicSize;
const L = core.features.lexeme.list;
const POS = core.features.pos.list;
const clusters = core.features.posClusters.list.map((s) => [...s].sort((a, b) => a - b));
const posMachines = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-pos-model.json');
const sbdMachines = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-sbd-model.json');

// the literal words the sentence-end machines name (besides hints): their ids are kept as symbols
const sbdKeys = new Set();
for (const j of sbdMachines) for (const st of Object.values(JSON.parse(j)[2])) for (const k of Object.keys(st)) if (+k < 1080000) sbdKeys.add(+k);

const HINT = 1080000;
const prop = (i, p) => cache.property(i, p);
const cid = (i) => prop(i, 'lexemeCID');

/** The sentence-end machines' symbol for a token of lexeme i (raw) whose normal is n, as wink's transformer computes it; 0 for none. Hint 4 (an ambiguous quote) is kept as 4: the reader checks the space before it. */
function sbdSymbol(raw, n) {
  const mapped = prop(n, 'sbdHint') || prop(raw, 'sbdHint');
  if (mapped) return HINT + mapped;
  if (prop(n, 'isAbbrev')) return HINT + (L[n].length === 2 ? 8 : 7);
  return sbdKeys.has(n) ? n : 0;
}

const LEMMA_POS = ['ADJ', 'NOUN', 'VERB'];
/** The dictionary form of lexeme i under each tag: [fixed] or [adj, noun, verb, other]. */
function lemmaOf(i) {
  const mapped = cache.mappedSpelling(i);
  if (prop(mapped, 'isSLemma') === 1) return [L[prop(mapped, 'lemma')]];
  const value = L[cache.normal(i)];
  return [...LEMMA_POS.map((p) => lemmatize(value, p, cache)), value];
}

/** A dictionary form as an edit of the word: one character for how many letters to drop from its end (code 48 + n), then what to add. */
function edit(word, lemma) {
  let p = 0;
  while (p < word.length && p < lemma.length && word[p] === lemma[p]) p++;
  return esc(String.fromCharCode(48 + word.length - p) + lemma.slice(p));
}
/** A sentence-end symbol: a hint as its number, a word the machines name as k and its id. */
const sbdCode = (sbd) => (!sbd ? '' : sbd >= HINT ? String(sbd - HINT) : `k${sbd}`);
// fields are separated by a space, lines by "~", a contraction's pieces by "#" and their fields by "@": no word of the lexicon holds a space or "~", and no contraction "#" or "@" (checked)
const esc = (s) => {
  if (/[\s~]/.test(s)) throw new Error(`gen-lexicon: ${JSON.stringify(s)} cannot be written`);
  return s;
};
const lines = [];
const spaces = {};
let casedCount = 0;
for (let i = 1; i < N; i++) {
  const w = L[i];
  // the tagger is given straight quotes only (tagger.ts, forTagger)
  if (/[’‘“”]/.test(w)) continue;
  if (/^\s+$/.test(w)) {
    // whitespace runs ("\n", "\n\n", …) apart: tag, cluster, sentence-end symbol
    spaces[w] = [cache.posOf(i), cid(cache.normal(i)), sbdSymbol(i, cache.normal(i))];
    continue;
  }
  const t = cache.lookup(w);
  if (t.length > 1) {
    // a contraction: its pieces (lexeme, normal, lemma, pos), as the tokenizer would add them
    const pieces = [];
    for (let k = 0; k < t.length; k += 4) {
      const normal = core.xpansions[t[k + 1]];
      pieces.push([L[t[k]], POS[t[k + 3]] ? t[k + 3] : 8, L[t[k + 2]], cid(normal), prop(t[k], 'posHint') || 0, sbdCode(sbdSymbol(t[k], normal))].map(String).map((x) => { if (/[#@]/.test(x)) throw new Error(x); return esc(x); }).join('@'));
    }
    lines.push(`${esc(w)} * ${pieces.join('#')}`);
    continue;
  }
  const pos = cache.posOf(cache.mappedSpelling(i)) || 8;
  const n = cache.normal(i);
  const c = cid(n);
  const hint = prop(i, 'posHint') || 0;
  const sbd = sbdSymbol(i, n);
  const lemma = lemmaOf(i);
  const base = prop(i, 'isBaseForm') ? 1 : 0;
  const own = cid(i);
  const lc = w.toLowerCase();
  // word, pos, cluster, hint, sbd, base-form flag (with own cluster when it differs), lemma(s)
  const one = lemma.length === 1 || lemma.every((x) => x === lemma[0]);
  const lem = one ? (lemma[0] === lc ? '' : edit(w, lemma[0])) : lemma.map((x) => edit(w, x)).join('|');
  // the forms a capitalised spelling not in the lexicon gets from this (lower-case) word, where they differ from its own
  let cased = '';
  if (lc === w) {
    const value = L[n];
    const forms = [...LEMMA_POS.map((p) => lemmatize(value, p, cache)), value];
    const ownForms = lemma.length === 1 ? [lemma[0], lemma[0], lemma[0], lemma[0]] : lemma;
    if (forms.some((x, k) => x !== ownForms[k])) {
      casedCount++;
      cased = forms.map((x) => edit(w, x)).join('|');
    }
  }
  const fields = [esc(w), pos, c, hint || '', sbdCode(sbd), base ? (own === c ? '1' : `1${own}`) : '', lem, cased];
  while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop();
  lines.push(fields.join(' '));
}

// the lemmatizer's exceptions for words that are not in the lexicon (an unknown word's form)
const exceptions = {};
for (const [p, file] of [['ADJ', 'wn-adjective-exceptions.js'], ['NOUN', 'wn-noun-exceptions.js'], ['VERB', 'wn-verb-exceptions.js']]) {
  const table = require(`wink-eng-lite-web-model/dist/${file}`);
  const out = {};
  for (const [k, v] of Object.entries(table)) if (cache.lookup(k) === null) out[k] = v;
  exceptions[p] = out;
}

/**
 * The lines sorted, each word written as one character for how many leading characters it shares
 * with the word before (code 48 + n) and the rest; every BLOCK-th line starts a block and shares
 * nothing, so that a word is found by a binary search over the blocks' first words (their offsets
 * in `blocks`) and a short walk in one block, without reading the whole lexicon at start.
 */
const BLOCK = 32;
/**
 * A line in ASCII: every character above "~" as "^" and four hex digits ("^" is in no word of the
 * lexicon: checked), so that the file reads as a one-byte string, fast (a few hundred words have
 * dashes, ellipses or accents).
 */
function ascii(line) {
  if (line.includes('^')) throw new Error(`gen-lexicon: ${JSON.stringify(line)} holds "^"`);
  return line.replace(/[^\x00-\x7e]/g, (c) => `^${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function frontCoded(all) {
  const sorted = all.map(ascii).map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' '))]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let prev = '';
  let text = '';
  const blocks = [];
  sorted.forEach(([w, rest], k) => {
    let p = 0;
    if (k % BLOCK === 0) blocks.push(text.length);
    else while (p < 60 && p < w.length && p < prev.length && w[p] === prev[p]) p++;
    text += String.fromCharCode(48 + p) + w.slice(p) + rest + '~';
    prev = w;
  });
  return { text, blocks };
}
const coded = frontCoded(lines);

const header = `// Generated by scripts/gen-lexicon.mjs from ${require('wink-eng-lite-web-model/package.json').name} ${require('wink-eng-lite-web-model/package.json').version}: do not edit (run the script again).
// lexicon.txt: lines (each ended by "~"; sorted, front-coded in blocks: see frontCoded): word tag cluster [posHint [sbd [base [lemma [lemmas of a capitalised spelling not in the lexicon]]]]] (by spaces), or word * pieces (a contraction).
/* eslint-disable */
`;
const body = `${header}export const TAGS = ${JSON.stringify(POS)};
export const CLUSTERS: number[][] = ${JSON.stringify(clusters)};
export const POS_MACHINES: string[] = ${JSON.stringify(posMachines)};
export const SBD_MACHINES: string[] = ${JSON.stringify(sbdMachines)};
export const SPACES: Record<string, number[]> = ${JSON.stringify(spaces)};
export const TREX = ${JSON.stringify({ ltc: core.trex.ltc, rtc: core.trex.rtc, anyWithRP: core.trex.helpers.anyWithRP, anyWithLP: core.trex.helpers.anyWithLP, LPanyRP: core.trex.helpers.LPanyRP })};
export const PRESERVE = ${JSON.stringify({ prefix: Object.keys(core.preserve.prefix), suffix: Object.keys(core.preserve.suffix) })};
export const EXCEPTIONS: Record<string, Record<string, string>> = ${JSON.stringify(exceptions)};
export const BLOCKS = ${JSON.stringify(coded.blocks)};
`;
const out = fileURLToPath(new URL('../src/language/lexicon.generated.ts', import.meta.url));
// the lines themselves are a text file beside it (the build copies it into dist/): read at first
// use it costs a few ms, where a 1.4 MB string in a module costs ~25 ms to compile at every start
const outText = fileURLToPath(new URL('../src/language/lexicon.txt', import.meta.url));
if (process.argv.includes('--check')) {
  // (the tests: the committed lexicon is the one the installed model gives)
  const same = readFileSync(out, 'utf8') === body && readFileSync(outText, 'utf8') === coded.text;
  console.log(same ? 'gen-lexicon: up to date' : 'gen-lexicon: src/language/lexicon.generated.ts or lexicon.txt differs from what the model gives: run node scripts/gen-lexicon.mjs');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, body);
writeFileSync(outText, coded.text);
console.log(`gen-lexicon: ${casedCount} with forms of their own for a capitalised spelling; ${lines.length} entries, ${((body.length + coded.text.length) / 1024).toFixed(0)} KB → ${out}, ${outText}`);
