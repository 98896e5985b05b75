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

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function sectionFromNode(label: string, keyOffset: number, node: Node | null, source: string): AnswerSection | undefined {
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
  return { label, labelLine: lineOf(source, keyOffset), text, sourceOffsets };
}

/**
 * Reads a YAML answer: a mapping whose keys label the sections (`question`, `opening`,
 * `situation`, `task`, `action`, `result`, or any heading the rubric knows). A YAML file that
 * holds a single string is read as plain text.
 */
export function parseYamlAnswer(source: string): ParsedAnswer {
  const { isMap, isScalar, parseDocument } = yaml();
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
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
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = pair.value as Node | null;
    if (key.toLowerCase() === 'question') {
      if (isScalar(value) && value.value != null) question = String(value.value).trim();
      continue;
    }
    const section = sectionFromNode(key, pair.key.range?.[0] ?? 0, value, source);
    if (section) sections.push(section);
  }
  if (!sections.length) throw new AnswerFormatError('the YAML answer has no text: give at least one of opening, situation, task, action, result');
  return { format: 'yaml', question, source, sections };
}
