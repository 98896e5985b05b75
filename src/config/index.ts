import { dirname, join, resolve } from 'node:path';
import type { Node } from 'yaml';
import { lstatOrUndefined, readTextFile, statOrUndefined } from '../io/index.js';
import { RULE_IDS, type RuleSetting } from '../analyze/rule-ids.js';
import { SEVERITIES, type Severity } from '../analyze/types.js';
import { didYouMean, type Problem } from '../rubric/validate.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../answer/yaml.js';
import { yaml } from '../rubric/yaml.js';
import { ConfigError } from './error.js';
import { CONFIG_FILE_NAMES, CONFIG_SCHEMA, RULE_SETTINGS, SEVERITY_ALIASES } from './schema.js';

export { CONFIG_FILE_NAMES, CONFIG_SCHEMA } from './schema.js';
export { ConfigError } from './error.js';

/** The project config, with paths made absolute against the config file's folder. */
export interface ProjectConfig {
  file: string;
  /** A rubric id, or an absolute path to a rubric file. */
  rubric?: string;
  rubricsDirs: string[];
  failOn?: Severity;
  minScore?: number;
  rules: Record<string, RuleSetting>;
  maxWarnings?: number;
  /** Terms that are not jargon here. */
  accept: string[];
  /** .gitignore patterns, relative to the config file's folder. */
  ignores: string[];
  /** Whether .gitignore files are respected when walking folders (default true). */
  gitignore?: boolean;
}

/** A config is a few lines; anything bigger is a mistake. */
export const MAX_CONFIG_BYTES = 64 * 1024;

const looksLikePath = (value: string) => /[\\/]|\.ya?ml$/i.test(value);

/**
 * Parses `.answer-coach.yml` text and checks it. Pure: paths are resolved against the file's
 * folder as strings; nothing is read. Every problem is returned at once, with line and column.
 */
export function parseConfigSource(source: string, file: string): { value?: ProjectConfig; problems: Problem[] } {
  const problems: Problem[] = [];
  if (source.length > MAX_CONFIG_BYTES) return { problems: [{ file, message: `config is larger than ${MAX_CONFIG_BYTES / 1024} KiB` }] };
  // loaded here, not at startup: most folders have no config file
  const deep = yamlTooDeep(source);
  if (deep) return { problems: [{ file, line: deep.line, column: 1, message: `the YAML is nested more than ${MAX_YAML_DEPTH} levels deep` }] };
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  for (const e of doc.errors) {
    const pos = e.linePos?.[0];
    problems.push({ file, line: pos?.line, column: pos?.col, message: e.message.split('\n')[0] });
  }
  if (problems.length) return { problems };
  const at = (node: unknown, message: string) => {
    const range = (node as Node | null)?.range;
    const pos = range ? lineCounter.linePos(range[0]) : undefined;
    problems.push({ file, line: pos?.line ?? 1, column: pos?.col ?? 1, message });
  };
  const dir = dirname(resolve(file));
  const config: ProjectConfig = { file, rubricsDirs: [], rules: {}, accept: [], ignores: [] };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { value: config, problems }; // an empty file is an empty config
  if (!isMap(root)) return { problems: [{ file, line: 1, column: 1, message: 'the config must be a mapping of keys such as rubric, fail-on, rules' }] };

  const str = (node: unknown, what: string): string | undefined => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) return node.value;
    at(node, `${what} must be a non-empty string`);
    return undefined;
  };
  const strings = (node: unknown, what: string, into: string[]) => {
    if (!isSeq(node)) return at(node, `${what} must be a list of strings`);
    for (const item of node.items) {
      const v = str(item, `each item of ${what}`);
      if (v) into.push(v);
    }
  };
  /** A severity as ESLint users write it too: warn, 0, 1, 2. */
  const setting = (node: unknown): string => {
    const raw = isScalar(node) ? String(node.value) : '';
    return SEVERITY_ALIASES[raw.toLowerCase()] ?? raw;
  };
  const ruleId = (node: unknown, what: string): string | undefined => {
    const id = str(node, what);
    if (id === undefined) return undefined;
    if (RULE_IDS.includes(id)) return id;
    at(node, `unknown rule "${id}"${didYouMean(id, [...RULE_IDS])}; known rules: ${RULE_IDS.join(', ')}`);
    return undefined;
  };

  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value;
    switch (key) {
      case 'rubric': {
        const v = str(value, 'rubric');
        if (v) config.rubric = looksLikePath(v) ? resolve(dir, v) : v;
        break;
      }
      case 'rubrics-dir': {
        const items = isSeq(value) ? value.items : [value];
        for (const item of items) {
          const v = str(item, 'rubrics-dir');
          if (v) config.rubricsDirs.push(resolve(dir, v));
        }
        break;
      }
      case 'fail-on': {
        const v = setting(value);
        if (!(SEVERITIES as readonly string[]).includes(v)) at(value, `fail-on must be one of ${SEVERITIES.join(', ')} (or warn, 1, 2)${v ? `, not "${v}"` : ''}`);
        else config.failOn = v as Severity;
        break;
      }
      case 'max-warnings':
        if (!isScalar(value) || typeof value.value !== 'number' || !Number.isInteger(value.value) || value.value < 0) at(value, 'max-warnings must be a whole number, 0 or more');
        else config.maxWarnings = value.value;
        break;
      case 'accept':
        strings(value, 'accept', config.accept);
        break;
      case 'ignores':
        strings(value, 'ignores', config.ignores);
        break;
      case 'gitignore':
        if (!isScalar(value) || typeof value.value !== 'boolean') at(value, 'gitignore must be true or false');
        else config.gitignore = value.value;
        break;
      case 'min-score':
        if (!isScalar(value) || typeof value.value !== 'number' || !(value.value >= 0 && value.value <= 100)) at(value, 'min-score must be a number from 0 to 100');
        else config.minScore = value.value;
        break;
      case 'disable':
        if (!isSeq(value)) at(value, 'disable must be a list of rule ids');
        else for (const item of value.items) {
          const id = ruleId(item, 'a rule id');
          if (id) config.rules[id] = 'off';
        }
        break;
      case 'rules':
        if (!isMap(value)) {
          at(value, `rules must be a mapping of rule id to ${RULE_SETTINGS.join(', ')}`);
          break;
        }
        for (const rule of value.items) {
          const id = ruleId(rule.key, 'a rule id');
          const value = setting(rule.value);
          if (!(RULE_SETTINGS as readonly string[]).includes(value)) at(rule.value ?? rule.key, `rule setting must be one of ${RULE_SETTINGS.join(', ')} (or warn, 0, 1, 2)${value ? `, not "${value}"` : ''}`);
          else if (id) config.rules[id] = value as RuleSetting;
        }
        break;
      default:
        at(keyNode, `unknown key "${key}"${didYouMean(key, CONFIG_SCHEMA.map((k) => k.key))}`);
    }
  }
  return problems.length ? { problems } : { value: config, problems };
}

/** The nearest `.answer-coach.yml` (or .yaml) in `from` or a folder above it, if any. */
export function findConfigFile(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      // anything of that name but a folder is the config: reading it says what is wrong with it
      if (lstatOrUndefined(file) && !statOrUndefined(file)?.isDirectory()) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Finds and reads the project config from `cwd` up; undefined when there is none. Throws ConfigError. */
export function loadProjectConfig(cwd: string): ProjectConfig | undefined {
  const file = findConfigFile(cwd);
  if (!file) return undefined;
  const read = readTextFile(file, { maxBytes: MAX_CONFIG_BYTES });
  if (read.problem) throw new ConfigError([{ file, message: read.problem.kind === 'too-large' ? `config is larger than ${MAX_CONFIG_BYTES / 1024} KiB` : read.problem.message }]);
  const { value, problems } = parseConfigSource(read.text, file);
  if (!value) throw new ConfigError(problems);
  return value;
}
