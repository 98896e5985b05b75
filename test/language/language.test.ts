import { describe, expect, it } from 'vitest';
import { clauseAt, readText, type SentenceFacts } from '../../src/language/index.js';
import { tagText } from '../../src/language/tagger.js';
import { tokenize } from '../../src/text/tokens.js';

const read = (text: string): SentenceFacts[] => readText(text, [[0, text.length]]);
const one = (text: string) => {
  const [s] = read(text);
  return s;
};
/** Each finite clause as "actor verb mode", e.g. "speaker call narrated". */
const clauses = (text: string) =>
  one(text)
    .clauses.filter((c) => c.finite)
    .map((c) => `${c.actor} ${c.lemma} ${c.mode}${c.negated ? ' negated' : ''}${c.reported ? ' reported' : ''}${c.conditional ? ' conditional' : ''}`);
/** Who does the verb `word` in the sentence. */
const actorOf = (text: string, word: string) => {
  const s = one(text);
  const k = s.tokens.findIndex((t) => t.norm === word);
  return clauseAt(s, k)?.actor;
};
const numbers = (text: string) => read(text).flatMap((s) => s.numbers.map((n) => `${s.text.slice(n.start - s.start, n.end - s.start)}: ${n.kind}${n.unit ? ` (${n.unit})` : ''}`));

describe('language layer: sentences and words', () => {
  it('splits sentences, and never across a paragraph or a list item', () => {
    expect(read('I called Dr. Smith at 5 p.m. She was out. We waited.').map((s) => s.text)).toEqual(['I called Dr. Smith at 5 p.m.', 'She was out.', 'We waited.']);
    expect(read('- Situation: a rush\n- Task: keep the line moving').map((s) => s.text)).toEqual(['Situation: a rush', 'Task: keep the line moving']);
    expect(read('First paragraph without an end\n\nSecond one').map((s) => s.text)).toEqual(['First paragraph without an end', 'Second one']);
  });

  it('goes on past an exclamation or a question in brackets, but ends a sentence after a bracket that closes one', () => {
    const texts = (text: string) => read(text).map((s) => s.text);
    expect(texts('Someone called us (!) within a couple of hours (again, on a Saturday!!), apologized and refunded it. Nice.')).toEqual([
      'Someone called us (!) within a couple of hours (again, on a Saturday!!), apologized and refunded it.',
      'Nice.',
    ]);
    expect(texts('Those of us in service (and who isn\'t?) could use a definition.')).toEqual(["Those of us in service (and who isn't?) could use a definition."]);
    expect(texts('She left happy (she even tipped!). Then we closed.')).toEqual(['She left happy (she even tipped!).', 'Then we closed.']);
  });

  it('tags each word with its part of speech and dictionary form, also with curly apostrophes', () => {
    const s = one('She went back and bought three pairs. I’m sure.');
    const went = s.tokens.find((t) => t.norm === 'went')!;
    expect([went.pos, went.lemma]).toEqual(['VERB', 'go']);
    expect(s.tokens.find((t) => t.norm === 'pairs')!.lemma).toBe('pair');
    expect(read('She went back. I’m sure.')[1].tokens[0].pos).not.toBe('PROPN');
  });

  it('keeps every offset pointing at the original text', () => {
    const text = 'Line one — “quoted” words.\n\n\tI didn’t  stop.';
    for (const s of read(text)) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it("puts each of the tagger's words where it is in the text, whatever spaces stand between them", () => {
    const text = 'She\u00a0\u00a0went  back\u2003and\tbought\r\nthree 😀 pairs — didn’t she?';
    const tagged = tagText(text);
    const words = tagged.starts.map((s, i) => text.slice(s, tagged.ends[i]));
    expect(words).toEqual(['She', 'went', 'back', 'and', 'bought', 'three', '😀', 'pairs', '—', 'did', 'n’t', 'she', '?']);
    expect(tagged.lemmas[words.indexOf('went')]).toBe('go');
    expect(tagged.lemmas[words.indexOf('bought')]).toBe('buy');
    // the same from an offset into a longer text
    const inner = tagText(`# Result\n${text}`, 9);
    expect(inner.starts.map((s, i) => `# Result\n${text}`.slice(s, inner.ends[i]))).toEqual(words);
  });

  it('keeps the words in place after the Unicode spaces the model drops (ideographic, line separator, en quad…)', () => {
    for (const space of ['\u3000', '\u2028', '\u2029', '\u2000', '\u2001', '\u2006', '\u2007', '\u2008', '\u1680']) {
      const text = `I called${space}her back. She was happy and we fixed it.`;
      const tagged = tagText(text);
      const words = tagged.starts.map((s, i) => text.slice(s, tagged.ends[i]));
      expect(words, JSON.stringify(space)).toEqual(['I', 'called', 'her', 'back', '.', 'She', 'was', 'happy', 'and', 'we', 'fixed', 'it', '.']);
      expect(tagged.pos[words.indexOf('we')], JSON.stringify(space)).toBe('PRON');
    }
  });

  it("gives every sentence the tokenizer's own tokens, also where they are made from the tagger's runs", () => {
    const texts = [
      'I called Dr. Smith at 5 p.m. She was out.We waited (again). It cost $4.50, 2,400 units, 6:15 and 24/7.',
      "Customer-centric, they'd said. We didn't! So I re-ran it: 3x faster...Done.\n\n- Next: call back\r\nthen close",
      // a run the tagger's pieces cut (no space near the cut: line breaks of \r only), which starts a sentence
      `${'words\r'.repeat(1500)}end.`,
      'She said “fine”.Then we left — didn’t we?',
      // the same run read straight and curly, and characters the tagger blanks (no-break and
      // ideographic spaces, a zero-width space, a control character), and an over-long run it hides
      "We didn't stop. We didn’t stop.\u00a0I’m done\u3000now ab\u200bcd ok\u0007go. I didn't.",
      `I didn’t ${'x'.repeat(60)} stop. We didn't either.`,
    ];
    for (const text of texts) {
      for (const s of read(text)) {
        const own = tokenize(s.text, s.start).map((t) => [t.text, t.start, t.end, t.lexeme]);
        expect(s.tokens.map((t) => [t.text, t.start, t.end, t.lexeme])).toEqual(own);
      }
    }
  });

  it('reads text the tagger cannot (an over-long run) without losing it', () => {
    const text = `I called ${'x'.repeat(5000)} back.`;
    const words = read(text).flatMap((s) => s.tokens.map((t) => t.norm));
    expect(words).toEqual(['i', 'called', 'x'.repeat(5000), 'back']);
  });
});

describe('language layer: clauses', () => {
  it('finds who does what: the speaker, the team, someone else', () => {
    expect(clauses('I called her back.')).toEqual(['speaker call narrated']);
    expect(clauses('We fixed it overnight.')).toEqual(['team fix narrated']);
    expect(clauses('My team stayed late.')).toEqual(['team stay narrated']);
    expect(clauses('The customer rang because her internet had dropped.')).toEqual(['other ring narrated', 'other drop background']);
  });

  it('carries a subject over a coordination and a list of steps', () => {
    expect(clauses('I called the branch, found the stock and drove over.')).toEqual(['speaker call narrated', 'speaker find narrated', 'speaker drive narrated']);
    expect(clauses('Called the branch and drove over.')).toEqual(['speaker call narrated', 'speaker drive narrated']);
  });

  it('reads a verb whose own form ends in -ing as a verb, not a gerund: "I think I bring the knowledge"', () => {
    expect(clauses('I think I bring the knowledge they need.')).toEqual(['speaker think present', 'speaker bring present reported', 'other need present']);
    expect(clauses('We were bringing snacks.')).toEqual(['team bring narrated']);
  });

  it('reads a British spelling\'s dictionary form as one: "I apologise" is a present, "Apologise first" an instruction', () => {
    expect(clauses('Whenever a guest complains, I apologise first.')).toEqual(['other complain present conditional', 'speaker apologize present conditional']);
    expect(clauses('Apologise first.')).toEqual(['none apologize imperative']);
    expect(clauses('I apologised and organised a refund.')).toEqual(['speaker apologize narrated', 'speaker organize narrated']);
  });

  it('reads the consequence after a condition\'s comma as no report of it: "If I had known, I would have called"', () => {
    expect(clauses('If I had known, I would have called.')).toEqual(['speaker know background conditional', 'speaker call modal conditional']);
    expect(clauses('I knew I would have to call her.')).toEqual(['speaker know narrated', 'speaker have modal reported']);
    // the condition itself runs to the comma that closes it
    const inCondition = (text: string) => {
      const s = one(text);
      return s.clauses.filter((c) => c.finite).map((c) => `${s.tokens[c.subject]?.norm} ${c.condition}`);
    };
    expect(inCondition("If a company delivers what I ordered, on time, that's service.")).toEqual(['company true', 'i true', "that's false"]);
  });

  it('reads a participle spelt as its verb after "have" as a perfect: "he has come back", "I had become"', () => {
    expect(clauses('He has come back three times since.')).toEqual(['other come ongoing']);
    expect(clauses('I had become the go-to person for refunds.')).toEqual(['speaker become background']);
    expect(clauses('They come back every week.')).toEqual(['other come present']);
    // and a present perfect settles "let" as a present, as a present does
    expect(clauses("I've become someone who can step back and let others lead.").at(-1)).toBe('speaker let present');
  });

  it('gives a verb after "let him" or "asked her to" to that person', () => {
    expect(actorOf('I let him explain how long his day had been.', 'explain')).toBe('other');
    expect(actorOf('I let him explain how long his day had been.', 'let')).toBe('speaker');
    expect(actorOf('I asked her to wait while I checked.', 'wait')).toBe('other');
    // only a verb that hands its object the "to" verb does so: "found a way to fix it" is the speaker's fixing
    expect(actorOf('I asked the manager to approve it.', 'approve')).toBe('other');
    expect(actorOf('I found a way to fix it.', 'fix')).toBe('speaker');
    expect(actorOf('I had a chance to call her.', 'call')).toBe('speaker');
    expect(actorOf('I made a point to follow up.', 'follow')).toBe('speaker');
    expect(actorOf('I wanted to help her.', 'help')).toBe('speaker');
    // a gerund fronted before its clause is done by that clause's subject
    expect(actorOf('The app was slow, so instead of waiting I called billing.', 'waiting')).toBe('speaker');
    expect(actorOf('After talking to her manager, she gave me a refund.', 'talking')).toBe('other');
    expect(actorOf('I called the team instead of waiting.', 'waiting')).toBe('speaker');
    expect(actorOf('By actively listening to them and explaining the policy, I calmed him down.', 'explaining')).toBe('speaker');
    // a clause straight after a noun describes it, and hands its subject to no later verb
    expect(actorOf('I offered him the ones she had chosen, and got a refund approved.', 'got')).toBe('speaker');
    // an -ed word the tagger calls an adjective is the verb after a subject pronoun
    expect(actorOf('So I baked it at the normal time and took it to her.', 'took')).toBe('speaker');
  });

  it('gives the means listed after a fronted "By …" to the main clause\'s subject, also when the tagger took the first for a noun', () => {
    expect(actorOf('By building rapport and establishing trust, I was able to calm him down.', 'establishing')).toBe('speaker');
  });

  it('finds the subject across an aside between dashes: "the company – which we have since stopped using – refused"', () => {
    expect(actorOf('But the company – which we have since stopped using – refused to honor it.', 'refused')).toBe('other');
    expect(clauses('But the company – which we have since stopped using – refused to honor it.')).toContain('other refuse narrated');
  });

  it('tells the tense and mood: a step, a background, a habit, a hypothetical, a plan, an instruction', () => {
    expect(clauses('We had already called.')).toEqual(['team call background']);
    expect(clauses('She has bought three pairs from us since.')).toEqual(['other buy ongoing']);
    expect(clauses('I always listen first.')).toEqual(['speaker listen habit']);
    expect(clauses('I used to work there.')).toEqual(['speaker use habit']);
    expect(clauses('I would apologize.')).toEqual(['speaker apologize modal']);
    expect(clauses("I'd never used it.")).toEqual(['speaker use background negated']);
    // "'d been" is "had been"; "'d have been" is "would have been"
    expect(clauses("I'd been told to wait.")[0]).toBe('speaker tell background');
    expect(clauses("I'd have been late.")[0]).toMatch(/^speaker \w+ modal$/);
    // a passive made with "get" is a passive, its verb the participle: "got thrown away", "gets lost"
    expect(clauses('Somehow they got thrown away.')).toEqual(['other throw narrated']);
    expect(clauses('My order gets lost every week.')).toEqual(['other lose present']);
    expect(clauses('We got it done.')[0]).toBe('team get narrated');
    // a purpose is no event: "so she could come back" (but "I could see" narrates)
    expect(clauses('I put it on hold, so she could come back for it later.').at(-1)).toBe('other come modal');
    expect(clauses("I'm going to fix it.")).toEqual(['speaker go future']);
    expect(clauses('Listen to the customer.')).toEqual(['none listen imperative']);
    expect(clauses('Service means listening.')).toEqual(['other mean present']);
    // a past "do" before "have" or "be" is the tense: "I didn't have a car" is told of then
    expect(clauses("I didn't have a car.")).toEqual(['speaker have narrated negated']);
    expect(clauses("I don't have a car.")).toEqual(['speaker have present negated']);
    // "people" after an adverb is the noun the tagger sometimes takes for a verb, never an instruction
    expect(clauses('But sometimes people surprise me.').some((c) => c.includes('imperative'))).toBe(false);
  });

  it('marks a promise reported under a verb of saying, a condition and a negation', () => {
    expect(clauses("I told him I'd call back.")).toEqual(['speaker tell narrated', 'speaker call modal reported']);
    expect(clauses('If a customer is angry, I listen first.')).toEqual(['other be present conditional', 'speaker listen present conditional']);
    expect(clauses("I didn't panic.")).toEqual(['speaker panic narrated negated']);
  });

  it('reads "if" after a verb of asking or checking as "whether", and after any other verb as a condition', () => {
    expect(clauses('She asked if I could stay late.')).toEqual(['other ask narrated', 'speaker stay narrated']);
    expect(clauses('I checked if it had arrived.').at(-1)).not.toContain('conditional');
    // (what follows the condition in the sentence stays under it)
    expect(clauses("I'd be lying if I said I felt that way.").slice(1)).toEqual(['speaker say narrated conditional', 'speaker feel narrated reported conditional']);
  });

  it('carries a quotation over the sentences of its paragraph, but not past a mark that pairs with nothing', () => {
    const quotedIn = (text: string) => read(text).map((s) => s.clauses.filter((c) => c.finite).map((c) => c.quoted));
    // the customer's words run over three sentences: none of them is the speaker's doing
    expect(quotedIn('"You work there? I could never do that. It must be draining." I just smiled.')).toEqual([[true], [true], [true], [false]]);
    expect(read('"You work there? I could never do that."').map((s) => s.inQuote)).toEqual([false, true]);
    // a lone inch mark does not make the rest of the paragraph a quote
    expect(quotedIn('He is 5\'11" tall. I helped him find a coat.')).toEqual([[false], [false]]);
    // a quote never runs into the next paragraph
    expect(quotedIn('She said "we are closed.\n\nI called the manager.')).toEqual([[false, true], [false]]);
  });

  it('reads an answer printed wholly in quotation marks, block by block, as its own words, not as a quote', () => {
    const parts = (label: string) => /^(situation|task|action|result)$/i.test(label);
    const quotedIn = (text: string) => readText(text, [[0, text.length]], parts).map((s) => s.clauses.filter((c) => c.finite).some((c) => c.quoted));
    const sample = 'Situation:\n"Last year I was responsible for a new service that had to launch before my planned leave, and the timeline was tight."\n\nAction:\n"I cut the low-value meetings from my week and gave a junior engineer the test cases to write. We delivered two days early."';
    expect(quotedIn(sample)).toEqual([false, false, false]);
    // a story with dialogue has words outside its quotes, and short lines stay someone's words
    expect(quotedIn('"Where is my order? I have waited an hour for it," she said.\n\nI checked the system and found it.')).toEqual([true, true, false]);
    expect(quotedIn('"Can I help you?"\n\n"My order is wrong and I have waited an hour!"')).toEqual([true, true]);
    // under a part's label a short block is the part still; under a person's name it is their line
    expect(quotedIn('- Task: "My job was to deliver it on time."\n- Action: "I told the client about the delay straight away, moved the plan around the people we had, and put a weekly check on the resources in place for the rest of the project."')).toEqual([false, false]);
    expect(quotedIn('Customer: "My order is wrong and I have waited for over an hour now, which is unacceptable to me."\n\nMe: "I am so sorry, let me fix that for you right away, it will not take long at all."')).toEqual([true, true]);
  });

  it('reads who says a labelled line of dialogue, and makes its words quoted, marks or not', () => {
    const lines = (text: string) => read(text).map((s) => `${s.dialogueBy ?? '-'} ${s.clauses.filter((c) => c.finite).every((c) => c.quoted) ? 'quoted' : 'told'}`);
    // every sentence of the line is its label's person's: the customer's "I want" is not the speaker's
    expect(lines('The customer: "Your driver still isn\'t here! I want to know what you\'re going to do!"\nMe: "I checked with the branch."')).toEqual(['other quoted', 'other quoted', 'speaker quoted']);
    expect(lines('Man: Is this fresh?\nMe: I sold it an hour ago.\nManager: *walks over* "Yes, sir?"')).toEqual(['other quoted', 'speaker quoted', 'other told']);
    expect(lines('Marco: "Fine, do it after your shift."')).toEqual(['other quoted']);
    // a label that names a part of the answer, or a phrase before a colon, is no speaker
    expect(lines('Result: the customer renewed.\nPicture this: the queue ran out the door.\nI told her: we can fix it.')).toEqual(['- told', '- told', '- told']);
    // the answer's parts are the caller's (the rubric's headings): "Impact:" before a quote is no name
    const byRubric = (text: string) => readText(text, [[0, text.length]], (label) => /^(impact|result)$/i.test(label)).map((s) => s.dialogueBy ?? '-');
    expect(byRubric('Impact: "Thank you," she said.\nNote: "Back in five."\nMarco: "Fine."')).toEqual(['-', '-', 'other']);
  });

  it('reads a verb\'s form after an article as a noun: "a follow-up", "the check-in"', () => {
    expect(clauses('We have not missed a follow-up in the two years since.')).toEqual(['team miss ongoing negated']);
    expect(clauses('The check-in took two minutes.')).toEqual(['none take narrated']);
  });

  it('reads a subject quantified to nothing as a negation: "no patient", "not one", "not a single"', () => {
    expect(clauses('No patient missed a follow-up after that.')).toEqual(['other miss narrated negated']);
    expect(clauses('Not a single customer complained that month.')).toEqual(['other complain narrated negated']);
    expect(clauses('One patient missed a follow-up.')).toEqual(['other miss narrated']);
  });

  it('reads "May" after "last" or before a day as the month, not the modal', () => {
    expect(clauses('Last May a customer called about a parcel.')).toEqual(['other call narrated']);
    expect(clauses('On May 5 she wrote to us.')).toEqual(['other write narrated']);
    expect(clauses('This may sound odd.')).toEqual(['other may modal']);
  });

  it('settles a verb spelled the same in past and present by the rest of the sentence', () => {
    expect(clauses('I let them talk and then I apologised.')[0]).toBe('speaker let narrated');
    expect(clauses('When they get angry, I let them talk.').at(-1)).toBe('speaker let present');
  });
});

describe('language layer: numbers', () => {
  it('tells what a number measures', () => {
    expect(numbers('It cost $1,200 and took 20%.')).toEqual(['1,200: money (money)', '20: percent (%)']);
    expect(numbers('She had it within two hours, three days later.')).toEqual(['two hours: duration (hour)', 'three days: duration (day)']);
    expect(numbers('We served 40 new customers.')).toEqual(['40 new customers: count (customer)']);
    expect(numbers('Seven of the eight returns went in.')).toEqual(['Seven of the eight returns: fraction (return)']);
    expect(numbers('CSAT rose to 4.6 out of 5 and reviews doubled.')).toEqual(['4.6 out of 5: rating', 'doubled: multiplier']);
    // "out of 10" before what it counts is a share of cases, not a score
    expect(numbers('We kept 9 out of 10 of those accounts, and she rated us 9 out of 10.')).toEqual(['9 out of 10 of those accounts: fraction (account)', '9 out of 10: rating']);
    expect(numbers('A five-star review.')).toEqual(['five-star: rating (star)']);
  });

  it('knows dates, clock times, ages and ordinals are no amounts', () => {
    expect(numbers('At 6:15 on March 3rd, 2021.')).toEqual(['6:15: time', '3rd: date', '2021: date']);
    expect(numbers('By 5pm she was in her mid sixties.')).toEqual(['5pm: time', 'sixties: age (year)']);
    expect(numbers('It was the third time.')).toEqual(['third: ordinal']);
    // "a third" on its own is a share; "a third time" still counts times
    expect(numbers('Complaints fell by a third.')).toEqual(['a third: fraction']);
    expect(numbers('She called for a third time.')).toEqual(['third: ordinal']);
    expect(numbers('One evening a man came in.')).toEqual(['One evening: date']);
    // one picked out of a group counts nothing ("seven of the eight returns" is a share)
    expect(numbers('One of the complaints was about the fees.')).toEqual(['One: amount']);
    // a range is one number, measured by what follows its second end
    expect(numbers('We delivered within 10–15 days, between 5-7pm.')).toEqual(['10–15 days: duration (day)', '5-7pm: time']);
  });
});
