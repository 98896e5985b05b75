import type { Finding, Severity } from '../analyze/types.js';
import { formatWith, type ReportWriter } from './writer.js';
import { oneLine, sanitize } from './sanitize.js';
import type { FileError, RunResult, Summary } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };
type Level = (typeof LEVEL)[Severity];

/**
 * GitHub shows at most this many annotations of each kind (error, warning, notice) per step and
 * drops the rest without a word; the rest go to the job summary instead.
 */
export const ANNOTATIONS_PER_KIND = 10;
/** GitHub refuses a step summary over 1 MiB; past this much, the summary says what it left out. */
export const STEP_SUMMARY_BYTES = 1000 * 1024;

/** A workflow command's message: %, CR and LF are escaped as the runner expects (it unescapes them). */
export function escapeData(text: string): string {
  return sanitize(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A workflow command's property value (file=…, title=…): also `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function summaryLine(s: Summary): string {
  const parts = [`${s.analyzed} answer${s.analyzed === 1 ? '' : 's'} checked`];
  if (s.averageScore !== null) parts.push(`average score ${s.averageScore}`);
  parts.push(`${s.findings.error} errors`, `${s.findings.warning} warnings`, `${s.findings.info} info`);
  if (s.failed) parts.push(`${s.failed} could not be read`);
  return `answer-coach: ${parts.join(', ')}\n`;
}

/** Text for a Markdown table cell: one line, `|` escaped, and no HTML (GitHub renders it in a summary). */
export function markdownCell(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

/** One answer's findings as a Markdown table, for the job summary. */
export function findingsTable(file: string, score: number, findings: readonly Finding[]): string {
  const rows = findings.map((f) => `| ${f.line}:${f.column} | ${f.severity} | ${markdownCell(f.message)} | \`${markdownCell(f.rule)}\` |`);
  return `### ${markdownCell(file)} — ${score}/100\n\n| at | severity | message | rule |\n|---|---|---|---|\n${rows.join('\n')}\n\n`;
}

/** One answer's output: its annotations by kind, and its table for the job summary (none when it has no findings). */
export interface GithubPiece {
  annotations: { level: Level; command: string }[];
  table: string;
}

export interface GithubOptions {
  /** Where the job summary's Markdown goes ($GITHUB_STEP_SUMMARY is appended to), when it is set. */
  stepSummary?: (markdown: string) => void;
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its file and line
 * (`::warning file=…,line=…,col=…::message`); info findings are notices; unreadable files are error
 * annotations on the file. GitHub shows ten of each kind per step, so past ten the findings are
 * not annotated but listed, with all the others, in the job summary (a table per answer) when
 * $GITHUB_STEP_SUMMARY is set, and stderr says how many were left out. The run's summary line goes
 * to stderr too: stdout holds only workflow commands.
 */
export function githubWriter(options: GithubOptions = {}): ReportWriter<GithubPiece> {
  const shown: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  let held = 0;
  let summaryBytes = 0;
  let unlisted = 0;
  const annotate = (level: Level, command: string) => {
    if (shown[level] >= ANNOTATIONS_PER_KIND) {
      held++;
      return '';
    }
    shown[level]++;
    return command;
  };
  const toSummary = (markdown: string) => {
    if (!options.stepSummary) return;
    const bytes = Buffer.byteLength(markdown);
    if (summaryBytes + bytes > STEP_SUMMARY_BYTES) {
      unlisted++;
      return;
    }
    summaryBytes += bytes;
    options.stepSummary(markdown);
  };
  return {
    begin: () => '',
    render({ file, report }) {
      const name = escapeProperty(file);
      const annotations = report.findings.map((f) => {
        let props = `file=${name},line=${f.line},col=${f.column}`;
        if (f.endLine !== undefined && f.endColumn !== undefined) props += `,endLine=${f.endLine},endColumn=${f.endColumn}`;
        return { level: LEVEL[f.severity], command: `::${LEVEL[f.severity]} ${props},title=${escapeProperty(`answer-coach ${f.rule}`)}::${escapeData(oneLine(f.message))}\n` };
      });
      return { annotations, table: report.findings.length ? findingsTable(file, report.score, report.findings) : '' };
    },
    place(piece) {
      if (piece.table) {
        if (!summaryBytes && !unlisted) toSummary('## answer-coach\n\n');
        toSummary(piece.table);
      }
      return piece.annotations.map((a) => annotate(a.level, a.command)).join('');
    },
    end(errors: readonly FileError[], summary) {
      let out = '';
      for (const e of errors) {
        const pos = e.line ? `,line=${e.line},col=${e.column ?? 1}` : '';
        out += annotate('error', `::error file=${escapeProperty(e.file)}${pos},title=answer-coach::${escapeData(oneLine(e.message))}\n`);
      }
      if (errors.length) toSummary(`### Files that could not be checked\n\n| file | problem |\n|---|---|\n${errors.map((e) => `| ${markdownCell(e.file)}${e.line ? `:${e.line}:${e.column ?? 1}` : ''} | ${markdownCell(e.message)} |`).join('\n')}\n\n`);
      if (summaryBytes || errors.length) toSummary(`${summaryLine(summary).replace(/^answer-coach: /, '')}\n`);
      if (unlisted) options.stepSummary?.(`\n_${unlisted} more answer${unlisted === 1 ? '' : 's'} not listed: a job summary holds at most 1 MiB. Run with \`--format line\` to see every finding._\n`);
      return out;
    },
    notes(_errors, summary) {
      const where = options.stepSummary ? 'every finding is in the job summary' : 'run with --format line to see every finding';
      const left = held ? `answer-coach: ${held} finding${held === 1 ? '' : 's'} not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} of each kind per step); ${where}\n` : '';
      return left + summaryLine(summary);
    },
  };
}

/** The annotations (stdout) of a whole run. */
export function formatGithub(run: RunResult, options: GithubOptions = {}): string {
  return formatWith(githubWriter(options), run);
}

