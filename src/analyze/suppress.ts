import type { ParsedAnswer } from '../answer/types.js';
import type { Rubric } from '../rubric/types.js';
import { PhraseSet } from '../text/phrases.js';
import { tokenize } from '../text/tokens.js';
import { DIRECTIVE_RULE, RULE_IDS, type RuleSetting } from './rule-ids.js';
import type { Finding } from './types.js';

export { DIRECTIVE_RULE, RULE_IDS, type RuleSetting };

/** What `analyze` takes besides the answer and rubric (from the project config). */
export interface AnalyzeOptions {
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Terms that are not jargon here (the config's `accept`, like Vale's vocabulary): see acceptTerms. */
  accept?: readonly string[];
}

// one rubric per accept list, so the phrase sets compiled for it are shared by every answer
const acceptedRubrics = new WeakMap<Rubric, Map<string, Rubric>>();

/**
 * The rubric without the jargon an accept list allows, so an accepted term is neither reported
 * nor scored. Matching is case-insensitive and by the rubric's own phrase matching, so inflections
 * count: accepting "leverage" drops a jargon phrase that matches it ("leverage", "leverag*"), and
 * one that holds it ("leverage our strengths"), and with it "leveraged" and "leveraging". Pure.
 */
export function acceptTerms(rubric: Rubric, accept: readonly string[] | undefined): Rubric {
  const terms = [...new Set((accept ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
  if (!terms.length) return rubric;
  const key = terms.join('\n');
  let byList = acceptedRubrics.get(rubric);
  const cached = byList?.get(key);
  if (cached) return cached;
  const termSet = new PhraseSet(terms, { alone: true });
  const tokensOf = terms.map((t) => tokenize(t));
  const jargon = rubric.jargon.filter((j) => {
    const phrase = new PhraseSet([j.phrase], { alone: true });
    return !tokensOf.some((tokens) => phrase.findAll(tokens).length) && !termSet.findAll(tokenize(j.phrase.replace(/[*_#|]/g, ' '))).length;
  });
  const result = jargon.length === rubric.jargon.length ? rubric : { ...rubric, jargon };
  if (!byList) acceptedRubrics.set(rubric, (byList = new Map()));
  byList.set(key, result);
  return result;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  line: number;
  column: number;
  /** Line the directive's comment ends on (a comment may span lines). */
  endLine: number;
}

// `<!-- answer-coach-disable jargon, filler -->` in any answer; `# answer-coach-disable …` also in YAML.
// Both patterns are anchored on a literal and use only bounded, non-nested repetition.
const HTML_DIRECTIVE = /<!--\s*answer-coach-(disable-next-line|disable|enable)\b([^>]*?)-->/g;
const YAML_DIRECTIVE = /(?:^|\s)#\s*answer-coach-(disable-next-line|disable|enable)\b([^\n]*)/g;

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Finds the suppression directives in an answer's original text, in order. Pure. */
export function parseDirectives(answer: Pick<ParsedAnswer, 'source' | 'format'>): Directive[] {
  // most answers have none: one search instead of the line index and two patterns
  if (!answer.source.includes('answer-coach-')) return [];
  const starts = lineStarts(answer.source);
  const found: (Directive & { offset: number })[] = [];
  const collect = (re: RegExp) => {
    for (const m of answer.source.matchAll(re)) {
      // a YAML match may begin with the whitespace before its `#`
      const start = m.index! + (m[0].startsWith('<') ? 0 : m[0].indexOf('#'));
      const { line, column } = position(starts, start);
      const rules = m[2].split(/[\s,]+/).map((r) => r.trim().toLowerCase()).filter(Boolean);
      found.push({ kind: m[1] as DirectiveKind, rules, line, column, endLine: position(starts, m.index! + m[0].length).line, offset: start });
    }
  };
  collect(HTML_DIRECTIVE);
  if (answer.format === 'yaml') collect(YAML_DIRECTIVE);
  return found.sort((a, b) => a.offset - b.offset).map(({ offset: _, ...d }) => d);
}

interface Region {
  rule: string; // '*' for every rule
  line: number;
  column: number;
  /** Where the matching `enable` is; undefined when the rule stays off to the end of the file. */
  end?: { line: number; column: number };
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column < b.column);

function regionsOf(directives: readonly Directive[]): { regions: Region[]; nextLine: Map<number, Set<string>> } {
  const regions: Region[] = [];
  const open = new Map<string, Region>();
  const nextLine = new Map<number, Set<string>>();
  for (const d of directives) {
    const rules = d.rules.length ? d.rules : ['*'];
    if (d.kind === 'disable-next-line') {
      const set = nextLine.get(d.endLine + 1) ?? new Set<string>();
      rules.forEach((r) => set.add(r));
      nextLine.set(d.endLine + 1, set);
    } else if (d.kind === 'disable') {
      for (const rule of rules) {
        if (open.has(rule)) continue;
        const region: Region = { rule, line: d.line, column: d.column };
        regions.push(region);
        open.set(rule, region);
      }
    } else {
      // `enable` with no rules ends every open region
      for (const rule of d.rules.length ? d.rules : [...open.keys()]) {
        const region = open.get(rule);
        if (!region) continue;
        region.end = { line: d.line, column: d.column };
        open.delete(rule);
      }
    }
  }
  return { regions, nextLine };
}

function didYouMean(word: string, known: readonly string[]): string {
  const close = known.find((k) => k.startsWith(word.slice(0, 3)) || word.startsWith(k));
  return close ? ` (did you mean "${close}"?)` : '';
}

/**
 * Applies inline suppression and the config's rule settings to an answer's findings. A finding
 * is dropped when it lies between `answer-coach-disable RULE` and `answer-coach-enable RULE`, or
 * on the line after `answer-coach-disable-next-line RULE`; a finding about the whole answer (no
 * position of its own) only when the rule is disabled and never enabled again. Then rules set
 * `off` are dropped and the others take the configured severity. Pure.
 */
export function applyRuleSettings(
  findings: readonly Finding[],
  answer: Pick<ParsedAnswer, 'source' | 'format'>,
  options: AnalyzeOptions = {},
  isWholeAnswer: (f: Finding) => boolean = () => false,
): Finding[] {
  const directives = parseDirectives(answer);
  const { regions, nextLine } = regionsOf(directives);
  const problems: Finding[] = [];
  for (const d of directives) {
    for (const rule of d.rules) {
      if (!RULE_IDS.includes(rule)) {
        problems.push({ rule: DIRECTIVE_RULE, severity: 'warning', message: `answer-coach-${d.kind} names unknown rule "${rule}"${didYouMean(rule, RULE_IDS)}; known rules: ${RULE_IDS.join(', ')}.`, line: d.line, column: d.column });
      }
    }
  }
  const covers = (r: Region, f: Finding) =>
    (r.rule === '*' || r.rule === f.rule) && (isWholeAnswer(f) ? r.end === undefined : !before(f, r) && (!r.end || before(f, r.end)));
  const kept = [...findings, ...problems].filter((f) => {
    if (f.rule === DIRECTIVE_RULE) return true; // a broken directive cannot hide its own warning
    const lineRules = nextLine.get(f.line);
    if (lineRules && !isWholeAnswer(f) && (lineRules.has('*') || lineRules.has(f.rule))) return false;
    return !regions.some((r) => covers(r, f));
  });
  const settings = options.rules ?? {};
  if (!Object.keys(settings).length) return kept;
  return kept.flatMap((f) => {
    const setting = settings[f.rule];
    if (setting === 'off') return [];
    return setting && setting !== f.severity ? [{ ...f, severity: setting }] : [f];
  });
}
