import { spawn } from 'node:child_process';
import { ExitCode } from './exit-codes.js';

/** Set in the environment of a relaunched process, so it never relaunches again. */
export const RELAUNCHED = 'ANSWER_COACH_RELAUNCHED';

/**
 * Runs this same command again in a new node process with extra V8 flags, passing the terminal
 * through, and returns its exit code. Some V8 settings (the young generation's size) are read only
 * when a process starts, so a large batch asks for them this way; see commands/check.ts.
 */
export function relaunch(nodeFlags: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, [RELAUNCHED]: '1' } });
    // Ctrl-C reaches the child too (same process group): the child decides; this one just waits
    const ignore = () => {};
    const forward = () => void child.kill('SIGTERM');
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    const done = (code: number) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (e) => {
      process.stderr.write(`answer-coach: cannot start node again: ${e.message}\n`);
      done(ExitCode.Error);
    });
    child.on('exit', (code, signal) => done(code ?? (signal === 'SIGINT' ? 130 : ExitCode.Error)));
  });
}
