import { isDigitCode, isSpaceCode } from '../text/chars.js';
import { hasPastSpelling } from '../text/english.js';
import { pushRunTokens, runWords, tokenize, type Token } from '../text/tokens.js';
import { quoteStateAfter, readClauses } from './clauses.js';
import { readNumbers } from './numbers.js';
import { tagText, type TaggedText } from './tagger.js';
import type { Clause, SentenceFacts } from './types.js';
import { PEOPLE_NOUNS, STATING, TELLING_OR_WANTING } from './words.js';

export type { Actor, Clause, Mode, NumberFact, NumberKind, SentenceFacts } from './types.js';
export { isBaseForm, isPastForm } from './clauses.js';
export { MODALS, OTHERS_OBJECT, PEOPLE_NOUNS, SAYING, STATING } from './words.js';
export { RANGE_DASH } from './numbers.js';

/** The innermost clause holding token k (a non-finite one inside a finite one wins), if any. */
export function clauseAt(s: SentenceFacts, k: number): Clause | undefined {
  let best: Clause | undefined;
  for (const c of s.clauses) if (c.first <= k && k < c.last && (!best || c.first >= best.first)) best = c;
  return best;
}

/** The finite clause holding token k: the one whose verb governs it. */
export function finiteClauseAt(s: SentenceFacts, k: number): Clause | undefined {
  let best: Clause | undefined;
  for (const c of s.clauses) if (c.finite && c.first <= k && k < c.last && (!best || c.first >= best.first)) best = c;
  return best;
}

/**
 * Whether the words from token `first` on are someone else's, reported ("my manager kept telling us
 * the customer is always right", "management wanted us to go above and beyond", "the company says
 * it is customer-centric"): a verb of saying or wanting of another person's before them, and no
 * clause of its own between.
 * The speaker's own ("I always say the customer comes first", "I told him we'd go the extra mile")
 * stays jargon, and so does what others said of the speaker ("she said I was giving it 150%").
 */
export function othersWordsAt(s: SentenceFacts, first: number): boolean {
  let theirs = false;
  for (const c of s.clauses) {
    if (c.first > first) break;
    // the clause the cliché is in: what they said of the speaker is the speaker's ("she said I was giving it 150%")
    if (c.verb < 0 || c.verb >= first) return theirs && !(c.finite && c.reported && (c.actor === 'speaker' || c.actor === 'team'));
    if (c.actor === 'other' && !c.quoted && !c.negated && TELLING_OR_WANTING.has(c.lemma)) theirs = true;
    // what they ask stays theirs: "they ask people how we've gone above and beyond today"
    else if (theirs && /^(how|what|whether|if|why|when)$/.test(s.tokens[c.first]?.norm ?? '')) continue;
    // a clause of its own between them ("…they hadn't asked for, which was a game changer") ends what
    // they said, and what they said of the speaker is the speaker's claim, repeated ("my manager said
    // we had real synergy", "she said I was giving it 150%")
    else if (c.finite && (!c.reported || c.actor === 'speaker' || c.actor === 'team')) theirs = false;
  }
  return theirs;
}

/**
 * Whether token k stands in a quotation someone else says: the clause saying it, or else the last
 * clause outside the quotation before it, is another person's ("the father said, "there's no other
 * place we want to bring our son"", "Nick joked, "I don't want to overload you"").
 */
export function quotedFromOther(s: SentenceFacts, k: number): boolean {
  const c = clauseAt(s, k);
  if (!c?.quoted) return false;
  // a line of dialogue is said by whoever its label names ("The customer: "I want to know…"")
  if (c.saidBy < 0 && s.dialogueBy) return s.dialogueBy === 'other';
  const says = c.saidBy >= 0 ? s.clauses[c.saidBy] : s.clauses.filter((x) => x.finite && !x.quoted && x.first < c.first).at(-1);
  return says !== undefined && says.actor === 'other';
}

// The language layer: an answer's text read once into sentences, each with its tokens (part of
// speech and dictionary form on every word), its clauses (who does what, in which tense and
// mood) and its numbers (what each measures). Every check reads these facts; none re-derives
// English from raw text.

// A blank line, a bullet or a numbered item always ends a sentence.
// A line that opens with a label ("**Result:** …", "Task: …") starts a sentence too.
const BLOCK_BREAK = /\n[ \t]*\n+|\n(?=[ \t]*(?:[-*•+]|\d+[.)])[ \t])|\n(?=[ \t]*[*_]{0,2}[A-Za-z][A-Za-z ]{0,24}[*_]{0,2}[ \t]*:)/g;
const BULLET = /^[ \t]*(?:[-*•+]|\d+[.)])[ \t]+/;

/** The length of the bullet that opens text[a, b), or 0. The pattern runs only where a bullet's first character stands. */
function bulletLength(text: string, a: number, b: number): number {
  let k = a;
  while (k < b && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  const c = k < b ? text.charCodeAt(k) : -1;
  if (c !== 45 && c !== 42 && c !== 0x2022 && c !== 43 && !isDigitCode(c)) return 0;
  const bullet = BULLET.exec(text.slice(a, Math.min(b, a + 16)));
  return bullet ? bullet[0].length : 0;
}

/** The blocks of text[from, to): paragraphs and list items, bullets left out. */
function blocksOf(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  // (offsets in text: the range is sliced only where it has a line break to run the pattern on)
  const push = (a: number, b: number) => {
    a += bulletLength(text, a, b);
    for (let k = a; k < b; k++) {
      if (!isSpaceCode(text.charCodeAt(k))) {
        out.push([a, b]);
        return;
      }
    }
  };
  let start = from;
  // every break starts at a line break: a part without one is one block
  const lineBreak = text.indexOf('\n', from);
  if (lineBreak >= 0 && lineBreak < to) {
    for (const m of text.slice(from, to).matchAll(BLOCK_BREAK)) {
      push(start, from + m.index!);
      start = from + m.index! + m[0].length;
    }
  }
  push(start, to);
  return out;
}

/**
 * The tokens of text[start, end) made from the tagger's runs, when the sentence is whole runs the
 * tagger read as written (from the run `first` on): each distinct run's words are split once and
 * kept on it, so a word costs no second look-up. Undefined when a run crosses the sentence's edge
 * (a sentence end with no space after it: "done.Then") or the tagger hid an over-long run.
 * (Within a sentence runs are apart: the tagger's pieces, which may cut a run, start sentences.)
 */
function tokensOfRuns(text: string, tagged: TaggedText, first: number, start: number, end: number): Token[] | undefined {
  const { runStarts, runs } = tagged;
  if (first >= runs.length || runStarts[first] !== start) return undefined;
  let last = first;
  while (last + 1 < runs.length && runStarts[last + 1] < end) last++;
  if (runStarts[last] + runs[last].length !== end) return undefined;
  const tokens: Token[] = [];
  for (let k = first; k <= last; k++) {
    const r = runs[k];
    const at = runStarts[k];
    pushRunTokens(tokens, (r.words ??= runWords(text, at, at + r.length)), at);
  }
  return tokens;
}

const CLITIC_SUBJECT = /^(i|we|you|he|she|it|they)'(m|re|s|ve|d|ll)$/;

/** Puts the tagger's part of speech and dictionary form on each token, matched by offsets. */
function align(tokens: Token[], tagged: TaggedText, from: number): number {
  const { starts, ends } = tagged;
  const words = starts.length;
  let w = from;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (w < words && ends[w] <= t.start) w++;
    if (t.norm.indexOf("'") > 0 && CLITIC_SUBJECT.test(t.norm)) {
      // the tagger reads "I'm" whole, as a name
      t.pos = 'PRON';
      t.lemma = t.norm; // not "i": "I've worked" must not match a phrase "I worked"
    } else if (w < words && starts[w] < t.end) {
      t.pos = tagged.pos[w];
      // a token the tagger split ("didn't" → "did" + "n't") keeps its own form
      t.lemma = starts[w] === t.start && ends[w] === t.end ? tagged.lemmas[w] : t.norm;
    } else {
      t.pos = 'X';
      t.lemma = t.norm;
    }
    if (t.norm === 'may' && isMonthMay(tokens, i)) t.pos = 'PROPN';
    // "So I baked it": an -ed word straight after a subject pronoun is its past verb, whatever the
    // tagger guessed ("I was tired" has the verb between)
    else if (t.pos === 'ADJ' && i > 0 && SUBJECT_PRONOUN.has(tokens[i - 1].norm) && hasPastSpelling(t.norm)) t.pos = 'VERB';
    // "our policy states that …": a noun's -s form of a verb of stating, after a noun and before
    // "that", is the verb (the tagger reads "policy states" as a compound)
    else if (t.pos === 'NOUN' && i > 0 && tokens[i - 1].pos === 'NOUN' && tokens[i + 1]?.norm === 'that' && t.norm.endsWith('s') && STATING.has(t.lemma)) t.pos = 'VERB';
    // "sometimes people surprise me": the tagger's verb "people" (and "customers") is the noun, as it all but always is
    else if (t.pos === 'VERB' && NEVER_VERBS.has(t.norm)) t.pos = 'NOUN';
  }
  return w;
}

const SUBJECT_PRONOUN = new Set(['i', 'we', 'he', 'she', 'they']);
/** Nouns for people the tagger sometimes reads as verbs after an adverb: none is ever a verb in an answer. */
const NEVER_VERBS = new Set(['people', 'customer', 'customers', 'client', 'clients', 'guests', 'patients']);

/** Words before a month: "last May", "in May", "early May". */
const BEFORE_MONTH = new Set(['last', 'next', 'in', 'of', 'early', 'late', 'mid', 'since', 'until', 'by', 'every', 'through', 'during']);

/** "Last May a customer called", "on May 5": the month, which the tagger reads as the modal. */
function isMonthMay(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]?.norm;
  const next = tokens[i + 1]?.norm;
  return (prev !== undefined && BEFORE_MONTH.has(prev)) || (next !== undefined && isDigitCode(next.charCodeAt(0)));
}

const NO_MARKS = 0;
const PAIRED = 1;
const UNPAIRED = 2;

/**
 * The quotation marks of a block, read in one pass: NO_MARKS; PAIRED, when no quotation is open at
 * its end (as quoteStateAfter reads "…" and “…”) and there are as many “ as ”; else UNPAIRED.
 */
function quoteMarksOf(text: string, from: number, to: number): number {
  let any = false;
  let open = false;
  let balance = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) open = !open;
    else if (c === 0x201c) {
      open = true;
      balance++;
    } else if (c === 0x201d) {
      open = false;
      balance--;
    } else continue;
    any = true;
  }
  return !any ? NO_MARKS : !open && balance === 0 ? PAIRED : UNPAIRED;
}

// A line of dialogue opens with who says it: "Me: I sold it!", "The customer: "Your driver isn't
// here!"", "Manager: *walks over* "Yes, sir?"", "Joseph: "I'll see you through this."".
const DIALOGUE_LABEL = /^[*_]{0,2}(?:(the|a|an|my|our|this|that|his|her|their|one|another|other) +)?(?:([a-z][a-z'-]*) +)?([a-z][a-z'-]*)[*_]{0,2}[ \t]*:(?!\/\/)[ \t]*([^ \t])?/i;
/**
 * Labels of a piece of a document, not a person: "Note: "…"". The parts of an answer ("Result:
 * "Thank you," she said.") are the rubric's headings, which the caller knows (`isPartLabel`).
 */
const DOCUMENT_LABELS = new Set(['answer', 'question', 'note', 'notes', 'tip', 'example', 'summary', 'lesson', 'quote', 'update']);
const QUOTE_MARKS = /["\u201c\u201d]/;

/**
 * Who says the line of dialogue text[from, to) is, by its label: "Me:" the speaker; a person named
 * by a pronoun or a noun for people ("The customer:", "Manager:", "Him:"), or by a name before
 * their quoted words ("Marco: "…""), someone else; undefined when the line has no such label.
 */
function dialogueLabel(text: string, from: number, to: number, isPartLabel: (label: string) => boolean): 'speaker' | 'other' | undefined {
  const m = DIALOGUE_LABEL.exec(text.slice(from, Math.min(to, from + 48)));
  if (!m || m[4] === undefined) return undefined;
  const [, det, adjective, head, after] = m;
  const word = head.toLowerCase();
  if (!det && !adjective && (word === 'me' || word === 'myself')) return 'speaker';
  if (!det && !adjective && /^(him|her|he|she|them|they)$/.test(word)) return 'other';
  const singular = word.endsWith('s') && PEOPLE_NOUNS.has(word.slice(0, -1)) ? word.slice(0, -1) : word;
  if (PEOPLE_NOUNS.has(singular) || singular === 'coworker' || singular === 'co-worker') return 'other';
  // a name: one capitalised word before quoted words or a stage direction ("Marco: *sighs* "Fine."")
  if (!det && !adjective && head.length > 1 && /^[A-Z]/.test(head) && (QUOTE_MARKS.test(after) || after === '*') && !DOCUMENT_LABELS.has(word) && !isPartLabel(head)) return 'other';
  return undefined;
}

/** Brackets left open in the sentence being cut, read up to `to`: each character is read once. */
interface Brackets {
  open: number;
  to: number;
}

/**
 * Whether the tagger's sentence end before text[at] falls in a bracketed aside that the sentence
 * goes on after: "someone called us (!) within a couple of hours", "those of us in customer
 * service (and who isn't?) could use …", "(again, on a Saturday!!), apologized". A sentence never
 * opens on a closing bracket, nor on a lower-case word after a bracket left open or an
 * exclamation in brackets. `b` counts the brackets of the sentence being cut; the caller resets it at a cut.
 */
function asideGoesOn(text: string, at: number, b: Brackets): boolean {
  for (; b.to < at; b.to++) {
    const x = text.charCodeAt(b.to);
    if (x === 40) b.open++;
    else if (x === 41 && b.open > 0) b.open--;
  }
  let k = at;
  while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  if (c === 41 || c === 93) return true; // ) ]
  if (!(c >= 97 && c <= 122)) return false; // only a lower-case word goes on
  let e = at;
  while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  const closesExclamation = text.charCodeAt(e - 1) === 41 && (text.charCodeAt(e - 2) === 33 || text.charCodeAt(e - 2) === 63); // !) ?)
  return closesExclamation || b.open > 0;
}

/** A part's label before a block's words: "Situation:", "- Task:" (a few words and a colon). */
const BLOCK_LABEL = /^[\s*_#>-]*[A-Za-z][A-Za-z ]{0,24}:[ \t]*(?:\r?\n[ \t]*)?/;

/**
 * How a block stands to quotation marks as a whole: its number of words when they (after a part's
 * label) are one quotation of a dozen words or more, opened at its start and closed at its end,
 * with no other double mark inside (""Last year I was responsible for …""); 0 for a bare label
 * ("Situation:"); -1 otherwise.
 */
function wholeQuote(text: string, a: number, b: number, isPartLabel: (label: string) => boolean): number {
  const label = BLOCK_LABEL.exec(text.slice(a, Math.min(b, a + 48)));
  // a person's name before the quote is a line of dialogue ("Customer: "…""); a part's label
  // ("Task: "…"") presents the part, whatever its length
  const part = label !== null && isPartLabel(label[0].replace(/[\s*_#>:-]+/g, ' ').trim());
  if (label && !part) return -1;
  let i = a + (label ? label[0].length : 0);
  let e = b;
  while (i < e && isSpaceCode(text.charCodeAt(i))) i++;
  while (e > i && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (i === e) return label ? 0 : -1;
  const open = text.charCodeAt(i);
  const close = text.charCodeAt(e - 1);
  if (e - i < 3 || !(open === 34 || open === 0x201c) || !(close === 34 || close === 0x201d)) return -1;
  let words = 1;
  for (let k = i + 1; k < e - 1; k++) {
    const c = text.charCodeAt(k);
    if (c === 34 || c === 0x201c || c === 0x201d) return -1;
    if (c === 32 && text.charCodeAt(k - 1) !== 32) words++;
  }
  // (a line of dialogue is short: "Can I help you?" stays someone's words)
  return words >= (part ? 3 : QUOTED_BLOCK_WORDS) ? words : -1;
}
/** The fewest words of a block, and of the whole answer, that a sample answer in quotation marks has. */
const QUOTED_BLOCK_WORDS = 12;
const DOUBLE_MARKS = /["\u201c\u201d]/g;
const QUOTED_ANSWER_WORDS = 40;

/**
 * Whether the answer's words are all in quotation marks, block by block, as a sample answer is
 * often printed: the marks present the answer, they quote no one in it. A story with dialogue has
 * some words outside its quotes. (Each block is read once.)
 */
function quotedAsAWhole(text: string, blocks: readonly (readonly [number, number][])[], isPartLabel: (label: string) => boolean): boolean {
  // (the blocks are the ones readText reads next; most answers are settled by their first)
  let quoted = 0;
  for (const range of blocks) {
    for (const [a, b] of range) {
      const q = wholeQuote(text, a, b, isPartLabel);
      if (q < 0) return false;
      quoted += q;
    }
  }
  return quoted >= QUOTED_ANSWER_WORDS;
}

/**
 * Reads the text's ranges (an answer's sections) into sentences with their facts. `isPartLabel`
 * tells a label that names a part of the answer ("Result:") from a speaker's name ("Marco:"). Sentences never
 * cross a range, a paragraph or a list item.
 */
export function readText(text: string, ranges: readonly [number, number][], isPartLabel: (label: string) => boolean = () => false): SentenceFacts[] {
  const sentences: SentenceFacts[] = [];
  // an answer printed in quotation marks is read as its own words
  const blocks = ranges.map(([from, to]) => blocksOf(text, from, to));
  const presented = quotedAsAWhole(text, blocks, isPartLabel);
  for (let r = 0; r < ranges.length; r++) {
    const [from, to] = ranges[r];
    // the tagger reads the whole range at once (a call has a cost of its own); its sentences are then
    // cut where a block starts, and every character of a block belongs to a sentence, also what
    // the tagger did not see (over-long runs)
    const tagged = tagText(text, from, to);
    let w = 0;
    let next = 0;
    let run = 0;
    for (const [a, b] of blocks[r]) {
      // a quotation may run over several sentences of a block; its state carries over only where the
      // block's marks pair up, so one stray mark (5'11") cannot make the rest of the block a quote
      // (a block with no marks at all is never in a quote: no sentence of it is read for them)
      const marks = presented ? NO_MARKS : quoteMarksOf(text, a, b);
      // a labelled line of dialogue is someone's words, in quotation marks or not ("Man: Is this fresh?")
      const dialogueBy = dialogueLabel(text, a, b, isPartLabel);
      const unmarked = dialogueBy !== undefined && marks === NO_MARKS;
      let inQuote = false;
      let quotedTo = a;
      const cuts = [a];
      const brackets: Brackets = { open: 0, to: a };
      while (next < tagged.sentences.length && tagged.sentences[next][0] < b) {
        const at = tagged.sentences[next][0];
        if (at > a && !asideGoesOn(text, at, brackets)) {
          cuts.push(at);
          brackets.open = 0;
        }
        next++;
      }
      for (let k = 0; k < cuts.length; k++) {
        const rawStart = cuts[k];
        const rawEnd = cuts[k + 1] ?? b;
        let start = rawStart;
        let end = rawEnd;
        while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
        while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
        const slice = text.slice(start, end);
        // (the runs are in order, as the sentences are: the first not before this one is looked for from the last)
        while (run < tagged.runStarts.length && tagged.runStarts[run] < start) run++;
        const tokens = tokensOfRuns(text, tagged, run, start, end) ?? tokenize(slice, start);
        if (!tokens.length) continue;
        w = align(tokens, tagged, w);
        if (marks === PAIRED) inQuote = quoteStateAfter(text, quotedTo, start, inQuote);
        quotedTo = start;
        // (the marks of an answer printed in quotes are read as spaces: they quote no one)
        const clauses = readClauses(tokens, presented ? slice.replace(DOUBLE_MARKS, ' ') : slice, start, inQuote);
        if (unmarked) for (const c of clauses) c.quoted = true;
        sentences.push({ start, end, text: slice, tokens, clauses, numbers: readNumbers(tokens, slice, start), inQuote, dialogueBy });
      }
    }
  }
  return sentences;
}
