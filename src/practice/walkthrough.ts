import { Chalk, type ChalkInstance } from 'chalk';
import { analyze } from '../analyze/index.js';
import type { Finding, Report } from '../analyze/types.js';
import { parseAnswer } from '../answer/index.js';
import { summarize } from '../report/summary.js';
import { formatPretty } from '../report/pretty.js';
import { oneLine, sanitize } from '../report/sanitize.js';
import type { Rubric } from '../rubric/types.js';
import { nextPart, PART_TITLES, partsFor, renderDraft, slugify, type Draft, type Part } from './draft.js';
import { nudgesFor, topImprovements, type Nudge } from './nudges.js';

/** What the walkthrough asks; the prompt adapter turns each into a prompt. */
export type Step =
  | { kind: 'question'; message: string; choices: { name: string; value: string }[] }
  /** Free text over several lines. `onProgress` gets the text so far after every line, so a draft can keep it. */
  | { kind: 'text'; part: Part; message: string; onProgress?: (textSoFar: string) => void }
  | { kind: 'review'; part: Part; message: string; choices: { name: string; value: ReviewChoice }[] }
  /** On resume, a rewrite left unfinished beside the old text: go on with it, take it as it is, or drop it. */
  | { kind: 'unfinished'; part: Part; message: string; choices: { name: string; value: UnfinishedChoice }[] }
  | { kind: 'path'; message: string; default: string }
  | { kind: 'overwrite'; message: string; path: string };

export type ReviewChoice = 'keep' | 'rewrite' | 'add';
export type UnfinishedChoice = 'continue' | 'use' | 'old';
export type AnswerOf<S extends Step> = S extends { kind: 'review' } ? ReviewChoice : S extends { kind: 'unfinished' } ? UnfinishedChoice : S extends { kind: 'overwrite' } ? boolean : string;
export type Ask = <S extends Step>(step: S) => Promise<AnswerOf<S>>;

/** Everything with an effect, injected: prompts, printing, and files. */
export interface PracticeDeps {
  ask: Ask;
  say(text: string): void;
  /** Writes the draft (Markdown with a draft comment) safely; called whenever something new was typed. */
  saveDraft(markdown: string, draft: Draft): void;
  /** The finished answer is saved; the draft is no longer needed. */
  discardDraft(): void;
  exists(path: string): boolean;
  writeAnswer(path: string, text: string): void;
  random(): number;
  color: boolean;
}

export interface PracticeSetup {
  /** Rubrics whose questions can be picked. */
  rubrics: readonly Rubric[];
  /** --rubric, or the rubric a resumed draft was written for. */
  rubric?: Rubric;
  /** The rubric for a question typed with --question TEXT, when no --rubric was given. */
  rubricFor(question: string): Rubric;
  /** --question: a 1-based number in the question list, or the question itself. */
  question?: string;
  random?: boolean;
  out?: string;
  resume?: Draft;
}

export interface PracticeOutcome {
  path: string;
  markdown: string;
  report: Report;
  improvements: Finding[];
}

/** A mistake in how practice was started (a question number out of range); the CLI exits 2. */
export class PracticeUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PracticeUsageError';
  }
}

const UNFINISHED_CHOICES = (title: string): { name: string; value: UnfinishedChoice }[] => [
  { name: 'Go on typing the rewrite', value: 'continue' },
  { name: 'Use the rewrite as it is', value: 'use' },
  { name: `Drop the rewrite and keep the old ${title}`, value: 'old' },
];

const REVIEW_CHOICES: { name: string; value: ReviewChoice }[] = [
  { name: 'Keep it and go on', value: 'keep' },
  { name: 'Rewrite it', value: 'rewrite' },
  { name: 'Add to it', value: 'add' },
];

// "A one-line definition" → "a one-line definition", but "NPS score" stays as it is
const lowerFirst = (s: string) => (/^[A-Z](?![A-Z])/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
const indent = (text: string, pad = '    ') => text.split('\n').map((l) => pad + l).join('\n');
const minutes = (words: number, wpm: number) => Math.max(1, Math.round(words / wpm));

/** The questions to pick from, each with its rubric. */
function questionBank(setup: PracticeSetup): { question: string; rubric: Rubric }[] {
  const rubrics = setup.rubric ? [setup.rubric] : setup.rubrics;
  return rubrics.flatMap((rubric) => rubric.questions.map((question) => ({ question, rubric })));
}

async function pickQuestion(setup: PracticeSetup, deps: PracticeDeps): Promise<{ question: string; rubric: Rubric }> {
  const bank = questionBank(setup);
  const wanted = setup.question?.trim();
  if (wanted && !/^\d+$/.test(wanted)) return { question: wanted, rubric: setup.rubric ?? setup.rubricFor(wanted) };
  if (!bank.length) throw new PracticeUsageError(`rubric "${setup.rubric?.id ?? ''}" lists no questions: name one with --question TEXT`);
  if (wanted) {
    const n = Number(wanted);
    if (n < 1 || n > bank.length) throw new PracticeUsageError(`--question ${wanted}: pick a number from 1 to ${bank.length}, or type the question itself`);
    return bank[n - 1];
  }
  if (setup.random) return bank[Math.min(bank.length - 1, Math.floor(deps.random() * bank.length))];
  const value = await deps.ask({
    kind: 'question',
    message: 'Which question do you want to practise?',
    choices: bank.map((b, i) => ({ name: oneLine(b.question), value: String(i) })),
  });
  return bank[Number(value)];
}

/** What a strong answer holds, from the rubric: said once, before the first part. */
export function brief(question: string, rubric: Rubric, c: ChalkInstance): string {
  const { pillars, metric, words } = rubric.expectations;
  const wpm = rubric.expectations['words-per-minute'];
  const lines = [c.bold(oneLine(question)), '', 'A strong answer:'];
  if (rubric.opening.length) lines.push(`  • opens with ${rubric.opening.map((p) => lowerFirst(oneLine(p.name))).join(' and ')}`);
  lines.push('  • tells one real story in four parts: Situation → Task → Action → Result, most of it the Action');
  if (rubric.pillars.length) {
    const count = pillars.min === pillars.max ? `${pillars.min}` : `${pillars.min} or ${Math.min(pillars.max, pillars.min + 1)}`;
    lines.push(`  • shows ${count} of these, in what you did:`);
    for (const p of rubric.pillars) lines.push(`      ${oneLine(p.name)}${p.hint ? c.dim(` — ${oneLine(p.hint)}`) : ''}`);
  }
  if (metric !== 'off') lines.push('  • ends on a result with a number: % faster, customers helped, a rating');
  lines.push(`  • takes ${minutes(words.min, wpm)}–${minutes(words.max, wpm)} minutes to say: about ${words.min}–${words.max} words`);
  return lines.join('\n');
}

function partIntro(part: Part, index: number, total: number, question: string, rubric: Rubric, c: ChalkInstance): string {
  const head = c.bold(`Step ${index} of ${total} · ${PART_TITLES[part]}`);
  if (part === 'opening') {
    const hints = rubric.opening.map((p) => oneLine(p.hint)).filter(Boolean);
    return [head, ...hints.map((h) => c.dim(`  ${h}`))].join('\n');
  }
  const rule = rubric.star[part];
  const lines = [head, c.dim(`  ${oneLine(rule.hint)}`)];
  if (rule.example) lines.push(c.dim(`  Example: ${oneLine(rule.example)}`));
  return lines.join('\n');
}

function textMessage(part: Part, question: string): string {
  if (part === 'opening') return `In a sentence or two: ${lowerFirst(oneLine(question))}`;
  return `Your ${PART_TITLES[part]}`;
}

function formatNudges(nudges: Nudge[], part: Part, c: ChalkInstance): string {
  if (!nudges.length) return c.green(`  ✓ Nothing to fix in the ${PART_TITLES[part]} so far.`);
  return nudges.map((n) => c.yellow(`  → ${oneLine(n.message)}`)).join('\n');
}

/**
 * The guided walkthrough: pick a question, brief, then each part with a nudge and keep / rewrite /
 * add, then save and report. Every effect goes through `deps`, so it runs the same under a
 * terminal and under a scripted test. The draft is saved after every line typed and every
 * decision, so a cancelled prompt loses nothing.
 */
export async function practice(setup: PracticeSetup, deps: PracticeDeps): Promise<PracticeOutcome> {
  const c = new Chalk({ level: deps.color ? 1 : 0 });
  let draft: Draft;
  let rubric: Rubric;
  if (setup.resume) {
    if (!setup.rubric) throw new PracticeUsageError('resuming needs the rubric the draft was written for');
    const { rewrite } = setup.resume;
    draft = { ...setup.resume, texts: { ...setup.resume.texts }, done: [...setup.resume.done], out: setup.out ?? setup.resume.out, rewrite: rewrite && { ...rewrite } };
    rubric = setup.rubric;
  } else {
    const picked = await pickQuestion(setup, deps);
    rubric = picked.rubric;
    draft = { rubric: rubric.id, question: picked.question, out: setup.out, texts: {}, done: [] };
  }
  const save = () => deps.saveDraft(renderDraft(draft, { meta: true }).markdown, draft);
  save();

  const parts = partsFor(rubric);
  const first = nextPart(draft, parts);
  if (setup.resume) {
    deps.say(`${c.bold(oneLine(draft.question))}\n${first ? `Picking up at the ${PART_TITLES[first]}.` : 'Every part is written; saving.'}`);
  } else {
    deps.say(brief(draft.question, rubric, c));
  }

  for (let part = first; part; part = nextPart(draft, parts)) {
    deps.say(`\n${partIntro(part, parts.indexOf(part) + 1, parts.length, draft.question, rubric, c)}`);
    const current = part;
    const enter = async (before: string) => {
      const typed = await deps.ask({
        kind: 'text',
        part: current,
        message: before ? `Add to your ${PART_TITLES[current]}` : textMessage(current, draft.question),
        onProgress: (soFar) => {
          draft.texts[current] = [before, soFar].filter((t) => t.trim()).join('\n');
          save();
        },
      });
      draft.texts[current] = [before, typed.trim()].filter((t) => t.trim()).join('\n');
      save();
    };
    // the old text stays in the draft until the new one is in; the rewrite is saved beside it as it is typed
    const rewrite = async (before: string) => {
      const typed = await deps.ask({
        kind: 'text',
        part: current,
        message: before ? `Go on with your rewrite of the ${PART_TITLES[current]}` : `Rewrite your ${PART_TITLES[current]}`,
        onProgress: (soFar) => {
          draft.rewrite = { part: current, text: [before, soFar].filter((t) => t.trim()).join('\n') };
          save();
        },
      });
      draft.texts[current] = [before, typed.trim()].filter((t) => t.trim()).join('\n');
      draft.rewrite = undefined;
      save();
    };
    const unfinished = draft.rewrite?.part === part && draft.rewrite.text.trim() ? draft.rewrite.text.trim() : undefined;
    if (draft.rewrite?.part !== part) draft.rewrite = undefined;
    if (draft.texts[part]?.trim()) deps.say(`${c.dim('  What you wrote so far:')}\n${indent(sanitize(draft.texts[part]!))}`);
    if (unfinished && draft.texts[part]?.trim()) {
      deps.say(`${c.dim('  Your unfinished rewrite of it:')}\n${indent(sanitize(unfinished))}`);
      const title = PART_TITLES[part];
      const choice = await deps.ask({ kind: 'unfinished', part, message: `You were rewriting your ${title}: what now?`, choices: UNFINISHED_CHOICES(title) });
      if (choice === 'continue') await rewrite(unfinished);
      else {
        if (choice === 'use') draft.texts[part] = unfinished;
        draft.rewrite = undefined;
        save();
      }
    } else if (unfinished) {
      // nothing old to keep (a draft edited by hand): the rewrite is the text
      draft.texts[part] = unfinished;
      draft.rewrite = undefined;
      save();
      deps.say(`${c.dim('  What you wrote so far:')}\n${indent(sanitize(unfinished))}`);
    } else if (!draft.texts[part]?.trim()) await enter('');
    for (;;) {
      const rendered = renderDraft(draft);
      const report = analyze(parseAnswer(rendered.markdown, 'markdown'), rubric);
      deps.say(formatNudges(nudgesFor(part, report, rendered, rubric), part, c));
      const choice = await deps.ask({ kind: 'review', part, message: `Your ${PART_TITLES[part]}: keep, rewrite or add to it?`, choices: REVIEW_CHOICES });
      if (choice === 'keep') break;
      if (choice === 'add') await enter(draft.texts[part] ?? '');
      else await rewrite('');
    }
    draft.done.push(part);
    save();
  }

  const { markdown } = renderDraft(draft);
  let path = draft.out;
  for (;;) {
    path ??= (await deps.ask({ kind: 'path', message: 'Save your answer as', default: `${slugify(draft.question)}.md` })).trim();
    if (path && (!deps.exists(path) || (await deps.ask({ kind: 'overwrite', message: `${oneLine(path)} exists. Replace it?`, path })))) break;
    path = undefined;
  }
  deps.writeAnswer(path, markdown);
  deps.discardDraft();

  const report = analyze(parseAnswer(markdown, 'markdown'), rubric);
  const results = [{ file: path, report }];
  deps.say(`\n${formatPretty({ results, errors: [], summary: summarize(results, [], { failOn: 'error' }) }, new Chalk({ level: deps.color ? 1 : 0 }))}`);
  const improvements = topImprovements(report, rubric);
  if (improvements.length) {
    const what = improvements.length === 1 ? 'The one thing' : `The ${['', '', 'two', 'three'][improvements.length] ?? improvements.length} things`;
    deps.say(c.bold(`${what} most worth improving:`));
    improvements.forEach((f, i) => deps.say(`  ${i + 1}. ${oneLine(f.message)}`));
  } else deps.say(c.green('Nothing left to improve: say it out loud a few times.'));
  const rubricFlag = setup.rubricFor(draft.question).id === rubric.id ? '' : ` --rubric ${rubric.id}`;
  deps.say(`\nSaved to ${oneLine(path)}. Check it again after editing: answer-coach check ${oneLine(path)}${rubricFlag}`);
  return { path, markdown, report, improvements };
}
