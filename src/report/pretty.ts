import type { ChalkInstance } from 'chalk';
import { STAR_PARTS, type StarPart } from '../answer/types.js';
import type { Finding, Report } from '../analyze/types.js';
import { fileName, oneLine } from './sanitize.js';
import type { RunResult, Summary } from './types.js';
import { DEFAULT_WIDTH, layout, unit, words, type Style, type Word } from './wrap.js';

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
// where the values of the STAR, pillars and metric lines start
const LABEL_WIDTH = 12;

/**
 * Cells of the STAR bar per part: always BAR_WIDTH in all (the largest remainders get the odd
 * cells), and at least one for a part that is there, so the columns after the bar line up.
 */
export function barCells(report: Pick<Report, 'star'>): Record<StarPart, number> {
  const cells = { situation: 0, task: 0, action: 0, result: 0 };
  const present = STAR_PARTS.filter((p) => report.star[p].share > 0);
  if (!present.length) return cells;
  const total = present.reduce((n, p) => n + report.star[p].share, 0);
  const exact = (p: StarPart) => (report.star[p].share / total) * BAR_WIDTH;
  for (const p of present) cells[p] = Math.max(1, Math.floor(exact(p)));
  const byRemainder = [...present].sort((a, b) => exact(b) - Math.floor(exact(b)) - (exact(a) - Math.floor(exact(a))));
  for (let left = BAR_WIDTH - present.reduce((n, p) => n + cells[p], 0), i = 0; left > 0; left--, i++) cells[byRemainder[i % byRemainder.length]]++;
  // a part kept to its one cell may have pushed the bar over: take the cells back from the largest
  for (let over = present.reduce((n, p) => n + cells[p], 0) - BAR_WIDTH; over > 0; over--) {
    const largest = present.reduce((a, b) => (cells[b] > cells[a] ? b : a));
    cells[largest]--;
  }
  return cells;
}

function starLine(report: Report, c: ChalkInstance): Word[] {
  const colors = { situation: c.cyan, task: c.blue, action: c.green, result: c.magenta };
  const cells = barCells(report);
  let bar = '';
  for (const p of STAR_PARTS) bar += cells[p] ? colors[p]((PART_LETTER[p] as string).repeat(cells[p])) : '';
  if (!bar) bar = c.dim('(no story)'.padEnd(BAR_WIDTH));
  // each share is as wide as "S 100%", so the shares line up from one answer to the next
  const shares = STAR_PARTS.flatMap((p) => {
    const s = report.star[p];
    return s.present ? unit(`${PART_LETTER[p]} ${`${Math.round(s.share * 100)}%`.padStart(4)}`, undefined, 2) : unit(`${PART_LETTER[p]}    –`, c.red, 2);
  });
  return [{ text: bar }, ...shares];
}

function scoreColor(score: number, c: ChalkInstance) {
  return score >= 75 ? c.green : score >= 50 ? c.yellow : c.red;
}

function severityStyle(f: Finding, c: ChalkInstance): Style {
  return f.severity === 'error' ? c.red : f.severity === 'warning' ? c.yellow : c.blue;
}

/**
 * The report for one answer, as a person reads it in a terminal `width` columns wide: each line
 * broken between words, continuation lines under the text they continue.
 */
export function formatAnswer(file: string, report: Report, c: ChalkInstance, width = DEFAULT_WIDTH, explain = false): string {
  const lines: string[] = [];
  // the facts after the score break only between themselves
  const facts = [oneLine(report.rubric), `· ${report.stats.words} words`, `· ~${report.stats.speakingSeconds}s`].flatMap((t, i) => unit(t, c.dim, i ? 1 : 2));
  const head = [...unit(fileName(file), c.bold.underline), ...unit(`${report.score}/100`, scoreColor(report.score, c).bold, 2), ...facts];
  lines.push(layout('', head, width, 2));
  const labelled = (label: string, items: Word[]) => lines.push(layout(`  ${label.padEnd(LABEL_WIDTH - 2)}`, items, width, LABEL_WIDTH));
  labelled('STAR', starLine(report, c));
  // a claimed pillar is there, but only said: "~ ownership (claimed)"
  const pillarMark = (p: Report['pillars'][number]) => (p.status === 'shown' ? `✓ ${oneLine(p.id)}` : p.status === 'claimed' ? `~ ${oneLine(p.id)} (claimed)` : `✗ ${oneLine(p.id)}`);
  const pillars = report.pillars.flatMap((p, i) => unit(pillarMark(p), p.status === 'shown' ? c.green : p.status === 'claimed' ? c.yellow : c.dim, i ? 2 : 0));
  if (pillars.length) labelled('pillars', pillars);
  labelled('metric', report.metrics.length ? words(`✓ ${report.metrics.map((m) => `"${oneLine(m.text)}"`).join(', ')}`, c.green) : unit('✗ none', c.red));
  const at = Math.max(0, ...report.findings.map((f) => `${f.line}:${f.column}`.length));
  for (const f of report.findings) {
    const prefix = `  ${c.dim(`${f.line}:${f.column}`.padEnd(at))}  ${severityStyle(f, c)(f.severity.padEnd(7))} `;
    lines.push(layout(prefix, [...words(oneLine(f.message)), ...unit(f.rule, c.dim, 2)], width, 2 + at + 2 + 8));
  }
  if (explain) lines.push(...explainLines(report, c, width));
  return lines.join('\n');
}

const PART_LABEL: Record<string, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', opening: 'opening', closing: 'closing' };
const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column < b.column);

/**
 * The explain view: each sentence with the part it was read as and why, and under it what it holds
 * — pillar evidence (shown or claimed, and why), metrics, jargon.
 */
function explainLines(report: Report, c: ChalkInstance, width: number): string[] {
  const lines = ['', `  ${c.bold('How it was read')}`];
  const marks: { line: number; column: number; text: Word[] }[] = [
    ...report.pillars.flatMap((p) =>
      p.evidence.map((e) => ({ ...e, text: [...unit(`${e.kind === 'shown' ? '✓' : '~'} ${oneLine(p.id)} ${e.kind}:`, e.kind === 'shown' ? c.green : c.yellow), ...words(`"${oneLine(e.text)}" — ${oneLine(e.why)}`)] })),
    ),
    ...report.metrics.map((m) => ({ ...m, text: [...unit(`# metric (${m.kind}):`, c.cyan), ...words(`"${oneLine(m.text)}"`)] })),
    ...report.jargon.map((j) => ({ ...j, text: [...unit('! jargon:', c.yellow), ...words(`"${oneLine(j.text)}" — ${oneLine(j.suggestion)}`)] })),
  ];
  const pos = Math.max(0, ...report.sentences.map((s) => `${s.line}:${s.column}`.length));
  for (const s of report.sentences) {
    const head = `    ${c.dim(`${s.line}:${s.column}`.padEnd(pos))}  ${(PART_LABEL[s.part] ?? s.part).padEnd(7)} `;
    const indent = 4 + pos + 2 + 8;
    lines.push(layout(head, words(oneLine(s.text)), width, indent));
    lines.push(layout(' '.repeat(indent), words(oneLine(s.why), c.dim), width, indent));
    const end = { line: s.endLine, column: s.endColumn };
    for (const m of marks) if (!before(m, s) && before(m, end)) lines.push(layout(' '.repeat(indent + 2), m.text, width, indent + 4));
  }
  return lines;
}

export function formatSummary(s: Summary, c: ChalkInstance, width = DEFAULT_WIDTH): string {
  const parts = [`${s.analyzed} answer${s.analyzed === 1 ? '' : 's'} checked`];
  if (s.averageScore !== null) parts.push(`average score ${s.averageScore}`);
  parts.push(`${s.findings.error} error${s.findings.error === 1 ? '' : 's'}`, `${s.findings.warning} warning${s.findings.warning === 1 ? '' : 's'}`, `${s.findings.info} info`);
  const text = words(parts.join(', ') + (s.failed ? ',' : ''));
  if (s.failed) text.push(...words(`${s.failed} file${s.failed === 1 ? '' : 's'} could not be read`, c.red));
  const mark = s.failing || s.failed ? c.red('✗') : c.green('✓');
  return layout(`${mark} `, text, width, 2);
}

/** The human report: each answer, in the order given, and a one-line summary, in the styles `c` (see reportColors). */
export function formatPretty(run: RunResult, c: ChalkInstance = PLAIN, width = DEFAULT_WIDTH): string {
  // unreadable files are reported on stderr, one line each; the summary counts them
  return [...run.results.map((r) => formatAnswer(r.file, r.report, c, width)), formatSummary(run.summary, c, width)].join('\n\n') + '\n';
}
