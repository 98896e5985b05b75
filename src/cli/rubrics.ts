// `answer-coach rubrics …` and the rubric set-up every command shares; commands/rubrics.ts registers them.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadProjectConfig, type ProjectConfig } from '../config/index.js';
import { errnoProblem, statOrUndefined } from '../io/index.js';
import { fileName, oneLine } from '../report/sanitize.js';
import { RubricRegistry, rubricSources, type RubricEntry, type RubricSource } from '../rubric/registry.js';
import { RubricError, type Rubric } from '../rubric/types.js';
import type { Problem } from '../rubric/validate.js';
import type { CliContext } from './context.js';
import { ExitCode } from './exit-codes.js';

/** Options every command that reads rubrics shares. */
export interface RubricsSetup {
  rubricsDir?: string[];
}

/** The project config (from the working folder up) and the rubrics it, the environment and the flags point at. */
export function openRubrics(env: NodeJS.ProcessEnv, rubricsDir: readonly string[] = [], { strict = true, cwd = process.cwd() } = {}): OpenedRubrics {
  const config = loadProjectConfig(cwd);
  const sources = rubricSources({ rubricsDirs: rubricsDir, projectDirs: config?.rubricsDirs, env });
  const registry = new RubricRegistry(sources, { strict });
  // strict: a rubric that cannot be resolved (an extends cycle) is an error before anything is checked
  if (strict) registry.resolveAll();
  return { config, registry, sources };
}

/** The project config, the registry every command reads rubrics from, and the folders it read. */
export interface OpenedRubrics {
  config?: ProjectConfig;
  registry: RubricRegistry;
  sources: RubricSource[];
}

export const formatProblem = (p: Problem) => `${fileName(p.file)}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${oneLine(p.message)}`;

/** A path as short as it is clear: relative under the working folder, absolute elsewhere. */
function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function where(entry: RubricEntry): string {
  const path = shortPath(entry.file);
  return entry.origin === 'built-in' ? 'built-in' : `${entry.origin}: ${path}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}

/**
 * `rubrics list`: every rubric found, as a table or (--format json) as JSON for scripts: each
 * rubric with its id, title, source (where it comes from, and its file), the rubrics it shadows
 * and its questions.
 */
export function list({ io, env, setExitCode }: CliContext, opts: RubricsSetup & { json?: boolean; format?: 'pretty' | 'json' }): void {
  const { registry } = openRubrics(env, opts.rubricsDir, { strict: false });
  const rows = registry.entries().map((entry) => {
    let questions: string[] | undefined;
    let title = String(entry.raw.title ?? '');
    try {
      const rubric = registry.get(entry.id);
      questions = rubric.questions;
      title = rubric.title;
    } catch (e) {
      if (!(e instanceof RubricError)) throw e;
      registry.problems.push(...e.problems);
    }
    const shadowed: RubricEntry[] = [];
    for (let s = entry.shadows; s; s = s.shadows) shadowed.push(s);
    return { id: entry.id, title, source: entry.origin, from: where(entry), file: entry.file, origin: entry.origin, shadows: shadowed.map((s) => ({ origin: s.origin, file: s.file })), questions: questions ?? null };
  });
  if (opts.json || opts.format === 'json') {
    io.stdout(JSON.stringify({ rubrics: rows, problems: registry.problems }, null, 2) + '\n');
  } else {
    const lines = [['ID', 'TITLE', 'QUESTIONS', 'FROM']];
    for (const r of rows) {
      const note = r.shadows.length ? ` (shadows ${r.shadows.map((s) => (s.origin === 'built-in' ? 'built-in' : `${s.origin}: ${shortPath(s.file)}`)).join(', ')})` : '';
      lines.push([oneLine(r.id), oneLine(r.title), r.questions ? String(r.questions.length) : '?', fileName(r.from + note)]);
    }
    io.stdout(table(lines));
    const total = rows.reduce((n, r) => n + (r.questions?.length ?? 0), 0);
    io.stdout(`${rows.length} rubrics, ${total} questions\n`);
  }
  for (const p of registry.problems) io.stderr(`answer-coach: rubric ${formatProblem(p)}\n`);
  if (registry.problems.length) setExitCode(ExitCode.Error);
}

const wrap = (items: readonly string[]) => items.map((s) => oneLine(s)).join(', ');

/** A rubric as a person reads it: what it asks for, and the phrases that show it. */
export function formatRubric(rubric: Rubric, entry?: RubricEntry): string {
  const out: string[] = [];
  const e = rubric.expectations;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  out.push(`${oneLine(rubric.id)} — ${oneLine(rubric.title)}`);
  out.push(`  from     ${fileName(entry ? where(entry) : rubric.source)}`);
  if (entry && typeof entry.raw.extends === 'string') out.push(`  extends  ${oneLine(entry.raw.extends)}`);
  out.push('', `Questions (${rubric.questions.length}):`);
  for (const q of rubric.questions) out.push(`  - ${oneLine(q)}`);
  if (rubric.opening.length) {
    out.push('', 'Opening talking points:');
    for (const p of rubric.opening) out.push(`  ${oneLine(p.id)}: ${oneLine(p.name)}${p.hint ? ` — ${oneLine(p.hint)}` : ''}`, `      phrases: ${wrap(p.phrases)}`);
  }
  out.push('', `Pillars (a strong answer shows ${e.pillars.min}–${e.pillars.max}):`);
  for (const p of rubric.pillars) {
    out.push(`  ${oneLine(p.id)}: ${oneLine(p.name)}${p.weight !== 1 ? ` (weight ${p.weight})` : ''}${p.hint ? ` — ${oneLine(p.hint)}` : ''}`, `      phrases: ${wrap(p.phrases)}`);
  }
  out.push('', 'Expectations:');
  out.push(`  metric in the Result: ${e.metric}`);
  out.push(`  length: ${e.words.min}–${e.words.max} words at ${e['words-per-minute']} words a minute`);
  out.push(`  balance: Situation + Task at most ${pct(e.balance['setup-max'])}, Result at least ${pct(e.balance['result-min'])}`);
  out.push(`  "we" in the Action: at most ${pct(e['we-share-max'])}`);
  out.push('', `Score weights: ${Object.entries(rubric.weights).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (rubric.jargon.length) {
    out.push('', `Jargon (${rubric.jargon.length}):`);
    for (const j of rubric.jargon) out.push(`  ${oneLine(j.phrase)} → ${oneLine(j.suggestion)}`);
  }
  if (rubric.fillers.length) out.push('', `Fillers: ${wrap(rubric.fillers)}`);
  if (rubric.hedges.length) out.push(`Hedges: ${wrap(rubric.hedges)}`);
  return out.join('\n') + '\n';
}

export function show({ io, env }: CliContext, idOrPath: string, opts: RubricsSetup): void {
  const { registry } = openRubrics(env, opts.rubricsDir, { strict: false });
  if (/[\\/]|\.ya?ml$/i.test(idOrPath)) {
    const entry = registry.addFile(idOrPath);
    io.stdout(formatRubric(registry.resolveEntry(entry), entry));
    return;
  }
  const entry = registry.entry(idOrPath);
  if (!entry) throw new RubricError([{ file: idOrPath, message: `unknown rubric (known: ${registry.ids().join(', ')})` }]);
  io.stdout(formatRubric(registry.get(idOrPath), entry));
}

/** The rubric files a path names: a folder's .yaml/.yml files, or the path itself (reading it says what is wrong). */
function rubricFiles(path: string, problems: Problem[]): string[] {
  if (!statOrUndefined(path)?.isDirectory()) return [path];
  try {
    return readdirSync(path)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort()
      .map((n) => join(path, n));
  } catch (e) {
    problems.push({ file: path, message: `folder cannot be read: ${errnoProblem(e, path).message}` });
    return [];
  }
}

/** Checks rubric files: syntax, schema, `extends` and overlays; prints every problem at once. */
export function validate({ io, env, setExitCode }: CliContext, paths: string[], opts: RubricsSetup): void {
  const { registry } = openRubrics(env, opts.rubricsDir, { strict: false });
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  let entries: RubricEntry[] = [];
  if (paths.length) {
    for (const file of paths.flatMap((p) => rubricFiles(p, problems))) {
      try {
        entries.push(registry.addFile(file));
      } catch (e) {
        if (!(e instanceof RubricError)) throw e;
        problems.push(...e.problems);
      }
    }
  } else {
    // no paths: every rubric discovery finds, shadowed ones included
    problems.push(...registry.problems);
    for (const top of registry.entries()) for (let e: RubricEntry | undefined = top; e; e = e.shadows) entries.push(e);
    entries = entries.reverse();
  }
  let valid = 0;
  for (const entry of entries) {
    const notes: Problem[] = [];
    try {
      registry.resolveEntry(entry, notes);
      if (!problems.some((p) => p.file === entry.file)) valid++;
      // only this file's own overlays: a parent's were checked with the parent
      for (const n of notes) if (n.file === entry.file) warnings.push({ ...n, message: `warning: ${n.message}` });
    } catch (e) {
      if (!(e instanceof RubricError)) throw e;
      problems.push(...e.problems.map((p) => (p.file === entry.id ? { ...p, file: entry.file } : p)));
    }
  }
  const seen = new Set<string>();
  for (const p of [...problems, ...warnings]) {
    const line = formatProblem(p);
    if (!seen.has(line)) io.stdout(line + '\n');
    seen.add(line);
  }
  const files = new Set([...entries.map((e) => e.file), ...problems.map((p) => p.file)]).size;
  io.stdout(`${problems.length ? '✗' : '✓'} ${files} rubric file${files === 1 ? '' : 's'} checked: ${valid} valid, ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  setExitCode(problems.length ? ExitCode.Error : ExitCode.Clean);
}

/** A commented rubric to start from: it extends the base, so only what differs needs writing. */
export function scaffold(id: string): string {
  return `# ${id}: a rubric for answer-coach. Check it with: answer-coach rubrics validate ${id}.yaml
# Every key is described in docs/rubrics.md. Phrases are words, not regular expressions:
#   word* any ending, a|b either word, _ any one word, # a number.
id: ${id}
title: Tell me about a time you ... # the question, as an interviewer asks it

# The base rubric brings STAR cues, metric words, jargon, fillers, hedges and sensible defaults.
extends: base

# Questions this rubric judges; an answer whose question matches one of them picks this rubric.
questions:
  - Tell me about a time you ...
  - Describe a situation where you ...

# The qualities a strong answer shows, each by phrases that show it in action.
pillars:
  - id: ownership
    name: Ownership
    hint: take responsibility and follow through
    phrases: [took responsibility, follow* up, follow* through, my mistake]
  - id: communication
    name: Clear communication
    hint: keep people informed
    phrases: [explain*, kept _ informed, let _ know, update*]
    # weight: 2   # counts twice in the pillar score

# Buzzwords to flag, on top of the base's. jargon-: [synerg*] would remove one of the base's: a
# removal names the item as the parent writes it (answer-coach rubrics show base lists them).
jargon+:
  - { phrase: hit the ground running, suggestion: 'say what you did in your first days.' }

expectations:
  pillars: { min: 2, max: 4 }
  metric: recommended # required | recommended | off
  words: { min: 150, max: 300 }

# Weights of the score's parts; leave out to keep the base's.
# weights: { star: 35, pillars: 20, metric: 20, jargon: 10, delivery: 10, opening: 5 }
`;
}

/** An overlay of a rubric that already has this id: it builds on that one (extends its own id) and changes only what it says. */
export function overlayScaffold(id: string, of: string): string {
  return `# ${id}: your version of the ${of} rubric ${id}. It extends its own id, so it builds on that
# rubric and changes only what it says here; it is used wherever it is found after it.
# Check it with: answer-coach rubrics validate ${id}.yaml. Every key is in docs/rubrics.md.
id: ${id}
extends: ${id}

# More questions, pillars or jargon on top of the original's:
# questions+: [Tell me about a time you ...]
# jargon+:
#   - { phrase: hit the ground running, suggestion: 'say what you did in your first days.' }
# expectations:
#   words: { min: 150, max: 300 }
`;
}

export function init({ io, env, setExitCode }: CliContext, name: string, opts: RubricsSetup & { dir?: string; force?: boolean; shadow?: boolean }): void {
  const fail = (message: string) => {
    io.stderr(`answer-coach: ${message}\n`);
    setExitCode(ExitCode.Error);
  };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) return fail(`rubric name "${oneLine(name)}" must be lower-case words joined by hyphens, e.g. conflict-at-work`);
  const dir = resolve(opts.dir ?? '.');
  if (!existsSync(dir)) return fail(`--dir ${oneLine(opts.dir ?? '.')}: no such folder (create it first, or pick another)`);
  if (!statOrUndefined(dir)?.isDirectory()) return fail(`--dir ${oneLine(opts.dir ?? '.')}: not a folder`);
  const file = join(dir, `${name}.yaml`);
  // a rubric with a known id hides that one wherever it is found after it: say so, and offer an overlay
  const { registry } = openRubrics(env, opts.rubricsDir, { strict: false });
  const known = registry.entry(name);
  if (known && known.file !== file && !opts.shadow) {
    return fail(`"${name}" is already the id of a rubric (${oneLine(where(known))}): yours would replace it. Pick another name, or pass --shadow to write your own version of it that builds on it (extends: ${name})`);
  }
  if (existsSync(file) && !opts.force) return fail(`${fileName(file)} already exists (use --force to replace it)`);
  try {
    writeFileSync(file, known && opts.shadow ? overlayScaffold(name, known.origin) : scaffold(name), { flag: opts.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(`${fileName(file)}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : 'cannot be written'}`);
  }
  io.stdout(`created ${fileName(shortPath(file))}\nnext: edit it, then run  answer-coach rubrics validate ${fileName(shortPath(file))}\n`);
}
