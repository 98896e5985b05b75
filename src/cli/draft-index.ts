import { readTextFile } from '../io/index.js';
import { join } from 'node:path';

// A draft beside --out (answer.md → answer.draft.md) lives outside the drafts folder; so that a
// bare `practice --resume` finds it as it finds the others, the drafts folder keeps a list of
// them, one absolute path a line. The list is private, like the drafts.

const INDEX = '.beside-out';

/** The drafts listed as kept outside `dir`, whether or not they still exist. */
export function draftsElsewhere(dir: string): string[] {
  const read = readTextFile(join(dir, INDEX), { maxBytes: 1024 * 1024 });
  return read.problem ? [] : read.text.split('\n').filter(Boolean);
}

/**
 * Adds or removes a draft kept outside `dir` in its list; paths that no longer exist are dropped.
 * `write` writes the list whole (a temporary file and a rename).
 */
export function listDraftElsewhere(dir: string, path: string, listed: boolean, exists: (path: string) => boolean, write: (file: string, text: string) => void): void {
  const before = draftsElsewhere(dir);
  const after = [...new Set([...before.filter((p) => p !== path && exists(p)), ...(listed ? [path] : [])])];
  if (after.join('\n') !== before.join('\n')) write(join(dir, INDEX), after.map((p) => `${p}\n`).join(''));
}
