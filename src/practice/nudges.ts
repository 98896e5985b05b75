import { CHECKS } from '../analyze/checks/index.js';
import type { Finding, Report, Severity } from '../analyze/types.js';
import type { Rubric, ScoreWeights } from '../rubric/types.js';
import type { Part, Rendered } from './draft.js';

/** One thing to tell the person right after a part, while it is still fresh. */
export interface Nudge {
  rule: string;
  message: string;
  /** How many times the same finding was made in the part (a filler used three times). */
  count?: number;
}

const inLines = (f: Finding, range: { first: number; last: number } | undefined) => range !== undefined && f.line >= range.first && f.line <= range.last;

/** A finding about the whole answer points at 1:1, the title line, which holds no answer text. */
const wholeAnswer = (f: Finding) => f.line === 1 && f.endLine === undefined;

/**
 * Findings about the whole answer that are worth saying after `part`. Some hold as soon as they
 * appear, as the answer only grows (too long, too many pillars, no story at all); some can only be
 * judged once every part is written (too short, too few pillars, a part or the metric missing).
 */
function wholeAnswerFits(f: Finding, part: Part, last: boolean, report: Report, rubric: Rubric): boolean {
  switch (f.rule) {
    case 'opening':
      return part === 'opening';
    case 'length':
      return last || report.stats.words > rubric.expectations.words.max;
    case 'pillars-too-many':
      return true;
    case 'star-no-story':
      return part !== 'opening';
    default:
      return last;
  }
}

/**
 * What to say after a part: the findings of the report `check` would give on the answer as it
 * stands, scoped to that part. A finding located in the part (a filler, a hedge, jargon, "we" in
 * the Action, a part that tells nothing of itself, a Result with no number) is said after it; a
 * finding about the whole answer when it can be judged (see wholeAnswerFits); the balance of the
 * story from the Action on, as it stands. Before that, the setup is held to its share of a
 * full-length answer, from the same rubric expectations. Repeats are said once, with a count.
 */
export function nudgesFor(part: Part, report: Report, rendered: Rendered, rubric: Rubric, { last = part === 'result' }: { last?: boolean } = {}): Nudge[] {
  const nudges: Nudge[] = [];
  const range = rendered.lines[part];
  const setupPart = part === 'situation' || part === 'task';
  if (setupPart) {
    // the balance rule needs the whole story; until then, hold the setup to its share of a full-length answer
    const { words, balance } = rubric.expectations;
    const budget = Math.round(words.max * balance['setup-max']);
    const setup = report.star.situation.words + report.star.task.words;
    if (setup > budget) {
      nudges.push({
        rule: 'star-balance',
        message: `The setup (Situation and Task) is ${setup} words; keep it under about ${budget} so most of the answer is what you did. Cut background the listener does not need.`,
      });
    }
  }
  for (const f of report.findings) {
    const fits =
      f.rule === 'star-balance' ? !setupPart && part !== 'opening' : wholeAnswer(f) ? wholeAnswerFits(f, part, last, report, rubric) : inLines(f, range);
    if (!fits) continue;
    const message = f.suggestion && !f.message.includes(f.suggestion) ? `${f.message} ${f.suggestion}` : f.message;
    const seen = nudges.find((n) => n.message === message);
    if (seen) seen.count = (seen.count ?? 1) + 1;
    else nudges.push({ rule: f.rule, message });
  }
  return nudges;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const CHECK_OF_RULE = new Map<string, keyof ScoreWeights>(CHECKS.flatMap((c) => c.rules.map((r) => [r, c.id] as const)));

/**
 * The findings most worth fixing first, one per rule: the most severe, then those whose check
 * loses the most points of the weighted score.
 */
export function topImprovements(report: Report, rubric: Rubric, count = 3): Finding[] {
  const lost = (f: Finding) => {
    const id = CHECK_OF_RULE.get(f.rule);
    return id ? rubric.weights[id] * (1 - (report.scoreParts[id] ?? 0)) : 0;
  };
  const worstOfRule = new Map<string, Finding>();
  for (const f of report.findings) {
    const seen = worstOfRule.get(f.rule);
    if (!seen || SEVERITY_RANK[f.severity] < SEVERITY_RANK[seen.severity]) worstOfRule.set(f.rule, f);
  }
  return [...worstOfRule.values()].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || lost(b) - lost(a)).slice(0, count);
}
