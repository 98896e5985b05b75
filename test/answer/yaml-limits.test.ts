import { describe, expect, it } from 'vitest';
import { parseConfigSource } from '../../src/config/index.js';
import { AnswerFormatError } from '../../src/answer/types.js';
import { MAX_YAML_DEPTH, parseYamlAnswer, yamlTooDeep } from '../../src/answer/yaml.js';
import { parseRubricSource } from '../../src/rubric/validate.js';

// The YAML parser recurses once per nesting level and compares each key with every earlier one:
// a few KB of "[[[[" overflowed its stack (once crashing the process inside V8), and 256 KB of keys
// took seconds. Deep nesting is refused before parsing; duplicate keys are found in one pass.
const errorOf = (source: string): AnswerFormatError => {
  try {
    parseYamlAnswer(source);
  } catch (e) {
    if (e instanceof AnswerFormatError) return e;
    throw e;
  }
  throw new Error('expected an AnswerFormatError');
};

describe('YAML nesting', () => {
  it('refuses flow and compact nesting past the limit, with the line, in answers, rubrics and configs', () => {
    for (const source of [`action: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, `situation: ok\naction:\n  ${'- '.repeat(20_000)}x\n`, `action: {a: ${'{a: '.repeat(10_000)}`]) {
      const e = errorOf(source);
      expect(e.message).toBe(`the YAML is nested more than ${MAX_YAML_DEPTH} levels deep`);
      expect(e.line).toBe(source.startsWith('situation') ? 3 : 1);
      expect(parseRubricSource(source, 'r.yaml').problems[0].message).toBe(e.message);
      expect(parseConfigSource(source, 'c.yml').problems[0].message).toBe(e.message);
    }
  });

  it('block nesting by indentation counts too', () => {
    const deep = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + '\n';
    expect(yamlTooDeep(deep)).toEqual({ line: MAX_YAML_DEPTH + 1 });
  });

  it('never refuses what answers hold: block scalars with any indentation, lists, brackets in text', () => {
    const answer = [
      'question: Tell me about a time [you] helped {someone}',
      'action: |',
      '  I called the bank.',
      ...Array.from({ length: 100 }, (_, i) => `${' '.repeat(2 + i)}step ${i} [a [b [c`),
      'result:',
      '  - It was fixed within an hour.',
      '  - "They said: [great]"',
    ].join('\n');
    expect(yamlTooDeep(answer)).toBeUndefined();
    expect(parseYamlAnswer(answer).sections.map((s) => s.label)).toEqual(['action', 'result']);
  });
});

describe('duplicate keys', () => {
  it('an answer with a key twice is refused at the second one', () => {
    const e = errorOf('situation: a\naction: b\nsituation: c\n');
    expect([e.message, e.line, e.column]).toEqual(['invalid YAML: Map keys must be unique', 3, 1]);
  });

  it('a rubric with a key twice, at any depth, names it', () => {
    const { problems } = parseRubricSource('id: dup\ntitle: T\nextends: base\nweights:\n  star: 1\n  star: 2\ntitle: again\n', 'r.yaml');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['6:3 weights.star: Map keys must be unique', '7:1 title: Map keys must be unique']);
  });

  it('many distinct keys are no problem', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: I helped.`).join('\n');
    expect(parseYamlAnswer(keys).sections).toHaveLength(20_000);
  });
});
