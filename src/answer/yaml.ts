import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import { AnswerFormatError, type AnswerSection, type ParsedAnswer } from './types.js';
import { parsePlainText } from './text.js';
import { isSpaceCode } from '../text/chars.js';

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
    const c = value.charCodeAt(i);
    // whitespace, as /\s/ has it (by code: this runs for every character)
    if (isSpaceCode(c)) {
      offsets[i] = Math.min(j, end);
      continue;
    }
    // (characters compared by code: no one-character string per step)
    let k = j;
    while (k < end && k - j < 40 && source.charCodeAt(k) !== c) k++;
    if (k < end && source.charCodeAt(k) === c) j = k;
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

/** A key and its string value, as the YAML library would give them: the value's text and its range in the source. */
interface SimplePair {
  key: string;
  /** 1-based line of the key. */
  line: number;
  value: string;
  range: [number, number];
}

// The shape nearly every YAML answer has: keys at the start of a line, each with a one-line value
// (plain or double-quoted, no escapes) or a folded block (`>`) of lines with the same indentation.
// Read by hand, it costs a tenth of the YAML library; anything else goes to the library.
const SIMPLE_KEY = /^([A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*):(?: (.*))?$/;
/** Characters that may not start a plain scalar, or that the library reads as something else. */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/** Plain values the core schema reads as null, a boolean or a number (or might: a digit, a sign, a dot first). */
const NOT_A_STRING = /^(?:[-+.\d~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;
/** Characters outside the printable set, line separators and lone surrogates: the library decides. */
const UNUSUAL = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** The pairs of an answer in the simple shape, or undefined when it is not (the library reads it then). */
export function simplePairs(source: string): SimplePair[] | undefined {
  if (UNUSUAL.test(source)) return undefined;
  const pairs: SimplePair[] = [];
  const seen = new Set<string>();
  // the folded block being read: its content lines so far, the indentation they share
  let block: { pair: SimplePair; lines: string[]; indent: number; closed: boolean } | undefined;
  const endBlock = (): boolean => {
    if (!block) return true;
    if (!block.lines.length) return false;
    block.pair.value = block.lines.join(' ') + '\n';
    block = undefined;
    return true;
  };
  let lineNumber = 0;
  for (let start = 0; start < source.length; ) {
    lineNumber++;
    const nl = source.indexOf('\n', start);
    const end = nl < 0 ? source.length : nl;
    const next = nl < 0 ? source.length : nl + 1;
    const line = source.slice(start, end);
    if (line === '') {
      // a blank line ends a block (one before its first line would be part of its value)
      if (block && !block.lines.length) return undefined;
      if (block) block.closed = true;
      start = next;
      continue;
    }
    if (line.charCodeAt(0) === 32) {
      // a content line of the open block: the same indentation as its first, nothing after a blank line
      if (!block || block.closed) return undefined;
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent++;
      if (block.lines.length ? indent !== block.indent : indent === line.length) return undefined;
      if (line.charCodeAt(line.length - 1) === 32) return undefined;
      block.indent = indent;
      block.lines.push(line.slice(indent));
      block.pair.range[1] = next;
      start = next;
      continue;
    }
    if (!endBlock()) return undefined;
    const m = SIMPLE_KEY.exec(line);
    if (!m || m[2] === undefined || seen.has(m[1])) return undefined;
    seen.add(m[1]);
    const v = m[2];
    const at = start + m[1].length + 2;
    const pair: SimplePair = { key: m[1], line: lineNumber, value: '', range: [at, at + v.length] };
    if (v === '>') {
      block = { pair, lines: [], indent: 0, closed: false };
      pair.range[1] = at + 1;
    } else if (v.charCodeAt(0) === 34) {
      // "…": one line, no escape and no other quote inside
      if (v.length < 2 || v.charCodeAt(v.length - 1) !== 34 || v.slice(1, -1).includes('"') || v.includes('\\')) return undefined;
      pair.value = v.slice(1, -1);
    } else {
      if (PLAIN_START.test(v) || NOT_A_STRING.test(v) || v.includes(': ') || v.includes(' #') || v.endsWith(':') || v.endsWith(' ')) return undefined;
      pair.value = v;
    }
    pairs.push(pair);
    start = next;
  }
  if (!endBlock() || !pairs.length) return undefined;
  return pairs;
}

/** The answer from pairs in the simple shape: what the library's reading gives for the same source. */
function fromPairs(source: string, pairs: readonly SimplePair[]): ParsedAnswer | undefined {
  let question: string | undefined;
  const sections: AnswerSection[] = [];
  for (const p of pairs) {
    if (p.key.toLowerCase() === 'question') {
      question = p.value.trim();
      continue;
    }
    sections.push({ label: p.key, labelLine: p.line, text: p.value, sourceOffsets: alignToSource(p.value, source, p.range[0], p.range[1]) });
  }
  return sections.length ? { format: 'yaml', question, source, sections } : undefined;
}

/**
 * Reads a YAML answer: a mapping whose keys label the sections (`question`, `opening`,
 * `situation`, `task`, `action`, `result`, or any heading the rubric knows). A YAML file that
 * holds a single string is read as plain text.
 */
export function parseYamlAnswer(source: string): ParsedAnswer {
  const deep = yamlTooDeep(source);
  if (deep) throw new AnswerFormatError(`the YAML is nested more than ${MAX_YAML_DEPTH} levels deep`, deep.line, 1);
  const pairs = simplePairs(source);
  const simple = pairs && fromPairs(source, pairs);
  return simple ?? parseWithLibrary(source);
}

/** parseYamlAnswer by the YAML library (after the depth check): every shape YAML allows, and its errors. */
export function parseWithLibrary(source: string): ParsedAnswer {
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
