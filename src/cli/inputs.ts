import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';

import { decodeAnswer, MAX_ANSWER_BYTES } from '../batch/read-answer.js';

export { checkAnswerBytes, decodeAnswer, MAX_ANSWER_BYTES, readAnswerFile } from '../batch/read-answer.js';
const ANSWER_FILE = /\.(md|markdown|txt|ya?ml)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);

export type InputRef = { kind: 'stdin' } | { kind: 'file'; path: string };
export interface InputProblem {
  file: string;
  message: string;
}

/** What a walk or a glob skips (see ignores.ts); a file named on the command line is always checked. */
export interface SkipRule {
  ignored(path: string, isDir?: boolean): boolean;
  /** The rules for walking a folder named on the command line (which may be ignored itself). */
  within?(dir: string): SkipRule;
}

function walk(dir: string, out: string[], skip?: SkipRule): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip?.ignored(path, true)) walk(path, out, skip);
    } else if (entry.isFile() && ANSWER_FILE.test(entry.name) && !skip?.ignored(path)) out.push(path);
  }
}

/**
 * Expands the command line's paths: `-` is stdin, a folder is every answer file under it, a quoted
 * glob is expanded here (so it works the same in every shell). A path that matches nothing is a
 * problem for that path alone; the rest of the batch goes on.
 */
export async function expandInputs(args: readonly string[], cwd = process.cwd(), skip?: SkipRule): Promise<{ inputs: InputRef[]; problems: InputProblem[] }> {
  const files = new Set<string>();
  const inputs: InputRef[] = [];
  const problems: InputProblem[] = [];
  let stdin = false;
  // the glob matcher is loaded only for an argument that is no existing path
  let tinyglobby: typeof Tinyglobby | undefined;
  for (const arg of args) {
    if (arg === '-') {
      stdin = true;
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(arg, found, skip?.within?.(arg) ?? skip);
      if (!found.length) problems.push({ file: arg, message: 'no answer files (.md, .txt, .yaml, .yml) in this folder, or all of them are ignored' });
      found.forEach((f) => files.add(f));
    } else if (stat) {
      files.add(arg);
    } else if ((tinyglobby ??= await import('tinyglobby')).isDynamicPattern(arg)) {
      const found = (await tinyglobby.glob(arg, { cwd, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })).filter((f) => ANSWER_FILE.test(f) && !skip?.ignored(join(cwd, f)));
      if (!found.length) problems.push({ file: arg, message: 'no answer files match this pattern' });
      found.forEach((f) => files.add(relative(cwd, join(cwd, f)).split(sep).join('/') || f));
    } else {
      problems.push({ file: arg, message: 'no such file or directory' });
    }
  }
  if (stdin) inputs.push({ kind: 'stdin' });
  for (const path of [...files].sort()) inputs.push({ kind: 'file', path });
  return { inputs, problems };
}

/** Reads all of stdin, stopping once it is clearly larger than an answer. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<{ text?: string; problem?: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    if (size > MAX_ANSWER_BYTES) return { problem: `input is too large to be an answer (over 1 MB)` };
    chunks.push(b);
  }
  return decodeAnswer(Buffer.concat(chunks));
}
