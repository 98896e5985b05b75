// `answer-coach practice`: the prompts, drafts and files; commands/practice.ts registers the command.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { confirm, input, select } from '@inquirer/prompts';
import { createPrompt, isBackspaceKey, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';
import { Chalk } from 'chalk';
import { historyRecorder } from '../history/index.js';
import { lstatOrUndefined, readTextFile, statOrUndefined } from '../io/index.js';
import { fileName, oneLine } from '../report/sanitize.js';
import type { Rubric } from '../rubric/types.js';
import { DraftError, parseDraft, slugify, type Draft } from '../practice/draft.js';
import { practice, PracticeUsageError, type Ask, type PracticeDeps, type Step } from '../practice/walkthrough.js';
import { DEFAULT_RUBRIC } from './check.js';
import { rubricForQuestion } from '../batch/check-file.js';
import { outputWidth } from '../report/wrap.js';
import { openRubrics } from './rubrics.js';
import type { CliContext } from './context.js';
import { ExitCode } from './exit-codes.js';
import { resolveRubric, useColor } from './commands/check.js';
import { typeAhead } from './type-ahead.js';
import { draftsElsewhere, listDraftElsewhere } from './draft-index.js';
import { DraftFile, modeFor, shellQuote, writeAtomic } from './draft-file.js';
import { whenStopped } from './terminal.js';

/** A draft is an answer (at most 1 MB) with a comment or two. */
const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// A multi-line text prompt: inquirer's `input` keeps only the first line of a paste. Each Enter
// ends a line; Enter on an empty line ends the answer. A blank line inside a paste is a paragraph
// break, not the end: the prompt waits a moment for more keys before it finishes.

export interface MultilineConfig {
  message: string;
  /** Text to start from, editable: its last line is in the line being edited ("a\nb\n" starts on a new line after b). */
  initial?: string;
  /** Colours (see promptTheme). */
  theme?: PromptTheme;
  /** Refuse an empty answer. */
  required?: boolean;
  /** Called with the text so far after every line. */
  onLine?: (textSoFar: string) => void;
  /** Called with the text so far, the line being typed included, after every key (to keep it if the prompt is stopped). */
  onType?: (textSoFar: string) => void;
  /** How long an empty line waits for more pasted text before it ends the answer. */
  finishDelayMs?: number;
}

const joinLines = (lines: readonly string[]) => lines.join('\n').replace(/\s+$/, '');

export const multiline = createPrompt<string, MultilineConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const start = config.initial ? config.initial.split('\n') : [''];
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [lines, setLines] = useState<string[]>(start.slice(0, -1));
  const [value, setValue] = useState(start[start.length - 1]);
  const [error, setError] = useState<string | undefined>();
  const finishing = useRef<NodeJS.Timeout | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useEffect(() => () => clearTimeout(finishing.current), []);
  // the starting text's last line is in readline's line, so it can be edited at once
  useEffect((rl) => {
    if (start[start.length - 1]) rl.write(start[start.length - 1]);
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (finishing.current) {
      // more keys after an empty line: it was a paragraph break in a paste
      clearTimeout(finishing.current);
      finishing.current = undefined;
    }
    if (isBackspaceKey(key) && !value && !rl.line && lines.length) {
      // Backspace on an empty line takes the line above back into editing
      const above = lines[lines.length - 1];
      setLines(lines.slice(0, -1));
      setValue(above);
      rl.write(above);
      return;
    }
    if (!isEnterKey(key)) {
      setValue(rl.line);
      setError(undefined);
      config.onType?.(joinLines([...lines, rl.line]));
      return;
    }
    if (value.trim()) {
      const next = [...lines, value];
      setLines(next);
      setValue('');
      try {
        config.onLine?.(joinLines(next));
      } catch {
        // a key handler must not throw (it would crash the process); whoever failed stops the prompt
      }
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
  const help = theme.style.help('(press Enter on an empty line to finish, Backspace on one to edit the line above)');
  return [[`${prefix} ${message} ${help}`, ...body, `  ${value}`].join('\n'), error ? theme.style.error(error) : ''];
});

/** The prompts' colours and marks, as inquirer's themes have them. */
export interface PromptTheme {
  prefix: { idle: string; done: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each prompt's styles take their own arguments
  style: Record<string, (...args: any[]) => string>;
}

/**
 * The prompts' theme from the same colour decision as the report's (--color, --no-color,
 * FORCE_COLOR, NO_COLOR, TERM=dumb): inquirer's own styles follow only the environment, so every
 * style is given, and with colour off each returns its text as it is.
 */
export function promptTheme(color: boolean): PromptTheme {
  const c = new Chalk({ level: color ? 1 : 0 });
  return {
    prefix: { idle: c.blue('?'), done: c.green('✔') },
    // one argument each: inquirer passes more (the status), which chalk would print
    style: {
      answer: (text: string) => c.cyan(text),
      message: (text: string) => c.bold(text),
      error: (text: string) => c.red(`> ${text}`),
      defaultAnswer: (text: string) => c.dim(`(${text})`),
      help: (text: string) => c.dim(text),
      highlight: (text: string) => c.cyan(text),
      key: (text: string) => c.cyan(c.bold(`<${text}>`)),
      disabled: (text: string) => c.dim(`- ${text}`),
      description: (text: string) => c.cyan(text),
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${c.bold(key)} ${c.dim(action)}`).join(c.dim(' • ')),
    },
  };
}

/**
 * The text prompt that is open, and what is typed in it but not yet entered: if the prompt is
 * stopped (Ctrl-C, SIGTERM), `keep` hands that text to the step, which saves it in the draft.
 */
export class Typing {
  private step?: Extract<Step, { kind: 'text' }>;
  private typed?: string;
  private given?: string;

  open(step: Extract<Step, { kind: 'text' }>): void {
    this.step = step;
    this.typed = this.given = undefined;
  }
  type(text: string): void {
    this.typed = text;
  }
  line(text: string): void {
    this.typed = this.given = text;
  }
  close(step: Step): void {
    if (this.step === step) this.step = undefined;
  }
  /** Gives the open step what was typed since its last line (once); a save that fails is the caller's to report. */
  keep(): void {
    const { step, typed } = this;
    this.step = undefined;
    if (step && typed !== undefined && typed !== this.given && typed.trim()) step.onProgress?.(typed);
  }
}

/**
 * The walkthrough's prompts, as inquirer prompts. `context` is for tests (@inquirer/testing's
 * streams) and carries the signal that stops a prompt; `typing` learns what each text prompt holds.
 */
export function inquirerAsk(context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; signal?: AbortSignal }, theme: PromptTheme = promptTheme(false), typing?: Typing): Ask {
  const ask = async (step: Step): Promise<string | boolean> => {
    switch (step.kind) {
      case 'question':
        return select({ message: step.message, choices: step.choices, pageSize: 12, theme }, context);
      case 'text': {
        typing?.open(step);
        const onLine = (text: string) => {
          typing?.line(text);
          step.onProgress?.(text);
        };
        const text = await multiline({ message: step.message, required: true, initial: step.initial, onLine, onType: typing && ((t) => typing.type(t)), theme }, context);
        typing?.close(step);
        return text;
      }
      case 'review':
      case 'unfinished':
      case 'back':
        return select<string>({ message: step.message, choices: step.choices, theme }, context);
      case 'path':
        return input({ message: step.message, default: step.default, validate: (v) => (v.trim() ? true : 'Type a file name.'), theme }, context);
      case 'overwrite':
        return confirm({ message: step.message, default: false, theme }, context);
    }
  };
  return ask as Ask;
}

// ---------------------------------------------------------------------------------------------
// Files: drafts and the saved answer, always written whole (temp file + rename).

export { writeAtomic } from './draft-file.js';

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

/** The most recently written draft in the drafts folder, or beside an --out listed there. */
export function latestDraft(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('.'));
  } catch {
    return undefined;
  }
  // a broken symlink, or anything but a file, is no draft
  const mtime = (path: string) => {
    const stats = statOrUndefined(path);
    return stats?.isFile() ? stats.mtimeMs : undefined;
  };
  return [...names.map((n) => join(dir, n)), ...draftsElsewhere(dir)]
    .map((path) => ({ path, mtime: mtime(path) }))
    .filter((d): d is { path: string; mtime: number } => d.mtime !== undefined)
    .sort((a, b) => b.mtime - a.mtime || b.path.localeCompare(a.path))[0]?.path;
}

// ---------------------------------------------------------------------------------------------

export interface PracticeOptions {
  rubric?: string;
  /** `--rubrics-dir`: more rubric folders, as for check. */
  rubricsDir?: string[];
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
  stdout: { isTTY?: boolean; columns?: number };
}

/** `answer-coach practice`: returns the exit code. Without `ask`, prompts on the terminal, keeping keys typed ahead. */
export async function runPractice(opts: PracticeOptions, terminal: Terminal, ask?: Ask): Promise<number> {
  const { stdin, stdout, io } = terminal;
  if (!stdin.isTTY || !stdout.isTTY) {
    io.stderr('answer-coach: practice needs an interactive terminal (piped input loses lines); to analyze an answer file, run: answer-coach check FILE\n');
    return ExitCode.Error;
  }
  const stop = new AbortController();
  if (ask) return practiseWith(opts, terminal, ask, stop);
  const keys = typeAhead(process.stdin);
  const typing = new Typing();
  try {
    return await practiseWith(opts, terminal, inquirerAsk({ input: keys, signal: stop.signal }, promptTheme(useColor(opts.color, stdout, terminal.env)), typing), stop, typing);
  } finally {
    keys.dispose();
  }
}

async function practiseWith(opts: PracticeOptions, { io, env, stdout }: Terminal, ask: Ask, stop: AbortController, typing?: Typing): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`answer-coach: ${oneLine(message)}\n`);
    return ExitCode.Error;
  };

  // the rubrics and settings check has: built-in, user folders, the project config, --rubrics-dir, --rubric
  const { config, registry } = openRubrics(env, opts.rubricsDir);
  const fallback = registry.has(DEFAULT_RUBRIC) ? DEFAULT_RUBRIC : registry.ids()[0];
  const rubricArg = opts.rubric ?? config?.rubric;
  const isPath = (arg: string) => /[\\/]|\.ya?ml$/i.test(arg);
  let rubric: Rubric | undefined = rubricArg ? resolveRubric(registry, rubricArg) : undefined;
  let rubricFile = rubricArg && isPath(rubricArg) ? resolve(rubricArg) : undefined;
  // the rubric check would judge the saved answer with: the config's for every answer, else the question's
  const configRubric = config?.rubric ? rubric : undefined;
  const rubricFor = (q: string) => configRubric ?? rubricForQuestion(q, registry);

  let draftPath: string | undefined;
  let resume: Draft | undefined;
  if (opts.resume) {
    draftPath = typeof opts.resume === 'string' ? resolve(opts.resume) : opts.out && existsSync(draftBesideOut(resolve(opts.out))) ? draftBesideOut(resolve(opts.out)) : latestDraft(draftsDir(env));
    if (!draftPath) return fail(`no draft to resume in ${draftsDir(env)}; start one with: answer-coach practice`);
    const read = readTextFile(draftPath, { maxBytes: MAX_DRAFT_BYTES });
    if (read.problem) return fail(`${draftPath}: ${read.problem.kind === 'too-large' ? 'too large to be a draft' : read.problem.message}`);
    try {
      resume = parseDraft(read.text);
    } catch (e) {
      if (e instanceof DraftError) return fail(`${draftPath}: ${e.message}`);
      throw e;
    }
    if (!rubric) {
      if (resume.rubricFile && existsSync(resume.rubricFile)) {
        rubric = registry.load(resume.rubricFile);
        rubricFile = resume.rubricFile;
      } else if (registry.has(resume.rubric)) rubric = registry.get(resume.rubric);
      else return fail(`${draftPath}: rubric "${resume.rubric}" is not found (known: ${registry.ids().join(', ')}); pass it with --rubric ID|PATH or --rubrics-dir DIR`);
    }
  }
  const width = outputWidth(stdout, env);

  // a draft is private (0600): only its author can read it; a failed write stops the open prompt
  let latest: Draft | undefined;
  const file = new DraftFile(() => newDraftPath(latest!, env, new Date()), draftPath, () => stop.abort());
  // one beside --out is listed in the drafts folder, so a bare --resume finds it (a list that cannot be written only loses that)
  const listElsewhere = (path: string, listed: boolean) => {
    if (dirname(path) === draftsDir(env)) return;
    try {
      listDraftElsewhere(draftsDir(env), path, listed, existsSync, (index, text) => writeAtomic(index, text, { mode: 0o600, dirMode: 0o700 }));
    } catch {
      // --resume PATH still finds it
    }
  };
  // a draft in the drafts folder is the latest one there, so plain --resume finds it; only a draft written is named
  const resumeHint = () => {
    const saved = file.saved;
    if (!saved) return 'Nothing was written yet.';
    const how = dirname(saved) === draftsDir(env) ? '--resume' : `--resume ${shellQuote(saved)}`;
    return `Your draft is in ${fileName(shellQuote(saved))}; resume with: answer-coach practice ${fileName(how)}`;
  };
  const deps: PracticeDeps = {
    ask,
    say: (text) => io.stdout(`${text}\n`),
    saveDraft(markdown, draft) {
      latest = draft;
      const fresh = !file.saved;
      file.save(markdown);
      if (fresh && file.saved) listElsewhere(file.saved, true);
    },
    discardDraft() {
      const saved = file.saved;
      file.discard();
      if (saved) listElsewhere(saved, false);
    },
    // a dangling symlink is something there too: it is asked about like a file
    exists: (path) => lstatOrUndefined(resolve(path)) !== undefined,
    // the answer keeps the mode of the file it replaces, or is private
    writeAnswer: (path, text) => writeAtomic(resolve(path), text, { mode: modeFor(resolve(path)) }),
    random: Math.random,
    color: useColor(opts.color, stdout, env),
    width,
  };
  // the command that checks the saved answer as practice did: the same rubric folders, and the rubric when its question would not pick it
  const checkCommand = (path: string, chosen: Rubric, picked: boolean) =>
    ['answer-coach', 'check', path, ...(opts.rubricsDir ?? []).flatMap((d) => ['--rubrics-dir', d]), ...(picked ? [] : ['--rubric', rubricFile ?? chosen.id])].map(shellQuote).join(' ');

  // what the open prompt holds is kept on Ctrl-C (the prompt's ExitPromptError) and on a signal
  const keepTyping = () => {
    try {
      typing?.keep();
    } catch {
      // file.failure says what was kept
    }
  };
  const unwatch = whenStopped(() => {
    keepTyping();
    io.stderr(file.failure ? `\nanswer-coach: ${file.failure}\n` : `\nStopped. ${resumeHint()}\n`);
  });

  try {
    // the default rubric's questions head the list
    const rubrics = registry.all().sort((a, b) => Number(b.id === fallback) - Number(a.id === fallback));
    const done = await practice(
      { rubrics, rubric, rubricFor, question: opts.question, random: opts.random, out: opts.out, resume, analyze: { rules: config?.rules, accept: config?.accept }, rubricFile, checkCommand },
      deps,
    );
    // every finished answer goes into the local history (see: answer-coach history); a failure there only warns
    historyRecorder(env, (m) => io.stderr(`answer-coach: warning: ${oneLine(m)}\n`), 'practice')(done.path, done.markdown, done.report);
    return ExitCode.Clean;
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError') keepTyping();
    if (file.failure) {
      // one line: what could not be saved, and what was kept where
      io.stderr(`answer-coach: ${file.failure}\n`);
      return ExitCode.Error;
    }
    if (e instanceof Error && e.name === 'ExitPromptError') {
      io.stderr(`\nStopped. ${resumeHint()}\n`);
      return ExitCode.Interrupted;
    }
    if (e instanceof PracticeUsageError) return fail(e.message);
    if (e instanceof Error && e.name === 'RubricError') throw e;
    io.stderr(`answer-coach: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}. ${resumeHint()}\n`);
    return ExitCode.Error;
  } finally {
    unwatch();
  }
}
