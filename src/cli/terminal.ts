// The terminal is left as it was found, however the process is stopped. A progress bar hides the
// cursor and turns line wrap off; a select prompt hides the cursor; by default a signal kills the
// process before any of them can undo it (Ctrl-C during a batch left the cursor hidden and lines
// unwrapped). Every command runs under this guard: on SIGINT, SIGTERM, SIGHUP or SIGQUIT it runs
// what the command registered (a practice session saves the line being typed), shows the cursor,
// turns line wrap back on, and exits with 128 + the signal's number, as a shell reports a signal.
import { writeSync } from 'node:fs';
import { constants } from 'node:os';
import { isatty } from 'node:tty';

export const RESTORE_TERMINAL = '\u001b[?25h\u001b[?7h'; // show the cursor; line wrap on
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;
export type StopSignal = (typeof SIGNALS)[number];

const onStop = new Set<(signal: StopSignal) => void>();
let installed = false;

/** Runs `fn` (synchronously, before the terminal is restored) if a signal stops the process; returns what unregisters it. */
export function whenStopped(fn: (signal: StopSignal) => void): () => void {
  onStop.add(fn);
  return () => void onStop.delete(fn);
}

function stop(signal: StopSignal): void {
  for (const fn of [...onStop]) {
    try {
      fn(signal);
    } catch {
      // the terminal is restored and the process exits all the same
    }
  }
  for (const fd of [1, 2]) {
    try {
      if (isatty(fd)) writeSync(fd, RESTORE_TERMINAL);
    } catch {
      // the terminal may be gone (SIGHUP)
    }
  }
  process.exit(128 + constants.signals[signal]);
}

/** Installs the guard for this process (once; a CLI run in a test's own process does not install it). */
export function guardTerminal(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, () => stop(signal));
}
