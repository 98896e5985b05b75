import type { FileError, FileResult } from '../report/types.js';
import { checkFile, shown, type CheckSettings, type RubricSource } from './check-file.js';
import { createWriter, type Format, type WriterOptions } from './formats.js';
import { factsOf, type AnswerFacts } from './tally.js';

/** The output a batch is rendered for: plain data, so a worker thread can make the same writer. */
export interface OutputSpec {
  format: Format;
  options: WriterOptions;
}

/**
 * An analyzed answer as the writing thread gets it: its piece of output, already rendered by
 * whichever thread analyzed it, and the few numbers the summary counts. The report itself stays
 * on the thread that made it (copying it between threads cost more than formatting it).
 */
export interface Rendered<P = unknown> {
  file: string;
  piece: P;
  facts: AnswerFacts;
}
export type Item<P = unknown> = Rendered<P> | FileError;

/** How reports become pieces: the format writer's pure `render`, or, with no format, the result itself. */
export async function rendererFor(output: OutputSpec | undefined): Promise<(r: FileResult) => unknown> {
  if (!output) return (r) => r;
  const writer = await createWriter(output.format, output.options);
  return (r) => writer.render(r);
}

/** Reads, checks and renders each file, in order. */
export function renderFiles(paths: readonly string[], registry: RubricSource, settings: CheckSettings, render: (r: FileResult) => unknown): Item[] {
  return paths.map((path) => {
    const outcome = checkFile(path, registry, settings);
    if (!('report' in outcome)) return outcome;
    const report = shown(outcome.report, settings);
    return { file: outcome.file, piece: render({ ...outcome, report }), facts: factsOf(report) };
  });
}
