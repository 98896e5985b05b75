import { STAR_PARTS, type ParsedAnswer, type StarPart } from '../answer/types.js';
import { perRubric } from '../rubric/derived.js';
import type { Rubric } from '../rubric/types.js';
import { LineIndex, type Position } from '../text/locate.js';
import { PhraseSet } from '../text/phrases.js';
import { readText, type SentenceFacts } from '../language/index.js';
import { tokenize, type Token } from '../text/tokens.js';

/** What a sentence does in the answer: a STAR part, or framing around the story. */
export type Role = StarPart | 'opening' | 'closing';

export interface DocSection {
  label?: string;
  labelLine?: number;
  /** The STAR part the heading or key names, 'opening' for an opening, undefined when it names none. */
  declared?: StarPart | 'opening';
  start: number;
  end: number;
}

export interface DocSentence extends SentenceFacts {
  index: number;
  section: number;
  /** Assigned by the STAR segmenter. */
  role: Role;
  /** Why the segmenter gave it that role (the explain view). */
  why: string;
}

/** A located piece of the answer, as reported. */
export interface Span extends Position {
  text: string;
  endLine: number;
  endColumn: number;
}

/**
 * The answer, tokenized once and shared by every check: sections joined into one text, its
 * sentences and tokens with offsets, and a map from those offsets back to the original file.
 */
export interface AnswerDocument {
  answer: ParsedAnswer;
  text: string;
  sections: DocSection[];
  sentences: DocSentence[];
  tokens: Token[];
  /** True when headings or keys named at least one STAR part. */
  structured: boolean;
  /** The story is told as the customer: the server's doing shows the pillars (set by the STAR segmenter). */
  customerSide: boolean;
  locate(offset: number): Position;
  span(start: number, end: number): Span;
}

const normLabel = (label: string) =>
  label
    .toLowerCase()
    .replace(/[*_`:#.!?()]/g, ' ')
    .replace(/^\s*(the|my)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

type HeadingPart = StarPart | 'opening';
const headingMatcher = perRubric((rubric): { set: PhraseSet; parts: HeadingPart[] } => {
  const phrases: string[] = [];
  const parts: HeadingPart[] = [];
  for (const part of [...STAR_PARTS, 'opening'] as const) {
    for (const h of part === 'opening' ? rubric.star['opening-headings'] : rubric.star[part].headings) {
      // short headings ("S", "Did", "Fix") name a part only on their own, never inside a longer
      // heading: "What did the customer want" is no Action
      if (normLabel(h).length < 4) continue;
      phrases.push(normLabel(h));
      parts.push(part);
    }
  }
  return { set: new PhraseSet(phrases), parts };
});

/**
 * Which STAR part (or the opening) a heading or YAML key names, by the rubric's heading lists:
 * the same words first ("Outcome"), else the longest listed heading found inside it ("How it
 * turned out", "Steps I took"), so the many ways people title a section still count.
 */
export function partForLabel(label: string, rubric: Rubric): HeadingPart | undefined {
  // answers reuse a handful of headings ("Situation", "What I did"): each is worked out once per rubric
  let known = labelParts.get(rubric);
  if (!known) labelParts.set(rubric, (known = new Map()));
  if (known.has(label)) return known.get(label);
  const part = findPartForLabel(label, rubric);
  if (known.size < 10_000) known.set(label, part);
  return part;
}

const labelParts = new WeakMap<Rubric, Map<string, HeadingPart | undefined>>();

function findPartForLabel(label: string, rubric: Rubric): HeadingPart | undefined {
  const norm = normLabel(label);
  for (const part of STAR_PARTS) if (rubric.star[part].headings.some((h) => normLabel(h) === norm)) return part;
  if (rubric.star['opening-headings'].some((h) => normLabel(h) === norm)) return 'opening';
  const { set, parts } = headingMatcher(rubric);
  let best: { part: HeadingPart; words: number } | undefined;
  for (const match of set.findAll(tokenize(norm))) {
    const words = match.last - match.first;
    if (!best || words > best.words) best = { part: parts[match.phrase.index], words };
  }
  return best?.part;
}

const SECTION_GAP = '\n\n';

export function buildDocument(answer: ParsedAnswer, rubric: Rubric): AnswerDocument {
  const pieces: string[] = [];
  const sections: DocSection[] = [];
  let at = 0;
  for (const s of answer.sections) {
    if (pieces.length) {
      pieces.push(SECTION_GAP);
      at += SECTION_GAP.length;
    }
    pieces.push(s.text);
    sections.push({ label: s.label, labelLine: s.labelLine, declared: s.label === undefined ? undefined : partForLabel(s.label, rubric), start: at, end: at + s.text.length });
    at += s.text.length;
  }
  const length = at;
  const text = pieces.join('');
  const structured = sections.some((s) => s.declared && s.declared !== 'opening');
  const sentences: DocSentence[] = [];
  const tokens: Token[] = [];
  let si = 0;
  for (const s of readText(text, sections.map((sec) => [sec.start, sec.end]), (label) => partForLabel(label, rubric) !== undefined)) {
    while (si + 1 < sections.length && s.start >= sections[si].end) si++;
    // an explicit literal, not a spread of s: one object shape for every sentence, and no copying loop
    sentences.push({ start: s.start, end: s.end, text: s.text, tokens: s.tokens, clauses: s.clauses, numbers: s.numbers, inQuote: s.inQuote, dialogueBy: s.dialogueBy, index: sentences.length, section: si, role: sections[si].declared ?? 'opening', why: '' });
    for (const t of s.tokens) tokens.push(t);
  }
  const lines = new LineIndex(answer.source);
  // an offset in the text is mapped through its section (no list of the whole text's offsets is
  // made); a character of the gap between two sections stands where the character before it does
  const toSource = (offset: number): number => {
    if (length === 0) return 0;
    let p = Math.max(0, Math.min(offset, length - 1));
    for (let i = sections.length - 1; p >= 0; ) {
      while (i > 0 && sections[i].start > p) i--;
      const sec = sections[i];
      if (p < sec.end) {
        const src = answer.sections[i];
        return src.sourceStart !== undefined ? src.sourceStart + (p - sec.start) : src.sourceOffsets[p - sec.start];
      }
      p = sec.end - 1;
    }
    return 0;
  };
  const locate = (offset: number) => lines.locate(toSource(offset));
  return {
    answer,
    text,
    sections,
    sentences,
    tokens,
    structured,
    customerSide: false,
    locate,
    span(start, end) {
      const a = locate(start);
      const b = lines.locate(toSource(Math.max(start, end - 1)) + 1);
      return { text: text.slice(start, end), line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    },
  };
}
