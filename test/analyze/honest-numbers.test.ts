import { describe, expect, it } from 'vitest';
import { analyze, weightedScore } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';
import { finalizeRubric, mergeRaw } from '../../src/rubric/resolve.js';
import { pctOver, pctUnder } from '../../src/analyze/checks/star.js';

const registry = new RubricRegistry();
const weights = { star: 35, pillars: 20, metric: 20, jargon: 10, delivery: 10, opening: 5 };

describe('numbers a reader can trust', () => {
  it('never shows 100 while a part is short of full', () => {
    expect(weightedScore({ star: 1, pillars: 1, metric: 1, jargon: 1, delivery: 1, opening: 0.95 }, weights)).toBe(99);
    expect(weightedScore({ star: 1, pillars: 1, metric: 1, jargon: 1, delivery: 1, opening: 1 }, weights)).toBe(100);
  });

  it('says a share over its limit as more than the limit, and one under it as less', () => {
    expect(pctOver(0.354, 0.35)).toBe('36%');
    expect(pctOver(0.42, 0.35)).toBe('42%');
    expect(pctUnder(0.096, 0.1)).toBe('9%');
    expect(pctUnder(0.05, 0.1)).toBe('5%');
  });

  it("gives the speaking time from the rubric's own length range", () => {
    const base = registry.get('customer-service');
    const short = finalizeRubric(mergeRaw({ ...base, id: 'short-answers' } as never, { expectations: { words: { min: 50, max: 100 } } } as never) as never, 'test');
    const f = analyze(parseAnswer('I listened.', 'text'), short).findings.find((x) => x.rule === 'length');
    expect(f?.message).toMatch(/50–100 words, 20–40 seconds/);
    expect(f?.message).not.toMatch(/1–2 minutes/);
  });
});
