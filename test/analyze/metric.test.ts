import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer, type AnswerFormat } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const rubric = new RubricRegistry().get('base');
const report = (text: string, format: AnswerFormat = 'text') => analyze(parseAnswer(text, format), rubric);
const metrics = (text: string) => report(text).metrics.map((m) => m.text);

describe('metric detection: what counts', () => {
  it.each([
    ['After the change, first-reply complaints fell by 40% over the quarter.', '40%'],
    ['The repair order she had booked was worth $3,500.', '$3,500'],
    ['He rated the visit 4.8 out of 5 in the survey.', '4.8 out of 5'],
    ['Our CSAT went from 82 to 91 by the summer.', 'CSAT went from 82 to 91'],
    ['Within a month she had sent us three new clients.', 'three new clients'],
    ['By spring I was closing 35 tickets a day.', '35 tickets'],
    ['The new form saved the team six hours a week.', 'saved the team six hours'],
    ['The callback list saved the front desk about three hours a week.', 'saved the front desk about three hours'],
    ['She rated the visit ten out of ten.', 'ten out of ten'],
    ['Complaints about the queue were cut in half.', 'in half'],
    ['Repeat bookings doubled after that.', 'doubled'],
    ['By Friday we had refunded 200 customers.', '200 customers'],
    ['The client renewed their contract for another two years.', 'renewed their contract for another two'],
    ['She has been a member for over ten years, so a lot was at stake.', 'member for over ten years'],
    ['Average wait time went down 15 minutes.', 'went down 15 minutes'],
    ['Our score went up 9 points.', 'went up 9 points'],
    ['Our CSAT reached 4.75 that spring.', 'CSAT reached 4.75'],
    ['The customer gave us a 10/10 on the survey.', '10/10'],
    ['Response time went from two days to four hours.', 'from two days to four hours'],
    ['Tickets fell from about eight a month to one.', 'fell from about eight a month to one'],
    ['We reduced average handling time from 8 minutes to 5.', 'from 8 minutes to 5'],
    ['A loyal customer of 15 years was about to leave.', 'customer of 15 years'],
    ['Since then he has referred three colleagues to the shop.', 'referred three'],
  ])('finds the metric in %j', (text, want) => {
    expect(metrics(text).join(' | ')).toContain(want);
  });

  it('counts a turnaround when it is the time to an outcome', () => {
    expect(metrics('The refund was back in her account within two hours.')).toEqual(['within two hours']);
    expect(metrics('The replacement part was ready the same day.')).toEqual(['the same day']);
    // a range of numbers is one turnaround
    expect(metrics('We were able to deliver the solution within 10–15 days.')).toEqual(['within 10–15 days']);
    expect(metrics('Her laptop was repaired in about forty minutes.')).toEqual(['in about forty minutes']);
    expect(metrics('He had his bike back within an hour.')).toEqual(['within an hour']);
    expect(metrics('I called her back within an hour.')).toEqual([]);
  });
});

describe('metric detection: numbers that are not metrics', () => {
  it.each([
    ['scheduling', 'I called her back the same afternoon.'],
    ['a deadline', 'I had to get it fixed within 24 hours.'],
    ['a promise', "I told him I'd have it repaired within the hour."],
    ['a hypothetical', 'If a customer complained, I would have it fixed within an hour.'],
    ['the policy', 'Store policy was to hold sale items for 48 hours.'],
    ['tenure', 'I have worked at the store for 18 months.'],
    ['tenure as a span of one\'s own', 'In my 30 years of customer service I have met every kind of customer.'],
    ['idioms of number', "I've picked up a thing or two, and the one-in-a-million customer who likes a queue is rare."],
    ['a distance in blocks', 'The butcher lived half a block from us, the baker a few blocks away.'],
    ['dates and clock times', 'It happened on 3 May 2021, just after 9:30, and again at 5pm.'],
    ['hyperbole', 'I always give 110% to every customer.'],
    ['a concession', 'I offered her 20% off her next repair.'],
    ['a voucher', 'I gave him a $15 voucher for the trouble.'],
    ['a refund given in the action', 'I got my manager to approve refunding the £35 late fee.'],
    ["the speaker's own steps", 'I emailed 30 customers about the recall.'],
    ['a choice made in the action', 'We picked the two accounts with the most complaints.'],
    ['a team size', 'I led a team of 5 people at the time.'],
    ['the size of the company', 'I was the only engineer at a startup with about twelve people.'],
    ['the fault', 'The plug was half out of the socket and she had been charged double.'],
    ['a double-check', 'I double-checked the order before it left.'],
    ['a decimal next to a count noun', 'The app sat at 4.7 stars, and complaints kept coming.'],
    ['an ordinal', 'She was the 3rd customer that morning to ask.'],
    ['hyperbole about certainty', 'I was 100% sure it was our fault.'],
    ['a deposit in the policy', 'Store policy required a 50% deposit.'],
    ['a wait described in the problem', 'It took 3 weeks to get a reply from the supplier.'],
    ['a move with no measure', 'We moved from one office to two in a year.'],
  ])('ignores %s', (_why, text) => {
    const found = report(text).metrics.filter((m) => !(m.kind === 'rating' && /stars/.test(m.text)));
    expect(found.map((m) => m.text)).toEqual([]);
  });
});

const story = (result: string) => `## Situation
I worked the service desk at a bike shop when a customer's new e-bike kept cutting out.

## Task
I had to find the fault before his weekend tour.

## Action
I rode it with him, found a loose battery connector and replaced the cable.

## Result
${result}
`;

describe('metric detection: turnarounds stated as an outcome', () => {
  it.each([
    ['Her replacement card arrived two days later.', 'two days later'],
    ['After 4 days the leak was sorted.', 'After 4 days'],
    ['The till was working again within half an hour.', 'within half an hour'],
    ['Within the hour, the whole office was back online.', 'Within the hour'],
    ['An hour and a half later his account was unlocked and approved.', 'An hour and a half later'],
    ['The new card was delivered by the next morning.', 'by the next morning'],
    ['We had her laptop working again within minutes.', 'within minutes'],
  ])('finds the turnaround in %j', (text, want) => {
    expect(metrics(text).join(' | ')).toContain(want);
  });

  it('counts a turnaround in the Result even with no outcome verb', () => {
    expect(report(story('He had a working bike the same day.'), 'markdown').metrics.map((m) => m.text)).toEqual(['the same day']);
    expect(report(story('I phoned him the same evening to check on it.'), 'markdown').metrics.map((m) => m.text)).toEqual([]);
    // someone's promise beside the event frames only its own clause
    expect(report(story("The shop called him back within the hour, apologized, and said they'd check the rest of the batch."), 'markdown').metrics.map((m) => m.text)).toEqual(['within the hour']);
    expect(report(story("They said they would call him back within the hour."), 'markdown').metrics.map((m) => m.text)).toEqual([]);
    // "a week later" marks time in the story; it times an outcome only with an outcome word
    expect(report(story('A week later he came in with his whole cycling club.'), 'markdown').metrics.map((m) => m.text)).toEqual([]);
  });

  it.each([
    ['my own step', 'I rang the depot the same morning to chase it.'],
    ['my own step, time first', 'Two days later I visited the site again.'],
    ['a promise', 'I promised to have it fixed within a day.'],
    ['my own visit by the next day', 'I went back to the house by the next day.'],
    ['a delay with no outcome yet', 'Two days later the parcel still had not arrived.'],
    ['my own step beside an outcome', 'I phoned her back within the hour and the refund was approved.'],
    ['what should happen, in a promise', 'I told him it was taken care of and he should receive a new bill in a couple of days.'],
    ['what will happen', 'The replacement will arrive within two days.'],
  ])('ignores a turnaround that is %s', (_why, text) => {
    expect(metrics(text)).toEqual([]);
  });
});

describe('metric detection: before and after, counts in words', () => {
  it.each([
    ['Half the complaints disappeared after the change.', 'Half the complaints'],
    ['We now settle half of all calls on first contact.', 'half of all calls'],
    ['A third of our customers switched to the new plan.', 'third of our customers'],
    ['Missed deliveries went from a dozen a month to two.', 'from a dozen a month to two'],
    ['Late orders dropped seven a week to one.', 'seven a week to one'],
    ['The couple booked us for their next two parties.', 'two'],
    ['He hired us again for three more projects.', 'three'],
    ['She sent four colleagues to us that spring.', 'four colleagues'],
    ['Her manager sent two friends our way.', 'two friends'],
    ['By March the desk was clearing 60 requests a day.', '60 requests'],
  ])('finds the metric in %j', (text, want) => {
    expect(metrics(text).join(' | ')).toContain(want);
  });
});

describe('metric detection: more numbers that are not metrics', () => {
  it.each([
    ['a policy duration', 'The return window took thirty days, and she had missed it.'],
    ['a warranty term', 'The warranty period was 90 days from purchase.'],
    ['a compound adjective', 'I wrote a 5-line script to reset their passwords.'],
    ['a compound adjective before a count noun', 'We handed out a two-page guide to customers.'],
    ['a clock time after "by"', 'She needed the cake by eight, so I stayed late.'],
    ['clock times after "before" and "around"', 'The van came before 7 and left around nine.'],
    ['a step: testing', 'I tested it with three new accounts.'],
    ['a step with an adverb', 'I quickly called three customers to warn them.'],
    ['a step: trying', 'We tried the patch on two client laptops.'],
    ['a booking date', 'She booked us for the 14th and again for 7pm on Friday.'],
    ['paperwork of my own', 'I logged two claims and made three bookings for her.'],
  ])('ignores %s', (_why, text) => {
    expect(metrics(text)).toEqual([]);
  });

  it('still reads a change by a bare number', () => {
    expect(metrics('Weekly complaints fell by eight.').join(' | ')).toContain('fell by eight');
  });
});

describe('metric-missing', () => {
  it('is an error when the Result has no number', () => {
    const r = report(story('He was happy and came back for a service.'), 'markdown');
    expect(r.metrics).toEqual([]);
    const f = r.findings.find((x) => x.rule === 'metric-missing');
    expect(f?.severity).toBe('error');
    expect(f?.line).toBe(11);
  });

  it('is quiet when the Result has a metric, and reports where the metric is', () => {
    const r = report(story('The bike was fixed within an hour, and he sent us two new customers.'), 'markdown');
    expect(r.findings.some((x) => x.rule === 'metric-missing')).toBe(false);
    expect(r.metrics.map((m) => [m.text, m.kind, m.part, m.line])).toEqual([
      ['within an hour', 'turnaround', 'result', 11],
      ['two new customers', 'count', 'result', 11],
    ]);
  });

  it('finds a metric even when no heading marks the story', () => {
    expect(metrics('So I learned the system in a week. By the end of term I closed 40 tickets a day on my own.')).toEqual(['40 tickets']);
  });
});

describe('outcomes the numbers show without a set phrase', () => {
  const setup = 'Last March I was the only accountant left at a small firm when our biggest client sent eight late tax returns. I had to file them before the deadline. I split the work, called the client for the missing papers and worked through the weekend. ';
  const found = (ending: string) => report(setup + ending, 'text').metrics.map((m) => [m.text, m.kind, m.part]);

  it('a view of the world told inside the story measures nothing ("99% of people in service are one complaint away")', () => {
    const between = 'Last March I was the only accountant left at a small firm when our biggest client sent eight late tax returns. I had to file them before the deadline. I split the work and called the client for the missing papers. Honestly, 99% of people working in this job are one complaint away from quitting. I worked through the weekend and filed them all.';
    expect(report(between).metrics).toEqual([]);
    // a state that lasts after the story is its outcome
    expect(found('She has bought three pairs from us since.')).toEqual([['three pairs', 'count', 'result']]);
  });

  it('a change by a share: "fell by a third"', () => {
    expect(found('Within a month the late returns fell by a third.')).toEqual([['fell by a third', 'change', 'result']]);
  });

  it('a share of a whole, a run with no failure since, repeat business, time to spare', () => {
    expect(found('Seven of the eight returns went in on time.')).toEqual([['Seven of the eight returns', 'fraction', 'result']]);
    expect(found('We have not missed a filing date in the 18 months since.')).toEqual([['18 months', 'retention', 'result']]);
    expect(found('She has bought three pairs from us since.')).toEqual([['three pairs', 'count', 'result']]);
    expect(found('She has renewed twice since.')).toEqual([['twice', 'count', 'result']]);
    expect(found('He has come back three times since.')).toEqual([['three times', 'count', 'result']]);
    expect(found('I have called him three times since.')).toEqual([]);
    expect(found('We filed the last one with 20 minutes to spare.')).toEqual([['20 minutes to spare', 'time', 'action']]);
  });

  it('a run with no failure after the steps, as their outcome: "for the next three months", "in the six months after"', () => {
    expect(found('We did not get a single complaint for the next three months.')).toEqual([['three months', 'retention', 'result']]);
    expect(found('No client missed a deadline in the six months after that.')).toEqual([['six months', 'retention', 'result']]);
    // a wait before the outcome is none
    expect(found('I did not hear back from him for the next two weeks, so I called again. He finally paid.')).toEqual([]);
  });

  it('a delay on the outcome is a time on it; staying late is effort, and a place\'s size sets the scene', () => {
    expect(found('We delivered the returns 30 days late, but the client kept us on.')).toContainEqual(['30 days late', 'time', 'action']);
    expect(found('I stayed two hours late that night.')).toEqual([]);
    expect(report('At the time I lived in a small town of about 8,000 people. One day a couple asked me to deliver a sofa. I drove it over after my shift. They were thrilled.', 'text').metrics).toEqual([]);
  });

  it('a handful of staff in the setting, or a share of one thing, is no metric; "barely five minutes later" is a turnaround', () => {
    const metrics = (text: string) => report(text, 'text').metrics.map((m) => m.text);
    expect(metrics('Last Easter, with only two employees in the bakery, pre-orders piled up. I baked through the night and called every customer. Every order went out.')).toEqual([]);
    expect(metrics('Last June a customer brought back a carton of milk after she had drunk half of a gallon. I swapped it for a fresh one and apologised. She thanked me.')).toEqual([]);
    expect(metrics('Last spring my steak came out cold at a diner. The waitress apologised and took the plate back to the kitchen. Barely five minutes later she came back out with a hot steak.')).toEqual(['five minutes later']);
  });

  it('a turnaround when what was missing is brought to the person', () => {
    expect(found('Barely five minutes later she brought out the signed copies.')).toEqual([['five minutes later', 'turnaround', 'result']]);
    expect(found('About ten minutes later I came back with the last return filed.').map((m) => m[0])).toEqual(['ten minutes later']);
  });

  it('not a view of the world said around the story, though a present outcome of ours still counts', () => {
    expect(found('They all went in on time. Yet 90% of people forget what a tax deadline feels like.')).toEqual([]);
    expect(found('They all went in on time. We now file half of all returns a week early.').map((m) => m[0])).toEqual(['half of all returns', 'a week early']);
  });

  it('not how often the problem came back', () => {
    expect(metrics('I worked on the help desk. An elderly customer rang because her internet had dropped three days in a row. I booked an engineer and the line was fixed.')).toEqual([]);
  });

  it('never contradicts the metric line: numbers before the Result are named as such', () => {
    const r = report('Last March we had 40 unanswered complaints at the shop. I had to clear them. I called every customer back. They all thanked me.', 'text');
    expect(r.metrics.map((m) => m.text)).toEqual(['40 unanswered complaints']);
    expect(r.findings.find((f) => f.rule === 'metric-missing')?.message).toMatch(/^No measurable outcome in the Result \("40 unanswered complaints" is not in the Result\)/);
  });
});
