import { closeSync, constants, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { notRegular, readTextFile } from '../io/index.js';
import { dirname, isAbsolute, join } from 'node:path';
import { isAttempt, type Attempt } from './types.js';

/**
 * Where the history lives: `$XDG_DATA_HOME/answer-coach/history.jsonl`, else
 * `~/.local/share/answer-coach/history.jsonl`. A relative XDG_DATA_HOME is ignored, as the XDG
 * spec says. Pure: the caller passes the environment and the home folder.
 */
export function historyPath(env: NodeJS.ProcessEnv, home: string): string {
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, 'answer-coach', 'history.jsonl');
}

// Appending never blocks on a FIFO and never makes a terminal the controlling one; the file is then checked to be a regular file.
const APPEND_FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** The history is one short line per attempt (~400 bytes): this is over 100,000 attempts. */
export const MAX_HISTORY_BYTES = 64 * 1024 * 1024;

/**
 * Appends one attempt as one complete line, in a single write on a file opened with O_APPEND, so
 * concurrent writers never interleave half lines; fsync'd so a crash loses at most this line. A
 * write that fails part way (a full disk) is rolled back: the file is cut back to its size before,
 * so no torn line is left. The folder and file are private to the user (0700 / 0600): the history
 * never leaves the machine.
 */
export function appendAttempt(path: string, attempt: Attempt): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, APPEND_FLAGS, 0o600);
  try {
    const stats = fstatSync(fd);
    const odd = notRegular(stats);
    if (odd) throw new Error(`${path} ${odd.message}`);
    let line = JSON.stringify(attempt) + '\n';
    // A line cut short by a crash has no newline; start ours on a fresh line so it stays readable.
    const size = stats.size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) line = '\n' + line;
    }
    const bytes = Buffer.from(line, 'utf8');
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } catch (e) {
      // (a line another process appended meanwhile would go too: a rare loss, where a torn line would stay forever)
      try {
        ftruncateSync(fd, size);
      } catch {
        // nothing more can be done; the reader skips a torn line with a warning
      }
      throw e;
    }
  } finally {
    closeSync(fd);
  }
}

export interface HistoryRead {
  attempts: Attempt[];
  /** Lines that were not a readable attempt (corrupt, truncated, unknown version). */
  skipped: number;
  /** 1-based line of the first skipped one. */
  firstSkippedLine?: number;
}

/** Parses the history's text; an unreadable line is counted and skipped, never fatal. Pure. */
export function parseHistory(text: string): HistoryRead {
  const attempts: Attempt[] = [];
  let skipped = 0;
  let firstSkippedLine: number | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isAttempt(value)) attempts.push(value);
    else {
      skipped++;
      firstSkippedLine ??= i + 1;
    }
  });
  return { attempts, skipped, firstSkippedLine };
}

/** Reads the history file; a missing file is an empty history. Throws (one-line message) when it cannot be read. */
export function readHistory(path: string): HistoryRead {
  const read = readTextFile(path, { maxBytes: MAX_HISTORY_BYTES });
  if (read.problem?.kind === 'missing') return { attempts: [], skipped: 0 };
  if (read.problem) throw new Error(read.problem.kind === 'too-large' ? `the history is larger than ${MAX_HISTORY_BYTES / 1024 / 1024} MB` : read.problem.message);
  return parseHistory(read.text);
}

/** Deletes the history file; returns false when there was none. */
export function clearHistory(path: string): boolean {
  if (!existsSync(path)) return false;
  rmSync(path, { force: true });
  return true;
}
