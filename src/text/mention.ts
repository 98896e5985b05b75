import type { Token } from './tokens.js';

// English mechanics for telling a phrase that is used from one that is negated, quoted or named
// only to be rejected. Not rubric content: these are grammar words, the same for every rubric.

const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'hardly', 'barely', 'cannot']);
/** "not just", "never only": the phrase still holds ("I didn't just listen, I …"). */
const NOT_NEGATING_AFTER = new Set(['just', 'only', 'merely', 'simply']);
/** Words that start a new clause: a negator before them does not reach the phrase after them. */
const CLAUSE_WORDS = new Set(['and', 'but', 'so', 'then', 'because', 'until', 'while', 'or', 'which', 'who', 'when', 'before', 'after', 'since', 'though', 'although', 'if', 'once']);
/** Punctuation between two tokens that ends a clause. */
const CLAUSE_BREAK = /[,;:!?()[\]{}"“”…]|\s[-–—]\s|[–—]/;

export const isNegator = (norm: string): boolean => NEGATORS.has(norm) || norm.endsWith("n't");

/**
 * Whether clause punctuation stands between token k and token k + 1. Most gaps are one space,
 * which holds none: told by its character code, with no slice and no pattern run.
 */
function breakAfter(text: string, tokens: readonly Token[], k: number): boolean {
  const from = tokens[k].end;
  const to = tokens[k + 1].start;
  if (to === from + 1 && text.charCodeAt(from) === 32) return false;
  return CLAUSE_BREAK.test(text.slice(from, to));
}

/**
 * True when a negator governs the phrase starting at token `first`: "not", "never", "didn't",
 * "instead of", "rather than" … up to `window` words before it in the same clause. "The app was not
 * really responsive" negates "responsive"; "I didn't panic, I listened" does not negate "listened".
 * A phrase that starts with its own negator ("without interrupting") is judged by the words before it.
 */
export function isNegated(text: string, tokens: readonly Token[], first: number, window = 3): boolean {
  for (let k = first - 1; k >= 0 && first - k <= window; k--) {
    if (breakAfter(text, tokens, k)) return false;
    const w = tokens[k].norm;
    if (isNegator(w)) return !NOT_NEGATING_AFTER.has(tokens[k + 1]?.norm ?? '');
    if (w === 'of' && tokens[k - 1]?.norm === 'instead') return true;
    if (w === 'than' && tokens[k - 1]?.norm === 'rather') return true;
    if (CLAUSE_WORDS.has(w)) return false;
  }
  return false;
}

/**
 * True when the text from start to end stands in quotation marks ('above and beyond', “synergy,”):
 * a quoted phrase is mentioned, not used.
 */
export function isQuoted(text: string, start: number, end: number): boolean {
  let after = end;
  while (after < text.length && isStopCode(text.charCodeAt(after))) after++;
  // (by code: outside the text there is no character, and no mark)
  if (isQuoteCode(text.charCodeAt(start - 1)) && isQuoteCode(text.charCodeAt(after))) return true;
  return insideShortQuote(text, start, end);
}

/** One of . , ! ? ; : by code (what /[.,!?;:]/ matches). */
const isStopCode = (c: number) => c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 58;

const WORDISH = /[\p{L}\p{N}]/u;
/** A quotation mark, " “ ” ' ‘ ’, by character code (NaN, outside the text, is none). */
const isQuoteCode = (c: number) => c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
/** Characters a short quoted phrase may reach either side of the match ("going above and beyond"). */
const QUOTE_REACH = 24;

/**
 * True when a quotation mark opens a few words before the match and closes a few words after it,
 * within the sentence: `I hate "going above and beyond"`. An apostrophe between letters (don't,
 * customer's) is no quotation mark.
 */
function insideShortQuote(text: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - QUOTE_REACH); i--) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10) return false; // . ! ? and a line break
    if (!isQuoteCode(c)) continue;
    const before = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    if (WORDISH.test(before) && WORDISH.test(next)) continue; // an apostrophe
    if (WORDISH.test(before) || /\s/.test(next)) return false; // a closing mark: the match is after a quote
    open = i;
    break;
  }
  if (open < 0) return false;
  for (let i = end; i < Math.min(text.length, end + QUOTE_REACH); i++) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63 || c === 10 || (c === 46 && /\s/.test(text[i + 1] ?? ' '))) return false;
    if (!isQuoteCode(c)) continue;
    const before = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    if (WORDISH.test(before) && WORDISH.test(next)) continue;
    return !/\s/.test(before);
  }
  return false;
}

/** Words that name a phrase rather than use it: "the phrase above and beyond", "the word synergy". */
const NAMING = new Set(['phrase', 'phrases', 'word', 'words', 'term', 'terms', 'expression', 'buzzword', 'buzzwords', 'cliche', 'cliché', 'label', 'saying', 'slogan', 'motto']);
/** Nouns that name a notion; with "of" and a quotation after them, the phrase is named, not used. */
const IDEAS = new Set(['idea', 'notion', 'concept', 'mantra', 'philosophy', 'principle', 'maxim']);
/** Verbs of believing or saying: negated before a phrase, they reject it ("I don't believe the customer is always right"). */
const STANCE = new Set(['believe', 'believed', 'like', 'liked', 'say', 'said', 'use', 'used', 'call', 'called', 'buy', 'agree', 'think', 'subscribe', 'fan', 'describe', 'consider', 'trust']);
/** Verbs that reject a phrase without a negator ("I hate the phrase", "I avoid saying"). */
const REJECT = new Set(['hate', 'hated', 'dislike', 'disliked', 'avoid', 'avoided', 'despise', 'cringe']);

/** Verbs that report what others claim ("companies say they're customer-centric, but …"). */
const CLAIMING = new Set(['say', 'says', 'said', 'claim', 'claims', 'claimed', 'call', 'calls', 'called', 'advertise', 'advertises', 'advertised', 'promise', 'promises', 'promised']);
const SPEAKER = new Set(['i', 'we', "i'd", "we'd", "i'll", "we'll", "i've", "we've"]);
const CONTRAST = new Set(['but', 'yet', 'though', 'however']);

/** True when the clause right after token `last - 1` turns against it: ", but …". */
function contrastAfter(tokens: readonly Token[], last: number): boolean {
  for (let k = last; k < tokens.length && k < last + 3; k++) if (CONTRAST.has(tokens[k].norm)) return true;
  return false;
}

/** Whether a negator is among tokens[from, to) (from clamped at 0). */
function negatorIn(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++) if (isNegator(tokens[k].norm)) return true;
  return false;
}

/**
 * True when a phrase is mentioned rather than used: quoted, introduced as a word ("the term
 * synergy"), named only to be rejected ("I don't believe the customer is always right",
 * "I avoid saying win-win"), or reported as others' claim and turned against ("companies say
 * they're customer-centric, but …"). Looks at most a few words back, within the clause.
 */
export function isMentionOnly(text: string, tokens: readonly Token[], first: number, last: number, quotedIsMention = true): boolean {
  if (quotedIsMention && isQuoted(text, tokens[first].start, tokens[last - 1].end)) return true;
  // an idea named and quoted: 'this idea of "go above and beyond what they need all the time"'
  for (let k = first - 2; k >= 0 && first - k <= 3; k--) {
    if (IDEAS.has(tokens[k].norm) && tokens[k + 1].norm === 'of' && isQuoteCode(text.charCodeAt(tokens[k + 2].start - 1))) return true;
  }
  let negated = false;
  for (let k = first - 1; k >= 0 && first - k <= 5; k--) {
    if (breakAfter(text, tokens, k)) break;
    const w = tokens[k].norm;
    if (first - k <= 2 && NAMING.has(w)) return true;
    if (REJECT.has(w)) return true;
    // someone else's claim, then a turn against it: "a lot of companies say they're customer-centric, but …"
    if (CLAIMING.has(w) && k > 0 && !SPEAKER.has(tokens[k - 1].norm) && contrastAfter(tokens, last)) return true;
    if (STANCE.has(w)) negated ||= negatorIn(tokens, k - 3, k);
    if (negated) return true;
  }
  return false;
}
