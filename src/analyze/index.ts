import type { ParsedAnswer } from '../answer/types.js';
import type { Rubric, ScoreWeights } from '../rubric/types.js';
import { PhraseSet } from '../text/phrases.js';
import { CHECKS } from './checks/index.js';
import { buildDocument } from './document.js';
import { segmentStar } from './star-segment.js';
import { acceptTerms, applyRuleSettings, type AnalyzeOptions } from './suppress.js';
import type { CheckContext, Finding, Report, Severity } from './types.js';

export type { Report, Finding, Severity } from './types.js';
export { CHECKS } from './checks/index.js';
export { RULE_IDS, type AnalyzeOptions, type RuleSetting } from './suppress.js';

// Phrase lists are compiled once and shared by every answer analyzed with that rubric. Checks that
// derive a list per answer (jargon phrases from the jargon rules, fillers without the contextual
// ones) hand in a new array each time, so a miss by identity falls back to the list's content:
// lists are found by their first phrase and length, then compared phrase by phrase (the same
// strings of the same rubric, so each comparison is one pointer test), instead of joining a few
// hundred phrases into a key for every call.
const byIdentity = new WeakMap<readonly string[], PhraseSet>();
const byContent = new Map<string, { list: readonly string[]; set: PhraseSet }[]>();
let contentEntries = 0;
const MAX_CONTENT_ENTRIES = 512;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function phrases(list: readonly string[]): PhraseSet {
  let set = byIdentity.get(list);
  if (set) return set;
  const key = list.length ? list[0] : '';
  let entries = byContent.get(key);
  set = entries?.find((e) => sameList(e.list, list))?.set;
  if (!set) {
    if (contentEntries >= MAX_CONTENT_ENTRIES) {
      byContent.clear();
      contentEntries = 0;
      entries = undefined;
    }
    set = new PhraseSet(list);
    if (!entries) byContent.set(key, (entries = []));
    entries.push({ list: [...list], set });
    contentEntries++;
  }
  byIdentity.set(list, set);
  return set;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
// rule ids are plain ASCII; localeCompare would load the ICU collator (~20 ms) for the same order
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The weighted score, 0–100: the README documents this formula. */
export function weightedScore(parts: Record<keyof ScoreWeights, number>, weights: ScoreWeights): number {
  const keys = Object.keys(weights) as (keyof ScoreWeights)[];
  const total = keys.reduce((n, k) => n + weights[k], 0);
  if (!total) return 0;
  const score = Math.round((100 * keys.reduce((n, k) => n + weights[k] * (parts[k] ?? 0), 0)) / total);
  // 99.6 is not a perfect answer: 100 only when every weighted part is full
  return score === 100 && keys.some((k) => weights[k] > 0 && (parts[k] ?? 0) < 1) ? 99 : score;
}

/**
 * Analyzes one parsed answer against a rubric. Pure: no files, console or process; the same
 * input always gives the same report. `options.rules` (from the project config) turns rules off or
 * changes their severity; `answer-coach-disable` comments in the answer suppress findings.
 */
export function analyze(answer: ParsedAnswer, judgedBy: Rubric, options: AnalyzeOptions = {}): Report {
  const rubric = acceptTerms(judgedBy, options.accept);
  const doc = buildDocument(answer, rubric);
  const wholeAnswer = new WeakSet<Finding>(); // findings with no position of their own
  segmentStar(doc, rubric, phrases);
  const ctx: CheckContext = {
    doc,
    rubric,
    phrases,
    finding(rule, severity, message, at, suggestion) {
      const pos = at ? doc.span(at.start, at.end) : { line: 1, column: 1, endLine: undefined, endColumn: undefined, text: undefined };
      const f: Finding = { rule, severity, message, line: pos.line, column: pos.column };
      if (at && at.end > at.start) Object.assign(f, { endLine: pos.endLine, endColumn: pos.endColumn, text: pos.text });
      if (suggestion) f.suggestion = suggestion;
      if (!at) wholeAnswer.add(f);
      return f;
    },
  };
  const report: Report = {
    rubric: rubric.id,
    question: answer.question,
    score: 0,
    scoreParts: { star: 0, pillars: 0, metric: 0, jargon: 0, delivery: 0, opening: 0 },
    star: { situation: { present: false, words: 0, share: 0 }, task: { present: false, words: 0, share: 0 }, action: { present: false, words: 0, share: 0 }, result: { present: false, words: 0, share: 0 } },
    pillars: [],
    metrics: [],
    jargon: [],
    opening: [],
    sentences: [],
    findings: [],
    stats: { words: 0, sentences: 0, speakingSeconds: 0, fillers: 0, hedges: 0 },
  };
  for (const check of CHECKS) {
    const result = check.run(ctx);
    Object.assign(report, result.report);
    report.scoreParts[check.id] = Math.round(result.score * 1000) / 1000;
    report.findings.push(...result.findings);
  }
  report.sentences = doc.sentences.map((s) => {
    const at = doc.span(s.start, s.end);
    return { text: at.text, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, part: s.role, why: s.why };
  });
  report.findings = applyRuleSettings(report.findings, answer, options, (f) => wholeAnswer.has(f));
  report.findings.sort((a, b) => a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || byCodePoint(a.rule, b.rule));
  report.score = weightedScore(report.scoreParts, rubric.weights);
  return report;
}
