import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile, readTextFile } from '../../src/io/index.js';

// The one way untrusted files are read: only regular files (after symlinks), never blocking, never
// past the limit. FIFOs are made with the real mkfifo; /dev/zero is the real device.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'answer-coach-io-'));
  writeFileSync(join(dir, 'plain.txt'), 'hello');
  writeFileSync(join(dir, 'exact.txt'), 'x'.repeat(100));
  writeFileSync(join(dir, 'over.txt'), 'x'.repeat(101));
  execFileSync('mkfifo', [join(dir, 'pipe')]);
  mkdirSync(join(dir, 'folder'));
  symlinkSync(join(dir, 'plain.txt'), join(dir, 'to-plain'));
  symlinkSync(join(dir, 'pipe'), join(dir, 'to-pipe'));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problem = (path: string, maxBytes = 100) => readRegularFile(path, { maxBytes }).problem;

describe('readRegularFile', () => {
  it('reads a regular file, and one behind a symlink', () => {
    expect(readTextFile(join(dir, 'plain.txt'), { maxBytes: 100 }).text).toBe('hello');
    expect(readTextFile(join(dir, 'to-plain'), { maxBytes: 100 }).text).toBe('hello');
  });

  it('reads up to the limit and refuses one byte more', () => {
    expect(readRegularFile(join(dir, 'exact.txt'), { maxBytes: 100 }).bytes?.length).toBe(100);
    expect(problem(join(dir, 'over.txt'))).toMatchObject({ kind: 'too-large', size: 101 });
  });

  it('refuses a FIFO at once, directly or through a symlink, instead of waiting for a writer', () => {
    // (were it opened for a blocking read, this test would hang, not fail)
    expect(problem(join(dir, 'pipe'))).toEqual({ kind: 'not-regular', message: 'is a named pipe (FIFO), not a regular file' });
    expect(problem(join(dir, 'to-pipe'))?.kind).toBe('not-regular');
  });

  it('refuses a character device whose stat size is 0 but whose read never ends', () => {
    expect(problem('/dev/zero', 1024 * 1024)).toEqual({ kind: 'not-regular', message: 'is a character device, not a regular file' });
  });

  it('names a folder, a missing path and a broken symlink', () => {
    expect(problem(join(dir, 'folder'))).toEqual({ kind: 'directory', message: 'is a directory' });
    expect(problem(join(dir, 'missing'))).toEqual({ kind: 'missing', message: 'no such file or directory' });
    expect(problem(join(dir, 'dangling'))?.kind).toBe('broken-link');
    expect(problem(join(dir, 'plain.txt', 'below'))?.kind).toBe('missing');
  });
});
