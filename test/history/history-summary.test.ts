import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHistory } from '../../src/history/store.js';
import { formatHistoryPretty } from '../../src/history/format.js';
import { sparkline, summarizeHistory } from '../../src/history/summary.js';
import { run } from '../cli/run.js';

const FIXTURE = new URL('./fixtures/history.jsonl', import.meta.url);
const attempts = parseHistory(readFileSync(FIXTURE, 'utf8')).attempts;
const CS = 'What does customer service mean to you?';

describe('history summaries on a fixture history', () => {
  const summaries = summarizeHistory(attempts);
  const cs = summaries.find((s) => s.question === CS)!;

  it('groups attempts per question, however the question was typed, most recent first', () => {
    expect(summaries.map((s) => s.question ?? s.file)).toEqual(['tell me about a time you went above and beyond', CS, '/home/u/answers/notes.txt']);
    expect(summaries.map((s) => s.attempts)).toEqual([2, 6, 1]);
  });

  it('gives best, latest and every score as a sparkline on a fixed 0–100 scale', () => {
    expect(cs).toMatchObject({ first: 35, best: 81, latest: 81, scores: [35, 48, 55, 62, 70, 81], sparkline: '▃▄▅▅▆▇' });
    expect(summaries[0]).toMatchObject({ best: 70, latest: 60 });
    expect(sparkline([0, 100, 50])).toBe('▁█▅');
  });

  it('says what improved since the first attempt', () => {
    expect(cs.improved.map((i) => i.text)).toEqual([
      'score 35 → 81 (+46)',
      'now has a Result',
      'pillars 1 → 3 (+ownership, +communication)',
      'no more jargon (was 4)',
      'no more filler words (was 2)',
    ]);
    // 70 then 60, and the only new finding is a new problem: nothing improved.
    expect(summaries[0].improved).toEqual([]);
  });

  it('a score that fell is said as such, and what got better is not called an improvement', () => {
    // first 88 with no Result; latest 53 with a Result: better in one way, worse overall
    const base = attempts.find((a) => a.question === CS)!;
    const fell = [
      { ...base, at: '2026-01-01T10:00:00Z', hash: 'a', score: 88, star: { ...base.star, result: false } },
      { ...base, at: '2026-01-02T10:00:00Z', hash: 'b', score: 53, star: { ...base.star, result: true } },
    ];
    const text = formatHistoryPretty({ path: 'h.jsonl', total: 2, summaries: summarizeHistory(fell), skipped: 0 }, { color: false });
    expect(text).toContain('  − score 88 → 53 (−35) since the first attempt');
    expect(text).not.toContain('Improved since the first attempt');
    expect(text).toContain('  Still better than the first attempt:\n    + now has a Result');
    const rose = formatHistoryPretty({ path: 'h.jsonl', total: 6, summaries: [cs], skipped: 0 }, { color: false });
    expect(rose).toContain('  Improved since the first attempt:\n    + score 35 → 81 (+46)');
  });

  it('says what keeps recurring in the recent attempts, only while the latest still has it', () => {
    expect(cs.recurring.map((r) => r.text)).toEqual(['no metric in 4 of the last 5 attempts', 'hedging in 4 of the last 5 attempts']);
    // Filler was in 4 of the last 5 too, but the latest attempt fixed it.
    expect(cs.recurring.map((r) => r.item)).not.toContain('rule.filler');
    expect(summaries[0].recurring).toEqual([]);
  });

  it('does not count re-checks of unchanged text as attempts', () => {
    const last = attempts.filter((a) => a.question === CS).at(-1)!;
    const rerun = { ...last, at: '2026-11-05T11:00:00.000Z', source: 'check' as const };
    const edited = { ...last, at: '2026-11-05T12:00:00.000Z', hash: 'f'.repeat(64), score: 83 };
    const [again] = summarizeHistory([...attempts, rerun], { question: CS });
    expect(again).toMatchObject({ attempts: 6, reruns: 1, latest: 81 });
    expect(again.recurring).toEqual(cs.recurring);
    const [more] = summarizeHistory([...attempts, rerun, edited], { question: CS });
    expect(more).toMatchObject({ attempts: 7, reruns: 1, latest: 83 });
  });

  it('filters by words of the question or by rubric', () => {
    expect(summarizeHistory(attempts, { question: 'customer SERVICE' }).map((s) => s.question)).toEqual([CS]);
    expect(summarizeHistory(attempts, { rubric: 'above-and-beyond' }).map((s) => s.attempts)).toEqual([2]);
    expect(summarizeHistory(attempts, { question: 'weakness' })).toEqual([]);
  });
});

describe('answer-coach history', () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    const data = mkdtempSync(join(tmpdir(), 'answer-coach-history-'));
    mkdirSync(join(data, 'answer-coach'));
    copyFileSync(FIXTURE, join(data, 'answer-coach', 'history.jsonl'));
    env = { XDG_DATA_HOME: data };
  });

  it('prints progress and recurring problems per question', () => {
    const r = run(['history', '--question', 'customer service'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(CS);
    expect(r.stdout).toContain('6 attempts · best 81 · latest 81');
    expect(r.stdout).toContain('▃▄▅▅▆▇');
    expect(r.stdout).toContain('+ score 35 → 81 (+46)');
    expect(r.stdout).toContain('! no metric in 4 of the last 5 attempts');
    expect(r.stdout).not.toContain('above and beyond');
  });

  it('prints one JSON document for scripts', () => {
    const r = run(['history', '--rubric', 'above-and-beyond', '--format', 'json'], { env });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, tool: 'answer-coach', total: 9, skippedLines: 0 });
    expect(doc.questions).toHaveLength(1);
    expect(doc.questions[0]).toMatchObject({ attempts: 2, best: 70, latest: 60, rubrics: ['above-and-beyond'] });
  });

  it('refuses --question and --rubric together', () => {
    const r = run(['history', '--question', 'x', '--rubric', 'y'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be used with/);
  });

  it('says so when nothing is recorded yet', () => {
    const r = run(['history'], { env: { XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'answer-coach-empty-')) } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No attempts recorded yet/);
  });
});
