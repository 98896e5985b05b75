import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const registry = new RubricRegistry();
const jargon = (text: string, rubricId = 'customer-service') => analyze(parseAnswer(text, 'text'), registry.get(rubricId)).jargon;
const found = (text: string, rubricId?: string) => jargon(text, rubricId).map((j) => j.text);

describe('jargon', () => {
  it('finds buzzwords in any inflection, multi-word ones included', () => {
    expect(found('I touched base with their lead and leveraged our synergy with design.')).toEqual(['touched base', 'leveraged', 'synergy']);
    expect(found('I circled back to check it was moving the needle.')).toEqual(['circled back', 'moving the needle']);
    expect(found('We started with the low-hanging fruit and I hit the ground running.')).toEqual(['low-hanging fruit', 'hit the ground running']);
  });

  it('finds the golden rule and "turned it into a success" however they are worded, and not their literal uses', () => {
    expect(found('I treat people the way I would want to be treated.')).toEqual(['treat people the way I would want']);
    expect(found('Treat others as you would like to be treated.')).toEqual(['Treat others as you would like']);
    expect(found('We took that failure and turned it into a success.')).toEqual(['turned it into a success']);
    expect(found('We turned the spare room into an office, and I treated the cut the way the nurse showed me.')).toEqual([]);
  });

  it('finds the interview clichés in their common variants, and not the plain words', () => {
    expect(found('I try to turn negative experiences into positive ones.')).toEqual(['turn negative experiences into positive']);
    expect(found('A good rep brings a customer-first mindset and aims at meeting and exceeding customer satisfaction.')).toEqual(['customer-first mindset', 'exceeding customer satisfaction']);
    expect(found("It's better to under-promise and over-deliver.")).toEqual(['under-promise and over-deliver']);
    expect(found('I served the customer first and then restocked the shelf.')).toEqual([]);
  });

  it('offers a plainer alternative for each', () => {
    const [hit] = jargon('I always give 110% to every client.');
    expect(hit.text).toBe('give 110%');
    expect(hit.suggestion).toMatch(/what you actually did/);
    const finding = analyze(parseAnswer('Being customer-centric is who I am.', 'text'), registry.get('customer-service')).findings.find((f) => f.rule === 'jargon');
    expect(finding?.message).toMatch(/"customer-centric" is jargon: show one thing you did/);
  });

  it('is shared by every rubric through base', () => {
    for (const id of ['customer-service', 'above-and-beyond', 'difficult-customer', 'behavioral']) {
      expect(found("As a team player I think outside the box; it's a win-win.", id)).toEqual(['team player', 'outside the box', 'win-win']);
    }
  });

  it('does not flag a buzzword quoted or named only to reject it', () => {
    expect(found('Honestly, I don\'t like the phrase "above and beyond".')).toEqual([]);
    expect(found('Our manager said we needed more "synergy", which made us roll our eyes.')).toEqual([]);
    expect(found("My manager called it 'synergy,' I wouldn't.")).toEqual([]);
    expect(found("I don't believe the customer is always right either.")).toEqual([]);
    expect(found('I avoid saying win-win in front of clients.')).toEqual([]);
    expect(found('I hate the word synergy.')).toEqual([]);
    expect(found('My managers were really into this idea of "go above and beyond what they need all the time", but never put it into practice.')).toEqual([]);
    expect(found('I always go above and beyond what they need.')).toEqual(['above and beyond']);
    expect(found('Now and then they show up on the unit and ask people how we have gone above and beyond today.')).toEqual([]);
  });

  it('flags "customer-oriented" as it flags "customer-centric"', () => {
    expect(found('By staying patient and customer-oriented, I resolve the issue.')).toEqual(['customer-oriented']);
  });

  it("flags a buzzword in quotation marks that the speaker's own view takes up", () => {
    expect(found("Being a 'people person' is an added advantage.")).toEqual(['people person']);
    expect(found('I am a "team player" at heart.')).toEqual(['team player']);
    // told of then, or in someone else's words, it stays a mention
    expect(found('Our manager kept saying we were all "team players" that year.')).toEqual([]);
  });

  it("does not flag others' claim that the answer turns against, but does flag the speaker's own", () => {
    expect(found("A lot of companies say they're customer-centric, but the staff never have time to talk.")).toEqual([]);
    expect(found('Our old supplier promised best-in-class support, yet nobody answered.')).toEqual([]);
    expect(found("We say we're customer-centric, but we mean it.")).toEqual(['customer-centric']);
    expect(found('My manager said we had real synergy and we did.')).toEqual(['synergy']);
  });

  it('finds "give 110%" with a word between', () => {
    expect(found('We gave it 110% all week.')).toEqual(['gave it 110%']);
    expect(found('I give everything 110% when a client is waiting.')).toEqual(['give everything 110%']);
    expect(found('She said I was giving it 150% and it showed.')).toEqual(['giving it 150%']);
  });

  it('finds the hyperbole "110%" wherever it stands, but not the number 110', () => {
    expect(found('My instructions were to make sure we gave this client 110% customer service.')).toEqual(['110%']);
    expect(found('A guest in room 110 called about the noise, and we served 110 guests that night.')).toEqual([]);
  });

  it('does not read a count or a sum given as "give 110%"', () => {
    expect(found('That winter we gave 100 customers a refund, and I gave her 100 dollars back.')).toEqual([]);
    expect(found('I give it 110 every day.')).toEqual(['give it 110']);
  });

  it('does not flag an inflected buzzword inside a short quotation', () => {
    expect(found('Honestly, I hate "going above and beyond".')).toEqual([]);
    expect(found("My old boss loved 'circling back' on everything.")).toEqual([]);
    expect(found('I stopped saying “leveraging our strengths” in emails.')).toEqual([]);
    // an apostrophe is no quotation mark
    expect(found("I didn't leverage the client's data.").join(' ')).toMatch(/leverage/);
  });

  it('still flags a buzzword in a negative sentence that uses it', () => {
    expect(found("We didn't have the bandwidth to test every template.").join(' ')).toMatch(/bandwidth/);
  });

  it('does not flag an interview cliché the sentence says is not done, and flags it said as done', () => {
    expect(found("Nurses can't go above and beyond when caring for patients.")).toEqual([]);
    expect(found("I didn't go the extra mile that day, I did my job.")).toEqual([]);
    expect(found('Nurses go above and beyond when caring for patients.')).toEqual(['above and beyond']);
    expect(found('I went the extra mile that day.')).toEqual(['went the extra mile']);
  });

  it('leaves plain fillers and technical terms alone', () => {
    expect(found('Um, basically, you know, the line was fine.')).toEqual([]);
    expect(found("The office's bandwidth dropped every afternoon, so we replaced the router.")).toEqual([]);
  });
});

describe("jargon: someone else's words are theirs", () => {
  it.each([
    ['a manager\'s motto, reported', 'My manager kept telling us that the customer is always right, which made no sense to me.'],
    ['what management wanted', 'Management wanted us to go above and beyond for every guest, but gave us no time.'],
    ['what a company says of itself', 'The company says it is customer-centric.'],
    ['what he told the speaker', 'He told me the customer is always right.'],
    ['another\'s praise of the speaker, reported', 'After that, my manager often praised me for my strong work ethic.'],
  ])('is not the speaker\'s jargon: %s', (_why, text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['said by the speaker', 'I told him the customer is always right.', 'the customer is always right'],
    ['the speaker\'s own step after another\'s words', 'My manager told us to be quick, and I went above and beyond.', 'above and beyond'],
    ['the speaker\'s claim beside another\'s praise', 'She thanked me, and I said I am a team player.', 'team player'],
    ['after what others did not ask for', 'I built them a checklist they hadn\'t asked for, which was a game changer for them.', 'game changer'],
  ])('is still the speaker\'s jargon: %s', (_why, text, want) => {
    expect(found(text)).toEqual([want]);
  });
});
