import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readHead, readTextFile } from '../io/index.js';

/**
 * Files a folder holds beside answers that are never answers themselves: a project's README and
 * the like, and answer-coach's own config. Skipped when a folder is walked or a glob expanded.
 */
export const NEVER_ANSWERS = ['README*', 'CHANGELOG*', 'CHANGES*', 'CONTRIBUTING*', 'LICENSE*', 'LICENCE*', 'CODE_OF_CONDUCT*', 'SECURITY*', '.answer-coach.yml', '.answer-coach.yaml'];

/**
 * Whether a YAML file is a rubric rather than an answer: a top-level `id:` and none of an answer's
 * keys (a rubric's STAR parts are under `star:`). Only its first 8 KB are read.
 */
export function looksLikeRubric(path: string): boolean {
  if (!/\.ya?ml$/i.test(path)) return false;
  // a FIFO or a device is no rubric (and is never opened for a blocking read); checking it will say what it is
  const bytes = readHead(path, 8192);
  if (!bytes) return false; // unreadable: checking it will say why
  const head = bytes.toString('utf8');
  return /^id[ \t]*:/m.test(head) && !/^(question|opening|situation|task|action|result)[ \t]*:/im.test(head);
}

/** Patterns in .gitignore syntax and the folder they are relative to. */
export interface PatternGroup {
  base: string;
  patterns: readonly string[];
  /** Where they come from, for --print-config. */
  from: string;
}

export interface IgnoreSettings {
  /** `ignores:` of the config (relative to its folder) and `--ignore` (relative to the working folder). */
  groups: readonly PatternGroup[];
  /** Respect .gitignore files (default true). */
  gitignore: boolean;
  /** Folders of rubrics, which hold YAML that is no answer. */
  rubricDirs: readonly string[];
  /** Outside a git repository, .gitignore files are read from here down (default: the working folder). */
  cwd?: string;
  /** .gitignore files are read from here down, whatever the repository (a named folder that is ignored itself). */
  root?: string;
}

const inside = (dir: string, path: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
/** `ignore` takes paths relative to its patterns' folder, with / and a trailing / for a folder. */
const relativeTo = (base: string, path: string, isDir: boolean) => relative(base, path).split(sep).join('/') + (isDir ? '/' : '');

/**
 * What `check` skips when it walks a folder or expands a glob, as linters do: the config's
 * `ignores`, `--ignore`, what .gitignore files ignore (as git reads them: each file for the folder
 * it is in and below, a deeper one overriding, nothing inside an ignored folder coming back),
 * the files in NEVER_ANSWERS, rubric folders and YAML files that are rubrics. A file named on the command line is never
 * skipped, nor is a folder named there (see `within`).
 */
export class IgnoreRules {
  private readonly groups: { base: string; matcher: Ignore }[];
  private readonly names = ignore().add(NEVER_ANSWERS);
  private readonly gitignores = new Map<string, Ignore | null>();
  private readonly ignoredDirs = new Map<string, boolean>();
  private readonly gitRoots = new Map<string, string | undefined>();

  constructor(private readonly settings: IgnoreSettings) {
    this.groups = settings.groups.filter((g) => g.patterns.length).map((g) => ({ base: resolve(g.base), matcher: ignore().add([...g.patterns]) }));
  }

  /**
   * The rules for walking `dir`, a folder named on the command line. Naming a folder that is
   * ignored itself (`check .bench/corpus` with .bench/ in .gitignore) says to check it: then only
   * what lies inside it can skip its files (its own .gitignore files, patterns from a config in
   * it, the file names that are never answers).
   */
  within(dir: string): IgnoreRules {
    const abs = resolve(dir);
    if (!this.ignored(abs, true)) return this;
    return new IgnoreRules({
      ...this.settings,
      groups: this.settings.groups.filter((g) => inside(abs, resolve(g.base))),
      rubricDirs: this.settings.rubricDirs.filter((d) => !inside(resolve(d), abs)),
      root: abs,
    });
  }

  /** Whether a file (or, with `isDir`, a folder) found by a walk or a glob is skipped. */
  ignored(path: string, isDir = false): boolean {
    const abs = resolve(path);
    if (!isDir && (this.names.ignores(basename(abs)) || looksLikeRubric(abs))) return true;
    if (this.settings.rubricDirs.some((d) => inside(resolve(d), abs))) return true;
    for (const g of this.groups) if (inside(g.base, abs) && abs !== g.base && g.matcher.ignores(relativeTo(g.base, abs, isDir))) return true;
    return this.settings.gitignore && this.gitIgnored(abs, isDir);
  }

  private gitRoot(dir: string): string | undefined {
    if (!this.gitRoots.has(dir)) {
      const parent = dirname(dir);
      this.gitRoots.set(dir, existsSync(join(dir, '.git')) ? dir : parent === dir ? undefined : this.gitRoot(parent));
    }
    return this.gitRoots.get(dir);
  }

  private gitignoreIn(dir: string): Ignore | null {
    let matcher = this.gitignores.get(dir);
    if (matcher === undefined) {
      matcher = null;
      const file = join(dir, '.gitignore');
      // a .gitignore is a few lines; a huge one, or one that is no regular file, is no .gitignore worth reading
      const read = readTextFile(file, { maxBytes: 1024 * 1024 });
      if (!read.problem) matcher = ignore().add(read.text);
      this.gitignores.set(dir, matcher);
    }
    return matcher;
  }

  /** Git's reading: the .gitignore files from the repository's root (outside one, the working folder, or else the path's own folder) down to the path's folder. */
  private gitIgnored(abs: string, isDir: boolean): boolean {
    const dir = dirname(abs);
    const cwd = resolve(this.settings.cwd ?? process.cwd());
    const root = this.settings.root && inside(resolve(this.settings.root), abs) ? resolve(this.settings.root) : (this.gitRoot(dir) ?? (inside(cwd, dir) ? cwd : dir));
    if (!inside(root, abs) || abs === root) return false;
    if (dir !== root && this.dirIgnored(dir)) return true;
    let verdict = false;
    const chain: string[] = [];
    for (let d = dir; ; d = dirname(d)) {
      chain.unshift(d);
      if (d === root || dirname(d) === d) break;
    }
    for (const d of chain) {
      const result = this.gitignoreIn(d)?.test(relativeTo(d, abs, isDir));
      if (result?.ignored) verdict = true;
      else if (result?.unignored) verdict = false;
    }
    return verdict;
  }

  private dirIgnored(dir: string): boolean {
    let known = this.ignoredDirs.get(dir);
    if (known === undefined) this.ignoredDirs.set(dir, (known = this.gitIgnored(dir, true)));
    return known;
  }
}
