import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import { AnswerFormatError, type AnswerSection, type ParsedAnswer } from './types.js';
import { parsePlainText } from './text.js';

// The parser is loaded with the first YAML answer: a Markdown or text answer never pays for it.
let yamlLib: typeof Yaml | undefined;
const yaml = () => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/**
 * Maps each character of a YAML value back to the file. Folded and quoted scalars are not
 * slices of the source, so characters are matched in order, skipping indentation and quoting.
 */
function alignToSource(value: string, source: string, start: number, end: number): Int32Array {
  const offsets = new Int32Array(value.length);
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const c = value.charCodeAt(i);
    // whitespace, as /\s/ has it (tested by code for ASCII: this runs for every character)
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(ch))) {
      offsets[i] = Math.min(j, end);
      continue;
    }
    let k = j;
    while (k < end && k - j < 40 && source[k] !== ch) k++;
    if (k < end && source[k] === ch) j = k;
    offsets[i] = Math.min(j, Math.max(start, end - 1));
    if (j < end) j++;
  }
  return offsets;
}

/** Deeper than any answer, rubric or config goes (they need three or four levels), far shallower than the parser's stack. */
export const MAX_YAML_DEPTH = 64;

/**
 * The first line where YAML text nests deeper than `max` levels, or undefined. The YAML parser
 * recurses once per level, so "[[[[…" or "- - - …" a few thousand deep overflowed its stack (and,
 * once, crashed the process from inside V8); this linear scan refuses such text before parsing.
 * It counts block levels by indentation (and each compact "- " or "? " on a line) plus open flow
 * brackets anywhere outside block scalars; brackets in quoted text count too (an over-estimate no
 * real answer reaches).
 */
export function yamlTooDeep(source: string, max = MAX_YAML_DEPTH): { line: number } | undefined {
  const levels: number[] = [];
  let flow = 0;
  let scalarParent = -1; // indentation of the line that opened a | or > block scalar, while inside it
  let line = 0;
  for (let start = 0; start <= source.length; ) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    line++;
    let i = start;
    while (i < end && source.charCodeAt(i) === 32) i++;
    const indent = i - start;
    const blank = i === end || source[i] === '#' || (source[i] === '\r' && i + 1 === end);
    if (scalarParent >= 0 && (blank || indent > scalarParent)) {
      start = end + 1;
      continue;
    }
    scalarParent = -1;
    if (!blank) {
      if (flow === 0) {
        while (levels.length && levels[levels.length - 1] >= indent) levels.pop();
        levels.push(indent);
        for (let c = i; (source[c] === '-' || source[c] === '?') && (source[c + 1] === ' ' || source[c + 1] === '\t'); ) {
          c += 2;
          while (source[c] === ' ' || source[c] === '\t') c++;
          levels.push(c - start);
          if (levels.length > max) return { line };
        }
      }
      for (let c = i; c < end; c++) {
        const ch = source.charCodeAt(c);
        if (ch === 91 || ch === 123) {
          // [ {
          if (++flow + levels.length > max) return { line };
        } else if ((ch === 93 || ch === 125) && flow > 0) flow--; // ] }
      }
      if (levels.length + flow > max) return { line };
      if (flow === 0 && opensBlockScalar(source, i, end)) scalarParent = indent;
    }
    start = end + 1;
  }
  return undefined;
}

/** Whether source[from, to) ends with a block scalar indicator (`key: |`, `- >-`, `text: |2  # note`). */
function opensBlockScalar(source: string, from: number, to: number): boolean {
  let end = to;
  const comment = source.slice(from, to).search(/[ \t]#/);
  if (comment >= 0) end = from + comment;
  while (end > from && /[ \t\r]/.test(source[end - 1])) end--;
  for (let k = 0; k < 2 && end > from && /[1-9+-]/.test(source[end - 1]); k++) end--;
  const ch = source[end - 1];
  return (ch === '|' || ch === '>') && (end - 1 === from || source[end - 2] === ' ' || source[end - 2] === '\t');
}

function sectionFromNode(label: string, line: number, node: Node | null, source: string): AnswerSection | undefined {
  const { isScalar, isSeq } = yaml();
  const pieces: { text: string; offsets: Int32Array }[] = [];
  const add = (n: unknown) => {
    if (isScalar(n) && n.value !== null && n.value !== undefined && n.range) {
      const text = String(n.value);
      pieces.push({ text, offsets: alignToSource(text, source, n.range[0], n.range[1]) });
    } else if (isSeq(n)) {
      for (const item of n.items) add(item);
    }
  };
  add(node);
  if (!pieces.length) return undefined;
  // items of a list become lines of one section
  const text = pieces.map((p) => p.text).join('\n');
  const sourceOffsets = new Int32Array(text.length);
  let at = 0;
  for (const [i, p] of pieces.entries()) {
    sourceOffsets.set(p.offsets, at);
    at += p.text.length;
    if (i < pieces.length - 1) sourceOffsets[at++] = p.offsets[p.offsets.length - 1] ?? 0;
  }
  return { label, labelLine: line, text, sourceOffsets };
}

/**
 * Reads a YAML answer: a mapping whose keys label the sections (`question`, `opening`,
 * `situation`, `task`, `action`, `result`, or any heading the rubric knows). A YAML file that
 * holds a single string is read as plain text.
 */
export function parseYamlAnswer(source: string): ParsedAnswer {
  const deep = yamlTooDeep(source);
  if (deep) throw new AnswerFormatError(`the YAML is nested more than ${MAX_YAML_DEPTH} levels deep`, deep.line, 1);
  const { isMap, isScalar, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // keys are checked for duplicates below: the parser's own check compares every key with every earlier one
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: false, lineCounter });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new AnswerFormatError(`invalid YAML: ${e.message.split('\n')[0]}`, pos?.line, pos?.col);
  }
  const root = doc.contents;
  if (isScalar(root) && typeof root.value === 'string') return parsePlainText(source);
  if (!isMap(root)) throw new AnswerFormatError('a YAML answer must be a mapping with keys such as situation, task, action, result');
  let question: string | undefined;
  const sections: AnswerSection[] = [];
  const keys = new Set<string>();
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const at = lineCounter.linePos(pair.key.range?.[0] ?? 0);
    if (keys.has(key)) throw new AnswerFormatError('invalid YAML: Map keys must be unique', at.line, at.col);
    keys.add(key);
    const value = pair.value as Node | null;
    if (key.toLowerCase() === 'question') {
      if (isScalar(value) && value.value != null) question = String(value.value).trim();
      continue;
    }
    const section = sectionFromNode(key, at.line, value, source);
    if (section) sections.push(section);
  }
  if (!sections.length) throw new AnswerFormatError('the YAML answer has no text: give at least one of opening, situation, task, action, result');
  return { format: 'yaml', question, source, sections };
}
