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

  it('reads a heading that holds its part\'s words after a label as that label, its words as the section\'s text', () => {
    const source = '###### - Situation: When I worked at the gym, January was always the busiest month.\n###### - Action: I planned every day of the month.\n## Result\nWe beat the goal by 30%.\n';
    const p = parseAnswer(source, 'markdown');
    expect(p.sections.map((s) => [s.label, s.text.trim()])).toEqual([
      ['Situation', 'When I worked at the gym, January was always the busiest month.'],
      ['Action', 'I planned every day of the month.'],
      ['Result', 'We beat the goal by 30%.'],
    ]);
    const situation = p.sections[0];
    expect(at(source, situation.sourceOffsets[situation.text.indexOf('When')])).toEqual({ line: 1, column: 21 });
    // the question's title stays the question, and so does a question named in a heading
    expect(parseAnswer('# Question: Tell me about a time you went above and beyond\n\nI stayed late.', 'markdown').question).toBe('Question: Tell me about a time you went above and beyond');
    expect(parseAnswer('# Title\n\n## Question: Tell me about a time you went above and beyond\nI stayed late.', 'markdown').sections[0].label).toBe('Question: Tell me about a time you went above and beyond');
    // a short heading with a colon is a heading still
    expect(parseAnswer('## Result: what happened\nShe stayed.', 'markdown').sections[0].label).toBe('Result: what happened');
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

describe('plain-text answers: a question on the first line', () => {
  const cases: [string, string, string][] = [
    ['ends in "?"', 'What does customer service mean to you?\nIt means owning the problem.', 'What does customer service mean to you?'],
    ['"Tell me about …", with a full stop', 'Tell me about a time you missed a deadline.\nLast May I promised a report by Friday.', 'Tell me about a time you missed a deadline.'],
    ['"Describe a time …"', '  Describe a time you calmed an angry customer\n\nLast winter a regular shouted at me.', 'Describe a time you calmed an angry customer'],
    ['"Question: …"', 'Question: Why do you want this job\nI like helping people.', 'Why do you want this job'],
    ['"Q: …"', 'q: Tell me about a difficult customer?\nOne Monday a man came in furious.', 'Tell me about a difficult customer?'],
  ];
  for (const [what, source, question] of cases) {
    it(`is the question when it ${what}, and the text starts after it at its true place`, () => {
      const p = parseAnswer(source, 'text');
      expect(p.question).toBe(question);
      const text = p.sections.map((s) => s.text).join('');
      expect(text).not.toContain(question);
      // the text is the file's own, where it is in the file: on a line after the question
      const first = p.sections[0];
      expect(source.slice(first.sourceOffsets[0], first.sourceOffsets[0] + first.text.length)).toBe(first.text);
      expect(at(source, first.sourceOffsets[first.text.search(/\S/)]).line).toBeGreaterThan(1);
    });
  }

  it('is no question when it is the whole answer, a sentence that ends otherwise, or a paragraph', () => {
    for (const source of [
      'What does customer service mean to you?',
      'Um, I think service is, like, everything. Do you know what I mean?\nMore text.',
      'I always listen first.\nThen I help.',
      `${'Why '.repeat(100)}?\nText.`,
    ]) {
      const p = parseAnswer(source, 'text');
      expect(p.question, source.slice(0, 40)).toBeUndefined();
      expect(p.sections.map((s) => s.text).join('')).toBe(source);
    }
  });

  it('"Q:" then "A:": the answer mark is no word of the answer', () => {
    const source = 'Q: Tell me about a time you helped a customer.\nA: Last spring I fixed a bike.';
    const p = parseAnswer(source, 'text');
    expect(p.sections[0].text).toBe('Last spring I fixed a bike.');
    expect(at(source, p.sections[0].sourceOffsets[0])).toEqual({ line: 2, column: 4 });
  });

  it('lines that start with a part\'s name label it, as a heading does, and the label is no word of the answer', () => {
    const source = 'Tell me about a time you had two jobs at once.\nSituation: Last May I ran the till: two queues, one of me.\nTask: I had two jobs: serve and restock.\nResult: Both got done.';
    const p = parseAnswer(source, 'text');
    expect(p.question).toBe('Tell me about a time you had two jobs at once.');
    expect(p.sections.map((s) => [s.label, s.labelLine, s.text.trim()])).toEqual([
      ['Situation', 2, 'Last May I ran the till: two queues, one of me.'],
      ['Task', 3, 'I had two jobs: serve and restock.'],
      ['Result', 4, 'Both got done.'],
    ]);
    const task = p.sections[1];
    expect(at(source, task.sourceOffsets[task.text.indexOf('two jobs')])).toEqual({ line: 3, column: 13 });
    // "Note:" names no part: it stays text
    expect(parseAnswer('Note: this is a draft.\nI helped.', 'text').sections).toHaveLength(1);
  });
});
