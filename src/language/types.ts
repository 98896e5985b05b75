import type { Token } from '../text/tokens.js';

/** Universal part-of-speech tags, as wink-nlp's English model gives them. */
export type PartOfSpeech = 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/**
 * Who a clause is about: the speaker ("I"), the speaker's team ("we", "our team"), someone or
 * something else ("she", "the manager", "the policy"), or nobody named (a definition, a
 * fragment).
 */
export type Actor = 'speaker' | 'team' | 'other' | 'none';

/**
 * What the verb of a clause does in a story:
 * - `narrated`: a thing that happened, told in the past ("I called her");
 * - `background`: a perfect or a state before the story's steps ("her order had gone missing");
 * - `ongoing`: a present perfect that reaches to now ("she has shopped with us since");
 * - `present`: a present tense ("service means", "I believe", "so I ask her");
 * - `habit`: what someone usually does or used to do ("I always listen", "I used to work");
 * - `modal`: a hypothetical, a wish or a possibility ("I would call", "I could have");
 * - `future`: a plan ("I will", "I'm going to");
 * - `imperative`: an instruction with no subject ("Listen to the customer");
 * - `none`: no finite verb (a heading, a fragment).
 */
export type Mode = 'narrated' | 'background' | 'ongoing' | 'present' | 'habit' | 'modal' | 'future' | 'imperative' | 'none';

/** One clause of a sentence: tokens [first, last) with its subject and main verb. */
export interface Clause {
  first: number;
  last: number;
  /** Token index of the subject's head word, or -1. */
  subject: number;
  actor: Actor;
  /** Token index of the main verb (or of the copula when there is no other verb), or -1. */
  verb: number;
  /** The verb's dictionary form ("called" → "call"), '' without a verb. */
  lemma: string;
  mode: Mode;
  /** Said with "not", "never", "n't" or a negative subject ("nobody"). */
  negated: boolean;
  /** A passive ("the refund was approved"): the subject had it done to them. */
  passive: boolean;
  /** Inside quotation marks: someone's words, not the narration. */
  quoted: boolean;
  /** Under a verb of saying or promising ("I told him I would call"): a promise or a report, not a hypothetical. */
  reported: boolean;
  /** Under "if", "unless", "whenever": a condition, not a fact (the condition and what follows it in the sentence). */
  conditional: boolean;
  /** Inside the condition itself, up to the comma that closes it: "if a company delivers what I ordered," — not "that's service" after it. */
  condition: boolean;
  /** A question ("What would you do?"). */
  question: boolean;
  /** A finite verb with its own subject; false for "to help", "calling", "let him explain". */
  finite: boolean;
  /** For a quoted or reported clause, the index (in the sentence's clauses) of the clause that says it ("she said", "I told her"), or -1. */
  saidBy: number;
  /**
   * For a gerund led by a preposition, that preposition ("by" of "by listening", "of" of "instead
   * of waiting"), shared by the gerunds listed after it ("by listening … and explaining"); '' otherwise.
   */
  lead: string;
}

/**
 * What a number measures:
 * date, clock time, duration, money, percent, a count of people or cases, a rating, a fraction
 * ("seven of the eight"), a multiplier ("doubled", "3x"), an ordinal ("the third time"), an age,
 * or a bare amount whose unit is not said.
 */
export type NumberKind = 'date' | 'time' | 'duration' | 'money' | 'percent' | 'count' | 'rating' | 'fraction' | 'multiplier' | 'ordinal' | 'age' | 'amount';

export interface NumberFact {
  /** Token range [first, last) in the sentence, the unit or counted noun included. */
  first: number;
  last: number;
  start: number;
  end: number;
  kind: NumberKind;
  /** The value, when the words give one ("three" → 3, "2,446" → 2446, "half" → 0.5). */
  value?: number;
  /** What is counted or measured: the dictionary form of the noun or unit ("pair", "minute"), '' if none. */
  unit: string;
}

/** A sentence read once: its tokens (with their facts), clauses and numbers. */
export interface SentenceFacts {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  clauses: Clause[];
  numbers: NumberFact[];
  /** The sentence starts inside a quotation opened in an earlier sentence of its paragraph. */
  inQuote: boolean;
  /**
   * Who says the line of dialogue the sentence is in, by the line's label: the speaker ("Me: I sold
   * it!"), or someone else ("The customer: "Your driver still isn't here!"", "Manager: …"); every
   * sentence of the line has it, and its words are quoted. Undefined outside labelled dialogue.
   */
  dialogueBy: 'speaker' | 'other' | undefined;
}
