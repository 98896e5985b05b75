import { readRegularFile } from '../io/index.js';

// Reading one answer file, shared by the main thread and the batch's worker threads.

/** An answer is a page or two of text; anything over this is refused before it is read. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** Why a buffer cannot be an answer, or undefined when it can. */
export function checkAnswerBytes(bytes: Buffer): string | undefined {
  if (bytes.length > MAX_ANSWER_BYTES) return `file is too large to be an answer (over ${MAX_ANSWER_BYTES / 1024 / 1024} MB)`;
  if (bytes.subarray(0, 8192).includes(0)) return 'binary file, not text';
  return undefined;
}

// one decoder for every file: a decode without { stream: true } starts afresh each time; it drops
// a leading byte-order mark, as editors do, so columns count from the first character shown
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes answer bytes as UTF-8, refusing invalid or empty text. */
export function decodeAnswer(bytes: Buffer): { text?: string; problem?: string } {
  const problem = checkAnswerBytes(bytes);
  if (problem) return { problem };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { problem: 'not valid UTF-8 text (save the file as UTF-8)' };
  }
  if (!text.trim()) return { problem: 'empty file: there is no answer to check' };
  return { text };
}

/** Reads one answer file: only a regular file (after symlinks), never more than the limit, never blocking. */
export function readAnswerFile(path: string): { text?: string; problem?: string } {
  const read = readRegularFile(path, { maxBytes: MAX_ANSWER_BYTES });
  if (!read.problem) return decodeAnswer(read.bytes);
  const { kind, message, size } = read.problem;
  if (kind === 'too-large') return { problem: size ? `file is too large to be an answer (${(size / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB)` : `file is too large to be an answer (over ${MAX_ANSWER_BYTES / 1024 / 1024} MB)` };
  return { problem: message };
}
