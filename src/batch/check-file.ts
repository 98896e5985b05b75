import { analyze, type AnalyzeOptions, type Report } from '../analyze/index.js';
import { AnswerFormatError, formatForPath, parseAnswer, type AnswerFormat } from '../answer/index.js';
import { readAnswerFile } from './read-answer.js';
import type { FileError, FileResult } from '../report/types.js';
import { selectRubric } from '../rubric/select.js';
import { pickable, type Rubric } from '../rubric/types.js';

export const DEFAULT_RUBRIC = 'customer-service';

/** What answer checking needs of a rubric registry; a worker thread gets a plain copy of its rubrics. */
export interface RubricSource {
  get(id: string): Rubric;
  all(): Rubric[];
  has(id: string): boolean;
  ids(): string[];
}

// a batch asks the same few questions over and over: each is matched against the rubrics' banks once per registry
const chosen = new WeakMap<RubricSource, Map<string, string>>();
const MAX_CHOSEN = 10_000;

/** The rubric for an answer whose question is `question` (none: the default rubric). */
export function rubricForQuestion(question: string | undefined, registry: RubricSource): Rubric {
  let known = chosen.get(registry);
  if (!known) chosen.set(registry, (known = new Map()));
  const key = question ?? '';
  let id = known.get(key);
  if (id === undefined) {
    id = selectRubric(question, registry.all(), registry.has(DEFAULT_RUBRIC) ? DEFAULT_RUBRIC : registry.ids()[0]);
    if (known.size >= MAX_CHOSEN) known.clear();
    known.set(key, id);
  }
  return registry.get(id);
}

/**
 * Analyzes one answer's text; throws AnswerFormatError for a malformed file. `question` (from
 * `check --question`) stands for the question the file asks, or gives it one.
 */
export function analyzeText(text: string, format: AnswerFormat, registry: RubricSource, rubric?: Rubric, options: AnalyzeOptions = {}, question?: string) {
  const parsed = parseAnswer(text, format);
  const answer = question?.trim() ? { ...parsed, question: question.trim() } : parsed;
  return analyze(answer, rubric ?? rubricForQuestion(answer.question, registry), options);
}

/** What every answer of a batch is checked with (plain data: a worker thread is sent it). */
export interface CheckSettings {
  /** A rubric chosen for every answer; otherwise each answer's question picks one. */
  rubric?: Rubric;
  analyze?: AnalyzeOptions;
  /** `--question`: the question every answer is judged as answering. */
  question?: string;
  /** `--quiet`: report errors only. */
  quiet?: boolean;
}

/** The report as the run shows it: with `--quiet`, its errors only (the score is the answer's all the same). */
export function shown(report: Report, settings: Pick<CheckSettings, 'quiet'>): Report {
  return settings.quiet ? { ...report, findings: report.findings.filter((f) => f.severity === 'error') } : report;
}

/**
 * Checks one answer's text as `file`. Never throws: a malformed file, or even a bug the file
 * trips, is that file's error, and the rest of the batch goes on.
 */
export function checkAnswer(file: string, text: string, format: AnswerFormat, registry: RubricSource, settings: CheckSettings = {}): FileResult | FileError {
  try {
    // the text goes with the report for a format that shows it (html); analyze() stays pure
    return { file, report: analyzeText(text, format, registry, settings.rubric, settings.analyze, settings.question), source: text };
  } catch (e) {
    if (e instanceof AnswerFormatError) return e.line ? { file, line: e.line, column: e.column ?? 1, message: e.message } : { file, message: e.message };
    return { file, message: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Reads and checks one answer file. */
export function checkFile(path: string, registry: RubricSource, settings: CheckSettings = {}): FileResult | FileError {
  const read = readAnswerFile(path);
  if (read.problem || read.text === undefined) return { file: path, message: read.problem ?? 'cannot be read' };
  return checkAnswer(path, read.text, formatForPath(path), registry, settings);
}

/** A registry made of already-resolved rubrics (what a worker thread is sent). */
export class StaticRubrics implements RubricSource {
  private readonly byId: Map<string, Rubric>;
  constructor(rubrics: readonly Rubric[]) {
    this.byId = new Map(rubrics.map((r) => [r.id, r]));
  }
  get(id: string): Rubric {
    const r = this.byId.get(id);
    if (!r) throw new Error(`unknown rubric "${id}"`);
    return r;
  }
  all(): Rubric[] {
    return pickable(this);
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  ids(): string[] {
    return [...this.byId.keys()].sort();
  }
}
