import { contiguousOffsets, type AnswerSection, type ParsedAnswer } from './types.js';

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/**
 * Splits a Markdown answer at its headings. The first level-1 heading is the question; every
 * other heading opens a section labelled with its text. Text before the first section heading
 * is the opening. Comments are blanked (kept as spaces so offsets stay true).
 */
export function parseMarkdown(source: string): ParsedAnswer {
  const text = source.replace(HTML_COMMENT, (c) => c.replace(/[^\n]/g, ' '));
  const sections: AnswerSection[] = [];
  let question: string | undefined;
  let current: { label?: string; labelLine?: number; start: number } = { start: 0 };
  let offset = 0;
  let lineNo = 0;
  let inFence = false;

  const close = (end: number) => {
    const body = text.slice(current.start, end);
    if (body.trim() || current.label !== undefined) {
      sections.push({ label: current.label, labelLine: current.labelLine, text: body, sourceOffsets: contiguousOffsets(current.start, body.length) });
    }
  };

  for (const line of text.split('\n')) {
    lineNo++;
    const lineStart = offset;
    offset += line.length + 1;
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = ATX_HEADING.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    close(lineStart);
    const title = m[2].trim();
    if (m[1].length === 1 && question === undefined) {
      question = title;
      current = { start: Math.min(offset, text.length) };
    } else {
      current = { label: title, labelLine: lineNo, start: Math.min(offset, text.length) };
    }
  }
  close(text.length);
  return { format: 'markdown', question, source, sections };
}
