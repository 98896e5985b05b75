import { describe, expect, it } from 'vitest';
import { buildDocument, partForLabel } from '../../src/analyze/document.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const rubric = new RubricRegistry().get('customer-service');

describe('partForLabel', () => {
  it('maps common heading variants to STAR parts, ignoring case and a leading "the"', () => {
    expect(partForLabel('The situation', rubric)).toBe('situation');
    expect(partForLabel('What I did', rubric)).toBe('action');
    expect(partForLabel('Actions', rubric)).toBe('action');
    expect(partForLabel('result', rubric)).toBe('result');
    expect(partForLabel('Outcome', rubric)).toBe('result');
    expect(partForLabel('Background', rubric)).toBe('situation');
    expect(partForLabel('My favourite colour', rubric)).toBeUndefined();
  });
});

describe('buildDocument', () => {
  it('locates tokens in the original YAML file, through folded scalars', () => {
    const src = 'question: Q?\nsituation: >\n  Last May I worked\n  at a bakery.\nresult: She came back.\n';
    const doc = buildDocument(parseAnswer(src, 'yaml'), rubric);
    const bakery = doc.tokens.find((t) => t.norm === 'bakery')!;
    expect(doc.locate(bakery.start)).toEqual({ line: 4, column: 8 });
    const came = doc.tokens.find((t) => t.norm === 'came')!;
    expect(doc.span(came.start, came.end)).toMatchObject({ text: 'came', line: 5, column: 13, endLine: 5, endColumn: 17 });
  });

  it('marks a document structured only when a heading names a STAR part', () => {
    expect(buildDocument(parseAnswer('# Q\n\n## Result\nDone.', 'markdown'), rubric).structured).toBe(true);
    expect(buildDocument(parseAnswer('# Q\n\n## Thoughts\nDone.', 'markdown'), rubric).structured).toBe(false);
  });
});

describe('partForLabel inside longer headings', () => {
  it('finds a listed heading inside a longer one, the longest winning', () => {
    expect(partForLabel('How the outcome looked', rubric)).toBe('result');
    expect(partForLabel('Steps, in order', rubric)).toBe('action');
    expect(partForLabel('What a day', rubric)).toBeUndefined();
  });
});
