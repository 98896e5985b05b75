import { isSpaceCode } from '../text/chars.js';
import { hasPastSpelling, isIngForm } from '../text/english.js';
import { anyWordIn, FACT_AUX, FACT_BE, WordClass, wordFact, type Token } from '../text/tokens.js';
import type { Actor, Clause, Mode } from './types.js';
import {
  BE, CAUSATIVE, OBJECT_INFINITIVE, CLAUSE_JOINERS, DUTY_NOUNS, ORG_NOUNS, CONDITIONS, COORDINATORS, DO, FREQUENCY, FUTURE_MODALS, HAVE, HYPOTHETICAL_MODALS, MODALS, NEGATIVE_SUBJECTS,
  NEGATORS, OTHER_SUBJECTS, PAST_BE, PAST_DO, PAST_HAVE, REPORTING, SAYING, SPEAKER, SPEAKER_OBJECT, TEAM, TEAM_NOUNS, TEAM_OBJECT,
} from './words.js';

// Reads a sentence's clauses from its tagged tokens: each finite verb group (auxiliaries and a
// main verb) with its subject, tense and mood, and the non-finite verbs under it ("wanted to
// help", "let him explain") with whoever does them.

/** A subject pronoun with an auxiliary attached ("I'd", "she's"): the clitic and what it stands for. */
const CLITIC = /^(i|we|you|he|she|it|they|that|there|who|what|here)('d|'ll|'ve|'m|'re|'s)$/;
/** Past forms spelled like the present ("I let them talk"): tense comes from the rest of the sentence. */
const SAME_FORM = new Set('let put set read cut hit quit shut hurt cost spread bet cast burst'.split(' '));
/** Words that may stand between an auxiliary and its verb ("had already called", "did not really"). */
const isBetween = (t: Token) => (t.pos === 'ADV' || t.pos === 'PART' || NEGATORS.has(t.norm)) && t.norm !== 'to';

/** Negated and other auxiliaries the tagger may read as verbs. */
const AUX_FORMS = new Set("did didn't does doesn't don't won't can't wouldn't couldn't shouldn't wasn't weren't isn't aren't hasn't haven't hadn't".split(' '));
const auxWord = (w: string) => MODALS.has(w) || AUX_FORMS.has(w);
const beWord = (w: string) => BE.has(w);
// (the word lists are looked up once per distinct word: isAux runs for every token, several times)
// a name is no auxiliary ("last May": see isMonthMay)
const isAux = (t: Token) => t.pos !== 'PROPN' && (t.pos === 'AUX' || wordFact(t, FACT_AUX, auxWord) || (t.pos !== 'VERB' && wordFact(t, FACT_BE, beWord)));
const isVerb = (t: Token) => t.pos === 'VERB';
const ARTICLES = new Set(['a', 'an', 'the']);

/** The verb's dictionary form: wink's lemma, or the word itself. */
const lemmaOf = (t: Token) => (t.lemma ?? t.norm).toLowerCase();

/**
 * The word in American spelling when its dictionary form is spelt so: the model's lemma of
 * "apologise" is "apologize", and the word is then its dictionary form, not an inflection of it.
 */
function spelledAsLemma(t: Token, lemma: string): string {
  const w = t.norm;
  if (w === lemma || !(lemma.includes('iz') || lemma.includes('yz'))) return w;
  return w.replace(/([a-z]{2})is(e|es|ed|ing)$/, '$1iz$2').replace(/([a-z]{2})ys(e|es|ed|ing)$/, '$1yz$2');
}

/** Whether the word is its verb's dictionary form ("call", "apologise"), not "called" or "calls". */
export const isBaseForm = (t: Token): boolean => {
  const lemma = lemmaOf(t);
  return spelledAsLemma(t, lemma) === lemma;
};

/** A past form: not the dictionary form, not an -ing or a third-person -s ("called", "went", "bought"). */
export function isPastForm(t: Token): boolean {
  const lemma = lemmaOf(t);
  const w = spelledAsLemma(t, lemma);
  // a verb the model does not know keeps its own form as lemma ("rebooked"): its -ed still says past ("need", "exceed" do not)
  if (w === lemma) return t.pos === 'VERB' && hasPastSpelling(w);
  if (w.endsWith('ing')) return false;
  if (w === `${lemma}s` || w === `${lemma}es` || (lemma.endsWith('y') && w === `${lemma.slice(0, -1)}ies`)) return false;
  return true;
}

// (a verb whose own form ends so is no gerund: "I bring", "we string the lights")
const isIng = (t: Token) => t.norm.length > 4 && isIngForm(t.norm);

/** Text between two tokens holds clause punctuation: , ; : ( ) — or a quotation mark. */
export const CLAUSE_PUNCT = /[,;:()[\]\u2013\u2014"“”!?]|\s-\s/;

/** CLAUSE_PUNCT.test(text.slice(from, to)), by character code and without the slice. */
export function clausePunctIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 91 || c === 93 || c === 0x2013 || c === 0x2014 || c === 34 || c === 0x201c || c === 0x201d || c === 33 || c === 63) return true;
    if (c === 45 && i > from && i + 1 < to && isSpaceCode(text.charCodeAt(i - 1)) && isSpaceCode(text.charCodeAt(i + 1))) return true;
  }
  return false;
}


/** tokens[from, to).every((t) => words.has(t.norm)), without a slice or a list of words. */
function allIn(tokens: readonly Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k < to && k < tokens.length; k++) if (!words.has(tokens[k].norm)) return false;
  return true;
}

/** Whether any auxiliary of a group is one of the words. */
function anyAux(aux: readonly string[], words: ReadonlySet<string>): boolean {
  for (let k = 0; k < aux.length; k++) if (words.has(aux[k])) return true;
  return false;
}

/** A subject clitic needs an apostrophe: most words are dismissed by one test before the pattern. */
const hasApostrophe = (w: string) => w.indexOf("'") >= 0;

interface Group {
  first: number;
  /** One past the last token of the group. */
  end: number;
  aux: string[];
  head: number;
  /** The subject is a clitic inside the group's first token ("I'd"). */
  cliticSubject: boolean;
  negated: boolean;
  finite: boolean;
  kind: 'finite' | 'infinitive' | 'gerund' | 'complement';
}

/** Whether a character code is a double quotation mark: " “ ”. */
const isQuoteMark = (c: number) => c === 34 || c === 0x201c || c === 0x201d;

/** The quotation state after the marks in text[from, to), from state `open`. */
export function quoteStateAfter(text: string, from: number, to: number, open: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isQuoteMark(c)) open = c === 0x201c ? true : c === 0x201d ? false : !open;
  }
  return open;
}

// Facts of the gaps between a sentence's tokens, for the readClauses call under way (it never
// starts inside another): scratch lists grown to the longest sentence, where each sentence had two
// lists of its own. Only the first tokens.length entries are read.
/** 1 where clause punctuation stands between token k and the token before. */
let punctScratch = new Uint8Array(64);
/** 1 where token k stands inside "…" or “…”. */
let quotedScratch = new Uint8Array(64);

/**
 * Reads the gaps before each token once: whether clause punctuation stands between it and the
 * token before (clausePunctIn), and its quotation state (quoteStateAfter from the sentence's
 * start; `open` when a quote opened in an earlier sentence is still open). Most gaps are one space.
 */
function readGaps(tokens: readonly Token[], text: string, base: number, open: boolean): void {
  const n = tokens.length;
  if (punctScratch.length < n) {
    punctScratch = new Uint8Array(Math.max(n, punctScratch.length * 2));
    quotedScratch = new Uint8Array(punctScratch.length);
  }
  let at = 0;
  for (let k = 0; k < n; k++) {
    const to = tokens[k].start - base;
    if (to === at + 1 && text.charCodeAt(at) === 32) punctScratch[k] = 0;
    else {
      punctScratch[k] = k > 0 && clausePunctIn(text, at, to) ? 1 : 0;
      open = quoteStateAfter(text, at, to, open);
    }
    quotedScratch[k] = open ? 1 : 0;
    at = tokens[k].end - base;
  }
}

/** Whether the sentence asks: /\?["”'’)\s]*$/, by code from its end. */
function endsWithQuestion(text: string): boolean {
  let i = text.length - 1;
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (!(c === 34 || c === 0x201d || c === 39 || c === 0x2019 || c === 41 || isSpaceCode(c))) break;
  }
  return i >= 0 && text.charCodeAt(i) === 63;
}

function verbGroups(tokens: readonly Token[], punctBefore: (k: number) => boolean): Group[] {
  const groups: Group[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    const clitic = hasApostrophe(t.norm) ? CLITIC.exec(t.norm) : null;
    // (a verb's form after an article is a noun: "a follow-up", "the check-in", "a walk-through")
    if ((!clitic && !isAux(t) && !isVerb(t)) || (isVerb(t) && i > 0 && ARTICLES.has(tokens[i - 1].norm))) {
      i++;
      continue;
    }
    const g: Group = { first: i, end: i + 1, aux: [], head: -1, cliticSubject: Boolean(clitic), negated: false, finite: true, kind: 'finite' };
    if (clitic) g.aux.push(clitic[2]);
    else if (isAux(t)) {
      g.aux.push(t.norm);
      if (t.norm.endsWith("n't") || t.norm === 'cannot') g.negated = true;
    } else g.head = i;
    let j = i + 1;
    while (g.head < 0 && j < tokens.length && !punctBefore(j)) {
      const u = tokens[j];
      if (isAux(u) && !isVerb(u)) {
        g.aux.push(u.norm);
        if (u.norm.endsWith("n't")) g.negated = true;
        j++;
        continue;
      }
      if (isVerb(u)) {
        g.head = j;
        j++;
        break;
      }
      // "had already called", "did not really mean": at most three words between
      if (isBetween(u) && j - i <= 4 && j + 1 < tokens.length) {
        if (NEGATORS.has(u.norm)) g.negated = true;
        j++;
        continue;
      }
      break;
    }
    // "I was upset", "she did": no other verb, so the last auxiliary is the verb
    if (g.head < 0) {
      if (!g.aux.length) {
        i = j;
        continue;
      }
      g.head = clitic && g.aux.length === 1 ? -1 : lastAuxIndex(tokens, i, j);
    }
    g.end = Math.max(j, g.head + 1);
    // "they got thrown away", "my order gets lost": a passive made with "get", whose verb is the participle
    const after = tokens[g.end];
    if (g.head >= 0 && GET_FORMS.has(tokens[g.head].norm) && after?.pos === 'VERB' && isPastForm(after) && !punctBefore(g.end)) {
      g.aux.push(tokens[g.head].norm);
      g.head = g.end;
      g.end++;
    }
    groups.push(g);
    i = g.end;
  }
  return groups;
}

function lastAuxIndex(tokens: readonly Token[], from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (isAux(tokens[k]) || (hasApostrophe(tokens[k].norm) && CLITIC.test(tokens[k].norm))) return k;
  return from;
}

/** Verbs of being and having: a clause of them ("so every voicemail had a name") hands its subject to no listed verb. */
const STATES = new Set(['be', 'have', 'seem', 'appear', 'remain', 'know', 'want', 'need', 'feel', 'look', 'sound', 'become']);
const PARTICIPLE_TAKERS = new Set(['keep', 'leave', 'find', 'get', 'have', 'want', 'need', 'see', 'hear', 'like', 'make']);

/** Whether clause punctuation stands before any of tokens [from, to]. */
function punctuatedBetween(punctBefore: (k: number) => boolean, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (punctBefore(k)) return true;
  return false;
}

/** Whether the group is a finite verb, or an infinitive, a gerund or the complement of "let him …". */
function classify(g: Group, tokens: readonly Token[], prev: Group | undefined, punctBefore: (k: number) => boolean): void {
  const before = tokens[g.first - 1];
  if (before?.norm === 'to' && !g.cliticSubject) {
    g.finite = false;
    g.kind = 'infinitive';
    return;
  }
  if (!g.aux.length && g.head >= 0 && isIng(tokens[g.head])) {
    g.finite = false;
    g.kind = 'gerund';
    return;
  }
  // "leave upset", "went shopping": a second verb straight after the first is its complement
  if (!g.aux.length && prev && g.first === prev.end && !g.cliticSubject && !punctuatedBetween(punctBefore, g.first, g.first)) {
    g.finite = false;
    g.kind = 'complement';
    return;
  }
  // "let him explain", "made me wait", "helped her find": a bare verb after a causative and its object
  if (!g.aux.length && prev && prev.head >= 0 && CAUSATIVE.has(lemmaOf(tokens[prev.head])) && g.first - prev.end <= 3 && g.first > prev.end && !punctuatedBetween(punctBefore, prev.end, g.first)) {
    const between = tokens.slice(prev.end, g.first);
    // "keeping customers satisfied", "had it fixed", "found the box opened": a participle after the object
    const participle = PARTICIPLE_TAKERS.has(lemmaOf(tokens[prev.head])) && isPastForm(tokens[g.head]);
    if (between.every((x) => x.pos === 'PRON' || x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'DET' || x.pos === 'ADJ') && (isBaseForm(tokens[g.head]) || participle)) {
      g.finite = false;
      g.kind = 'complement';
    }
  }
}

/** Who a subject word (or the noun phrase it heads) is. */
function actorOf(tokens: readonly Token[], k: number): Actor {
  const w = tokens[k].norm;
  if (SPEAKER.has(w) || w.startsWith("i'")) return 'speaker';
  if (TEAM.has(w) || w.startsWith("we'")) return 'team';
  if (SPEAKER_OBJECT.has(w)) return 'speaker';
  if (TEAM_OBJECT.has(w)) return 'team';
  // "my job was to …", "our goal was to …": the aim is the speaker's
  if (DUTY_NOUNS.has(w) && (tokens[k - 1]?.norm === 'my' || tokens[k - 1]?.norm === 'our')) return tokens[k - 1].norm === 'my' ? 'speaker' : 'team';
  if (ORG_NOUNS.has(w) && tokens[k - 1]?.norm === 'our') return 'team';
  if (TEAM_NOUNS.has(w) || TEAM_NOUNS.has(lemmaOf(tokens[k]))) {
    // "my team", "our staff", "the team"
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const d = tokens[j].norm;
      if (d === 'my' || d === 'our' || d === 'the') return 'team';
    }
  }
  return 'other';
}

const RELATIVE = new Set(['who', 'that', 'which']);
/** Frequency adverbs that make a habit ("never" and "ever" do not). */
const HABITUAL_FREQUENCY = new WordClass([...FREQUENCY].filter((w) => w !== 'never' && w !== 'ever'));
/** Words that may open a main clause whose subject later verbs share ("…, and then I …"); "so", "because", "when" do not. */
const MAIN_JOINERS = new Set(['and', 'but', 'then', 'or', 'yet', 'also', 'first', 'next', 'finally', 'later', 'afterwards', 'now']);
/** Words that open a clause under another: its subject is not carried to the next verb. */
const SUBORDINATORS = new WordClass(['until', 'till', 'because', 'when', 'while', 'if', 'unless', 'although', 'though', 'that', 'which', 'who', 'since', 'before', 'after', 'as', 'once', 'whenever', 'whereas', 'what', 'how', 'why', 'where', 'whether']);
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them', 'it', 'you']);
/** Words that open a "that …" or "how …" clause under another. */
const COMPLEMENTIZERS = new WordClass(['that', 'how', 'what', 'why', 'where', 'whether', 'which', 'who']);
const SO = new WordClass(['so']);
// (the shared lists this reader asks of token after token, as classes: a bit on each word's lexeme)
const COORDINATOR = new WordClass(COORDINATORS);
const NEGATOR = new WordClass(NEGATORS);
const CLAUSE_JOINER = new WordClass(CLAUSE_JOINERS);
const CONDITION = new WordClass(CONDITIONS);

/** Whether every token before k only joins or leads the clause (an adverb, a conjunction, "and then"). */
function onlyJoinersBefore(tokens: readonly Token[], k: number): boolean {
  for (let j = 0; j < k; j++) {
    const t = tokens[j];
    if (!(t.pos === 'ADV' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || CLAUSE_JOINERS.has(t.norm))) return false;
  }
  return true;
}

/** Whether a gap between two tokens is a dash (–, —, or a hyphen with spaces). */
const isDash = (gap: string): boolean => /[\u2013\u2014]|\s-\s/.test(gap);

/** How far back the dash that opens an aside is looked for: an aside is a few words. */
const ASIDE_REACH = 12;

/**
 * The noun or pronoun before the dash that opens the aside which ends at token k, or -1: "the
 * company – which … – refused". Read back at most ASIDE_REACH tokens.
 */
function beforeAside(tokens: readonly Token[], k: number, gapBefore: (k: number) => string): number {
  for (let j = k - 1; j > 0 && j >= k - ASIDE_REACH; j--) {
    if (!isDash(gapBefore(j))) continue;
    const t = tokens[j - 1];
    return t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'PRON' && !OBJECT_PRONOUNS.has(t.norm)) ? j - 1 : -1;
  }
  return -1;
}

/**
 * The subject of a finite group: the nearest noun or pronoun before it in its clause, or the
 * subject it shares with the clause before ("I called and apologised"). -2 when the verb opens the
 * sentence with nothing before it (a note or an instruction); -1 when none is found.
 */
function subjectOf(g: Group, tokens: readonly Token[], punctBefore: (k: number) => boolean): number {
  if (g.cliticSubject) return g.first;
  let k = g.first - 1;
  let skipped = 0;
  while (k >= 0 && (tokens[k].pos === 'ADV' || FREQUENCY.has(tokens[k].norm)) && skipped < 3 && !punctBefore(k + 1)) {
    k--;
    skipped++;
  }
  if (k < 0) return -2;
  // "Called the branch, found the stock": a noun across a comma is not the subject
  if (punctBefore(k + 1)) return -1;
  const t = tokens[k];
  if (t.pos === 'PRON' && !OBJECT_PRONOUNS.has(t.norm)) return k;
  if (t.pos === 'PRON' && t.norm === 'you') return k;
  if (t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'NUM' && k > 0)) return k;
  if (OTHER_SUBJECTS.has(t.norm) || SPEAKER.has(t.norm) || TEAM.has(t.norm)) return k;
  return -1;
}

const CONTRACTED_BE = new Set(["'m", "'re", "'s"]);
/** Forms of "get" that make a passive before a participle ("got lost"); "got" and "gotten" tell when, as "was" does. */
const GET_FORMS = new Set(['get', 'gets', 'got', 'gotten', 'getting']);
const PAST_GET = new Set(['got', 'gotten']);

/** The mode of a finite group from its auxiliaries and verb. */
/** Verbs whose past participle is their own form: "has come", "had become", "have run". */
const BASE_PARTICIPLES = new Set(['come', 'become', 'overcome', 'run', 'rerun', 'outrun']);

function modeOf(g: Group, tokens: readonly Token[]): Mode {
  const head = g.head >= 0 ? tokens[g.head] : undefined;
  const aux = g.aux;
  const verbIsPast = head !== undefined && head.pos === 'VERB' && isPastForm(head);
  for (const a of aux) {
    if (a === "'d" || a === 'd') {
      // "I'd called", "I'd been told" is "I had …"; "I'd call", "I'd have been" is "I would …"
      if ((verbIsPast && aux.length === 1) || (aux.includes('been') && !aux.includes('have'))) return 'background';
      return 'modal';
    }
    if (HYPOTHETICAL_MODALS.has(a)) return 'modal';
    if (FUTURE_MODALS.has(a)) return 'future';
    if (MODALS.has(a)) return 'present'; // can, must: ability or duty now
  }
  // no verb but the auxiliary: "I was upset", "I had to call", "she did"
  if (!head || head.pos !== 'VERB') {
    const last = head?.norm ?? aux[aux.length - 1] ?? '';
    if (last === 'been' && anyAux(aux, PAST_HAVE)) return 'background';
    if (last === 'been') return 'ongoing';
    // (a past "do" before it is the tense: "I didn't have a car", "did she have one?")
    return PAST_BE.has(last) || PAST_HAVE.has(last) || PAST_DO.has(last) || anyAux(aux, PAST_DO) ? 'narrated' : head || aux.length ? 'present' : 'none';
  }
  // a passive with "get": its tense is the auxiliary's ("it got lost", "it gets lost", "it had got lost")
  const getAux = aux.find((a) => GET_FORMS.has(a));
  if (getAux !== undefined && aux.length === 1) return PAST_GET.has(getAux) ? 'narrated' : 'present';
  // (a participle spelt as the verb's own form is one after "have": "he has come back three times since")
  const participle = verbIsPast || aux.includes('been') || BASE_PARTICIPLES.has(head.norm);
  if (anyAux(aux, PAST_HAVE) && participle) return 'background';
  if (anyAux(aux, HAVE) && participle) return 'ongoing';
  if (anyAux(aux, PAST_BE) || anyAux(aux, PAST_DO)) return 'narrated';
  if (anyAux(aux, BE) || anyAux(aux, DO) || anyAux(aux, CONTRACTED_BE)) {
    // "I'm going to call": a plan
    if (head && head.norm === 'going' && tokens[g.head + 1]?.norm === 'to') return 'future';
    return 'present';
  }
  if (head.norm === 'used' && tokens[g.head + 1]?.norm === 'to') return 'habit';
  if (SAME_FORM.has(head.norm)) return 'narrated'; // settled against the sentence below
  return verbIsPast ? 'narrated' : 'present';
}

/**
 * Whether the gerund at `k` follows a preposition that opens its clause: at the start of the
 * sentence or after clause punctuation, with at most two joining words before it ("so instead of",
 * "and after"). "I called instead of waiting" is not fronted: the gerund is the caller's.
 */
function frontedAdverbial(tokens: readonly Token[], k: number, punctBefore: (k: number) => boolean): boolean {
  let j = gerundLead(tokens, k, punctBefore);
  if (j < 0) return false;
  for (let joiners = 0; ; joiners++) {
    if (j === 0 || punctBefore(j)) return true;
    const before = tokens[j - 1];
    if (joiners >= 3 || !(before.pos === 'ADV' || before.pos === 'CCONJ' || CLAUSE_JOINERS.has(before.norm))) return false;
    j--;
  }
}

/** The preposition that leads the gerund at `k` ("by listening"; an adverb may stand between: "By actively listening"), or -1. */
function gerundLead(tokens: readonly Token[], k: number, punctBefore: (k: number) => boolean): number {
  let j = k - 1;
  if (tokens[j]?.pos === 'ADV' && !punctBefore(k)) j--;
  return tokens[j]?.pos === 'ADP' ? j : -1;
}

/**
 * Whether a subject noun is quantified to nothing: "no patient", "not one customer", "not a single
 * complaint", "no other guest" (the words before it, back to its quantifier).
 */
function negatedNoun(tokens: readonly Token[], k: number): boolean {
  // (no index below 0 is read: most subjects open their sentence, and a negative index is a slow look-up by name)
  let j = k - 1;
  if (j < 0) return false;
  if ((tokens[j].pos === 'ADJ' && tokens[j].norm !== 'single') || tokens[j].norm === 'other') j--;
  const w = j >= 0 ? tokens[j].norm : undefined;
  if (w === 'no') return true;
  if (w === 'single' && j >= 1 && tokens[j - 1].norm === 'a') j -= 2;
  else if (w === 'one') j--;
  else return false;
  return j >= 0 && tokens[j].norm === 'not';
}

/** Verbs an "if" after which means "whether": "asked if I could", "checked if it had arrived". */
const WHETHER_VERBS = new Set(['ask', 'check', 'see', 'wonder', 'know', 'tell', 'decide', 'remember', 'doubt', 'confirm', 'verify', 'inquire', 'enquire', 'care', 'determine', 'test', 'find', 'figure', 'question', 'say', 'mind', 'look', 'hear', 'learn', 'understand', 'note', 'notice', 'show', 'guess', 'judge', 'discover']);

/** Whether a token is a verb an "if" after means "whether" ("lying if I said" is a condition). */
function isWhetherVerb(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'VERB' && WHETHER_VERBS.has(t.lemma ?? t.norm);
}

/**
 * Reads the clauses of one sentence. `text` is the sentence's text, which starts at offset `base`;
 * `inQuote`: the sentence starts inside a quotation opened before it ("You work there? I couldn't.").
 */
export function readClauses(tokens: readonly Token[], text: string, base: number, inQuote = false): Clause[] {
  const gapBefore = (k: number) => (k <= 0 || k >= tokens.length ? '' : text.slice(tokens[k - 1].end - base, tokens[k].start - base));
  readGaps(tokens, text, base, inQuote);
  const punct = punctScratch;
  const punctBefore = (k: number) => k > 0 && k < tokens.length && punct[k] === 1;
  const quoted = quotedScratch;
  const question = endsWithQuestion(text);
  const groups = verbGroups(tokens, punctBefore);
  const clauses: Clause[] = [];
  let prev: Group | undefined;
  // "Action: Reproduced the bug": a short label and a colon open the sentence
  const labelled = (k: number) => k > 0 && k <= 3 && gapBefore(k).includes(':');
  const punctuated = (from: number, to: number) => {
    for (let k = Math.max(1, from); k <= to; k++) if (punctBefore(k)) return true;
    return false;
  };
  let lastFinite: Clause | undefined;
  let lastMain: Clause | undefined;
  let lastDoer: Clause | undefined;
  let reporting = false;
  let conditional = false;
  /** Whether a condition ("if", "unless") is open, and the first token not yet looked at for the punctuation that closes it. */
  let inCondition = false;
  let conditionScan = 0;
  let lastGroupEnd = 0;
  let antecedent = -1;
  /** Fronted gerunds waiting for the clause they lead ("instead of waiting, I …"). */
  const fronted: number[] = [];
  for (const g of groups) {
    classify(g, tokens, prev, punctBefore);
    prev = g;
    const head = g.head >= 0 ? g.head : g.first;
    if (!g.finite) {
      // who does a non-finite verb: the object of "asked him to wait" / "let him explain", else the clause's subject
      let actor: Actor = lastFinite?.actor ?? 'none';
      const object = tokens[g.first - (g.kind === 'infinitive' ? 2 : 1)];
      // (the object right after the verb: "asked her to wait", not "had to go down to the kitchen to track some down")
      const objectAt = g.first - (g.kind === 'infinitive' ? 2 : 1);
      const nextToVerb = lastFinite !== undefined && lastFinite.verb >= 0 && objectAt - lastFinite.verb <= 3 && objectAt > lastFinite.verb;
      if (object && (g.kind === 'complement' || (g.kind === 'infinitive' && (object.pos === 'PRON' || object.pos === 'NOUN' || object.pos === 'PROPN') && nextToVerb && OBJECT_INFINITIVE.has(lastFinite!.lemma)))) {
        actor = actorOf(tokens, g.first - (g.kind === 'infinitive' ? 2 : 1));
      }
      // "wait for them to calm down": the one after "for" does it
      if (g.kind === 'infinitive' && tokens[g.first - 3]?.norm === 'for' && (object?.pos === 'PRON' || object?.pos === 'NOUN')) actor = actorOf(tokens, g.first - 2);
      // "she thanked me for responding so quickly": the one thanked did the responding
      if (g.kind === 'gerund' && tokens[g.first - 1]?.norm === 'for' && OBJECT_PRONOUNS.has(tokens[g.first - 2]?.norm ?? '')) actor = actorOf(tokens, g.first - 2);
      // "so instead of putting in a ticket, I called", "After talking to him I …": a gerund fronted
      // before its clause is done by that clause's subject, not by the clause before
      // (and the gerunds listed after it: "By listening to them and explaining the policy, I …")
      const listed = g.kind === 'gerund' && COORDINATORS.has(tokens[g.first - 1]?.norm ?? '');
      // (the first gerund of the list may be one the tagger took for a noun: "By building rapport and establishing trust, I …")
      const listOpensFronted = listed && clauses.length === 0 && tokens[0]?.pos === 'ADP' && tokens[1]?.norm.endsWith('ing');
      if (g.kind === 'gerund' && (frontedAdverbial(tokens, g.first, punctBefore) || ((fronted.length > 0 || listOpensFronted) && listed))) fronted.push(clauses.length);
      // the preposition that leads it, or the one of the gerund it is listed after
      const leadAt = g.kind === 'gerund' ? gerundLead(tokens, g.first, punctBefore) : -1;
      const before = clauses[clauses.length - 1];
      const preposition = leadAt >= 0 ? tokens[leadAt].norm : listed && before && !before.finite ? before.lead : '';
      clauses.push({
        first: g.kind === 'infinitive' ? g.first - 1 : g.first, last: tokens.length, subject: -1, actor, verb: head, lemma: lemmaOf(tokens[head]),
        mode: lastFinite?.mode ?? 'none', negated: g.negated, passive: false,
        quoted: quoted[head] === 1, reported: lastFinite?.reported ?? false, conditional: lastFinite?.conditional ?? false, condition: lastFinite?.condition ?? false, question, finite: false, saidBy: -1, lead: preposition,
      });
      continue;
    }
    let subject = subjectOf(g, tokens, punctBefore);
    // "the company – which we have since stopped using – refused to honor it": after an aside
    // between dashes, the subject is the noun before the dash that opened it
    // (the clause still opens after the aside: clauses stay in order)
    const afterAside = subject === -1 && isDash(gapBefore(g.first));
    if (afterAside) subject = beforeAside(tokens, g.first, gapBefore);
    // "sent a replacement set by courier": a verb-like word straight after the object of the verb
    // before, with no comma or joining word, is part of that noun phrase, not a new clause
    if (!g.aux.length && lastFinite && subject >= 0 && tokens[subject].pos === 'NOUN' && subject - lastGroupEnd <= 3 && subject >= lastGroupEnd) {
      let joined = false;
      for (let k = lastGroupEnd; k < g.first && !joined; k++) joined = CLAUSE_JOINER.has(tokens[k]) || tokens[k].pos === 'PRON';
      if (!joined && !punctuated(lastGroupEnd, g.first)) continue;
    }
    // "by express courier": a verb after a preposition, with no subject, is no clause
    if (!g.aux.length && subject === -1 && tokens[g.first - 1]?.pos === 'ADP' && lastFinite && !punctBefore(g.first)) continue;
    let actor: Actor = 'none';
    let mode = modeOf(g, tokens);
    const lead = subject >= 0 && !afterAside ? subject : g.first;
    // the words that open this clause: "and", "so", "if", "because"
    let open = lead;
    while (open > 0 && !punctBefore(open) && (CLAUSE_JOINER.has(tokens[open - 1]) || tokens[open - 1].pos === 'ADV' || tokens[open - 1].pos === 'SCONJ' || tokens[open - 1].pos === 'CCONJ') && lead - open < 3) open--;
    // (read where they stand: a list of their words for every clause was much of this function's allocation)
    const coordinated = anyWordIn(tokens, open, lead, COORDINATOR);
    // "if a customer is upset, I listen": the condition and what follows it in the sentence
    // ("asked if I could", "checked if it had arrived": that "if" is "whether", no condition)
    for (let k = lastGroupEnd; k < g.first; k++) {
      if (CONDITION.has(tokens[k]) && !(tokens[k].norm === 'if' && isWhetherVerb(tokens[k - 1]))) {
        conditional = true;
        inCondition = true;
        conditionScan = k + 1;
      }
    }
    // the condition proper ends at the comma that closes it: "If I had known, I would have called"
    // (each token is looked at once: the scan goes on from where the last clause left it)
    if (inCondition && conditionScan <= lead) {
      if (punctuated(conditionScan, lead)) inCondition = false;
      conditionScan = lead + 1;
    }
    const h = g.head >= 0 ? tokens[g.head] : undefined;
    // "I led the team, cut response times and raised scores": verbs listed after a comma share the subject
    const listed = subject === -1 && punctBefore(g.first) && h?.pos === 'VERB' && !g.aux.length;
    // "the customer who called was upset": the noun before "who" is the subject of "was"
    if (subject === -1 && antecedent >= 0 && !coordinated) subject = antecedent;
    antecedent = subject >= 0 && RELATIVE.has(tokens[subject].norm) && subject > 0 && (tokens[subject - 1].pos === 'NOUN' || tokens[subject - 1].pos === 'PROPN' || tokens[subject - 1].pos === 'PRON') ? subject - 1 : -1;
    if (subject >= 0) actor = actorOf(tokens, RELATIVE.has(tokens[subject].norm) && subject > 0 ? subject - 1 : subject);
    else if (lastFinite && (coordinated || (subject === -1 && tokens[g.first - 1] && COORDINATORS.has(tokens[g.first - 1].norm)) || listed)) {
      // "I called and apologised", "I called the branch, found the stock": the subject carries
      // over from the last main clause ("I called around until one had it, drove over …")
      // — or from the clause just before with a subject of its own and a verb that does something
      // ("because the owner came round the counter, sat me down and said …")
      const from = lastDoer ?? lastMain ?? lastFinite;
      subject = from.subject;
      actor = from.actor;
    } else if (subject === -2 || (subject === -1 && (open === 0 || labelled(g.first) || onlyJoinersBefore(tokens, g.first)))) {
      // a sentence that opens with its verb: a past is the speaker's note ("Called the branch."), a bare verb an instruction
      if (h && h.pos === 'VERB' && !g.aux.length && isPastForm(h)) actor = 'speaker';
      else if (h && h.pos === 'VERB' && g.aux.every((a) => a === "don't" || a === 'do') && isBaseForm(h)) mode = 'imperative'; // "Listen first", "Don't argue"
    } else if (subject === -1 && g.aux.length && g.aux.every((a) => a === "don't") && h?.pos === 'VERB' && isBaseForm(h) && CLAUSE_PUNCT.test(gapBefore(open))) {
      mode = 'imperative'; // "I told her, like, don't worry"
    }
    const negated = g.negated || anyWordIn(tokens, g.first, g.end, NEGATOR) || (subject >= 0 && (NEGATIVE_SUBJECTS.has(tokens[subject].norm) || negatedNoun(tokens, subject)));
    // frequency: "I always listen", "I usually called back"
    const around = anyWordIn(tokens, lead - 1, g.end, HABITUAL_FREQUENCY);
    if (around && (mode === 'present' || mode === 'narrated')) mode = 'habit';
    const passive = (anyAux(g.aux, BE) || anyAux(g.aux, GET_FORMS)) && g.head >= 0 && tokens[g.head].pos === 'VERB' && isPastForm(tokens[g.head]);
    const clause: Clause = {
      first: clauses.length ? open : 0, last: tokens.length, subject: subject >= 0 ? subject : -1, actor, verb: g.head, lemma: g.head >= 0 ? lemmaOf(tokens[g.head]) : '',
      mode, negated, passive, quoted: quoted[head] === 1, reported: reporting && reportedAfter(tokens, lastGroupEnd, lead) && (inCondition || !lastFinite?.condition), conditional, condition: inCondition, question, finite: true, saidBy: -1, lead: '',
    };
    // close the clauses before this one
    for (let c = clauses.length - 1; c >= 0 && clauses[c].last > clause.first; c--) clauses[c].last = Math.max(clauses[c].first + 1, clause.first);
    clauses.push(clause);
    lastFinite = clause;
    if (fronted.length && subject >= 0) {
      for (const k of fronted) {
        clauses[k].actor = actor;
        clauses[k].mode = mode;
      }
      fronted.length = 0;
    }
    // (a step told as it happened: not a state, a plan, a report, a passive or a "that …" / "how …" clause)
    // "the ones she had chosen", "the day he called": a clause straight after a noun, with no
    // word or mark to join it, describes that noun (a relative clause with no "that"): no doer the
    // next verbs continue, and no main clause
    const contact = subject > 0 && subject === open && tokens[subject].pos === 'PRON' && tokens[subject - 1].pos === 'NOUN' && !punctBefore(subject) && !clause.reported;
    const complement = anyWordIn(tokens, lastGroupEnd, lead, COMPLEMENTIZERS);
    if (!contact && subject >= 0 && !SUBORDINATORS.has(tokens[subject]) && clause.mode === 'narrated' && !clause.passive && !clause.reported && !complement && !STATES.has(clause.lemma) && clause.lemma) lastDoer = clause;
    else if (subject >= 0 && !SUBORDINATORS.has(tokens[subject]) && !complement && !clause.reported) lastDoer = undefined;
    // "… what had happened", "so every voicemail had a name": a clause under another (or with a
    // wh-word subject) is no main clause — but one of the speaker's ("so I phoned his doctor") is
    // the narration the next listed verbs continue
    const under = contact || anyWordIn(tokens, lastGroupEnd, lead, SUBORDINATORS) || anyWordIn(tokens, lastGroupEnd, lead, SO) || !allIn(tokens, open, lead, MAIN_JOINERS) || (subject >= 0 && SUBORDINATORS.has(tokens[subject]));
    if (!clause.reported && (!under || ((actor === 'speaker' || actor === 'team') && subject >= 0 && !SUBORDINATORS.has(tokens[subject])))) lastMain = clause;
    lastGroupEnd = g.end;
    reporting = REPORTING.has(clause.lemma) && clause.mode !== 'modal';
  }
  settleSameForm(clauses, tokens);
  settleCould(clauses, tokens);
  attributeQuotes(clauses);
  return clauses;
}

/**
 * Who says each quoted or reported clause: for a quote, the nearest unquoted verb of saying
 * before it, else after it ("…," she said); for reported words ("I told her the mistake was
 * ours"), the verb of saying they follow.
 */
function attributeQuotes(clauses: Clause[]): void {
  for (let k = 0; k < clauses.length; k++) attributeQuote(clauses, k);
}

function attributeQuote(clauses: Clause[], k: number): void {
  const c = clauses[k];
  if (c.reported && !c.quoted) {
    for (let j = k - 1; j >= 0; j--) if (clauses[j].finite && !clauses[j].reported) return void (c.saidBy = j);
    return;
  }
  if (!c.quoted) return;
  // the verb of saying right before the quote, else right after it ("what I got back was '…'" has none)
  let j = k - 1;
  while (j >= 0 && clauses[j].quoted) j--;
  if (j >= 0 && clauses[j].finite && SAYING.has(clauses[j].lemma)) return void (c.saidBy = j);
  j = k + 1;
  while (j < clauses.length && clauses[j].quoted) j++;
  if (j < clauses.length && clauses[j].finite && SAYING.has(clauses[j].lemma)) c.saidBy = j;
}

/**
 * "I could tell she was upset", "we couldn't find it": in a sentence that narrates, "could" is a
 * past ability, not a hypothetical ("I could have called", "if I could, I would" stay modal, and
 * so does a purpose: "so she could come back for it later", "so that he could rest").
 */
function settleCould(clauses: Clause[], tokens: readonly Token[]): void {
  const narrates = clauses.some((c) => c.finite && c.mode === 'narrated');
  for (const c of clauses) {
    if (!c.finite || c.mode !== 'modal' || c.conditional || c.verb < 0) continue;
    const lead = c.subject >= 0 ? c.subject : c.first;
    if (tokens[lead - 1]?.norm === 'so' || (tokens[lead - 1]?.norm === 'that' && tokens[lead - 2]?.norm === 'so')) continue;
    const aux = tokens.slice(lead, c.verb).map((t) => t.norm);
    const could = aux.some((a) => a === 'could' || a === "couldn't") && !aux.includes('have') && !aux.some((a) => a === 'would' || a === "'d" || a === "wouldn't");
    if (could && (narrates || c.negated)) c.mode = 'narrated';
  }
}

/** What a verb of saying takes: its object and "that" at most ("told him (that) I would", "promised her she'd"). */
function reportedAfter(tokens: readonly Token[], from: number, subject: number): boolean {
  if (subject - from > 4) return false;
  for (let k = from; k < subject; k++) {
    const t = tokens[k];
    if (!(t.pos === 'PRON' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'DET' || t.norm === 'that' || t.norm === 'them')) return false;
  }
  return true;
}

/** "I let them talk": a verb spelled the same in past and present takes the tense the rest of the sentence has. */
function settleSameForm(clauses: Clause[], tokens: readonly Token[]): void {
  // the other clauses with a verb and a subject: are there some, and are all of them present?
  let others = 0;
  let sameForm = false;
  for (const c of clauses) {
    if (c.verb < 0) continue;
    if (SAME_FORM.has(tokens[c.verb].norm)) sameForm = true;
    else if (c.subject >= 0) {
      if (c.mode !== 'present' && c.mode !== 'habit' && c.mode !== 'ongoing') return; // (a present perfect is a present: "what I've become … let others lead")
      others++;
    }
  }
  if (!sameForm || others === 0) return;
  for (const c of clauses) if (c.verb >= 0 && SAME_FORM.has(tokens[c.verb].norm) && c.mode === 'narrated') c.mode = 'present';
}
