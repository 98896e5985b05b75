import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFiles, threadsFor, PARALLEL_MIN_FILES } from '../../src/batch/run.js';
import { factsOf, Tally } from '../../src/batch/tally.js';
import { FORMATS } from '../../src/batch/formats.js';
import { runCheck, summarize, type CheckOptions, type Io } from '../../src/cli/check.js';
import { formatJson } from '../../src/report/json.js';
import type { FileError, FileResult } from '../../src/report/types.js';
import { BUILT_IN_DIR, RubricRegistry } from '../../src/rubric/registry.js';
import { RubricError } from '../../src/rubric/types.js';
import { run } from '../cli/run.js';
// @ts-expect-error: a plain .mjs script without types
import { generateCorpus } from '../../scripts/gen-corpus.mjs';

// The worker path runs the build in dist/ (npm test builds first).
const CYCLE = fileURLToPath(new URL('../fixtures/rubrics/cycle', import.meta.url));
let dir: string;
const registry = new RubricRegistry();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'answer-coach-batch-'));
  generateCorpus(join(dir, 'answers'), 60, 7);
  // bad files in the middle of the batch: each is its own error, in path order
  writeFileSync(join(dir, 'answers', 'set-000', 'answer-00010b.txt'), Buffer.from([0x61, 0, 0x62]));
  writeFileSync(join(dir, 'answers', 'set-000', 'answer-00040b.yaml'), 'question: [unclosed\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(threads: number, format: CheckOptions['format'] = 'json', more: Partial<CheckOptions> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: process.stdin };
  const code = await runCheck([join(dir, 'answers')], registry, { format, failOn: 'error', color: false, version: '9.9.9', threads, ...more }, io);
  return { code, stdout, stderr };
}

describe('parallel batch', () => {
  it('gives byte-identical output with worker threads and on one thread, in every format', async () => {
    // workers render their own answers; separators, SARIF rules and JUnit counts are kept in order on this thread
    for (const format of FORMATS) {
      const one = await check(1, format);
      expect(one.stdout.length, format).toBeGreaterThan(1000);
      for (const threads of [2, 3]) {
        const many = await check(threads, format);
        expect(many.stdout, `${format}, ${threads} threads`).toBe(one.stdout);
        expect(many.stderr).toBe(one.stderr);
        expect(many.code).toBe(one.code);
      }
    }
  }, 300_000);

  it('keeps colour, --fail-on and --min-score the same on worker threads', async () => {
    const more = { failOn: 'info', minScore: 60, color: true } as const;
    for (const format of ['pretty', 'junit'] as const) {
      const one = await check(1, format, more);
      const two = await check(2, format, more);
      expect(two.stdout, format).toBe(one.stdout);
      expect(two.code).toBe(one.code);
    }
    expect((await check(2, 'pretty', more)).stdout).toContain('\u001b[');
  }, 120_000);

  it('streams the same JSON document the in-memory formatter makes, sorted by path, with each bad file as one error', async () => {
    const { code, stdout, stderr } = await check(2);
    const results: FileResult[] = [];
    const errors: FileError[] = [];
    await runFiles(JSON.parse(stdout).results.map((r: { file: string }) => r.file).concat([join(dir, 'answers', 'set-000', 'answer-00010b.txt'), join(dir, 'answers', 'set-000', 'answer-00040b.yaml')]).sort(), registry, (o) => ('message' in o ? errors.push(o) : results.push(o.piece as FileResult)), { threads: 1 });
    expect(stdout).toBe(formatJson({ results, errors, summary: summarize(results, errors, { failOn: 'error' }) }, { version: '9.9.9' }));
    const files = JSON.parse(stdout).results.map((r: { file: string }) => r.file);
    expect(files).toHaveLength(60);
    expect(files).toEqual([...files].sort());
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/answer-00010b\.txt: binary file/), expect.stringMatching(/answer-00040b\.yaml:\d+:\d+: /)]);
  }, 60_000);

  it('waits for a slow reader of stdout, so the output not yet read stays small, and writes the same bytes', async () => {
    const whole = await check(1);
    for (const threads of [1, 2]) {
      // a reader that takes what was written only after a pause, while the batch is told it is behind
      let written = '';
      let unread = 0;
      let mostUnread = 0;
      let waits = 0;
      const io: Io = {
        stdout: (t) => {
          written += t;
          unread += t.length;
          mostUnread = Math.max(mostUnread, unread);
        },
        stderr: () => {},
        stdin: process.stdin,
        stdoutBacklog: () => {
          if (!unread) return undefined;
          waits++;
          return new Promise((resolve) => setTimeout(() => resolve(void (unread = 0)), 5));
        },
      };
      await runCheck([join(dir, 'answers')], registry, { format: 'json', failOn: 'error', color: false, version: '9.9.9', threads }, io);
      expect(written, `${threads} threads`).toBe(whole.stdout);
      expect(waits).toBeGreaterThan(0);
      // one thread: never more than about a chunk of 25 answers' reports unread, where the batch
      // made 60 (two threads have three chunks of the 60 in flight from the start)
      if (threads === 1) expect(mostUnread).toBeLessThan(whole.stdout.length / 2);
    }
  }, 60_000);

  it('counts the summary one report at a time exactly as summarize does over the whole list', async () => {
    const results: FileResult[] = [];
    await runFiles([join(dir, 'answers', 'set-000', 'answer-00001.yaml'), join(dir, 'answers', 'set-000', 'answer-00002.txt')], registry, (o) => void ('piece' in o && results.push(o.piece as FileResult)));
    for (const options of [{ failOn: 'error' as const }, { failOn: 'info' as const, minScore: 90 }]) {
      const tally = new Tally(options);
      // a worker sends only the facts; they count the same as the whole report
      results.forEach((r, i) => tally.add(i ? factsOf(r.report) : r.report));
      tally.addError();
      expect(tally.summary()).toEqual(summarize(results, [{ file: 'x', message: 'y' }], options));
    }
  });

  it('stays on one thread for a small batch, where workers do not pay', () => {
    expect(threadsFor(10)).toBe(1);
    expect(threadsFor(PARALLEL_MIN_FILES - 1)).toBe(1);
    expect(threadsFor(5000)).toBeGreaterThanOrEqual(1);
    expect(threadsFor(5000, 1)).toBe(1);
  });

  it('never uses more threads than cores, whatever --threads asks (64 on 2 cores took 1.5 GB)', () => {
    expect(threadsFor(5000, 64, 2)).toBe(2);
    expect(threadsFor(5000, 3, 4)).toBe(3);
    expect(threadsFor(5000, 64)).toBe(availableParallelism());
  });

  it('an extends cycle is the same one error with one thread or several, before anything is checked', () => {
    const outs = [1, 2, 64].map((threads) => run(['check', join(dir, 'answers'), '--rubrics-dir', CYCLE, '--threads', String(threads), '--format', 'json'], { env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') } }));
    expect(outs[0].code).toBe(2);
    expect(outs[0].stdout).toBe('');
    expect(outs[0].stderr).toMatch(/^answer-coach: rubric .*cycle\/a\.yaml:3:10: extends cycle: cycle-a → cycle-b → cycle-c → cycle-a\n/);
    for (const other of outs.slice(1)) expect(other).toEqual(outs[0]);
  }, 60_000);

  it('a registry whose rubric cannot be resolved fails runFiles the same way on any number of threads', async () => {
    const broken = new RubricRegistry([BUILT_IN_DIR, CYCLE]);
    const paths = Array.from({ length: 60 }, () => join(dir, 'answers', 'set-000', 'answer-00001.yaml'));
    const errors = await Promise.all([1, 2].map((threads) => runFiles(paths, broken, () => {}, { threads }).then(() => undefined, (e: Error) => e)));
    expect(errors[0]).toBeInstanceOf(RubricError);
    expect(errors[1]).toEqual(errors[0]);
  }, 60_000);

  it('by default uses one thread on two cores, and on more the cores that are free', () => {
    expect(threadsFor(5000, undefined, 2, 0)).toBe(1);
    expect(threadsFor(5000, undefined, 1, 0)).toBe(1);
    expect(threadsFor(5000, undefined, 8, 0.2)).toBe(7);
    expect(threadsFor(5000, undefined, 8, 3.5)).toBe(4);
    expect(threadsFor(5000, undefined, 8, 11)).toBe(1);
    expect(threadsFor(100, undefined, 8, 0)).toBe(1);
    expect(threadsFor(5000, 3, 8, 0)).toBe(3);
  });
});
