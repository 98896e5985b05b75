import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_MIN_FILES, startProgress, wantsProgress } from '../../src/batch/progress.js';
import { runCheck, type Io } from '../../src/cli/check.js';
import { RubricRegistry } from '../../src/rubric/registry.js';
// @ts-expect-error: a plain .mjs script without types
import { generateCorpus } from '../../scripts/gen-corpus.mjs';
import { run } from '../cli/run.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'answer-coach-progress-'));
  generateCorpus(join(dir, 'answers'), PROGRESS_MIN_FILES, 11);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A terminal-like stream that records what is drawn on it. */
function fakeTerminal(isTTY: boolean) {
  const stream = {
    isTTY,
    columns: 100,
    written: '',
    write(chunk: string) {
      stream.written += chunk;
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return stream;
}

describe('progress', () => {
  it('is wanted only on a terminal, and only for a long batch', () => {
    expect(wantsProgress({ isTTY: false }, 10_000)).toBe(false);
    expect(wantsProgress({}, 10_000)).toBe(false);
    expect(wantsProgress(undefined, 10_000)).toBe(false);
    expect(wantsProgress({ isTTY: true }, PROGRESS_MIN_FILES - 1)).toBe(false);
    expect(wantsProgress({ isTTY: true }, PROGRESS_MIN_FILES)).toBe(true);
  });

  it('draws nothing on a stream that is not a terminal', async () => {
    const pipe = fakeTerminal(false);
    expect(await startProgress(pipe as unknown as NodeJS.WriteStream, 10_000)).toBeUndefined();
    expect(pipe.written).toBe('');
  });

  it('draws on the terminal stream, never on stdout, and the report is unchanged', async () => {
    const tty = fakeTerminal(true);
    let stdout = '';
    const io: Io = { stdout: (t) => void (stdout += t), stderr: () => {}, stdin: process.stdin };
    await runCheck([join(dir, 'answers')], new RubricRegistry(), { format: 'json', failOn: 'error', color: false, version: '1.0.0', threads: 2, progress: tty as unknown as NodeJS.WriteStream }, io);
    expect(tty.written).toMatch(new RegExp(`\\d+/${PROGRESS_MIN_FILES} answers`));
    expect(stdout).not.toMatch(/answers {2}\d+%|\u001b/);
    expect(JSON.parse(stdout).results).toHaveLength(PROGRESS_MIN_FILES);
  }, 120_000);

  it('prints nothing on a piped stderr from the CLI', () => {
    // line format: the JSON of this many answers is over spawnSync's output buffer
    const r = run(['check', join(dir, 'answers'), '--format', 'line']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(PROGRESS_MIN_FILES);
    for (const l of lines) expect(l).toMatch(/^\S+:\d+:\d+: (error|warning|info) [a-z-]+: /);
  }, 120_000);
});
