// `answer-coach history` and `history clear`; commands/history.ts registers them.
import { existsSync } from 'node:fs';
import { defaultHistoryPath } from '../history/index.js';
import { formatHistoryJson, formatHistoryPretty, type HistoryView } from '../history/format.js';
import { clearHistory, readHistory, type HistoryRead } from '../history/store.js';
import { summarizeHistory } from '../history/summary.js';
import { fileName, oneLine } from '../report/sanitize.js';
import type { Io } from './check.js';
import type { CliContext } from './context.js';
import { ExitCode } from './exit-codes.js';
import { useColor } from './commands/check.js';

type Ask = (message: string) => Promise<boolean>;
type PromptContext = { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream };

/** A yes/no question, "no" by default. @inquirer/prompts is loaded only when a question is asked. */
export async function askConfirm(message: string, context: PromptContext = {}): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message, default: false }, context);
}

function warnSkipped(read: HistoryRead, path: string, io: Io): void {
  if (!read.skipped) return;
  const lines = read.skipped === 1 ? '1 unreadable line' : `${read.skipped} unreadable lines`;
  io.stderr(`answer-coach: warning: skipped ${lines} in ${fileName(path)} (first at line ${read.firstSkippedLine})\n`);
}

/**
 * `history clear`: deletes the history after a yes at a terminal, or at once with --yes. Without a
 * terminal and without --yes it refuses (exit 2) rather than delete unasked.
 */
export async function runHistoryClear(path: string, opts: { yes: boolean; interactive: boolean; ask: Ask }, io: Io): Promise<number> {
  let count: number | undefined;
  let unreadable = '';
  try {
    count = readHistory(path).attempts.length;
  } catch (e) {
    // a history that cannot be read can still be deleted
    unreadable = ` (it cannot be read: ${oneLine((e as Error).message)})`;
  }
  const attempts = count === undefined ? 'the history' : `${count} recorded attempt${count === 1 ? '' : 's'}`;
  if (!existsSync(path)) {
    io.stdout(`No history to clear (${fileName(path)}).\n`);
    return ExitCode.Clean;
  }
  if (!opts.yes) {
    if (!opts.interactive) {
      io.stderr('answer-coach: history clear deletes every recorded attempt and needs a yes: run it in a terminal, or pass --yes\n');
      return ExitCode.Error;
    }
    let yes: boolean;
    try {
      yes = await opts.ask(`Delete ${count === undefined ? attempts : `all ${attempts}`} in ${fileName(path)}${unreadable}? This cannot be undone.`);
    } catch (e) {
      // Ctrl-C at the prompt.
      if (e instanceof Error && e.name === 'ExitPromptError') {
        io.stderr('Nothing deleted.\n');
        return ExitCode.Interrupted;
      }
      throw e;
    }
    if (!yes) {
      io.stdout('Nothing deleted.\n');
      return ExitCode.Clean;
    }
  }
  clearHistory(path);
  io.stdout(`Deleted ${attempts} (${fileName(path)}).\n`);
  return ExitCode.Clean;
}

export interface HistoryOptions {
  question?: string;
  rubric?: string;
  format: 'pretty' | 'json';
  color?: boolean;
}

/** `history`: every question practised, or those the filter picks, from the local history. */
export function showHistory({ io, env, version, setExitCode }: CliContext, opts: HistoryOptions): void {
  const path = defaultHistoryPath(env);
  let read: HistoryRead;
  try {
    read = readHistory(path);
  } catch (e) {
    io.stderr(`answer-coach: cannot read the history ${fileName(path)}: ${oneLine((e as Error).message)}\n`);
    setExitCode(ExitCode.Error);
    return;
  }
  warnSkipped(read, path, io);
  const filter = { question: opts.question, rubric: opts.rubric };
  const view: HistoryView = {
    path,
    total: read.attempts.length,
    skipped: read.skipped,
    summaries: summarizeHistory(read.attempts, filter),
    filter: opts.question !== undefined ? `question "${opts.question}"` : opts.rubric !== undefined ? `rubric ${opts.rubric}` : undefined,
  };
  io.stdout(opts.format === 'json' ? formatHistoryJson(view, version) : formatHistoryPretty(view, { color: useColor(opts.color, process.stdout, env) }));
  setExitCode(ExitCode.Clean);
}

/** `history clear`, asking at a terminal. */
export async function clear({ io, env, setExitCode }: CliContext, opts: { yes?: boolean }): Promise<void> {
  const path = defaultHistoryPath(env);
  const interactive = Boolean((io.stdin as NodeJS.ReadStream).isTTY && process.stdout.isTTY);
  const ask = (message: string) => askConfirm(message, { input: io.stdin, output: process.stdout });
  setExitCode(await runHistoryClear(path, { yes: Boolean(opts.yes), interactive, ask }, io));
}
