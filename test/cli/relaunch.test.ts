import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { wantsRelaunch } from '../../src/cli/commands/check.js';
import { PARALLEL_MIN_FILES } from '../../src/batch/run.js';
import { FIXTURES, run } from './run.js';

// A large batch starts node again with a small young generation (peak memory); it must not show.
let big: string;
let small: string;

beforeAll(() => {
  big = mkdtempSync(join(tmpdir(), 'answer-coach-relaunch-'));
  for (let i = 0; i < PARALLEL_MIN_FILES + 5; i++) copyFileSync(join(FIXTURES, i % 2 ? 'strong.md' : 'no-story.txt'), join(big, `a${String(i).padStart(4, '0')}${i % 2 ? '.md' : '.txt'}`));
  small = mkdtempSync(join(tmpdir(), 'answer-coach-relaunch-small-'));
  copyFileSync(join(FIXTURES, 'strong.md'), join(small, 'a.md'));
});

describe('large batches', () => {
  it('are relaunched only when large, from files, not recorded, and not already tuned', async () => {
    expect(await wantsRelaunch([big], {}, {})).toBe(true);
    expect(await wantsRelaunch([small], {}, {})).toBe(false);
    expect(await wantsRelaunch([big, '-'], {}, {})).toBe(false);
    expect(await wantsRelaunch([big], { record: true }, {})).toBe(false);
    expect(await wantsRelaunch([big], {}, { ANSWER_COACH_RELAUNCHED: '1' })).toBe(false);
    expect(await wantsRelaunch([big], {}, { NODE_OPTIONS: '--max-semi-space-size=8' })).toBe(false);
  });

  it('give the same output and exit code as a run in one process', () => {
    const relaunched = run(['check', big, '--format', 'line', '--threads', '1']);
    const direct = run(['check', big, '--format', 'line', '--threads', '1'], { env: { ANSWER_COACH_RELAUNCHED: '1' } });
    expect(relaunched.code).toBe(1); // the no-story answers fail
    expect(relaunched).toEqual(direct);
    expect(relaunched.stdout.split('\n').length).toBeGreaterThan(PARALLEL_MIN_FILES);
  }, 60_000);
});
