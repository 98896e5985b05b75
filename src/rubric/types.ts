import type { StarPart } from '../answer/types.js';

/** A phrase as written in a rubric: words, `word*` for any ending, `a|b` for alternatives, `_` for any one word. */
export type Phrase = string;

export interface PillarRule {
  id: string;
  name: string;
  hint: string;
  /** Behaviours: shown when the speaker (or their team) does them in the story, claimed as a value, habit or plan. */
  phrases: Phrase[];
  /** Words for the quality itself: a claim. */
  qualities: Phrase[];
  /** The customer's response that shows the pillar ("came back"). */
  outcomes: Phrase[];
  /** Customer feelings that show the pillar when the speaker answers them in the same sentence. */
  noticed: Phrase[];
  weight: number;
}

export interface TalkingPoint {
  id: string;
  name: string;
  hint: string;
  phrases: Phrase[];
}

export interface StarPartRule {
  hint: string;
  example?: string;
  /** Markdown headings and YAML keys that name this part ("Outcome", "What I did"). */
  headings: string[];
  cues: Phrase[];
}

export interface StarRules {
  situation: StarPartRule;
  task: StarPartRule;
  action: StarPartRule;
  result: StarPartRule;
  /** Sentences that look like a story but are not one: hypotheticals, habits, definitions, opinions. */
  hypothetical: Phrase[];
  habit: Phrase[];
  /** A result section that says the outcome is unknown is no result. */
  'unknown-outcome': Phrase[];
  /** An opinion or lesson is no result. */
  reflection: Phrase[];
  /** The story is told as the customer: the server's steps are the action. */
  'customer-side': Phrase[];
  /** The speaker is the one serving (a job, a shift, "our customers"): no story of being served. */
  'server-side': Phrase[];
  /** Headings and YAML keys that hold the opening (definition, philosophy). */
  'opening-headings': string[];
}

export interface JargonRule {
  phrase: Phrase;
  suggestion: string;
  /** Only when the phrase's first word is this part of speech. */
  pos?: 'verb' | 'noun' | 'adjective';
  /** The pillar the cliché claims (a claim, never shown). */
  claims?: string;
}

export interface MetricRules {
  /** Nouns that make a counted quantity an outcome or scale ("three new customers", "40 tickets"). */
  'count-nouns': Phrase[];
  /** Words for ratings and scores: CSAT, NPS, stars. */
  'rating-words': Phrase[];
  /** Phrases that put a number or time on an outcome without digits ("the same day", "doubled"). */
  'outcome-phrases': Phrase[];
  /** Hyperbole and vague amounts that are never metrics ("110%", "a lot"). */
  'not-metrics': Phrase[];
  /** Time to resolution in words ("the same day"); a metric when its clause states an outcome or stands in the Result, not in the speaker's own step or promise. */
  turnarounds: Phrase[];
  /** Words that make a turnaround an outcome ("fixed", "ready", "back"). */
  'resolution-words': Phrase[];
  /** Words that put a number on a change ("dropped", "went up"). */
  'change-words': Phrase[];
}

export interface Expectations {
  pillars: { min: number; max: number };
  metric: 'required' | 'recommended' | 'off';
  words: { min: number; max: number };
  'words-per-minute': number;
  balance: { 'setup-max': number; 'result-min': number };
  /** Share of Action pronouns that may be "we" before the speaker's own part is hidden. */
  'we-share-max': number;
}

export interface ScoreWeights {
  star: number;
  pillars: number;
  metric: number;
  jargon: number;
  delivery: number;
  opening: number;
}

/** A rubric after `extends` has been resolved and defaults applied. */
export interface Rubric {
  id: string;
  title: string;
  /** Where it was loaded from (a path, or `built-in:ID`). */
  source: string;
  questions: string[];
  opening: TalkingPoint[];
  star: StarRules;
  pillars: PillarRule[];
  metric: MetricRules;
  jargon: JargonRule[];
  fillers: Phrase[];
  hedges: Phrase[];
  expectations: Expectations;
  weights: ScoreWeights;
}

export type StarRulesFor = Record<StarPart, StarPartRule>;

/** A rubric that failed to load, with every problem found. */
export class RubricError extends Error {
  constructor(readonly problems: { file: string; line?: number; column?: number; message: string }[]) {
    super(problems.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`).join('\n'));
    this.name = 'RubricError';
  }
}

/**
 * Every rubric a source holds, resolved, in id order; one RubricError names every rubric that cannot
 * be (an extends cycle, a missing parent).
 */
export function resolveEvery(source: { ids(): string[]; get(id: string): Rubric }): Rubric[] {
  const rubrics: Rubric[] = [];
  const problems: RubricError['problems'] = [];
  for (const id of source.ids()) {
    try {
      rubrics.push(source.get(id));
    } catch (e) {
      if (!(e instanceof RubricError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new RubricError(problems);
  return rubrics;
}

/** The rubrics a question can pick: those that name at least one question, in id order. */
export function pickable(source: { ids(): string[]; get(id: string): Rubric }): Rubric[] {
  return source
    .ids()
    .map((id) => source.get(id))
    .filter((r) => r.questions.length > 0);
}
