import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finalizeRubric, mergeRaw } from './resolve.js';
import { RubricError, type Rubric } from './types.js';
import { MAX_RUBRIC_BYTES, parseRubricSource, type Problem } from './validate.js';

/** The rubrics shipped with the package (rubrics/ beside dist/). */
export const BUILT_IN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rubrics');

interface Entry {
  id: string;
  file: string;
  raw: Record<string, unknown>;
}

function readRubricFile(file: string): Entry {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new RubricError([{ file, message: 'no such rubric file' }]);
  }
  if (size > MAX_RUBRIC_BYTES) throw new RubricError([{ file, message: `rubric is larger than ${MAX_RUBRIC_BYTES / 1024} KiB` }]);
  const { value, problems } = parseRubricSource(readFileSync(file, 'utf8'), file);
  if (!value) throw new RubricError(problems);
  return { id: String(value.id), file, raw: value };
}

const isRubricFile = (name: string) => /\.ya?ml$/i.test(name);

/**
 * Finds and resolves rubrics. Reads files (an edge of the program); the rubric logic it calls
 * (validation, merging) is pure. Later folders shadow earlier ones by id.
 */
export class RubricRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly resolved = new Map<string, Rubric>();

  constructor(dirs: string[] = [BUILT_IN_DIR]) {
    const problems: Problem[] = [];
    for (const dir of dirs) {
      let names: string[];
      try {
        names = readdirSync(dir).filter(isRubricFile).sort();
      } catch {
        continue;
      }
      for (const name of names) {
        try {
          const entry = readRubricFile(join(dir, name));
          this.entries.set(entry.id, entry);
        } catch (e) {
          if (e instanceof RubricError) problems.push(...e.problems);
          else throw e;
        }
      }
    }
    if (problems.length) throw new RubricError(problems);
  }

  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Rubrics a person can pick (those that name at least one question). */
  all(): Rubric[] {
    return this.ids()
      .map((id) => this.get(id))
      .filter((r) => r.questions.length > 0);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** A rubric by id, with its `extends` chain resolved. */
  get(id: string): Rubric {
    const cached = this.resolved.get(id);
    if (cached) return cached;
    const rubric = finalizeRubric(this.rawChain(id, []), this.entries.get(id)!.file);
    this.resolved.set(id, rubric);
    return rubric;
  }

  /** Loads a rubric from a path; its `extends` may name any rubric this registry knows. */
  load(path: string): Rubric {
    const entry = readRubricFile(resolve(path));
    const parent = typeof entry.raw.extends === 'string' ? this.rawChain(entry.raw.extends, [entry.id], entry.file) : {};
    return finalizeRubric(mergeRaw(parent, entry.raw), entry.file);
  }

  private rawChain(id: string, seen: string[], from?: string): Record<string, unknown> {
    const entry = this.entries.get(id);
    if (!entry) throw new RubricError([{ file: from ?? id, message: `unknown rubric "${id}"${from ? ' in extends' : ''} (known: ${this.ids().join(', ')})` }]);
    if (seen.includes(id)) throw new RubricError([{ file: entry.file, message: `extends cycle: ${[...seen, id].join(' → ')}` }]);
    const parentId = entry.raw.extends;
    const parent = typeof parentId === 'string' ? this.rawChain(parentId, [...seen, id], entry.file) : {};
    const merged = mergeRaw(parent, entry.raw);
    delete merged.extends;
    return merged;
  }
}

/** A file name's rubric id guess, for messages. */
export const rubricIdFromPath = (path: string) => basename(path).replace(/\.ya?ml$/i, '');
