#!/usr/bin/env node
// The analyzer's warm cost per answer, this checkout against another commit, interleaved in one run.
// `npm run bench -- --engine-ab REF` (or `node scripts/engine-ab.mjs REF`).
// - REF is built once into .bench/engines/<commit>/ (its sources from `git archive`, compiled with
//   this checkout's TypeScript and node_modules, which hold every package an older engine needs);
// - the corpus is the benchmark's own generator, ANSWERS answers (default 400), read into memory;
// - each round starts one process per engine, in turn (A, B, A, B, …): it parses and analyzes
//   every answer WARM times unmeasured, then MEASURED times, and reports the median pass. Reading
//   files and starting node are outside the figure; parsing the answer (YAML, Markdown) is in it.
// Wall time and CPU time (all threads) are both measured, and the bytes a pass allocates (one more
// pass, after the timed ones, under v8's GCProfiler), per answer and as a multiple of its text. The ratio is taken within each round (neighbours that slow one round slow both engines alike)
// and the median of the rounds' ratios is reported with the medians of each engine.
// Usage: node scripts/engine-ab.mjs REF [--answers N] [--rounds N] [--warm N] [--passes N] [--json]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DATA_FILES } from './copy-data.mjs';
import { generateCorpus } from './gen-corpus.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BENCH = join(ROOT, '.bench');

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/** The child: `--measure DIST CORPUS WARM PASSES` prints one JSON line of pass times. */
async function measureChild([dist, corpus, warm, passes]) {
  const { checkAnswer } = await import(pathToFileURL(join(dist, 'batch', 'check-file.js')).href);
  const { RubricRegistry } = await import(pathToFileURL(join(dist, 'rubric', 'registry.js')).href);
  const { formatForPath } = await import(pathToFileURL(join(dist, 'answer', 'index.js')).href);
  const registry = new RubricRegistry();
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push({ path: p, text: readFileSync(p, 'utf8'), format: formatForPath(p) });
    }
  };
  walk(corpus);
  let sink = 0;
  const pass = () => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const f of files) {
      const r = checkAnswer(f.path, f.text, f.format, registry);
      sink += r.report ? r.report.score : 1;
    }
    const wall = Number(process.hrtime.bigint() - t0) / 1e6 / files.length;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1e3 / files.length };
  };
  for (let i = 0; i < Number(warm); i++) pass();
  const runs = [];
  for (let i = 0; i < Number(passes); i++) runs.push(pass());
  // one more pass, unmeasured for time, counts the bytes allocated: what the heap grew by plus what
  // every collection in the pass freed (V8's own figures before and after each one)
  const { GCProfiler, getHeapStatistics } = await import('node:v8');
  const gc = new GCProfiler();
  gc.start();
  const used0 = getHeapStatistics().used_heap_size;
  pass();
  const used1 = getHeapStatistics().used_heap_size;
  const freed = gc.stop().statistics.reduce((n, s) => n + s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize, 0);
  const kb = (used1 - used0 + freed) / 1024 / files.length;
  const answerKb = files.reduce((n, f) => n + f.text.length, 0) / 1024 / files.length;
  process.stdout.write(JSON.stringify({ wall: runs.map((r) => r.wall), cpu: runs.map((r) => r.cpu), kb, answerKb, answers: files.length, sink }) + '\n');
}

/** Builds REF's dist once; returns its commit and dist folder. */
export function buildRef(ref) {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(BENCH, 'engines', commit.slice(0, 12));
  const dist = join(dir, 'dist');
  if (existsSync(join(dir, '.built'))) return { commit, dist };
  process.stderr.write(`building ${ref} (${commit.slice(0, 12)}) in ${dir}…\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', commit, 'src', 'rubrics', 'tsconfig.json', 'package.json'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { cwd: dir, stdio: 'inherit' });
  // the data files its modules read beside themselves (scripts/copy-data.mjs), where it has them
  for (const f of DATA_FILES) if (existsSync(join(dir, 'src', f))) copyFileSync(join(dir, 'src', f), join(dist, f));
  // its rubric snapshot, when it has one: the registry reads the YAML otherwise (outside the measured passes either way)
  const snapshot = join(dist, 'rubric', 'registry.js');
  if (readFileSync(snapshot, 'utf8').includes('writeRubricSnapshot')) {
    execFileSync(process.execPath, ['--input-type=module', '-e', `import { BUILT_IN_DIR, BUILT_IN_SNAPSHOT, writeRubricSnapshot } from ${JSON.stringify(pathToFileURL(snapshot).href)}; writeRubricSnapshot(BUILT_IN_DIR, BUILT_IN_SNAPSHOT);`], { cwd: dir, stdio: 'inherit' });
  }
  writeFileSync(join(dir, '.built'), commit + '\n');
  return { commit, dist };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs the A/B; returns { rows, ratio, text }. */
export function engineAB(ref, { answers = 400, rounds = 6, warm = 3, passes = 5 } = {}) {
  if (!existsSync(join(ROOT, 'dist', 'batch', 'check-file.js'))) throw new Error('build first: npm run build');
  const corpus = join(BENCH, `ab-corpus-${answers}`);
  // regenerated when the generator changed, so both engines always read the same current corpus
  const stamp = `${corpus}.done`;
  const generator = String(readFileSync(join(ROOT, 'scripts', 'gen-corpus.mjs'), 'utf8').length);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== generator) {
    generateCorpus(corpus, answers);
    writeFileSync(stamp, generator);
  }
  const other = buildRef(ref);
  const engines = [
    { name: `${ref} (${other.commit.slice(0, 7)})`, dist: other.dist },
    { name: 'this checkout', dist: join(ROOT, 'dist') },
  ];
  const samples = engines.map(() => []);
  const cpuSamples = engines.map(() => []);
  const kbSamples = engines.map(() => []);
  let answerKb = 0;
  const ratios = [];
  const cpuRatios = [];
  for (let r = 0; r < rounds; r++) {
    const round = [];
    const cpuRound = [];
    // alternate which engine goes first, so neither always runs after the other
    const order = r % 2 ? [1, 0] : [0, 1];
    for (const k of order) {
      const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', engines[k].dist, corpus, String(warm), String(passes)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      if (out.status !== 0) throw new Error(`${engines[k].name} failed: ${out.stderr.slice(0, 800)}`);
      const { wall, cpu, kb, answerKb: size } = JSON.parse(out.stdout.trim().split('\n').pop());
      kbSamples[k].push(kb);
      answerKb = size;
      round[k] = median(wall);
      cpuRound[k] = median(cpu);
      samples[k].push(round[k]);
      cpuSamples[k].push(cpuRound[k]);
    }
    ratios.push(round[1] / round[0]);
    cpuRatios.push(cpuRound[1] / cpuRound[0]);
    process.stderr.write(`  round ${r + 1}/${rounds}: ${engines[0].name} ${round[0].toFixed(3)} ms (cpu ${cpuRound[0].toFixed(3)}), this checkout ${round[1].toFixed(3)} ms (cpu ${cpuRound[1].toFixed(3)}) per answer: ×${(round[1] / round[0]).toFixed(2)} (cpu ×${(cpuRound[1] / cpuRound[0]).toFixed(2)})\n`);
  }
  const rows = engines.map((e, k) => ({ name: e.name, msPerAnswer: median(samples[k]), best: Math.min(...samples[k]), cpuMsPerAnswer: median(cpuSamples[k]), kbPerAnswer: median(kbSamples[k]) }));
  const ratio = median(ratios);
  const cpuRatio = median(cpuRatios);
  const text = [
    `Engine A/B: ${answers} generated answers, parse + analyze, warm (${warm} passes unmeasured, median of ${passes}), ${rounds} interleaved rounds; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average at end ${loadavg()[0].toFixed(2)}`,
    '',
    '| engine | median ms/answer (wall) | best round (wall) | median ms/answer (CPU) | KB allocated/answer |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.msPerAnswer.toFixed(3)} | ${r.best.toFixed(3)} | ${r.cpuMsPerAnswer.toFixed(3)} | ${r.kbPerAnswer.toFixed(0)} (×${(r.kbPerAnswer / answerKb).toFixed(0)} its text) |`),
    '',
    `this checkout / ${ref}: wall ×${ratio.toFixed(2)} (median of the rounds' ratios; range ×${Math.min(...ratios).toFixed(2)}–×${Math.max(...ratios).toFixed(2)}), CPU ×${cpuRatio.toFixed(2)} (range ×${Math.min(...cpuRatios).toFixed(2)}–×${Math.max(...cpuRatios).toFixed(2)})`,
    'CPU time counts every thread of the process (the garbage collector\'s helpers too) and not the time spent waiting for a core a neighbour holds: on a shared machine it is the steadier figure.',
  ].join('\n');
  return { rows, ratio, ratios, cpuRatio, cpuRatios, text };
}

const args = process.argv.slice(2);
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (args[0] === '--measure') await measureChild(args.slice(1));
  else {
    const ref = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
    if (!ref) {
      process.stderr.write('usage: node scripts/engine-ab.mjs REF [--answers N] [--rounds N] [--warm N] [--passes N] [--json]\n');
      process.exit(2);
    }
    const result = engineAB(ref, { answers: option(args, '--answers', 400), rounds: option(args, '--rounds', 6), warm: option(args, '--warm', 3), passes: option(args, '--passes', 5) });
    process.stdout.write((args.includes('--json') ? JSON.stringify(result, null, 2) : result.text) + '\n');
  }
}
