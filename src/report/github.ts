import type { Severity } from '../analyze/types.js';
import { asIs, formatWith, type ReportWriter } from './writer.js';
import { oneLine, sanitize } from './sanitize.js';
import type { RunResult, Summary } from './types.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's message: %, CR and LF are escaped as the runner expects (it unescapes them). */
export function escapeData(text: string): string {
  return sanitize(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A workflow command's property value (file=…, title=…): also `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A malformed file's error names its place as `path:line:col`; split it back for tools that locate it. */
export function splitErrorLocation(file: string): { file: string; line?: number; column?: number } {
  const m = /^(.*):(\d+):(\d+)$/s.exec(file);
  return m ? { file: m[1], line: Number(m[2]), column: Number(m[3]) } : { file };
}

function summaryLine(s: Summary): string {
  const parts = [`${s.analyzed} answer${s.analyzed === 1 ? '' : 's'} checked`];
  if (s.averageScore !== null) parts.push(`average score ${s.averageScore}`);
  parts.push(`${s.findings.error} errors`, `${s.findings.warning} warnings`, `${s.findings.info} info`);
  if (s.failed) parts.push(`${s.failed} could not be read`);
  return `answer-coach: ${parts.join(', ')}\n`;
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its file and line
 * (`::warning file=…,line=…,col=…::message`); info findings are notices. Unreadable files are
 * error annotations on the file, so they show in the pull request too.
 */
export function githubWriter(): ReportWriter<string> {
  return {
    begin: () => '',
    render({ file, report }) {
      const name = escapeProperty(file);
      let out = '';
      for (const f of report.findings) {
        let props = `file=${name},line=${f.line},col=${f.column}`;
        if (f.endLine !== undefined && f.endColumn !== undefined) props += `,endLine=${f.endLine},endColumn=${f.endColumn}`;
        out += `::${LEVEL[f.severity]} ${props},title=${escapeProperty(`answer-coach ${f.rule}`)}::${escapeData(oneLine(f.message))}\n`;
      }
      return out;
    },
    place: asIs,
    end(errors, summary) {
      let out = '';
      for (const e of errors) {
        const at = splitErrorLocation(e.file);
        const pos = at.line ? `,line=${at.line},col=${at.column}` : '';
        out += `::error file=${escapeProperty(at.file)}${pos},title=answer-coach::${escapeData(oneLine(e.message))}\n`;
      }
      return out + summaryLine(summary);
    },
  };
}

export function formatGithub(run: RunResult): string {
  return formatWith(githubWriter(), run);
}
