import { RULE_IDS, type AnalyzeOptions } from '../analyze/index.js';
import type { Report, Severity } from '../analyze/types.js';
import { formatForPath, type AnswerFormat } from '../answer/index.js';
import { analyzeText, checkAnswer, DEFAULT_RUBRIC } from '../batch/check-file.js';
import { createWriter, type Format } from '../batch/formats.js';
import { OutputBuffer } from '../batch/output.js';
import { startProgress } from '../batch/progress.js';
import type { Item } from '../batch/render.js';
import { limitHeapGrowth, PARALLEL_MIN_FILES, runFiles } from '../batch/run.js';
import { Tally } from '../batch/tally.js';
import { oneLine } from '../report/sanitize.js';
import { summarize } from '../report/summary.js';
import type { FileError, FileResult, Summary } from '../report/types.js';
import type { RubricRegistry } from '../rubric/registry.js';
import type { Rubric } from '../rubric/types.js';
import { ExitCode } from './exit-codes.js';
import { expandInputs, readAnswerFile, readStdin, type InputRef } from './inputs.js';

export { DEFAULT_RUBRIC, summarize };
export const STDIN_NAME = '<stdin>';

export interface CheckOptions {
  /** Per-rule settings from the project config (off, or a severity). */
  rules?: AnalyzeOptions['rules'];
  format: Format;
  failOn: Severity;
  minScore?: number;
  /** A rubric chosen for every answer; otherwise each answer's question picks one. */
  rubric?: Rubric;
  color: boolean;
  version: string;
  /** Called once per analyzed answer with its text: `check --record` appends it to the history. */
  record?: (file: string, text: string, report: Report) => void;
  /** Worker threads for the batch (default: one per core when the batch is large enough to pay). */
  threads?: number;
  /** Where a progress bar may go (stderr); it is drawn only when that is a terminal and the batch is long. */
  progress?: NodeJS.WriteStream;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
}

/** What stdin holds, since it has no file name: Markdown headings, a YAML mapping, or plain text. */
export function sniffFormat(text: string): AnswerFormat {
  if (/^\s{0,3}#{1,6}\s/m.test(text)) return 'markdown';
  if (/^(question|opening|situation|task|action|result)\s*:/im.test(text)) return 'yaml';
  return 'text';
}

/** Analyzes one answer's text; throws AnswerFormatError for a malformed file. */
export function checkText(text: string, format: AnswerFormat, registry: RubricRegistry, rubric?: Rubric, analyzeOptions: AnalyzeOptions = {}) {
  return analyzeText(text, format, registry, rubric, analyzeOptions);
}

async function checkOne(input: InputRef, registry: RubricRegistry, options: CheckOptions, io: Io): Promise<FileResult | FileError> {
  const file = input.kind === 'stdin' ? STDIN_NAME : input.path;
  const read = input.kind === 'stdin' ? await readStdin(io.stdin) : readAnswerFile(input.path);
  if (read.problem || read.text === undefined) return { file, message: read.problem ?? 'cannot be read' };
  const format = input.kind === 'stdin' ? sniffFormat(read.text) : formatForPath(input.path);
  const outcome = checkAnswer(file, read.text, format, registry, { rubric: options.rubric, analyze: { rules: options.rules } });
  if ('report' in outcome) options.record?.(file, read.text, outcome.report);
  return outcome;
}

/** `answer-coach check`: analyzes every input, prints one report, and returns the exit code. */
export async function runCheck(paths: readonly string[], registry: RubricRegistry, options: CheckOptions, io: Io): Promise<number> {
  const { inputs, problems } = await expandInputs(paths.length ? paths : ['-']);
  // a large batch keeps little but allocates much: keep the heaps near what is alive
  if (inputs.length >= PARALLEL_MIN_FILES) limitHeapGrowth();
  // Each report is written as soon as it is in order, then dropped: memory stays flat however
  // large the batch, and the bytes are the same with one thread or several.
  const errors: FileError[] = [...problems];
  const tally = new Tally(options);
  problems.forEach(() => tally.addError());
  // plain data: worker threads make the same writer, and render their answers themselves
  const output = { format: options.format, options: { color: options.color, version: options.version, failOn: options.failOn, minScore: options.minScore, rules: RULE_IDS } };
  const writer = await createWriter(output.format, output.options);
  const out = new OutputBuffer(io.stdout);
  out.write(writer.begin());
  const emit = (item: Item) => {
    if ('message' in item) {
      errors.push(item);
      tally.addError();
    } else {
      tally.add(item.facts);
      out.write(writer.place(item.piece));
    }
  };
  const emitOutcome = (outcome: FileResult | FileError) => {
    if ('report' in outcome) {
      tally.add(outcome.report);
      out.write(writer.place(writer.render(outcome)));
    } else emit(outcome);
  };
  const progress = await startProgress(options.progress, inputs.length);
  try {
    const files: string[] = [];
    let before = 0;
    for (const input of inputs) {
      // stdin, and every answer of a --record run (the history needs its text), are read on this thread
      if (input.kind === 'stdin' || options.record) {
        emitOutcome(await checkOne(input, registry, options, io));
        progress?.update(++before);
      } else files.push(input.path);
    }
    await runFiles(files, registry, emit, { settings: { rubric: options.rubric, analyze: { rules: options.rules } }, threads: options.threads, output, onProgress: (n) => progress?.update(before + n) });
  } finally {
    progress?.stop();
  }
  // one line each, after the bar is gone
  for (const e of errors) io.stderr(`answer-coach: ${oneLine(e.file)}: ${oneLine(e.message)}\n`);
  const summary = tally.summary();
  out.write(writer.end(errors, summary));
  out.flush();
  if (errors.length) return ExitCode.Error;
  return summary.failing ? ExitCode.Findings : ExitCode.Clean;
}
