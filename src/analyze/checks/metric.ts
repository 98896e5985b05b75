import { RANGE_DASH, finiteClauseAt, type Clause, type NumberFact } from '../../language/index.js';
import { isNumberToken, NUMBER_WORDS, type PhraseSet } from '../../text/phrases.js';
import { LASTS_ON } from '../../text/english.js';
import type { Token } from '../../text/tokens.js';
import type { DocSentence } from '../document.js';
import type { Check, Finding, MetricSpan } from '../types.js';

interface Candidate {
  start: number;
  end: number;
  kind: string;
}

interface MetricPhrases {
  counts: PhraseSet;
  ratings: PhraseSet;
  outcomes: PhraseSet;
  turnarounds: PhraseSet;
  resolution: PhraseSet;
  changes: PhraseSet;
  notMetric: PhraseSet;
}

const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;
const TIME_UNITS = /^(second|sec|minute|min|hour|hr|day|week|month|quarter|year)s?$/;
// English mechanics, not rubric content: words that soften a number ("about ten minutes") or sit
// between a unit and its number ("two business days").
const APPROX = new Set(['about', 'around', 'roughly', 'nearly', 'almost', 'just', 'only', 'under', 'over', 'approximately', 'barely', 'less', 'more', 'than', 'some']);
const UNIT_ADJECTIVES = new Set(['business', 'working', 'calendar', 'full', 'whole']);
const TURNAROUND_LEADS = new Set(['within', 'in', 'under', 'inside', 'took', 'taking', 'after']);
// A bare number after these is a clock time ("by eight", "before 7", "around nine"); "at" is handled apart.
const CLOCK_PREPS = new Set(['by', 'before', 'until', 'till', 'around', 'after']);
// What can follow a number to say what it measures, besides a unit of time, a count noun or a rating.
const MEASURE_WORDS = /^(a|an|per|each|percent|points?|pts|times|x|%)$/;
// Words that end a clause: a turnaround belongs to the clause it sits in ("I phoned her within the hour
// and the refund was approved": the turnaround is the speaker's call, not the approval).
const CLAUSE_WORDS = new Set(['and', 'but', 'so', 'then', 'while', 'because', 'although', 'though', 'which', 'who', 'when', 'until', 'before', 'once']);
// "half the tickets", "half of all calls", "a third of our customers": a share of a count.
const FRACTION_LINKS = new Set(['the', 'of', 'our', 'all', 'their', 'my', 'your', 'his', 'her', 'its']);
const FRACTIONS = new Set(['third', 'thirds', 'quarter', 'quarters']);
const SAVED_LEADS = new Set(['saved', 'saving', 'save', 'saves', 'shaved', 'cut']);
/** Either kind of lead, for the one test most words fail. */
const TIME_LEADS = new Set([...SAVED_LEADS, ...TURNAROUND_LEADS]);
const CHANGE_LINKS = new Set(['by', 'to', 'from']);
// Number words that multiply or are too small to be a count of anything at stake ("double-checked the order").
const NOT_COUNTS = new Set(['zero', 'one', 'half', 'twice', 'double', 'triple']);

// Patterns over a sentence's text. Written here, bounded and reviewed: rubrics add words, not regexes.
// Each pattern with what a sentence must hold for it to match at all: most sentences have no
// digit, and then five of the six are not run.
const PATTERNS: [RegExp, string, 'digit' | 'star'][] = [
  [/(?<![\w.])\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/gi, 'percent', 'digit'],
  [/[$£€]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|million|thousand)?\b|\b\d[\d,]*(?:\.\d+)?\s(?:dollars|pounds|euros)\b/gi, 'money', 'digit'],
  [/\b\d{1,2}(?:\.\d)?\s?(?:\/|out of|from)\s?(?:5|10|five|ten)\b/gi, 'rating', 'digit'],
  [/(?<![\w.])(?:\d(?:\.\d)?|one|two|three|four|five)[- ]stars?\b/gi, 'rating', 'star'],
  [/\bfrom\s[$£€]?\d+(?:[.,]\d+)*%?\s(?:\w+\s)?to\s[$£€]?\d+(?:[.,]\d+)*%?/gi, 'change', 'digit'],
  [/\b\d+(?:\.\d+)?x\b/gi, 'multiplier', 'digit'],
];

const isYear = (t: Token) => /^(19|20)\d\d$/.test(t.norm);
const isOrdinal = (t: Token) => /^\d+(st|nd|rd|th)$/.test(t.norm);
const isFirstPerson = (t: Token) => /^(i|we)(?:'|$)/.test(t.norm);

/** Text between token i and the next, e.g. "-" in "5-line", ", " in "fell, then". */
const gapAfter = (s: DocSentence, i: number) => (i + 1 < s.tokens.length ? s.text.slice(s.tokens[i].end - s.start, s.tokens[i + 1].start - s.start) : '');
/** "5-line script", "a 30-day window": a number hyphenated to a noun describes a thing; it measures no outcome. */
const isCompoundAdjective = (s: DocSentence, i: number) => gapAfter(s, i) === '-';

/** Whether the number at k says what it measures: a unit of time, a rate, points, a count noun or a rating. */
function hasUnit(tokens: readonly Token[], k: number, p: MetricPhrases): boolean {
  const next = tokens[k + 1];
  if (!next) return false;
  if (TIME_UNITS.test(next.norm) || MEASURE_WORDS.test(next.norm) || (UNIT_ADJECTIVES.has(next.norm) && TIME_UNITS.test(tokens[k + 2]?.norm ?? ''))) return true;
  return Boolean(p.counts.longestAt(tokens, k + 1) || p.ratings.longestAt(tokens, k + 1));
}

/**
 * `amount`: the caller already knows a bare number here is an amount ("fell by eight", "CSAT around
 * 60"), so "by"/"around" do not make it a clock time.
 */
function isClockOrDate(tokens: readonly Token[], i: number, p: MetricPhrases, amount = false): boolean {
  const t = tokens[i];
  // "6:15", "9.30pm", "5pm" — but "4.75" is a score, not a clock
  if (/^\d{1,2}:\d\d(am|pm)?$/.test(t.norm) || /^\d{1,2}(\.\d\d)?(am|pm)$/.test(t.norm) || isYear(t)) return true;
  const next = tokens[i + 1]?.norm ?? '';
  const prev = tokens[i - 1]?.norm ?? '';
  if (/^(am|pm|a\.m|p\.m|o'clock)$/.test(next)) return true;
  if (MONTHS.test(next) || MONTHS.test(prev)) return true;
  if (prev === 'at' && !TIME_UNITS.test(next)) return true; // "at nine", "at 5"
  if (!amount && CLOCK_PREPS.has(prev) && !NOT_COUNTS.has(t.norm) && !hasUnit(tokens, i, p)) return true; // "by eight", "before 7"
  return false;
}

/** A number that can measure something: not a year, a clock time, a date or an ordinal. */
function isQuantity(tokens: readonly Token[], i: number, p: MetricPhrases, amount = false): boolean {
  const t = tokens[i];
  return Boolean(t) && isNumberToken(t) && !isOrdinal(t) && !isClockOrDate(tokens, i, p, amount);
}

/** Index of the first token at or after i that is not a softener ("about", "more than"), at most two skipped. */
function skipApprox(tokens: readonly Token[], i: number): number {
  let k = i;
  while (k < i + 2 && k < tokens.length && APPROX.has(tokens[k].norm)) k++;
  return k;
}

/**
 * If tokens[i] is a number (or "a"/"an") followed by a unit of time, the index one past the unit;
 * "half an hour" and "an hour and a half" included, "a 30-day window" not (a compound adjective).
 */
function durationAt(s: DocSentence, i: number, p: MetricPhrases): number | undefined {
  const { tokens } = s;
  const t = tokens[i];
  if (!t || !(isQuantity(tokens, i, p) || t.norm === 'a' || t.norm === 'an') || isCompoundAdjective(s, i)) return undefined;
  let k = i + 1;
  if (t.norm === 'half' && /^(a|an)$/.test(tokens[k]?.norm ?? '')) k++;
  // a range: "within 10–15 days", "2-3 weeks"
  if (tokens[k] && /^\d/.test(t.norm) && /^\d/.test(tokens[k].norm) && RANGE_DASH.test(s.text.slice(t.end - s.start, tokens[k].start - s.start))) k++;
  if (tokens[k] && UNIT_ADJECTIVES.has(tokens[k].norm)) k++;
  if (!tokens[k] || !TIME_UNITS.test(tokens[k].norm)) return undefined;
  k++;
  if (tokens[k]?.norm === 'and' && tokens[k + 1]?.norm === 'a' && tokens[k + 2]?.norm === 'half') k += 3;
  return k;
}

/** Counts of something that matters (customers, tickets, referrals) with a number close before them. */
/** Places whose size sets a scene: "a small town of about 8,000 people", "a big city (about 750.000 people)". */
const PLACES = new Set(['town', 'city', 'village', 'county', 'country', 'state', 'region', 'island', 'suburb', 'community', 'neighbourhood', 'neighborhood', 'area', 'province']);

/** Whether the number at i gives the size of a place: "a town of 8,000 people", "a city (about 750,000 people)". */
function sizeOfPlace(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && APPROX.has(tokens[k].norm)) k--;
  if (tokens[k]?.norm === 'of') k--;
  return k >= 0 && PLACES.has(tokens[k].norm);
}

function countCandidates(s: DocSentence, p: MetricPhrases, out: Candidate[]): void {
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i];
    const next = s.tokens[i + 1]?.norm ?? '';
    // (the cheaper test of each pair first: most words are neither "half" nor before "of")
    const share = (t.norm === 'half' && FRACTION_LINKS.has(next)) || (next === 'of' && FRACTIONS.has(t.norm));
    // only a number or a share ("half the", "a third of") can count anything: most words are neither
    if (!share && !isNumberToken(t)) continue;
    if (sizeOfPlace(s.tokens, i)) continue;
    // a handful of people or cases in the setting is the scene ("with only two employees in the
    // department"); the scale at stake there is larger ("a booking for 40 guests")
    const small = NUMBER_WORDS.has(t.norm) ? (NUMBER_WORDS.get(t.norm) ?? 0) < 10 : /^\d$/.test(t.norm);
    if (s.role === 'situation' && small) continue;
    // people and cases come in whole numbers ("4.7 stars" is no count); "one" and "half" are rarely counts
    if (!share && (!isQuantity(s.tokens, i, p) || /^\d+\.\d+$/.test(t.norm) || NOT_COUNTS.has(t.norm))) continue;
    if (isCompoundAdjective(s, i)) continue; // a 5-line script, a two-page guide to customers
    if (i + 1 < s.tokens.length && p.ratings.longestAt(s.tokens, i + 1)) continue; // "a five-star review" is a rating
    for (let k = i + 1; k <= i + 3 && k < s.tokens.length; k++) {
      if (/[,.;:!?()]/.test(s.text.slice(s.tokens[k - 1].end - s.start, s.tokens[k].start - s.start))) break; // the noun is in another clause
      const m = p.counts.longestAt(s.tokens, k);
      if (m) {
        out.push({ start: t.start, end: m.end, kind: 'count' });
        break;
      }
    }
  }
}

/** Whether a clause break (punctuation or a joining word) lies just before token k. */
function breaksBefore(s: DocSentence, k: number): boolean {
  return /[,;:()\u2013\u2014]/.test(gapAfter(s, k - 1)) || CLAUSE_WORDS.has(s.tokens[k].norm);
}

/**
 * Token range [from, to) of the clause holding tokens [first, last). A clause that is only the
 * turnaround ("Within the hour, the office was back online") takes in the clause it leads or ends.
 */
function clauseOf(s: DocSentence, first: number, last: number): [number, number] {
  const n = s.tokens.length;
  let from = first;
  while (from > 0 && !breaksBefore(s, from)) from--;
  let to = last;
  while (to < n && !breaksBefore(s, to)) to++;
  if (from === first && to === last) {
    if (to < n) for (to++; to < n && !breaksBefore(s, to); to++);
    else if (from > 0) for (from--; from > 0 && !breaksBefore(s, from); from--);
  }
  return [from, to];
}

/**
 * Time saved ("saved 120 hours a month") counts anywhere. A turnaround ("within an hour", "the same
 * day", "two days later") counts when it times an outcome: its clause has a resolution word ("it
 * arrived two days later"), or the sentence is the Result; not when its clause is the speaker's own step ("I called her the same afternoon", "two days later I visited again").
 */
function timeCandidates(s: DocSentence, p: MetricPhrases, framing: Framed, out: Candidate[]): void {
  const { tokens } = s;
  // `marker`: "after two days", "a week later" also mark time in a story ("a week later she wrote to
  // us"), so they need an outcome word in their clause even in the Result
  const turnarounds: { first: number; last: number; start: number; end: number; marker?: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const lead = tokens[i].norm;
    if (!TIME_LEADS.has(lead)) continue;
    let at = skipApprox(tokens, i + 1);
    let end = durationAt(s, at, p);
    // time saved may name who saved it first: "saved the team six hours", "cut us 20 minutes",
    // "saved the front desk about three hours a week"
    for (let k = at + 1; end === undefined && SAVED_LEADS.has(lead) && k <= i + 4; k++) end = durationAt(s, (at = skipApprox(tokens, k)), p);
    if (end === undefined) continue;
    const span = { first: i, last: end, start: tokens[i].start, end: tokens[end - 1].end };
    if (SAVED_LEADS.has(lead)) out.push({ start: span.start, end: span.end, kind: 'time-saved' });
    else turnarounds.push({ ...span, marker: lead === 'after' });
    i = end - 1;
  }
  // "two days later", "an hour and a half later"
  for (let i = 0; i < tokens.length; i++) {
    let inside = false;
    for (const t of turnarounds) if (i >= t.first && i < t.last) inside = true;
    const end = inside ? undefined : durationAt(s, i, p);
    if (end !== undefined && tokens[end]?.norm === 'later') turnarounds.push({ first: i, last: end + 1, start: tokens[i].start, end: tokens[end].end, marker: true });
  }
  for (const m of p.turnarounds.findAll(tokens)) turnarounds.push(m);
  // "I had to fix it within a day", "I told him I'd have it fixed within the hour": a deadline or promise
  if (!turnarounds.length || framing === 'all') return;
  // "it still hadn't arrived two days later" states no outcome
  const negated = (k: number) => tokens.slice(Math.max(0, k - 2), k).some((x) => /^(not|never|no)$|n't$/.test(x.norm));
  const resolutions = p.resolution.findAll(tokens).filter((r) => !negated(r.first));
  const apart = (r: { first: number; last: number }, t: { first: number; last: number }) => r.last <= t.first || r.first >= t.last;
  for (const t of turnarounds) {
    // what should, would or will happen in that time is a promise or a plan ("he should receive
    // the bill in a couple of days"), not a time it took
    const timed = finiteClauseAt(s, t.first);
    if (timed && (timed.mode === 'modal' || timed.mode === 'future')) continue;
    if (framing.includes(timed)) continue;
    const [from, to] = clauseOf(s, t.first, t.last);
    const inClause = resolutions.some((r) => r.first >= from && r.last <= to && apart(r, t));
    if (!inClause && tokens.slice(from, to).some(isFirstPerson)) continue; // the speaker's own step
    // in the Result with no outcome word, "within six months our rating rose" is the period of a change
    const longPeriod = tokens.slice(t.first, t.last).some((x) => /^(month|quarter|year)s?$/.test(x.norm));
    if (inClause || (s.role === 'result' && !longPeriod && !t.marker)) out.push({ start: t.start, end: t.end, kind: 'turnaround' });
  }
}

/**
 * A change word with a number after it: "went up 12 points", "dropped by half", "rose to 4.6". With no
 * "by"/"to"/"from" the number needs a unit after it, so "cut two slices" is not a change.
 */
function changeCandidates(s: DocSentence, p: MetricPhrases, out: Candidate[]): void {
  const { tokens } = s;
  for (const m of p.changes.findAll(tokens)) {
    let k = m.last;
    const linked = k < tokens.length && CHANGE_LINKS.has(tokens[k].norm);
    if (linked) k++;
    k = skipApprox(tokens, k);
    // "fell by a third", "rose by a third of its value": a share is the size of the change
    const share = linked ? s.numbers.find((n) => n.kind === 'fraction' && n.first === k) : undefined;
    if (share) {
      out.push({ start: m.start, end: share.end, kind: 'change' });
      continue;
    }
    if (k >= tokens.length || !isQuantity(tokens, k, p, true)) continue;
    const unit = tokens[k + 1];
    const unitOk = unit && !isCompoundAdjective(s, k) && (/^(points?|pts|percent|per)$/.test(unit.norm) || TIME_UNITS.test(unit.norm) || p.counts.longestAt(tokens, k + 1) || p.ratings.longestAt(tokens, k + 1));
    if (!linked && !unitOk) continue;
    out.push({ start: m.start, end: unitOk ? unit.end : tokens[k].end, kind: 'change' });
  }
}

/** A rating word with a digit close by: "CSAT of 92", "NPS went up 12". */
function ratingCandidates(s: DocSentence, p: MetricPhrases, out: Candidate[]): void {
  for (const m of p.ratings.findAll(s.tokens)) {
    for (let k = Math.max(0, m.first - 3); k < Math.min(s.tokens.length, m.last + 3); k++) {
      const t = s.tokens[k];
      if (k >= m.first && k < m.last) continue;
      if (isQuantity(s.tokens, k, p, true) && !NUMBER_WORDS.has(t.norm)) {
        out.push({ start: Math.min(m.start, t.start), end: Math.max(m.end, t.end), kind: 'rating' });
        break;
      }
    }
  }
}

/** A number with what it measures after it: a unit of time, a rate ("eight a month"), points, or a count noun. */
function measured(s: DocSentence, k: number, p: MetricPhrases): boolean {
  const next = s.tokens[k + 1];
  if (!next) return false;
  return durationAt(s, k, p) !== undefined || /^(a|an|per|each|percent|points?)$/.test(next.norm) || Boolean(p.counts.longestAt(s.tokens, k + 1));
}

/** Index of the number after a softener or an "a" that leads one ("from a dozen a month"). */
function numberStart(tokens: readonly Token[], i: number): number {
  const k = skipApprox(tokens, i);
  return tokens[k]?.norm === 'a' && /^(dozen|hundred|thousand)$/.test(tokens[k + 1]?.norm ?? '') ? k + 1 : k;
}

/**
 * "from two days to four hours", "from a dozen a month to two", and a rate with no "from" ("dropped
 * five a week to one"): a before→after pair in words (digits are a pattern).
 */
function fromToCandidates(s: DocSentence, p: MetricPhrases, out: Candidate[]): void {
  const { tokens } = s;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const from = tokens[i].norm === 'from';
    const before = from ? numberStart(tokens, i + 1) : i;
    if (!isQuantity(tokens, before, p, from)) continue;
    // without "from" only a rate reads as a before→after pair: "five a week to one", not "one desk to two"
    if (!from && (tokens[i - 1]?.norm === 'from' || !/^(a|an|per|each)$/.test(tokens[i + 1]?.norm ?? '') || !TIME_UNITS.test(tokens[i + 2]?.norm ?? ''))) continue;
    for (let k = before + 1; k <= before + 5 && k + 1 < tokens.length; k++) {
      if (tokens[k].norm !== 'to') continue;
      const after = skipApprox(tokens, k + 1);
      if (!isQuantity(tokens, after, p, true)) break;
      const unit = durationAt(s, after, p);
      if (!/\d/.test(tokens[after].norm) && !measured(s, before, p) && !measured(s, after, p)) break; // "from one desk to two"
      out.push({ start: tokens[i].start, end: tokens[(unit ?? after + 1) - 1].end, kind: 'change' });
      break;
    }
  }
}

const STORY_PARTS = new Set(['action', 'result']);
/** Verbs of staying on: with them a duration is the speaker's effort ("stayed two hours late"). */
const STAYING = new Set(['stay', 'work', 'remain', 'keep', 'wait', 'be']);

/**
 * "twice", "three times" counting occasions ("she has renewed twice since"), not a multiplier the
 * rubric's outcome phrases name ("three times faster", "twice as many").
 */
function occasions(t: readonly Token[], n: NumberFact, p: MetricPhrases): boolean {
  return n.kind === 'multiplier' && (t[n.last - 1].norm === 'times' || t[n.last - 1].norm === 'twice') && !p.outcomes.longestAt(t, n.first);
}

/** Words that count a duration on from the story's steps: "the next three months", "the six months after". */
const FROM_STEPS_BEFORE = new Set(['next', 'following']);
const FROM_STEPS_AFTER = new Set(['after', 'since']);
const countedOnFromSteps = (t: DocSentence['tokens'], n: { first: number; last: number }): boolean =>
  FROM_STEPS_BEFORE.has(t[n.first - 1]?.norm ?? '') || FROM_STEPS_AFTER.has(t[n.last]?.norm ?? '');

/**
 * Outcomes the language layer's numbers show without a set phrase: a share of a whole ("seven of
 * the eight returns"), time to spare ("with 20 minutes to spare"), a run with no failure since
 * ("we have not missed a filing date in the 18 months since"), repeat business ("she has bought
 * three pairs from us since"), time a step took after a change ("the research took us only six
 * hours"), and a count of people or cases large enough to be the scale of what was at stake
 * ("a group of 20 people").
 */
function factCandidates(s: DocSentence, p: MetricPhrases, out: Candidate[]): void {
  const t = s.tokens;
  for (const n of s.numbers) {
    const c = finiteClauseAt(s, n.first);
    const after = t[n.last]?.norm;
    const clauseWords = c ? t.slice(c.first, c.last).map((x) => x.norm) : [];
    const since = clauseWords.includes('since');
    // (a share of one thing is no share of cases: "she had drunk half of a gallon")
    const ofOne = t.slice(n.first, n.last).some((x, k, all) => x.norm === 'of' && /^(a|an|one)$/.test(all[k + 1]?.norm ?? ''));
    if (n.kind === 'fraction' && n.unit && !TIME_UNITS.test(n.unit) && !ofOne) out.push({ start: n.start, end: n.end, kind: 'fraction' });
    // a score out of a scale or in stars, in words too: "she rated the visit ten out of ten"
    // (a slash between digits is read by the patterns, which know a scale from "2018/11")
    else if (n.kind === 'rating' && (n.unit === 'star' || t.slice(n.first, n.last).some((x) => x.norm === 'out'))) out.push({ start: n.start, end: n.end, kind: 'rating' });
    else if (n.kind === 'duration' && after === 'to' && t[n.last + 1]?.norm === 'spare') out.push({ start: n.start, end: t[n.last + 1].end, kind: 'time' });
    // a run with no failure (or still going on) counted from the steps: "we have not missed a filing
    // date in the 18 months since"; and, told as their outcome, "we did not get a single complaint
    // for the next three months", "no patient missed a follow-up in the six months after"
    else if (n.kind === 'duration' && c && ((since && (c.negated || c.mode === 'ongoing')) || (s.role === 'result' && c.negated && countedOnFromSteps(t, n)))) out.push({ start: n.start, end: n.end, kind: 'retention' });
    else if ((n.kind === 'count' || occasions(t, n, p)) && since && c && c.actor === 'other' && c.mode === 'ongoing') out.push({ start: n.start, end: n.end, kind: 'count' });
    else if (n.kind === 'duration' && c && c.lemma === 'take' && STORY_PARTS.has(s.role) && (s.role === 'result' || (c.actor === 'other' && clauseWords.some((w) => w === 'only' || w === 'just')))) out.push({ start: n.start, end: n.end, kind: 'time' });
    // "two days ahead of schedule", "a week early", "an hour earlier than promised"; and the other
    // way, "we delivered 30 days late", "two weeks behind schedule" (not the speaker staying on:
    // "I stayed two hours late" is effort, not an outcome)
    else if (n.kind === 'duration' && STORY_PARTS.has(s.role) && (after === 'early' || after === 'earlier' || after === 'sooner' || (after === 'ahead' && t[n.last + 1]?.norm === 'of'))) out.push({ start: n.start, end: t[n.last].end, kind: 'time' });
    // "barely five minutes later she came back with a hot steak": a step's speed, said by its minimizer
    else if (n.kind === 'duration' && STORY_PARTS.has(s.role) && after === 'later' && /^(barely|only|just)$/.test(t[n.first - 1]?.norm ?? '')) out.push({ start: n.start, end: t[n.last].end, kind: 'time' });
    else if (n.kind === 'duration' && STORY_PARTS.has(s.role) && (after === 'late' || (after === 'behind' && t[n.last + 1]?.norm === 'schedule')) && c && !STAYING.has(c.lemma)) out.push({ start: n.start, end: t[n.last].end, kind: 'time' });
    else if (n.kind === 'count' && (n.value ?? 0) >= 10 && p.counts.longestAt(t, n.last - 1) && !sizeOfPlace(t, n.first)) out.push({ start: n.start, end: n.end, kind: 'count' });
  }
}

function sentenceCandidates(s: DocSentence, p: MetricPhrases, framing: Framed): Candidate[] {
  const candidates: Candidate[] = [];
  const digit = /\d/.test(s.text);
  const star = /star/i.test(s.text);
  for (const [re, kind, needs] of PATTERNS) {
    if (!(needs === 'digit' ? digit : star)) continue;
    // exec over the shared global pattern (matchAll would copy it for every sentence); no pattern matches the empty string
    re.lastIndex = 0;
    for (let m = re.exec(s.text); m !== null; m = re.exec(s.text)) candidates.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, kind });
  }
  // each kind of find adds to the one list
  countCandidates(s, p, candidates);
  timeCandidates(s, p, framing, candidates);
  changeCandidates(s, p, candidates);
  ratingCandidates(s, p, candidates);
  fromToCandidates(s, p, candidates);
  factCandidates(s, p, candidates);
  for (const m of p.outcomes.findAll(s.tokens)) {
    // the inflection matcher lets "doubled" match "double", as in "double-checked" or "charged double"
    if (m.last - m.first === 1 && NUMBER_WORDS.has(s.tokens[m.first].norm)) continue;
    // a date or clock time in a phrase's number slot: "booked us for the 14th", "booked us for 7pm"
    if (s.tokens.slice(m.first, m.last).some((t, j) => isNumberToken(t) && !NUMBER_WORDS.has(t.norm) && !isQuantity(s.tokens, m.first + j, p, true))) continue;
    // carry a renewal on to its period: "renewed for another" + "two years"
    const next = s.tokens[m.last];
    const end = durationAt(s, m.last, p) ?? (next && TIME_UNITS.test(next.norm) ? m.last + 1 : undefined);
    candidates.push({ start: m.start, end: end === undefined ? m.end : s.tokens[end - 1].end, kind: 'outcome' });
  }
  const blocked = p.notMetric.findAll(s.tokens);
  return blocked.length ? candidates.filter((c) => !blocked.some((b) => b.start < c.end && c.start < b.end)) : candidates;
}

/**
 * Metrics are judged across the whole answer, not only the sentences the segmenter calls a STAR
 * part, so a missed heading or an unusual opening does not hide "closed 40 tickets a day". Framing
 * that is a hypothetical or a habit ("I would answer within an hour") measures no outcome.
 */
function inScope(s: DocSentence, framing: FramingPhrases): boolean {
  if (s.role !== 'opening' && s.role !== 'closing') return true;
  return !isHypotheticalOrHabit(s, framing);
}

/** Metric kinds that say something changed or came back ("went down 15 minutes", "has referred three colleagues"). */
const CHANGED_KINDS = new Set(['change', 'outcome', 'retention', 'time-saved', 'turnaround']);

/**
 * A sentence that tells no event and is not about the speaker or their team states a view of the
 * world ("90% of people forget what that job is like"), in the story or around it, so its bare
 * numbers measure nothing the story achieved; "we now settle half of all calls on first contact"
 * still does, and so does a change ("complaints went down 15%").
 */
function aboutTheWorld(s: DocSentence): boolean {
  // (in the story, a state that lasts after it is its outcome: "she has bought three pairs from us since", "he now calls us first")
  if (s.role !== 'opening' && s.role !== 'closing' && LASTS_ON.test(s.text)) return false;
  return !s.clauses.some((c) => c.finite && (c.mode === 'narrated' || c.mode === 'background' || c.mode === 'ongoing' || c.actor === 'speaker' || c.actor === 'team'));
}

/** The rubric's sets that say a sentence frames the story (looked up once per answer, not per sentence). */
interface FramingPhrases {
  hypothetical: PhraseSet;
  habit: PhraseSet;
  taskCues: PhraseSet;
}

function isHypotheticalOrHabit(s: DocSentence, framing: FramingPhrases): boolean {
  return framing.hypothetical.test(s.tokens) || framing.habit.test(s.tokens);
}

/** The clauses whose turnarounds are deadlines, not outcomes: every clause of a habit, or those of its sentence a goal, a promise or a hypothetical frames. */
type Framed = 'all' | readonly (Clause | undefined)[];

const NOTHING_FRAMED: Framed = Object.freeze([]);

/**
 * What a habit, a goal, a promise or a hypothetical frames in a sentence. A habit frames it all
 * ("I usually reply within the hour"); a goal or a hypothetical only its own clause ("I had to fix
 * it within a day"), so someone's promise beside the story's event leaves that event an outcome
 * ("someone called us within a couple of hours, said they'd talk to the resort").
 */
function framedIn(s: DocSentence, framing: FramingPhrases): Framed {
  if (framing.habit.test(s.tokens)) return 'all';
  const cues = framing.hypothetical.findAll(s.tokens);
  const goals = framing.taskCues.findAll(s.tokens);
  if (!cues.length && !goals.length) return NOTHING_FRAMED;
  const out: (Clause | undefined)[] = [];
  for (const m of cues) out.push(finiteClauseAt(s, m.first));
  for (const m of goals) out.push(finiteClauseAt(s, m.first));
  return out;
}

/** Metric: quantified outcomes, impact or scale — and an error when the rubric wants one in the Result and there is none. */
export const metricCheck: Check = {
  id: 'metric',
  description: 'A measurable result: a percentage, money, a count of customers or cases, time to resolution, a rating, a multiplier, a renewal.',
  rules: ['metric-missing'],
  run(ctx) {
    const { doc, rubric, phrases, finding } = ctx;
    const lists = rubric.metric;
    const p: MetricPhrases = {
      counts: phrases(lists['count-nouns']),
      ratings: phrases(lists['rating-words']),
      outcomes: phrases(lists['outcome-phrases']),
      turnarounds: phrases(lists.turnarounds),
      resolution: phrases(lists['resolution-words']),
      changes: phrases(lists['change-words']),
      notMetric: phrases(lists['not-metrics']),
    };
    const framing: FramingPhrases = { hypothetical: phrases(rubric.star.hypothetical), habit: phrases(rubric.star.habit), taskCues: phrases(rubric.star.task.cues) };
    const metrics: MetricSpan[] = [];
    for (const s of doc.sentences) {
      if (!inScope(s, framing)) continue;
      const world = aboutTheWorld(s);
      let found = sentenceCandidates(s, p, framedIn(s, framing));
      if (!found.length) continue;
      if (world) found = found.filter((c) => CHANGED_KINDS.has(c.kind));
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      // overlapping finds are one metric ("rating went from 3.9" + "from 3.9 to 4.7 stars"): merge them, keeping the first kind
      const merged: Candidate[] = [];
      for (const c of found) {
        const last = merged[merged.length - 1];
        if (last && c.start < last.end) last.end = Math.max(last.end, c.end);
        else merged.push({ ...c });
      }
      for (const c of merged) {
        // the span's fields written out (not spread): the same keys in the same order
        const at = doc.span(c.start, c.end);
        metrics.push({ text: at.text, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, kind: c.kind, part: s.role });
      }
    }
    const findings: Finding[] = [];
    const inResult = metrics.some((m) => m.part === 'result');
    const hasResult = doc.sentences.some((s) => s.role === 'result');
    const mode = rubric.expectations.metric;
    if (mode !== 'off' && !inResult) {
      const at = doc.sentences.find((s) => s.role === 'result');
      // never contradict the metric line: numbers elsewhere may set the scene, but the outcome has none
      const elsewhere = metrics.length ? ` (${metrics.map((m) => `"${m.text}"`).join(', ')} ${metrics.length === 1 ? 'is' : 'are'} not in the Result)` : '';
      const message = hasResult
        ? `No measurable outcome in the Result${elsewhere}. Can you quantify it? % faster, customers helped, time to resolution, a rating, a renewal.`
        : metrics.length
          ? `No Result to put a number on: end the story on what changed${elsewhere.replace(' are not in the Result', ' come before it').replace(' is not in the Result', ' comes before it')}.`
          : 'No measurable result: end the story on what changed, with a number (% faster, customers helped, a rating).';
      findings.push(finding('metric-missing', mode === 'required' ? 'error' : 'warning', message, at ? { start: at.start, end: at.start } : undefined));
    }
    return { findings, score: inResult ? 1 : metrics.length ? 0.5 : 0, report: { metrics } };
  },
};
