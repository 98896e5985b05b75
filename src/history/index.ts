import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { Report } from '../analyze/types.js';
import { attemptFromReport, type AttemptSource } from './record.js';
import { appendAttempt, historyPath } from './store.js';

export { attemptFromReport, contentHash } from './record.js';
export { appendAttempt, clearHistory, historyPath, parseHistory, readHistory } from './store.js';
export { summarizeHistory } from './summary.js';
export type { Attempt } from './types.js';

/** The history file for this user, from the real environment. */
export function defaultHistoryPath(env: NodeJS.ProcessEnv = process.env): string {
  return historyPath(env, homedir());
}

/**
 * Records one analyzed answer in the user's history (the one call `check --record` and `practice`
 * make). `file` is made absolute so attempts from different folders group together; `<stdin>` and
 * other names in angle brackets are kept as they are. Throws if the history cannot be written.
 * Returns the history file's path.
 */
export function recordAttempt(report: Report, from: AttemptSource, env: NodeJS.ProcessEnv = process.env): string {
  const path = defaultHistoryPath(env);
  const file = /^<.*>$/.test(from.file) ? from.file : resolve(from.file);
  appendAttempt(path, attemptFromReport(report, { ...from, file }));
  return path;
}

/**
 * A recorder for a batch (check --record): records each answer; if the history cannot be written
 * it warns once and lets the batch finish, since the check itself still succeeded.
 */
export function historyRecorder(env: NodeJS.ProcessEnv, warn: (message: string) => void, source: AttemptSource['source'] = 'check') {
  let failed = false;
  return (file: string, content: string, report: Report): void => {
    if (failed) return;
    try {
      recordAttempt(report, { file, content, source }, env);
    } catch (e) {
      failed = true;
      warn(`could not record this run in the history (${defaultHistoryPath(env)}): ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
