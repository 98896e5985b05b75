import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

// Reading one answer file, shared by the main thread and the batch's worker threads.

/** An answer is a page or two of text; anything over this is refused before it is read. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** Why a buffer cannot be an answer, or undefined when it can. */
export function checkAnswerBytes(bytes: Buffer): string | undefined {
  if (bytes.length > MAX_ANSWER_BYTES) return `file is too large to be an answer (over ${MAX_ANSWER_BYTES / 1024 / 1024} MB)`;
  if (bytes.subarray(0, 8192).includes(0)) return 'binary file, not text';
  return undefined;
}

/** Decodes answer bytes as UTF-8, refusing invalid or empty text. */
export function decodeAnswer(bytes: Buffer): { text?: string; problem?: string } {
  const problem = checkAnswerBytes(bytes);
  if (problem) return { problem };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'not valid UTF-8 text (save the file as UTF-8)' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep columns true: the BOM becomes a space
  if (!text.trim()) return { problem: 'empty file: there is no answer to check' };
  return { text };
}

/** Reads one answer file, refusing a huge one by its size before reading it. */
export function readAnswerFile(path: string): { text?: string; problem?: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : 'cannot be read' };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_ANSWER_BYTES) return { problem: `file is too large to be an answer (${(size / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB)` };
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (!n) break;
      read += n;
    }
    return decodeAnswer(bytes.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}
