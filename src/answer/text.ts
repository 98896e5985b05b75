import { verbatimSection, type AnswerSection, type ParsedAnswer } from './types.js';

// "Question: …" / "Q: …" name the question outright; "Tell me about a time…" and "Describe a time…"
// are how interviewers ask one, whatever punctuation follows.
const QUESTION_LABEL = /^(?:question|q)[ \t]*:[ \t]*/i;
const ASKED_AS = /^(?:tell me about|describe a (?:time|situation))\b/i;
// after a "Q:" line, the answer may be marked "A:" or "Answer:"; the mark is no word of the answer
const ANSWER_LABEL = /^[ \t]*(?:answer|a)[ \t]*:[ \t]*/i;
/** A question is a line or two, never a paragraph. */
const MAX_QUESTION_LENGTH = 300;

/**
 * Words that label a part of the story at the start of a line ("Situation: Last spring I…"), as a
 * heading does in Markdown. Only names of the parts: a line such as "Note: …" stays text, and a
 * single letter ("A:") is too likely to mean something else.
 */
const PART_LABEL = /^[ \t]{0,3}(situation|background|context|task|goal|challenge|action|actions|approach|what I did|result|results|outcome|impact|opening)[ \t]*:[ \t]*/i;

interface Line {
  text: string;
  start: number;
  /** Offset just past the line's newline (or the end of the source). */
  next: number;
}

function* lines(source: string): Generator<Line> {
  let start = 0;
  while (start < source.length) {
    const nl = source.indexOf('\n', start);
    const end = nl < 0 ? source.length : nl;
    yield { text: source.slice(start, end).replace(/\r$/, ''), start, next: nl < 0 ? source.length : nl + 1 };
    start = end + 1;
  }
}

/**
 * The question a plain-text answer opens with, if its first line is one: "Question: …" or "Q: …",
 * a line that starts as interviewers ask ("Tell me about a time…", "Describe a time…"), or a line
 * of questions only (it ends in "?" and holds no sentence that ends otherwise). Only when more
 * text follows: a one-line answer is the answer, even if it ends in "?".
 */
export function questionLine(source: string): { question: string; next: number; labelled: boolean } | undefined {
  let first: Line | undefined;
  for (const line of lines(source)) {
    if (line.text.trim()) {
      first = line;
      break;
    }
  }
  if (!first || !source.slice(first.next).trim()) return undefined;
  const text = first.text.trim();
  if (text.length > MAX_QUESTION_LENGTH) return undefined;
  const labelled = QUESTION_LABEL.test(text);
  const question = text.replace(QUESTION_LABEL, '').trim();
  if (!question) return undefined;
  const onlyQuestions = question.endsWith('?') && !/[.!](?=\s)/.test(question);
  if (!labelled && !ASKED_AS.test(question) && !onlyQuestions) return undefined;
  return { question, next: first.next, labelled };
}

/**
 * A plain-text answer: an optional first line that is the question (it picks the rubric and is
 * not analysed), then the text, which the analyzer splits into STAR parts itself, unless lines
 * start with a part's name ("Situation: …", "Result: …"), which then label their sections as
 * Markdown headings do (the label is no word of the answer). Every offset stays the file's.
 */
export function parsePlainText(source: string): ParsedAnswer {
  const asked = questionLine(source);
  let start = asked?.next ?? 0;
  if (asked?.labelled) {
    // "Q: …" then "A: …": the answer starts after its mark
    const rest = source.slice(start);
    const lead = /^\s*/.exec(rest)![0].length;
    const mark = ANSWER_LABEL.exec(rest.slice(lead));
    if (mark && !/\n/.test(mark[0])) start += lead + mark[0].length;
  }
  const sections: AnswerSection[] = [];
  let current: { label?: string; labelLine?: number; start: number } = { start };
  const close = (end: number) => {
    const text = source.slice(current.start, end);
    if (text.trim() || current.label !== undefined) sections.push(verbatimSection(current.label, current.labelLine, text, current.start));
  };
  let lineNo = source.slice(0, start).split('\n').length - 1;
  for (const line of lines(source.slice(start))) {
    lineNo++;
    const m = PART_LABEL.exec(line.text);
    if (!m) continue;
    close(start + line.start);
    current = { label: m[1], labelLine: lineNo, start: start + line.start + m[0].length };
  }
  close(source.length);
  if (!sections.length) sections.push(verbatimSection(undefined, undefined, source.slice(start), start));
  return { format: 'text', question: asked?.question, source, sections };
}
