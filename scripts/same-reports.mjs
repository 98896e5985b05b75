#!/usr/bin/env node
// Are the reports still the same, byte for byte? For work that must not change judgement (speed,
// structure): `save` once before, then run it after every step.
//   node scripts/same-reports.mjs save     writes .bench/reports/*.out from the built CLI
//   node scripts/same-reports.mjs          checks again and compares (exit 1 at the first difference)
//   node scripts/same-reports.mjs save --ref main   the reports of another commit (built as
//                                          scripts/engine-ab.mjs builds one) are the ones saved
// What is checked, each as one `check` run (--threads 1, NO_COLOR):
// - the benchmark's generated corpus (2,000 answers), --format json;
// - a remix corpus: 1,500 answers spliced from the sentences of examples/ and the answer texts of
//   the tests, in all three formats, under STAR and other headings, with every rubric's questions
//   (far more kinds of sentence than the generator's), --format json, and with --explain;
// - the examples and the tests' quoted answer texts on their own, --format json;
// - the generated corpus again with the default threads, --format json (the batch's own path);
// - the remix corpus with two accepted terms (a config's accept list), --format json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRef } from './engine-ab.mjs';
import { generateCorpus, rng } from './gen-corpus.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BENCH = join(ROOT, '.bench');
const OUT = join(BENCH, 'reports');
const BIN = join(ROOT, 'bin', 'answer-coach.js');


function filesUnder(dir, keep) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (keep(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Answer-like string literals in the tests: a few words with a sentence end. */
function testTexts() {
  const texts = new Set();
  for (const file of filesUnder(join(ROOT, 'test'), (p) => p.endsWith('.ts'))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`/g)) {
      const raw = m[1] ?? m[2] ?? m[3];
      if (!raw || raw.length < 30 || !/[a-z] [a-z]/i.test(raw) || !/[.!?]['"”)]?$/.test(raw.trim())) continue;
      const text = raw.replace(/\\n/g, '\n').replace(/\\(['"`\\])/g, '$1');
      if (/^\s*[{[<#-]/.test(text) && !/^#+ /m.test(text)) continue;
      texts.add(text.trim());
    }
  }
  return [...texts];
}

/** Sentences of the examples' answers (their text, without keys or headings). */
function exampleSentences() {
  const out = [];
  for (const file of filesUnder(join(ROOT, 'examples'), (p) => /\.(md|txt|ya?ml)$/.test(p))) {
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !/^\s*(#|question:)/.test(l))
      .map((l) => l.replace(/^\s*[a-z]+:\s*>?\s*/, ''))
      .join(' ');
    for (const s of text.split(/(?<=[.!?])\s+/)) if (s.trim().split(/\s+/).length >= 3) out.push(s.trim());
  }
  return out;
}

function questions() {
  const out = [];
  for (const file of readdirSync(join(ROOT, 'rubrics')).filter((f) => f.endsWith('.yaml'))) {
    const src = readFileSync(join(ROOT, 'rubrics', file), 'utf8');
    const block = /^questions:\n((?:\s+- .*\n)+)/m.exec(src);
    if (block) for (const l of block[1].split('\n')) if (l.trim().startsWith('- ')) out.push(l.trim().slice(2).replace(/^['"]|['"]$/g, ''));
  }
  return out;
}

const HEADINGS = ['Situation', 'Task', 'Action', 'Result', 'Background', 'What I did', 'Outcome', 'The problem', 'Steps I took', 'How it turned out', 'Situation / Task', 'Action and Result', 'Context', 'Lessons', 'What happened'];
const KEYS = ['opening', 'situation', 'task', 'action', 'result'];

function remixCorpus(dir, count, seed = 7) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pool = [...exampleSentences(), ...testTexts().filter((t) => !t.includes('\n'))];
  const qs = questions();
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  for (let i = 0; i < count; i++) {
    const parts = Array.from({ length: 4 + Math.floor(r() * 4) }, () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(pool)).join(' '));
    const q = r() < 0.8 ? pick(qs) : undefined;
    const kind = i % 3;
    let text;
    let ext;
    if (kind === 0) {
      ext = 'md';
      text = `${q ? `# ${q}\n\n` : ''}${parts.map((p, k) => (k === 0 && r() < 0.5 ? p : `## ${pick(HEADINGS)}\n${p}`)).join('\n\n')}\n`;
    } else if (kind === 1) {
      ext = 'yaml';
      const keys = r() < 0.2 ? parts.map((_, k) => (k < 2 ? KEYS[k] : pick(KEYS))) : parts.map((_, k) => KEYS[Math.min(k, KEYS.length - 1)] + (k >= KEYS.length ? k : ''));
      const seen = new Set();
      text = (q ? `question: ${JSON.stringify(q)}\n` : '') + parts.map((p, k) => {
        let key = keys[k];
        while (seen.has(key)) key += 'x';
        seen.add(key);
        return `${key}: ${JSON.stringify(p)}\n`;
      }).join('');
    } else {
      ext = 'txt';
      text = parts.join(r() < 0.5 ? '\n\n' : ' ') + '\n';
    }
    const sub = join(dir, `set-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `remix-${String(i).padStart(5, '0')}.${ext}`), text);
  }
}

function singlesCorpus(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  testTexts().forEach((t, i) => writeFileSync(join(dir, `test-${String(i).padStart(4, '0')}.${/^#+ /m.test(t) ? 'md' : 'txt'}`), t + '\n'));
  for (const f of filesUnder(join(ROOT, 'examples'), (p) => /\.(md|txt|ya?ml)$/.test(p))) writeFileSync(join(dir, `example-${f.split('/').pop()}`), readFileSync(f));
}

function corpora() {
  const generated = join(BENCH, 'corpus-2000');
  const stamp = join(BENCH, 'corpus-2000.done');
  const generator = String(readFileSync(join(ROOT, 'scripts', 'gen-corpus.mjs'), 'utf8').length);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== generator) {
    generateCorpus(generated, 2000);
    writeFileSync(stamp, generator);
  }
  const remix = join(BENCH, 'same-remix');
  const singles = join(BENCH, 'same-singles');
  // made with the baseline and kept: the tests and examples they come from change (a new test's
  // strings would change the corpus, not the reports)
  if (save) {
    remixCorpus(remix, 1500);
    singlesCorpus(singles);
  } else if (!existsSync(remix) || !existsSync(singles)) throw new Error('no saved corpus: run `node scripts/same-reports.mjs save` first');
  return [
    ['generated.json', [generated, '--format', 'json', '--threads', '1']],
    ['generated-threads.json', [generated, '--format', 'json']],
    ['remix.json', [remix, '--format', 'json', '--threads', '1']],
    ['remix-explain.txt', [remix, '--explain', '--threads', '1']],
    ['singles.json', [singles, '--format', 'json', '--threads', '1']],
    ['remix-accept.json', [remix, '--format', 'json', '--threads', '1', '--accept', 'leverage', '--accept', 'circle back']],
  ];
}

// the CLI of another build: its dist/cli/main.js run as the bin runs it
const RUNNER = `const [dist, ...args] = process.argv.slice(2);
const { main } = await import(dist + '/cli/main.js');
process.exitCode = await main([process.argv[0], 'answer-coach', ...args]);
`;

function run(args, dist) {
  const cli = dist ? [join(BENCH, 'run-cli.mjs'), pathToFileURL(dist).href] : [BIN];
  const r = spawnSync(process.execPath, [...cli, 'check', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`check ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 800)}`);
  return r.stdout;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const line = a.slice(0, i).split('\n').length;
  return { line, was: a.split('\n')[line - 1], now: b.split('\n')[line - 1] };
}

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('build first: npm run build');
const save = process.argv[2] === 'save';

const refArg = process.argv.indexOf('--ref');
mkdirSync(OUT, { recursive: true });
writeFileSync(join(BENCH, 'run-cli.mjs'), RUNNER);
const dist = refArg > 0 ? buildRef(process.argv[refArg + 1]).dist : undefined;
let same = true;
for (const [name, args] of corpora()) {
  const now = run(args, dist);
  const file = join(OUT, `${name}.out`);
  if (save) {
    writeFileSync(file, now);
    process.stdout.write(`saved ${name} (${now.length.toLocaleString('en-US')} bytes)\n`);
    continue;
  }
  if (!existsSync(file)) throw new Error(`no saved ${name}: run \`node scripts/same-reports.mjs save\` first`);
  const was = readFileSync(file, 'utf8');
  if (was === now) {
    process.stdout.write(`same: ${name} (${now.length.toLocaleString('en-US')} bytes)\n`);
    continue;
  }
  same = false;
  const d = firstDifference(was, now);
  process.stdout.write(`DIFFERENT: ${name} at line ${d.line}\n  was: ${d.was?.slice(0, 300)}\n  now: ${d.now?.slice(0, 300)}\n`);
  writeFileSync(join(OUT, `${name}.new`), now);
}
process.exit(same ? 0 : 1);
