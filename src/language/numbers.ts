import { NUMBER_WORDS } from '../text/phrases.js';
import { FACT_NUMBERISH, wordFact, type Token } from '../text/tokens.js';
import type { NumberFact, NumberKind } from './types.js';

// Every number in a sentence with what it measures: the kind (a date, a clock time, a duration,
// money, a count, a rating, …) and the unit or noun it counts. Built from the words around the
// number; what counts as a metric is the metric check's call.

const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?$/;
const TIME_UNIT = /^(second|sec|minute|min|hour|hr|day|night|week|weekend|fortnight|month|quarter|year|yr|shift|decade)s?$/;
const CLOCK = /^(am|pm|a\.m|p\.m|a\.m\.|p\.m\.|o'clock|noon|midnight)$/;
const DECADE_AGE = /^(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|teens)$/;
const FRACTION_WORDS: ReadonlyMap<string, number> = new Map([['half', 0.5], ['third', 1 / 3], ['thirds', 2 / 3], ['quarter', 0.25], ['quarters', 0.75]]);
const MULTIPLIER_VERBS: ReadonlyMap<string, number> = new Map([['doubled', 2], ['tripled', 3], ['trebled', 3], ['quadrupled', 4], ['halved', 0.5], ['twice', 2], ['double', 2], ['triple', 3]]);
const ORDINAL_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']);
const RATING_WORDS = /^(stars?|csat|nps|rating|ratings|score|scores|points?)$/;
/** Words that may stand between a number and what it counts ("three new customers", "20 more people"). */
const BEFORE_NOUN = new Set(['ADJ', 'DET', 'NUM', 'ADV']);

const isDigitToken = (t: Token) => /^\d/.test(t.norm);
const isNumberWord = (t: Token) => NUMBER_WORDS.has(t.norm) && !MULTIPLIER_VERBS.has(t.norm) && t.norm !== 'half';

/** The value of a number written in digits ("2,446", "4.6", "1.500" in German use, "10k") or words. */
function valueOf(words: readonly Token[]): number | undefined {
  if (words.length === 1 && isDigitToken(words[0])) {
    const w = words[0].norm.replace(/(st|nd|rd|th)$/, '');
    const k = /k$/.test(w) ? 1000 : /m$/.test(w) ? 1e6 : 1;
    const digits = w.replace(/[km]$/, '');
    const n = /^\d{1,3}([.,]\d{3})+$/.test(digits) ? Number(digits.replace(/[.,]/g, '')) : Number(digits.replace(/,/g, ''));
    return Number.isFinite(n) ? n * k : undefined;
  }
  let total = 0;
  let current = 0;
  for (const t of words) {
    const v = NUMBER_WORDS.get(t.norm);
    if (v === undefined) return undefined;
    if (v === 100 || v === 1000 || v === 1e6) current = (current || 1) * v;
    else current += v;
    if (v >= 1000) {
      total += current;
      current = 0;
    }
  }
  return total + current;
}

/** Whether a word can start any of readNumbers' facts (each branch there tests one of these first). */
const numberish = (w: string) =>
  MULTIPLIER_VERBS.has(w) || FRACTION_WORDS.has(w) || w === 'a' || w === 'an' || DECADE_AGE.test(w) || ORDINAL_WORDS.has(w) || /^\d/.test(w) || (NUMBER_WORDS.has(w) && !MULTIPLIER_VERBS.has(w) && w !== 'half');

export function readNumbers(tokens: readonly Token[], text: string, base: number): NumberFact[] {
  const facts: NumberFact[] = [];
  const gap = (k: number) => (k <= 0 || k >= tokens.length ? '' : text.slice(tokens[k - 1].end - base, tokens[k].start - base));
  const lemma = (t: Token | undefined) => (t ? (t.lemma ?? t.norm).toLowerCase() : '');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // most words start none of the facts below: one test per distinct word says so
    if (!wordFact(t, FACT_NUMBERISH, numberish)) continue;
    const multiplier = MULTIPLIER_VERBS.get(t.norm);
    if (multiplier !== undefined) {
      // "doubled", "twice as many", "charged double"
      facts.push(fact(tokens, i, i + 1, 'multiplier', multiplier, ''));
      continue;
    }
    const fraction = FRACTION_WORDS.get(t.norm);
    if (fraction !== undefined && (tokens[i + 1]?.norm === 'of' || tokens[i + 1]?.norm === 'the' || tokens[i + 1]?.norm === 'an' || tokens[i + 1]?.norm === 'a')) {
      // "half the tickets", "a third of our customers", "half an hour"
      if (TIME_UNIT.test(tokens[i + 2]?.norm ?? '')) facts.push(fact(tokens, i, i + 3, 'duration', fraction, lemma(tokens[i + 2])));
      else facts.push(fact(tokens, i, nounEnd(tokens, i + 1), 'fraction', fraction, lemma(tokens[nounEnd(tokens, i + 1) - 1])));
      continue;
    }
    // "fell by a third", "cut it by a quarter": a share of what was said, not "a third time"
    if (fraction !== undefined && /^(a|one)$/.test(tokens[i - 1]?.norm ?? '') && tokens[i + 1]?.pos !== 'NOUN' && tokens[i + 1]?.pos !== 'ADJ') {
      facts.push(fact(tokens, i - 1, i + 1, 'fraction', fraction, ''));
      continue;
    }
    // "a dozen", "an hour"
    const article = (t.norm === 'a' || t.norm === 'an') && i + 1 < tokens.length;
    if (article && TIME_UNIT.test(tokens[i + 1].norm) && !/^(per|every|each|a|an)$/.test(tokens[i - 1]?.norm ?? '')) {
      facts.push(fact(tokens, i, i + 2, 'duration', 1, lemma(tokens[i + 1])));
      i++;
      continue;
    }
    if (article && tokens[i + 1].norm === 'dozen') {
      const end = nounEnd(tokens, i + 2);
      facts.push(fact(tokens, i, end > i + 2 ? end : i + 2, 'count', 12, end > i + 2 ? lemma(tokens[end - 1]) : ''));
      i++;
      continue;
    }
    // "in her mid sixties", "in their forties"
    if (DECADE_AGE.test(t.norm) && /^(mid|late|early|her|his|their|my|your|the)$/.test(tokens[i - 1]?.norm ?? '')) {
      facts.push(fact(tokens, i, i + 1, 'age', undefined, 'year'));
      continue;
    }
    // "the third time", "my second visit"
    if (ORDINAL_WORDS.has(t.norm) && !(t.norm === 'second' && /^(a|one|per|every|each)$/.test(tokens[i - 1]?.norm ?? ''))) {
      facts.push(fact(tokens, i, i + 1, 'ordinal', undefined, ''));
      continue;
    }
    if (!isDigitToken(t) && !isNumberWord(t)) continue;
    // the number's words: "two hundred", "twenty five", "1,500"
    let b = i + 1;
    while (b < tokens.length && isNumberWord(tokens[b]) && isNumberWord(t) && !/[,;:]/.test(gap(b))) b++;
    const words = tokens.slice(i, b);
    const value = valueOf(words);
    // a range ("within 10–15 days", "2-3 weeks") is one number: what follows its second end says what it measures
    let from = i;
    if (b < tokens.length && isDigitToken(tokens[b]) && isDigitToken(t) && RANGE_DASH.test(gap(b))) {
      from = b;
      b++;
    }
    const { kind, end, unit } = kindOf(tokens, from, b, text, base, gap);
    facts.push(fact(tokens, i, end, kind, value, unit));
    i = Math.max(i, end - 1);
  }
  return facts;
}

/** What stands between the two ends of a range of numbers ("10–15 days"): a hyphen or a dash, spaced or not. */
export const RANGE_DASH = /^\s?[-\u2013\u2014]\s?$/;

function fact(tokens: readonly Token[], first: number, last: number, kind: NumberKind, value: number | undefined, unit: string): NumberFact {
  const l = Math.max(first + 1, Math.min(last, tokens.length));
  return { first, last: l, start: tokens[first].start, end: tokens[l - 1].end, kind, value, unit };
}

/** One past the noun a number counts, skipping adjectives ("three new customers"), or `from` if none. */
function nounEnd(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + 4; k++) {
    const pos = tokens[k].pos ?? '';
    if (pos === 'NOUN' || pos === 'PROPN') {
      // "two phone calls": the last noun of a compound
      let e = k + 1;
      while (e < tokens.length && (tokens[e].pos === 'NOUN') && e < k + 3) e++;
      return e;
    }
    if (!BEFORE_NOUN.has(pos) && tokens[k].norm !== 'of' && tokens[k].norm !== 'the') return from;
  }
  return from;
}

function kindOf(
  tokens: readonly Token[], i: number, b: number, text: string, base: number, gap: (k: number) => string,
): { kind: NumberKind; end: number; unit: string } {
  const t = tokens[i];
  const w = t.norm;
  const next = tokens[b];
  const nextNorm = next?.norm ?? '';
  const lemma = (x: Token | undefined) => (x ? (x.lemma ?? x.norm).toLowerCase() : '');
  const before = text.slice(Math.max(0, t.start - base - 2), t.start - base);
  const after = text.slice(tokens[b - 1].end - base, tokens[b - 1].end - base + 2);
  if (/[$£€¥₹]\s?$/.test(before) || /^(dollars?|pounds?|euros?|bucks|quid|usd|gbp|eur)$/.test(nextNorm)) return { kind: 'money', end: /^(dollars?|pounds?|euros?|bucks|quid|usd|gbp|eur)$/.test(nextNorm) ? b + 1 : b, unit: 'money' };
  if (/^\s?%/.test(after)) return { kind: 'percent', end: b, unit: '%' };
  if (nextNorm === 'percent' || (nextNorm === 'per' && tokens[b + 1]?.norm === 'cent')) return { kind: 'percent', end: nextNorm === 'per' ? b + 2 : b + 1, unit: '%' };
  if (/^\d+(\.\d+)?x$/.test(w) || (nextNorm === 'x' && !/\s/.test(gap(b))) || nextNorm === 'times') return { kind: 'multiplier', end: b + (nextNorm === 'x' || nextNorm === 'times' ? 1 : 0), unit: '' };
  if (/^\d{1,2}[:.]\d\d(am|pm)?$/.test(w) && !/^\d\.\d\d$/.test(w) || /^\d{1,2}(am|pm)$/.test(w) || CLOCK.test(nextNorm)) return { kind: 'time', end: CLOCK.test(nextNorm) ? b + 1 : b, unit: '' };
  if (/^(19|20)\d\d$/.test(w) && b === i + 1) return { kind: 'date', end: b, unit: '' };
  if (/^\d+(st|nd|rd|th)$/.test(w)) return { kind: MONTHS.test(tokens[i - 1]?.norm ?? '') || MONTHS.test(nextNorm) || nextNorm === 'of' ? 'date' : 'ordinal', end: b, unit: '' };
  if (MONTHS.test(nextNorm) || MONTHS.test(tokens[i - 1]?.norm ?? '')) return { kind: 'date', end: b, unit: '' };
  // "in her mid sixties", "an 80-year-old man", "aged 70"
  if ((gap(b) === '-' && /^years?$/.test(nextNorm) && tokens[b + 1]?.norm === 'old') || tokens[i - 1]?.norm === 'aged') return { kind: 'age', end: b, unit: 'year' };
  // ratings: "4.6 out of 5", "4/5", "five stars", "a five-star review", "NPS of 40"
  if (/^\d+(\.\d+)?\/\d+$/.test(w) && !/^24\/7$/.test(w)) return { kind: 'rating', end: b, unit: '' };
  if (nextNorm === 'out' && tokens[b + 1]?.norm === 'of' && tokens[b + 2] && /^\d|^(five|ten)$/.test(tokens[b + 2].norm)) {
    // "9 out of 10 customers", "9 out of 10 of those accounts" count cases; "4.6 out of 5" rates
    const of = tokens[b + 3]?.norm === 'of';
    const from = of ? (/^(the|those|these|our|their|my|his|her)$/.test(tokens[b + 4]?.norm ?? '') ? b + 5 : b + 4) : b + 3;
    const end = nounEnd(tokens, from);
    if (end > from) return { kind: 'fraction', end, unit: lemma(tokens[end - 1]) };
    return { kind: 'rating', end: b + 3, unit: '' };
  }
  if (RATING_WORDS.test(nextNorm) && nextNorm !== 'score' && nextNorm !== 'scores') return { kind: 'rating', end: b + 1, unit: lemma(next) };
  if (RATING_WORDS.test(tokens[i - 1]?.norm ?? '') || RATING_WORDS.test(tokens[i - 2]?.norm ?? '') && tokens[i - 1]?.norm === 'of') return { kind: 'rating', end: b, unit: lemma(tokens[i - 1]) };
  // "seven of the eight returns", "three out of four callers"
  if (nextNorm === 'of' || (nextNorm === 'out' && tokens[b + 1]?.norm === 'of')) {
    const k = nextNorm === 'of' ? b + 1 : b + 2;
    const det = tokens[k]?.norm === 'the' || tokens[k]?.norm === 'our' || tokens[k]?.norm === 'their' || tokens[k]?.norm === 'my' ? k + 1 : k;
    if (tokens[det] && (isDigitToken(tokens[det]) || isNumberWord(tokens[det]))) {
      const end = nounEnd(tokens, det + 1);
      return { kind: 'fraction', end: Math.max(end, det + 1), unit: end > det + 1 ? lemma(tokens[end - 1]) : '' };
    }
  }
  // "one of the complaints": a member picked out, no count of them
  if (w === 'one' && nextNorm === 'of') return { kind: 'amount', end: b, unit: '' };
  if (TIME_UNIT.test(nextNorm) || (next && /^(business|working|calendar|full|whole|straight)$/.test(nextNorm) && TIME_UNIT.test(tokens[b + 1]?.norm ?? ''))) {
    const unitAt = TIME_UNIT.test(nextNorm) ? b : b + 1;
    return { kind: 'duration', end: unitAt + 1, unit: lemma(tokens[unitAt]).replace(/s$/, '') };
  }
  const end = nounEnd(tokens, b);
  // "one busy day", "one evening": a point in time, not a count
  if (end > b && w === 'one' && (TIME_UNIT.test(tokens[end - 1].norm) || /^(morning|afternoon|evening|time|occasion|holiday)s?$/.test(tokens[end - 1].norm))) return { kind: 'date', end, unit: '' };
  if (end > b) return { kind: 'count', end, unit: lemma(tokens[end - 1]) };
  return { kind: 'amount', end: b, unit: '' };
}
