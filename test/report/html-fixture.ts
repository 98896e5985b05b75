// What the HTML report tests share: a small DOM walker over parse5's tree, the shipped examples as
// the batch checks them (with their text), a hostile answer, and a hand-made run for the golden
// page that does not change when the analyzer's judgement does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Report } from '../../src/analyze/types.js';
import { formatForPath } from '../../src/answer/index.js';
import { checkAnswer } from '../../src/batch/check-file.js';
import { summarize } from '../../src/report/summary.js';
import type { FileError, FileResult, RunResult } from '../../src/report/types.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

export type El = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Parses a page, failing on any HTML parse error (a broken page would fail silently in a browser). */
export function parsePage(html: string): El {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
  if (errors.length) throw new Error(`HTML parse errors: ${errors.join(', ')}`);
  return doc.childNodes.find((n): n is El => n.nodeName === 'html')!;
}

const children = (n: Node): DefaultTreeAdapterMap['childNode'][] => ('childNodes' in n ? n.childNodes : []);
const isEl = (n: Node): n is El => 'tagName' in n;

export function attr(el: El, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}
export const classes = (el: El) => (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);

/** Every element under `root` (itself included) in document order. */
export function all(root: El, match: (el: El) => boolean = () => true): El[] {
  const out: El[] = [];
  const walk = (n: Node) => {
    if (isEl(n)) {
      if (match(n)) out.push(n);
      if (n.tagName === 'template') return;
    }
    for (const c of children(n)) walk(c);
  };
  walk(root);
  return out;
}
export const byClass = (root: El, cls: string) => all(root, (e) => classes(e).includes(cls));
export const byTag = (root: El, tag: string) => all(root, (e) => e.tagName === tag);
export const byId = (root: El, id: string) => all(root, (e) => attr(e, 'id') === id)[0];

export function text(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return children(n).map(text).join('');
}

/** Each character of an element's text with the classes of the marks around it. */
export function coverage(root: El): { text: string; marks: string[][] } {
  let out = '';
  const marks: string[][] = [];
  const walk = (n: Node, around: string[]) => {
    if (n.nodeName === '#text') {
      const t = (n as DefaultTreeAdapterMap['textNode']).value;
      out += t;
      for (let i = 0; i < t.length; i++) marks.push(around);
      return;
    }
    const here = isEl(n) && n !== root && (attr(n, 'data-tip') ?? attr(n, 'data-n')) !== undefined ? [...around, ...classes(n)] : around;
    for (const c of children(n)) walk(c, here);
  };
  walk(root, []);
  return { text: out, marks };
}

const registry = new RubricRegistry();

/** Each shipped example answer as `check examples` reads and checks it, its text included. */
export function exampleResults(): FileResult[] {
  return readdirSync(EXAMPLES)
    .filter((f) => /\.(md|txt|ya?ml)$/.test(f))
    .sort()
    .map((f) => {
      const r = checkAnswer(`examples/${f}`, readFileSync(join(EXAMPLES, f), 'utf8'), formatForPath(f), registry);
      if (!('report' in r)) throw new Error(r.message);
      return r;
    });
}

export const runOf = (results: FileResult[], errors: FileError[] = []): RunResult => ({ results, errors, summary: summarize(results, errors, { failOn: 'error' }) });

export const HOSTILE_NAME = 'answers/"><svg onload=alert(1)>.md';
/** An answer that tries markup, script, an event handler, a bidi override and control characters. */
export const HOSTILE_TEXT =
  '# Tell me about a time you dealt with a difficult customer. <script>window.__pwned=1</script>\n\n' +
  '## Situation\nA customer typed "><img src=x onerror="window.__pwned=2"> into our form & said \u202eevil\u202c text\u0007.\n\n' +
  '## Action\nI listened and <b>fixed</b> it; we cut the wait by 30% using synergy.\n\n' +
  '## Result\nShe gave us 5 stars.\n';

export function hostileResult(): FileResult {
  const r = checkAnswer(HOSTILE_NAME, HOSTILE_TEXT, 'markdown', registry);
  if (!('report' in r)) throw new Error(r.message);
  return r;
}

/**
 * A hand-made report on a fixed text, for the golden page: marks that cross (evidence over a
 * metric), one that spans two lines, a claimed pillar, a finding with and one without a span,
 * two findings on one line, a CRLF line and a line of only a heading.
 */
export function syntheticRun(): RunResult {
  const source = '# How do you handle pressure?\r\n\r\nI stay calm under pressure.\nI rebuilt the rota and cut waiting by 30% in a\nweek, using synergy.\n';
  const span = (line: number, column: number, endLine: number, endColumn: number, text: string) => ({ line, column, endLine, endColumn, text });
  const report: Report = {
    rubric: 'behavioral',
    question: 'How do you handle pressure?',
    score: 58,
    scoreParts: { star: 0.5, pillars: 0.75, metric: 1, jargon: 0, delivery: 0.9, opening: 1 },
    star: { situation: { present: false, words: 0, share: 0 }, task: { present: false, words: 0, share: 0 }, action: { present: true, words: 9, share: 0.6 }, result: { present: true, words: 6, share: 0.4 } },
    pillars: [
      { id: 'composure', name: 'Composure', present: true, status: 'claimed', evidence: [{ ...span(3, 3, 3, 18, 'stay calm under'), kind: 'claimed', why: 'a value you state' }] },
      { id: 'ownership', name: 'Ownership', present: true, status: 'shown', evidence: [{ ...span(4, 1, 4, 38, 'I rebuilt the rota and cut waiting by'), kind: 'shown', why: 'your step in the story' }] },
      { id: 'teamwork', name: 'Teamwork', present: false, status: 'missing', evidence: [] },
    ],
    metrics: [{ ...span(4, 36, 5, 5, 'by 30% in a\nweek'), kind: 'percent', part: 'result' }],
    jargon: [{ ...span(5, 13, 5, 20, 'synergy'), suggestion: 'say who worked with whom.' }],
    opening: [],
    sentences: [
      { ...span(3, 1, 3, 28, 'I stay calm under pressure.'), part: 'opening', why: 'before the story starts' },
      { ...span(4, 1, 5, 21, 'I rebuilt the rota and cut waiting by 30% in a\nweek, using synergy.'), part: 'action', why: 'your step, told in the past' },
    ],
    findings: [
      { rule: 'star-missing', severity: 'error', message: 'The Situation is missing: say where & when <it> happened.', line: 1, column: 1 },
      { rule: 'jargon', severity: 'warning', message: '"synergy" is jargon: say who worked with whom.', line: 5, column: 13, endLine: 5, endColumn: 20, text: 'synergy' },
      { rule: 'hedge', severity: 'info', message: 'Hedge "under pressure"? (a made-up one, to cross the claimed pillar).', line: 3, column: 13, endLine: 3, endColumn: 27, text: 'under pressure' },
      { rule: 'length', severity: 'info', message: 'Short: about 20 words.', line: 3, column: 1 },
    ],
    stats: { words: 20, sentences: 2, speakingSeconds: 8, fillers: 0, hedges: 1 },
  };
  return runOf([{ file: 'answers/pressure.md', report, source }], [{ file: 'answers/broken.yaml:2:1', message: 'invalid YAML: <bad> indentation' }]);
}
