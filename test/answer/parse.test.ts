import { describe, expect, it } from 'vitest';
import { AnswerFormatError, formatForPath, parseAnswer } from '../../src/answer/index.js';

const at = (source: string, offset: number) => {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
};

describe('Markdown answers', () => {
  const md = '# What does customer service mean to you?\n\nIt means owning the problem.\n\n## The situation\nI worked at a bank.\n\n## Actions\nI called her back.\n';
  const parsed = parseAnswer(md, 'markdown');

  it('takes the level-1 title as the question', () => {
    expect(parsed.question).toBe('What does customer service mean to you?');
  });

  it('splits at headings, keeping the heading text as the label and the opening unlabelled', () => {
    expect(parsed.sections.map((s) => [s.label, s.text.trim()])).toEqual([
      [undefined, 'It means owning the problem.'],
      ['The situation', 'I worked at a bank.'],
      ['Actions', 'I called her back.'],
    ]);
  });

  it('maps every character back to its place in the file', () => {
    const action = parsed.sections[2];
    const i = action.text.indexOf('called');
    expect(at(md, action.sourceOffsets[i])).toEqual({ line: 9, column: 3 });
  });

  it('ignores headings inside code fences and blanks comments without moving text', () => {
    const p = parseAnswer('Intro <!-- note -->\n```\n## Task\n```\n## Result\nDone.', 'markdown');
    expect(p.sections.map((s) => s.label)).toEqual([undefined, 'Result']);
    expect(p.sections[0].text).not.toContain('note');
    expect(p.sections[0].text.length).toBe(p.sections[0].sourceOffsets.length);
  });
});

describe('YAML answers', () => {
  const yaml = 'question: Tell me about a time you helped a customer.\nsituation: >\n  I was on the help desk\n  one Monday.\naction:\n  - I reset the password.\n  - I stayed on the line.\n';
  const parsed = parseAnswer(yaml, 'yaml');

  it('reads the question and one section per key', () => {
    expect(parsed.question).toBe('Tell me about a time you helped a customer.');
    expect(parsed.sections.map((s) => s.label)).toEqual(['situation', 'action']);
  });

  it('maps folded text back to the source lines it came from', () => {
    const situation = parsed.sections[0];
    const i = situation.text.indexOf('one Monday');
    expect(at(yaml, situation.sourceOffsets[i])).toEqual({ line: 4, column: 3 });
  });

  it('joins list items as lines of one section', () => {
    expect(parsed.sections[1].text).toBe('I reset the password.\nI stayed on the line.');
    const i = parsed.sections[1].text.indexOf('stayed');
    expect(at(yaml, parsed.sections[1].sourceOffsets[i])).toEqual({ line: 7, column: 7 });
  });

  it('reports invalid YAML with its line and column', () => {
    try {
      parseAnswer('situation: [unclosed\n', 'yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AnswerFormatError);
      expect((e as AnswerFormatError).line).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses a mapping with no answer text', () => {
    expect(() => parseAnswer('question: Why?\n', 'yaml')).toThrow(/no text/);
  });

  it('reads a YAML file holding a single string as plain text', () => {
    expect(parseAnswer('"I always listen first."\n', 'yaml').format).toBe('text');
  });
});

describe('plain text and file names', () => {
  it('keeps plain text as one unlabelled section', () => {
    const p = parseAnswer('Service means listening.', 'text');
    expect(p.sections).toHaveLength(1);
    expect(p.sections[0].label).toBeUndefined();
  });

  it('picks the format from the extension', () => {
    expect(formatForPath('a/B.MD')).toBe('markdown');
    expect(formatForPath('x.yml')).toBe('yaml');
    expect(formatForPath('x.txt')).toBe('text');
  });
});
