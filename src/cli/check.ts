import { analyze, type AnalyzeOptions } from '../analyze/index.js';
import { SEVERITIES, type Report, type Severity } from '../analyze/types.js';
import { formatForPath, parseAnswer, AnswerFormatError, type AnswerFormat } from '../answer/index.js';
import { formatJson } from '../report/json.js';
import { formatPretty } from '../report/pretty.js';
import { oneLine } from '../report/sanitize.js';
import type { FileError, FileResult, RunResult, Summary } from '../report/types.js';
import type { RubricRegistry } from '../rubric/registry.js';
import { selectRubric } from '../rubric/select.js';
import type { Rubric } from '../rubric/types.js';
import { ExitCode } from './exit-codes.js';
import { expandInputs, readAnswerFile, readStdin, type InputRef } from './inputs.js';

export const DEFAULT_RUBRIC = 'customer-service';
export const STDIN_NAME = '<stdin>';

export interface CheckOptions {
  /** Per-rule settings from the project config (off, or a severity). */
  rules?: AnalyzeOptions['rules'];
  format: 'pretty' | 'json';
  failOn: Severity;
  minScore?: number;
  /** A rubric chosen for every answer; otherwise each answer's question picks one. */
  rubric?: Rubric;
  color: boolean;
  version: string;
  /** Called once per analyzed answer with its text: `check --record` appends it to the history. */
  record?: (file: string, text: string, report: Report) => void;
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

function failsThreshold(severity: Severity, failOn: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

export function summarize(results: FileResult[], errors: FileError[], options: Pick<CheckOptions, 'failOn' | 'minScore'>): Summary {
  const findings = { error: 0, warning: 0, info: 0 };
  let failing = 0;
  for (const { report } of results) {
    for (const f of report.findings) findings[f.severity]++;
    const fails = report.findings.some((f) => failsThreshold(f.severity, options.failOn)) || (options.minScore !== undefined && report.score < options.minScore);
    if (fails) failing++;
  }
  const averageScore = results.length ? Math.round(results.reduce((n, r) => n + r.report.score, 0) / results.length) : null;
  return { files: results.length + errors.length, analyzed: results.length, failed: errors.length, findings, averageScore, failing };
}

/** Analyzes one answer's text; throws AnswerFormatError for a malformed file. */
export function checkText(text: string, format: AnswerFormat, registry: RubricRegistry, rubric?: Rubric, analyzeOptions: AnalyzeOptions = {}) {
  const answer = parseAnswer(text, format);
  const chosen = rubric ?? registry.get(selectRubric(answer.question, registry.all(), registry.has(DEFAULT_RUBRIC) ? DEFAULT_RUBRIC : registry.ids()[0]));
  return analyze(answer, chosen, analyzeOptions);
}

async function checkOne(input: InputRef, registry: RubricRegistry, options: CheckOptions, io: Io): Promise<FileResult | FileError> {
  const file = input.kind === 'stdin' ? STDIN_NAME : input.path;
  const read = input.kind === 'stdin' ? await readStdin(io.stdin) : readAnswerFile(input.path);
  if (read.problem || read.text === undefined) return { file, message: read.problem ?? 'cannot be read' };
  const format = input.kind === 'stdin' ? sniffFormat(read.text) : formatForPath(input.path);
  try {
    const report = checkText(read.text, format, registry, options.rubric, { rules: options.rules });
    options.record?.(file, read.text, report);
    return { file, report };
  } catch (e) {
    if (e instanceof AnswerFormatError) return { file: e.line ? `${file}:${e.line}:${e.column ?? 1}` : file, message: e.message };
    throw e;
  }
}

/** `answer-coach check`: analyzes every input, prints one report, and returns the exit code. */
export async function runCheck(paths: readonly string[], registry: RubricRegistry, options: CheckOptions, io: Io): Promise<number> {
  const { inputs, problems } = await expandInputs(paths.length ? paths : ['-']);
  const results: FileResult[] = [];
  const errors: FileError[] = [...problems];
  for (const input of inputs) {
    const outcome = await checkOne(input, registry, options, io);
    if ('report' in outcome) results.push(outcome);
    else errors.push(outcome);
  }
  for (const e of errors) io.stderr(`answer-coach: ${oneLine(e.file)}: ${oneLine(e.message)}\n`);
  const run: RunResult = { results, errors, summary: summarize(results, errors, options) };
  io.stdout(options.format === 'json' ? formatJson(run, options) : formatPretty(run, options));
  if (errors.length) return ExitCode.Error;
  return run.summary.failing ? ExitCode.Findings : ExitCode.Clean;
}
