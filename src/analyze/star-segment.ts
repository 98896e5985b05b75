import type { StarPart } from '../answer/types.js';
import { MODALS, OTHERS_OBJECT, clauseAt, quotedFromOther, type Clause } from '../language/index.js';
import type { Rubric } from '../rubric/types.js';
import { LASTS_ON, REPORTING, SUBJECT_PRONOUNS_THIRD, isClearPast, isDefinition, isNarratedPast, isPastStep, isPastVerb, isPerfect, isPresentStep, verbAfter } from '../text/english.js';
import type { PhraseMatch, PhraseSet } from '../text/phrases.js';
import { anyWordIn, FACT_STEP_OPENER, WordClass, wordFact, type Token } from '../text/tokens.js';
import { partForLabel, type AnswerDocument, type DocSentence, type Role } from './document.js';
import { clauseTask, emptyAim, isAimNow } from './task.js';

/** An event told in the past in the answer's own words: a narrated finite clause, not quoted, not conditional, not asked. */
const isToldEvent = (c: Clause) => c.finite && c.mode === 'narrated' && !c.quoted && !c.conditional && !c.question;

interface Cues {
  situation: PhraseSet;
  task: PhraseSet;
  action: PhraseSet;
  result: PhraseSet;
  hypothetical: PhraseSet;
  habit: PhraseSet;
  unknownOutcome: PhraseSet;
  reflection: PhraseSet;
  customerSide: PhraseSet;
  serverSide: PhraseSet;
}

function cuesFor(rubric: Rubric, phrases: (l: readonly string[]) => PhraseSet): Cues {
  return {
    situation: phrases(rubric.star.situation.cues),
    task: phrases(rubric.star.task.cues),
    action: phrases(rubric.star.action.cues),
    result: phrases(rubric.star.result.cues),
    hypothetical: phrases(rubric.star.hypothetical),
    habit: phrases(rubric.star.habit),
    unknownOutcome: phrases(rubric.star['unknown-outcome']),
    reflection: phrases(rubric.star.reflection),
    customerSide: phrases(rubric.star['customer-side']),
    serverSide: phrases(rubric.star['server-side']),
  };
}

/**
 * A STAR part shown by part of one sentence: tokens [first, last) of the sentence. A sentence
 * can show more than one part ("Last winter his prescription went missing, so I phoned his
 * doctor"); its role is the part that covers most of it.
 */
export interface StarPiece {
  sentence: number;
  part: StarPart;
  first: number;
  last: number;
}

const PIECES = new WeakMap<AnswerDocument, StarPiece[]>();

/** The parts each sentence shows, as found by segmentStar; undefined if it has not run on doc. */
export function starPieces(doc: AnswerDocument): readonly StarPiece[] | undefined {
  return PIECES.get(doc);
}

const SUBJECT_FIRST = new Set(['i', 'we']);
/** A word a step can open with: a subject pronoun, or "the" before a noun subject (told once per word: stepsIn asks of every token). */
const opensStep = (t: Token) => wordFact(t, FACT_STEP_OPENER, isStepOpener);
const isStepOpener = (w: string) => SUBJECT_FIRST.has(w) || SUBJECT_PRONOUNS_THIRD.has(w) || w === 'the';
/** Number kinds that can measure an outcome (not a date, a clock time, an age or an ordinal). */
const OUTCOME_KINDS = new Set(['duration', 'percent', 'multiplier', 'rating', 'money', 'count', 'fraction']);
const OBJECTS = new Set(['him', 'her', 'them', 'us', 'you', 'it']);
// Words that open a clause without naming a new subject ("and then called", "so I phoned").
const CONNECTORS = new Set(['and', 'so', 'then', 'also', 'first', 'next', 'finally', 'but', 'after', 'afterwards', 'later', 'because', 'when', 'while', 'until', 'before', 'as']);
const CONSEQUENCE = new Set(['so', 'then']);
/** Past forms of the plain verbs of saying (the language layer's SAYING holds lemmas, and offers and apologies too). */
const SAID_FORMS = new Set(['told', 'said', 'asked', 'replied', 'answered', 'mentioned']);
const OBLIGATION = new Set(['had', 'needed']);
const CONTRACTED_PRESENT = /'(s|re)$/;

/** Whether a new clause starts at token i: the first token, or after , ; : — or a dash between two tokens. */
function isClauseStart(s: DocSentence, i: number): boolean {
  if (i === 0) return true;
  const from = s.tokens[i - 1].end - s.start;
  if (s.tokens[i].start - s.start === from + 1 && s.text.charCodeAt(from) === 32) return false; // one space: the usual case
  return CLAUSE_GAP.test(s.text.slice(from, s.tokens[i].start - s.start));
}

const CLAUSE_GAP = /[,;:()\u2013\u2014"“”]|\s-\s/;

interface Step {
  /** Token index where the clause with the step starts (its subject, or the verb of a fragment). */
  at: number;
  verb: number;
  person: 'first' | 'third';
}

/** A form of "be" right before a past participle makes a passive. */
const PASSIVE_BE = new Set(['was', 'were', 'been', 'being']);

/** Whether token j is an auxiliary of a passive the language layer read ("they got thrown away"): no step of its own. */
function isPassiveAux(s: DocSentence, j: number): boolean {
  const c = clauseAt(s, j);
  return c !== undefined && c.passive && c.verb !== j;
}

/**
 * The steps narrated in a sentence: a subject followed by a verb that says what someone did.
 * A verb with no subject at the start of a sentence or clause ("Called the branch.") is the
 * speaker's, as in notes; a perfect ("had called") is background, not a step.
 */
function stepsIn(s: DocSentence, presentOk: boolean, habitual: boolean): Step[] {
  const t = s.tokens;
  // someone else's line of dialogue tells what they say, not a step ('Customer: "I left my wallet at
  // home!"'); a line of narration after it in the same block is read as any other
  if (s.dialogueBy === 'other' && s.clauses.length > 0 && s.clauses.every((c) => c.quoted)) return [];
  // a present-tense step ("Then I ask him") only goes on a story already being narrated
  const storyStarted = presentOk || CONNECTORS.has(t[0]?.norm ?? '');
  const steps: Step[] = [];
  const stepVerb = (j: number, allowPresent: boolean) =>
    j >= 0 && !isPerfect(t, j) && (isPastStep(t[j]) || (allowPresent && storyStarted && isPresentStep(t[j]) && !isPastVerb(t[j]))) && !isPassiveAux(s, j);
  for (let i = 0; i < t.length; i++) {
    const w = t[i].norm;
    if (opensStep(t[i]) && (w !== 'the' || i + 2 < t.length)) {
      const first = SUBJECT_FIRST.has(w);
      if (w === 'the') {
        // "the clerk called", "the gate agent rebooked": a noun subject of one or two words
        if (!isClauseStart(s, i) && !CONNECTORS.has(t[i - 1]?.norm ?? '')) continue;
        for (let j = i + 2; j <= i + 3 && j < t.length; j++) {
          if (!isPastStep(t[j]) || isPerfect(t, j)) continue;
          steps.push({ at: i, verb: j, person: 'third' });
          break;
        }
        continue;
      }
      // "they're heard", "she's gone": a present passive or a perfect, not a step told
      if (CONTRACTED_PRESENT.test(w)) continue;
      const j = verbAfter(t, i);
      if (stepVerb(j, first)) steps.push({ at: i, verb: j, person: first ? 'first' : 'third' });
      else if (habitual && first && t[j]?.norm === 'would') {
        // "back then I would walk them through it": a habitual past step
        const k = habitualVerb(t, j);
        if (k >= 0) steps.push({ at: i, verb: k, person: 'first' });
      }
      continue;
    }
    if (habitual && (w === "i'd" || w === "we'd")) {
      const k = habitualVerb(t, i);
      if (k >= 0) steps.push({ at: i, verb: k, person: 'first' });
      continue;
    }
  }
  // notes: a sentence that opens with a past verb ("Walked the floor together.") is the speaker's
  // step, unless it is an opening participle before the real subject ("Worried, I called...")
  let k = 0;
  while (k < t.length && CONNECTORS.has(t[k].norm)) k++;
  if (!steps.length && k < t.length && isPastStep(t[k]) && s.text[t[k].end - s.start] !== ',' && k >= introEnd(s)) steps.push({ at: 0, verb: k, person: 'first' });
  // the tagger's clauses find steps the word lists miss ("I split the work", "we cut the wait")
  for (let ci = 0; ci < s.clauses.length; ci++) {
    const c = s.clauses[ci];
    // "By listening to her and explaining the policy, I …": the means, told as gerunds, are steps
    if (!c.finite && c.lead === 'by' && c.mode === 'narrated' && (c.actor === 'speaker' || c.actor === 'team') && !c.quoted) {
      steps.push({ at: c.first, verb: c.verb, person: 'first' });
      continue;
    }
    if (!c.finite || c.mode !== 'narrated' || c.verb < 0 || t[c.verb].pos !== 'VERB' || c.quoted || c.conditional || steps.some((st) => st.verb === c.verb)) continue;
    if (askedUnder(s, ci)) continue;
    if (STATIVE.has(c.lemma) || (c.lemma === 'work' && SETTING_PREPS.has(t[c.verb + 1]?.norm ?? '')) || t[c.verb].norm.endsWith('ing')) continue;
    // a passive is done to its subject ("I was pushed into a call centre"), no step of theirs
    if (c.passive || PASSIVE_BE.has(t[c.verb - 1]?.norm ?? '')) continue;
    if (c.actor === 'speaker' || c.actor === 'team') steps.push({ at: c.subject >= 0 ? c.subject : c.first, verb: c.verb, person: 'first' });
    else if (c.actor === 'other' && c.subject >= 0) steps.push({ at: c.subject, verb: c.verb, person: 'third' });
  }
  sortByStart(steps);
  // (filtered only when one is: most sentences have none, and a new list for each was an allocation)
  for (let k = 0; k < steps.length; k++) if (madeSureOf(t, steps[k].at)) return steps.filter((st) => !madeSureOf(t, st.at));
  return steps;
}

const MAKE_FORMS = new Set(['make', 'makes', 'made', 'making']);
const ENSURE_FORMS = new Set(['ensure', 'ensures', 'ensured', 'ensuring']);

/**
 * Whether the words at `at` are what someone makes sure of ("make sure we gave him the best
 * service", "ensure that they called back"): the host carries the step, a step told ("I made sure")
 * or none ("my instructions were to make sure").
 */
function madeSureOf(t: readonly Token[], at: number): boolean {
  const k = t[at - 1]?.norm === 'that' ? at - 2 : at - 1;
  if (k < 0) return false;
  const w = t[k].norm;
  return (w === 'sure' && MAKE_FORMS.has(t[k - 1]?.norm ?? '')) || ENSURE_FORMS.has(w);
}

/**
 * Whether a clause is a question asked inside one that tells no past ("I would figure out what
 * caused the problem"): its past tense is the question's, and the step is the host's to tell.
 */
function askedUnder(s: DocSentence, k: number): boolean {
  const c = s.clauses[k];
  if (c.subject !== c.first || c.first === 0 || !WH_SUBJECTS.has(s.tokens[c.subject].norm)) return false;
  // the host: the finite clause just before, a step or two back at most (a pass stays linear)
  let host = s.clauses[k - 1];
  if (host && !host.finite) host = s.clauses[k - 2];
  return host !== undefined && host.finite && host.last === c.first && host.mode !== 'narrated' && host.mode !== 'background';
}
const WH_SUBJECTS = new Set(['what', 'whatever', 'who', 'whoever']);

/**
 * Steps in order of where they start, steps that start together kept in the order found (as a
 * stable sort): an insertion sort, as a sentence has a few steps at most, already nearly in order,
 * and Array.prototype.sort allocates a work list on every call.
 */
function sortByStart(steps: Step[]): void {
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i];
    let j = i - 1;
    while (j >= 0 && steps[j].at > step.at) {
      steps[j + 1] = steps[j];
      j--;
    }
    steps[j + 1] = step;
  }
}

/**
 * Where the sentence's own clause starts after a short opening phrase led by a verb, with a comma,
 * when a clause with its own subject follows ("Put another way, these are...", "Said simply, we
 * care"): the phrase is a remark about the telling, neither a step nor an instruction. Else 0.
 */
function introEnd(s: DocSentence): number {
  const t = s.tokens;
  if (t[0]?.pos !== 'VERB') return 0;
  for (let k = 1; k <= 3 && k < t.length; k++) {
    if (s.text[t[k - 1].end - s.start] !== ',') continue;
    return s.clauses.some((c) => c.first === k && c.subject >= 0 && c.finite) ? k : 0;
  }
  return 0;
}

/**
 * Where someone else's answer to the speaker's steps starts, when it ends the sentence: "I said
 * sorry and offered to cover it, but she said there was no need" — no step of the speaker's after it.
 */
function response(s: DocSentence): number {
  // (the finite clauses outside quotes, read in place)
  const told = (c: Clause) => c.finite && !c.quoted;
  let lastMine = -1;
  for (let k = s.clauses.length - 1; k >= 0 && lastMine < 0; k--) {
    const c = s.clauses[k];
    if (told(c) && (c.actor === 'speaker' || c.actor === 'team')) lastMine = k;
  }
  if (lastMine < 0) return -1;
  // a person's reaction ("but she said", "and he thanked me"), not a purpose or a consequence ("so he could get to work", "so it could never stay true")
  for (let k = lastMine + 1; k < s.clauses.length; k++) {
    const c = s.clauses[k];
    // what the step led to, said of it after a comma: "…, which gave them a nicer first impression" (not a state: "…, which was closed")
    if (told(c) && c.mode === 'narrated' && c.subject > 0 && s.tokens[c.subject].norm === 'which' && isClauseStart(s, c.subject) && !c.passive && !STATIVE.has(c.lemma)) return c.first;
    if (
      told(c) && c.actor === 'other' && c.mode === 'narrated' && c.subject >= 0 && /^(but|and|then)$/.test(s.tokens[c.first]?.norm ?? '') &&
      /^(he|she|they)$/.test(s.tokens[c.subject].norm) && !/^(could|would|might|couldn't|wouldn't)$/.test(s.tokens[c.verb - 1]?.norm ?? '')
    ) return c.first;
  }
  return -1;
}

/** Verbs that say how things stood, not what someone did. */
const STATIVE = new Set('be have know think feel want need like love hate hope wish seem believe guess realise realize mean expect assume worry wonder remember forget understand suppose happen appear sound look become remain stay get live own belong'.split(' '));
/** "I worked at a bank", "I worked on the help desk": a setting, not a step. */
const SETTING_PREPS = new Set(['at', 'in', 'for', 'as', 'on', 'with', 'there']);

const FREQUENCY = new Set(['always', 'usually', 'often', 'sometimes', 'normally', 'generally', 'typically']);
// Words that make a present-tense sentence a general statement: a condition or a frequency.
const GENERAL = new WordClass(['if', 'whenever', 'unless', 'always', 'usually', 'normally', 'generally', 'typically', 'often', 'never']);

/** The bare verb after "would" / "I'd" in a habitual past ("I'd always hear them out"), or -1. */
function habitualVerb(t: readonly Token[], i: number): number {
  let k = verbAfter(t, i);
  while (k >= 0 && FREQUENCY.has(t[k].norm)) k = verbAfter(t, k);
  return k >= 0 && isPresentStep(t[k]) && !isPastVerb(t[k]) ? k : -1;
}

/** Verbs that commit the speaker when what they say is to come, and only vouch for it when it is a fact: "I promise you, it's fresh". */
const VOUCHING = new Set(['promise', 'swear', 'assure']);

/**
 * Whether the clause at `at` vouches for a fact rather than commits to an act: what is promised is
 * said in the present or the past ("I promise you, it's as fresh as it gets", "I swore it wasn't
 * me"), not "I promised I would call" or "I promised her a refund".
 */
function assurance(s: DocSentence, at: number): boolean {
  const k = s.clauses.findIndex((c) => c.first <= at && at < c.last);
  const c = s.clauses[k];
  if (!c || !VOUCHING.has(c.lemma)) return false;
  const said = s.clauses.find((d) => d.saidBy === k);
  if (!said || !(said.mode === 'present' || said.mode === 'narrated' || said.mode === 'background')) return false;
  // a reported "could" or "would" is what was promised then ("I promised my boss I could increase sales")
  const end = said.verb >= 0 ? said.verb : said.last;
  for (let j = said.first; j < end; j++) if (MODALS.has(s.tokens[j].norm) || /'(d|ll)$/.test(s.tokens[j].norm)) return false;
  return true;
}

/** Subject of an obligation ("had to", "needed to") is the speaker: a need or duty of theirs. */
function ownObligation(t: readonly Token[]): number {
  for (let i = 1; i + 1 < t.length; i++) {
    if (!OBLIGATION.has(t[i].norm) || t[i + 1].norm !== 'to') continue;
    for (let j = i - 1; j >= 0; j--) {
      const w = t[j].norm;
      if (SUBJECT_FIRST.has(w) || (w === 'us' && t[j - 1]?.norm === 'of')) return j;
      if (SUBJECT_PRONOUNS_THIRD.has(w) || w === 'you') break;
    }
  }
  return -1;
}

interface Reading {
  hyp: boolean;
  habit: boolean;
  past: boolean;
  /** A past that cannot be read as a present ("called", not "let"). */
  clearPast: boolean;
  situation: readonly PhraseMatch[];
  task: number;
  result: number;
  /** Token indexes of every outcome cue. */
  results: readonly number[];
  /** The same without the outcome cues that are the speaker's own doing ("when I came back", "I recommended"). */
  othersResult: number;
  othersResults: readonly number[];
  reflection: boolean;
  /** A remark to the listener ("Let me explain.", "Let me step back a bit."): no part of the story. */
  aside: boolean;
  unknown: boolean;
  lasting: boolean;
  customerSide: boolean;
  /** Where the speaker asks to be served ("I asked whether someone could help me"), or -1: the stated need of a story told as the customer. */
  request: number;
  /** Where someone else states an aim ("the technician insisted on making it right"), or -1: the server's goal in a story told as the customer. */
  othersAim: number;
  steps: Step[];
  label?: StarPart | 'opening';
}

const firstAt = (ms: readonly PhraseMatch[]) => (ms.length ? ms[0].first : -1);
/** Whether a match holds token i. */
function covers(ms: readonly PhraseMatch[], i: number): boolean {
  for (let k = 0; k < ms.length; k++) if (i >= ms[k].first && i < ms[k].last) return true;
  return false;
}
/** "has always worked": a present perfect, not a narrated past. */
const HAVE_PERFECT = new Set(['have', 'has', "'ve", "i've", "we've", 'having']);
/** Words before a past form that make a present perfect, which lasts to now. */
const PRESENT_PERFECT = new Set(['have', 'has', "i've", "we've", "she's", "he's", "they've"]);

/**
 * Reads one sentence. A hypothetical is an "I would" that is not reported speech: "I told him I
 * would call" is a commitment, "If a customer came, I would listen" is not a story.
 */
function read(s: DocSentence, cues: Cues, rubric: Rubric, storyStarted: boolean, habitual = false, presentOk = storyStarted): Reading {
  // the segmenter asks about a sentence several times, in a few states of the story
  const key = (storyStarted ? 4 : 0) + (habitual ? 2 : 0) + (presentOk ? 1 : 0);
  let known = (s as Read)[READINGS];
  if (!known) (s as Read)[READINGS] = known = [];
  return (known[key] ??= readSentence(s, cues, rubric, storyStarted, habitual, presentOk));
}

// kept on the sentence under a symbol (a property read, where a WeakMap's set and get cost more than the lookup is worth)
const READINGS = Symbol('readings');
type Read = DocSentence & { [READINGS]?: Reading[]; [SIDE]?: Side; [FACTS]?: Facts };

/** What a sentence says of a story told as the customer: the same in every state of the story, so read once. */
interface Side {
  customerSide: boolean;
  request: number;
  othersAim: number;
}
const SIDE = Symbol('side');

function sideOf(s: DocSentence, cues: Cues): Side {
  return ((s as Read)[SIDE] ??= { customerSide: saysCustomerSide(s, cues), request: requestOf(s), othersAim: othersAimOf(s) });
}

/**
 * Whether every past clause of the sentence lies inside its condition, up to the comma that closes
 * it ("if a company delivers what I ordered, that's service"), and so narrates nothing; not "if
 * you're wondering, yes, I did have a difficult group".
 */
function pastOnlyInCondition(s: DocSentence): boolean {
  let any = false;
  for (const c of s.clauses) {
    if (c.verb < 0 || !(c.mode === 'narrated' || c.mode === 'background')) continue;
    if (!c.condition) return false;
    any = true;
  }
  return any;
}

/** Told as the customer, where the sentence gives the Task: the teller's stated need, or the goal of the one serving; or -1. */
const servedTask = (r: Side) => earliest(r.request, r.othersAim);

/**
 * What readSentence finds in a sentence whatever the state of the story it is read in: found once
 * per sentence (the segmenter reads some sentences in two or three states), kept under a symbol.
 */
interface Facts {
  conditional: boolean;
  hypCues: readonly PhraseMatch[];
  /** "Say an elderly couple comes through …": a case supposed, not told. */
  supposes: boolean;
  /** A narrated past, unless a hypothetical of the sentence's own condition makes it none. */
  pastUnlessHyp: boolean;
  lasting: boolean;
  generalWord: boolean;
  habitCue: boolean;
  situation: readonly PhraseMatch[];
  taskMatches: readonly PhraseMatch[];
  reflection: readonly PhraseMatch[];
  task: number;
  result: number;
  results: readonly number[];
  othersResult: number;
  othersResults: readonly number[];
  aside: boolean;
  unknown: boolean;
  clearPast: boolean;
  label: StarPart | 'opening' | undefined;
  /** The sentence's steps by the two flags stepsIn reads (index: presentOk * 2 + habitual), filtered of cue words. */
  steps: (Step[] | undefined)[];
}
const FACTS = Symbol('facts');

function factsOf(s: DocSentence, cues: Cues, rubric: Rubric): Facts {
  const known = (s as Read)[FACTS];
  if (known) return known;
  const t = s.tokens;
  const conditional = hasWord(t, 'if', t.length);
  // a narrated past: a past verb that is not a perfect ("has always worked") nor a modal's
  // (in "if I did disagree, I would talk to them" the past is a condition's, not a narrated one)
  // (the tagger's reading of each clause settles verbs the word lists cannot: "the switch cut costs")
  // (nor a past inside a condition alone: "if a company delivers what I ordered, that's service")
  const pastOnlyIf = conditional && pastOnlyInCondition(s);
  const pastUnlessHyp = !pastOnlyIf && !isDefinition(t) && (narratesPast(s) || s.clauses.some((c, k) => isToldEvent(c) && c.verb >= 0 && t[c.verb].pos === 'VERB' && !askedUnder(s, k)));
  const lasting = hasPresentPerfect(t) || LASTS_ON.test(s.text) || underWay(s);
  // someone else's quoted wish is theirs, not the speaker's aim ("he said, "we want to bring our son
  // here""); a promise they make is kept as one (the server's, in a story told as the customer:
  // "she said, "we are going to fix it before your party"")
  // (filters run only where there is something to filter: most sentences match no cue of a kind)
  const taskCues = cues.task.findAll(t);
  const taskMatches = taskCues.length ? taskCues.filter((m) => (!quotedFromOther(s, m.first) || clauseAt(s, m.first)?.mode === 'future') && !assurance(s, m.first)) : taskCues;
  const obligation = ownObligation(t);
  const resultMatches = cues.result.findAll(t);
  // an outcome cue that is a verb of the speaker's ("when I came back", "I recommended the blue
  // one") is the speaker moving or acting, an outcome only when the speaker is the customer
  const othersMatches = resultMatches.length ? resultMatches.filter((m) => !(t[m.first].pos === 'VERB' && SUBJECT_FIRST.has(t[m.first - 1]?.norm ?? ''))) : resultMatches;
  const clauseOutcomes = measuredOutcomes(s);
  const reaction = response(s);
  if (reaction >= 0) clauseOutcomes.push(reaction);
  // inline labels in notes: "Problem: ...", "My part: ..." (no colon or equals sign, no label: most sentences)
  const colon = s.text.includes(':') || s.text.includes('=') ? /^\s*[*_]*([^:=.!?*_]{1,30}?)[*_]*\s*[:=][*_]*\s/.exec(s.text) : null;
  const facts: Facts = {
    conditional,
    hypCues: cues.hypothetical.findAll(t),
    supposes: supposition(s),
    pastUnlessHyp,
    lasting,
    generalWord: anyWordIn(t, 0, t.length, GENERAL),
    habitCue: cues.habit.test(t),
    situation: cues.situation.findAll(t),
    taskMatches,
    reflection: cues.reflection.findAll(t),
    // (each source without the aims that name nothing to achieve: clauseTask leaves them out itself)
    task: earliest(earliest(firstAim(t, taskMatches), obligation >= 0 && (quotedFromOther(s, obligation) || emptyAim(t, obligation)) ? -1 : obligation), clauseTask(s)),
    result: firstAt(resultMatches),
    results: cueStarts(resultMatches, clauseOutcomes),
    othersResult: firstAt(othersMatches),
    othersResults: cueStarts(othersMatches, clauseOutcomes),
    aside: isAside(s),
    unknown: cues.unknownOutcome.test(t),
    clearPast: hasClearPast(t),
    label: colon ? partForLabel(colon[1], rubric) : undefined,
    steps: [undefined, undefined, undefined, undefined],
  };
  (s as Read)[FACTS] = facts;
  return facts;
}

/** Verbs that, said to the listener first in a sentence, suppose a case: "Say a customer calls …", "Let's say …", "Picture this". */
const SUPPOSING = new Set(['say', 'suppose', 'imagine', 'picture', 'assume', 'pretend']);

/** Whether the sentence opens by supposing a case to the listener ("Say an elderly couple comes through …", "Let's say a client calls"). */
function supposition(s: DocSentence): boolean {
  const t = s.tokens;
  const k = t[0]?.norm === "let's" ? 1 : t[0]?.norm === 'let' && t[1]?.norm === 'us' ? 2 : 0;
  const c = s.clauses[0];
  return SUPPOSING.has(t[k]?.norm ?? '') && c !== undefined && c.mode === 'imperative' && c.first === 0 && !c.quoted && t.length > k + 2;
}

/** The sentence's steps, told as in a story already being narrated or not and as a habit of then or not. */
function stepsOf(s: DocSentence, f: Facts, presentOk: boolean, habitual: boolean): Step[] {
  const key = (presentOk ? 2 : 0) + (habitual ? 1 : 0);
  const known = f.steps[key];
  if (known) return known;
  // "I worked as...", "I was asked to...", "what I took from it": the verb belongs to the cue, not a step
  const inCue = (i: number) => covers(f.situation, i) || covers(f.taskMatches, i) || covers(f.reflection, i);
  const steps = stepsIn(s, presentOk, habitual);
  return (f.steps[key] = steps.length ? steps.filter((st) => !inCue(st.verb)) : steps);
}

function readSentence(s: DocSentence, cues: Cues, rubric: Rubric, storyStarted: boolean, habitual: boolean, presentOk: boolean): Reading {
  const f = factsOf(s, cues, rubric);
  const { conditional } = f;
  const hyp = f.supposes || f.hypCues.some((m) => isHypothetical(s, m, storyStarted, habitual, conditional));
  const past = !(conditional && hyp) && f.pastUnlessHyp;
  // a general statement in the present: a rule with a condition ("If I promise to call back on
  // Tuesday, I call back on Tuesday") or a frequency ("they usually calm down"), not an event
  // (after a past setting, "I would always walk them through it" is a habit of then, not a rule)
  const general = !past && !f.lasting && !(habitual && !conditional) && f.generalWord;
  const side = sideOf(s, cues);
  // (fields written out, not spread from the side: one object of one shape per reading)
  return {
    hyp,
    habit: f.habitCue || general,
    past,
    situation: f.situation,
    task: f.task,
    result: f.result,
    results: f.results,
    othersResult: f.othersResult,
    othersResults: f.othersResults,
    reflection: f.reflection.length > 0,
    aside: f.aside,
    unknown: f.unknown,
    lasting: f.lasting,
    clearPast: f.clearPast,
    customerSide: side.customerSide,
    request: side.request,
    othersAim: side.othersAim,
    steps: stepsOf(s, f, storyStarted && presentOk, habitual && !conditional),
    label: f.label,
  };
}

/** Verbs of asking for something. */
const ASKING = new Set(['ask', 'request', 'beg']);

/** Verbs of going somewhere or getting in touch, whose purpose is what the visitor came for: "I stopped at the store to mail a package". */
const VISITING = new Set(['go', 'come', 'stop', 'drop', 'pop', 'head', 'drive', 'walk', 'rush', 'run', 'visit', 'return', 'call', 'phone', 'ring']);

/**
 * Where the speaker or their party asks for something in the story ("I asked whether someone could
 * help me put it in", "we asked for the manager") or says what they came for ("I stopped at a
 * UPS store to mail a package"), or -1. Told as the customer, this is their stated need.
 */
function requestOf(s: DocSentence): number {
  const t = s.tokens;
  let visit: Clause | undefined;
  for (const c of s.clauses) {
    if (c.finite) {
      const told = c.mode === 'narrated' && !c.negated && !c.quoted && !c.question && (c.actor === 'speaker' || c.actor === 'team');
      if (told && ASKING.has(c.lemma)) return c.subject >= 0 ? Math.min(c.subject, c.first) : c.first;
      visit = told && VISITING.has(c.lemma) ? c : undefined;
    } else if (visit && t[c.first]?.norm === 'to' && t[c.first].pos === 'PART' && c.verb === c.first + 1) {
      return visit.subject >= 0 ? visit.subject : visit.first;
    }
  }
  return -1;
}

/** The first "if" before token `to` that sets a condition ("as if" compares, and sets none), or -1. */
function conditionBefore(t: readonly Token[], to: number): number {
  for (let i = 0; i < to; i++) if (t[i].norm === 'if' && t[i - 1]?.norm !== 'as') return i;
  return -1;
}

/** Verbs by which someone states what they set out to do: "she promised to", "he insisted on". */
const STATED_AIMS = new Set(['want', 'decide', 'plan', 'intend', 'promise', 'vow', 'insist', 'determine', 'commit', 'try']);

/** Where someone other than the speaker states an aim in the story ("he insisted on making it right", "she promised to call back"), or -1. */
function othersAimOf(s: DocSentence): number {
  const t = s.tokens;
  for (const c of s.clauses) {
    if (!c.finite || c.actor !== 'other' || c.subject < 0 || c.negated || c.quoted || c.question || (c.mode !== 'narrated' && c.mode !== 'background')) continue;
    const next = t[c.verb + 1]?.norm;
    if (STATED_AIMS.has(c.lemma) && (next === 'to' || (c.lemma === 'insist' && next === 'on'))) return Math.min(c.subject, c.first);
  }
  return -1;
}

/** Whether the word is among tokens[0, to). */
function hasWord(t: readonly Token[], word: string, to: number): boolean {
  for (let i = 0; i < to; i++) if (t[i].norm === word) return true;
  return false;
}

/** Where the first task cue starts that names something to achieve (not "I once had to handle a difficult conversation", "what I wanted to say was …"), or -1. */
function firstAim(t: readonly Token[], ms: readonly PhraseMatch[]): number {
  for (let k = 0; k < ms.length; k++) if (!emptyAim(t, ms[k].first)) return ms[k].first;
  return -1;
}

/** The earlier of two token indexes, -1 standing for none. */
const earliest = (a: number, b: number) => (a < 0 ? b : b < 0 ? a : Math.min(a, b));

/**
 * Whether a hypothetical cue ("I would", "I'd") says what the speaker would do. In the story, the
 * speaker's own quoted "I'll ask around" is a promise made then, not a hypothetical.
 */
function isHypothetical(s: DocSentence, m: PhraseMatch, storyStarted: boolean, habitual: boolean, conditional: boolean): boolean {
  const t = s.tokens;
  const said = clauseAt(s, m.last - 1);
  if (storyStarted && said && (said.quoted || s.inQuote) && said.mode === 'future' && !quotedFromOther(s, m.first)) return false;
  // once a past setting is told and before any step, "I would walk them through it" is a habit of then
  if (habitual && !conditional && /^(would|i'd|we'd)$/.test(t[m.last - 1].norm)) return false;
  // "I'd never used", "I'd been told" is "I had", not "I would" (but "If I'd been paid
  // commission, I could have retired" supposes; "as if she'd caught me" does not)
  const last = t[m.last - 1].norm;
  const condition = conditionBefore(t, m.first);
  if (last.endsWith("'d") && condition < 0) {
    const v = verbAfter(t, m.last - 1);
    if (v >= 0 && (isPastVerb(t[v]) || t[v].norm === 'been')) return false;
  }
  // reported ("I told him I would call", "I promised him that if it happened again I would deal
  // with it") only after a verb of saying or thinking, before any "if": in "when they got angry,
  // I would let them talk" the past sets up a habit or a hypothetical, and in "if a customer
  // told me, I would …" the saying is the condition's
  const upTo = condition < 0 ? m.first : condition;
  for (let i = 0; i < upTo; i++) if (REPORTING.has(t[i].norm) && !isPerfect(t, i)) return false;
  return true;
}

/** Present forms of "be" before an -ing verb ("is sending"; a contracted one, "they're fixing", is CONTRACTED_PRESENT). */
const PRESENT_BE = new Set(['is', 'are', 'am']);

/**
 * Someone else's doing under way now, as the story ends: "but Sharon is sending it to me for free".
 * (The speaker's own "we're hoping" is no outcome, and neither is a quote or a condition.)
 */
function underWay(s: DocSentence): boolean {
  const t = s.tokens;
  for (const c of s.clauses) {
    if (!c.finite || c.quoted || c.conditional || c.actor !== 'other' || c.mode !== 'present' || c.verb < 1 || !isParticular(t, c.subject)) continue;
    const v = t[c.verb].norm;
    if (!v.endsWith('ing') || v === 'going') continue;
    let k = c.verb - 1;
    while (k > 0 && t[k].pos === 'ADV') k--;
    if (PRESENT_BE.has(t[k].norm) || CONTRACTED_PRESENT.test(t[k].norm)) return true;
  }
  return false;
}

/** A subject that is one particular person or thing: "Sharon", "she", "the clerk" — not "someone", "they" or "people". */
function isParticular(t: readonly Token[], k: number): boolean {
  if (k < 0) return false;
  const w = t[k];
  if (w.pos === 'PROPN' || w.norm === 'he' || w.norm === 'she') return true;
  return w.pos === 'NOUN' && k > 0 && /^(the|my|our|his|her|their|this|that)$/.test(t[k - 1].norm);
}

/**
 * Whether a sentence tells a past: a past verb that narrates, not a present perfect ("has always
 * worked"), outside the questions it asks under a present or a modal ("I would find out what caused it").
 */
function narratesPast(s: DocSentence): boolean {
  const t = s.tokens;
  // the clauses are in order: one pointer walks them beside the tokens
  let k = 0;
  for (let i = 0; i < t.length; i++) {
    if (!isNarratedPast(t, i) || (isPerfect(t, i) && HAVE_PERFECT.has(t[i - 1]?.norm ?? ''))) continue;
    while (k < s.clauses.length && s.clauses[k].last <= i) k++;
    const c = s.clauses[k];
    if (!(c && c.first <= i && c.finite && askedUnder(s, k))) return true;
  }
  return false;
}

function hasPresentPerfect(t: readonly Token[]): boolean {
  for (let i = 1; i < t.length; i++) if (isPastVerb(t[i]) && PRESENT_PERFECT.has(t[i - 1].norm)) return true;
  return false;
}

function hasClearPast(t: readonly Token[]): boolean {
  for (let i = 0; i < t.length; i++) if (isClearPast(t, i) && !isPerfect(t, i)) return true;
  return false;
}

/** A measured outcome told of something else: "the research stage took us only six hours" (the clauses' first tokens). */
function measuredOutcomes(s: DocSentence): number[] {
  const out: number[] = [];
  if (!s.numbers.length) return out;
  for (const c of s.clauses) {
    if (!c.finite || c.actor !== 'other' || (c.mode !== 'narrated' && c.mode !== 'ongoing')) continue;
    if (s.numbers.some((n) => OUTCOME_KINDS.has(n.kind) && n.first >= c.first && n.first < c.last)) out.push(c.first);
  }
  return out;
}

const NO_INDEXES: readonly number[] = Object.freeze([]) as readonly number[];

/** The first tokens of the cues and the clause outcomes, in order. */
function cueStarts(ms: readonly PhraseMatch[], more: readonly number[]): readonly number[] {
  if (!ms.length && !more.length) return NO_INDEXES;
  const out: number[] = [];
  for (const m of ms) out.push(m.first);
  for (const k of more) out.push(k);
  return out.length > 1 ? out.sort((a, b) => a - b) : out;
}

/** Verbs of telling and thinking in a remark to the listener: "let me explain", "let me be honest". */
const ASIDE_VERBS = new Set(['explain', 'tell', 'say', 'start', 'begin', 'step', 'back', 'go', 'think', 'be', 'put', 'share', 'clarify', 'give', 'walk', 'rewind', 'elaborate', 'add', 'describe', 'set', 'paint', 'share']);

/** "Let me explain.", "Let me step back a bit.", "Let me be clear": a short remark to the listener, not a step or a task. */
function isAside(s: DocSentence): boolean {
  const t = s.tokens;
  return t.length <= 8 && t[0]?.norm === 'let' && (t[1]?.norm === 'me' || t[1]?.norm === 'us') && ASIDE_VERBS.has(t[2]?.lemma ?? t[2]?.norm ?? '') && !s.clauses[0]?.quoted;
}

const ORDER: Record<StarPart, number> = { situation: 0, task: 1, action: 2, result: 3 };

/**
 * Writes pieces for a sentence and returns its role: the result if it states one (an outcome
 * sentence often names the last step too), else the part that covers most of its tokens.
 */
function settle(s: DocSentence, found: { at: number; part: StarPart }[], out: StarPiece[]): Role | undefined {
  if (!found.length) return undefined;
  if (found.length > 1) found.sort((a, b) => a.at - b.at || ORDER[a.part] - ORDER[b.part]);
  const merged: { at: number; part: StarPart }[] = [];
  for (const f of found) {
    const prev = merged[merged.length - 1];
    if (prev?.part === f.part) continue;
    // two parts from the same word on ("I was asked to lead the project at the firm"): both shown
    merged.push({ part: f.part, at: prev && f.at <= prev.at ? Math.min(prev.at + 1, s.tokens.length - 1) : f.at });
  }
  for (let k = merged.length - 1; k > 0; k--) if (merged[k].at <= merged[k - 1].at) merged.splice(k, 1);
  merged[0].at = 0;
  let best: StarPiece | undefined;
  merged.forEach((f, k) => {
    const piece = { sentence: s.index, part: f.part, first: f.at, last: merged[k + 1]?.at ?? s.tokens.length };
    out.push(piece);
    if (!best || piece.last - piece.first > best.last - best.first) best = piece;
  });
  return merged.some((f) => f.part === 'result') ? 'result' : best!.part;
}

/**
 * Finds the STAR parts sentence by sentence and writes each sentence's role. Sections whose
 * heading or key names a part keep that part, except where a sentence clearly shows another
 * (a responsibility stated inside the Situation is also the Task), and a section made of
 * hypotheticals, habits or general statements shows none. Text under no heading, or under one
 * that names no part ("What happened"), is read in order like plain text: the story starts at the first past, concrete setting — never at a hypothetical or a
 * habit — and a text with no narrated past tells no story at all.
 */
export function segmentStar(doc: AnswerDocument, rubric: Rubric, phrases: (l: readonly string[]) => PhraseSet): void {
  const cues = cuesFor(rubric, phrases);
  const pieces: StarPiece[] = [];
  PIECES.set(doc, pieces);
  // a story told as the customer with no phrase that says so is read as one from its first sentence
  const served = servedTheSpeaker(doc, cues);
  if (doc.structured) segmentSections(doc, cues, rubric, pieces);
  else segmentPlain(doc, cues, rubric, pieces, served);
  doc.customerSide = served || doc.sentences.some((s) => sideOf(s, cues).customerSide);
  explainRoles(doc, cues, rubric, pieces);
}

/**
 * Whether a sentence says the speaker was the customer: "as a customer", not "as a customer
 * service representative"; "without losing him as a customer" is about him, and the customer's
 * own words are about the customer ("Customer: "… that she be our server"").
 */
function saysCustomerSide(s: DocSentence, cues: Cues): boolean {
  const ms = cues.customerSide.findAll(s.tokens);
  for (const m of ms) {
    const c = clauseAt(s, m.first);
    if (s.tokens[m.last]?.pos !== 'NOUN' && !OBJECTS.has(s.tokens[m.first - 1]?.norm ?? '') && c?.mode !== 'modal' && !c?.conditional && !quotedFromOther(s, m.first)) return true;
  }
  return false;
}

/** Words after a verb that say who it was done for: the speaker ("offered me"), or others ("rang them"). */
const FOR_THE_SPEAKER = new WordClass(['me', 'us', 'my', 'our']);

/** What a customer does to the one who serves them, not a service done for the teller: "they thanked me", "he yelled at me". */
const REACTIONS = new Set(['thank', 'praise', 'hug', 'tip', 'yell', 'shout', 'scream', 'swear', 'curse', 'complain', 'blame', 'accuse', 'come', 'walk', 'approach']);

/** Who is served in "as a customer at", "as a guest in": no role of the speaker's. */
const SERVED_ROLES = new Set(['customer', 'client', 'guest', 'patient', 'passenger', 'shopper', 'buyer']);
const OWN_WAY = new Set(['our', 'my', 'their', 'his', 'her', 'the']);

/**
 * Whether the rubric's signs that the speaker serves (a job, a shift, "our customers", "as a
 * cashier at") stand in the answer: not "worked our way through the list" (an idiom, no job), nor
 * "as a customer at" (the one served), nor "my fellow …" in the open slot of "my _ shift" (kept
 * as the regular expression this replaced had it).
 */
function worksThere(doc: AnswerDocument, cues: Cues): boolean {
  for (const s of doc.sentences) {
    for (const m of cues.serverSide.findAll(s.tokens)) {
      const t = s.tokens;
      const first = t[m.first].norm;
      if (SUBJECT_FIRST.has(first) && OWN_WAY.has(t[m.last]?.norm ?? '') && t[m.last + 1]?.norm === 'way') continue;
      if (first === 'as' && SERVED_ROLES.has(t[m.first + 2]?.norm ?? '')) continue;
      if (first === 'i' && (SERVED_ROLES.has(t[m.first + 3]?.norm ?? '') || SERVED_ROLES.has(t[m.first + 4]?.norm ?? ''))) continue;
      if (first === 'my' && t[m.first + 1]?.norm === 'fellow') continue;
      return true;
    }
  }
  return false;
}

/**
 * Whether the clause's verb is done for one of `whom`: a word of theirs after it ("offered me a
 * refund", "rang them back"). After a verb of saying, only the one spoken to counts ("told me",
 * "said to us"): the rest is what was said ('said, "Excuse me."').
 */
function doneFor(s: DocSentence, c: Clause, whom: WordClass): boolean {
  const t = s.tokens;
  if (!SAID_FORMS.has(t[c.verb].norm)) return anyWordIn(t, c.verb + 1, c.last, whom);
  const k = t[c.verb + 1]?.norm === 'to' ? c.verb + 2 : c.verb + 1;
  return k < c.last && whom.has(t[k]);
}

/**
 * A story told as the customer, with no cue phrase for it: someone else's narrated steps for the
 * speaker ("she offered me", "they rang us back") outnumber the speaker's own for others, and
 * nothing says the speaker works there.
 */
function servedTheSpeaker(doc: AnswerDocument, cues: Cues): boolean {
  let forMe = 0;
  let mine = 0;
  for (const s of doc.sentences) {
    for (const c of s.clauses) {
      // (someone's quoted words are not the story's service: "she said, "you helped me last week!"")
      if (!c.finite || c.mode !== 'narrated' || c.verb < 0 || c.quoted) continue;
      if (c.actor === 'other' && c.subject >= 0 && c.lemma !== 'be' && !REACTIONS.has(c.lemma) && doneFor(s, c, FOR_THE_SPEAKER)) forMe++;
      if ((c.actor === 'speaker' || c.actor === 'team') && doneFor(s, c, OTHERS_OBJECT)) mine++;
    }
  }
  return forMe >= 2 && forMe >= mine && !worksThere(doc, cues);
}

const PART_WORDS: Record<StarPart, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };

/**
 * Says why each sentence got its part, in a few words with the words that decided it: the cue
 * ("sets the scene: \"I worked at\""), the step ("your step: \"called\""), the outcome, or what
 * kept it out of the story (a hypothetical, a habit, a lesson).
 */
/** The pieces of each sentence, in one pass. */
function piecesBySentence(doc: AnswerDocument, pieces: readonly StarPiece[]): StarPiece[][] {
  const out: StarPiece[][] = doc.sentences.map(() => []);
  for (const p of pieces) out[p.sentence]?.push(p);
  return out;
}

function explainRoles(doc: AnswerDocument, cues: Cues, rubric: Rubric, pieces: readonly StarPiece[]): void {
  const story = pieces.length > 0;
  const bySentence = piecesBySentence(doc, pieces);
  const firstStory = doc.sentences.findIndex((s) => s.role !== 'opening' && s.role !== 'closing');
  for (const s of doc.sentences) {
    const r = read(s, cues, rubric, true);
    const t = s.tokens;
    const words = (from: number, n = 3) => `"${s.text.slice(t[from].start - s.start, t[Math.min(t.length, from + n) - 1].end - s.start)}"`;
    const cueAt = (at: number, set: PhraseSet) => set.findAll(t).find((m) => m.first >= at) ?? set.findAll(t)[0];
    const label = doc.sections[s.section]?.label;
    const heading = label !== undefined && doc.sections[s.section].declared !== undefined ? `under "${label.trim()}": ` : '';
    const mine = bySentence[s.index];
    const reason = (part: StarPart, at: number): string => {
      switch (part) {
        case 'situation': {
          const m = cueAt(at, cues.situation);
          return m ? `sets the scene (${words(m.first, m.last - m.first)})` : 'sets the scene: what happened before your steps';
        }
        case 'task':
          if (r.task >= 0) return `what you had to do or get past (${words(r.task, 4)})`;
          // told as the customer: the teller's stated need, or the goal of the one serving
          if (doc.customerSide && r.request >= 0) return `what you asked for (${words(r.request, 4)})`;
          if (doc.customerSide && r.othersAim >= 0) return `what they set out to do (${words(r.othersAim, 4)})`;
          return 'what you had to do';
        case 'action': {
          // the step of whoever counts first (the speaker's, or the server's in a story told as the
          // customer): "When the cutter jammed, I fixed it myself" is read for "fixed"
          const after = r.steps.filter((st) => st.verb >= at);
          const counts = doc.customerSide ? 'third' : 'first';
          const step = after.find((st) => st.person === counts) ?? after[0] ?? r.steps[0];
          // another person's doing in the story ("she yelled") is told as theirs, not as the speaker's
          const whose = doc.customerSide ? 'their step for you' : step?.person === 'third' ? 'a step in the story' : 'your step';
          if (step) return `${whose} (${words(step.verb, 1)})`;
          // "I was able to find all the right pieces": the step told as done
          const done = r.results.find((k) => k >= at && SUBJECT_FIRST.has(t[k].norm));
          return done !== undefined ? `your step, told as done (${words(done, 5)})` : 'what was done';
        }
        case 'result': {
          const m = cueAt(at, cues.result);
          return m ? `an outcome (${words(m.first, m.last - m.first)})` : 'what came of the steps';
        }
      }
    };
    let why: string;
    if (s.role === 'opening' || s.role === 'closing') {
      const where = !story ? 'no story' : s.role === 'opening' && (firstStory < 0 || s.index < firstStory) ? 'before the story' : 'after the story';
      const hyp = cues.hypothetical.findAll(t)[0];
      const habit = cues.habit.findAll(t)[0];
      if (r.aside) why = 'a remark to the listener';
      else if (r.reflection) why = `${where}: a lesson or an opinion`;
      else if (hyp) why = `${where}: says what you would do (${words(hyp.first, hyp.last - hyp.first)})`;
      else if (habit) why = `${where}: says what you usually do (${words(habit.first, habit.last - habit.first)})`;
      else if (r.unknown) why = `${where}: the outcome is not known`;
      else if (!r.past) why = `${where}: no event told in the past`;
      else why = where;
    } else {
      const main = mine.find((p) => p.part === s.role) ?? { part: s.role as StarPart, first: 0 };
      why = reason(main.part, main.first);
      const also = mine.filter((p) => p.part !== main.part).map((p) => `also the ${PART_WORDS[p.part]}: ${reason(p.part, p.first)}`);
      if (also.length) why += `; ${also.join('; ')}`;
    }
    s.why = heading + why;
  }
}

function segmentSections(doc: AnswerDocument, cues: Cues, rubric: Rubric, pieces: StarPiece[]): void {
  // a Result section that says the outcome is unknown: only sentences with an outcome cue remain the result
  const unknownIn = new Set(doc.sentences.filter((s) => s.role === 'result' && cues.unknownOutcome.test(s.tokens)).map((s) => s.section));
  const start = pieces.length;
  let anyPast = false;
  const combined = doc.sections.map((sec) => (sec.label !== undefined && sec.declared === undefined ? namedParts(sec.label, rubric) : []));
  // no heading, or one that names no part ("What happened", "Where things stood"): its sentences are read
  // like plain text, in story order, so they can still show any part
  const plainSection = doc.sections.map((sec, i) => sec.declared === undefined && !combined[i].length);
  const plain = newPlainState();
  // the section whose sentences so far are hypotheticals, habits or general statements
  let generalIn = -1;
  // what the story holds so far, kept as it grows (every sentence looks back at it)
  let seen = start;
  let customerBefore = false;
  const firstOf = new Map<number, number>();
  const lastOf = new Map<number, number>();
  for (const x of doc.sentences) {
    if (!firstOf.has(x.section)) firstOf.set(x.section, x.index);
    lastOf.set(x.section, x.index);
  }
  const taskIn = new Set<number>();
  // a recurring scene told in the past ("customers would ask for a bigger size"): until a step, "I
  // would explain where the pain comes from" is a habit of then, not a hypothetical (but "when they got
  // angry, I would let them talk" only sets up what the speaker would do)
  let recurring = false;
  const saysWould = (s: DocSentence) => hasWord(s.tokens, 'would', s.tokens.length) || cues.hypothetical.test(s.tokens);
  const habitOfThen = (s: DocSentence) => recurring && !plain.seenAction && !SETS_UP.has(s.tokens[0]?.norm ?? '') && saysWould(s);
  for (const s of doc.sentences) {
    const named = combined[s.section];
    for (; seen < pieces.length; seen++) {
      plain.started = true;
      if (pieces[seen].part === 'task') plain.seenTask = true;
      if (pieces[seen].part === 'action') plain.seenAction = true;
      if (pieces[seen].part === 'result') plain.seenResult = true;
    }
    plain.customerSide ||= customerBefore;
    customerBefore ||= cues.customerSide.test(s.tokens);
    if (plainSection[s.section]) {
      readPlain(s, plain, cues, rubric, pieces);
      if (s.role !== 'opening' && s.role !== 'closing' && read(s, cues, rubric, true).past) anyPast = true;
      continue;
    }
    // (read once: the state it reads from changes only after the sentence's pieces are written)
    const thenHabit = habitOfThen(s);
    if (named.length) {
      // "Situation / Task": the first sentence is the first part named, later ones show the others by their cues
      const isFirst = firstOf.get(s.section) === s.index;
      const isLast = lastOf.get(s.section) === s.index;
      const rr = read(s, cues, rubric, true, thenHabit);
      const prev = doc.sentences[s.index - 1]?.role;
      let part: StarPart = !isFirst && prev && named.includes(prev as StarPart) ? (prev as StarPart) : named[0];
      if (!isFirst) {
        if (named.includes('result') && rr.result >= 0) part = 'result';
        else if (named.includes('task') && rr.task >= 0) part = 'task';
        else if (named.includes('action') && rr.steps.some((st) => st.person === 'first')) part = 'action';
        else if (named.includes('result') && rr.past && !rr.steps.length && part === 'action') part = 'result';
      }
      // the heading names a task: trust it for the last sentence if no sentence had a task cue
      if (isLast && !isFirst && named.includes('task') && !taskIn.has(s.section) && part !== 'task' && !named.includes('action')) part = 'task';
      s.role = part;
      if (part === 'task') taskIn.add(s.section);
    }
    if (s.role === 'opening' || s.role === 'closing') continue;
    const r = read(s, cues, rubric, true, thenHabit);
    if (s.role === 'situation' && r.past && (r.habit || saysWould(s))) recurring = true;
    // a heading does not make "I would..." or "I always..." a story
    // nor does "when they got angry, I would let them talk" under an Action or Result heading: the
    // past there only sets up what the speaker would do
    const hypStep = r.hyp && (s.role === 'action' || s.role === 'result') && !r.steps.some((st) => st.person === 'first');
    if (((r.hyp || r.habit) && !r.past) || hypStep) {
      s.role = 'closing';
      generalIn = s.section;
      continue;
    }
    // after "I always stay calm", "I let them talk" is more of the same, not a step taken once
    if (generalIn === s.section && !r.clearPast && r.result < 0) {
      s.role = 'closing';
      continue;
    }
    if (r.past) anyPast = true;
    const found: { at: number; part: StarPart }[] = [{ at: 0, part: s.role }];
    if ((s.role === 'situation' || s.role === 'action') && r.task >= 0) found.push({ at: r.task, part: 'task' });
    if (s.role === 'result') {
      const outcome = r.result >= 0;
      if (r.unknown || (r.reflection && !outcome) || (unknownIn.has(s.section) && !outcome)) {
        s.role = 'closing';
        continue;
      }
    }
    s.role = settle(s, found, pieces) ?? s.role;
  }
  // STAR headings over a text that narrates nothing in the past: a hypothetical or a philosophy
  if (!anyPast) {
    pieces.splice(start);
    for (const s of doc.sentences) if (s.role !== 'opening') s.role = 'closing';
  }
}

/** Words that open a clause setting up what follows: "When they got angry, I would …". */
const SETS_UP = new Set(['when', 'whenever', 'if', 'once', 'every', 'each']);

/** STAR parts a combined heading names ("Situation & Task", "Action/Result"), in order. */
function namedParts(label: string, rubric: Rubric): StarPart[] {
  const out: StarPart[] = [];
  for (const piece of label.split(/[&/,+]|\band\b/i)) {
    const part = piece.trim() ? partForLabel(piece, rubric) : undefined;
    if (part && part !== 'opening' && !out.includes(part)) out.push(part);
  }
  return out.length > 1 ? out : [];
}

/** What the plain reading knows of the story so far. */
interface PlainState {
  started: boolean;
  seenTask: boolean;
  seenAction: boolean;
  seenResult: boolean;
  customerSide: boolean;
  pastSentences: number;
  presentSteps: boolean;
  setByCue: boolean;
  /** The story opened in the present ("So I'm working the register..."). */
  presentStory: boolean;
  lastHadStep: boolean;
}

const newPlainState = (): PlainState => ({
  started: false, seenTask: false, seenAction: false, seenResult: false, customerSide: false,
  pastSentences: 0, presentSteps: false, setByCue: false, presentStory: false, lastHadStep: false,
});

function segmentPlain(doc: AnswerDocument, cues: Cues, rubric: Rubric, pieces: StarPiece[], served: boolean): void {
  const state = newPlainState();
  state.customerSide = served;
  const start = pieces.length;
  for (const s of doc.sentences) readPlain(s, state, cues, rubric, pieces);
  joinStoryGaps(doc, cues, rubric, pieces, start);
  // what someone says or does between the speaker's steps ("He mentioned a heavy pannier") is
  // part of the action, not its result: a result with no outcome cue that more steps follow
  const bySentence = piecesBySentence(doc, pieces);
  let actionAfter = false;
  for (let i = doc.sentences.length - 1; i >= 0; i--) {
    const s = doc.sentences[i];
    const mine = bySentence[i];
    if (s.role === 'result' && mine.length === 1 && actionAfter && !read(s, cues, rubric, true).results.length) {
      mine[0].part = 'action';
      s.role = 'action';
    }
    if (mine.some((p) => p.part === 'action')) actionAfter = true;
  }
  const { pastSentences, presentSteps, setByCue } = state;
  // no narrated past: a definition or an opinion, whatever cues it has; one past sentence that
  // only sets a scene ("I worked in retail for five years") is background, not a story
  // — unless the story is told in the present ("So I'm at the register last year, and I call...")
  const onlyScene = pieces.slice(start).every((p) => p.part === 'situation');
  // — and steps in the present after one stray past ("so they know I heard them") are a routine
  // — and one past sentence that sums up a role ("In my last role, I led a team of 10, cut response
  // times by 30%") tells no particular time
  const summary = pastSentences === 1 && !doc.sentences.some(namesATime);
  // — and a text of four sentences or more that narrates two events or fewer, told in the past, is
  // an opinion with an aside ("I've found that taking the extra time helps"), not a story
  const fewEvents = !presentSteps && doc.sentences.length >= 4 && narratedEvents(doc) <= 2;
  if (fewEvents || (pastSentences === 0 ? !(presentSteps && setByCue) : pastSentences < 2 && (onlyScene || summary || (presentSteps && !setByCue)))) {
    pieces.splice(start);
    for (const s of doc.sentences) s.role = 'opening';
  }
}

/**
 * A sentence read as after the story with more of the story still to come ("It would not move.",
 * a line of dialogue) is part of the story: it takes the part of the story sentence before it. A
 * lesson, a habit, a hypothetical or a remark to the listener stays commentary.
 */
function joinStoryGaps(doc: AnswerDocument, cues: Cues, rubric: Rubric, pieces: StarPiece[], start: number): void {
  let last = -1;
  for (let i = doc.sentences.length - 1; i >= 0 && last < 0; i--) if (isStoryRole(doc.sentences[i].role)) last = i;
  let before: Role | undefined;
  let acted = false;
  let at = start;
  for (let i = 0; i < last; i++) {
    const s = doc.sentences[i];
    while (at < pieces.length && pieces[at].sentence <= i) at++;
    if (isStoryRole(s.role)) {
      acted ||= s.role === 'action' || s.role === 'result';
      // what follows the task ("I want the files by Friday!") is the scene or the action it is part of, not a goal
      before = s.role === 'task' ? (acted ? 'action' : 'situation') : s.role;
    } else if (s.role === 'closing' && before) {
      const r = read(s, cues, rubric, true);
      if (r.hyp || r.habit || r.reflection || r.aside || r.unknown) continue;
      s.role = before;
      pieces.splice(at, 0, { sentence: i, part: before as StarPart, first: 0, last: s.tokens.length });
      at++;
    }
  }
}

const isStoryRole = (role: Role | undefined) => role !== undefined && role !== 'opening' && role !== 'closing';

/** How many events the answer tells in the past. */
function narratedEvents(doc: AnswerDocument): number {
  let n = 0;
  for (const s of doc.sentences) for (const c of s.clauses) if (isToldEvent(c)) n++;
  return n;
}

const WHEN = /^(yesterday|once|ago|recently|tonight|today|morning|afternoon|evening|night|weekend|week|month|year|spring|summer|autumn|fall|winter|christmas|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|shift|day)$/;

/** Whether a sentence says when something happened: a date, a clock time, "one day", "last winter", "two weeks ago". */
function namesATime(s: DocSentence): boolean {
  if (s.numbers.some((n) => n.kind === 'date' || n.kind === 'time')) return true;
  const t = s.tokens;
  return t.some((x, i) => x.norm === 'ago' || x.norm === 'yesterday' || (x.norm === 'once' && i === 0) || (/^(last|one|that|this|on|a)$/.test(x.norm) && WHEN.test(t[i + 1]?.norm ?? '')));
}

/** Reads one sentence of text that no heading labels, in story order, and writes its role. */
function readPlain(s: DocSentence, state: PlainState, cues: Cues, rubric: Rubric, pieces: StarPiece[]): void {
  let { started, seenTask, seenAction, seenResult, customerSide, pastSentences, presentSteps, setByCue, presentStory, lastHadStep } = state;
  const save = () => {
    // (field by field: an object literal for Object.assign was made for every sentence)
    state.started = started;
    state.seenTask = seenTask;
    state.seenAction = seenAction;
    state.seenResult = seenResult;
    state.customerSide = customerSide;
    state.pastSentences = pastSentences;
    state.presentSteps = presentSteps;
    state.setByCue = setByCue;
    state.presentStory = presentStory;
    state.lastHadStep = lastHadStep;
  };
  const r = read(s, cues, rubric, started, started && pastSentences > 0 && !seenAction, presentStory || lastHadStep);
  if (r.customerSide && !r.hyp) customerSide = true;
  // the outcome cues that count: told as the customer, the speaker's own too ("I came back")
  const results = customerSide ? r.results : r.othersResults;
  const result = customerSide ? r.result : r.othersResult;
  if (r.aside) {
    s.role = started ? 'closing' : 'opening';
    save();
    return;
  }
  const found: { at: number; part: StarPart }[] = [];
  let role: Role | undefined;
  if (!started) {
    // a lesson ("I learned early on that...") or a habit is no setting, unless a setting cue says where and when
    const setting = r.situation.length > 0 && (r.past || !r.habit);
    // a question asks the listener ("Ever heard of 'service with a smile'?"): no story opens on one
    const asks = s.clauses.length > 0 && s.clauses.every((c) => c.question && !c.quoted);
    // nor on a hypothetical whose past is only inside it ("You wouldn't want the driver who took you to the airport to fly the plane")
    const supposes = s.clauses.find((c) => c.finite)?.mode === 'modal';
    if (r.hyp || asks || supposes || !(setting || (r.past && !r.habit && !r.reflection))) {
      s.role = 'opening';
      save();
      return;
    }
    started = true;
    setByCue = r.situation.length > 0;
    presentStory = !r.past;
    found.push({ at: 0, part: 'situation' });
    // told as the customer, what the speaker asked for or the one serving set out to do: the Task
    const task = earliest(r.task, customerSide ? servedTask(r) : -1);
    if (task >= 0) found.push({ at: task, part: 'task' });
    // "..., so I phoned his doctor": a step that follows the setting in the same sentence
    for (const st of r.steps) {
      const lead = s.tokens[st.at - 1]?.norm ?? '';
      if (st.person === 'first' && st.at >= 4 && CONSEQUENCE.has(lead)) found.push({ at: st.at - 1, part: 'action' });
    }
    // "..., so I phoned his doctor and had it ready within an hour": and its outcome
    const stepAt = found.find((f) => f.part === 'action')?.at ?? -1;
    const outcome = results.find((at) => stepAt >= 0 && at > stepAt);
    if (outcome !== undefined) found.push({ at: outcome, part: 'result' });
  } else if (r.label && r.label !== 'opening') {
    found.push({ at: 0, part: r.label });
  } else if ((r.hyp || r.habit) && !r.past && !(r.task >= 0 && clauseAt(s, r.task)?.quoted)) {
    // a hypothetical inside the story is commentary, not a part of it; an offer said in the story
    // is a commitment ('"If you want to wait a bit, I can bring you home."')
    role = 'closing';
  } else if (r.unknown && seenAction) {
    role = 'closing';
  } else {
    // a story told in the past has its task in the past: a present "I want to shout out the small
    // wins" is the teller talking now, and "I want to know what you're going to do!" a line of dialogue
    // (a rule stated now still held then: "technically we don't really do that", "this is on us")
    const aimNow = r.task >= 0 && !presentStory ? clauseAt(s, r.task) : undefined;
    const taskNow = aimNow !== undefined && isAimNow(aimNow);
    if (r.task >= 0 && !r.reflection && !taskNow) found.push({ at: r.task, part: 'task' });
    // told as the customer, what the speaker asked for before anything was done is their stated need,
    // and what the one serving set out to do, their goal ("The technician insisted on making it right")
    else if (customerSide && !seenAction && servedTask(r) >= 0) found.push({ at: servedTask(r), part: 'task' });
    // notes that state the task as an instruction, before any step: "Build a schedule that covered peak hours."
    // (not a line of dialogue or an exclamation: "Him: \"Forget it!\"", "REMEMBER!")
    else if (!seenAction && s.clauses[0]?.mode === 'imperative' && s.clauses[0].first === 0 && !introEnd(s) && !s.clauses[0].quoted && !/!["”')\s]*$/.test(s.text)) found.push({ at: 0, part: 'task' });
    if (r.situation.length && !seenAction) found.push({ at: 0, part: 'situation' });
    // an outcome needs something to be the outcome of: a step or a goal before it
    const firstStep = r.steps.find((st) => (customerSide ? st.person === 'third' : st.person === 'first'))?.at ?? -1;
    // "In the end she left with one": an outcome that opens the sentence ends the story, steps told or not
    let lead = 0;
    while (lead < s.tokens.length && CONNECTORS.has(s.tokens[lead].norm)) lead++;
    const opensWithOutcome = results.some((at) => at <= lead) && firstStep < 0; // "as" of "as a result" is a connector too
    const resultAt = result >= 0 && (seenAction || seenTask || opensWithOutcome) ? result : (results.find((at) => firstStep >= 0 && at > firstStep) ?? -1);
    for (const st of r.steps) {
      if (resultAt >= 0 && st.at > resultAt) continue; // "in the end we saved 120 hours" is the result
      // told as the customer, the steps that count are the server's ("she called another branch"),
      // not the teller's own ("I went to collect it")
      if (customerSide ? st.person === 'third' && !SAID_FORMS.has(s.tokens[st.verb].norm) : st.person === 'first') found.push({ at: st.at, part: 'action' });
    }
    if (cues.action.test(s.tokens) && !r.reflection && !found.some((f) => f.part === 'action') && resultAt < 0) found.push({ at: 0, part: 'action' });
    // before any step, the speaker's aim achieved ("I was able to find all the right pieces", "we
    // managed to get it there") tells the step itself: the Action, with nothing yet for it to be the outcome of
    if (resultAt < 0 && !seenAction && !customerSide && !r.reflection && !found.some((f) => f.part === 'action')) {
      const achieved = results.find((at) => SUBJECT_FIRST.has(s.tokens[at].norm));
      if (achieved !== undefined) found.push({ at: achieved, part: 'action' });
    }
    if (resultAt >= 0) found.push({ at: resultAt, part: 'result' });
    if (!found.length) {
      if (r.reflection) role = seenAction ? 'closing' : 'situation';
      else if (r.past) role = seenAction ? 'result' : 'situation';
      // after the steps, a lasting state ("he still asks for me") is the outcome, and so is any
      // event in a story told in the present ("she leaves smiling")
      else if (seenAction || seenResult) role = (r.lasting || (presentSteps && !r.hyp)) && !r.habit ? 'result' : 'closing';
      else role = 'situation';
    }
  }
  if (r.past && !r.hyp) pastSentences++;
  if (found.some((f) => f.part === 'action') && !r.past) presentSteps = true;
  lastHadStep = found.some((f) => f.part === 'action');
  role ??= 'situation';
  if (!found.length && role !== 'opening' && role !== 'closing') found.push({ at: 0, part: role });
  const added = pieces.length;
  role = settle(s, found, pieces) ?? role;
  s.role = role;
  for (let k = added; k < pieces.length; k++) {
    const p = pieces[k];
    if (p.part === 'task') seenTask = true;
    if (p.part === 'action') seenAction = true;
    if (p.part === 'result') seenResult = true;
  }
  if (role === 'result') seenResult = true;
  if (role === 'action') seenAction = true;
  save();
}
