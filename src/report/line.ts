import { asIs, type ReportWriter } from './writer.js';
import { fileName, oneLine } from './sanitize.js';
import type { RunResult } from './types.js';
import { formatWith } from './writer.js';

/** `file:line:col: severity rule: message`, one finding a line: for grep, editors and compilers' error parsers. */
export function lineWriter(): ReportWriter<string> {
  return {
    begin: () => '',
    render({ file, report }) {
      const name = fileName(file);
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
