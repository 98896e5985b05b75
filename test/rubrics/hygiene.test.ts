import { describe, expect, it } from 'vitest';
import { RubricRegistry } from '../../src/rubric/registry.js';
import { selectRubric } from '../../src/rubric/select.js';
import type { Rubric } from '../../src/rubric/types.js';
import { compilePhrase } from '../../src/text/phrases.js';

// Hygiene of the shipped rubrics: each loads, resolves and keeps its phrase lists clean.
const registry = new RubricRegistry(); // strict: throws on any invalid shipped rubric
const rubrics = registry.ids().map((id) => registry.get(id));
const questionRubrics = rubrics.filter((r) => r.questions.length > 0);
const norm = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every phrase list of a resolved rubric, named for the failure message. */
function phraseLists(r: Rubric): [string, string[]][] {
  const lists: [string, string[]][] = [
    ['fillers', r.fillers],
    ['hedges', r.hedges],
    ['jargon', r.jargon.map((j) => j.phrase)],
    ...(['situation', 'task', 'action', 'result'] as const).map((p): [string, string[]] => [`star.${p}.cues`, r.star[p].cues]),
    ['star.hypothetical', r.star.hypothetical],
    ['star.habit', r.star.habit],
    ['star.unknown-outcome', r.star['unknown-outcome']],
    ...Object.entries(r.metric).map(([k, v]): [string, string[]] => [`metric.${k}`, v]),
    ...r.pillars.map((p): [string, string[]] => [`pillars.${p.id}`, p.phrases]),
    ...r.opening.map((o): [string, string[]] => [`opening.${o.id}`, o.phrases]),
  ];
  return lists;
}

const duplicates = (list: string[]) => list.map(norm).filter((p, i, all) => all.indexOf(p) !== i);

describe('shipped rubrics', () => {
  it('ship the base, the customer-service question and the per-question rubrics', () => {
    expect(registry.ids()).toEqual(expect.arrayContaining(['base', 'customer-service', 'above-and-beyond', 'difficult-customer', 'behavioral']));
  });

  it.each(rubrics.map((r) => [r.id, r] as const))('%s resolves to a complete rubric', (_id, r) => {
    expect(r.title).toBeTruthy();
    expect(r.star.action.cues.length).toBeGreaterThan(0);
    expect(r.jargon.length).toBeGreaterThan(10);
    if (r.questions.length) expect(r.pillars.length).toBeGreaterThanOrEqual(r.expectations.pillars.min);
  });

  it.each(rubrics.map((r) => [r.id, r] as const))('%s repeats no phrase within a list, and every phrase has words', (_id, r) => {
    for (const [name, list] of phraseLists(r)) {
      expect(duplicates(list), `${r.id} ${name}`).toEqual([]);
      for (const phrase of list) expect(compilePhrase(phrase).words.length, `${r.id} ${name}: "${phrase}"`).toBeGreaterThan(0);
    }
  });

  it.each(questionRubrics.map((r) => [r.id, r] as const))('%s gives no phrase to two pillars', (_id, r) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of r.pillars) {
      for (const phrase of new Set(p.phrases.map(norm))) {
        const other = owner.get(phrase);
        if (other) clashes.push(`"${phrase}" in ${other} and ${p.id}`);
        else owner.set(phrase, p.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(questionRubrics.map((r) => [r.id, r] as const))('%s has at least 3 questions, each of which selects it', (_id, r) => {
    expect(r.questions.length).toBeGreaterThanOrEqual(3);
    for (const q of r.questions) expect(selectRubric(q, questionRubrics, 'customer-service'), q).toBe(r.id);
  });

  it('has a question bank of at least 12 questions, none claimed twice', () => {
    const all = questionRubrics.flatMap((r) => r.questions.map(norm));
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(duplicates(all)).toEqual([]);
  });
});
