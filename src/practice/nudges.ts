import { CHECKS } from '../analyze/checks/index.js';
import type { Finding, Report, Severity } from '../analyze/types.js';
import type { Rubric, ScoreWeights } from '../rubric/types.js';
import type { Part, Rendered } from './draft.js';

/** One thing to tell the person right after a part, while it is still fresh. */
export interface Nudge {
  rule: string;
  message: string;
}

const inLines = (f: Finding, range: { first: number; last: number } | undefined) => range !== undefined && f.line >= range.first && f.line <= range.last;

/**
 * What to say after a part, from the analyzer's report on the draft so far, scoped to that part:
 * the setup running long, an Action told with "we", a Result with no number or too short, and
 * jargon written in this part. Rules that judge the whole answer (length, pillars) wait for the end.
 */
export function nudgesFor(part: Part, report: Report, rendered: Rendered, rubric: Rubric): Nudge[] {
  const nudges: Nudge[] = [];
  const range = rendered.lines[part];
  if (part === 'situation' || part === 'task') {
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
    if (part === 'action' && f.rule === 'we-action') nudges.push({ rule: f.rule, message: `${f.message}${f.suggestion ? ` ${f.suggestion}` : ''}` });
    else if (part === 'result' && f.rule === 'metric-missing') nudges.push({ rule: f.rule, message: f.message });
    else if (part === 'result' && f.rule === 'star-balance' && inLines(f, range)) nudges.push({ rule: f.rule, message: f.message });
    else if (f.rule === 'jargon' && inLines(f, range)) nudges.push({ rule: f.rule, message: f.message });
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
