// Reading untrusted files: every answer, rubric, config, draft and history file goes through here.
// A path can name anything: a FIFO (opening it blocking would wait forever for a writer), a
// character device such as /dev/zero (stat says size 0, reading never ends), a symlink to either,
// a folder, or a file that grows while it is read. Only a regular file (after following symlinks)
// is read, opened non-blocking, and read in chunks up to a limit that does not trust the stat size.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Why a path could not be read. `too-large` carries the size seen, when stat knew it. */
export type ReadProblemKind = 'missing' | 'broken-link' | 'denied' | 'directory' | 'not-regular' | 'too-large' | 'error';

export interface ReadProblem {
  kind: ReadProblemKind;
  /** One line, lower case, naming the problem (the caller adds the path). */
  message: string;
  /** For `too-large`: the size stat reported, when it was over the limit (a device reports 0). */
  size?: number;
}

export type ReadResult = { bytes: Buffer; problem?: undefined } | { bytes?: undefined; problem: ReadProblem };

const CHUNK = 64 * 1024;
const scratch = Buffer.allocUnsafe(CHUNK);
// O_NONBLOCK: a FIFO that was swapped in after the stat is opened without waiting for a writer
// (and then refused by fstat); O_NOCTTY: a terminal device never becomes the controlling terminal.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What a path that is not a regular file is, in words, or undefined for a regular file. */
export function notRegular(stats: Stats): ReadProblem | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return { kind: 'directory', message: 'is a directory' };
  const what = stats.isFIFO()
    ? 'a named pipe (FIFO)'
    : stats.isCharacterDevice()
      ? 'a character device'
      : stats.isBlockDevice()
        ? 'a block device'
        : stats.isSocket()
          ? 'a socket'
          : 'not a file';
  return { kind: 'not-regular', message: `is ${what}, not a regular file` };
}

/** A failed stat or open, in words. A missing path that is a symlink is a broken link. */
export function errnoProblem(e: unknown, path: string): ReadProblem {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOTDIR':
      // reading a file as a folder; otherwise a part of the path is a file, so nothing is there
      if (statOrUndefined(path)) return { kind: 'error', message: 'is not a folder' };
    // falls through
    case 'ENOENT': {
      let link = false;
      try {
        link = lstatSync(path).isSymbolicLink();
      } catch {
        // not there at all
      }
      return link ? { kind: 'broken-link', message: 'broken symbolic link (what it points to does not exist)' } : { kind: 'missing', message: 'no such file or directory' };
    }
    case 'EACCES':
    case 'EPERM':
      return { kind: 'denied', message: 'permission denied' };
    case 'EISDIR':
      return { kind: 'directory', message: 'is a directory' };
    case 'ELOOP':
      return { kind: 'error', message: 'too many levels of symbolic links' };
    case 'ENAMETOOLONG':
      return { kind: 'error', message: 'file name too long' };
    default:
      return { kind: 'error', message: `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})` };
  }
}

/**
 * Reads a regular file, following symlinks, refusing anything else (FIFO, device, socket, folder)
 * without opening it for a blocking read, and refusing it once more than `maxBytes` have been
 * read (the stat size is only a hint: a file may grow, and a device says 0). Never throws.
 */
export function readRegularFile(path: string, { maxBytes }: { maxBytes: number }): ReadResult {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (e) {
    return { problem: errnoProblem(e, path) };
  }
  const kind = notRegular(stats);
  if (kind) return { problem: kind };
  if (stats.size > maxBytes) return { problem: { kind: 'too-large', message: `is larger than ${maxBytes} bytes`, size: stats.size } };
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { problem: errnoProblem(e, path) };
  }
  try {
    // the path may have been swapped between the stat and the open: check what was opened
    const opened = fstatSync(fd);
    const swapped = notRegular(opened);
    if (swapped) return { problem: swapped };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // each chunk is read into one scratch buffer and copied out at its size: a new 64 KB buffer
      // per read was 64 KB of memory outside the heap for every file of a batch (answers are a
      // few KB), and the collections its accounting set off
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const n = readSync(fd, scratch, 0, want, null);
      if (n === 0) break;
      chunks.push(Buffer.from(scratch.subarray(0, n)));
      total += n;
      if (total > maxBytes) return { problem: { kind: 'too-large', message: `is larger than ${maxBytes} bytes` } };
    }
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (e) {
    return { problem: errnoProblem(e, path) };
  } finally {
    closeSync(fd);
  }
}

/** The first `bytes` bytes of a regular file (all of it when shorter), or undefined when it is no regular file or cannot be read. */
export function readHead(path: string, bytes: number): Buffer | undefined {
  const stats = statOrUndefined(path);
  if (!stats?.isFile()) return undefined;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** readRegularFile, decoded as UTF-8 (invalid bytes become U+FFFD, as readFileSync(path, 'utf8') does). */
export function readTextFile(path: string, limits: { maxBytes: number }): { text: string; problem?: undefined } | { text?: undefined; problem: ReadProblem } {
  const read = readRegularFile(path, limits);
  return read.problem ? { problem: read.problem } : { text: read.bytes.toString('utf8') };
}

/** What is at a path, without following a final symlink: undefined when nothing is (not even a broken link). */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** stat, following symlinks; undefined when it fails (missing, broken link, no permission). */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Why stat fails on a path (missing, broken link, no permission), or undefined when it does not. */
export function statProblem(path: string): ReadProblem | undefined {
  try {
    statSync(path);
    return undefined;
  } catch (e) {
    return errnoProblem(e, path);
  }
}
