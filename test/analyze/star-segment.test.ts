import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { buildDocument } from '../../src/analyze/document.js';
import { segmentStar } from '../../src/analyze/star-segment.js';
import { parseAnswer, type AnswerFormat } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';
import { PhraseSet } from '../../src/text/phrases.js';

// Short answers written for these tests; each pins one rule of the STAR segmenter.
const rubric = new RubricRegistry().get('base');

function parts(text: string, format: AnswerFormat = 'text'): string {
  const { star } = analyze(parseAnswer(text, format), rubric);
  return (['situation', 'task', 'action', 'result'] as const)
    .filter((p) => star[p].present)
    .map((p) => p[0].toUpperCase())
    .join('');
}

function roles(text: string, format: AnswerFormat = 'text'): string[] {
  const doc = buildDocument(parseAnswer(text, format), rubric);
  segmentStar(doc, rubric, (l) => new PhraseSet(l));
  return doc.sentences.map((s) => s.role);
}

describe('no story', () => {
  it('a definition, even with participles like "valued" and "solved", tells no story', () => {
    expect(parts('Service means making every guest feel valued. It is about owning a problem until it is solved.')).toBe('');
  });

  it('a hypothetical ("If a customer..., I would...") tells no story', () => {
    expect(parts('If a customer complained, I would listen first. Then I would apologize and fix what I could.')).toBe('');
  });

  it('a habit with no setting tells no story', () => {
    expect(parts('I always repeat the problem back. I usually call the customer the next day to check the fix worked.')).toBe('');
  });

  it('a lesson in the past tense is not a setting', () => {
    expect(parts('I learned early in my career that customers value honesty. Good service is about trust.')).toBe('');
  });

  it('one past sentence of tenure is background, not a story', () => {
    expect(parts('I worked in retail for five years. I am patient and I love helping people.')).toBe('');
  });

  it('a belief and a lesson from someone else\'s past are not the speaker\'s story', () => {
    expect(parts('I\'ve always believed in going the extra mile. My mother ran a corner shop and taught me that every customer matters. That\'s why I treat people well.')).toBe('');
  });

  it('a generalisation ("in my experience...") is not a setting', () => {
    expect(parts('In my experience, customers who called in were usually frustrated. I find that listening calms them down.')).toBe('');
  });

  it('a story told in the present opens on the scene\'s day ("It has been a very snowy day, …")', () => {
    expect(parts('It has been a very snowy day, and the pavements are slippery. I am ringing up an old customer who has trouble walking. I offer to drive her home after my shift. I take her home. A week later she comes in with an apple pie.')).toBe('STAR');
    // a view of the weather is no scene
    expect(parts('It is always snowy here and the pavements are slippery. I offer to drive people home after my shift.')).toBe('');
  });

  it('someone else\'s line of dialogue tells no step of the speaker\'s (\'Customer: "I left my wallet at home!"\')', () => {
    const text = 'One day last spring a customer came in to pick up her pizza at our shop.\n\nCustomer: "Oh no, I left my wallet at home!"\n\nI paid the two dollars she was short. She thanked me and left happy.';
    expect(roles(text)).toEqual(['situation', 'situation', 'action', 'result']);
  });

  it('a question asked under "I would" ("figure out what caused the problem") tells no past event', () => {
    expect(parts('When a payment fails, I stay calm and composed. First, I would assess the issue and figure out what caused the problem. If it is the till, I would call support.')).toBe('');
    // told of then, the same words are a step
    expect(parts('Last year a till broke at our store. I figured out what caused the problem and fixed it. The queue cleared in minutes.')).toBe('SAR');
  });

  it('"as if it were theirs" is a subjunctive, not a past event', () => {
    expect(parts('Good service is when someone treats your problem as if it were theirs.')).toBe('');
  });
});

describe('situation', () => {
  it('a recurring situation in a concrete past setting is a situation', () => {
    expect(parts('Back when I was a server, we sometimes ran out of clean plates on Fridays. I started washing a rack before the rush.')).toMatch(/^SA/);
  });

  it('a habit first, then a specific past event: the story starts at the event', () => {
    const r = roles('I usually read the history before anything else. Last May a customer called about a missing parcel. I traced it with the courier. It arrived the next day.');
    expect(r).toEqual(['opening', 'situation', 'action', 'result']);
  });

  it('"I\'d never used" is "I had", background inside the story, not a hypothetical', () => {
    const r = roles('Last year I joined a helpdesk. I\'d never used the ticket system. I read the old tickets and made a cheat sheet.');
    expect(r).toEqual(['situation', 'situation', 'action']);
  });
});

describe('task', () => {
  it('a commitment reported in the past ("I told him I would") is a task, not a hypothetical', () => {
    expect(parts('Last week a client called about a late refund. I told him I would have it sorted by Friday. I called billing and pushed it through.')).toBe('STA');
  });

  it('an assignment from the speaker\'s manager is a task', () => {
    expect(parts('Last year our biggest client threatened to leave. My manager asked me to win them back. I visited them and fixed their billing setup.')).toBe('STA');
  });

  it('a purpose that only takes up the problem ("To deal with the situation, I …") is no task; one that names an aim is', () => {
    const story = (lead: string) => `Last spring a client kept calling me after hours with complaints about the invoices. ${lead}, I listened to her concerns and set up a weekly call. The calls stopped.`;
    expect(parts(story('To deal with the situation'))).toBe('SAR');
    expect(parts(story('To address it'))).toBe('SAR');
    expect(parts(story('To win back her trust'))).toBe('STAR');
  });

  it('a case supposed to the listener ("Say a customer brings back …", "Let\'s say …") is no task, and no part of the story', () => {
    const story = (line: string) => roles(`Last year I worked as a cashier at a grocery store. One evening a man came in with a cracked jar of sauce. ${line} I offered him a new jar and a bag. He thanked me.`);
    expect(story('Say a customer brings back a broken jar.')).toEqual(['situation', 'situation', 'closing', 'action', 'result']);
    expect(story("Let's say a customer brings back a broken jar.")).toEqual(['situation', 'situation', 'closing', 'action', 'result']);
    // an instruction written as notes, before any step, is still the task
    expect(story('Replace the jar before the shop closes.')).toEqual(['situation', 'situation', 'task', 'action', 'result']);
  });

  it('the question\'s own words ("I once had to handle a difficult conversation with …") are no task', () => {
    const story = (opening: string) => parts(`${opening} The family was worried about the pain after his surgery. I explained the pain plan and called the doctor. By the evening they were calm.`);
    expect(story('Last year I once had to handle a difficult conversation with a patient and his family.')).toBe('SAR');
    expect(story('Last year we had to deal with an angry customer at the clinic.')).toBe('SAR');
    // a goal after the same verb is one
    expect(story('Last year I had to handle the move of a patient to another ward before noon.')).toBe('STAR');
  });

  it('instructions are a duty, and what they make sure of is no step ("My instructions were to make sure we gave him the best service")', () => {
    const text = 'Last year I was asked to look after a new client at our firm. My instructions were to make sure we gave him the best service. He turned out to be difficult and complained about three issues. I dealt with each of them in turn.';
    expect(roles(text)).toEqual(['task', 'task', 'situation', 'action']);
  });

  it('a remark between the steps that picks one complaint out ("One of the complaints was …") is part of the action, not its result', () => {
    expect(parts('Last year a client complained to me about our fees. I dealt with each complaint in turn. One of the complaints was about a lack of contact after 5pm. I spoke with my manager and we agreed on cover.')).toBe('SA');
  });

  it('a duty with an aside before its verb ("My mission, as always, was to …") is the task', () => {
    const story = (line: string) => parts(`Last week I went back to the shop where I buy my work boots. ${line} The clerk found my size in the back. In the end I left happy.`);
    expect(story('My mission, as always, was to find boots in my size.')).toContain('T');
    expect(story('My boots, as always, were worn through.')).not.toContain('T');
  });

  it('a trip to a store, or checking out, tells the story from the customer\'s side: the cashier\'s steps are the action', () => {
    expect(parts('A few days ago I made my yearly trip to a local discount store. When I was checking out, I expected the cashier to toss my sunglasses in a bag. Instead, she pulled out bubble wrap and wrapped each pair.')).toBe('SA');
  });

  it('a difficulty told as it was ("it was very hard to resolve") is an obstacle to get past', () => {
    const story = (line: string) => parts(`Last spring I was the only technician on shift when the director's email stopped working. ${line} I moved her files to a spare computer and set up her email there. She was working again by noon.`);
    expect(story('It was very hard to resolve while she kept shouting.')).toContain('T');
    expect(story('It was very loud while she kept shouting.')).not.toContain('T');
  });

  it('an offer said on the listener\'s wish (\'"If you want to wait a bit, I can bring you home."\') is a commitment, the Task', () => {
    const story = (line: string) => parts(`Last winter an old customer came into our shop on a snowy day. She had walked all the way. ${line} I drove her home after my shift. A week later she brought me a pie.`);
    expect(story('I told her, "If you want to wait a bit, I can bring you home."')).toContain('T');
    // a hypothetical of the teller's own is still none
    expect(story('If a customer walks in the snow, I can always drive them.')).not.toContain('T');
  });

  it('what the speaker lacked ("I didn\'t have a car") is an obstacle; no complaint after it is an outcome', () => {
    const story = (line: string) => parts(`Last summer a customer phoned my shop after closing time about a spare part. ${line} I drove to the shop with him and found the part. He thanked me.`);
    expect(story("I didn't have a car with me that evening.")).toBe('STAR');
    expect(story('I had a car with me that evening.')).toBe('SAR');
    expect(parts("Last year a guest complained about the noise at our hotel. I moved her to a quiet room. We didn't have a single complaint after that.")).toBe('SAR');
  });

  it('a duty left undone ("I forgot to do everything that needed doing") was the speaker\'s to do', () => {
    const story = (line: string) => parts(`One day at the shelter where I volunteer ${line} The next day I apologized and made a checklist. Nothing has been forgotten since.`);
    expect(story('I was rushing home and forgot to lock the storage room.')).toBe('STAR');
    expect(story('I was rushing home and locked the storage room.')).toBe('SAR');
  });

  it('the question\'s "work with a difficult family member" is no task, as "handle a difficult customer" is not', () => {
    const story = (opening: string) => parts(`${opening} The family member kept questioning the treatment plan. I explained the plan and the side effects. In the end they trusted us.`);
    expect(story('I once had to work with a difficult family member of a patient.')).toBe('SAR');
    expect(story('I once had to work with the pharmacy to get the new dose approved by noon.')).toBe('STAR');
  });

  it('emphasis ("I can\'t tell you how many …") is no limit on the speaker; "I couldn\'t tell her when" is', () => {
    const story = (line: string) => parts(`Last year a woman asked our shop about a late parcel. ${line} I called the courier and found it. She got it the next day.`);
    expect(story("I can't tell you how many times that happens.")).toBe('SAR');
    expect(story("I couldn't tell her when it would arrive.")).toBe('STAR');
  });

  it('a limit the teller sees now ("I know I couldn\'t do it") is no task; one told of then is', () => {
    const story = (line: string) => parts(`Last year a man called our bank about a fee. ${line} I refunded the fee that afternoon. He thanked me.`);
    expect(story("I know I couldn't do a waiter's job.")).toBe('SAR');
    expect(story("I couldn't refund it myself.")).toBe('STAR');
  });

  it('the speaker\'s own words offering to do it ("I can fix it right now") are a commitment: the Task', () => {
    const story = (line: string) => parts(`Last month a customer called our billing line, angry about a receipt. I said, "${line}" I created a new receipt and emailed it. She hung up happy.`);
    expect(story("I'm sorry about the error, but I can fix it right now.")).toBe('STAR');
    expect(story('I can see that, and I am sorry.')).toBe('SAR');
  });

  it('an urge ("What I wanted to say was …", "I wanted to scream") is no task; a wish to get something done is', () => {
    const story = (line: string) => parts(`Last week a customer called about an overdue bill. ${line} I told him again that it was still overdue. He paid it that day.`);
    expect(story('What I wanted to say was, "Yes, it is overdue!"')).toBe('SAR');
    expect(story('I wanted to scream.')).toBe('SAR');
    expect(story('I wanted to get the bill settled before the weekend.')).toBe('STAR');
  });

  it('a problem that is only the customer\'s is no task', () => {
    expect(parts('Last winter a man\'s prescription went missing at our pharmacy, so I phoned his doctor and had it ready. He still asks for me.')).toBe('SAR');
  });

  it('a responsibility stated inside the Situation of a YAML answer is the task, and the situation stays', () => {
    const yaml = 'situation: I was a junior analyst at a logistics firm, and I was responsible for the monthly cost report.\naction: I told the director early and sent the key figures first.\nresult: She thanked me and her meeting went ahead.\n';
    expect(parts(yaml, 'yaml')).toBe('STAR');
  });

  it('an obligation of the speaker\'s in a coordinated clause ("... and had to rent a car") is a task', () => {
    expect(parts('Last spring I flew home for a family emergency and had to rent a car. At the desk the clerk told me there were none left. She called another branch and had one driven over.')).toMatch(/^ST/);
  });
});

describe('action', () => {
  it('a conflict with no step taken has no action', () => {
    expect(parts('At my last job two of us had to present one design. We disagreed about everything. But by the end we were getting along fine.')).toBe('STR');
  });

  it('notes with no subject ("Walked the floor together.") are the speaker\'s steps', () => {
    const r = roles('Warehouse, night shift, spring 2021. My part: stop the blame. Asked Marco for a coffee. Walked the floor together. After that the returns stopped.');
    expect(r).toEqual(['situation', 'task', 'action', 'action', 'result']);
  });

  it('told as the customer, the server\'s steps are the action and the teller\'s own are not', () => {
    const r = roles('I was a customer at a small bakery last March, and I went to collect a cake that had gone missing. The owner sat me down and promised to fix it. She decorated a new cake herself. I have ordered every cake there since.');
    expect(r).toEqual(['situation', 'action', 'action', 'result']);
  });

  it('told as the customer, what the speaker asked for is their stated need: the Task', () => {
    const text = 'Last month I was a customer at a hardware store. After I paid for the bulb, I asked whether someone could help me fit it. A clerk came out and fitted it for me. I have shopped there ever since.';
    expect(parts(text)).toBe('STAR');
    // and the explanation names the words
    expect(analyze(parseAnswer(text, 'text'), rubric).sentences[1].why).toMatch(/^what you asked for \("I asked whether someone"\)/);
    // told by the one serving, asking the customer is a step, not a need of theirs
    expect(parts('Last month I worked at a hardware store. A customer came in with a broken lamp. I asked him when it broke and fixed the switch. He has shopped there ever since.')).toBe('SAR');
  });

  it('before any step, the speaker\'s aim achieved ("I was able to find …") is the step itself, and the reaction after it the Result', () => {
    const text = 'Last week a woman came in looking for jewellery for her bridal party. Because I know our stock well, I was able to find the right pieces for all six bridesmaids. She was very pleased.';
    expect(roles(text)).toEqual(['situation', 'action', 'result']);
    expect(analyze(parseAnswer(text, 'text'), rubric).sentences[1].why).toBe('your step, told as done ("I was able to find")');
    // after a step, it is the outcome
    expect(roles('Last week a woman came in looking for a ring. I checked the back room. I was able to find the one she wanted.')).toEqual(['situation', 'action', 'result']);
  });

  it('told as the customer, what the speaker came for ("I stopped at the store to mail a package") is their stated need: the Task', () => {
    const text = 'A few weeks ago I stopped at a UPS store to mail a package. The clerk printed the label for me and offered me a box. Then she drove my phone to my house when I left it behind. I have used that store ever since.';
    expect(parts(text)).toBe('STAR');
    expect(analyze(parseAnswer(text, 'text'), rubric).sentences[0].why).toMatch(/what you asked for \("I stopped at a/);
    // told by the one serving, going somewhere to do a thing is a step
    expect(parts('A few weeks ago I worked at a UPS store. A man came in with a torn parcel. I went to the back to find a box and repacked it. He has come back every week since.')).toBe('SAR');
  });

  it('"tried to" tells a step, not the Task', () => {
    expect(parts('Last year I worked at a bank. A customer called, furious about a fee. I tried to calm her down and refunded the fee. She thanked me.')).toBe('SAR');
  });

  it('a duty that limits the speaker, told in a past perfect, is the Task: "I\'d been told not to leave my till"', () => {
    expect(parts("Last winter I worked in a gift shop. A woman asked me for help, but I'd been told explicitly not to leave my till. I asked my manager and walked her round the store. She bought two gifts.")).toBe('STAR');
    // "If I'd been paid ..., I could have retired" still supposes: no step in it
    expect(roles("Last year I worked on a hotline. I calmed angry callers down. If I'd been paid for every caller I calmed, I could have retired.")[2]).toBe('closing');
  });

  it('an obstacle, a deadline or a limit the speaker stated is the Task', () => {
    // what made the work hard
    expect(parts('Last spring I nursed on a busy ward. One patient was in pain and agitated, which made it hard to examine him. I sat with him and explained each step. He calmed down and let me finish.')).toBe('STAR');
    // a deadline to meet
    expect(parts('One time I had a report due in two days, and half the figures were missing. I called each branch and filled the gaps. We sent it on time.')).toBe('STAR');
    // a limit the speaker told the customer
    expect(parts("Last year I worked at a supermarket. A woman brought back milk she had mostly drunk. I said no, you can't get another one, because the date has passed. I offered her a coupon instead. She left happy.")).toBe('STAR');
    // without them, the same stories have no Task
    expect(parts('Last spring I nursed on a busy ward. One patient was in pain and agitated. I sat with him and explained each step. He calmed down and let me finish.')).toBe('SAR');
  });

  it('a promise with a condition inside it is reported, not a hypothetical: "I promised him that if it happened again I would …"', () => {
    const r = roles('Last year I worked at a law firm. A client complained about three late replies. I answered each one and promised him that if it happened again I would call him myself. He stayed with us.');
    expect(r[2]).toBe('action');
    // the saying inside a condition is the condition's: still a hypothetical
    expect(roles('Last year I worked at a law firm. A client complained about three late replies. I answered each one. If a client told me he was unhappy, I would call him myself.')[3]).toBe('closing');
  });

  it('what a customer says to the teller does not make the teller the customer', () => {
    // ("me" in her words is no service done for the teller; nothing says where the teller works)
    const text = 'Last Sunday a woman in a beret came over to the till and said, "Excuse me, I need a price for this." Then she said, "Put it aside for me, please." I checked the price for her. She came back for it the next day.';
    const r = analyze(parseAnswer(text, 'text'), rubric);
    expect(r.sentences[2].why).toBe('your step ("checked")');
  });

  it('what a step led to, said after it with ", which", is the Result; a state so said is not', () => {
    expect(parts('Last spring I worked at a small hotel. A family with two toddlers was due at noon. I booked them a connecting room in advance, which gave them a calm start to the stay.')).toBe('SAR');
    expect(parts('Last spring I worked at a small hotel. A family with two toddlers was due at noon. I called the nursery next door, which was closed.')).toBe('SA');
  });

  it('told as the customer, what the one serving set out to do is the Task', () => {
    const story = (aim: string) => `Last month I was a customer at a print shop. My four ink cartridges had been thrown away by mistake. ${aim} He sent me to the aisle and told me to pick out new ones for free. I have gone back every month since.`;
    expect(parts(story('The technician insisted on paying for new ones.'))).toBe('STAR');
    expect(parts(story('The technician looked at the empty shelf.'))).toBe('SAR');
  });

  it('a passive made with "get" is no step: told as the customer, "they got thrown away" is not the server\'s doing', () => {
    const r = roles('Last month I was a customer at a print shop, where I had left four ink cartridges. Somehow they got thrown away. The technician gave me new ones for free. I have gone back every month since.');
    expect(r[1]).toBe('situation');
  });

  it('a passive is done to the speaker, no step of theirs', () => {
    const r = roles('Last spring I worked at a bank. A man called about a lost card while I was covering the phones. An hour later I was moved to the front desk. Then I blocked his card and ordered a new one. He thanked me.');
    expect(r).toEqual(['situation', 'situation', 'situation', 'action', 'result']);
  });

  it('a story told as the customer with no phrase that says so is read as one: the server\'s steps are the action', () => {
    const text = 'Last month I left my bike at a repair shop for a new chain. When I came back, the chain was still broken. The mechanic apologized to me and fixed it on the spot. He also gave me a free bottle of oil. I have taken my bike there ever since.';
    const r = analyze(parseAnswer(text, 'text'), rubric);
    expect(r.sentences.slice(2).map((s) => [s.part, s.why])).toEqual([
      ['action', 'their step for you ("apologized")'],
      ['action', 'their step for you ("gave")'],
      ['result', 'an outcome ("ever since")'],
    ]);
  });

  it('a server who makes "his drink" is the one serving, though the customer orders "our" coffee and redeems a voucher with "me"', () => {
    const text = 'One of the first times he came into the shop, he ordered a large latte. I forgot about his drink for twenty minutes. I made his drink and gave him a voucher he could redeem with me. The next week he ordered our daily brew.';
    const r = analyze(parseAnswer(text, 'text'), rubric);
    expect(r.sentences[2].why).toMatch(/^your step/);
  });

  it('explains an Action by the speaker\'s own step, and calls another person\'s step theirs', () => {
    const text = '## Situation\n\nLast May I ran the print room of a small college.\n\n## Action\n\nWhen the cutter jammed on Friday I fixed it myself. The engineer checked the blade.\n\n## Result\n\nThe cutter has worked since.\n';
    const r = analyze(parseAnswer(text, 'markdown'), rubric);
    expect(r.sentences.map((s) => s.part)).toEqual(['situation', 'action', 'action', 'result']);
    expect(r.sentences[1].why).toBe('under "Action": your step ("fixed")');
    expect(r.sentences[2].why).toBe('under "Action": a step in the story ("checked")');
  });

  it('after a past setting, "I would always..." is a habit of then, and its steps are actions', () => {
    const r = roles('At my previous job in a call centre, customers often called in confused about their bills. I would always walk them through each line. Most of them thanked me at the end of the call.');
    expect(r).toEqual(['situation', 'action', 'result']);
  });

  it('inline labels in plain text ("**Task:** ...") name the part', () => {
    const r = roles('**Situation:** Our export kept failing for a big client last year.\n\n**Task:** Get it working before their board meeting.\n\n**Action:** Reproduced the bug and patched it.\n\n**Result:** The export ran on time.');
    expect(r).toEqual(['situation', 'task', 'action', 'result']);
  });

  it('a story told in the present tense still has steps and an outcome', () => {
    const r = roles('So I\'m working the register at a grocery store last year, and this woman comes up furious. I call my supervisor over and I ring her items by hand. She leaves smiling.');
    expect(r).toEqual(['situation', 'action', 'result']);
  });
});

describe('result', () => {
  it('a story that stops after the actions has no result', () => {
    expect(parts('When I was a waiter, a family\'s order got lost in the kitchen. I apologized and asked the chef to rush their mains. I kept checking on them.')).toBe('SA');
  });

  it('"in the end we saved 120 hours" is the result, though "we saved" is a step', () => {
    const r = roles('At the accounting firm I was asked to automate invoicing. We mapped every manual step. In the end we saved 120 hours a month.');
    expect(r.at(-1)).toBe('result');
  });

  it('a first-person outcome ("we kept the account") is a result, not another step', () => {
    const r = roles('Last year our biggest client threatened to leave. I visited them and fixed their billing setup. We kept the account for another year.');
    expect(r).toEqual(['situation', 'action', 'result']);
  });

  it('a lesson after the story is closing, not the result', () => {
    const r = roles('Last year a client nearly cancelled. I called her every week until the line was fixed. She renewed. What I learned from it is that people want one contact.');
    expect(r.at(-1)).toBe('closing');
  });

  it('a Result section that says the outcome is unknown and gives an opinion is no result', () => {
    const md = '## Situation\nA customer asked us to hold a sofa for six weeks.\n\n## What I did\nI explained the policy and offered two options.\n\n## Result\nHonestly, I\'m not sure what she chose. My shift ended and I moved branch. I still think being clear was right.\n';
    expect(parts(md, 'markdown')).toBe('SA');
  });

  it('STAR headings over a hypothetical tell no story', () => {
    const md = '## Situation\nImagine a customer is angry about a late order.\n\n## Action\nI would listen first and apologize.\n\n## Result\nThey would feel heard.\n';
    expect(parts(md, 'markdown')).toBe('');
  });

  it('a past tense inside a condition ("if I did disagree, I would...") is no story under YAML keys', () => {
    const yaml = 'action: >\n  I guess if I did disagree with someone, I would talk to them privately.\nresult: >\n  Hopefully we would find a way forward.\n';
    expect(parts(yaml, 'yaml')).toBe('');
  });

  it('headings vary: Context, My role, Actions taken, Resolution', () => {
    const md = '## Context\nI was a night receptionist at a hostel.\n\n## My role\nKeep the guests safe.\n\n## Actions taken\n- Called the police when a guest threatened staff\n\n## Resolution\nThe police removed him and the other guests thanked me.\n';
    expect(parts(md, 'markdown')).toBe('STAR');
  });

  it('a Result section with no outcome is reported at that section', () => {
    const md = '## Situation\nA customer asked us to hold a sofa for six weeks.\n\n## What I did\nI explained the policy and offered two options.\n\n## Result\nI\'m not sure what she chose.\n';
    const f = analyze(parseAnswer(md, 'markdown'), rubric).findings.find((x) => x.rule === 'star-missing' && x.message.startsWith('Result'));
    expect(f?.message).toMatch(/^Result is missing\. Your Result section says the outcome is unknown/);
    expect(f?.line).toBe(8);
  });

  it('a combined heading ("Situation & Task") shows both parts', () => {
    const md = '## Situation & Task\nLast winter I was the only pharmacist on shift. I had to get a regular her medication before the weekend.\n\n## Action\nI called two branches and drove over to collect it.\n\n## Result\nShe had it by five and thanked me.\n';
    expect(roles(md, 'markdown')).toEqual(['situation', 'task', 'action', 'result']);
  });

  it('a Result section with an outcome is a result', () => {
    const md = '## Situation\nA customer asked us to hold a sofa for six weeks.\n\n## What I did\nI explained the policy and offered two options.\n\n## Outcome\nShe paid a deposit and came back for the sofa a month later.\n';
    expect(parts(md, 'markdown')).toBe('SAR');
  });
});

describe('star check', () => {
  it('counts a part shown inside another part\'s sentence, and says which parts are missing', () => {
    const report = analyze(parseAnswer('Last winter a man\'s prescription went missing at our pharmacy, so I phoned his doctor and had it ready. He still asks for me.', 'text'), rubric);
    expect(report.star.situation.words).toBeGreaterThan(0);
    expect(report.star.action.words).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.rule === 'star-missing').map((f) => f.message)).toEqual([expect.stringMatching(/^Task is missing/)]);
  });

  it('a hypothetical answer is told to describe one real time', () => {
    const report = analyze(parseAnswer('If a customer complained, I would listen first. Then I would apologize.', 'text'), rubric);
    const f = report.findings.find((x) => x.rule === 'star-no-story');
    expect(f?.message).toMatch(/^No story: "I would" says what you would do/);
    expect(f?.line).toBe(1);
    expect(f?.column).toBe(27);
  });

  it('a habit answer is told it describes what the speaker usually does', () => {
    const report = analyze(parseAnswer('I always repeat the problem back before I fix anything.', 'text'), rubric);
    expect(report.findings.find((x) => x.rule === 'star-no-story')?.message).toMatch(/"I always" says what you usually do/);
  });
});

describe('headings that name no part, or name one in other words', () => {
  it('more heading wording: Where I was, What I was responsible for, Steps I took, How it turned out', () => {
    const md = '## Where I was\nLast summer I ran the front desk at a small gym.\n\n## What I was responsible for\nKeeping members happy while the card reader was down.\n\n## Steps I took\nI took payments by bank transfer and rang the card company.\n\n## How it turned out\nNobody cancelled that month.\n';
    expect(parts(md, 'markdown')).toBe('STAR');
  });

  it('short headings (Setup, Did, Fix) name a part on their own but not inside a longer heading', () => {
    expect(parts('## Setup\nA customer\'s laptop repair was two weeks late.\n\n## Fix\nI called the workshop and lent her a spare.\n\n## Outcome\nShe got hers back on Friday and still comes to us.\n', 'markdown')).toBe('SAR');
    const doc = buildDocument(parseAnswer('## What did the customer want\nA refund.\n\n## Action\nI gave her one.\n', 'markdown'), rubric);
    expect(doc.sections.map((s) => s.declared)).toEqual([undefined, 'action']);
  });

  it('a section whose heading names no part is read like plain text, not dropped', () => {
    const md = '## Situation\nA member was charged twice in March.\n\n## How I dealt with it\nI refunded the member and rang the bank.\n\n## Result\nShe renewed for another year.\n';
    expect(roles(md, 'markdown')).toEqual(['situation', 'action', 'result']);
  });

  it('"What happened" is the situation at the start and the result at the end', () => {
    const md = '## What happened\nA parcel went missing two days before a wedding.\n\n## Action\nI traced it with the courier and drove it over myself.\n\n## What happened\nIt arrived the night before and the bride sent us flowers.\n';
    expect(roles(md, 'markdown')).toEqual(['situation', 'action', 'result']);
  });

  it('an unlabelled section can give the action of a story told as the customer ("What she did")', () => {
    const md = '## Situation\nI was a customer at a phone shop last year and my new phone would not turn on.\n\n## What the assistant did next\nThe assistant swapped it on the spot and moved my data across.\n\n## Result\nI have bought every phone there since.\n';
    expect(parts(md, 'markdown')).toBe('SAR');
  });

  it('text before the first heading is read like plain text: a story there is the situation, an intro is not', () => {
    const md = 'Last spring a tenant\'s boiler broke on a Friday night.\n\n## What I did\nI rang three engineers and found one who could come that evening.\n\n## Result\nThe heating was back by ten.\n';
    expect(roles(md, 'markdown')).toEqual(['situation', 'action', 'result']);
    const intro = 'Happy to share one. I\'ve managed a café for six years.\n\n## Situation\nLast June our coffee machine broke before the morning rush.\n\n## Action\nI borrowed one from the bakery next door.\n\n## Result\nWe served every order.\n';
    expect(roles(intro, 'markdown').slice(0, 2)).toEqual(['opening', 'opening']);
  });

  it('an intro section with no past stays out of the story', () => {
    const md = '## A bit about me\nI\'ve worked in hospitality for ten years.\n\n## Situation\nLast June a wedding cake was dropped in our kitchen.\n\n## Action\nI called a bakery across town and collected a new cake.\n\n## Result\nThe couple cut it on time.\n';
    expect(roles(md, 'markdown')[0]).toBe('opening');
  });
});

describe('a remark to the listener', () => {
  it('"Let me explain." is neither a step nor a task, and says so', () => {
    const text = 'Last spring our unit was short of nurses every weekend. Let me explain. I rang three agencies and built a shared rota. Nobody worked a double shift after that.';
    const r = analyze(parseAnswer(text, 'text'), rubric);
    expect(r.sentences[1]).toMatchObject({ text: 'Let me explain.', why: 'a remark to the listener' });
    expect(r.star.task.present).toBe(false);
  });
});

describe('tasks stated as a commitment or ownership', () => {
  it.each([
    ['a promise in the future tense', 'Last week a client rang about a late refund. I told her I\'ll ring back myself before five. I chased billing and pushed it through.'],
    ['a promise made for the customer', 'A man came in on a Sunday needing a suit taken in for a funeral. I told him he was not going to leave without it. I pinned it and stitched it after closing.'],
    ['a promise about the customer', 'A woman came in on a Saturday needing a dress hemmed for a wedding. I assured her she wouldn\'t be turned away. I hemmed it during my lunch.'],
    ['owning the problem', 'Our shared inbox filled up with unanswered complaints last spring. I took it as mine to fix. I sorted them by age and answered the oldest first.'],
    ['a duty on the speaker', 'A guest lost her passport during my shift last year. It was all on me to get her to the embassy. I booked a cab and phoned the consulate.'],
    ['a promise to oneself', 'A patient missed three appointments in a row last year. I promised myself that she would not slip through again. I rang her and learned she had no transport.'],
    ['a promise with no object', 'A pensioner\'s heating quote went missing last winter. I said I\'d get it to her by Friday. I rang the surveyor and drove it round myself.'],
    ['a refusal to let it drop', 'A pensioner\'s heating quote went missing last winter. I wasn\'t going to let her wait another week. I rang the surveyor and drove it round myself.'],
    ['a duty put on the speaker', 'A pensioner\'s heating quote went missing last winter. Getting it to her was down to me. I rang the surveyor and drove it round myself.'],
    ['an obstacle: trouble doing something', 'Last winter I was setting up a new router for a client. I was having trouble getting it to connect to her old modem. I rang the supplier and swapped the cable.'],
    ['a need to meet', 'Last spring a school ordered forty shirts from our print shop. We needed a second press by Friday. I borrowed one from a friend and ran both overnight.'],
    ['a rule that says what it allows, limited', 'Last spring a customer demanded a refund for a kettle. Our policy said refunds were only given with a receipt. I checked our records and found her purchase.'],
  ])('%s is the task', (_why, text) => {
    expect(parts(text)).toBe('STA');
  });

  it.each([
    ['what the business will not do, said by the speaker', 'Last June a farmer asked me to bring a sofa out to his farm. I said, "We don\'t usually do deliveries, but let me see." I borrowed a van after my shift.'],
    ['an aim stated mid-sentence', 'Last month I forgot a regular\'s latte for twenty minutes. I made it at once and added a voucher for a free drink, just to try to make up for my mistake.'],
    ['a thing the speaker wanted, as the customer', 'Last May I was visiting my aunt in a small town. I wanted a copy of an old photo of hers. The clerk at the pharmacy made the copies himself and rang me when they were ready.'],
    ['the speaker\'s own promise in dialogue', 'Last spring a man brought in a laptop whose drive had died out of warranty. I told him, "Look, I\'m on your side. I\'ll ask around and push for a free repair." I rang the regional office twice.'],
    ['an offer to see what can be done', 'One day last June an older couple asked about a sofa they could not carry home. Me: "We don\'t deliver, but let me see what I can do." I borrowed the van after my shift.'],
    ['a policy that states a limit (the tagger reads "policy states" as two nouns)', 'Last spring a customer demanded a refund for a kettle. Our policy states that refunds are only given with a receipt. I checked our records and found her purchase.'],
    ['someone else refusing what the speaker needed', 'Last spring a customer bought shoes from a seller on our site. The seller refused to take them back. I showed them the return terms and got her a refund.'],
    ['someone else not letting it happen', 'Last winter a man came in with his dog. Security wouldn\'t let the dog stay in the waiting room. I found him a seat by the door and served him there.'],
    ['a purpose with "in order to"', 'Last winter a pensioner\'s boiler quote went missing. I rang the surveyor in order to get it to her by Friday.'],
  ])('%s is the task', (_why, text) => {
    expect(parts(text)).toContain('T');
  });

  it.each([
    ['an attitude after "can\'t"', 'Last spring a regular came in for her usual order. I still can\'t believe she remembered my name. I made her coffee and we chatted.'],
    ["the customer's wish, in his quoted words", 'Last week a father brought his son to our ward. He told me about his day and said, "There is no other place we want to bring our son." I found them a quiet room.'],
    ["a wish denied in someone else's quoted words", 'Last week a regular came in for his usual coffee. He joked, "I don\'t want to overload your brain with new words." I made his coffee.'],
    ["the customer's aim, in her quoted words", 'Last week a woman came to my till with a book. She said, "I\'m trying to work out how much this is with tax." I checked the price and rang it up.'],
    ['an exclamation before any step', 'Last Friday a man came in asking for a table for six. He shouted at the host. Remember! I found a table in the back and seated them.'],
    ['a refusal done to the customer, not by anyone in the way', 'Last week a man came in because his card got declined at the grocery store. I checked his account and found the hold. He thanked me.'],
    ['a fault owned, with no aim (blame is not a duty)', 'Last winter a man called about his cable. It was our fault his cable was out. I explained that a branch had fallen and sent a truck out.'],
    ["the customer's need, in a labelled line of dialogue", 'Last winter I took calls for a gas company during an ice storm.\nThe customer: "Your driver still isn\'t here! I had to take the whole day off for this!"\nMe: "I\'m sorry, sir."\nI rang the branch and the driver arrived within the hour.'],
  ])('%s is no task', (_why, text) => {
    expect(parts(text)).not.toContain('T');
  });

  it('a commitment inside a YAML situation is the task', () => {
    const yaml = 'situation: Our clinic\'s booking system went down on a Monday, and I\'d promised the manager I would keep the waiting room moving.\naction: I wrote the appointments on paper and called the patients who were due.\nresult: Nobody missed an appointment and the manager thanked me.\n';
    expect(parts(yaml, 'yaml')).toBe('STAR');
  });
});

describe('opinions, hypotheticals and general statements are no parts', () => {
  it('an opinion with present-tense conditionals tells no story, even after a lesson from a past job', () => {
    expect(parts('To me, service is about keeping promises. I learned that at my first job at a call centre. If I say I will ring back on Tuesday, I ring back on Tuesday. If I can\'t solve something, I say so. Customers always remember that.')).toBe('');
  });

  it('a past reading and then rules with "if" tell no story', () => {
    expect(parts('Customer service is about trust. Years ago I read that customers forgive mistakes but not silence, and it stuck with me. If a delivery is late, I call before they do. If I get something wrong, I say so.')).toBe('');
  });

  it('a routine in the present with one stray past ("so they know I heard them") tells no story', () => {
    expect(parts('When a customer calls with a problem, I listen first. Then I repeat it back so they know I heard them. I fix it or find someone who can. They usually hang up happy.')).toBe('');
  });

  it('an opinion with a couple of asides in the past tells no story, while three events told do', () => {
    expect(parts('I have been working in customer service since I first got a job. First I took a job as a waitress, and now I am a cashier in a grocery store. There are times when I can\'t stand it. Working in customer service teaches you life skills. I have learned how to be patient. I have learned humility.')).toBe('');
    expect(parts('Last winter a patient on my ward was scared of her operation. I sat with her for a while, explained each step and asked the surgeon to see her. She went in calm.')).toMatch(/^S.*A/);
  });

  it('a present passive or perfect after a contraction ("when they\'re heard", "she\'s gone") is no step', () => {
    expect(parts('Right now I work as a host at a coffee shop. There\'s nothing like being the person on the other side of the counter. When you ask how their day is going, you never know what you\'ll get. Compliments are best when they\'re heard, so speak up!')).toBe('');
    expect(parts('I work at a coffee shop. Last Monday a regular was upset. She told me her dog had died, so I made her drink on the house. She thanked me.')).toMatch(/A/);
  });

  it('a short opening phrase led by a verb ("Put another way,") is neither a step nor the task', () => {
    expect(roles('Last year I worked at a bank. Put another way, these are experiences that stay in your memory.')).toEqual(['situation', 'situation']);
    expect(roles('Last year I worked at a bank. Called the branch, asked for the manager.')).toEqual(['situation', 'action']);
  });

  it('an outcome cue done by the speaker ("when I came back", "I recommended") is no outcome, unless the speaker is the customer', () => {
    expect(roles('Last May I worked at a shop. A customer\'s order was lost. When I came back nobody had told me anything, so I called the depot.')).toEqual(['situation', 'situation', 'action']);
    expect(roles('Last May I worked at a shop. A customer\'s order was lost. I called the depot and found it. She came back the next week and thanked me.')).toEqual(['situation', 'situation', 'action', 'result']);
  });

  it('a definition with a past inside a clause is no situation', () => {
    expect(parts('Customer service means that when someone called with a problem, they got a real answer. It is the difference between a customer who stays and one who leaves.')).toBe('');
  });

  it.each([
    ['text', 'Service is how people felt when they left your shop. Good service is fast and friendly.'],
    ['text', 'Great customer service is when someone went out of their way for you. That is what it means to me.'],
    ['yaml', 'situation: Customer service means helping people who came to you with a problem.\naction: I listen and I fix what I can.\nresult: People leave happier.\n'],
    ['markdown', '## Situation\nGood service is about people who trusted you with a problem.\n\n## Action\nI always listen.\n\n## Result\nCustomers come back.\n'],
  ] as const)('a definition whose past is inside a clause is no situation (%s)', (format, text) => {
    expect(parts(text, format)).toBe('');
  });

  it('a story after a present-tense scene ("The shop is on a corner and last May...") is still told', () => {
    expect(parts('The shop is on a busy corner and last May a courier dropped a parcel in the rain. I dried the contents and rang the customer. She thanked me.')).toBe('SAR');
  });

  it('YAML action and result written as "I would" and "Hopefully we\'d" are neither', () => {
    const yaml = 'situation: At my last job, customers sometimes got angry about delivery fees.\naction: When they got angry I would just let them talk and then offer a voucher.\nresult: Hopefully we\'d keep them as customers.\n';
    expect(parts(yaml, 'yaml')).toBe('S');
  });

  it('after a recurring scene told in the past, an Action section of "I would …" is the habit of then: the action', () => {
    const md = '## Situation\nWhen I worked at a ski rental shop, I fitted boots. Customers would ask for a size bigger than the one I recommended.\n\n## Action\nI would explain why a loose boot hurts, and do my best to convince them to try the smaller size.\n\n## Result\nMost of them came back to thank me.\n';
    expect(roles(md, 'markdown')).toEqual(['situation', 'situation', 'action', 'result']);
  });

  it('an Action section of habits is no action, including the sentence after the habit', () => {
    const md = '## Situation\nLast year a customer shouted at me over a late delivery.\n\n## Action\nI always stay calm when customers get upset. I let them talk.\n\n## Result\nIt usually works out.\n';
    expect(roles(md, 'markdown')).toEqual(['situation', 'closing', 'closing', 'closing']);
  });

  it('a Result section of hopes is no result', () => {
    const md = '## Situation\nLast June a wedding cake was dropped in our kitchen.\n\n## Action\nI called a bakery across town and collected a new cake.\n\n## Result\nHopefully they\'d book with us again. I would like to think so.\n';
    expect(parts(md, 'markdown')).toBe('SA');
  });

  it('a habit section followed by a step taken once keeps the step', () => {
    const md = '## Situation\nLast year a customer shouted at me over a late delivery.\n\n## Action\nI always stay calm. That day I called the depot and found the van.\n\n## Result\nShe had the parcel by six.\n';
    expect(parts(md, 'markdown')).toBe('SAR');
  });
});

describe('a result with no action told', () => {
  it.each([
    'Last Christmas a boy came in for a toy we had sold out of. In the end his dad left with the last one, delighted.',
    'A bride\'s dress arrived the wrong size two days before her wedding. Eventually she walked down the aisle in it and sent us a photo.',
    'Our biggest client threatened to cancel last spring. In the end they signed on for another two years.',
    'A pensioner\'s heating quote went missing last winter. As a result of all that, her boiler was fitted before Christmas.',
    'A pensioner\'s heating quote went missing last winter. By the weekend her heating was on.',
  ])('an outcome that opens a sentence is the result: %s', (text) => {
    expect(parts(text)).toBe('SR');
  });

  it('"Eventually I called..." is still a step, not an outcome', () => {
    expect(roles('Last spring a courier lost a customer\'s order. Eventually I called the depot myself and had them search the van.')).toEqual(['situation', 'action']);
  });
});

describe('a gap inside the story', () => {
  it('reads a line with no past verb between story sentences as part of the story, not as after it', () => {
    const text = 'Last spring a customer brought in a bike with a seized chain. I tried every tool on the bench. It would not move. Then I soaked it overnight and freed it the next morning.';
    expect(roles(text)).toEqual(['situation', 'action', 'action', 'action']);
  });

  it('reads a line of dialogue after the steps as part of the action', () => {
    const text = 'One night a guest called the front desk about a broken heater. I went up with a spare heater. "Is this better?" I asked him. He slept well and thanked me at checkout.';
    expect(roles(text)).toEqual(['situation', 'action', 'action', 'action', 'result']);
  });

  it('keeps a lesson told between two parts of the story as commentary', () => {
    const text = 'Last year a customer was double charged at my till. So I apologised and refunded the second charge. I always check the receipt twice. She thanked me and came back the next week.';
    expect(roles(text)).toEqual(['situation', 'action', 'closing', 'result']);
  });
});

describe('a state is no step', () => {
  it('does not read a passive with an adverb inside ("was still broken") as a step of the story', () => {
    const text = 'Last spring a customer brought in a bike with a seized chain. I tried every tool on the bench. The chain was still broken. So I ordered a new one.';
    const { sentences } = analyze(parseAnswer(text, 'text'), rubric);
    expect(sentences[2].why).not.toMatch(/step/);
    expect(sentences[3].why).toBe('your step ("ordered")');
  });
});

describe('told as the customer, or not', () => {
  it('does not read a server\'s story as the customer\'s because the customer thanked the speaker twice', () => {
    const text = 'I was on the phone with a customer who wanted a blender we had run out of. They thanked me for my time and said they would look elsewhere. I asked them what they needed it for and found them a better model. They thanked me again and left a 5-star review.';
    const { sentences } = analyze(parseAnswer(text, 'text'), rubric);
    expect(sentences[2].why).toBe('your step ("asked")');
  });

  it('does not count "it was our fault" as a service done for the speaker', () => {
    const text = 'A man called about his cable. It was our fault his cable was out. He kept cutting me off and calling me names. I explained that a branch had fallen and sent a truck out.';
    expect(analyze(parseAnswer(text, 'text'), rubric).sentences[3].why).toBe('your step ("explained")');
  });

  it('does not read a server\'s story as the customer\'s when the speaker says they are in customer service or on a day off', () => {
    const story = 'a man called about his cable. He kept cutting me off and calling me names, and he told me to fix it. I explained that a branch had fallen and sent a truck out.';
    const why = (text: string) => analyze(parseAnswer(text, 'text'), rubric).sentences.find((s) => s.text.startsWith('I explained'))?.why;
    expect(why(`During my short time in customer service, ${story}`)).toBe('your step ("explained")');
    expect(why(`On my day off, ${story}`)).toBe('your step ("explained")');
    // the rubric's signs of a job hold in every form: "my managers", "I was working the late shift"
    expect(why(`My managers always backed us up. ${story}`)).toBe('your step ("explained")');
  });
});

describe('told as the customer: the customer\'s own words', () => {
  it('does not count the customer\'s quoted thanks as a service done for the speaker, and "my whole shift" says who serves', () => {
    const story = 'Last week an elderly customer lost her glasses in produce. She was anxious. I helped her retrace her steps and we found them. She hugged me and said, "You saved me, you really did!" She told me she would come back.';
    const why = (text: string) => analyze(parseAnswer(text, 'text'), rubric).sentences.find((s) => s.text.startsWith('I helped'))?.why;
    expect(why(`A regular came in and said, "You found me a parking spot last week!" ${story}`)).toBe('your step ("helped")');
    expect(why(`It was the best part of my whole shift. ${story.replace(' and said, "You saved me, you really did!"', '')} She remembered me by name. She thanked me twice.`)).toBe('your step ("helped")');
  });

  it('reads "we worked our way through" as no job: a story told as the customer stays one', () => {
    const text = 'My router died last October. A technician named Joseph picked up my call. He told me to unplug the modem. He walked me through every setting. As we worked our way through the list, he found the fault. He sent me a new router the next day.';
    expect(analyze(parseAnswer(text, 'text'), rubric).sentences.at(-1)?.why).toBe('their step for you ("sent")');
  });

  it('does not read the customer\'s "our server", in their line of dialogue, as the speaker being the customer', () => {
    const text = 'Last night I was waiting tables at a steakhouse. A man at table six waved me over.\nCustomer: "I would like to ask that she be our server next week."\nI thanked him and told my manager.';
    expect(analyze(parseAnswer(text, 'text'), rubric).sentences[3].why).toBe('your step ("thanked")');
  });
});

describe('an outcome under way as the story ends', () => {
  it("reads a particular person's doing in the present progressive after the steps as the result", () => {
    const text = 'Last month our dishwasher rack broke, so I called the maker. The agent checked my warranty and said it had run out. She found a way round it anyway. Sharon is sending me a new rack for free.';
    expect(roles(text).at(-1)).toBe('result');
  });

  it('keeps a general remark in the present progressive as commentary', () => {
    const text = 'Last month a customer shouted at me over a late order. I listened, apologised and rebooked the courier. There is usually a reason why someone is being difficult.';
    expect(roles(text).at(-1)).toBe('closing');
  });
});

describe('the task is in story time', () => {
  it('does not read the teller\'s present aim in a story told in the past as the task', () => {
    expect(parts('Last week a lady lost her glasses in our store. I want to shout out moments like this one. I helped her retrace her steps. She thanked me and left happy.')).toBe('SAR');
  });

  it('still reads a past aim, and a rule stated in the present, as the task', () => {
    expect(parts('Last week a lady lost her glasses in our store. I wanted to find them before we closed. I helped her retrace her steps. She thanked me and left happy.')).toBe('STAR');
    expect(parts('Last week a lady asked me to hold a coat for her. Technically we don\'t offer holds. I asked my supervisor and kept it for her. She thanked me and left happy.')).toBe('STAR');
  });
});

describe('British spellings', () => {
  it('reads "I apologise" as a present, not a past: an opinion in British English says it tells no event', () => {
    const { sentences } = analyze(parseAnswer('Good service means owning the problem. When a guest complains, I apologise, I listen and I prioritise a fix.', 'text'), rubric);
    expect(sentences[1].why).toBe('no story: no event told in the past');
  });
});

describe('a story told in the present', () => {
  it('opens on the time it is about: "This particular night I\'m alone on the floor"', () => {
    expect(parts("I'm a waitress at a busy diner. This particular night I'm alone on the floor, and a table of ten walks in. I seat them and take every order myself. They leave a big tip.")).toBe('SAR');
  });
});

describe('a step in a story told in the present', () => {
  it('reads "I bring him a chair" as a step, though its verb ends in -ing', () => {
    const { sentences } = analyze(parseAnswer("So last week I'm at the register and a man starts shouting about a refund. I bring him a chair and I call my manager. He calms down and thanks me.", 'text'), rubric);
    expect(sentences[1].why).toBe('your step ("bring")');
  });
});

describe('a promise of a fact', () => {
  it('does not read "I promised him it was fresh" as a commitment, but keeps a promise of what was to come', () => {
    const story = (line: string) => `Last week a man picked up a chicken order at our deli. He said it was old. ${line} He took the box and left.`;
    expect(parts(story('I promised him it was fresh.'))).toBe('SAR');
    expect(parts(story('I promised him I could cook a fresh one in ten minutes.'))).toBe('STAR');
  });
});

describe('steps told as the means of an outcome', () => {
  it('reads "By listening … and explaining …, I was able to …" as the steps and their result', () => {
    expect(parts('Last spring a customer had a problem with a kettle she had bought from us. By actively listening to her and explaining our return policy, I was able to resolve the issue and keep her business.')).toBe('SAR');
  });

  it('does not read "as a customer service representative" as a story told by the customer', () => {
    const text = 'I have worked as a customer service representative for years. Last spring a customer had a problem with a kettle. By listening to her and explaining our policy, I was able to resolve it.';
    expect(parts(text)).toBe('SAR');
  });
});

describe('an opinion with a question or a supposition in it', () => {
  it('reads a past inside a condition as no event: "if a company delivers what I ordered, that\'s service" opens, the story starts after it', () => {
    const story = 'Last week my parcel arrived damaged. I called the shop and they sent a new one the next day.';
    expect(roles(`I shop a lot online, so if a company delivers what I ordered, on time, that's service. ${story}`)[0]).toBe('opening');
    // a past after the condition's comma is told: "if you're wondering, yes, I did have one"
    expect(roles(`If you're wondering, yes, I did have a difficult customer last week. ${story}`)[0]).toBe('situation');
  });

  it('tells no story on a question to the listener or a hypothetical with a past inside it', () => {
    const text = 'Customer service means different things to different people. Ever heard of "service with a smile"? You wouldn\'t want the driver who took you to the airport to fly your plane. Everybody has a job. When a new boss took over our chain, he said that only two jobs mattered. That holds for any business.';
    expect(parts(text)).toBe('');
  });
});
