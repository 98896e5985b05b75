import type { ChalkInstance } from 'chalk';
import { STAR_PARTS } from '../answer/types.js';
import type { Finding, Report } from '../analyze/types.js';
import { oneLine, sanitize } from './sanitize.js';
import type { RunResult, Summary } from './types.js';

/**
 * Chalk with colour off, without loading chalk: every style returns its text as chalk at level 0
 * does (several arguments joined by spaces). Most runs print to a pipe or file, where colour is off.
 */
const plain = (...text: unknown[]) => (text.length === 1 ? String(text[0]) : text.join(' '));
// (no `then`: it must not look like a promise, or awaiting it never settles)
export const PLAIN: ChalkInstance = new Proxy(plain, { get: (_target, key) => (key === 'level' ? 0 : key === 'then' ? undefined : PLAIN) }) as unknown as ChalkInstance;

/** The styles for a report: chalk (basic colours) when colour is on, else PLAIN; chalk is loaded only then. */
export async function reportColors(color: boolean): Promise<ChalkInstance> {
  return color ? new (await import('chalk')).Chalk({ level: 1 }) : PLAIN;
}

const BAR_WIDTH = 20;
const PART_LETTER = { situation: 'S', task: 'T', action: 'A', result: 'R' } as const;

function starBar(report: Report, c: ChalkInstance): string {
  const colors = { situation: c.cyan, task: c.blue, action: c.green, result: c.magenta };
  let bar = '';
  for (const p of STAR_PARTS) {
    const cells = Math.round(report.star[p].share * BAR_WIDTH);
    bar += colors[p]((PART_LETTER[p] as string).repeat(cells));
  }
  const shares = STAR_PARTS.map((p) => {
    const s = report.star[p];
    return s.present ? `${PART_LETTER[p]} ${Math.round(s.share * 100)}%` : c.red(`${PART_LETTER[p]} –`);
  }).join('  ');
  return `${bar || c.dim('(no story)')}  ${shares}`;
}

function scoreColor(score: number, c: ChalkInstance) {
  return score >= 75 ? c.green : score >= 50 ? c.yellow : c.red;
}

function severityLabel(f: Finding, c: ChalkInstance): string {
  const label = f.severity.padEnd(7);
  return f.severity === 'error' ? c.red(label) : f.severity === 'warning' ? c.yellow(label) : c.blue(label);
}

/** The report for one answer, as a person reads it in a terminal. */
export function formatAnswer(file: string, report: Report, c: ChalkInstance): string {
  const lines: string[] = [];
  lines.push(`${c.bold.underline(sanitize(file))}  ${scoreColor(report.score, c).bold(`${report.score}/100`)}  ${c.dim(`${report.rubric} · ${report.stats.words} words · ~${report.stats.speakingSeconds}s`)}`);
  lines.push(`  STAR      ${starBar(report, c)}`);
  const pillars = report.pillars.map((p) => (p.present ? c.green(`✓ ${p.id}`) : c.dim(`✗ ${p.id}`))).join('  ');
  if (pillars) lines.push(`  pillars   ${pillars}`);
  lines.push(`  metric    ${report.metrics.length ? c.green(`✓ ${report.metrics.map((m) => `"${oneLine(m.text)}"`).join(', ')}`) : c.red('✗ none')}`);
  const width = Math.max(0, ...report.findings.map((f) => `${f.line}:${f.column}`.length));
  for (const f of report.findings) {
    lines.push(`  ${c.dim(`${f.line}:${f.column}`.padEnd(width))}  ${severityLabel(f, c)} ${oneLine(f.message)}  ${c.dim(f.rule)}`);
  }
  return lines.join('\n');
}

export function formatSummary(s: Summary, c: ChalkInstance): string {
  const parts = [`${s.analyzed} answer${s.analyzed === 1 ? '' : 's'} checked`];
  if (s.averageScore !== null) parts.push(`average score ${s.averageScore}`);
  parts.push(`${s.findings.error} error${s.findings.error === 1 ? '' : 's'}`, `${s.findings.warning} warning${s.findings.warning === 1 ? '' : 's'}`, `${s.findings.info} info`);
  if (s.failed) parts.push(c.red(`${s.failed} file${s.failed === 1 ? '' : 's'} could not be read`));
  const mark = s.failing || s.failed ? c.red('✗') : c.green('✓');
  return `${mark} ${parts.join(', ')}`;
}

/** The human report: each answer, in the order given, and a one-line summary, in the styles `c` (see reportColors). */
export function formatPretty(run: RunResult, c: ChalkInstance = PLAIN): string {
  // unreadable files are reported on stderr, one line each; the summary counts them
  return [...run.results.map((r) => formatAnswer(r.file, r.report, c)), formatSummary(run.summary, c)].join('\n\n') + '\n';
}
