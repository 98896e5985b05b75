import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { fileName, oneLine } from '../report/sanitize.js';
import { RubricError } from '../rubric/types.js';
import { ConfigError } from '../config/error.js';
import type { Io } from './check.js';
// Each command module only registers its options and help; the work it does is imported when it runs.
import { registerCheck } from './commands/check.js';
import { registerRubrics } from './commands/rubrics.js';
import { registerHistory } from './commands/history.js';
import { registerPractice } from './commands/practice.js';
import type { CliContext, RegisterCommand } from './context.js';
import { ExitCode } from './exit-codes.js';
import { guardTerminal } from './terminal.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; homepage?: string; repository?: string | { url?: string } };

/** package.json's homepage, else its repository as an https address ("git+https://….git" → "https://…"). */
export function homepageOf(p: { homepage?: string; repository?: string | { url?: string } }): string | undefined {
  if (p.homepage && /^https?:\/\//.test(p.homepage)) return p.homepage;
  const url = typeof p.repository === 'string' ? p.repository : p.repository?.url;
  const https = url?.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '');
  return https && /^https?:\/\//.test(https) ? https : undefined;
}

/** Every subcommand, one module each. */
const COMMANDS: RegisterCommand[] = [registerCheck, registerHistory, registerRubrics, registerPractice];

/** Output not yet taken by stdout's reader beyond which a batch waits for it (see runFiles' backlog). */
const STDOUT_BACKLOG = 1024 * 1024;
// Loading this module touches no stream of the process (the startup snapshot loads it at build
// time): stdin is opened when a command reads it, and the pipe guard is installed by main().
const processIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  get stdin() {
    return process.stdin;
  },
  stdoutBacklog: () => (process.stdout.writableLength > STDOUT_BACKLOG ? new Promise((resolve) => process.stdout.once('drain', resolve)) : undefined),
};

let pipesGuarded = false;

/** `answer-coach check … | head` closes the pipe early: that is the reader's choice, not an error. */
function guardPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
}

/** Runs the CLI and returns the exit code; the bin sets it. Errors are one line on stderr, never a stack trace. */
export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // the real process: a signal restores the terminal and a closed pipe ends quietly, in every command (not in a test's own process)
  if (io === processIo) {
    guardTerminal();
    guardPipes();
  }
  let exitCode: number = ExitCode.Clean;
  const ctx: CliContext = { io, env, version: pkg.version, homepage: homepageOf(pkg), setExitCode: (code) => void (exitCode = code) };
  const program = new Command('answer-coach')
    .description('Coach for behavioral interview answers: STAR structure, pillars, a measurable result, plain words.')
    .version(pkg.version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  for (const register of COMMANDS) register(program, ctx);

  program.addHelpText(
    'after',
    `
Examples:
  $ answer-coach check answer.md
  $ answer-coach check answers/ --format json
  $ answer-coach check --help`,
  );

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      const ok = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      return ok ? ExitCode.Clean : ExitCode.Error;
    }
    if (e instanceof ConfigError) {
      for (const p of e.problems) io.stderr(`answer-coach: config ${fileName(p.file)}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${oneLine(p.message)}\n`);
      return ExitCode.Error;
    }
    if (e instanceof RubricError) {
      for (const p of e.problems) io.stderr(`answer-coach: rubric ${fileName(p.file)}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${oneLine(p.message)}\n`);
      return ExitCode.Error;
    }
    io.stderr(`answer-coach: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    return ExitCode.Error;
  }
  return exitCode;
}
