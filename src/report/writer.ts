import type { FileError, FileResult, RunResult, Summary } from './types.js';

/**
 * A report written piece by piece, so a batch of thousands of answers never holds every report in
 * memory: `begin`, then each analyzed answer in output order, then `end`. An answer's output is
 * made in two steps so that a worker thread can do the costly one:
 * - `render` is pure and depends on the answer alone: any thread may run it, and its piece (a
 *   string, or plain data) is what crosses threads instead of the whole report;
 * - `place` runs on the writing thread in output order and keeps whatever the format carries
 *   from one answer to the next (separators, counts, rules seen), returning the text to write.
 * Each format's pure `formatX(run)` is this same writer run over a whole RunResult, so streamed,
 * parallel and in-memory output are the same bytes by construction.
 */
export interface ReportWriter<P = unknown> {
  begin(): string;
  render(r: FileResult): P;
  place(piece: P): string;
  end(errors: readonly FileError[], summary: Summary): string;
  /** What the format says to the person rather than to the tool reading its output: it goes to stderr, after `end`. */
  notes?(errors: readonly FileError[], summary: Summary): string;
}

/** `place` for a format whose answers carry no state from one to the next. */
export const asIs = (piece: string): string => piece;

export function formatWith<P>(writer: ReportWriter<P>, run: RunResult): string {
  let out = writer.begin();
  for (const r of run.results) out += writer.place(writer.render(r));
  return out + writer.end(run.errors, run.summary);
}

/** Indents every line after the first: JSON.stringify's nesting, for a value placed at `prefix` depth. */
export function indentJson(value: unknown, prefix: string): string {
  // An object or array at depth d (a prefix of 2·d spaces) is what JSON.stringify writes for it
  // nested in d one-element arrays, less their brackets: one pass, where a replace over the
  // finished text was a second pass and a copy (JSON output of a batch: a third of its render time)
  const depth = prefix.length >> 1;
  if (typeof value === 'object' && value !== null && depth > 0 && depth <= 4 && prefix === '  '.repeat(depth)) {
    let nested: unknown = value;
    for (let d = 0; d < depth; d++) nested = [nested];
    const text = JSON.stringify(nested, null, 2);
    // level i (0 … depth-1) adds its indent, "[" and "\n" before (2i + 2 characters), and as much
    // after; the value's own first line is indented by the prefix, which it is placed after
    return text.slice(depth * depth + 3 * depth, text.length - depth * depth - depth);
  }
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + prefix);
}
