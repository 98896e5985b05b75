import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftFile } from '../../src/cli/draft-file.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runPractice } from '../../src/cli/practice.js';
import { checkText } from '../../src/cli/check.js';
import { attemptFromReport } from '../../src/history/record.js';
import { appendAttempt, readHistory } from '../../src/history/store.js';
import { parseDraft } from '../../src/practice/draft.js';
import type { Step } from '../../src/practice/walkthrough.js';
import { practiseScripted } from './scripted.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

// Nothing typed is lost, nothing private exposed, when the disk is full or a folder read-only.
// The disk is a real tiny tmpfs where one can be mounted (the tests run as root here); elsewhere
// the same failure is injected into node:fs for paths under the "disk" folder, and said so.
const inject = vi.hoisted(() => ({ under: undefined as string | undefined, code: 'ENOSPC', partial: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failure = () => Object.assign(new Error(`${inject.code}: injected write failure`), { code: inject.code });
  const paths = new Map<number, string>();
  const hit = (path: unknown) => inject.under !== undefined && String(path).startsWith(inject.under);
  const mocked = {
    ...fs,
    openSync: (path: string, ...rest: unknown[]) => {
      const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
      paths.set(fd, String(path));
      return fd;
    },
    // a write that fails part way: `partial` bytes land, then the failure
    writeSync: (fd: number, buffer: Buffer, offset?: number, length?: number, ...rest: unknown[]) => {
      if (hit(paths.get(fd))) {
        if (inject.partial > 0 && typeof offset === 'number') {
          const n = fs.writeSync(fd, buffer, offset, Math.min(inject.partial, length ?? buffer.length));
          inject.partial = 0;
          return n;
        }
        throw failure();
      }
      return (fs.writeSync as (...a: unknown[]) => number)(fd, buffer, offset, length, ...rest);
    },
    writeFileSync: (path: string, ...rest: unknown[]) => {
      if (hit(path)) throw failure();
      return (fs.writeFileSync as (...a: unknown[]) => void)(path, ...rest);
    },
  };
  return { ...mocked, default: mocked };
});

let dir: string;
let mounted: string[] = [];
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'answer-coach-draft-files-'))));
afterEach(() => {
  inject.under = undefined;
  inject.partial = 0;
  for (const m of mounted) spawnSync('umount', [m]);
  mounted = [];
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A folder on a disk that fails as `kind` says: a real tmpfs of `bytes`, filled up (full) or
 * remounted read-only, where mounting works; else an ordinary folder whose writes are made to fail.
 */
function badDisk(kind: 'full' | 'read-only', bytes = 64 * 1024): { path: string; real: boolean; fail: () => void } {
  const path = join(dir, `disk-${mounted.length}`);
  mkdirSync(path);
  const m = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', path], { encoding: 'utf8' });
  if (m.status !== 0) {
    console.warn(`draft files: a tmpfs could not be mounted (${m.stderr.trim() || m.error}); the ${kind === 'full' ? 'ENOSPC' : 'EROFS'} failure is injected instead`);
    return { path, real: false, fail: () => ((inject.under = path), (inject.code = kind === 'full' ? 'ENOSPC' : 'EROFS')) };
  }
  mounted.unshift(path);
  const fill = () => {
    const fd = openSync(join(path, 'filler'), 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(1024, 120));
    } catch {
      // full
    } finally {
      closeSync(fd);
    }
  };
  return { path, real: true, fail: kind === 'full' ? fill : () => void spawnSync('mount', ['-o', 'remount,ro', path]) };
}

const practise = (replies: ((step: Step) => unknown)[], opts: Parameters<typeof runPractice>[0], data: string) => practiseScripted(replies, opts, { XDG_DATA_HOME: data, HOME: dir });
const keep = () => 'keep';
const text = (t: string) => () => t;
const typing = (lines: string[], between?: () => void) => (step: Step) => {
  if (step.kind !== 'text') throw new Error(`expected a text step, got ${step.kind}`);
  lines.forEach((_, i) => {
    if (i === lines.length - 1) between?.();
    step.onProgress?.(lines.slice(0, i + 1).join('\n'));
  });
  return lines.join('\n');
};
const FALLBACK = /answer-coach-draft-\d+-[0-9a-f]+\.md/;

describe('a draft that cannot be written', () => {
  it('a full disk while typing: one line naming what was kept and where, exit 2, no stack trace; the line typed is in a private file', async () => {
    const disk = badDisk('full');
    const r = await practise([typing(['Customer service means listening first.', 'Then fixing it the same day.'], disk.fail)], { question: '1' }, disk.path);
    expect(r.code).toBe(ExitCode.Error);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^answer-coach: could not save the draft to ${join(disk.path, 'answer-coach', 'drafts')}/\\S+\\.md \\((no space left on the device)\\); everything typed so far is in (\\S+) instead; resume with: answer-coach practice --resume \\S+$`));
    const kept = lines[0].match(/is in (\S+) instead/)![1];
    expect(kept).toMatch(FALLBACK);
    try {
      expect(statSync(kept).mode & 0o777).toBe(0o600);
      expect(parseDraft(readFileSync(kept, 'utf8')).texts.opening).toBe('Customer service means listening first.\nThen fixing it the same day.');
      // the draft on the full disk is whole: the last version that could be written
      const [name] = readdirSync(join(disk.path, 'answer-coach', 'drafts')).filter((n) => !n.startsWith('.'));
      expect(parseDraft(readFileSync(join(disk.path, 'answer-coach', 'drafts', name), 'utf8')).texts.opening).toBe('Customer service means listening first.');
      // and it resumes from the kept file
      const again = await practise([keep, () => Object.assign(new Error('stop'), { name: 'ExitPromptError' })].map((f) => (s: Step) => (f === keep ? f() : Promise.reject(f()))), { resume: kept }, join(dir, 'data'));
      expect(again.out).toContain('Then fixing it the same day.');
    } finally {
      rmSync(kept, { force: true });
    }
  });

  it('a read-only drafts folder never points to a draft that was never written', async () => {
    const disk = badDisk('read-only');
    disk.fail();
    const r = await practise([typing(['Customer service means listening first.'])], { question: '1' }, disk.path);
    expect(r.code).toBe(ExitCode.Error);
    expect(r.err).toMatch(/^answer-coach: could not save the draft to \S+ \((the file system is read-only|permission denied)\); everything typed so far is in \S+ instead/);
    const kept = r.err.match(/is in (\S+) instead/)![1];
    rmSync(kept, { force: true });
    expect(r.err).not.toMatch(/Your draft is in/);
  });

  it('when nothing can be written anywhere, says so, and names no draft', () => {
    const disk = badDisk('read-only');
    disk.fail();
    const elsewhere = disk.real ? disk.path : join(disk.path, 'tmp');
    const file = new DraftFile(() => join(disk.path, 'drafts', 'a.md'), undefined, undefined, elsewhere);
    expect(() => file.save('# Q\n')).toThrow(/nothing could be saved, here or in /);
    expect(file.saved).toBeUndefined();
    expect(file.failure).toMatch(/^could not save the draft to \S+a\.md \(/);
  });
});

describe('the saved answer', () => {
  const answer = (path: string) => [text('Customer service means listening first.'), keep, text('Last May a customer called.'), keep, text('I had to fix it.'), keep, text('I called the vendor and explained.'), keep, text('It was fixed within an hour.'), keep, () => 'yes'].map((f, i, all) => (i === all.length - 1 ? (s: Step) => (s.kind === 'overwrite' ? true : path) : f));

  it('replacing a file keeps its mode; a new one is private (0600)', async () => {
    const shared = join(dir, 'shared.md');
    writeFileSync(shared, 'old');
    chmodSync(shared, 0o640);
    const r = await practise(answer(shared), { question: '1', out: shared }, join(dir, 'data'));
    expect(r.code).toBe(ExitCode.Clean);
    expect(readFileSync(shared, 'utf8')).toContain('## Situation');
    expect(statSync(shared).mode & 0o777).toBe(0o640);
    const fresh = join(dir, 'fresh.md');
    expect((await practise(answer(fresh), { question: '1', out: fresh }, join(dir, 'data'))).code).toBe(ExitCode.Clean);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
  });

  it('a dangling symlink at --out is asked about like an existing file', async () => {
    const link = join(dir, 'link.md');
    symlinkSync(join(dir, 'nowhere.md'), link);
    const asked: Step[] = [];
    const replies = answer(link).slice(0, -1);
    replies.push((s) => (asked.push(s), false), (s) => (asked.push(s), join(dir, 'other.md')));
    const r = await practise(replies, { question: '1', out: link }, join(dir, 'data'));
    expect(r.code).toBe(ExitCode.Clean);
    expect(asked.map((s) => s.kind)).toEqual(['overwrite', 'path']);
    expect(existsSync(join(dir, 'other.md'))).toBe(true);
    expect(existsSync(join(dir, 'nowhere.md'))).toBe(false); // nothing was written through the link
  });
});

describe('the drafts folder', () => {
  it('a dangling symlink there does not crash --resume; the real draft is resumed', async () => {
    const stop = () => Promise.reject(Object.assign(new Error('stop'), { name: 'ExitPromptError' }));
    const first = await practise([text('Customer service means listening first.'), keep, stop], { question: '1' }, join(dir, 'data'));
    expect(first.code).toBe(ExitCode.Interrupted);
    const drafts = join(dir, 'data', 'answer-coach', 'drafts');
    symlinkSync(join(dir, 'gone.md'), join(drafts, 'zzz-newest.md'));
    const again = await practise([stop], { resume: true }, join(dir, 'data'));
    expect(again.code).toBe(ExitCode.Interrupted);
    expect(again.out).toContain('Picking up at the Situation.');
  });
});

describe('a draft to resume that is not a regular file', () => {
  it('a FIFO given to --resume is one line and exit 2, not a hang', async () => {
    const fifo = join(dir, 'draft.md');
    spawnSync('mkfifo', [fifo]);
    const r = await practise([], { resume: fifo }, join(dir, 'data'));
    expect(r.code).toBe(ExitCode.Error);
    expect(r.err).toBe(`answer-coach: ${fifo}: is a named pipe (FIFO), not a regular file\n`);
  });
});

describe('the history', () => {
  it('a failed append rolls back its partial line', () => {
    const registry = new RubricRegistry();
    const attempt = attemptFromReport(checkText('I listened and fixed it within an hour.', 'text', registry), { file: '/a.txt', content: 'x' });
    const disk = badDisk('full', 16 * 1024);
    const path = join(disk.path, 'history.jsonl');
    // one page but a little of the history: the next line must take a new page, which the full disk refuses part way
    appendAttempt(path, attempt);
    const one = readFileSync(path, 'utf8');
    writeFileSync(path, one.repeat(Math.floor((4096 - 100) / one.length)) + ' '.repeat((4096 - 100) % one.length) + '\n');
    const before = readFileSync(path);
    disk.fail();
    if (!disk.real) inject.partial = 100;
    expect(() => appendAttempt(path, attempt)).toThrow(/ENOSPC|no space/);
    expect(readFileSync(path)).toEqual(before);
    expect(readHistory(path).skipped).toBe(0);
  });
});
