import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';

import { decodeAnswer, MAX_ANSWER_BYTES } from '../batch/read-answer.js';
import { errnoProblem, statOrUndefined, statProblem } from '../io/index.js';

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

/**
 * Every answer file under `dir` that `skip` keeps. A folder that cannot be read is one problem and
 * the walk goes on; a symlink is followed (to a file or a folder; each real folder is walked once,
 * so a link loop ends), and a broken one named like an answer is reported, never skipped without a word.
 */
function walk(dir: string, out: string[], problems: InputProblem[], seen: Set<string>, skip?: SkipRule): void {
  const self = statOrUndefined(dir);
  if (self) {
    const id = `${self.dev}:${self.ino}`;
    if (seen.has(id)) return;
    seen.add(id);
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ file: dir, message: `folder cannot be read: ${errnoProblem(e, dir).message}` });
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = statOrUndefined(path);
      if (!target) {
        if (ANSWER_FILE.test(entry.name) && !skip?.ignored(path)) problems.push({ file: path, message: statProblem(path)?.message ?? 'cannot be read' });
        continue;
      }
      isDir = target.isDirectory();
    }
    if (isDir) {
      if (!skip?.ignored(path, true)) walk(path, out, problems, seen, skip);
    }
    // a FIFO or device named like an answer is kept: reading it says what it is
    else if (ANSWER_FILE.test(entry.name) && !skip?.ignored(path)) out.push(path);
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
    const stat = statOrUndefined(arg);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      const before = problems.length;
      walk(arg, found, problems, new Set(), skip?.within?.(arg) ?? skip);
      if (!found.length && problems.length === before) problems.push({ file: arg, message: 'no answer files (.md, .txt, .yaml, .yml) in this folder, or all of them are ignored' });
      found.forEach((f) => files.add(f));
    } else if (stat) {
      files.add(arg);
    } else if ((tinyglobby ??= await import('tinyglobby')).isDynamicPattern(arg)) {
      const found = (await tinyglobby.glob(arg, { cwd, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })).filter((f) => ANSWER_FILE.test(f) && !skip?.ignored(join(cwd, f)));
      if (!found.length) problems.push({ file: arg, message: 'no answer files match this pattern' });
      found.forEach((f) => files.add(relative(cwd, join(cwd, f)).split(sep).join('/') || f));
    } else {
      problems.push({ file: arg, message: statProblem(arg)?.message ?? 'no such file or directory' });
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
