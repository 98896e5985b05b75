import type { Finding, Report, SentenceReading, Severity } from '../../analyze/types.js';
import { esc } from './escape.js';

// An answer's text as written, line by line, with what the analyzer saw drawn on it: the STAR part
// of each line in the margin, pillar evidence, metrics, jargon and findings as marks in the text,
// and each finding as a note beside its line. Every pass is linear in the text and its marks.

export type Part = SentenceReading['part'];
export const PARTS: readonly Part[] = ['situation', 'task', 'action', 'result', 'opening', 'closing'];
export const PART_NAME: Record<Part, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', opening: 'Opening', closing: 'Closing' };
export const PART_LETTER: Record<Part, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', opening: 'O', closing: 'C' };
export const SEV: Record<Severity, string> = { error: 'e', warning: 'w', info: 'i' };

/** Where the answer's elements get their ids: the writer puts the answer's own id in its place. */
export const ID = '\u0000';

interface Located {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A stretch of the text drawn as one mark: one or more verdicts on the same words. */
interface Mark {
  start: number;
  end: number;
  cls: string[];
  tips: string[];
  /** Ids of the notes of the findings on these words: the tooltip shows their text, kept once on the page. */
  notes: string[];
  /** Set once its first fragment is written: only that one takes the keyboard focus. */
  placed?: boolean;
}

/** The start offset of each line of `source`. */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Every mark of a report, as offsets in the source; verdicts on the very same words share one mark. */
function marksOf(report: Report, offset: (line: number, column: number) => number): Mark[] {
  const byRange = new Map<string, Mark>();
  const add = (at: Located, cls: string, tip?: string, note?: string) => {
    if (at.endLine === undefined || at.endColumn === undefined) return;
    const start = offset(at.line, at.column);
    const end = offset(at.endLine, at.endColumn);
    if (end <= start) return;
    const key = `${start}:${end}`;
    const mark = byRange.get(key) ?? { start, end, cls: [], tips: [], notes: [] };
    byRange.set(key, mark);
    if (!mark.cls.includes(cls)) mark.cls.push(cls);
    if (tip !== undefined && !mark.tips.includes(tip)) mark.tips.push(tip);
    if (note !== undefined) mark.notes.push(note);
  };
  for (const p of report.pillars) for (const e of p.evidence) add(e, e.kind === 'shown' ? 'es' : 'ec', `${p.name}, ${e.kind}: ${e.why}`);
  for (const m of report.metrics) add(m, 'mt', `Metric (${m.kind}), in the ${PART_NAME[m.part] ?? m.part}`);
  for (const j of report.jargon) add(j, 'jg', `Jargon "${j.text}": ${j.suggestion}`);
  report.findings.forEach((f, i) => add(f, `f${SEV[f.severity]}`, undefined, noteId(i)));
  return [...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

const noteId = (finding: number) => `${ID}-n${finding}`;

const note = (f: Finding, id: string) => `<li class="n${SEV[f.severity]}" id="${id}"><b>${f.severity}</b> <code>${esc(f.rule)}</code> ${esc(f.message)}</li>`;

/** One line's text with its marks (clipped to the line) nested properly: a mark crossing another is split. */
function markedLine(source: string, from: number, to: number, marks: readonly Mark[]): string {
  const ivs = marks.map((m) => ({ m, s: Math.max(m.start, from), e: Math.min(m.end, to) })).filter((iv) => iv.e > iv.s);
  if (!ivs.length) return esc(source.slice(from, to));
  const points = [...new Set([from, to, ...ivs.flatMap((iv) => [iv.s, iv.e])])].sort((a, b) => a - b);
  const stack: typeof ivs = [];
  let next = 0;
  let out = '';
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const opening: typeof ivs = [];
    const lowest = stack.findIndex((iv) => iv.e <= p);
    if (lowest !== -1) {
      // close down to the first mark that ends here; the ones above it that go on are reopened
      for (let t = stack.length - 1; t >= lowest; t--) {
        out += '</span>';
        if (stack[t].e > p) opening.unshift(stack[t]);
      }
      stack.length = lowest;
    }
    while (next < ivs.length && ivs[next].s === p) opening.push(ivs[next++]);
    opening.sort((a, b) => b.e - a.e);
    for (const iv of opening) {
      const focus = iv.m.placed ? '' : ' tabindex="0"';
      iv.m.placed = true;
      const tip = iv.m.tips.length ? ` data-tip="${esc(iv.m.tips.join('\n'))}"` : '';
      const notes = iv.m.notes.length ? ` data-n="${iv.m.notes.join(' ')}"` : '';
      out += `<span class="${iv.m.cls.join(' ')}"${focus}${tip}${notes}>`;
      stack.push(iv);
    }
    if (i + 1 < points.length) out += esc(source.slice(p, points[i + 1]));
  }
  return out + '</span>'.repeat(stack.length);
}

/** The STAR band of one line: its part, or its parts stacked in proportion to their characters on it. */
function band(parts: readonly { part: Part; chars: number }[]): string {
  if (parts.length === 1) return `<span class="bw p-${parts[0].part}"></span>`;
  const total = parts.reduce((n, p) => n + p.chars, 0);
  let y = 0;
  let rects = '';
  for (const p of parts) {
    const h = (100 * p.chars) / total;
    rects += `<rect class="p-${p.part}" y="${y.toFixed(1)}" width="4" height="${h.toFixed(1)}"/>`;
    y += h;
  }
  return `<span class="bw"><svg class="band" viewBox="0 0 4 100" preserveAspectRatio="none" aria-hidden="true">${rects}</svg></span>`;
}

interface LinePart {
  part: Part;
  chars: number;
  why: string;
}

/** The answer's text as rows of line number, STAR band, part letters, marked text and notes. */
export function answerText(source: string, report: Report): string {
  const starts = lineStarts(source);
  const offset = (line: number, column: number) => {
    if (line > starts.length) return source.length;
    return Math.min(source.length, Math.max(0, starts[Math.max(1, line) - 1] + column - 1));
  };
  const lineEnd = (i: number) => {
    let end = i + 1 < starts.length ? starts[i + 1] - 1 : source.length;
    if (end > starts[i] && source.charCodeAt(end - 1) === 13) end--; // CRLF: the \r is not shown
    return end;
  };
  // each line's STAR parts, in order, with how many of its characters each covers
  const parts: (LinePart[] | undefined)[] = new Array(starts.length);
  for (const s of report.sentences) {
    const first = Math.max(1, Math.min(s.line, starts.length));
    const last = Math.max(first, Math.min(s.endLine, starts.length));
    const from = offset(s.line, s.column);
    const to = offset(s.endLine, s.endColumn);
    for (let l = first; l <= last; l++) {
      const chars = Math.max(1, Math.min(to, lineEnd(l - 1)) - Math.max(from, starts[l - 1]));
      const list = (parts[l - 1] ??= []);
      const prev = list[list.length - 1];
      if (prev?.part === s.part) prev.chars += chars;
      else list.push({ part: s.part, chars, why: s.why });
    }
  }
  const notes = new Map<number, number[]>();
  report.findings.forEach((f, i) => {
    const l = Math.max(1, Math.min(f.line, starts.length));
    const list = notes.get(l);
    if (list) list.push(i);
    else notes.set(l, [i]);
  });
  const marks = marksOf(report, offset);
  let nextMark = 0;
  let carried: Mark[] = [];
  let lastPart: Part | undefined;
  let out = '';
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = lineEnd(i);
    const here = carried.filter((m) => m.end > from);
    while (nextMark < marks.length && marks[nextMark].start < to) {
      if (marks[nextMark].end > from) here.push(marks[nextMark]);
      nextMark++;
    }
    carried = here.filter((m) => m.end > to);
    const lp = parts[i];
    let letters = '';
    for (const p of lp ?? []) {
      if (p.part !== lastPart) letters += `<span class="pl p-${p.part}" tabindex="0" data-tip="${esc(`${PART_NAME[p.part]}: ${p.why}`)}">${PART_LETTER[p.part]}<span class="sr"> ${PART_NAME[p.part]}</span></span>`;
      lastPart = p.part;
    }
    const fs = notes.get(i + 1);
    const id = fs ? ` id="${ID}-L${i + 1}"` : '';
    const noteList = fs ? `<ul class="nt">${fs.map((n) => note(report.findings[n], noteId(n))).join('')}</ul>` : '';
    const text = markedLine(source, from, to, here.sort((a, b) => a.start - b.start || b.end - a.end));
    // each cell has its own grid column, so a line without a band, letters or notes leaves them out
    out += `<div class="l${lp ? '' : ' m'}"${id}><span class="no" aria-hidden="true">${i + 1}</span>${lp ? band(lp) : ''}${letters ? `<span class="pt">${letters}</span>` : ''}<div class="tx">${text}</div>${noteList}</div>\n`;
  }
  return out;
}
