import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const fixture = parse(readFileSync(new URL('../fixtures/pillars/in-story.yaml', import.meta.url), 'utf8')) as { setup: string; shows: Record<string, string[]>; wordOnly: Record<string, string[]> };
const registry = new RubricRegistry();
const pillar = (id: string, sentence: string) => analyze(parseAnswer(`${fixture.setup} ${sentence}`, 'text'), registry.get('customer-service')).pillars.find((p) => p.id === id)!;

describe('pillars in a story: the speaker\'s step shows it, the word alone does not', () => {
  it.each(Object.entries(fixture.shows).flatMap(([id, list]) => list.map((s) => [id, s] as const)))('%s is shown by: %s', (id, sentence) => {
    const p = pillar(id, sentence);
    expect(p.status, JSON.stringify(p.evidence)).toBe('shown');
    expect(p.evidence.some((e) => e.kind === 'shown' && sentence.includes(e.text))).toBe(true);
  });

  it.each(Object.entries(fixture.wordOnly).flatMap(([id, list]) => list.map((s) => [id, s] as const)))('%s is not shown by: %s', (id, sentence) => {
    expect(pillar(id, sentence).evidence.filter((e) => sentence.includes(e.text))).toEqual([]);
  });
});

describe('a quote on its own after a question', () => {
  it('is the answer of the other one speaking: after "…," I promised, when he asked, "Are you still there?"', () => {
    const ownership = pillar('ownership', '"I won\'t leave you," I promised, when he asked, "Are you still there?"\n\n"I\'m going to see this through with you."');
    expect(ownership.evidence.map((e) => [e.text, e.kind])).toEqual([['see this through', 'shown']]);
  });
});

describe('pillars in a quotation that runs over sentences', () => {
  const communication = (who: string) => pillar('communication', `${who} began with "Good evening, sir. I will walk you through what happened and keep you updated." He got a new key.`);

  it("reads the later sentences of the speaker's quote as the speaker's words, said in the story", () => {
    expect(communication('I').evidence.map((e) => [e.text, e.kind])).toEqual([['walk you through', 'shown'], ['keep you updated', 'shown']]);
  });

  it("reads someone else's quote as theirs, not the speaker's", () => {
    expect(communication('The manager').evidence).toEqual([]);
  });
});

describe('pillars in labelled lines of dialogue', () => {
  it("reads the customer's words about \"you\" as about the speaker when told, not when asked", () => {
    const said = (line: string) => pillar('professionalism', `\n\nMe: "I know, sir, and I am really sorry."\n\n${line}`).evidence.map((e) => e.text);
    expect(said('The customer: "You are sorry? You could not even spell it!"')).toEqual(['sorry']);
    expect(said('The customer: "You have been so polite."')).toEqual(['sorry', 'polite']);
  });

  it('never reads words someone else says as a value the speaker states, story or not', () => {
    const text = 'I am a receptionist.\n\nMe: "I know, sir, and I am really sorry."\n\nThe customer: "You are sorry? Sorry?"';
    const p = analyze(parseAnswer(text, 'text'), registry.get('customer-service')).pillars.find((x) => x.id === 'professionalism')!;
    expect(p.evidence.map((e) => e.line)).toEqual([3]);
  });
});

describe('the speaker serves when they name their role at a place', () => {
  it('"I was a shift manager at a pizza place": a caller\'s doing for "me" does not make it a story told as the customer', () => {
    const text = 'Some years back, I was a shift manager at a pizza place. A co-worker passed me the phone and gave me his notes. The guy on the line shouted at me about his order. We had several options for complaints, so I laid them out for him. I set up the option he picked and he thanked me.';
    const p = analyze(parseAnswer(text, 'text'), registry.get('customer-service')).pillars.find((x) => x.id === 'problem-solving')!;
    expect(p.evidence.map((e) => [e.text, e.kind])).toEqual([['options', 'shown'], ['option', 'shown']]);
  });
});
