import { Chalk, type ChalkInstance } from 'chalk';
import { speakingRange } from '../analyze/checks/delivery.js';
import { analyze, type AnalyzeOptions } from '../analyze/index.js';
import type { Finding, Report } from '../analyze/types.js';
import { parseAnswer } from '../answer/index.js';
import { summarize } from '../report/summary.js';
import { formatPretty } from '../report/pretty.js';
import { oneLine, sanitize } from '../report/sanitize.js';
import { DEFAULT_WIDTH, layout, words, wrapText } from '../report/wrap.js';
import type { Rubric } from '../rubric/types.js';
import { nextPart, PART_TITLES, partsFor, renderDraft, slugify, type Draft, type Part } from './draft.js';
import { nudgesFor, topImprovements, type Nudge } from './nudges.js';

/** What the walkthrough asks; the prompt adapter turns each into a prompt. */
export type Step =
  | { kind: 'question'; message: string; choices: { name: string; value: string }[] }
  /**
   * Free text over several lines. `initial` is text to start from, editable (a rewrite starts from
   * the part as it is); the answer is the whole text. `onProgress` gets the text so far after
   * every line, so a draft can keep it.
   */
  | { kind: 'text'; part: Part; message: string; initial?: string; onProgress?: (textSoFar: string) => void }
  | { kind: 'review'; part: Part; message: string; choices: { name: string; value: ReviewChoice }[] }
  /** Which kept part to go back to. */
  | { kind: 'back'; message: string; choices: { name: string; value: Part }[] }
  /** On resume, a rewrite left unfinished beside the old text: go on with it, take it as it is, or drop it. */
  | { kind: 'unfinished'; part: Part; message: string; choices: { name: string; value: UnfinishedChoice }[] }
  | { kind: 'path'; message: string; default: string }
  | { kind: 'overwrite'; message: string; path: string };

export type ReviewChoice = 'keep' | 'rewrite' | 'add' | 'restart' | 'back';
export type UnfinishedChoice = 'continue' | 'use' | 'old';
export type AnswerOf<S extends Step> = S extends { kind: 'review' }
  ? ReviewChoice
  : S extends { kind: 'unfinished' }
    ? UnfinishedChoice
    : S extends { kind: 'back' }
      ? Part
      : S extends { kind: 'overwrite' }
        ? boolean
        : string;
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
  /** Columns to lay text out in (the terminal's); 80 when not given. */
  width?: number;
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
  /** What `check` is given besides the rubric (the project config's rules and accepted terms): the nudges and the report are check's. */
  analyze?: AnalyzeOptions;
  /** Where the rubric was loaded from, when it was a file (--rubric PATH): kept in the draft for --resume. */
  rubricFile?: string;
  /**
   * The command that checks the saved answer as practice did; `picked` says whether the answer's
   * question picks the rubric by itself. Default: answer-coach check PATH [--rubric ID].
   */
  checkCommand?(path: string, rubric: Rubric, picked: boolean): string;
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
  { name: 'Start it over', value: 'restart' },
];
const BACK_CHOICE: { name: string; value: ReviewChoice } = { name: 'Go back to an earlier part', value: 'back' };

// "A one-line definition" → "a one-line definition", but "NPS score" stays as it is
const lowerFirst = (s: string) => (/^[A-Z](?![A-Z])/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
const indent = (text: string, pad = '    ') => text.split('\n').map((l) => pad + l).join('\n');
export { speakingRange };

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
export function brief(question: string, rubric: Rubric, c: ChalkInstance, width = DEFAULT_WIDTH): string {
  const { pillars, metric, words: length } = rubric.expectations;
  const wpm = rubric.expectations['words-per-minute'];
  const plain = (text: string) => wrapText(text, width);
  const lines = [c.bold(plain(oneLine(question))), '', 'A strong answer:'];
  if (rubric.opening.length) lines.push(plain(`  • opens with ${rubric.opening.map((p) => lowerFirst(oneLine(p.name))).join(' and ')}`));
  lines.push(plain('  • tells one real story in four parts: Situation → Task → Action → Result, most of it the Action'));
  if (rubric.pillars.length) {
    const count = pillars.min === pillars.max ? `${pillars.min}` : `${pillars.min} or ${Math.min(pillars.max, pillars.min + 1)}`;
    lines.push(plain(`  • shows ${count} of these, in what you did:`));
    for (const p of rubric.pillars) lines.push(layout('      ', [...words(oneLine(p.name)), ...(p.hint ? words(`— ${oneLine(p.hint)}`, c.dim) : [])], width, 8));
  }
  if (metric !== 'off') lines.push(plain('  • ends on a result with a number: % faster, customers helped, a rating'));
  lines.push(plain(`  • takes ${speakingRange(length.min, length.max, wpm)} to say: about ${length.min}–${length.max} words`));
  return lines.join('\n');
}

function partIntro(part: Part, index: number, total: number, rubric: Rubric, c: ChalkInstance, width: number): string {
  const head = c.bold(`Step ${index} of ${total} · ${PART_TITLES[part]}`);
  const dim = (text: string) => c.dim(wrapText(text, width));
  if (part === 'opening') {
    const hints = rubric.opening.map((p) => oneLine(p.hint)).filter(Boolean);
    return [head, ...hints.map((h) => dim(`  ${h}`))].join('\n');
  }
  const rule = rubric.star[part];
  const lines = [head, dim(`  ${oneLine(rule.hint)}`)];
  if (rule.example) lines.push(dim(`  Example: ${oneLine(rule.example)}`));
  return lines.join('\n');
}

function textMessage(part: Part, question: string): string {
  if (part === 'opening') return `In a sentence or two: ${lowerFirst(oneLine(question))}`;
  return `Your ${PART_TITLES[part]}`;
}

function formatNudges(nudges: Nudge[], part: Part, c: ChalkInstance, width: number): string {
  if (!nudges.length) return c.green(wrapText(`  ✓ Nothing to fix in the ${PART_TITLES[part]} so far.`, width));
  return nudges.map((n) => c.yellow(wrapText(`  → ${oneLine(n.message)}${n.count ? ` (${n.count}×)` : ''}`, width))).join('\n');
}

/**
 * The guided walkthrough: pick a question, brief, then each part with a nudge and keep / rewrite /
 * add, then save and report. Every effect goes through `deps`, so it runs the same under a
 * terminal and under a scripted test. The draft is saved after every line typed and every
 * decision, so a cancelled prompt loses nothing.
 */
export async function practice(setup: PracticeSetup, deps: PracticeDeps): Promise<PracticeOutcome> {
  const c = new Chalk({ level: deps.color ? 1 : 0 });
  const width = deps.width ?? DEFAULT_WIDTH;
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
    draft = { rubric: rubric.id, question: picked.question, out: setup.out, texts: {}, done: [], ...(setup.rubricFile && picked.rubric === setup.rubric && { rubricFile: setup.rubricFile }) };
  }
  const save = () => deps.saveDraft(renderDraft(draft, { meta: true }).markdown, draft);
  save();
  // the nudges and the final report are check's: the same analyzer, rubric and settings
  const report = (markdown: string) => analyze(parseAnswer(markdown, 'markdown'), rubric, setup.analyze);
  const shownText = (label: string, text: string) => deps.say(`${c.dim(label)}\n${wrapText(indent(sanitize(text)), width)}`);

  const parts = partsFor(rubric);
  const first = nextPart(draft, parts);
  if (setup.resume) {
    deps.say(`${c.bold(wrapText(oneLine(draft.question), width))}\n${first ? `Picking up at the ${PART_TITLES[first]}.` : 'Every part is written; saving.'}`);
  } else {
    deps.say(brief(draft.question, rubric, c, width));
  }

  for (let part = first; part; part = nextPart(draft, parts)) {
    deps.say(`\n${partIntro(part, parts.indexOf(part) + 1, parts.length, rubric, c, width)}`);
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
    // A rewrite starts from `initial`, editable, and its answer is the whole new text. The old text
    // stays in the draft until the new one is in; the rewrite is saved beside it as it is typed.
    const rewrite = async (initial: string, message: string) => {
      const typed = await deps.ask({
        kind: 'text',
        part: current,
        message,
        initial,
        onProgress: (soFar) => {
          draft.rewrite = { part: current, text: soFar };
          save();
        },
      });
      // an emptied rewrite keeps the old text rather than losing the part
      if (typed.trim()) draft.texts[current] = typed.trim();
      draft.rewrite = undefined;
      save();
    };
    const unfinished = draft.rewrite?.part === part && draft.rewrite.text.trim() ? draft.rewrite.text.trim() : undefined;
    if (draft.rewrite?.part !== part) draft.rewrite = undefined;
    if (draft.texts[part]?.trim()) shownText('  What you wrote so far:', draft.texts[part]!);
    if (unfinished && draft.texts[part]?.trim()) {
      shownText('  Your unfinished rewrite of it:', unfinished);
      const title = PART_TITLES[part];
      const choice = await deps.ask({ kind: 'unfinished', part, message: `You were rewriting your ${title}: what now?`, choices: UNFINISHED_CHOICES(title) });
      // going on types after what was typed: its lines are there to edit, and the next line is new
      if (choice === 'continue') await rewrite(`${unfinished}\n`, `Go on with your rewrite of the ${title}`);
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
      shownText('  What you wrote so far:', unfinished);
    } else if (!draft.texts[part]?.trim()) await enter('');
    let goBack: Part | undefined;
    for (;;) {
      const rendered = renderDraft(draft);
      deps.say(formatNudges(nudgesFor(part, report(rendered.markdown), rendered, rubric, { last: part === parts[parts.length - 1] }), part, c, width));
      const earlier = parts.filter((p) => p !== current && draft.done.includes(p));
      const choices = earlier.length ? [...REVIEW_CHOICES, BACK_CHOICE] : REVIEW_CHOICES;
      const choice = await deps.ask({ kind: 'review', part, message: `Your ${PART_TITLES[part]}: keep, rewrite or add to it?`, choices });
      if (choice === 'keep') break;
      if (choice === 'back') {
        goBack = await deps.ask({ kind: 'back', message: 'Go back to which part?', choices: earlier.map((p) => ({ name: PART_TITLES[p], value: p })) });
        break;
      }
      if (choice === 'add') await enter(draft.texts[part] ?? '');
      else if (choice === 'restart') await rewrite('', `Write your ${PART_TITLES[part]} again`);
      else await rewrite(draft.texts[part] ?? '', `Rewrite your ${PART_TITLES[part]}`);
    }
    // back: that part is open again, and this one waits, as written, until it is reached again
    if (goBack) draft.done = draft.done.filter((p) => p !== goBack);
    else draft.done.push(part);
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

  const final = report(markdown);
  const results = [{ file: path, report: final }];
  deps.say(`\n${formatPretty({ results, errors: [], summary: summarize(results, [], { failOn: 'error' }) }, c, width)}`);
  const improvements = topImprovements(final, rubric);
  if (improvements.length) {
    const what = improvements.length === 1 ? 'The one thing' : `The ${['', '', 'two', 'three'][improvements.length] ?? improvements.length} things`;
    deps.say(c.bold(`${what} most worth improving:`));
    improvements.forEach((f, i) => deps.say(wrapText(`  ${i + 1}. ${oneLine(f.message)}`, width)));
  } else deps.say(c.green('Nothing left to improve: say it out loud a few times.'));
  const picked = setup.rubricFor(draft.question).id === rubric.id;
  const command = setup.checkCommand?.(path, rubric, picked) ?? `answer-coach check ${oneLine(path)}${picked ? '' : ` --rubric ${rubric.id}`}`;
  deps.say(wrapText(`\nSaved to ${oneLine(path)}. Check it again after editing: ${command}`, width));
  return { path, markdown, report: final, improvements };
}
