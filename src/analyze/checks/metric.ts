import { isNumberToken, NUMBER_WORDS } from '../../text/phrases.js';
import type { Token } from '../../text/tokens.js';
import type { DocSentence } from '../document.js';
import type { Check, CheckContext, Finding, MetricSpan } from '../types.js';

interface Candidate {
  start: number;
  end: number;
  kind: string;
}

const STORY_ROLES = new Set(['situation', 'task', 'action', 'result']);
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;
const TIME_UNITS = /^(second|minute|min|hour|hr|day|week|month|year)s?$/;

// Patterns over a sentence's text. Written here, bounded and reviewed: rubrics add words, not regexes.
const PATTERNS: [RegExp, string][] = [
  [/(?<![\w.])\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/gi, 'percent'],
  [/[$£€]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|million|thousand)?\b|\b\d[\d,]*(?:\.\d+)?\s(?:dollars|pounds|euros)\b/gi, 'money'],
  [/\b\d(?:\.\d)?\s?(?:\/|out of|from)\s?(?:5|10|five|ten)\b/gi, 'rating'],
  [/\b(?:\d+|one|two|three|four|five)[- ]stars?\b/gi, 'rating'],
  [/\bfrom\s[$£€]?\d[\d.,]*%?\s(?:\w+\s)?to\s[$£€]?\d[\d.,]*%?/gi, 'change'],
  [/\b\d+(?:\.\d+)?x\b/gi, 'multiplier'],
];

function isYear(t: Token) {
  return /^(19|20)\d\d$/.test(t.norm);
}

function isClockOrDate(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (/^\d{1,2}:\d\d$/.test(t.norm) || isYear(t)) return true;
  const next = tokens[i + 1]?.norm ?? '';
  const prev = tokens[i - 1]?.norm ?? '';
  if (/^(am|pm|a\.m|p\.m|o'clock)$/.test(next)) return true;
  if (MONTHS.test(next) || MONTHS.test(prev)) return true;
  if (prev === 'at' && !TIME_UNITS.test(next)) return true; // "at nine", "at 5"
  return false;
}

/** Counts of something that matters (customers, tickets, referrals) with a number close before them. */
function countCandidates(s: DocSentence, ctx: CheckContext): Candidate[] {
  const nouns = ctx.phrases(ctx.rubric.metric['count-nouns']);
  const out: Candidate[] = [];
  s.tokens.forEach((t, i) => {
    if (!isNumberToken(t) || isClockOrDate(s.tokens, i) || t.norm === 'half' || t.norm === 'one') return;
    for (let k = i + 1; k <= i + 3 && k < s.tokens.length; k++) {
      const m = nouns.longestAt(s.tokens, k);
      if (m) {
        out.push({ start: t.start, end: m.end, kind: 'count' });
        return;
      }
    }
  });
  return out;
}

/** Time to resolution or time saved: a number and a unit of time, introduced by within/in/under/saved. */
function timeCandidates(s: DocSentence): Candidate[] {
  const out: Candidate[] = [];
  s.tokens.forEach((t, i) => {
    const unit = s.tokens[i + 1];
    if (!unit || !TIME_UNITS.test(unit.norm) || !(isNumberToken(t) || t.norm === 'an' || t.norm === 'a')) return;
    const before = s.tokens[i - 1]?.norm ?? '';
    if (/^(within|in|under|inside|saved|saving|save|cut|shaved)$/.test(before) || s.tokens[i - 2]?.norm === 'saved') {
      out.push({ start: s.tokens[i - 1].start, end: unit.end, kind: 'time' });
    }
  });
  return out;
}

/** Metric: quantified outcomes, impact or scale — and an error when the rubric wants one in the Result and there is none. */
export const metricCheck: Check = {
  id: 'metric',
  description: 'A measurable result: a percentage, money, a count of customers or cases, time to resolution, a rating, a multiplier, a renewal.',
  rules: ['metric-missing'],
  run(ctx) {
    const { doc, rubric, phrases, finding } = ctx;
    const outcome = phrases(rubric.metric['outcome-phrases']);
    const rating = phrases(rubric.metric['rating-words']);
    const notMetric = phrases(rubric.metric['not-metrics']);
    const metrics: MetricSpan[] = [];
    for (const s of doc.sentences) {
      if (!STORY_ROLES.has(s.role)) continue;
      const blocked = notMetric.findAll(s.tokens);
      const candidates: Candidate[] = [];
      for (const [re, kind] of PATTERNS) {
        for (const m of s.text.matchAll(re)) candidates.push({ start: s.start + m.index!, end: s.start + m.index! + m[0].length, kind });
      }
      candidates.push(...countCandidates(s, ctx));
      if (s.role === 'result') {
        candidates.push(...timeCandidates(s));
        for (const m of outcome.findAll(s.tokens)) candidates.push({ start: m.start, end: m.end, kind: 'outcome' });
      }
      for (const m of rating.findAll(s.tokens)) {
        const near = s.tokens.slice(Math.max(0, m.first - 3), m.last + 4);
        const num = near.find((t) => isNumberToken(t) && !NUMBER_WORDS.has(t.norm));
        if (num) candidates.push({ start: Math.min(m.start, num.start), end: Math.max(m.end, num.end), kind: 'rating' });
      }
      const kept = candidates
        .filter((c) => !blocked.some((b) => b.start < c.end && c.start < b.end))
        .sort((a, b) => a.start - b.start || b.end - a.end);
      let lastEnd = -1;
      for (const c of kept) {
        if (c.start < lastEnd) continue; // overlaps a longer one found first
        lastEnd = c.end;
        metrics.push({ ...doc.span(c.start, c.end), kind: c.kind, part: s.role });
      }
    }
    const findings: Finding[] = [];
    const inResult = metrics.some((m) => m.part === 'result');
    const hasResult = doc.sentences.some((s) => s.role === 'result');
    const mode = rubric.expectations.metric;
    if (mode !== 'off' && !inResult) {
      const at = doc.sentences.find((s) => s.role === 'result');
      const message = hasResult
        ? 'The Result has no number. Can you quantify it? % faster, customers helped, time to resolution, a rating, a renewal.'
        : 'No measurable result: end the story on what changed, with a number (% faster, customers helped, a rating).';
      findings.push(finding('metric-missing', mode === 'required' ? 'error' : 'warning', message, at ? { start: at.start, end: at.start } : undefined));
    }
    return { findings, score: inResult ? 1 : metrics.length ? 0.5 : 0, report: { metrics } };
  },
};
