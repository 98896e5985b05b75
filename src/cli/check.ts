import { appendFileSync } from 'node:fs';
import { RULE_IDS, type AnalyzeOptions } from '../analyze/index.js';
import type { Report, Severity } from '../analyze/types.js';
import { AnswerFormatError, formatForPath, parseAnswer, type AnswerFormat } from '../answer/index.js';
import { analyzeText, checkAnswer, DEFAULT_RUBRIC, shown, type CheckSettings } from '../batch/check-file.js';
import { createWriter, type Format } from '../batch/formats.js';
import { OutputBuffer } from '../batch/output.js';
import { startProgress } from '../batch/progress.js';
import type { Item } from '../batch/render.js';
import { limitHeapGrowth, PARALLEL_MIN_FILES, runFiles } from '../batch/run.js';
import { Tally } from '../batch/tally.js';
import { fileName, oneLine } from '../report/sanitize.js';
import { summarize } from '../report/summary.js';
import type { FileError, FileResult } from '../report/types.js';
import type { RubricRegistry } from '../rubric/registry.js';
import type { Rubric } from '../rubric/types.js';
import { ExitCode } from './exit-codes.js';
import { expandInputs, readAnswerFile, readStdin, type InputRef, type SkipRule } from './inputs.js';
import { OutputFile, OutputFileError } from './output-file.js';
import { whenStopped } from './terminal.js';

export { DEFAULT_RUBRIC, summarize };
export const STDIN_NAME = '<stdin>';

export interface CheckOptions {
  /** pretty: print each sentence's part and why, and the evidence in it. */
  explain?: boolean;
  /** Per-rule settings from the project config (off, or a severity). */
  rules?: AnalyzeOptions['rules'];
  /** Terms that are not jargon here (config `accept`, `--accept`). */
  accept?: AnalyzeOptions['accept'];
  /** `--question`: the question every answer is judged as answering. */
  question?: string;
  /** `--stdin-filename`: the name stdin's answer is reported under, and its format. */
  stdinFilename?: string;
  /** `--quiet`: errors only. */
  quiet?: boolean;
  /** `--max-warnings`: exit 1 past this many warnings. */
  maxWarnings?: number;
  /** `--output-file`: the report goes to this file instead of stdout. */
  outputFile?: string;
  /** What walks and globs skip. */
  skip?: SkipRule;
  /** Columns the human format is laid out in. */
  width?: number;
  /** $GITHUB_STEP_SUMMARY: the github format lists its findings there. */
  stepSummaryFile?: string;
  /** The project's public address, for SARIF's informationUri and rule help. */
  homepage?: string;
  format: Format;
  failOn: Severity;
  minScore?: number;
  /** A rubric chosen for every answer; otherwise each answer's question picks one. */
  rubric?: Rubric;
  color: boolean;
  version: string;
  /** Called once per analyzed answer with its text: `check --record` appends it to the history. */
  record?: (file: string, text: string, report: Report) => void;
  /** Worker threads for the batch (default: one per free core when the batch is large and the machine has more than two). */
  threads?: number;
  /** Where a progress bar may go (stderr); it is drawn only when that is a terminal and the batch is long. */
  progress?: NodeJS.WriteStream;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** A promise while much written to stdout is still waiting for its reader (a slow pipe), else undefined. */
  stdoutBacklog?: () => Promise<void> | undefined;
}

/**
 * What stdin holds, since it has no file name: Markdown headings, a YAML mapping, or plain text.
 * Text that only looks like YAML ("Task: I had two jobs: …") is plain text, never a YAML error.
 */
export function sniffFormat(text: string): AnswerFormat {
  if (/^\s{0,3}#{1,6}\s/m.test(text)) return 'markdown';
  if (/^(question|opening|situation|task|action|result)[ \t]*:/im.test(text)) {
    try {
      parseAnswer(text, 'yaml');
      return 'yaml';
    } catch (e) {
      if (!(e instanceof AnswerFormatError)) throw e;
    }
  }
  return 'text';
}

/** Analyzes one answer's text; throws AnswerFormatError for a malformed file. */
export function checkText(text: string, format: AnswerFormat, registry: RubricRegistry, rubric?: Rubric, analyzeOptions: AnalyzeOptions = {}) {
  return analyzeText(text, format, registry, rubric, analyzeOptions);
}

/** What every answer is checked with, as plain data for the batch's worker threads. */
const settingsOf = (options: CheckOptions): CheckSettings => ({ rubric: options.rubric, question: options.question, quiet: options.quiet, analyze: { rules: options.rules, accept: options.accept } });

async function checkOne(input: InputRef, registry: RubricRegistry, options: CheckOptions, io: Io): Promise<FileResult | FileError> {
  const stdin = input.kind === 'stdin';
  const file = stdin ? (options.stdinFilename ?? STDIN_NAME) : input.path;
  const read = stdin ? await readStdin(io.stdin) : readAnswerFile(input.path);
  if (read.problem || read.text === undefined) return { file, message: read.problem ?? 'cannot be read' };
  // --stdin-filename names the format as a file's name does
  const format = stdin && !options.stdinFilename ? sniffFormat(read.text) : formatForPath(file);
  const outcome = checkAnswer(file, read.text, format, registry, settingsOf(options));
  if (!('report' in outcome)) return outcome;
  options.record?.(file, read.text, outcome.report);
  return { ...outcome, file, report: shown(outcome.report, options) };
}

/** `answer-coach check`: analyzes every input, prints one report, and returns the exit code. */
export async function runCheck(paths: readonly string[], registry: RubricRegistry, options: CheckOptions, io: Io): Promise<number> {
  // the file is opened first: a report with nowhere to go is a usage error before any work
  let file: OutputFile | undefined;
  try {
    file = options.outputFile ? new OutputFile(options.outputFile) : undefined;
  } catch (e) {
    if (!(e instanceof OutputFileError)) throw e;
    io.stderr(`answer-coach: ${oneLine(e.message)}\n`);
    return ExitCode.Error;
  }
  // a run stopped by a signal leaves no half-written temporary file behind
  const unwatch = file && whenStopped(() => file.abort());
  try {
    const code = await checkInto(paths, registry, options, io, file ? file.write : io.stdout);
    file?.commit();
    return code;
  } catch (e) {
    file?.abort();
    if (!(e instanceof OutputFileError)) throw e;
    io.stderr(`answer-coach: ${oneLine(e.message)}\n`);
    return ExitCode.Error;
  } finally {
    unwatch?.();
  }
}

async function checkInto(paths: readonly string[], registry: RubricRegistry, options: CheckOptions, io: Io, sink: (text: string) => void): Promise<number> {
  const { inputs, problems } = await expandInputs(paths.length ? paths : ['-'], process.cwd(), options.skip);
  // a large batch keeps little but allocates much: keep the heaps near what is alive
  if (inputs.length >= PARALLEL_MIN_FILES) limitHeapGrowth();
  // Each report is written as soon as it is in order, then dropped: memory stays flat however
  // large the batch, and the bytes are the same with one thread or several.
  const errors: FileError[] = [...problems];
  const tally = new Tally(options);
  problems.forEach(() => tally.addError());
  // plain data: worker threads make the same writer, and render their answers themselves
  const output = { format: options.format, options: { color: options.color, version: options.version, failOn: options.failOn, minScore: options.minScore, rules: RULE_IDS, width: options.width, homepage: options.homepage, explain: options.explain } };
  const stepSummary = options.stepSummaryFile ? stepSummaryWriter(options.stepSummaryFile, io) : undefined;
  const writer = await createWriter(output.format, output.options, { stepSummary: stepSummary?.write.bind(stepSummary) });
  const out = new OutputBuffer(sink);
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
  // Ctrl-C mid-batch: the bar is cleared and gives back the cursor and line wrap it took
  const unwatch = progress && whenStopped(() => progress.stop());
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
    // a report to stdout waits for a slow reader (a pipe), so the unwritten output stays small
    const backlog = sink === io.stdout ? io.stdoutBacklog : undefined;
    await runFiles(files, registry, emit, { settings: settingsOf(options), threads: options.threads, output, onProgress: (n) => progress?.update(before + n), backlog });
  } finally {
    unwatch?.();
    progress?.stop();
  }
  // one line each, after the bar is gone
  for (const e of errors) io.stderr(`answer-coach: ${fileName(e.file)}${e.line ? `:${e.line}:${e.column ?? 1}` : ''}: ${oneLine(e.message)}\n`);
  const summary = tally.summary();
  out.write(writer.end(errors, summary));
  out.flush();
  stepSummary?.flush();
  const notes = writer.notes?.(errors, summary);
  if (notes) io.stderr(notes);
  if (errors.length) return ExitCode.Error;
  const tooManyWarnings = options.maxWarnings !== undefined && summary.findings.warning > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`answer-coach: ${summary.findings.warning} warnings, more than the ${options.maxWarnings} --max-warnings allows\n`);
  return summary.failing || tooManyWarnings ? ExitCode.Findings : ExitCode.Clean;
}

/** $GITHUB_STEP_SUMMARY, appended to in large writes; a failure to write it only warns, once. */
function stepSummaryWriter(path: string, io: Io): OutputBuffer {
  let failed = false;
  return new OutputBuffer((text) => {
    if (failed) return;
    try {
      appendFileSync(path, text);
    } catch (e) {
      failed = true;
      io.stderr(`answer-coach: warning: cannot write the job summary $GITHUB_STEP_SUMMARY (${oneLine((e as Error).message)})\n`);
    }
  });
}
