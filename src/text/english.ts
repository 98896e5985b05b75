import { anyWordIn, FACT_PAST_VERB, FACT_PRESENT_STEP, WordClass, wordFact, type Token } from './tokens.js';

// English mechanics the STAR segmenter needs, not rubric content: which words are past-tense
// verbs and pronouns. Regular pasts end in -ed; these are the common irregular ones.
const IRREGULAR_PAST = new Set(
  ('was were had did made said went got took came saw knew thought told gave found felt left kept brought bought sent spent ' +
    'stood sat ran met paid lost held heard meant put set let read led began began broke chose drove ate fell forgot ' +
    'grew hid hung hurt lay lent rang rose sang sold shook shot shut slept spoke stole stuck swore swept taught tore threw ' +
    'understood woke wore won wrote became built caught cost dealt drew flew fought froze quit sent sought struck ' +
    "couldn't wasn't weren't didn't hadn't").split(/\s+/),
);
const NOT_VERBS_ED = new Set(['need', 'red', 'bed', 'shed', 'feed', 'seed', 'deed', 'reed', 'weed', 'greed', 'breed', 'steed', 'speed', 'embed', 'hundred', 'indeed', 'sacred', 'naked', 'wicked', 'rugged', 'ragged', 'kindred', 'beloved']);

const pastVerb = (w: string) => IRREGULAR_PAST.has(w) || (w.length >= 4 && w.endsWith('ed') && !NOT_VERBS_ED.has(w));

export function isPastVerb(t: Token): boolean {
  return wordFact(t, FACT_PAST_VERB, pastVerb);
}

export const FIRST_SINGULAR = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself']);
export const FIRST_PLURAL = new Set(['we', "we're", "we've", "we'd", "we'll", 'us', 'our', 'ours', 'ourselves']);

export const SUBJECT_PRONOUNS_THIRD = new Set(['he', 'she', 'they', 'it', "he's", "she's", "they're", "it's", "he'd", "she'd", "they'd"]);

// Verbs whose past form states a condition, a thought or a modality rather than a step taken:
// "I was", "I knew", "I wanted", "I could" say how things stood, not what the speaker did.
const NOT_STEPS = new Set(
  ('was were had did been could would should might must wouldn\'t couldn\'t didn\'t wasn\'t weren\'t hadn\'t shouldn\'t ' +
    'knew thought felt wanted needed liked loved hated hoped wished seemed believed guessed realised realized learned learnt ' +
    'meant expected assumed worried wondered remembered forgot understood supposed happened seemed lived owned belonged').split(/\s+/),
);
// Present-tense verbs a first-person subject can take that are not steps ("I think", "I am").
const NOT_STEPS_PRESENT = new Set(
  ("am 'm is are be have has do does can can't will won't shall may might must should would could think believe feel know guess mean " +
    'hope wish want need like love remember suppose try tend usually always never still just really also even only').split(/\s+/),
);
// Words that may stand between a subject and its verb without changing who acts ("I then called").
const BETWEEN = new Set(
  ('also then just even finally first immediately quickly basically actually really already still never personally ' +
    'straight soon totally kind sort of like literally simply gently calmly politely carefully both all myself ourselves').split(/\s+/),
);

/** "had", "'d" and "have" forms that make the next past verb a perfect: background, not a step. */
const PERFECT_AUX = new Set(['had', 'have', 'has', "i'd", "we'd", "he'd", "she'd", "they'd", "i've", "we've", "'ve", "hadn't", "haven't", "hasn't", 'having']);

export const isNotStep = (w: string) => NOT_STEPS.has(w);

/**
 * Index of the verb that follows a subject at tokens[i], skipping adverbs and hedges, or -1.
 * The verb is the first token after the subject that is not a filler word.
 */
export function verbAfter(tokens: readonly Token[], i: number): number {
  let j = i + 1;
  let skipped = 0;
  while (j < tokens.length && BETWEEN.has(tokens[j].norm) && skipped < 3) {
    j++;
    skipped++;
  }
  return j < tokens.length ? j : -1;
}

/** True when tokens[j] is a past verb that is part of a perfect ("had called", "I'd never used"). */
export function isPerfect(tokens: readonly Token[], j: number): boolean {
  for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
    const w = tokens[k].norm;
    if (PERFECT_AUX.has(w)) return true;
    if (!BETWEEN.has(w)) return false;
  }
  return false;
}

/** Spelled as a regular past: longer than four letters, ending in -ed but not -eed ("need", "exceed"). */
export const hasPastSpelling = (w: string): boolean => w.length > 4 && w.endsWith('ed') && !w.endsWith('eed');

/** Verbs whose own form ends in -ing, and so are no -ing form: "then I bring her the manager". */
const BASE_ING = new Set(['bring', 'sing', 'ring', 'spring', 'sting', 'string', 'swing', 'cling', 'fling', 'sling', 'wring']);

/** An -ing form ("calling", "bringing"), not a verb whose own form ends so ("bring", "string"). */
export const isIngForm = (w: string): boolean => w.endsWith('ing') && !BASE_ING.has(w);

/** A verb in the present that a first-person subject could use for a step ("then I ask him"). */
const presentStep = (w: string) => /^[a-z]+$/.test(w) && !NOT_STEPS_PRESENT.has(w) && !w.endsWith('ly') && !isIngForm(w) && w.length > 1;

export function isPresentStep(t: Token): boolean {
  return wordFact(t, FACT_PRESENT_STEP, presentStep);
}

/** A past verb that narrates a step rather than a state ("called", not "was" or "knew"). */
export function isPastStep(t: Token): boolean {
  return isPastVerb(t) && !NOT_STEPS.has(t.norm);
}

// Words after which a past form is a participle or an adjective, not a narrated verb:
// "feels valued", "is solved", "a valued customer", "and finished".
const NOT_BEFORE_NARRATED = new Set(
  ("is are am 'm be been being was were feel feels seem seems look looks get gets getting become becomes remain remains stay stays " +
    "have has 've i've we've you've they've having it's that's what's there's i'm you're they're we're he's she's a an the my your our their his its " +
    'and or to not very so more most less fully well being ' +
    // after a modal the form is a bare verb: "I would just let them talk", "we can set it up"
    "would could should will can might must may shall won't wouldn't couldn't shouldn't can't do does don't doesn't").split(/\s+/),
);

const FREQUENCY = new Set(['always', 'often', 'sometimes', 'ever', 'once', 'since']);
const CAUSATIVE = new WordClass(['keep', 'keeps', 'keeping', 'make', 'makes', 'making', 'leave', 'leaves', 'leaving', 'feel', 'feels', 'feeling', 'want', 'wants', 'get', 'gets', 'getting']);

/**
 * True when tokens[i] narrates something that happened ("she called", "it was"), not a participle
 * or adjective in a present-tense sentence ("the person feels valued", "until it is solved").
 */
export function isNarratedPast(tokens: readonly Token[], i: number): boolean {
  if (!isPastVerb(tokens[i])) return false;
  // "as if it were theirs", "if I were you": a subjunctive, not a past
  if (tokens[i].norm === 'were' && anyWordIn(tokens, i - 3, i, IF)) return false;
  let k = i - 1;
  while (k >= 0 && (BETWEEN.has(tokens[k].norm) || FREQUENCY.has(tokens[k].norm) || tokens[k].norm.endsWith('ly'))) k--;
  if (k >= 0 && NOT_BEFORE_NARRATED.has(tokens[k].norm)) return false;
  // "keeping people informed", "makes every customer feel valued": a complement, not a verb
  return !anyWordIn(tokens, k - 3, k, CAUSATIVE);
}

const IF = new WordClass(['if']);


// Verbs whose past is spelled like their present ("I let them talk"): alone, they do not show a past.
const SAME_FORM = new Set('let put set read cut hit quit shut hurt cost spread bet cast burst'.split(' '));

/** A narrated past that cannot be a present tense ("I called", not "I let"). */
export function isClearPast(tokens: readonly Token[], i: number): boolean {
  return isNarratedPast(tokens, i) && !SAME_FORM.has(tokens[i].norm);
}

// Past verbs that report what someone said or thought: in "I told him I would call", the "would"
// is the promise made then, not a hypothetical.
/** Words that say a state lasts past the story's events: "he still asks for me", "she has shopped with us since", "we now …". */
export const LASTS_ON = /\bstill\b|\bsince\b|\bnow\b/i;

export const REPORTING = new Set(
  ('told said promised assured swore explained agreed decided knew thought figured realised realized guessed hoped ' +
    'reckoned wrote emailed texted replied answered mentioned warned confirmed insisted guaranteed').split(/\s+/),
);

const COPULA = new Set(['is', 'are', 'means', 'mean', "'s", "it's", "that's"]);
const SUBORDINATORS = new Set(['who', 'that', 'which', 'when', 'how', 'what', 'after', 'where', 'whenever', 'once', 'because', 'if']);
const CLAUSE_BREAK = new Set(['and', 'but', 'so', 'then']);

/**
 * A definition or general statement: the main verb is a present "is" / "means" whose subject is not
 * the speaker, and every past comes inside a clause under it ("Service means helping people who
 * came to you", "Good service is when someone went out of their way"). Such a past tells no story.
 */
export function isDefinition(tokens: readonly Token[]): boolean {
  const v = tokens.findIndex((t) => COPULA.has(t.norm) || isPastVerb(t));
  if (v < 0 || !COPULA.has(tokens[v].norm)) return false;
  if (tokens.slice(0, v).some((t) => FIRST_SINGULAR.has(t.norm) || FIRST_PLURAL.has(t.norm))) return false;
  let under = false;
  for (let i = v + 1; i < tokens.length; i++) {
    const w = tokens[i].norm;
    if (CLAUSE_BREAK.has(w)) under = false;
    else if (SUBORDINATORS.has(w)) under = true;
    else if (isPastVerb(tokens[i]) && !under && isNarratedPast(tokens, i)) return false;
  }
  return true;
}
