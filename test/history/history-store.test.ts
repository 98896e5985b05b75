import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkText } from '../../src/cli/check.js';
import { attemptFromReport, contentHash } from '../../src/history/record.js';
import { appendAttempt, historyPath, readHistory } from '../../src/history/store.js';
import type { Attempt } from '../../src/history/types.js';
import { RubricRegistry } from '../../src/rubric/registry.js';
import { FIXTURES, ROOT, run } from '../cli/run.js';

const STRONG = join(FIXTURES, 'strong.md');
let data: string;
let path: string;

beforeEach(() => {
  data = mkdtempSync(join(tmpdir(), 'answer-coach-store-'));
  path = historyPath({ XDG_DATA_HOME: data }, '/nonexistent-home');
});

/** A fixed attempt, so the store's tests do not depend on what the analyzer currently scores. */
function sample(score: number, question = 'What does customer service mean to you?'): Attempt {
  return {
    v: 1,
    at: '2026-11-01T10:00:00.000Z',
    source: 'practice',
    question,
    rubric: 'customer-service',
    score,
    star: { situation: true, task: true, action: true, result: score > 50 },
    pillars: ['empathy'],
    pillarsMissing: ['ownership'],
    metric: false,
    findings: { 'metric-missing': 1, jargon: 2 },
    file: '/home/u/answer.md',
    hash: contentHash(String(score)),
  };
}

describe('history path', () => {
  it('uses XDG_DATA_HOME, else ~/.local/share, and ignores a relative XDG_DATA_HOME', () => {
    expect(historyPath({ XDG_DATA_HOME: '/data' }, '/home/u')).toBe('/data/answer-coach/history.jsonl');
    expect(historyPath({}, '/home/u')).toBe('/home/u/.local/share/answer-coach/history.jsonl');
    expect(historyPath({ XDG_DATA_HOME: 'rel/data' }, '/home/u')).toBe('/home/u/.local/share/answer-coach/history.jsonl');
  });
});

describe('history store', () => {
  it('records what the analyzer found, and a hash instead of the answer text', () => {
    const text = readFileSync(STRONG, 'utf8');
    const report = checkText(text, 'markdown', new RubricRegistry());
    const a = attemptFromReport(report, { file: STRONG, content: text, source: 'practice' });
    expect(a).toMatchObject({ v: 1, source: 'practice', rubric: report.rubric, score: report.score, file: STRONG });
    expect(a.hash).toBe(contentHash(text));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.star).toEqual({ situation: report.star.situation.present, task: report.star.task.present, action: report.star.action.present, result: report.star.result.present });
    expect(a.pillars.length + a.pillarsMissing.length).toBe(report.pillars.length);
    expect(Object.values(a.findings).reduce((n, c) => n + c, 0)).toBe(report.findings.length);
    expect(JSON.stringify(a)).not.toContain(text.slice(0, 40));
  });

  it('appends and reads back attempts in order, one line each, in a private folder', () => {
    appendAttempt(path, sample(50));
    appendAttempt(path, sample(70));
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')).toHaveLength(3); // two lines and the final newline
    const read = readHistory(path);
    expect(read.skipped).toBe(0);
    expect(read.attempts).toEqual([sample(50), sample(70)]);
    expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('reads a missing history as empty', () => {
    expect(readHistory(path)).toEqual({ attempts: [], skipped: 0 });
  });

  it('skips corrupt and truncated lines, and the next append still lands on its own line', () => {
    appendAttempt(path, sample(40));
    appendFileSync(path, 'not json at all\n{"v":1,"score":"high"}\n' + JSON.stringify(sample(99)).slice(0, 60)); // crash mid-line
    appendAttempt(path, sample(60));
    const read = readHistory(path);
    expect(read.attempts.map((a) => a.score)).toEqual([40, 60]);
    expect(read.skipped).toBe(3);
    expect(read.firstSkippedLine).toBe(2);
  });

  it('warns once about unreadable lines and still shows the rest', () => {
    appendAttempt(path, sample(40));
    appendFileSync(path, '{oops\n\u0000\u0000garbage\n');
    appendAttempt(path, sample(65));
    const r = run(['history'], { env: { XDG_DATA_HOME: data } });
    expect(r.code).toBe(0);
    // Only our own lines: node may add its own warnings about the test's colour variables.
    expect(r.stderr.split('\n').filter((l) => l.startsWith('answer-coach:'))).toEqual([`answer-coach: warning: skipped 2 unreadable lines in ${path} (first at line 2)`]);
    expect(r.stdout).toContain('2 attempts · best 65 · latest 65');
  });

  it('never interleaves lines from two processes appending at once', async () => {
    const store = join(ROOT, 'dist/history/store.js');
    expect(existsSync(store), 'build first (npm test does)').toBe(true);
    const PER_WRITER = 300;
    // Both start writing at the same moment, after node has started, so their appends overlap.
    const startAt = Date.now() + 700;
    const long = 'x'.repeat(6000); // lines larger than a pipe buffer or a typical stdio chunk
    const writer = (name: string) => `
      const { appendAttempt } = await import(${JSON.stringify(store)});
      const base = JSON.parse(process.argv[1]);
      while (Date.now() < ${startAt});
      for (let i = 0; i < ${PER_WRITER}; i++) appendAttempt(${JSON.stringify(path)}, { ...base, question: ${JSON.stringify(name)} + ' ' + i + ' ${long}' });`;
    const spawnWriter = (name: string) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', writer(name), JSON.stringify(sample(50))], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', resolve);
      });
    mkdirSync(join(data, 'answer-coach'), { recursive: true });
    expect(await Promise.all([spawnWriter('A'), spawnWriter('B')])).toEqual([0, 0]);
    const read = readHistory(path);
    expect(read.skipped).toBe(0);
    expect(read.attempts).toHaveLength(2 * PER_WRITER);
    const ids = new Set(read.attempts.map((a) => a.question!.split(' ').slice(0, 2).join(' ')));
    expect(ids.size).toBe(2 * PER_WRITER);
  });
});

describe('check --record', () => {
  it('appends one attempt per analyzed answer, with its absolute path, and prints the usual report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answer-coach-answers-'));
    writeFileSync(join(dir, 'b.txt'), 'Service means listening to people and helping them quickly.');
    const r = run(['check', STRONG, join(dir, 'b.txt'), '--record', '--format', 'json'], { env: { XDG_DATA_HOME: data } });
    expect(r.code).not.toBe(2);
    const report = JSON.parse(r.stdout);
    const read = readHistory(path);
    expect(read.attempts.map((a) => [a.file, a.score, a.source])).toEqual(report.results.map((x: { file: string; score: number }) => [x.file, x.score, 'check']));
    expect(read.attempts.find((a) => a.file === STRONG)?.hash).toBe(contentHash(readFileSync(STRONG, 'utf8')));
  });

  it('records nothing without --record', () => {
    run(['check', STRONG], { env: { XDG_DATA_HOME: data } });
    expect(existsSync(path)).toBe(false);
  });

  it('still reports, with one warning, when the history cannot be written', () => {
    writeFileSync(join(data, 'answer-coach'), 'a file where the folder should be');
    const r = run(['check', STRONG, STRONG, '--record'], { env: { XDG_DATA_HOME: data } });
    expect(r.code).not.toBe(2);
    expect(r.stdout).toContain('strong.md');
    expect(r.stderr.match(/answer-coach: warning: could not record/g)).toHaveLength(1);
  });
});
