import type { FileError, FileResult, RunResult, Summary } from '../report/types.js';

/**
 * A report written piece by piece, so a batch of thousands of answers never holds every report in
 * memory: `begin`, then `result` once per analyzed answer in output order, then `end`. Each
 * format's pure `formatX(run)` is this same writer run over a whole RunResult, so streamed and
 * in-memory output are the same bytes by construction.
 */
export interface ReportWriter {
  begin(): string;
  result(r: FileResult): string;
  end(errors: readonly FileError[], summary: Summary): string;
}

export function formatWith(writer: ReportWriter, run: RunResult): string {
  let out = writer.begin();
  for (const r of run.results) out += writer.result(r);
  return out + writer.end(run.errors, run.summary);
}

/** Indents every line after the first: JSON.stringify's nesting, for a value placed at `prefix` depth. */
export function indentJson(value: unknown, prefix: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + prefix);
}
