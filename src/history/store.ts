import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
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

/**
 * Appends one attempt as one complete line, in a single write on a file opened with O_APPEND, so
 * concurrent writers never interleave half lines; fsync'd so a crash loses at most this line.
 * The folder and file are private to the user (0700 / 0600): the history never leaves the machine.
 */
export function appendAttempt(path: string, attempt: Attempt): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, 'a+', 0o600);
  try {
    let line = JSON.stringify(attempt) + '\n';
    // A line cut short by a crash has no newline; start ours on a fresh line so it stays readable.
    const size = fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) line = '\n' + line;
    }
    const bytes = Buffer.from(line, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
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

/** Reads the history file; a missing file is an empty history. */
export function readHistory(path: string): HistoryRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { attempts: [], skipped: 0 };
    throw e;
  }
  return parseHistory(text);
}

/** Deletes the history file; returns false when there was none. */
export function clearHistory(path: string): boolean {
  if (!existsSync(path)) return false;
  rmSync(path, { force: true });
  return true;
}
