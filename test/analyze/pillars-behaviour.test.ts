import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

interface Pair {
  pillar: string;
  shows: string[];
  wordOnly: string[];
}

const registry = new RubricRegistry();
const pairs = parse(readFileSync(new URL('../fixtures/pillars/behaviour.yaml', import.meta.url), 'utf8')) as Pair[];
const shown = (text: string, rubricId = 'customer-service') =>
  analyze(parseAnswer(text, 'text'), registry.get(rubricId))
    .pillars.filter((p) => p.present)
    .map((p) => p.id);

describe('pillars shown by behaviour, not by their words', () => {
  const showsCases = pairs.flatMap((p) => p.shows.map((text) => [p.pillar, text] as const));
  const wordCases = pairs.flatMap((p) => p.wordOnly.map((text) => [p.pillar, text] as const));

  it.each(showsCases)('%s is shown by: %s', (pillar, text) => {
    expect(shown(text)).toContain(pillar);
  });

  it.each(wordCases)('%s is not shown by the word alone: %s', (pillar, text) => {
    expect(shown(text)).not.toContain(pillar);
  });

  it('counts a value stated in a hypothetical, but not the procedure around it', () => {
    const got = shown("If a customer came in upset, I would stay calm and listen, then I'd check the stock system.");
    expect(got).toEqual(expect.arrayContaining(['professionalism', 'empathy']));
    expect(got).not.toContain('problem-solving');
  });

  it('behavioral stories use the same tightened phrases', () => {
    const word = shown('It turned out the cause was a typo, and I logged the ticket.', 'behavioral');
    expect(word).not.toContain('problem-solving');
    expect(word).not.toContain('ownership');
    expect(shown('I traced the fault to a bad cable and found a workaround.', 'behavioral')).toContain('problem-solving');
  });
});
