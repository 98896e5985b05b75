import { Chalk, type ChalkInstance } from 'chalk';
import { fileName, oneLine } from '../report/sanitize.js';
import type { QuestionSummary } from './summary.js';

export const HISTORY_SCHEMA_VERSION = 1;

export interface HistoryView {
  /** Where the history file is, shown so the user knows what `clear` deletes. */
  path: string;
  /** Attempts in the file (before any filter). */
  total: number;
  summaries: QuestionSummary[];
  skipped: number;
  /** The filter in words, for "nothing matches" messages. */
  filter?: string;
}

function scoreColor(score: number, c: ChalkInstance) {
  return score >= 75 ? c.green : score >= 50 ? c.yellow : c.red;
}

/** The history for a person at a terminal. Every recorded string is untrusted and sanitized. */
export function formatHistoryPretty(view: HistoryView, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  if (!view.total) {
    lines.push(`No attempts recorded yet (${fileName(view.path)}).`);
    lines.push(c.dim('Record one with: answer-coach check answer.md --record, or answer-coach practice.'));
    return lines.join('\n') + '\n';
  }
  if (!view.summaries.length) return `No attempts match ${oneLine(view.filter ?? 'the filter')} (${view.total} recorded in ${fileName(view.path)}).\n`;
  const shown = view.summaries.reduce((n, s) => n + s.attempts, 0);
  lines.push(c.dim(`${fileName(view.path)} · ${shown} attempt${shown === 1 ? '' : 's'} · ${view.summaries.length} question${view.summaries.length === 1 ? '' : 's'}`));
  for (const s of view.summaries) {
    lines.push('');
    lines.push(c.bold(s.question ? oneLine(s.question) : `(no question) ${fileName(s.file ?? '')}`));
    const score = (n: number) => scoreColor(n, c)(String(n));
    lines.push(
      `  ${s.attempts} attempt${s.attempts === 1 ? '' : 's'}${s.reruns ? c.dim(` (+${s.reruns} unchanged re-check${s.reruns === 1 ? '' : 's'})`) : ''} · best ${score(s.best)} · latest ${score(s.latest)}` +
        `  ${scoreColor(s.latest, c)(s.sparkline)}  ${c.dim(`${s.rubrics.map(oneLine).join(', ')} · last ${oneLine(s.lastAt.slice(0, 16).replace('T', ' '))} UTC`)}`,
    );
    // a lower score is said first: what did get better is then not "improved" overall
    const fell = s.attempts > 1 && s.latest < s.first;
    if (fell) lines.push(`  ${c.red('−')} score ${s.first} → ${s.latest} (−${s.first - s.latest}) since the first attempt`);
    if (s.improved.length) {
      lines.push(fell ? '  Still better than the first attempt:' : '  Improved since the first attempt:');
      for (const i of s.improved) lines.push(`    ${c.green('+')} ${oneLine(i.text)}`);
    } else if (s.attempts > 1 && !fell) {
      lines.push(c.dim('  Nothing better than the first attempt yet.'));
    }
    if (s.recurring.length) {
      lines.push('  Keeps recurring:');
      for (const r of s.recurring) lines.push(`    ${c.yellow('!')} ${oneLine(r.text)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The history for scripts: one JSON document. */
export function formatHistoryJson(view: HistoryView, version: string): string {
  const doc = {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    tool: 'answer-coach',
    version,
    path: view.path,
    total: view.total,
    skippedLines: view.skipped,
    questions: view.summaries,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
