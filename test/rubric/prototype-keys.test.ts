import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigSource } from '../../src/config/index.js';
import { mergeRaw } from '../../src/rubric/resolve.js';
import { parseRubricSource } from '../../src/rubric/validate.js';
import { run } from '../cli/run.js';

// A plain object answers to every name on Object.prototype: a validator that looks keys up with
// `fields[name]` takes `constructor` or `__proto__` for a schema entry and checks nothing under it,
// and a merge that assigns out['__proto__'] swaps the merged rubric's prototype. Every one of those
// names, at every depth, in every value shape, must be an unknown key at its own line and column.
const NAMES = Object.getOwnPropertyNames(Object.prototype);
const VALUES = ['1', 'text', '{ weight: 100, pillars: 3 }', '[a, b]', 'null'];

interface Place {
  where: string;
  /** The rubric, with KEY where the name goes and VALUE where its value goes. */
  yaml: string;
  /** The key's path in the message, with KEY for the name. */
  path: string;
}

const HEAD = 'id: proto\ntitle: Proto\nextends: base\n';
const PLACES: Place[] = [
  { where: 'the top level', yaml: `${HEAD}KEY: VALUE\n`, path: 'KEY' },
  { where: 'a list overlay (+)', yaml: `${HEAD}KEY+: VALUE\n`, path: 'KEY+' },
  { where: 'a list removal (-)', yaml: `${HEAD}KEY-: VALUE\n`, path: 'KEY-' },
  { where: 'star', yaml: `${HEAD}star:\n  KEY: VALUE\n`, path: 'star.KEY' },
  { where: 'a STAR part', yaml: `${HEAD}star:\n  situation:\n    KEY: VALUE\n`, path: 'star.situation.KEY' },
  { where: 'expectations.pillars', yaml: `${HEAD}expectations:\n  pillars:\n    KEY: VALUE\n`, path: 'expectations.pillars.KEY' },
  { where: 'weights', yaml: `${HEAD}weights:\n  KEY: VALUE\n`, path: 'weights.KEY' },
  { where: 'a pillar', yaml: `${HEAD}pillars+:\n  - id: empathy\n    KEY: VALUE\n`, path: 'pillars+[0].KEY' },
  { where: 'a jargon item', yaml: `${HEAD}jargon:\n  - phrase: synergy\n    suggestion: say who did what\n    KEY: VALUE\n`, path: 'jargon[0].KEY' },
  { where: 'metric', yaml: `${HEAD}metric:\n  KEY: VALUE\n`, path: 'metric.KEY' },
];

/** 1-based line and column of KEY in the template. */
function positionOf(template: string): { line: number; column: number } {
  const lines = template.split('\n');
  const line = lines.findIndex((l) => l.includes('KEY'));
  return { line: line + 1, column: lines[line].indexOf('KEY') + 1 };
}

describe('rubric validation cannot be tricked by Object.prototype names', () => {
  it(`checks ${NAMES.length} names × ${PLACES.length} places × ${VALUES.length} values without throwing, each an unknown key at its position`, () => {
    let cases = 0;
    for (const name of NAMES) {
      for (const place of PLACES) {
        for (const value of VALUES) {
          const source = place.yaml.replace('KEY', name).replace('VALUE', value);
          let result: ReturnType<typeof parseRubricSource> | undefined;
          expect(() => (result = parseRubricSource(source, 'proto.yaml')), `${name} in ${place.where}`).not.toThrow();
          expect(result!.value, `${name} in ${place.where} = ${value}`).toBeUndefined();
          const { line, column } = positionOf(place.yaml);
          const problem = result!.problems.find((p) => p.line === line && p.column === column);
          expect(problem?.message, `${name} in ${place.where} = ${value}: ${JSON.stringify(result!.problems)}`).toMatch(new RegExp(`^unknown key "${place.path.replace('KEY', name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
          cases++;
        }
      }
    }
    expect(cases).toBe(NAMES.length * PLACES.length * VALUES.length);
  });

  it('the config validator too: each name is an unknown key, or an unknown rule under rules', () => {
    for (const name of NAMES) {
      for (const source of [`${name}: 1\n`, `rules:\n  ${name}: off\n`, `disable: [${name}]\n`]) {
        let result: ReturnType<typeof parseConfigSource> | undefined;
        expect(() => (result = parseConfigSource(source, '.answer-coach.yml')), source).not.toThrow();
        expect(result!.value, source).toBeUndefined();
        expect(result!.problems[0].message, source).toMatch(new RegExp(`^unknown (key|rule) "${name}"`));
        expect(result!.problems[0].line, source).toBeGreaterThan(0);
      }
    }
  });

  it('a merge keeps `__proto__` as a plain key and never changes the prototype', () => {
    // JSON.parse (the snapshot) and the YAML parser both make `__proto__` an own key, as here
    const child = JSON.parse('{"title":"T","__proto__":{"weights":{"star":350}},"weights":{"constructor":3}}') as Record<string, unknown>;
    const merged = mergeRaw({ id: 'p', weights: { star: 35 } }, child);
    expect(Object.getPrototypeOf(merged)).toBeNull();
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect((merged.weights as Record<string, unknown>).star).toBe(35);
    expect(Object.getPrototypeOf(merged.weights)).toBeNull();
  });
});

describe('the rubrics that got past the validator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'answer-coach-proto-'));
  const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') };
  // weights a validator refuses (negative), slipped in as the prototype of the merged rubric: scores came out at 350/100
  writeFileSync(
    join(dir, 'score.yaml'),
    'id: score\ntitle: Score\nquestions: [Why?]\nstar: {}\npillars: [{ id: a, name: A, phrases: [help] }]\nexpectations: {}\n__proto__:\n  weights: { star: 100, pillars: -50, metric: -10, jargon: 0, delivery: 0, opening: 0 }\n',
  );
  // pillars as a number, slipped in the same way: "internal error: raw.pillars.map is not a function"
  writeFileSync(join(dir, 'crash.yaml'), 'id: crash\ntitle: Crash\nstar: {}\nexpectations: {}\nweights: {}\n__proto__:\n  pillars: 3\n');

  for (const [name, line] of [['score.yaml', 7], ['crash.yaml', 6]] as const) {
    it(`${name}: rubrics validate names the key at its line; check refuses the rubric`, () => {
      const v = run(['rubrics', 'validate', join(dir, name)], { env, cwd: dir });
      expect(v.code).toBe(2);
      expect(v.stdout).toContain(`${join(dir, name)}:${line}:1: unknown key "__proto__"`);
      expect(v.stdout + v.stderr).not.toMatch(/internal error/);
      const c = run(['check', '-', '--rubric', join(dir, name), '--format', 'json'], { env, cwd: dir, input: 'I helped a customer and it took an hour.' });
      expect(c.code).toBe(2);
      expect(c.stderr).toContain(`rubric ${join(dir, name)}:${line}:1: unknown key "__proto__"`);
    });
  }
});
