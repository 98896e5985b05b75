import { describe, expect, it } from 'vitest';
import { parseWithLibrary, parseYamlAnswer, simplePairs } from '../../src/answer/yaml.js';
import { rng } from '../linear/shapes.js';

// YAML answers in the common shape are read without the YAML library; the result must be the
// library's, to the offset, or the fast reading must decline.

/** What a parse gives, comparable: sections with their offsets as plain arrays, or the error. */
function reading(parse: () => unknown): unknown {
  try {
    const a = parse() as { format: string; question?: string; sections: { label?: string; labelLine?: number; text: string; sourceOffsets: Int32Array }[] };
    return { format: a.format, question: a.question, sections: a.sections.map((s) => ({ ...s, sourceOffsets: [...s.sourceOffsets] })) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const typical = `question: What does customer service mean to you?
opening: >
  To me, customer service means making people feel heard.
situation: >
  Last winter I was working at a pharmacy when a regular customer came in
  and had been double charged. It was a busy day.

task: I had to sort it out before the end of the day.
action: "I listened, checked the account and found the duplicate payment."
result: >
  As a result the refund arrived within 24 hours.
`;

describe('YAML answers in the simple shape', () => {
  it('reads the usual shape by hand, exactly as the library does', () => {
    expect(simplePairs(typical)).toBeDefined();
    expect(reading(() => parseYamlAnswer(typical))).toEqual(reading(() => parseWithLibrary(typical)));
  });

  it('declines what it does not read, and the library reads it', () => {
    for (const src of [
      'situation: >\n\n  blank line first\n',
      'situation: >\n  one\n    more indented\n',
      'situation: |\n  literal\n',
      'situation: 3 days late\n',
      'situation: true\n',
      'situation: text # comment\n',
      'situation: a: b\n',
      'situation: "esc\\"aped"\n',
      'situation: plain\n  continued\n',
      'situation: one\nsituation: two\n',
      '# a comment\nsituation: text\n',
      '---\nsituation: text\n',
      'situation:\n  - a list\n',
      'situation: >\n',
      'situation: tab\there\n',
      'situation: text\r\n',
      '"just a string"\n',
    ]) {
      expect(simplePairs(src), JSON.stringify(src)).toBeUndefined();
    }
  });

  it('matches the library on thousands of generated answers, or declines', () => {
    const keys = ['question', 'opening', 'situation', 'task', 'action', 'result', 'What I did', 'Question', 'notes_1'];
    const words = ['I', 'called', 'the', 'customer', '24', 'hours', "don't", '“fine”', 'café', '#', ':', '-', '"', "'", 'a:b', 'x,', '[1]', '{', '!', '%', '?', 'null', 'true', '~', '.5', 'é'];
    const r = rng(7);
    const pick = <T>(l: readonly T[]) => l[Math.floor(r() * l.length)];
    const phrase = () => Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(words)).join(r() < 0.9 ? ' ' : '  ');
    let taken = 0;
    for (let n = 0; n < 4000; n++) {
      let src = '';
      const pairs = 1 + Math.floor(r() * 5);
      for (let k = 0; k < pairs; k++) {
        const key = pick(keys);
        const style = r();
        if (style < 0.4) {
          const indent = ' '.repeat(1 + Math.floor(r() * 3));
          src += `${key}: >\n`;
          const lines = 1 + Math.floor(r() * 3);
          for (let l = 0; l < lines; l++) src += `${r() < 0.05 ? ' ' : ''}${indent}${phrase()}${r() < 0.05 ? ' ' : ''}\n`;
        } else if (style < 0.7) src += `${key}: ${phrase()}\n`;
        else if (style < 0.85) src += `${key}: "${phrase()}"\n`;
        else src += `${key}:${r() < 0.5 ? '' : ' '}${phrase()}\n`;
        if (r() < 0.2) src += '\n';
      }
      if (r() < 0.2) src = src.trimEnd();
      if (simplePairs(src)) taken++;
      expect(reading(() => parseYamlAnswer(src)), JSON.stringify(src)).toEqual(reading(() => parseWithLibrary(src)));
    }
    // the generator makes enough answers of the simple shape for the comparison to mean something
    expect(taken).toBeGreaterThan(400);
  });
});
