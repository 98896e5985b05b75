import { parseMarkdown } from '../answer/markdown.js';
import { STAR_PARTS } from '../answer/types.js';
import type { Rubric } from '../rubric/types.js';

/** The steps of an answer, in the order practice asks for them. */
export const PARTS = ['opening', ...STAR_PARTS] as const;
export type Part = (typeof PARTS)[number];

export const PART_TITLES: Record<Part, string> = { opening: 'Opening', situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };

/** An answer being built: what was typed for each part, and which parts the person has kept. */
export interface Draft {
  /** The rubric's id. */
  rubric: string;
  /** The rubric's file, when it was given as a path (--rubric PATH), so --resume can load it again. */
  rubricFile?: string;
  question: string;
  /** Where the finished answer is to be saved (--out), if chosen. */
  out?: string;
  texts: Partial<Record<Part, string>>;
  /** Parts the person chose to keep; a part with text that is not here is still being worked on. */
  done: Part[];
  /** A rewrite being typed: `texts` keeps the old text until the new one is finished. */
  rewrite?: { part: Part; text: string };
}

/** The parts a rubric asks for: the opening only when it names talking points for one. */
export function partsFor(rubric: Rubric): Part[] {
  return rubric.opening.length ? [...PARTS] : [...STAR_PARTS];
}

/** The first part not yet kept, or undefined when every part is done. */
export function nextPart(draft: Draft, parts: readonly Part[]): Part | undefined {
  return parts.find((p) => !draft.done.includes(p));
}

export class DraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftError';
  }
}

// Lines the Markdown reader would take as a heading or a code fence are escaped with a backslash,
// so text a person typed can never split or hide a section.
const STRUCTURAL = /^( {0,3})(#|```|~~~)/;
const ESCAPED = /^\\( {0,3}(?:#|```|~~~))/;
const escapeText = (text: string) => text.split('\n').map((l) => (STRUCTURAL.test(l) ? `\\${l}` : l)).join('\n');
const unescapeText = (text: string) => text.split('\n').map((l) => l.replace(ESCAPED, '$1')).join('\n');

const META_START = '<!-- answer-coach practice draft: ';
const META_END = ' -->';

// An unfinished rewrite is kept in a comment after the answer, so `check` and the sections ignore it.
// Inside it `-->` and `<!--` get one more backslash (`--\\>`, `<\\!--`), so typed text can neither
// close the comment nor look like where it starts; reading back takes one off.
const REWRITE_START = '<!-- answer-coach practice: unfinished rewrite of the ';
const escapeComment = (text: string) => text.replace(/--(\\*)>/g, '--\\$1>').replace(/<(\\*)!--/g, '<\\$1!--');
const unescapeComment = (text: string) => text.replace(/--\\(\\*)>/g, '--$1>').replace(/<\\(\\*)!--/g, '<$1!--');

export interface Rendered {
  markdown: string;
  /** 1-based first and last line of each part in `markdown` (heading included), for scoping findings. */
  lines: Partial<Record<Part, { first: number; last: number }>>;
}

/**
 * The answer as Markdown in the format `check` reads: the question as the title, then one section
 * per part, the opening's first (older drafts have the opening before any heading: still read).
 * With `meta`, a comment that `check`
 * ignores records what resuming needs.
 */
export function renderDraft(draft: Draft, options: { meta?: boolean } = {}): Rendered {
  const out: string[] = [];
  const lines: Rendered['lines'] = {};
  if (options.meta) {
    // `>` is escaped so no value can close the comment early
    const meta = JSON.stringify({ rubric: draft.rubric, rubricFile: draft.rubricFile, out: draft.out, done: draft.done, rewrite: rewriting(draft)?.part }).replace(/>/g, '\\u003e');
    out.push(`${META_START}${meta}${META_END}`, '');
  }
  out.push(`# ${draft.question.replace(/\s+/g, ' ').trim()}`, '');
  for (const part of PARTS) {
    const text = draft.texts[part]?.trim();
    if (!text) continue;
    const first = out.length + 1;
    // the opening has its heading too: text before the first heading may be read as the story's start
    out.push(`## ${PART_TITLES[part]}`, '');
    out.push(...escapeText(text).split('\n'));
    lines[part] = { first, last: out.length };
    out.push('');
  }
  const rewrite = options.meta ? rewriting(draft) : undefined;
  if (rewrite) {
    const title = PART_TITLES[rewrite.part];
    out.push(`${REWRITE_START}${title} (the ${title} above stays until it is finished):`, ...escapeComment(rewrite.text.trim()).split('\n'), '-->', '');
  }
  return { markdown: out.join('\n'), lines };
}

/** The draft's unfinished rewrite, when it holds any text. */
const rewriting = (draft: Draft) => (draft.rewrite?.text.trim() ? draft.rewrite : undefined);

/** Reads a draft written by renderDraft(…, { meta: true }). */
export function parseDraft(source: string): Draft {
  const text = source.replace(/^\uFEFF/, '');
  if (!text.startsWith(META_START)) throw new DraftError('not an answer-coach practice draft (it has no draft comment on its first line)');
  const end = text.indexOf(META_END, META_START.length);
  let meta: { rubric?: unknown; rubricFile?: unknown; out?: unknown; done?: unknown; rewrite?: unknown };
  try {
    meta = JSON.parse(text.slice(META_START.length, end));
  } catch {
    throw new DraftError('the draft comment on its first line is damaged');
  }
  if (typeof meta.rubric !== 'string' || !Array.isArray(meta.done)) throw new DraftError('the draft comment on its first line is damaged');
  // the rewrite comment is the draft's last comment; its text cannot hold `<!--` (escaped)
  let body = text;
  let rewrite: Draft['rewrite'];
  const start = (PARTS as readonly unknown[]).includes(meta.rewrite) ? text.lastIndexOf(REWRITE_START) : -1;
  if (start > 0) {
    const end = text.indexOf('-->', start);
    const block = text.slice(start, end < 0 ? undefined : end);
    const typed = unescapeComment(block.slice(block.indexOf('\n') + 1)).trim();
    if (typed) rewrite = { part: meta.rewrite as Part, text: typed };
    body = text.slice(0, start);
  }
  const parsed = parseMarkdown(body);
  if (!parsed.question) throw new DraftError('the draft has no question (a "# " title)');
  const byTitle = new Map<string, Part>(PARTS.map((p) => [PART_TITLES[p].toLowerCase(), p]));
  const texts: Draft['texts'] = {};
  for (const section of parsed.sections) {
    const part: Part | undefined = section.label === undefined ? 'opening' : byTitle.get(section.label.toLowerCase());
    const body = unescapeText(section.text).trim();
    if (part && body) texts[part] = body;
  }
  const done = meta.done.filter((p): p is Part => (PARTS as readonly unknown[]).includes(p));
  return {
    rubric: meta.rubric,
    ...(typeof meta.rubricFile === 'string' && { rubricFile: meta.rubricFile }),
    question: parsed.question,
    out: typeof meta.out === 'string' ? meta.out : undefined,
    texts,
    done,
    ...(rewrite && { rewrite }),
  };
}

/** A file name from a question: "What does customer service mean to you?" → "what-does-customer-service-mean-to-you". */
export function slugify(question: string): string {
  const slug = question
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'answer';
}
