#!/usr/bin/env node
// `npm run bench`: answer-coach's batch speed beside a floor and a peer, on a generated corpus.
// - corpus: deterministic (scripts/gen-corpus.mjs), 2,000 and 10,000 answers of ~250 words in .bench/
// - floor: a node script that only reads every file and splits it into words
// - check: `answer-coach check DIR --format json` (default threads, and --threads 1)
// - write-good: its CLI over the same files (a devDependency, used only here), at 2,000 answers
// - textlint with write-good's rules (devDependencies, used only here), at 2,000 answers: it has no
//   YAML reader, so it checks the Markdown and text files (two thirds of them)
// - cold start: one answer, next to `node -e 0` (and the plain start, and the startup snapshot's process alone)
// Runs are interleaved (one of each per round) and the median is reported, so a noisy neighbour
// slows every contender alike. Peak RSS comes from /usr/bin/time when it exists.
// - largest answers: one answer of 1 KB … 1 MB (the size limit), plain text and Markdown, made of
//   the corpus's own sentences, each checked alone; every pass is meant to be linear in its size
// Usage: node scripts/bench.mjs [--runs N] [--quick] [--largest]
//   (--quick: 2,000 answers only, 3 runs, answers up to 256 KB; --largest: only the largest answers)
//        node scripts/bench.mjs --engine-ab REF        the analyzer's warm ms/answer, this checkout
//                                                      against commit REF (scripts/engine-ab.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './gen-corpus.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BENCH = join(ROOT, '.bench');
const BIN = join(ROOT, 'bin', 'answer-coach.js');
const WRITE_GOOD = join(ROOT, 'node_modules', 'write-good', 'bin', 'write-good.js');
const TEXTLINT = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const args = process.argv.slice(2);
const abArg = args.indexOf('--engine-ab');
if (abArg >= 0) {
  if (!args[abArg + 1] || args[abArg + 1].startsWith('--')) {
    process.stderr.write('usage: node scripts/bench.mjs --engine-ab REF   (a commit, branch or tag to compare with)\n');
    process.exit(2);
  }
  const { engineAB } = await import('./engine-ab.mjs');
  process.stdout.write(engineAB(args[abArg + 1]).text + '\n');
  process.exit(0);
}
const quick = args.includes('--quick');
const largestOnly = args.includes('--largest');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 3 : 5;

const FLOOR = `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
let files = 0, words = 0;
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else { words += readFileSync(p, 'utf8').split(/\\s+/).filter(Boolean).length; files++; } } };
walk(process.argv[2]);
console.log(files, words);
`;

function corpus(count) {
  const dir = join(BENCH, `corpus-${count}`);
  const stamp = join(BENCH, `corpus-${count}.done`);
  const generator = readFileSync(join(ROOT, 'scripts', 'gen-corpus.mjs'), 'utf8');
  // regenerate when the generator changed, so a stale corpus is never measured
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== String(generator.length)) {
    process.stderr.write(`generating ${count} answers in ${dir}…\n`);
    generateCorpus(dir, count);
    writeFileSync(stamp, String(generator.length));
  }
  return dir;
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Runs a command once: wall seconds, peak RSS in MB (or null), exit code. Output goes nowhere. */
function measure(argv, anyExit = false, env = {}) {
  const rssFile = join(BENCH, 'rss.txt');
  const full = TIME ? [TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let rss = null;
  if (TIME && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) rss = kb / 1024;
  }
  if (!anyExit && r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ').slice(0, 200)} failed (${r.status}): ${String(r.stderr).slice(0, 500)}`);
  return { seconds, rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Interleaved rounds: each contender once per round; medians of time and peak RSS. */
function race(contenders, runs) {
  const samples = new Map(contenders.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const c of contenders) {
      const m = measure(c.argv, c.anyExit, c.env);
      samples.get(c.name).push(m);
      process.stderr.write(`  round ${i + 1}/${runs} ${c.name}: ${m.seconds.toFixed(2)} s\n`);
    }
  }
  return contenders.map((c) => {
    const s = samples.get(c.name);
    const rss = s.map((x) => x.rss).filter((x) => x !== null);
    return { name: c.name, seconds: median(s.map((x) => x.seconds)), rss: rss.length ? Math.max(...rss) : null, runs: s.length };
  });
}

function table(rows, files, floor) {
  const lines = ['| | median time | files/s | × floor | peak RSS |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.seconds.toFixed(2)} s | ${Math.round(files / r.seconds).toLocaleString('en-US')} | ${(r.seconds / floor).toFixed(1)}× | ${r.rss === null ? 'n/a' : `${Math.round(r.rss)} MB`} |`);
  }
  return lines.join('\n');
}

mkdirSync(BENCH, { recursive: true });
writeFileSync(join(BENCH, 'floor.mjs'), FLOOR);
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('build first: npm run build');

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}; load average at start ${loadavg()[0].toFixed(2)}`;
const report = [`Machine: ${machine}`, `Runs: median of ${RUNS} interleaved runs${TIME ? '; peak RSS by /usr/bin/time (largest of the runs)' : ''}`, ''];
const results = { machine, runs: RUNS, sets: {} };

for (const count of largestOnly ? [] : quick ? [2000] : [2000, 10000]) {
  const dir = corpus(count);
  const contenders = [
    { name: 'floor (read + split words)', argv: [process.execPath, join(BENCH, 'floor.mjs'), dir] },
    { name: 'answer-coach check', argv: [process.execPath, BIN, 'check', dir, '--format', 'json'] },
    { name: 'answer-coach check --threads 1', argv: [process.execPath, BIN, 'check', dir, '--format', 'json', '--threads', '1'] },
  ];
  // write-good takes minutes at 10,000 answers; the comparison is made at 2,000
  if (count === 2000 && existsSync(WRITE_GOOD)) contenders.push({ name: "write-good's CLI", argv: [process.execPath, WRITE_GOOD, ...listFiles(dir)], anyExit: true }); // exits with its count of suggestions
  if (count === 2000 && existsSync(TEXTLINT)) contenders.push({ name: "textlint (write-good's rules; .md and .txt)", argv: [process.execPath, TEXTLINT, '--rule', 'write-good', '--format', 'compact', dir], anyExit: true });
  process.stderr.write(`${count} answers:\n`);
  const rows = race(contenders, count === 2000 ? RUNS : Math.min(RUNS, 3));
  const floor = rows[0].seconds;
  results.sets[count] = rows;
  report.push(`### ${count.toLocaleString('en-US')} answers`, '', table(rows, count, floor), '');
  const check = rows[1];
  const one = rows[2];
  const wg = rows.find((r) => r.name.startsWith('write-good'));
  const versus = !wg ? '' : wg.seconds >= check.seconds ? `, ${(wg.seconds / check.seconds).toFixed(1)}× faster than write-good` : `, ${(check.seconds / wg.seconds).toFixed(1)}× slower than write-good`;
  report.push(`check is ${(check.seconds / floor).toFixed(1)}× the floor's time${versus}${check.rss !== null ? `, peak RSS ${Math.round(check.rss)} MB` : ''}; the default threads take ${Math.abs((check.seconds / one.seconds - 1) * 100).toFixed(0)}% ${check.seconds >= one.seconds ? 'more' : 'less'} time than --threads 1.`, '');
}

// cold start: one answer, next to starting node itself
const firstAnswer = listFiles(corpus(2000))[0];
process.stderr.write('cold start:\n');
// the bin starts check from the build's startup snapshot (a second node process); beside it the
// plain start it falls back to, and the snapshot's process alone (what the bin's launch costs)
const oneAnswer = ['check', firstAnswer, '--format', 'json'];
const coldContenders = [
  { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
  { name: 'answer-coach check (one answer)', argv: [process.execPath, BIN, ...oneAnswer] },
  { name: 'answer-coach check (one answer), plain start (ANSWER_COACH_SNAPSHOT=0)', argv: [process.execPath, BIN, ...oneAnswer], env: { ANSWER_COACH_SNAPSHOT: '0' } },
];
const manifestFile = join(ROOT, 'dist', 'startup', 'snapshot.json');
if (existsSync(manifestFile)) {
  const blob = join(ROOT, 'dist', 'startup', JSON.parse(readFileSync(manifestFile, 'utf8')).blob);
  coldContenders.push({ name: 'the startup snapshot\'s process alone (`node --snapshot-blob …`)', argv: [process.execPath, '--no-rehash-snapshot', '--snapshot-blob', blob, ...oneAnswer] });
} else process.stderr.write('no startup snapshot in dist/startup: the bin starts plain\n');
const cold = race(coldContenders, quick || largestOnly ? 5 : 15);
results.coldStart = cold;
report.push('### Cold start', '', '| | median time | × node -e 0 | peak RSS |', '|---|---:|---:|---:|');
for (const r of cold) report.push(`| ${r.name} | ${(r.seconds * 1000).toFixed(0)} ms | ${(r.seconds / cold[0].seconds).toFixed(1)}× | ${r.rss === null ? 'n/a' : `${Math.round(r.rss)} MB`} |`);
report.push('', `check of one answer is ${(cold[1].seconds / cold[0].seconds).toFixed(1)}× \`node -e 0\`.`);

/**
 * One answer of about `bytes`, made of the corpus's sentences: plain text, or Markdown with the
 * four STAR sections in the proportions coaches aim for (S 20%, T 10%, A 60%, R 10%).
 */
function largeAnswer(format, bytes, files) {
  const texts = files.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(f, 'utf8').trim());
  const take = (size, from) => {
    const out = [];
    for (let i = from, n = 0; n < size; i++) n += out[out.push(texts[i % texts.length]) - 1].length + 2;
    return out.join('\n\n').slice(0, Math.max(0, size));
  };
  if (format === 'text') return take(bytes, 0) + '\n';
  const head = '# What does customer service mean to you?\n\n';
  const part = (title, share, from) => `## ${title}\n${take(Math.round((bytes - head.length) * share) - title.length - 5, from)}\n\n`;
  return head + part('Situation', 0.2, 0) + part('Task', 0.1, 7) + part('Action', 0.6, 13) + part('Result', 0.1, 29);
}

// the largest answers: each checked alone, as a person with one long answer would
const SIZES_KB = quick ? [1, 4, 16, 64, 256] : [1, 4, 16, 64, 256, 1024];
const corpusFiles = listFiles(corpus(2000));
const largest = [];
process.stderr.write('largest answers:\n');
for (const format of ['text', 'markdown']) {
  for (const kb of SIZES_KB) {
    const file = join(BENCH, `largest-${kb}kb.${format === 'text' ? 'txt' : 'md'}`);
    writeFileSync(file, largeAnswer(format, kb * 1024 - 64, corpusFiles));
    const [row] = race([{ name: `${format} ${kb} KB`, argv: [process.execPath, BIN, 'check', file, '--format', 'json'] }], kb >= 256 ? Math.min(RUNS, 3) : RUNS);
    largest.push({ format, kb, ...row });
  }
}
results.largest = largest;
const coldSeconds = cold[1].seconds;
report.push('', '### Largest answers', '', 'One answer checked alone (`check FILE --format json`), made of the corpus\'s sentences; "beyond cold start" subtracts the one-answer cold start above, so a linear pass shows as a flat ms per KB.', '');
report.push('| size | text | text, ms/KB beyond cold start | Markdown | Markdown, ms/KB beyond cold start | peak RSS (text / Markdown) |', '|---:|---:|---:|---:|---:|---:|');
for (const kb of SIZES_KB) {
  const t = largest.find((r) => r.format === 'text' && r.kb === kb);
  const m = largest.find((r) => r.format === 'markdown' && r.kb === kb);
  const perKb = (r) => (Math.max(0, r.seconds - coldSeconds) * 1000 / kb).toFixed(2);
  const rss = (r) => (r.rss === null ? 'n/a' : `${Math.round(r.rss)}`);
  report.push(`| ${kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`} | ${(t.seconds * 1000).toFixed(0)} ms | ${perKb(t)} | ${(m.seconds * 1000).toFixed(0)} ms | ${perKb(m)} | ${rss(t)} / ${rss(m)} MB |`);
}

writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(report.join('\n') + '\n');
