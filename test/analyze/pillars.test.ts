import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';
import { finalizeRubric, mergeRaw } from '../../src/rubric/resolve.js';

const registry = new RubricRegistry();
const shown = (text: string, rubricId = 'customer-service') =>
  analyze(parseAnswer(text, 'text'), registry.get(rubricId))
    .pillars.filter((p) => p.present)
    .map((p) => p.id);

describe('customer-service pillars', () => {
  it('has exactly the ten pillars of the question', () => {
    // communication, ownership and problem solving are every question's (base.yaml); the rest are this question's
    expect(registry.get('customer-service').pillars.map((p) => p.id)).toEqual([
      'communication', 'ownership', 'problem-solving', 'empathy', 'product-knowledge',
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
    // the speaker's character is no tailoring; a customer's is ("I adapt to each personality")
    expect(shown('Working with the public takes a special kind of personality.')).not.toContain('personalization');
    expect(shown('Good service means adapting to each personality that walks in.')).toContain('personalization');
  });

  it('does not count a negated behaviour, but counts one that starts with its own negator', () => {
    expect(shown('Nobody listened to her, and nobody called her back.')).toEqual([]);
    expect(shown('I let her talk without interrupting.')).toContain('empathy');
    expect(shown("I didn't just listen, I listened until I understood why she was upset.")).toContain('empathy');
  });

  it('takes a cliché for a claim of its pillar, never for showing it', () => {
    const report = analyze(parseAnswer('I always go above and beyond for my clients.', 'text'), registry.get('customer-service'));
    const extra = report.pillars.find((p) => p.id === 'extra-mile')!;
    expect(extra.status).toBe('claimed');
    expect(extra.evidence.map((e) => [e.text, e.kind])).toEqual([['above and beyond', 'claimed']]);
    expect(report.jargon.map((j) => j.text)).toEqual(['above and beyond']);
  });

  it('takes what people in general should do, in an opinion, for a value the speaker states; a particular person\'s doing is theirs', () => {
    const report = analyze(parseAnswer('Good customer service is when staff explain the fees up front. A good employee listens before answering.', 'text'), registry.get('customer-service'));
    const claimed = (id: string) => report.pillars.find((p) => p.id === id)!.evidence.map((e) => [e.text, e.kind]);
    expect(claimed('communication')).toContainEqual(['explain', 'claimed']);
    expect(claimed('empathy')).toContainEqual(['listens', 'claimed']);
    expect(shown('She explained the fees to me at the desk.')).not.toContain('communication');
  });

  it('takes a response the speaker aims for, in an opinion, for a claim ("want to return" as well as "want to come back"); told in a story it is shown', () => {
    const loyalty = (text: string) => analyze(parseAnswer(text, 'text'), registry.get('customer-service')).pillars.find((p) => p.id === 'loyalty')!;
    expect(loyalty('To me, service is creating experiences that make guests want to return.').evidence.map((e) => [e.text, e.kind])).toEqual([['want to return', 'claimed']]);
    expect(loyalty('To me, service is creating experiences that make guests want to come back.').evidence.map((e) => [e.text, e.kind])).toEqual([['want to come back', 'claimed']]);
    expect(loyalty('Last May a guest lost his wallet in our lobby. I found it and drove it to his house. He wanted to come back the next summer.').status).toBe('shown');
  });

  it('does not count a phrase in quotation marks', () => {
    expect(shown('I don\'t like the phrase "above and beyond".')).not.toContain('extra-mile');
  });

  // Kind 1: a keyword that does not show the pillar - it is the customer's, someone else's, or a buzzword.
  it.each([
    ['personalization', 'She asked for me by name the next time she came in.'],
    ['personalization', 'These days the regulars greet me by name.'],
    ['responsiveness', 'Her request was urgent, so she rang the desk twice.'],
    ['responsiveness', 'It was an urgent order for a school trip.'],
    ['ownership', 'The nurse in charge told me to wait outside.'],
    ['ownership', 'The courier was responsible for the delay, not the shop.'],
    ['loyalty', 'I worked on the ward for the local hospital trust.'],
    ['loyalty', 'Their renewal was coming up in March and was at risk.'],
    ['product-knowledge', 'The policy said no refunds after thirty days.'],
    ['problem-solving', 'The report came out of the spreadsheet sorted by date.'],
    ['problem-solving', 'The fraud investigator phoned me on a Friday.'],
    ['problem-solving', 'She wanted to know her options before she signed.'],
    ['problem-solving', 'The printer needed a fix and the man was booked up.'],
    ['extra-mile', 'Honestly, I hate "going above and beyond" as a phrase.'],
  ])('%s is not shown by: %s', (pillar, text) => {
    expect(shown(text)).not.toContain(pillar);
  });

  it('still counts the same words when the speaker does it', () => {
    expect(shown('I greeted every guest by name at the door.')).toContain('personalization');
    expect(shown('I took responsibility for the mix-up and rang her myself.')).toContain('ownership');
    expect(shown('They trusted us with the whole account after that.')).toContain('loyalty');
    expect(shown('I explained the refund policy to him in plain words.')).toContain('product-knowledge');
    expect(shown('I gave her two options and she picked the second.')).toContain('problem-solving');
    expect(shown('We fixed the booking that afternoon.')).toContain('problem-solving');
  });

  // Kind 2: pillars shown only by behaviour, with none of their own words.
  it.each([
    ['product-knowledge', 'I knew the difference between the two hinge models, so I ordered the right one.'],
    ['product-knowledge', 'Before answering I checked the allergen folder for the sauce.'],
    ['product-knowledge', 'I walked him through how the transfer rule works for pension pots.'],
    ['loyalty', 'She has been back every month since.'],
    ['loyalty', 'The couple rebooked the same cottage for next summer.'],
    ['personalization', 'I built the exercise plan around her knee.'],
    ['personalization', 'We set a delivery day for each office, so nobody waited in.'],
    ['extra-mile', "It wasn't part of my job, but I redid the leaflet for him."],
    ['extra-mile', 'After closing I took the spare charger over to her flat.'],
    // a concession beyond what was owed
    ['extra-mile', 'I refunded the two late fees as a one-time courtesy.'],
    ['extra-mile', 'To thank her for waiting, I gave her free shipping.'],
    ['extra-mile', 'Afterwards I emailed her a coupon code for her next order.'],
  ])('%s is shown by behaviour: %s', (pillar, text) => {
    expect(shown(text)).toContain(pillar);
  });

  it('says a supposition after a condition is what the speaker would do, not a value they state', () => {
    const report = analyze(parseAnswer('Last week a parcel went missing and nobody told me. If I had known, I would have called the customer myself. The next day I found the parcel and drove it over.', 'text'), registry.get('customer-service'));
    const own = report.pillars.find((p) => p.id === 'ownership')!;
    expect(own.evidence.map((e) => [e.text, e.kind, e.why])).toEqual([['myself', 'claimed', 'what you would do']]);
  });

  it('names missing pillars with a hint when an answer shows too few', () => {
    const report = analyze(parseAnswer('Customer service is important to every business.', 'text'), registry.get('customer-service'));
    const missing = report.findings.find((f) => f.rule === 'pillars-missing');
    expect(missing?.message).toMatch(/Shows 0 of the 2 pillars/);
    expect(missing?.message).toMatch(/for example: [A-Z][a-z ]+ \(/);
  });
});

describe('pillars of the per-question rubrics', () => {
  it('weights the pillars each question is really about', () => {
    const weight = (rubric: string, id: string) => registry.get(rubric).pillars.find((p) => p.id === id)?.weight ?? 0;
    for (const id of ['extra-mile', 'ownership', 'empathy']) expect(weight('above-and-beyond', id)).toBeGreaterThan(weight('above-and-beyond', 'communication'));
    for (const id of ['empathy', 'professionalism', 'problem-solving']) expect(weight('difficult-customer', id)).toBeGreaterThan(weight('difficult-customer', 'loyalty'));
  });

  it('inherits customer-service\'s pillar phrases instead of copying them', () => {
    const phrasesOf = (rubric: string) => Object.fromEntries(registry.get(rubric).pillars.map((p) => [p.id, p.phrases]));
    const cs = phrasesOf('customer-service');
    for (const rubric of ['above-and-beyond', 'difficult-customer']) {
      for (const [id, list] of Object.entries(phrasesOf(rubric))) expect(list, `${rubric} ${id}`).toEqual(cs[id]);
    }
    expect(registry.get('above-and-beyond').pillars.find((p) => p.id === 'extra-mile')?.hint).toMatch(/job did not ask for/);
  });

  it('merges a pillars+ item over the parent pillar of the same id, and refuses an incomplete new one', () => {
    const parent = { pillars: [{ id: 'empathy', name: 'Empathy', phrases: ['listen*'] }, { id: 'loyalty', name: 'Loyalty', phrases: ['came back'] }] };
    const merged = mergeRaw(parent, { 'pillars+': [{ id: 'empathy', weight: 3, 'phrases+': ['heard _ out'] }] });
    expect(merged.pillars).toEqual([
      { id: 'loyalty', name: 'Loyalty', phrases: ['came back'] },
      { id: 'empathy', name: 'Empathy', phrases: ['listen*', 'heard _ out'], weight: 3 },
    ]);
    const raw = { ...registry.get('base'), ...mergeRaw(parent, { 'pillars+': [{ id: 'calm', weight: 2 }] }) } as Record<string, unknown>;
    expect(() => finalizeRubric(raw, 'x.yaml')).toThrow(/pillars "calm" has no "name", "phrases"/);
  });

  it('names the heaviest missing pillars first', () => {
    const report = analyze(parseAnswer('Customer service is important to every business.', 'text'), registry.get('difficult-customer'));
    expect(report.findings.find((f) => f.rule === 'pillars-missing')?.message).toMatch(/for example: Empathy \(.*; Professionalism \(/);
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
