import { createRequire } from 'node:module';
import type { Node } from 'yaml';
import { danglingSlot, regexLike, splitAlternative } from './phrase-lint.js';
import { fieldOf, RUBRIC_SCHEMA, type FieldSpec } from './schema.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../answer/yaml.js';
import { yaml } from './yaml.js';

export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** Largest rubric file we parse: rubrics are hand-written, so anything bigger is a mistake or an attack. */
export const MAX_RUBRIC_BYTES = 512 * 1024;
const MAX_PHRASE_LENGTH = 200;
/** Most YAML aliases a rubric may use: enough to share a list, far too few for an alias bomb. */
export const MAX_ALIASES = 50;

// loaded only when a key is misspelt
const levenshtein = (a: string, b: string): number =>
  (createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance.js') as { LevenshteinDistance(a: string, b: string): number }).LevenshteinDistance(a, b);

export function didYouMean(key: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = levenshtein(key, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

/** A list key may carry `+` (add to the parent's list) or `-` (remove from it). */
function splitOverlay(key: string): { name: string; overlay: '' | '+' | '-' } {
  const last = key.at(-1);
  return last === '+' || last === '-' ? { name: key.slice(0, -1), overlay: last } : { name: key, overlay: '' };
}

const isListSpec = (spec: FieldSpec) => spec.type === 'list' || spec.type === 'phrases' || spec.type === 'strings';

/**
 * Parses rubric YAML and checks it against the schema. Pure: returns the plain object and every
 * problem found, each with line and column, so an author fixes them all in one pass.
 */
export function parseRubricSource(source: string, file: string): { value: Record<string, unknown> | undefined; problems: Problem[] } {
  try {
    return checkRubricSource(source, file);
  } catch (e) {
    // never reached by any input the tests know of (they feed every Object.prototype name); kept
    // so that a rubric which trips a bug is that rubric's problem, not a crash of the command
    return { value: undefined, problems: [{ file, line: 1, column: 1, message: `cannot be checked: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function checkRubricSource(source: string, file: string): { value: Record<string, unknown> | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  if (source.length > MAX_RUBRIC_BYTES) return { value: undefined, problems: [{ file, message: `rubric is larger than ${MAX_RUBRIC_BYTES / 1024} KiB` }] };
  const deep = yamlTooDeep(source);
  if (deep) return { value: undefined, problems: [{ file, line: deep.line, column: 1, message: `the YAML is nested more than ${MAX_YAML_DEPTH} levels deep` }] };
  const { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // duplicate keys are found by checkMap: the parser's own check compares every key with every earlier one
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: false });
  for (const e of doc.errors) {
    const pos = e.linePos?.[0];
    problems.push({ file, line: pos?.line, column: pos?.col, message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') }); // the position is given already
  }
  if (problems.length) return { value: undefined, problems };

  const at = (node: Node | null | undefined, message: string) => {
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    problems.push({ file, line: pos?.line, column: pos?.col, message });
  };

  // Aliases are followed while checking, and counted: past the cap the rubric is refused, so a
  // nested alias bomb costs at most MAX_ALIASES expansions here and is never turned into data.
  let aliases = 0;
  const deref = (node: unknown): unknown => {
    if (!isAlias(node)) return node;
    aliases++;
    if (aliases === MAX_ALIASES + 1) at(node, `more than ${MAX_ALIASES} YAML aliases: a rubric is refused as a possible alias bomb`);
    return aliases > MAX_ALIASES ? null : node.resolve(doc);
  };

  const checkPhrase = (raw: unknown, path: string, phrase = false) => {
    const node = deref(raw);
    if (aliases > MAX_ALIASES) return;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.trim()) return at(node as Node, `${path} must be a non-empty string`);
    if (node.value.length > MAX_PHRASE_LENGTH) at(node, `${path} is longer than ${MAX_PHRASE_LENGTH} characters`);
    const notPhrase = phrase ? (regexLike(node.value) ?? danglingSlot(node.value) ?? splitAlternative(node.value)) : undefined;
    if (notPhrase) at(node, `${path} "${node.value}" ${notPhrase}`);
  };

  const checkValue = (raw: unknown, spec: FieldSpec, path: string): void => {
    const node = deref(raw);
    if (aliases > MAX_ALIASES) return;
    switch (spec.type) {
      case 'string':
        if (!isScalar(node) || typeof node.value !== 'string') return at(node as Node, `${path} must be a string`);
        if (spec.enum && !spec.enum.includes(node.value)) at(node, `${path} must be one of ${spec.enum.join(', ')}, not "${node.value}"`);
        return;
      case 'number':
        if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) return at(node as Node, `${path} must be a number`);
        if (spec.min !== undefined && node.value < spec.min) at(node, `${path} must be at least ${spec.min}`);
        if (spec.max !== undefined && node.value > spec.max) at(node, `${path} must be at most ${spec.max}`);
        return;
      case 'phrases':
      case 'strings':
        if (isScalar(node) && spec.type === 'phrases') return checkPhrase(node, path, true);
        if (!isSeq(node)) return at(node as Node, `${path} must be a list of strings`);
        node.items.forEach((item, i) => checkPhrase(item, `${path}[${i}]`, spec.type === 'phrases'));
        return;
      case 'object':
        return checkMap(node, spec.fields, path);
      case 'list': {
        if (!isSeq(node)) return at(node as Node, `${path} must be a list`);
        const seen = new Map<string, number>();
        const removal = path.endsWith('-');
        node.items.forEach((rawItem, i) => {
          const itemPath = `${path}[${i}]`;
          const item = deref(rawItem);
          if (aliases > MAX_ALIASES) return;
          // `pillars-: [empathy]` names the items to remove by their key
          if (removal && spec.key && isScalar(item)) return checkPhrase(item, itemPath);
          if (!isMap(item)) return at(item as Node, `${itemPath} must be a mapping`);
          checkMap(item, spec.item, itemPath);
          // a `key+` item may name only its key: it is merged over the parent's item of that key
          const required = path.endsWith('+') && spec.key ? [spec.key] : spec.required;
          if (!removal) for (const req of required) if (!item.has(req)) at(item, `${itemPath} is missing "${req}"`);
          const keyValue = spec.key ? item.get(spec.key) : undefined;
          if (typeof keyValue === 'string') {
            const norm = keyValue.toLowerCase();
            if (seen.has(norm)) at(item, `${itemPath}: duplicate ${spec.key} "${keyValue}" (first at ${path}[${seen.get(norm)}])`);
            else seen.set(norm, i);
          }
        });
        return;
      }
    }
  };

  function checkMap(node: unknown, fields: Record<string, FieldSpec>, path: string): void {
    if (!isMap(node)) return at(node as Node, `${path || 'the rubric'} must be a mapping`);
    const keys = new Set<string>();
    for (const pair of node.items) {
      const keyNode = pair.key as Node;
      if (!isScalar(keyNode)) {
        at(keyNode, `${path || 'the rubric'}: keys must be plain strings`);
        continue;
      }
      const rawKey = String(keyNode.value);
      if (keys.has(rawKey)) {
        at(keyNode, `${path ? `${path}.` : ''}${rawKey}: Map keys must be unique`);
        continue;
      }
      keys.add(rawKey);
      const { name, overlay } = splitOverlay(rawKey);
      const spec = fieldOf(fields, name);
      const keyPath = path ? `${path}.${rawKey}` : rawKey;
      if (!spec) {
        at(keyNode, `unknown key "${keyPath}"${didYouMean(name, Object.keys(fields))}`);
        continue;
      }
      if (overlay && !isListSpec(spec)) {
        at(keyNode, `"${rawKey}": only lists take + or -`);
        continue;
      }
      checkValue(pair.value, spec, keyPath);
    }
  }

  checkMap(doc.contents, RUBRIC_SCHEMA, '');
  if (problems.length) return { value: undefined, problems };
  let value: Record<string, unknown>;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>;
  } catch (e) {
    return { value: undefined, problems: [{ file, line: 1, column: 1, message: `cannot be read: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (typeof value.id !== 'string') return { value: undefined, problems: [{ file, line: 1, column: 1, message: 'the rubric needs an "id"' }] };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value.id)) at(doc.get('id', true) as Node, `id "${value.id}" must be lower-case words joined by hyphens`);
  return { value: problems.length ? undefined : value, problems };
}
