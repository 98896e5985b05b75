#!/usr/bin/env node
// How far the lean tagger (dist/language/tagger.js) agrees with wink-nlp's tagger, on the words
// the analyzer reads: every answer text of a corpus is read into sentences and tokens by the
// language layer twice, once with each tagger, and the tokens' parts of speech and lemmas and the
// sentence boundaries are compared. wink's tagger is the one of a build of REF (default main),
// built by scripts/engine-ab.mjs into .bench/engines/<commit>/.
// Usage: node scripts/tagger-agreement.mjs [--ref REF] [DIR …]   (default: the benchmark's corpus,
// the same-reports remix and singles corpora; run `node scripts/same-reports.mjs save` once first)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRef } from './engine-ab.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const refAt = args.indexOf('--ref');
const ref = refAt >= 0 ? args.splice(refAt, 2)[1] : 'main';
const dirs = args.length ? args : ['.bench/corpus-2000', '.bench/same-remix', '.bench/same-singles'].map((d) => join(ROOT, d)).filter(existsSync);

const refDist = buildRef(ref).dist;
const load = async (dist) => ({
  language: await import(pathToFileURL(join(dist, 'language', 'index.js')).href),
  answer: await import(pathToFileURL(join(dist, 'answer', 'index.js')).href),
});
const A = await load(refDist);
const B = await load(join(ROOT, 'dist'));

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|txt|ya?ml)$/.test(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const confusions = new Map();
const lemmaDiffs = new Map();
let tokens = 0;
let posSame = 0;
let lemmaSame = 0;
let sentencesA = 0;
let sentencesB = 0;
let sentencesSame = 0;
let texts = 0;
let tokenMismatch = 0;
const count = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
for (const dir of dirs) {
  for (const file of files(dir)) {
    const source = readFileSync(file, 'utf8');
    // the answer's sections as the analyzer reads them (the whole file when it does not parse)
    let bodies = [source];
    try {
      const parsed = B.answer.parseAnswer(source, B.answer.formatForPath(file));
      bodies = parsed.sections.map((s) => s.text);
    } catch {}
    for (const text of bodies) {
    const ranges = [[0, text.length]];
    const sa = A.language.readText(text, ranges);
    const sb = B.language.readText(text, ranges);
    texts++;
    const spans = (ss) => new Set(ss.map((s) => `${s.start}:${s.end}`));
    const xa = spans(sa);
    const xb = spans(sb);
    sentencesA += xa.size;
    sentencesB += xb.size;
    for (const k of xa) if (xb.has(k)) sentencesSame++;
    const ta = sa.flatMap((s) => s.tokens);
    const tb = new Map(sb.flatMap((s) => s.tokens).map((t) => [`${t.start}:${t.end}`, t]));
    for (const t of ta) {
      if (!/[A-Za-z0-9]/.test(t.text)) continue; // words, not marks
      tokens++;
      const u = tb.get(`${t.start}:${t.end}`);
      if (!u) {
        tokenMismatch++;
        continue;
      }
      if (u.pos === t.pos) posSame++;
      else count(confusions, `${t.pos}→${u.pos} ${t.norm}`);
      if (u.lemma === t.lemma) lemmaSame++;
      else count(lemmaDiffs, `${t.norm}: ${t.lemma}→${u.lemma}`);
    }
    }
  }
}
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(3)}%`;
console.log(`texts ${texts}, word tokens ${tokens} (${tokenMismatch} not found in the lean reading)`);
console.log(`pos agreement ${pct(posSame, tokens)} (${tokens - posSame} differ), lemma agreement ${pct(lemmaSame, tokens)} (${tokens - lemmaSame} differ)`);
console.log(`sentences: wink ${sentencesA}, lean ${sentencesB}, same span ${sentencesSame} (${pct(sentencesSame, sentencesA)})`);
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v}\t${k}`).join('\n');
console.log(`pos differences (wink→lean word), most frequent:\n${top(confusions, 40)}`);
console.log(`lemma differences, most frequent:\n${top(lemmaDiffs, 20)}`);
