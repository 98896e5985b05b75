import { asIs, type ReportWriter } from './writer.js';
import { oneLine, sanitize } from './sanitize.js';
import type { RunResult } from './types.js';
import { formatWith } from './writer.js';

/**
 * A file name on one line: control sequences removed, and the line breaks and tabs a file name can
 * hold shown as \n, \r, \t so one finding is always one line and the name stays recognisable.
 */
export function escapeFileName(file: string): string {
  return sanitize(file.replace(/\r/g, '\\r')).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** `file:line:col: severity rule: message`, one finding a line: for grep, editors and compilers' error parsers. */
export function lineWriter(): ReportWriter<string> {
  return {
    begin: () => '',
    render({ file, report }) {
      const name = escapeFileName(file);
      let out = '';
      for (const f of report.findings) out += `${name}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${oneLine(f.message)}\n`;
      return out;
    },
    place: asIs,
    // unreadable files are already one line each on stderr
    end: () => '',
  };
}

export function formatLine(run: RunResult): string {
  return formatWith(lineWriter(), run);
}
