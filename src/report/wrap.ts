import { stripVTControlCharacters } from 'node:util';

// Lines for a person to read are laid out for their terminal: broken between words, never inside
// one, with the lines after the first indented under where the text began. Off a terminal the
// width is 80 (or COLUMNS), so a report in a file or a pipe reads the same everywhere.

/** A style (a chalk function, or none). */
export type Style = (text: string) => string;

/** One unbreakable piece of a line, with the spaces before it when it does not start a line. */
export interface Word {
  text: string;
  style?: Style;
  gap?: number;
}

/** The narrowest layout: below this, hanging indents leave too little room to be worth keeping. */
export const MIN_WIDTH = 40;
export const DEFAULT_WIDTH = 80;

/** Printable ASCII only: one column per character, no escape sequence (ESC is below the space). */
const PLAIN = /^[\x20-\x7e]*$/;

/** Columns on screen: code points, with escape sequences removed (most words of a report are plain ASCII, counted as they are). */
export const visibleWidth = (text: string): number => (PLAIN.test(text) ? text.length : [...stripVTControlCharacters(text)].length);

/**
 * The width to lay out for: COLUMNS when set to a number (as ls and git honour it), else the
 * terminal's width, else 80; never under MIN_WIDTH.
 */
export function outputWidth(stream: { isTTY?: boolean; columns?: number } | undefined, env: NodeJS.ProcessEnv = {}): number {
  const fromEnv = Number(env.COLUMNS);
  const width = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : stream?.isTTY && stream.columns ? stream.columns : DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, width);
}

/** `text` split into words that share one style; the first keeps `gap` spaces before it. */
export function words(text: string, style?: Style, gap = 1): Word[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => ({ text: w, style, gap: i ? 1 : gap }));
}

/** `text` as one piece that is never broken (a file name, `✓ empathy`, a bar). */
export const unit = (text: string, style?: Style, gap = 1): Word[] => (text ? [{ text, style, gap }] : []);

/**
 * One logical line laid out in `width` columns: `head` (already styled, never broken) starts it,
 * then the words, broken between words; each further line starts with `indent` spaces. A word too
 * long for any line stands alone on its own line rather than being cut. Consecutive words of one
 * style are styled as one run, so an underline or a colour is not broken at every space.
 */
export function layout(head: string, items: readonly Word[], width: number, indent: number): string {
  const lines: Word[][] = [[]];
  let column = visibleWidth(head);
  for (const w of items) {
    const line = lines[lines.length - 1];
    const length = visibleWidth(w.text);
    const gap = line.length ? (w.gap ?? 1) : 0;
    if (line.length && column + gap + length > width) {
      lines.push([w]);
      column = indent + length;
    } else {
      line.push(w);
      column += gap + length;
    }
  }
  return lines
    .map((line, i) => {
      let out = i ? ' '.repeat(indent) : head;
      let run: { text: string; style?: Style } | undefined;
      const flush = () => {
        if (run) out += run.style ? run.style(run.text) : run.text;
        run = undefined;
      };
      line.forEach((w, j) => {
        const gap = j ? (w.gap ?? 1) : 0;
        if (run && run.style === w.style && gap === 1) {
          run.text += ` ${w.text}`;
          return;
        }
        flush();
        out += ' '.repeat(gap);
        run = { text: w.text, style: w.style };
      });
      flush();
      return out.trimEnd();
    })
    .join('\n');
}

// A line's own indent, and a bullet or arrow after it: its continuation lines start under the text.
const LEAD = /^( *)((?:[•→✓✗!+-]|\d+\.) )?/;

/**
 * Plain text wrapped line by line (style it afterwards: chalk carries a style across line breaks):
 * each line keeps its own indent, and its continuation lines start under its text, after any
 * bullet ("  • ", "  → ", "  1. ").
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (visibleWidth(line) <= width) return line;
      const lead = LEAD.exec(line)![0];
      return layout(lead, words(line.slice(lead.length)), width, lead.length);
    })
    .join('\n');
}
