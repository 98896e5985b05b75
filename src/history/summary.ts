import { STAR_PARTS } from '../answer/types.js';
import type { Attempt } from './types.js';

/** How many recent attempts "keeps recurring" looks at. */
export const RECENT = 5;
/** How many scores a sparkline shows at most (the latest ones). */
export const SPARK_MAX = 30;
const SPARKS = '▁▂▃▄▅▆▇█';

export interface HistoryFilter {
  /** Case-insensitive words the question must contain. */
  question?: string;
  rubric?: string;
}

/** Something better in the latest attempt than in the first. */
export interface Improvement {
  /** `score`, `star.result`, `metric`, `pillars`, `rule.jargon`… */
  item: string;
  first: number | boolean;
  latest: number | boolean;
  text: string;
}

/** A problem in most of the recent attempts. */
export interface Recurring {
  item: string;
  count: number;
  of: number;
  text: string;
}

export interface QuestionSummary {
  /** The question as last asked; undefined for answers without one (then `file` names them). */
  question?: string;
  file?: string;
  rubrics: string[];
  attempts: number;
  /** Re-checks of unchanged text (same hash, rubric and score as the attempt before), not counted as attempts. */
  reruns: number;
  first: number;
  best: number;
  latest: number;
  /** Every score, oldest first. */
  scores: number[];
  sparkline: string;
  firstAt: string;
  lastAt: string;
  improved: Improvement[];
  recurring: Recurring[];
}

const PART_NAMES: Record<string, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };
// Rules already told through the STAR parts, the metric and the pillars.
const COVERED = new Set(['star-missing', 'metric-missing', 'pillars-missing']);
// How a rule reads in "X in 3 of the last 5 attempts"; a rule not listed reads as its id.
const RULE_LABELS: Record<string, string> = {
  jargon: 'jargon',
  filler: 'filler words',
  hedge: 'hedging',
  'we-action': '"we" where the action needs "I"',
  length: 'length off target',
  opening: 'a missing opening point',
  'pillars-too-many': 'too many pillars',
  'star-no-story': 'no specific story',
  'star-balance': 'STAR parts out of balance',
};
const ruleLabel = (rule: string) => (Object.hasOwn(RULE_LABELS, rule) ? RULE_LABELS[rule] : rule);

const CLOSING = new Set([' ', '?', '.', '!', ':']);

/** Lowercase, one space, no closing punctuation: "What does customer service mean to you?" groups with "what does customer service mean to you". */
export function questionKey(question: string): string {
  const folded = question.toLowerCase().replace(/\s+/g, ' ');
  // walked back by hand: a pattern anchored at the end (/[?.!:]+$/) retries from every character, quadratic in a run of them
  let end = folded.length;
  while (end > 0 && CLOSING.has(folded[end - 1])) end--;
  return folded.slice(0, end).trim();
}

/** A rule's count in an attempt: only its own keys count (a line may hold "constructor" or "__proto__"). */
const countOf = (findings: Record<string, number>, rule: string): number => (Object.hasOwn(findings, rule) ? findings[rule] : 0);

/** Scores 0–100 as block characters on a fixed scale, so two sparklines compare at a glance. */
export function sparkline(scores: readonly number[]): string {
  return scores
    .slice(-SPARK_MAX)
    .map((s) => SPARKS[Math.max(0, Math.min(SPARKS.length - 1, Math.floor((s / 100) * SPARKS.length)))])
    .join('');
}

export function matchesFilter(a: Attempt, filter: HistoryFilter): boolean {
  if (filter.rubric !== undefined && a.rubric !== filter.rubric) return false;
  if (filter.question !== undefined && !(a.question && questionKey(a.question).includes(questionKey(filter.question)))) return false;
  return true;
}

function improvements(first: Attempt, latest: Attempt): Improvement[] {
  const out: Improvement[] = [];
  if (latest.score > first.score) out.push({ item: 'score', first: first.score, latest: latest.score, text: `score ${first.score} → ${latest.score} (+${latest.score - first.score})` });
  for (const part of STAR_PARTS) {
    if (!first.star[part] && latest.star[part]) out.push({ item: `star.${part}`, first: false, latest: true, text: `now has a ${PART_NAMES[part]}` });
  }
  if (!first.metric && latest.metric) out.push({ item: 'metric', first: false, latest: true, text: 'now ends on a measurable result' });
  const gained = latest.pillars.filter((p) => !first.pillars.includes(p));
  if (gained.length && latest.pillars.length >= first.pillars.length) {
    out.push({ item: 'pillars', first: first.pillars.length, latest: latest.pillars.length, text: `pillars ${first.pillars.length} → ${latest.pillars.length} (${gained.map((p) => '+' + p).join(', ')})` });
  }
  for (const [rule, before] of Object.entries(first.findings)) {
    if (COVERED.has(rule)) continue;
    const now = countOf(latest.findings, rule);
    if (now < before) out.push({ item: `rule.${rule}`, first: before, latest: now, text: now ? `${ruleLabel(rule)} ${before} → ${now}` : `no more ${ruleLabel(rule)} (was ${before})` });
  }
  return out;
}

function recurring(recent: readonly Attempt[], total: number): Recurring[] {
  const n = recent.length;
  const latest = recent[n - 1];
  const of = total > n ? `of the last ${n} attempts` : `of ${n} attempts`;
  const out: Recurring[] = [];
  // Worth saying when it is in most of the recent attempts, more than one, and still in the latest
  // (a problem the latest attempt fixed shows under "improved" instead).
  const add = (item: string, has: (a: Attempt) => boolean, what: string) => {
    const count = recent.filter(has).length;
    if (count >= 2 && count * 2 > n && has(latest)) out.push({ item, count, of: n, text: `${what} in ${count} ${of}` });
  };
  // An attempt with no story at all is told once ("no specific story"), not as four missing parts.
  for (const part of STAR_PARTS) add(`star.${part}`, (a) => !a.star[part] && !countOf(a.findings, 'star-no-story'), `no ${PART_NAMES[part]}`);
  // The finding, not the flag: a rubric that does not ask for a metric never reports one missing.
  add('metric', (a) => countOf(a.findings, 'metric-missing') > 0, 'no metric');
  add('pillars', (a) => countOf(a.findings, 'pillars-missing') > 0, 'too few pillars');
  const rules = [...new Set(recent.flatMap((a) => Object.keys(a.findings)))].filter((r) => !COVERED.has(r)).sort();
  for (const rule of rules) add(`rule.${rule}`, (a) => countOf(a.findings, rule) > 0, ruleLabel(rule));
  // Most frequent first; ties keep the order above (STAR, metric, pillars, rules).
  return out.map((r, i) => ({ r, i })).sort((a, b) => b.r.count - a.r.count || a.i - b.i).map(({ r }) => r);
}

/** One summary per question (answers without a question: per file), most recently practised first. Pure. */
export function summarizeHistory(attempts: readonly Attempt[], filter: HistoryFilter = {}): QuestionSummary[] {
  const groups = new Map<string, Attempt[]>();
  for (const a of attempts) {
    if (!matchesFilter(a, filter)) continue;
    const key = a.question ? `q:${questionKey(a.question)}` : `f:${a.file}`;
    const list = groups.get(key) ?? [];
    list.push(a);
    groups.set(key, list);
  }
  const out: QuestionSummary[] = [];
  for (const list of groups.values()) {
    // The file is in append order already; a stable sort by time only fixes clocks that stepped back across processes.
    const all = [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    // Re-checking a file nobody edited is not another attempt: it would pad the count and the
    // "4 of the last 5" with copies of one answer.
    const sorted = all.filter((a, i) => i === 0 || !(a.hash === all[i - 1].hash && a.rubric === all[i - 1].rubric && a.score === all[i - 1].score));
    const first = sorted[0];
    const latest = sorted[sorted.length - 1];
    const scores = sorted.map((a) => a.score);
    out.push({
      ...(latest.question ? { question: latest.question } : { file: latest.file }),
      rubrics: [...new Set(sorted.map((a) => a.rubric))],
      attempts: sorted.length,
      reruns: all.length - sorted.length,
      first: first.score,
      best: Math.max(...scores),
      latest: latest.score,
      scores,
      sparkline: sparkline(scores),
      firstAt: first.at,
      lastAt: latest.at,
      improved: sorted.length > 1 ? improvements(first, latest) : [],
      recurring: sorted.length > 1 ? recurring(sorted.slice(-RECENT), sorted.length) : [],
    });
  }
  return out.sort((a, b) => Date.parse(b.lastAt) - Date.parse(a.lastAt));
}
