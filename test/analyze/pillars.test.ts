import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const registry = new RubricRegistry();
const shown = (text: string, rubricId = 'customer-service') =>
  analyze(parseAnswer(text, 'text'), registry.get(rubricId))
    .pillars.filter((p) => p.present)
    .map((p) => p.id);

describe('customer-service pillars', () => {
  it('has exactly the ten pillars of the question', () => {
    expect(registry.get('customer-service').pillars.map((p) => p.id)).toEqual([
      'empathy', 'communication', 'ownership', 'product-knowledge', 'problem-solving',
      'personalization', 'responsiveness', 'professionalism', 'extra-mile', 'loyalty',
    ]);
  });

  // Each pillar shown by what the person did, mostly without the pillar's own word.
  it.each([
    ['empathy', 'I could hear she was scared, so I slowed down and let her finish before I said anything.'],
    ['communication', 'I phoned the planner that night to explain what had happened and when the flowers would arrive.'],
    ['ownership', 'It was my mess, so I owned up to my manager and stayed with the customer until the refund was done.'],
    ['product-knowledge', 'I showed him the warranty terms and the return policy so he could see it was not just my call.'],
    ['problem-solving', 'I called four suppliers until one had fresh peonies and offered a replacement set in place of the damaged one.'],
    ['personalization', 'I made a note that she would rather get an email than a call, and used her first name the next time we spoke.'],
    ['responsiveness', 'I called her back within an hour and had the new card sent by overnight courier.'],
    ['professionalism', 'He was shouting, but I stayed calm, kept my voice low and apologized for the wait.'],
    ['extra-mile', 'My shift had ended, so I drove her and the cat home on my own time.'],
    ['loyalty', 'She renewed for another year, and she has referred two other clinics to us since.'],
  ])('%s is shown by behaviour', (pillar, text) => {
    expect(shown(text)).toContain(pillar);
  });

  it('does not count a pillar whose word merely appears', () => {
    expect(shown('I loaded the flowers into my personal car.')).not.toContain('personalization');
    expect(shown('I placed a custom cake order for my daughter.')).not.toContain('personalization');
    expect(shown('Our billing app was super slow and not really responsive that day.')).not.toContain('responsiveness');
    expect(shown('Last week a patient called the clinic about a bill.')).not.toContain('professionalism');
    expect(shown('A regular customer asked us to hold a sofa.')).not.toContain('loyalty');
  });

  it('does not count a negated behaviour, but counts one that starts with its own negator', () => {
    expect(shown('Nobody listened to her, and nobody called her back.')).toEqual([]);
    expect(shown('I let her talk without interrupting.')).toContain('empathy');
    expect(shown("I didn't just listen, I listened until I understood why she was upset.")).toContain('empathy');
  });

  it('does not count a phrase in quotation marks', () => {
    expect(shown('I don\'t like the phrase "above and beyond".')).not.toContain('extra-mile');
  });

  it('names missing pillars with a hint when an answer shows too few', () => {
    const report = analyze(parseAnswer('Customer service is important to every business.', 'text'), registry.get('customer-service'));
    const missing = report.findings.find((f) => f.rule === 'pillars-missing');
    expect(missing?.message).toMatch(/Shows 0 of the 2 pillars/);
    expect(missing?.message).toMatch(/Empathy \(/);
  });
});

describe('pillars of the per-question rubrics', () => {
  it('weights the pillars each question is really about', () => {
    const weight = (rubric: string, id: string) => registry.get(rubric).pillars.find((p) => p.id === id)?.weight ?? 0;
    for (const id of ['extra-mile', 'ownership', 'empathy']) expect(weight('above-and-beyond', id)).toBeGreaterThan(weight('above-and-beyond', 'communication'));
    for (const id of ['empathy', 'professionalism', 'problem-solving']) expect(weight('difficult-customer', id)).toBeGreaterThan(weight('difficult-customer', 'loyalty'));
  });

  it('gives behavioral stories pillars that need no customer', () => {
    const ids = registry.get('behavioral').pillars.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['ownership', 'communication', 'problem-solving', 'learning', 'teamwork']));
    const story =
      'Marco and I sat down with a coffee, walked the floor together and figured out that the bins were mislabelled. ' +
      'Since then I flag a risk the moment I feel behind, and I asked the network guy to teach me the ticket system.';
    expect(shown(story, 'behavioral')).toEqual(expect.arrayContaining(['teamwork', 'learning', 'communication', 'problem-solving']));
  });
});
