/**
 * The rubric schema, as data: the validator walks it, and the docs are generated from it.
 * Every key a rubric may hold is here; any other key is an error.
 */
export type FieldSpec =
  | { type: 'string'; description: string; enum?: readonly string[] }
  | { type: 'number'; description: string; min?: number; max?: number }
  | { type: 'phrases'; description: string }
  | { type: 'strings'; description: string }
  | { type: 'object'; description: string; fields: Record<string, FieldSpec> }
  | { type: 'list'; description: string; key?: string; item: Record<string, FieldSpec>; required: readonly string[] };

const phrases = (description: string): FieldSpec => ({ type: 'phrases', description });
const text = (description: string): FieldSpec => ({ type: 'string', description });
const share = (description: string): FieldSpec => ({ type: 'number', description, min: 0, max: 1 });

const starPart = (part: string): FieldSpec => ({
  type: 'object',
  description: `What ${/^[aeiou]/.test(part) ? 'an' : 'a'} ${part} is and how to find it.`,
  fields: {
    hint: text(`Guidance for writing the ${part}, shown by \`practice\` and in findings.`),
    example: text(`A short example ${part}.`),
    headings: { type: 'strings', description: `Markdown headings and YAML keys that name the ${part} (case-insensitive; a leading "the" is ignored).` },
    cues: phrases(`Phrases that mark a sentence of plain text as ${part}.`),
  },
});

export const RUBRIC_SCHEMA: Record<string, FieldSpec> = {
  id: text('Unique id, lower-case words joined by hyphens; `--rubric ID` selects it.'),
  title: text('The question the rubric is about, as a person would ask it.'),
  extends: text('Id of the rubric this one builds on. Its keys are inherited; a key here replaces the parent\'s, `key+:` adds to a parent\'s list and `key-:` removes from it.'),
  questions: { type: 'strings', description: 'Questions this rubric judges; an answer whose question matches one of these picks the rubric. The first is the main one.' },
  opening: {
    type: 'list',
    key: 'id',
    description: 'Talking points the opening should make (a one-line definition, a tie to company values).',
    item: { id: text('Talking point id.'), name: text('Short name.'), hint: text('What to say.'), phrases: phrases('Phrases that show the point is made.') },
    required: ['id', 'name', 'phrases'],
  },
  star: {
    type: 'object',
    description: 'How to find the STAR parts.',
    fields: {
      situation: starPart('situation'),
      task: starPart('task'),
      action: starPart('action'),
      result: starPart('result'),
      hypothetical: phrases('Phrases of a hypothetical ("I would"): such a sentence tells no story.'),
      habit: phrases('Phrases of a habit with no setting ("I always"): such a sentence tells no story.'),
      'unknown-outcome': phrases('Phrases saying the outcome is unknown ("not sure what she chose"): a result section made of them is no result.'),
      reflection: phrases('Phrases of an opinion or a lesson ("I still think", "what I learned"): such a sentence is no result.'),
      'customer-side': phrases('Phrases showing the story is told as the customer ("I placed an order"): then the server\'s steps are the action.'),
      'server-side': phrases('Phrases showing the speaker is the one serving ("my shift", "our customers", "as a cashier at"): with one, others\' steps for the speaker never make the story the customer\'s.'),
      'opening-headings': { type: 'strings', description: 'Headings and YAML keys that hold the opening.' },
    },
  },
  pillars: {
    type: 'list',
    key: 'id',
    description: 'The qualities a strong answer shows; a strong answer shows `expectations.pillars.min` of them.',
    item: {
      id: text('Pillar id (kebab-case).'),
      name: text('Display name.'),
      hint: text('How to show this pillar, named when it is missing.'),
      phrases: phrases('What a person does that shows the pillar ("listen", "walk _ through"): shown when the speaker or their team does it in the story, claimed when it is a value, a habit or a plan ("I always listen").'),
      qualities: phrases('Words that name the quality ("empathetic", "patience"): always a claim, never shown.'),
      outcomes: phrases('What the customer does or feels that shows it ("came back", "felt heard"): shown when it happens in the story.'),
      noticed: phrases('Feelings of the customer ("anxious", "close to tears"): noticed by the speaker ("I could see she was close to tears") or answered because of them ("he was anxious, so I showed him what could wait"), they show the pillar; a feeling only told ("she was furious and shouted") shows nothing.'),
      weight: { type: 'number', description: 'Relative weight in the pillar score (default 1).', min: 0, max: 10 },
    },
    required: ['id', 'name', 'phrases'],
  },
  metric: {
    type: 'object',
    description: 'Word lists for the metric check; the number patterns themselves are built in.',
    fields: {
      'count-nouns': phrases('Nouns that make a count an outcome or scale ("customers", "tickets").'),
      'rating-words': phrases('Rating and score words ("CSAT", "stars", "NPS").'),
      'outcome-phrases': phrases('Quantified outcomes in words ("the same day", "doubled", "renewed for another year").'),
      'not-metrics': phrases('Hyperbole, vague amounts, concessions and the speaker\'s own steps: never metrics ("110%", "a lot", "15% off", "called three").'),
      turnarounds: phrases('Time to resolution in words ("the same day", "within the hour"); counted when their clause states an outcome or stands in the Result, never in the speaker\'s own step or promise.'),
      'resolution-words': phrases('Words that make a turnaround an outcome ("fixed", "ready", "back"): "fixed within an hour", not "called within an hour".'),
      'change-words': phrases('Words that put a number on a change ("dropped", "went up"): "went up 12 points", "dropped by 30".'),
    },
  },
  jargon: {
    type: 'list',
    key: 'phrase',
    description: 'Buzzwords and clichés, each with a plainer alternative or a question asking for evidence.',
    item: {
      phrase: phrases('The buzzword or cliché.'),
      suggestion: text('What to say instead.'),
      pos: { type: 'string', description: 'Only when the first word is used as this part of speech ("leverage" the verb is jargon, "the leverage we had" is not).', enum: ['verb', 'noun', 'adjective'] },
      claims: text('Id of the pillar the cliché claims ("go the extra mile" claims extra-mile): it counts as a claim of that pillar, never as showing it.'),
    },
    required: ['phrase', 'suggestion'],
  },
  fillers: phrases('Filler words and phrases ("um", "you know").'),
  hedges: phrases('Hedges that weaken a claim ("I think", "kind of").'),
  expectations: {
    type: 'object',
    description: 'What a strong answer to this question looks like.',
    fields: {
      pillars: {
        type: 'object',
        description: 'How many pillars a strong answer shows.',
        fields: { min: { type: 'number', description: 'Fewest pillars.', min: 0, max: 20 }, max: { type: 'number', description: 'More than this reads as a list.', min: 0, max: 20 } },
      },
      metric: { type: 'string', description: 'Whether the result needs a number: `required` (error), `recommended` (warning) or `off`.', enum: ['required', 'recommended', 'off'] },
      words: {
        type: 'object',
        description: 'Length range in words.',
        fields: { min: { type: 'number', description: 'Fewest words.', min: 0 }, max: { type: 'number', description: 'Most words.', min: 1 } },
      },
      'words-per-minute': { type: 'number', description: 'Speaking rate for the time estimate.', min: 60, max: 300 },
      balance: {
        type: 'object',
        description: 'STAR balance, as shares of the story\'s words.',
        fields: { 'setup-max': share('Largest share for Situation + Task.'), 'result-min': share('Smallest share for Result.') },
      },
      'we-share-max': share('Largest share of "we" among the Action\'s I/we before it is flagged.'),
    },
  },
  weights: {
    type: 'object',
    description: 'Score weights; the score is their weighted average of the part scores, 0–100.',
    fields: Object.fromEntries(
      ['star', 'pillars', 'metric', 'jargon', 'delivery', 'opening'].map((k) => [k, { type: 'number', description: `Weight of the ${k} part.`, min: 0, max: 100 }]),
    ) as Record<string, FieldSpec>,
  },
};

/**
 * The spec of a key, from the schema's own keys only: a plain object also answers to `constructor`,
 * `__proto__`, `toString` and the rest of Object.prototype, which are no key of any rubric.
 */
export function fieldOf(fields: Record<string, FieldSpec>, name: string): FieldSpec | undefined {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/** Keys every resolved rubric must have (after `extends`). */
export const REQUIRED_RESOLVED = ['id', 'title', 'star', 'pillars', 'expectations', 'weights'] as const;
