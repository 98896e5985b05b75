import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const rubric = new RubricRegistry().get('customer-service');
const check = (text: string, format: 'text' | 'markdown' = 'text') => analyze(parseAnswer(text, format), rubric);
const rules = (text: string, rule: string, format: 'text' | 'markdown' = 'text') => check(text, format).findings.filter((f) => f.rule === rule).map((f) => f.text);

describe('delivery: fillers', () => {
  it('counts plain fillers wherever they stand', () => {
    expect(rules('Um, I basically fixed it, you know.', 'filler')).toEqual(['Um', 'basically', 'you know']);
  });

  it('counts "like", "so" and "well" only when they are set off as fillers', () => {
    expect(rules('It was, like, broken.', 'filler')).toEqual(['like']);
    expect(rules('So, I called her.', 'filler')).toEqual(['So']);
    expect(rules("I'd like to help so that it went well.", 'filler')).toEqual([]);
  });
});

describe('delivery: hedges', () => {
  it('flags hedges with their position', () => {
    const report = check('I think it kind of worked.');
    const hedges = report.findings.filter((f) => f.rule === 'hedge');
    expect(hedges.map((h) => [h.text, h.line, h.column])).toEqual([
      ['I think', 1, 1],
      ['kind of', 1, 12],
    ]);
    expect(report.stats.hedges).toBe(2);
  });
});

describe('delivery: "we" in the Action', () => {
  const story = (action: string) => `## Situation\nLast year I worked at a shop.\n\n## Action\n${action}\n\n## Result\nShe came back.`;

  it('warns when the Action is told mostly with "we"', () => {
    const found = check(story('We checked the stock. We called the supplier. We rebooked it and our team fixed it.'), 'markdown').findings.filter((f) => f.rule === 'we-action');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 5, column: 1, text: 'We' });
  });

  it('is quiet when the speaker says what they did', () => {
    expect(rules(story('I checked the stock, then we called the supplier together and I rebooked it.'), 'we-action', 'markdown')).toEqual([]);
  });
});

describe('delivery: length', () => {
  it('estimates speaking time at the rubric rate and warns outside the word range', () => {
    const short = check('Last year I helped a customer find a refund.');
    expect(short.stats.words).toBe(9);
    expect(short.stats.speakingSeconds).toBe(Math.round((9 / 150) * 60));
    expect(short.findings.some((f) => f.rule === 'length' && /9 words/.test(f.message))).toBe(true);
    const long = check('I listened to her. '.repeat(80));
    expect(long.findings.some((f) => f.rule === 'length' && /320 words/.test(f.message))).toBe(true);
    const fine = check('I listened to her. '.repeat(50));
    expect(fine.findings.some((f) => f.rule === 'length')).toBe(false);
  });
});
