import { verbatimSection, type AnswerSection, type ParsedAnswer } from './types.js';

// Every pass here is linear in the answer's length: no pattern that can retry from each character.

const isHeadingEnd = (c: number) => c === 32 || c === 9 || c === 35; // space, tab, #

/**
 * An ATX heading (`## Situation ##`): its level and text, or undefined. By hand, as the pattern
 * /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/ would read it: that pattern retried its lazy group at every
 * character of the line, so a heading of " #" repeated took seconds.
 */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  let level = 0;
  while (level < 7 && line.charCodeAt(i + level) === 35) level++;
  if (level < 1 || level > 6) return undefined;
  const after = line.charCodeAt(i + level);
  if (after !== 32 && after !== 9) return undefined;
  let end = line.length;
  while (end > i + level && isHeadingEnd(line.charCodeAt(end - 1))) end--;
  const text = line.slice(i + level, end);
  // as before: a line with a carriage return or a Unicode line break inside is no heading
  if (/[\r\u2028\u2029]/.test(text)) return undefined;
  return { level, text: text.trim() };
}

/**
 * HTML comments blanked to spaces (line breaks kept, so every offset stays true). Found with
 * indexOf: /<!--[\s\S]*?-->/g scanned to the end from every unclosed `<!--`, quadratic in them.
 */
function blankComments(source: string): string {
  let at = source.indexOf('<!--');
  if (at < 0) return source;
  const parts: string[] = [];
  let last = 0;
  while (at >= 0) {
    const end = source.indexOf('-->', at + 4);
    if (end < 0) break; // no comment closes after this one, so none does
    parts.push(source.slice(last, at), source.slice(at, end + 3).replace(/[^\n]/g, ' '));
    last = end + 3;
    at = source.indexOf('<!--', last);
  }
  parts.push(source.slice(last));
  return parts.join('');
}

/** A short label and a colon that open a heading with words after them: "- Situation: When I …", "**Task:** …". */
const INLINE_LABEL = /^(?:[-*+][ \t]+)?[*_]{0,2}([A-Za-z][A-Za-z /&-]{0,30}?)[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]+(?=\S)/;

/**
 * Splits a Markdown answer at its headings. The first level-1 heading is the question; every
 * other heading opens a section labelled with its text. Text before the first section heading
 * is the opening. Comments are blanked (kept as spaces so offsets stay true).
 */
export function parseMarkdown(source: string): ParsedAnswer {
  const text = blankComments(source);
  const sections: AnswerSection[] = [];
  let question: string | undefined;
  let current: { label?: string; labelLine?: number; start: number } = { start: 0 };
  let offset = 0;
  let lineNo = 0;
  let inFence = false;

  const close = (end: number) => {
    const body = text.slice(current.start, end);
    if (body.trim() || current.label !== undefined) {
      sections.push(verbatimSection(current.label, current.labelLine, body, current.start));
    }
  };

  for (const line of text.split('\n')) {
    lineNo++;
    const lineStart = offset;
    offset += line.length + 1;
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = atxHeading(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (!heading) continue;
    close(lineStart);
    const title = heading.text;
    // a heading that holds its part's words after a label ("###### - Situation: When I worked at …")
    // is that label, and its words are the section's first line
    // (not the question's title, "# Question: Tell me about a time …", which stays the question)
    const titled = heading.level === 1 && question === undefined;
    const inline = title.length > 40 && !titled ? INLINE_LABEL.exec(title) : null;
    if (inline && !/^q(uestion)?$/i.test(inline[1].trim())) {
      current = { label: inline[1].trim(), labelLine: lineNo, start: lineStart + line.indexOf(title) + inline[0].length };
    } else if (titled) {
      question = title;
      current = { start: Math.min(offset, text.length) };
    } else {
      current = { label: title, labelLine: lineNo, start: Math.min(offset, text.length) };
    }
  }
  close(text.length);
  return { format: 'markdown', question, source, sections };
}
