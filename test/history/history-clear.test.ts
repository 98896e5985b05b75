import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from '@inquirer/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/check.js';
import { askConfirm, runHistoryClear } from '../../src/cli/history.js';
import { appendAttempt, historyPath, readHistory } from '../../src/history/store.js';
import type { Attempt } from '../../src/history/types.js';
import { run } from '../cli/run.js';

const attempt: Attempt = {
  v: 1,
  at: '2026-11-01T10:00:00.000Z',
  source: 'check',
  rubric: 'customer-service',
  score: 60,
  star: { situation: true, task: true, action: true, result: true },
  pillars: [],
  pillarsMissing: [],
  metric: true,
  findings: {},
  file: '/home/u/a.md',
  hash: '0'.repeat(64),
};

let data: string;
let path: string;
beforeEach(() => {
  data = mkdtempSync(join(tmpdir(), 'answer-coach-clear-'));
  path = historyPath({ XDG_DATA_HOME: data }, '/nonexistent-home');
  appendAttempt(path, attempt);
  appendAttempt(path, attempt);
});

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdin: process.stdin, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('history clear', () => {
  it('asks first and keeps everything on "no"', async () => {
    const io = capture();
    const asked: string[] = [];
    const code = await runHistoryClear(path, { yes: false, interactive: true, ask: async (m) => (asked.push(m), false) }, io);
    expect(code).toBe(0);
    expect(asked).toEqual([`Delete all 2 recorded attempts in ${path}? This cannot be undone.`]);
    expect(io.out).toBe('Nothing deleted.\n');
    expect(readHistory(path).attempts).toHaveLength(2);
  });

  it('deletes on "yes"', async () => {
    const io = capture();
    const code = await runHistoryClear(path, { yes: false, interactive: true, ask: async () => true }, io);
    expect(code).toBe(0);
    expect(io.out).toMatch(/^Deleted 2 recorded attempts/);
    expect(existsSync(path)).toBe(false);
  });

  it('keeps everything when the question is interrupted (Ctrl-C)', async () => {
    const io = capture();
    const interrupted = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    const code = await runHistoryClear(path, { yes: false, interactive: true, ask: async () => Promise.reject(interrupted) }, io);
    expect(code).toBe(130);
    expect(existsSync(path)).toBe(true);
  });

  it('the real prompt defaults to "no": Enter keeps the history, y deletes', async () => {
    // askConfirm loads @inquirer/prompts lazily, so the prompt appears a moment after render() returns.
    const shown = async (r: Awaited<ReturnType<typeof render>>) => {
      for (let i = 0; i < 100 && !r.getScreen(); i++) await new Promise((done) => setTimeout(done, 20));
      return r.getScreen();
    };
    const prompt = (config: { message: string }, ctx: Parameters<typeof askConfirm>[1]) => askConfirm(config.message, ctx);
    const enter = await render(prompt, { message: 'Delete?' });
    expect(await shown(enter)).toContain('Delete? (y/N)');
    enter.events.keypress('enter');
    await expect(enter.answer).resolves.toBe(false);

    const yes = await render(prompt, { message: 'Delete?' });
    await shown(yes);
    yes.events.type('y');
    yes.events.keypress('enter');
    await expect(yes.answer).resolves.toBe(true);
  });

  it('without a terminal, refuses unless --yes (exit 2, nothing deleted)', () => {
    const r = run(['history', 'clear'], { env: { XDG_DATA_HOME: data } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a yes: run it in a terminal, or pass --yes/);
    expect(readHistory(path).attempts).toHaveLength(2);

    const forced = run(['history', 'clear', '--yes'], { env: { XDG_DATA_HOME: data } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/Deleted 2 recorded attempts/);
    expect(existsSync(path)).toBe(false);
  });

  it('says there is nothing to clear when there is no history', () => {
    const r = run(['history', 'clear'], { env: { XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'answer-coach-none-')) } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No history to clear/);
  });
});
