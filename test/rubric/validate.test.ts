import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRubricSource, type Problem } from '../../src/rubric/validate.js';
import { PhraseSet } from '../../src/text/phrases.js';
import { tokenize } from '../../src/text/tokens.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/rubrics/${name}`, import.meta.url));
const problemsOf = (name: string): string[] => {
  const file = fixture(name);
  return parseRubricSource(readFileSync(file, 'utf8'), name).problems.map((p: Problem) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
};

describe('rubric validation', () => {
  it('names an unknown key at its line and column, with a did-you-mean, at any depth', () => {
    expect(problemsOf('broken/unknown-key.yaml')).toEqual([
      'broken/unknown-key.yaml:4:1: unknown key "pilars" (did you mean "pillars"?)',
      'broken/unknown-key.yaml:7:3: unknown key "expectations.wrods" (did you mean "words"?)',
    ]);
  });

  it('reports every problem in a file at once, each where it is', () => {
    expect(problemsOf('broken/many.yaml')).toEqual([
      'broken/many.yaml:5:9: weights.star must be a number',
      'broken/many.yaml:6:12: weights.pillars must be at most 100',
      'broken/many.yaml:8:11: expectations.metric must be one of required, recommended, off, not "sometimes"',
      'broken/many.yaml:10:5: pillars[0] is missing "phrases"',
      'broken/many.yaml:11:5: pillars[1]: duplicate id "a" (first at pillars[0])',
    ]);
  });

  it('gives a YAML syntax error its position once', () => {
    const [p] = problemsOf('broken/syntax.yaml');
    expect(p).toMatch(/^broken\/syntax\.yaml:4:1: Flow sequence/);
    expect(p).not.toMatch(/at line \d+/);
  });

  it('refuses an id that is not lower-case words joined by hyphens', () => {
    expect(problemsOf('broken/bad-id.yaml')).toEqual(['broken/bad-id.yaml:1:5: id "Bad_Id" must be lower-case words joined by hyphens']);
  });

  it('refuses a billion-laughs alias bomb quickly, without expanding it', () => {
    const source = readFileSync(fixture('broken/alias-bomb.yaml'), 'utf8');
    const started = performance.now();
    const { value, problems } = parseRubricSource(source, 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(500);
    expect(value).toBeUndefined();
    expect(problems[0]).toMatchObject({ line: 4, column: 1 });
  });

  it('refuses a well-formed rubric past the alias cap, at the first alias over it', () => {
    const { value, problems } = parseRubricSource(readFileSync(fixture('broken/too-many-aliases.yaml'), 'utf8'), 'x.yaml');
    expect(value).toBeUndefined();
    expect(problems).toEqual([{ file: 'x.yaml', line: 56, column: 5, message: 'more than 50 YAML aliases: a rubric is refused as a possible alias bomb' }]);
  });

  it('follows a few aliases, so authors can share a list', () => {
    const source = 'id: shared\ntitle: Shared\nhedges: &soft [i think, kind of]\nfillers: [um]\npillars:\n  - { id: a, name: A, phrases: *soft }\n';
    const { value, problems } = parseRubricSource(source, 'shared.yaml');
    expect(problems).toEqual([]);
    expect((value!.pillars as { phrases: string[] }[])[0].phrases).toEqual(['i think', 'kind of']);
  });

  it('accepts removals by id in a keyed list, and refuses + or - on a non-list', () => {
    expect(parseRubricSource('id: r\ntitle: R\npillars-: [empathy]\njargon-: [synergy]\n', 'r.yaml').problems).toEqual([]);
    expect(parseRubricSource('id: r\ntitle: R\nweights+: { star: 1 }\n', 'r.yaml').problems).toEqual([{ file: 'r.yaml', line: 3, column: 1, message: '"weights+": only lists take + or -' }]);
  });

  it('refuses a rubric over the size cap before parsing it', () => {
    const { problems } = parseRubricSource('#'.repeat(600 * 1024), 'big.yaml');
    expect(problems[0].message).toMatch(/larger than 512 KiB/);
  });

  it('refuses a phrase that ends in a slot, most often cut off by an unquoted " #" that YAML read as a comment', () => {
    const { problems } = parseRubricSource('id: r\ntitle: R\nfillers:\n  - within _? # minute|hour\n  - "within _? # minute|hour"\n', 'r.yaml');
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([expect.stringMatching(/^4:5: fillers\[0\] "within _\?" ends in a slot that matches any word; .*quote it/)]);
  });

  it('refuses an alternative with a hyphen, which is two words and would match nothing', () => {
    const { problems } = parseRubricSource('id: r\ntitle: R\nfillers: [top-notch|first-class, top|first notch|class]\n', 'r.yaml');
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([expect.stringMatching(/^3:11: fillers\[0\] .*has the alternative "top-notch", which is two words and never matches one/)]);
  });

  it('has no regular expressions: one written as a phrase is refused at its place, and matched it would be only words, in linear time', () => {
    const evil = '(a+)+$';
    const { problems } = parseRubricSource(`id: evil\ntitle: Evil\nfillers: ["${evil}", "(x|x|x)*y"]\n`, 'evil.yaml');
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      expect.stringMatching(/^3:11: fillers\[0\] "\(a\+\)\+\$" looks like a regular expression, and phrases are words, not regular expressions/),
      expect.stringMatching(/^3:21: fillers\[1\] "\(x\|x\|x\)\*y" looks like a regular expression/),
    ]);
    const set = new PhraseSet([evil, '(x|x|x)*y']);
    const text = `${'a'.repeat(30_000)}! ${'aaaa '.repeat(20_000)}x`;
    const started = performance.now();
    set.findAll(tokenize(text));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
