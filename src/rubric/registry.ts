import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { errnoProblem, readTextFile } from '../io/index.js';
import { finalizeRubric, mergeRaw } from './resolve.js';
import { primeStems, stemsOf } from '../text/tokens.js';
import { pickable, resolveEvery, RubricError, type Rubric } from './types.js';
import { MAX_RUBRIC_BYTES, parseRubricSource, type Problem } from './validate.js';

/** The rubrics shipped with the package (rubrics/ beside dist/). */
export const BUILT_IN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rubrics');

/**
 * The built-in rubrics, already parsed and validated: `npm run build` writes this beside the
 * compiled registry so a run need not load and run the YAML parser. (Under the test runner this
 * module is TypeScript in src/, where no snapshot is written: the YAML is read.)
 */
export const BUILT_IN_SNAPSHOT = fileURLToPath(new URL('./built-in-rubrics.json', import.meta.url));

/** Which folder a snapshot stands for, and the file it is in. */
export interface SnapshotOption {
  dir: string;
  file: string;
}

/** Where a folder of rubrics comes from, for `rubrics list` and messages. */
export type Origin = 'built-in' | 'user config' | 'ANSWER_COACH_RUBRICS' | 'project config' | '--rubrics-dir' | 'path';

export interface RubricSource {
  dir: string;
  origin: Origin;
}

/** One rubric file as found: its id, where it came from, and its raw (validated, unresolved) keys. */
export interface RubricEntry {
  id: string;
  file: string;
  origin: Origin;
  raw: Record<string, unknown>;
  /** Where its top-level `extends` value is, for messages about the chain. */
  extendsAt?: { line: number; column: number };
  /** Where each top-level key is (block style), for messages about what the resolved rubric holds. */
  keysAt?: Record<string, { line: number; column: number }>;
  /** The entry this one hides: an earlier rubric with the same id. */
  shadows?: RubricEntry;
}

export interface DiscoveryOptions {
  /** `--rubrics-dir` folders (highest precedence). */
  rubricsDirs?: readonly string[];
  /** `rubrics-dir` from the project config, already resolved against the config's folder. */
  projectDirs?: readonly string[];
  env?: NodeJS.ProcessEnv;
  builtIn?: string;
}

/**
 * The folders rubrics are read from, lowest precedence first: built-in, then
 * `$XDG_CONFIG_HOME/answer-coach/rubrics` (default ~/.config), then each folder in
 * `ANSWER_COACH_RUBRICS` (separated like PATH), then the project config's `rubrics-dir`, then
 * `--rubrics-dir`. A later folder's rubric shadows an earlier one with the same id.
 */
export function rubricSources({ rubricsDirs = [], projectDirs = [], env = {}, builtIn = BUILT_IN_DIR }: DiscoveryOptions = {}): RubricSource[] {
  const sources: RubricSource[] = [{ dir: builtIn, origin: 'built-in' }];
  const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  sources.push({ dir: join(configHome, 'answer-coach', 'rubrics'), origin: 'user config' });
  for (const dir of (env.ANSWER_COACH_RUBRICS ?? '').split(delimiter).filter(Boolean)) sources.push({ dir: resolve(dir), origin: 'ANSWER_COACH_RUBRICS' });
  for (const dir of projectDirs) sources.push({ dir: resolve(dir), origin: 'project config' });
  for (const dir of rubricsDirs) sources.push({ dir: resolve(dir), origin: '--rubrics-dir' });
  return sources;
}

/** A rubric file's text: only a regular file, never more than the limit, never a blocking open. */
function readRubricSource(file: string): string {
  const read = readTextFile(file, { maxBytes: MAX_RUBRIC_BYTES });
  if (read.problem) {
    const { kind, message } = read.problem;
    throw new RubricError([{ file, message: kind === 'missing' ? 'no such rubric file' : kind === 'too-large' ? `rubric is larger than ${MAX_RUBRIC_BYTES / 1024} KiB` : message }]);
  }
  return read.text;
}

function readRubricFile(file: string, origin: Origin): RubricEntry {
  const source = readRubricSource(file);
  const { value, problems } = parseRubricSource(source, file);
  if (!value) throw new RubricError(problems);
  return { id: String(value.id), file, origin, raw: value, extendsAt: extendsPosition(source), keysAt: keyPositions(source) };
}

/** Line and column of each block-style top-level key (`pillars:`, `jargon-:`). */
function keyPositions(source: string): Record<string, { line: number; column: number }> {
  // no prototype: a key named like an Object.prototype member is a key like any other
  const at: Record<string, { line: number; column: number }> = Object.create(null);
  let line = 0;
  for (const text of source.split('\n')) {
    line++;
    const m = /^([A-Za-z][\w-]*[+-]?)[ \t]*:/.exec(text);
    if (m && !Object.hasOwn(at, m[1])) at[m[1]] = { line, column: 1 };
  }
  return at;
}

/** Line and column of a block-style top-level `extends:` value (the validated data has no positions). */
function extendsPosition(source: string): { line: number; column: number } | undefined {
  const m = /^extends[ \t]*:[ \t]*/m.exec(source);
  if (!m) return undefined;
  const before = source.slice(0, m.index);
  return { line: before.split('\n').length, column: m[0].length + 1 };
}

const isRubricFile = (name: string) => /\.ya?ml$/i.test(name);

const SNAPSHOT_VERSION = 1;
/** The build's snapshot is a few hundred KiB; far more is not one. */
const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;

/** One rubric file as the snapshot keeps it: its exact text, and what parsing it gave. */
interface SnapshotItem {
  name: string;
  source: string;
  id: string;
  raw: Record<string, unknown>;
  extendsAt?: { line: number; column: number };
  keysAt?: Record<string, { line: number; column: number }>;
}

interface Snapshot {
  version: number;
  /** What accepted the files (see validatorFingerprint): a changed validator, schema or YAML parser may not, so its snapshot is not used. */
  code: string;
  /** The YAML parser's package.json where the build found it, relative to the snapshot: read directly, as resolving the package costs more than the rest. */
  yamlPackage: string;
  files: SnapshotItem[];
  /** Porter stems of every word in the files, and natural's package.json (relative, as yamlPackage) whose version made them. */
  stems?: Record<string, string>;
  naturalPackage?: string;
  naturalVersion?: string;
}

const resolveYamlPackage = () => createRequire(import.meta.url).resolve('yaml/package.json');
const resolveNaturalPackage = () => createRequire(import.meta.url).resolve('natural/package.json');

function packageVersion(path: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** Every string anywhere in a parsed rubric (phrases, cues, headings, questions). */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/**
 * The validator's and schema's own source (beside this module) and the YAML parser's version,
 * compared whole like the rubrics. The parser's package.json is looked for where the build found
 * it, and resolved as Node would only when it is not there (an install that placed it elsewhere).
 */
function validatorFingerprint(yamlPackage: string): string | undefined {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const version = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  try {
    const sources = ['validate', 'schema'].map((m) => readFileSync(new URL(`./${m}${ext}`, import.meta.url), 'utf8'));
    let yamlVersion: string;
    try {
      yamlVersion = version(yamlPackage);
    } catch {
      yamlVersion = version(resolveYamlPackage());
    }
    return [...sources, yamlVersion].join('\0');
  } catch {
    return undefined;
  }
}

/** The snapshot's items by file name, or undefined when there is none or it was made by another validator. */
function readSnapshot(file: string): Map<string, SnapshotItem> | undefined {
  let snapshot: Snapshot;
  try {
    const read = readTextFile(file, { maxBytes: MAX_SNAPSHOT_BYTES });
    if (read.problem) return undefined;
    snapshot = JSON.parse(read.text) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot?.version !== SNAPSHOT_VERSION || !Array.isArray(snapshot.files) || typeof snapshot.yamlPackage !== 'string') return undefined;
  const code = validatorFingerprint(resolve(dirname(file), snapshot.yamlPackage));
  if (code === undefined || snapshot.code !== code) return undefined;
  // the stems are a cache of natural's Porter stemmer: good whatever the rubrics say, while natural is the same
  if (snapshot.stems && snapshot.naturalPackage && packageVersion(resolve(dirname(file), snapshot.naturalPackage)) === snapshot.naturalVersion) primeStems(snapshot.stems);
  return new Map(snapshot.files.map((item) => [item.name, item]));
}

/**
 * A file's entry from the snapshot, only when the file's text is exactly what the snapshot was
 * made from: a rubric edited since the build is parsed again (and its errors reported as ever).
 */
function snapshotEntry(item: SnapshotItem | undefined, file: string, origin: Origin): RubricEntry | undefined {
  if (!item) return undefined;
  const read = readTextFile(file, { maxBytes: MAX_RUBRIC_BYTES });
  if (read.problem || read.text !== item.source) return undefined;
  return { id: item.id, file, origin, raw: item.raw, extendsAt: item.extendsAt, keysAt: item.keysAt };
}

/**
 * Parses every rubric in `dir` and writes the snapshot a registry reads instead of those files
 * (the build does this for the built-in folder). Nothing is written when a file is invalid, so
 * its error is reported from the YAML at run time; a stale snapshot is removed then.
 */
export function writeRubricSnapshot(dir: string, file: string): { files: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: SnapshotItem[] = [];
  for (const name of readdirSync(dir).filter(isRubricFile).sort()) {
    const path = join(dir, name);
    try {
      const source = readRubricSource(path);
      const entry = readRubricFile(path, 'built-in');
      const item: SnapshotItem = { name, source, id: entry.id, raw: entry.raw, extendsAt: entry.extendsAt, keysAt: entry.keysAt };
      // only what JSON carries unchanged (a YAML-only value is parsed at run time instead)
      const copy = JSON.parse(JSON.stringify(item)) as SnapshotItem;
      if (isDeepStrictEqual(copy.raw, entry.raw)) files.push(copy);
    } catch (e) {
      if (e instanceof RubricError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) {
    rmSync(file, { force: true });
    return { files: 0, problems };
  }
  const yamlPackage = resolveYamlPackage();
  const naturalPackage = resolveNaturalPackage();
  const stems = stemsOf(files.flatMap((f) => stringsIn(f.raw)));
  const snapshot: Snapshot = {
    version: SNAPSHOT_VERSION,
    code: validatorFingerprint(yamlPackage)!,
    yamlPackage: relative(dirname(file), yamlPackage),
    files,
    stems,
    naturalPackage: relative(dirname(file), naturalPackage),
    naturalVersion: packageVersion(naturalPackage),
  };
  writeFileSync(file, JSON.stringify(snapshot));
  return { files: files.length, problems };
}

/**
 * Finds and resolves rubrics. Reads files (an edge of the program); the rubric logic it calls
 * (validation, merging) is pure. Later folders shadow earlier ones by id; a rubric that
 * `extends` its own id builds on the one it shadows (an overlay of a built-in).
 */
export class RubricRegistry {
  /** Every entry for an id, in discovery order; the last one is the one in use. */
  private readonly layers = new Map<string, RubricEntry[]>();
  private readonly resolved = new Map<string, Rubric>();
  /** Files that failed to load, when constructed with `{ strict: false }`. */
  readonly problems: Problem[] = [];

  /**
   * `snapshot` names the folder a build's snapshot stands for (default: the built-in rubrics);
   * that folder's files are taken from it when their bytes are unchanged, every other file is parsed.
   */
  constructor(sources: readonly (RubricSource | string)[] = [BUILT_IN_DIR], { strict = true, snapshot = { dir: BUILT_IN_DIR, file: BUILT_IN_SNAPSHOT } }: { strict?: boolean; snapshot?: SnapshotOption | null } = {}) {
    for (const source of sources) {
      const { dir, origin } = typeof source === 'string' ? { dir: source, origin: 'built-in' as Origin } : source;
      let names: string[];
      try {
        names = readdirSync(dir).filter(isRubricFile).sort();
      } catch (e) {
        // a user folder that does not exist is no error; one that cannot be read is
        const problem = errnoProblem(e, dir);
        if (problem.kind !== 'missing') this.problems.push({ file: dir, message: `rubrics folder cannot be read: ${problem.message}` });
        continue;
      }
      const snapped = snapshot && resolve(dir) === resolve(snapshot.dir) ? readSnapshot(snapshot.file) : undefined;
      const inThisDir = new Map<string, string>();
      for (const name of names) {
        try {
          const file = join(dir, name);
          const entry = snapshotEntry(snapped?.get(name), file, origin) ?? readRubricFile(file, origin);
          const twin = inThisDir.get(entry.id);
          if (twin) {
            this.problems.push({ file: entry.file, message: `id "${entry.id}" is also used by ${twin} in the same folder` });
            continue;
          }
          inThisDir.set(entry.id, entry.file);
          this.add(entry);
        } catch (e) {
          if (e instanceof RubricError) this.problems.push(...e.problems);
          else throw e;
        }
      }
    }
    if (strict && this.problems.length) throw new RubricError(this.problems);
  }

  private add(entry: RubricEntry): void {
    const stack = this.layers.get(entry.id) ?? [];
    entry.shadows = stack.at(-1);
    stack.push(entry);
    this.layers.set(entry.id, stack);
    this.resolved.clear();
  }

  /** Adds one rubric file on top of what was discovered (as `rubrics validate` does); returns its entry. */
  addFile(path: string, origin: Origin = 'path'): RubricEntry {
    const entry = readRubricFile(resolve(path), origin);
    // a file discovery already read is not stacked on itself
    const known = this.layers.get(entry.id)?.find((e) => e.file === entry.file);
    if (known) return known;
    this.add(entry);
    return entry;
  }

  ids(): string[] {
    return [...this.layers.keys()].sort();
  }

  /** The entry in use for each id, sorted by id. */
  entries(): RubricEntry[] {
    return this.ids().map((id) => this.layers.get(id)!.at(-1)!);
  }

  entry(id: string): RubricEntry | undefined {
    return this.layers.get(id)?.at(-1);
  }

  /** Rubrics a person can pick (those that name at least one question). */
  all(): Rubric[] {
    return pickable(this);
  }

  has(id: string): boolean {
    return this.layers.has(id);
  }

  /** A rubric by id, with its `extends` chain resolved. */
  get(id: string): Rubric {
    const cached = this.resolved.get(id);
    if (cached) return cached;
    const entry = this.entry(id);
    if (!entry) throw new RubricError([{ file: id, message: `unknown rubric (known: ${this.ids().join(', ')})` }]);
    const rubric = this.finalize(entry, this.rawChain(entry, []));
    this.resolved.set(id, rubric);
    return rubric;
  }

  /**
   * Every rubric in use, resolved; one RubricError names every rubric that cannot be (an extends
   * cycle, a missing parent), so a run reports them before it checks anything, whatever its threads.
   */
  resolveAll(): Rubric[] {
    return resolveEvery(this);
  }

  /** Resolves one entry (in use or shadowed) with its `extends` chain; removals that match nothing go to `warnings`, each at its file and key. */
  resolveEntry(entry: RubricEntry, warnings?: Problem[]): Rubric {
    return this.finalize(entry, this.rawChain(entry, [], warnings));
  }

  /**
   * The complete rubric, refused when it could not judge an answer sensibly: one that asks for
   * more pillars than it lists ("Show 2 more, for example: ."), or more at least than at most.
   * Only a rubric that judges answers (it names questions, or is given as a file): a base
   * rubric may leave its pillars to the rubrics that extend it.
   */
  private finalize(entry: RubricEntry, raw: Record<string, unknown>): Rubric {
    const rubric = finalizeRubric(raw, entry.file);
    if (!rubric.questions.length && entry.origin !== 'path') return rubric;
    const { min, max } = rubric.expectations.pillars;
    const at = entry.keysAt?.['pillars'] ?? entry.keysAt?.['pillars+'] ?? entry.keysAt?.['expectations'] ?? entry.extendsAt;
    if (rubric.pillars.length < min) {
      const listed = rubric.pillars.length ? `only ${rubric.pillars.length}` : 'none';
      throw new RubricError([{ file: entry.file, ...at, message: `a strong answer is to show ${min} pillars (expectations.pillars.min), but the rubric lists ${listed}: add pillars, or lower expectations.pillars.min` }]);
    }
    if (min > max) throw new RubricError([{ file: entry.file, ...(entry.keysAt?.['expectations'] ?? at), message: `expectations.pillars.min (${min}) is more than expectations.pillars.max (${max})` }]);
    return rubric;
  }

  /** Loads a rubric from a path; its `extends` may name any rubric this registry knows. */
  load(path: string): Rubric {
    return this.resolveEntry(readRubricFile(resolve(path), 'path'));
  }

  /** The parent an entry's `extends` names: its own id means the rubric it shadows. */
  private parentOf(entry: RubricEntry, parentId: string): RubricEntry {
    if (parentId === entry.id) {
      const below = entry.shadows ?? this.layers.get(parentId)?.filter((e) => e !== entry).at(-1);
      if (below) return below;
      throw new RubricError([{ file: entry.file, ...entry.extendsAt, message: `extends its own id "${parentId}", but no earlier rubric has that id to build on` }]);
    } else {
      const found = this.entry(parentId);
      if (found) return found;
    }
    throw new RubricError([{ file: entry.file, ...entry.extendsAt, message: `extends unknown rubric "${parentId}" (known: ${this.ids().join(', ')})` }]);
  }

  private rawChain(entry: RubricEntry, seen: RubricEntry[], warnings?: Problem[]): Record<string, unknown> {
    if (seen.includes(entry)) {
      const chain = [...seen.slice(seen.indexOf(entry)), entry];
      const names = chain.map((e) => (chain.some((o) => o.id === e.id && o.file !== e.file) ? `${e.id} (${basename(e.file)})` : e.id));
      // point at the rubric asked for when it is in the loop, else at the one that closes it
      const at = chain.includes(seen[0]) ? seen[0] : seen.at(-1)!;
      throw new RubricError([{ file: at.file, ...at.extendsAt, message: `extends cycle: ${names.join(' → ')}` }]);
    }
    const parentId = entry.raw.extends;
    const parent = typeof parentId === 'string' ? this.rawChain(this.parentOf(entry, parentId), [...seen, entry], warnings) : {};
    const notes: string[] = [];
    const merged = mergeRaw(parent, entry.raw, undefined, warnings && notes);
    // each note starts with the key it is about ("jargon- \"x\" removes nothing…"): put it there
    for (const message of notes) warnings?.push({ file: entry.file, ...entry.keysAt?.[/^[^\s.[]+/.exec(message)?.[0] ?? ''], message });
    delete merged.extends;
    return merged;
  }
}

