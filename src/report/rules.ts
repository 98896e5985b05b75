import type { Severity } from '../analyze/types.js';

/** What a rule checks and how to fix what it finds: for code scanning's rule help and docs/rules.md. */
export interface RuleInfo {
  /** A few words. */
  name: string;
  /** One sentence: what the rule looks for. */
  description: string;
  /** Why it matters and what to do about a finding. */
  help: string;
  /** The severity the rule gives when a rubric or config does not change it. */
  level: Severity;
}

/** Every rule the analyzer reports (a test keeps this in step with the checks' rule ids). */
export const RULE_INFO: Readonly<Record<string, RuleInfo>> = {
  'star-no-story': {
    name: 'No story',
    description: 'The answer tells no specific story: it gives a definition, an opinion, a hypothetical ("I would…") or a habit ("I always…") instead.',
    help: 'Interviewers judge behaviour from one real past event. Tell one specific time: where you were, what happened, what you did, how it ended.',
    level: 'error',
  },
  'star-missing': {
    name: 'STAR part missing',
    description: 'One of the Situation, Task, Action and Result is missing (a missing Task is a warning, the others errors).',
    help: 'A STAR answer needs all four parts: the setting, what you had to do, the steps you took yourself, and the outcome. Add the part named, in a sentence or two.',
    level: 'error',
  },
  'star-balance': {
    name: 'STAR balance',
    description: "The story's words are badly spread: the Situation and Task take more than the rubric's share (35% by default), or the Result less than its share (10%).",
    help: 'Coaches aim for about S 20%, T 10%, A 60%, R 10%. Set the scene in fewer words and spend them on what you did; end on what changed, for whom, and by how much.',
    level: 'warning',
  },
  'pillars-missing': {
    name: 'Too few pillars',
    description: "The answer shows fewer of the rubric's pillars (empathy, ownership, …) than a strong answer does.",
    help: 'Show two or three qualities the question is about through what you did in the story; the finding names the ones worth adding and how to show them.',
    level: 'warning',
  },
  'pillars-too-many': {
    name: 'Too many pillars',
    description: "The answer touches more of the rubric's pillars than a focused answer does.",
    help: 'The strongest answers pick two or three qualities and show them well; a list of every virtue reads as a recital.',
    level: 'info',
  },
  'pillars-claimed': {
    name: 'Pillar claimed, not shown',
    description: 'A pillar is only claimed: said as a value, a habit, a plan or a self-description ("I am patient", "I would call them back"), or named by a cliché, with no moment in the story that shows it.',
    help: 'Every interview guide says show, don\'t tell: add the moment you did it ("I let her finish before I said a word") instead of the quality ("I am a good listener"). A claim earns half the credit of a pillar shown.',
    level: 'info',
  },
  'metric-missing': {
    name: 'No measurable result',
    description: 'No measurable outcome in the Result: no percentage, money, count, time to resolution, rating, multiplier or renewal (an error when the rubric requires one, else a warning).',
    help: 'A number makes the outcome believable: how much faster, how many customers, what rating, what renewal. Dates, your tenure and hyperbole ("110%") do not count.',
    level: 'error',
  },
  jargon: {
    name: 'Jargon',
    description: 'A buzzword or cliché (synergy, leverage, circle back, "above and beyond", …), in any inflection; a quoted mention is not flagged.',
    help: 'Buzzwords sound empty to an interviewer. Say it plainly, or give the evidence the buzzword claims; each finding suggests how. A project can accept a term with `accept:` in .answer-coach.yml.',
    level: 'warning',
  },
  filler: {
    name: 'Filler',
    description: 'A filler word or phrase ("um", "you know"; "like", "so", "well" only when used as fillers).',
    help: 'Fillers make an answer sound unsure and take time. Leave them out.',
    level: 'info',
  },
  hedge: {
    name: 'Hedge',
    description: 'A hedge that weakens a claim ("I think", "kind of", "maybe").',
    help: 'Say what you did and what happened plainly; keep doubt for where it is real.',
    level: 'info',
  },
  'we-action': {
    name: '"We" in the Action',
    description: 'The Action is told mostly with "we", so what the speaker did is hidden.',
    help: 'The interviewer is hiring you: tell your own steps with "I", and credit the team in a sentence.',
    level: 'warning',
  },
  length: {
    name: 'Length',
    description: "The answer is shorter or longer than the rubric's word range (150–300 words, 1–2 minutes spoken, by default).",
    help: 'Too short leaves out the detail a listener needs; too long loses them. Add the steps you took, or cut the setup first.',
    level: 'warning',
  },
  opening: {
    name: 'Opening talking point',
    description: 'A talking point the rubric asks for around the story is missing, such as a one-line definition of what service means to you.',
    help: 'Open with the point the question asks for in a sentence, then tell the story that shows it.',
    level: 'info',
  },
  directive: {
    name: 'Broken directive',
    description: 'An answer-coach-disable or answer-coach-enable comment names a rule that does not exist.',
    help: 'Check the rule id against the list of rules; a misspelt id turns nothing off.',
    level: 'warning',
  },
};

/** The docs page a rule's help links to, under a repository or docs address (none when the project has none). */
export function ruleHelpUri(base: string | undefined, id: string): string | undefined {
  return base ? `${base.replace(/\/+$/, '')}/blob/main/docs/rules.md#${id}` : undefined;
}

/** docs/rules.md, generated from RULE_INFO (`npm run docs:rubrics` writes it; a test keeps it current). */
export function ruleDocs(): string {
  const out = ['# Rules', '', '<!-- Generated from src/report/rules.ts by `npm run docs:rubrics`; do not edit by hand. -->', ''];
  out.push('Every finding names its rule. Turn a rule off or change its severity under `rules:` in `.answer-coach.yml`, or with an `answer-coach-disable RULE` comment in an answer.', '');
  for (const [id, info] of Object.entries(RULE_INFO)) {
    out.push(`## ${id}`, '', `**${info.name}** (default: ${info.level}). ${info.description}`, '', info.help, '');
  }
  return out.join('\n');
}
