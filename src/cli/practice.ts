// `answer-coach practice`: the prompts, drafts and files; commands/practice.ts registers the command.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { confirm, input, select } from '@inquirer/prompts';
import { createPrompt, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';
import { historyRecorder } from '../history/index.js';
import { oneLine } from '../report/sanitize.js';
import { RubricRegistry } from '../rubric/registry.js';
import { selectRubric } from '../rubric/select.js';
import type { Rubric } from '../rubric/types.js';
import { DraftError, parseDraft, slugify, type Draft } from '../practice/draft.js';
import { practice, PracticeUsageError, type Ask, type PracticeDeps, type Step } from '../practice/walkthrough.js';
import { DEFAULT_RUBRIC } from './check.js';
import type { CliContext } from './context.js';
import { ExitCode } from './exit-codes.js';
import { resolveRubric, useColor } from './commands/check.js';
import { typeAhead } from './type-ahead.js';

// ---------------------------------------------------------------------------------------------
// A multi-line text prompt: inquirer's `input` keeps only the first line of a paste. Each Enter
// ends a line; Enter on an empty line ends the answer. A blank line inside a paste is a paragraph
// break, not the end: the prompt waits a moment for more keys before it finishes.

export interface MultilineConfig {
  message: string;
  /** Refuse an empty answer. */
  required?: boolean;
  /** Called with the text so far after every line. */
  onLine?: (textSoFar: string) => void;
  /** How long an empty line waits for more pasted text before it ends the answer. */
  finishDelayMs?: number;
}

const joinLines = (lines: readonly string[]) => lines.join('\n').replace(/\s+$/, '');

export const multiline = createPrompt<string, MultilineConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [lines, setLines] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const finishing = useRef<NodeJS.Timeout | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useEffect(() => () => clearTimeout(finishing.current), []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (finishing.current) {
      // more keys after an empty line: it was a paragraph break in a paste
      clearTimeout(finishing.current);
      finishing.current = undefined;
    }
    if (!isEnterKey(key)) {
      setValue(rl.line);
      setError(undefined);
      return;
    }
    if (value.trim()) {
      const next = [...lines, value];
      setLines(next);
      setValue('');
      config.onLine?.(joinLines(next));
      return;
    }
    if (!lines.some((l) => l.trim()) && config.required) {
      setError('Write at least a sentence, then press Enter on an empty line.');
      return;
    }
    const withBreak = lines.length && lines[lines.length - 1] !== '' ? [...lines, ''] : lines;
    setLines(withBreak);
    finishing.current = setTimeout(() => {
      finishing.current = undefined;
      // keys from here on are for the next prompt: stop reading until this one has closed
      rl.pause();
      setStatus('done');
      done(joinLines(withBreak));
    }, config.finishDelayMs ?? 60);
  });

  const message = theme.style.message(config.message, status);
  const body = lines.filter((l, i) => l || i < lines.length - 1).map((l) => `  ${l}`);
  if (status === 'done') return [`${prefix} ${message}`, ...body].join('\n');
  const help = theme.style.help('(press Enter on an empty line to finish)');
  return [[`${prefix} ${message} ${help}`, ...body, `  ${value}`].join('\n'), error ? theme.style.error(error) : ''];
});

/** The walkthrough's prompts, as inquirer prompts. `context` is for tests (@inquirer/testing's streams). */
export function inquirerAsk(context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream }): Ask {
  const ask = async (step: Step): Promise<string | boolean> => {
    switch (step.kind) {
      case 'question':
        return select({ message: step.message, choices: step.choices, pageSize: 12 }, context);
      case 'text':
        return multiline({ message: step.message, required: true, onLine: step.onProgress }, context);
      case 'review':
      case 'unfinished':
        return select<string>({ message: step.message, choices: step.choices }, context);
      case 'path':
        return input({ message: step.message, default: step.default, validate: (v) => (v.trim() ? true : 'Type a file name.') }, context);
      case 'overwrite':
        return confirm({ message: step.message, default: false }, context);
    }
  };
  return ask as Ask;
}

// ---------------------------------------------------------------------------------------------
// Files: drafts and the saved answer, always written whole (temp file + rename).

/** Writes a file so that a reader sees the old content or the new, never half of it. */
export function writeAtomic(path: string, text: string, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true, mode: mode === undefined ? undefined : 0o700 });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx', mode });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Where drafts live: $XDG_DATA_HOME/answer-coach/drafts, or ~/.local/share/answer-coach/drafts. */
export function draftsDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_DATA_HOME;
  // the XDG spec says a relative path is to be ignored
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'answer-coach', 'drafts');
}

/** A draft beside --out: answer.md → answer.draft.md. */
export const draftBesideOut = (out: string) => join(dirname(out), `${basename(out).replace(/\.(md|markdown)$/i, '')}.draft.md`);

function newDraftPath(draft: Draft, env: NodeJS.ProcessEnv, now: Date): string {
  if (draft.out) return draftBesideOut(resolve(draft.out));
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  return join(draftsDir(env), `${stamp}-${slugify(draft.question)}.md`);
}

/** The most recently written draft in the drafts folder. */
export function latestDraft(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('.'));
  } catch {
    return undefined;
  }
  return names
    .map((n) => ({ path: join(dir, n), mtime: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.path.localeCompare(a.path))[0]?.path;
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

// ---------------------------------------------------------------------------------------------

export interface PracticeOptions {
  rubric?: string;
  question?: string;
  random?: boolean;
  out?: string;
  resume?: string | true;
  color?: boolean;
}

interface Terminal {
  io: CliContext['io'];
  env: NodeJS.ProcessEnv;
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
}

/** `answer-coach practice`: returns the exit code. Without `ask`, prompts on the terminal, keeping keys typed ahead. */
export async function runPractice(opts: PracticeOptions, terminal: Terminal, ask?: Ask): Promise<number> {
  const { stdin, stdout, io } = terminal;
  if (!stdin.isTTY || !stdout.isTTY) {
    io.stderr('answer-coach: practice needs an interactive terminal (piped input loses lines); to analyze an answer file, run: answer-coach check FILE\n');
    return ExitCode.Error;
  }
  if (ask) return practiseWith(opts, terminal, ask);
  const keys = typeAhead(process.stdin);
  try {
    return await practiseWith(opts, terminal, inquirerAsk({ input: keys }));
  } finally {
    keys.dispose();
  }
}

async function practiseWith(opts: PracticeOptions, { io, env, stdout }: Terminal, ask: Ask): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`answer-coach: ${oneLine(message)}\n`);
    return ExitCode.Error;
  };

  const registry = new RubricRegistry();
  const fallback = registry.has(DEFAULT_RUBRIC) ? DEFAULT_RUBRIC : registry.ids()[0];
  const rubricFor = (q: string) => registry.get(selectRubric(q, registry.all(), fallback));
  let rubric: Rubric | undefined = opts.rubric ? resolveRubric(registry, opts.rubric) : undefined;

  let draftPath: string | undefined;
  let resume: Draft | undefined;
  if (opts.resume) {
    draftPath = typeof opts.resume === 'string' ? resolve(opts.resume) : opts.out && existsSync(draftBesideOut(resolve(opts.out))) ? draftBesideOut(resolve(opts.out)) : latestDraft(draftsDir(env));
    if (!draftPath) return fail(`no draft to resume in ${draftsDir(env)}; start one with: answer-coach practice`);
    try {
      resume = parseDraft(readFileSync(draftPath, 'utf8'));
    } catch (e) {
      if (e instanceof DraftError || (e as NodeJS.ErrnoException).code) return fail(`${draftPath}: ${(e as Error).message}`);
      throw e;
    }
    if (!rubric) {
      if (!registry.has(resume.rubric)) return fail(`${draftPath}: rubric "${resume.rubric}" is not built in; pass it with --rubric PATH`);
      rubric = registry.get(resume.rubric);
    }
  }

  // a draft in the drafts folder is the latest one there, so plain --resume finds it
  const resumeHint = () => {
    if (!draftPath) return 'Nothing was written yet.';
    const how = dirname(draftPath) === draftsDir(env) ? '--resume' : `--resume ${shellQuote(draftPath)}`;
    return `Your draft is in ${shellQuote(draftPath)}; resume with: answer-coach practice ${how}`;
  };
  const deps: PracticeDeps = {
    ask,
    say: (text) => io.stdout(`${text}\n`),
    saveDraft(markdown, draft) {
      draftPath ??= newDraftPath(draft, env, new Date());
      // a draft is private: only its author can read it
      writeAtomic(draftPath, markdown, 0o600);
    },
    discardDraft() {
      if (draftPath) rmSync(draftPath, { force: true });
      draftPath = undefined;
    },
    exists: (path) => existsSync(resolve(path)),
    writeAnswer: (path, text) => writeAtomic(resolve(path), text),
    random: Math.random,
    color: useColor(opts.color, stdout, env),
  };

  try {
    // the default rubric's questions head the list
    const rubrics = registry.all().sort((a, b) => Number(b.id === fallback) - Number(a.id === fallback));
    const done = await practice({ rubrics, rubric, rubricFor, question: opts.question, random: opts.random, out: opts.out, resume }, deps);
    // every finished answer goes into the local history (see: answer-coach history); a failure there only warns
    historyRecorder(env, (m) => io.stderr(`answer-coach: warning: ${oneLine(m)}\n`), 'practice')(done.path, done.markdown, done.report);
    return ExitCode.Clean;
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError') {
      io.stderr(`\nStopped. ${resumeHint()}\n`);
      return ExitCode.Interrupted;
    }
    if (e instanceof PracticeUsageError) return fail(e.message);
    if (e instanceof Error && e.name === 'RubricError') throw e;
    io.stderr(`answer-coach: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}. ${resumeHint()}\n`);
    return ExitCode.Error;
  }
}
