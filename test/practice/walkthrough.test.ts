import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/cli/check.js';
import { parseDraft, renderDraft, type Draft } from '../../src/practice/draft.js';
import { Chalk } from 'chalk';
import { brief, practice, PracticeUsageError, speakingRange, type Ask, type PracticeSetup, type Step } from '../../src/practice/walkthrough.js';
import { RubricRegistry } from '../../src/rubric/registry.js';
import { selectRubric } from '../../src/rubric/select.js';

const registry = new RubricRegistry();
const rubric = registry.get('customer-service');
const rubricFor = (q: string) => registry.get(selectRubric(q, registry.all(), 'customer-service'));

const OPENING = 'Customer service means leaving every customer better off than they came, and that is what your store is known for.';
const SITUATION = 'Last winter I was on the help desk at a small internet provider when an outage took down our biggest client.';
const TASK = 'I had to get them back online before their shop opened.';
const ACTION = 'I called the vendor, read the router logs and found the failed card.\nI explained each step to the owner and kept her updated every ten minutes.';
const RESULT_NO_NUMBER = 'The shop opened on time and the owner was happy.';
const RESULT = 'The shop was back online in 40 minutes and renewed its contract for two years.';

type Reply = unknown | ((step: Step) => unknown);

/** A scripted ask(): answers steps in order and records them; fails the test on a step it did not expect. */
function scripted(replies: Reply[]) {
  const steps: Step[] = [];
  const ask = (async (step: Step) => {
    steps.push(step);
    if (!replies.length) throw new Error(`unscripted step: ${step.kind}`);
    const reply = replies.shift();
    return typeof reply === 'function' ? (reply as (s: Step) => unknown)(step) : reply;
  }) as Ask;
  return { ask, steps, left: () => replies.length };
}

function harness(replies: Reply[], existing: string[] = []) {
  const script = scripted(replies);
  const said: string[] = [];
  const drafts: string[] = [];
  const written = new Map<string, string>();
  let discarded = false;
  const deps = {
    ask: script.ask,
    say: (t: string) => void said.push(t),
    saveDraft: (markdown: string) => void drafts.push(markdown),
    discardDraft: () => void (discarded = true),
    exists: (p: string) => existing.includes(p) || written.has(p),
    writeAnswer: (p: string, text: string) => void written.set(p, text),
    random: () => 0.99,
    color: false,
    // wide enough that no message is wrapped: the tests below look for whole messages (wrapping has its own tests)
    width: 1000,
  };
  return { deps, script, said, drafts, written, discarded: () => discarded };
}

const setup = (over: Partial<PracticeSetup> = {}): PracticeSetup => ({ rubrics: registry.all(), rubricFor, ...over });

/** Text, then keep, for each part from `parts` on. */
const typeAndKeep = (...texts: string[]) => texts.flatMap((t) => [t, 'keep']);

describe('practice walkthrough: question pick', () => {
  it('asks which question from the rubric bank and walks every part in STAR order', async () => {
    const h = harness(['1', ...typeAndKeep(OPENING, SITUATION, TASK, ACTION, RESULT), 'answer.md']);
    const out = await practice(setup(), h.deps);
    const pick = h.script.steps[0];
    expect(pick.kind).toBe('question');
    const bank = registry.all().flatMap((r) => r.questions);
    expect(pick.kind === 'question' && pick.choices.map((c) => c.name)).toEqual(bank);
    const textSteps = h.script.steps.filter((s) => s.kind === 'text').map((s) => (s.kind === 'text' ? s.part : ''));
    expect(textSteps).toEqual(['opening', 'situation', 'task', 'action', 'result']);
    expect(out.markdown.split('\n')[0]).toBe(`# ${bank[1]}`);
    expect(h.written.get('answer.md')).toBe(out.markdown);
    expect(h.discarded()).toBe(true);
    expect(h.script.left()).toBe(0);
  });

  it('takes --question N, --question TEXT and --random without asking', async () => {
    const byNumber = harness([...typeAndKeep(OPENING, SITUATION, TASK, ACTION, RESULT), 'a.md']);
    // with --rubric, the numbers count that rubric's questions
    expect((await practice(setup({ rubric, question: '3' }), byNumber.deps)).markdown).toContain(`# ${rubric.questions[2]}`);
    const byText = harness([...typeAndKeep(OPENING, SITUATION, TASK, ACTION, RESULT), 'b.md']);
    expect((await practice(setup({ question: 'Why do you want to work in customer service?' }), byText.deps)).markdown).toContain('# Why do you want to work in customer service?');
    const random = harness([...typeAndKeep(OPENING, SITUATION, TASK, ACTION, RESULT), 'c.md']);
    const bank = registry.all().flatMap((r) => r.questions);
    expect((await practice(setup({ random: true }), random.deps)).markdown).toContain(`# ${bank[bank.length - 1]}`);
    for (const h of [byNumber, byText, random]) expect(h.script.steps.some((s) => s.kind === 'question')).toBe(false);
  });

  it('refuses a question number outside the list', async () => {
    await expect(practice(setup({ rubric, question: '99' }), harness([]).deps)).rejects.toThrow(PracticeUsageError);
    await expect(practice(setup({ rubric, question: '0' }), harness([]).deps)).rejects.toThrow(/from 1 to/);
  });

  it('briefs on pillars, STAR shape and length before the first part', async () => {
    const h = harness(['0', ...typeAndKeep(OPENING, SITUATION, TASK, ACTION, RESULT), 'a.md']);
    await practice(setup(), h.deps);
    const briefing = h.said[0];
    expect(briefing).toContain('Situation → Task → Action → Result');
    expect(briefing).toContain('Empathy');
    expect(briefing).toMatch(/150–300 words/);
    expect(h.said.join('\n')).toContain(`Example: ${rubric.star.situation.example}`);
  });
});

describe('practice walkthrough: nudges after each part', () => {
  const nudgeAfter = (said: string[], marker: string) => {
    const i = said.findIndex((s) => s.includes(marker));
    return said[i + 1] ?? '';
  };

  it('asks to quantify a Result with no number, and not one with a number', async () => {
    const h = harness(['0', ...typeAndKeep(OPENING, SITUATION, TASK, ACTION), RESULT_NO_NUMBER, 'rewrite', RESULT, 'keep', 'a.md']);
    const out = await practice(setup(), h.deps);
    const nudges = h.said.filter((s) => s.includes('→') || s.includes('✓ Nothing to fix'));
    expect(nudges.at(-2)).toContain('Can you quantify it?');
    expect(nudges.at(-1)).not.toContain('Can you quantify it?');
    expect(out.markdown).toContain(RESULT);
    expect(out.markdown).not.toContain(RESULT_NO_NUMBER);
    expect(nudgeAfter(h.said, 'Step 5 of 5')).toContain('Can you quantify it?');
  });

  it('flags an Action told with "we", and jargon only in the part that has it', async () => {
    const weAction = 'We called the vendor. We checked the logs. We swapped the card and we leveraged the backup line.';
    const h = harness(['0', ...typeAndKeep(OPENING, SITUATION, TASK, weAction, RESULT), 'a.md']);
    await practice(setup(), h.deps);
    const actionNudge = h.said.find((s) => s.includes('"we"'))!;
    expect(actionNudge).toMatch(/say what you did yourself/);
    expect(actionNudge).toContain('"leveraged" is jargon');
    // the Result's nudge does not repeat the Action's jargon
    expect(h.said.filter((s) => s.includes('→ "leveraged" is jargon'))).toHaveLength(1);
  });

  it('says when the setup runs long', async () => {
    const long = `${SITUATION} ${'The office was busy and the phones rang all morning while customers waited in a queue that went out the door. '.repeat(6)}`;
    const h = harness(['0', ...typeAndKeep(OPENING, long, TASK, ACTION, RESULT), 'a.md']);
    await practice(setup(), h.deps);
    expect(h.said.some((s) => /The setup \(Situation and Task\) is \d+ words/.test(s))).toBe(true);
  });
});

describe('practice walkthrough: keep, rewrite, add to', () => {
  it('rewrite replaces the part; add to appends; nudges run again each time', async () => {
    const h = harness(['0', ...typeAndKeep(OPENING, SITUATION), 'I had to fix it.', 'rewrite', TASK, 'add', 'And keep the owner calm.', 'keep', ...typeAndKeep(ACTION, RESULT), 'a.md']);
    const out = await practice(setup(), h.deps);
    expect(out.markdown).toContain(`## Task\n\n${TASK}\nAnd keep the owner calm.\n`);
    expect(out.markdown).not.toContain('I had to fix it.');
    const reviews = h.script.steps.filter((s) => s.kind === 'review' && s.part === 'task');
    expect(reviews).toHaveLength(3);
  });
});

describe('practice walkthrough: saving', () => {
  it('never replaces a file without asking, and asks for another name when told no', async () => {
    const h = harness(['0', ...typeAndKeep(OPENING, SITUATION, TASK, ACTION, RESULT), 'taken.md', false, 'free.md'], ['taken.md']);
    const out = await practice(setup(), h.deps);
    expect(out.path).toBe('free.md');
    expect(h.written.has('taken.md')).toBe(false);
    const overwrite = h.script.steps.find((s) => s.kind === 'overwrite');
    expect(overwrite && overwrite.kind === 'overwrite' && overwrite.path).toBe('taken.md');
  });

  it('saves to --out, replacing it only after a yes', async () => {
    const h = harness([...typeAndKeep(OPENING, SITUATION, TASK, ACTION, RESULT), true], ['out.md']);
    const out = await practice(setup({ question: '1', out: 'out.md' }), h.deps);
    expect(out.path).toBe('out.md');
    expect(h.written.get('out.md')).toBe(out.markdown);
  });

  it('the saved file gives check the same report, and the three findings most worth fixing', async () => {
    const h = harness(['0', ...typeAndKeep(OPENING, SITUATION, TASK, ACTION), RESULT_NO_NUMBER, 'keep', 'a.md']);
    const out = await practice(setup(), h.deps);
    expect(checkText(h.written.get('a.md')!, 'markdown', registry)).toEqual(out.report);
    const report = h.said.find((s) => s.includes('a.md  '))!;
    expect(report).toContain(`${out.report.score}/100`);
    expect(out.improvements).toHaveLength(3);
    // the missing number is an error, so it comes first
    expect(out.improvements[0].rule).toBe('metric-missing');
    expect(h.said.join('\n')).toContain(`1. ${out.improvements[0].message}`);
  });
});

describe('practice walkthrough: drafts, cancel and resume', () => {
  it('saves the draft as each line is typed; cancelled mid-part, the lines typed are in it', async () => {
    const cancel = Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    const h = harness([
      '0',
      ...typeAndKeep(OPENING, SITUATION, TASK),
      (step: Step) => {
        if (step.kind !== 'text' || !step.onProgress) throw new Error('expected a text step that reports progress');
        step.onProgress('I called the vendor.');
        throw cancel;
      },
    ]);
    await expect(practice(setup(), h.deps)).rejects.toBe(cancel);
    const draft = parseDraft(h.drafts.at(-1)!);
    expect(draft.done).toEqual(['opening', 'situation', 'task']);
    expect(draft.texts).toMatchObject({ opening: OPENING, situation: SITUATION, task: TASK, action: 'I called the vendor.' });

    // resuming shows what was typed and goes on from there: add the rest, keep, finish
    const r = harness(['add', 'I read the router logs and found the failed card.', 'keep', ...typeAndKeep(RESULT), 'a.md']);
    const out = await practice(setup({ rubric, resume: draft }), r.deps);
    expect(r.script.steps[0].kind).toBe('review');
    expect(r.said.join('\n')).toContain('Picking up at the Action');
    expect(out.markdown).toContain('## Action\n\nI called the vendor.\nI read the router logs and found the failed card.\n');
    for (const t of [OPENING, SITUATION, TASK, RESULT]) expect(out.markdown).toContain(t);
  });

  it('resumes at the first part not yet written, with a prompt for it', async () => {
    const draft: Draft = { rubric: 'customer-service', question: rubric.questions[0], texts: { opening: OPENING, situation: SITUATION }, done: ['opening', 'situation'], out: 'mine.md' };
    const h = harness([...typeAndKeep(TASK, ACTION, RESULT)]);
    const out = await practice(setup({ rubric, resume: parseDraft(renderDraft(draft, { meta: true }).markdown) }), h.deps);
    expect(h.script.steps[0]).toMatchObject({ kind: 'text', part: 'task' });
    expect(out.path).toBe('mine.md');
  });

  it('a draft keeps text that looks like Markdown structure', () => {
    const draft: Draft = { rubric: 'x', question: 'Q?', texts: { situation: '# not a title\n```\n## Result', action: 'I did it.' }, done: ['situation'], out: 'a-->b.md' };
    const back = parseDraft(renderDraft(draft, { meta: true }).markdown);
    expect(back).toEqual(draft);
  });
});

describe('practice walkthrough: a rewrite cut short', () => {
  const cancel = Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
  const NEW_RESULT_START = 'The shop was back online in 40 minutes';
  /** Walks to the Result, chooses rewrite, types one line of the new text, then Ctrl-C. */
  async function cutShort() {
    const h = harness([
      '0',
      ...typeAndKeep(OPENING, SITUATION, TASK, ACTION),
      RESULT_NO_NUMBER,
      'rewrite',
      (step: Step) => {
        if (step.kind !== 'text' || !step.onProgress) throw new Error('expected a rewrite that reports progress');
        step.onProgress(NEW_RESULT_START);
        throw cancel;
      },
    ]);
    await expect(practice(setup(), h.deps)).rejects.toBe(cancel);
    return parseDraft(h.drafts.at(-1)!);
  }

  it('the draft keeps the old text and the lines of the rewrite typed so far', async () => {
    const draft = await cutShort();
    expect(draft.texts.result).toBe(RESULT_NO_NUMBER);
    expect(draft.rewrite).toEqual({ part: 'result', text: NEW_RESULT_START });
    expect(draft.done).toEqual(['opening', 'situation', 'task', 'action']);
  });

  it('on resume, offers the rewrite; going on with it appends to what was typed', async () => {
    const draft = await cutShort();
    const r = harness([
      (step: Step) => {
        expect(step).toMatchObject({ kind: 'unfinished', part: 'result' });
        return 'continue';
      },
      (step: Step) => {
        // the rewrite so far is there to go on from (and to edit); the next line typed is a new one
        expect(step).toMatchObject({ kind: 'text', part: 'result', message: 'Go on with your rewrite of the Result', initial: `${NEW_RESULT_START}\n` });
        if (step.kind === 'text') step.onProgress?.(`${NEW_RESULT_START}\nand renewed its contract.`);
        return `${NEW_RESULT_START}\nand renewed its contract.`;
      },
      'keep',
      'a.md',
    ]);
    const out = await practice(setup({ rubric, resume: draft }), r.deps);
    const said = r.said.join('\n');
    expect(said).toContain(`What you wrote so far:\n    ${RESULT_NO_NUMBER}`);
    expect(said).toContain(`Your unfinished rewrite of it:\n    ${NEW_RESULT_START}`);
    // while it is typed, both texts are in the draft
    const during = parseDraft(r.drafts.find((d) => d.includes('renewed its contract'))!);
    expect(during.texts.result).toBe(RESULT_NO_NUMBER);
    expect(during.rewrite?.text).toBe(`${NEW_RESULT_START}\nand renewed its contract.`);
    expect(out.markdown).toContain(`## Result\n\n${NEW_RESULT_START}\nand renewed its contract.\n`);
    expect(out.markdown).not.toContain(RESULT_NO_NUMBER);
    expect(parseDraft(r.drafts.at(-1)!).rewrite).toBeUndefined();
  });

  it('on resume, the rewrite can be used as it is, or dropped for the old text', async () => {
    const use = harness(['use', 'keep', 'a.md']);
    expect((await practice(setup({ rubric, resume: await cutShort() }), use.deps)).markdown).toContain(`## Result\n\n${NEW_RESULT_START}\n`);
    const old = harness(['old', 'keep', 'a.md']);
    const kept = await practice(setup({ rubric, resume: await cutShort() }), old.deps);
    expect(kept.markdown).toContain(`## Result\n\n${RESULT_NO_NUMBER}\n`);
    expect(kept.markdown).not.toContain(NEW_RESULT_START);
    for (const h of [use, old]) expect(h.script.steps.map((s) => s.kind)).toEqual(['unfinished', 'review', 'path']);
  });

  it('the rewrite is kept in a comment that check does not read, and comes back whatever it holds', () => {
    const tricky = 'Ends a comment --> and starts one <!-- here\nescaped already --\\> <\\!--\n## Not a heading';
    const draft: Draft = { rubric: 'x', question: 'Q?', texts: { action: 'I did it.' }, done: [], rewrite: { part: 'action', text: tricky } };
    const markdown = renderDraft(draft, { meta: true }).markdown;
    expect(markdown).toContain('<!-- answer-coach practice: unfinished rewrite of the Action');
    expect(parseDraft(markdown)).toEqual(draft);
    const report = checkText(markdown, 'markdown', registry);
    expect(checkText(renderDraft({ ...draft, rewrite: undefined }, { meta: true }).markdown, 'markdown', registry)).toEqual(report);
  });
});

describe('practice walkthrough: the nudges are check\'s findings, scoped to the part', () => {
  /** The nudge lines said after each part's text, by part (messages with any "(2×)" count taken off). */
  function nudgesByPart(said: string[]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    said.forEach((s, i) => {
      const m = /Step \d of \d · (\w+)/.exec(s);
      if (!m) return;
      const block = said.slice(i + 1).find((t) => /^ {2}(→|✓)/.test(t)) ?? '';
      out[m[1].toLowerCase()] = block
        .split('\n')
        .filter((l) => l.startsWith('  → '))
        .map((l) => l.slice(4).replace(/ \(\d+×\)$/, ''));
    });
    return out;
  }
  const inPart = (f: { line: number }, range?: { first: number; last: number }) => !!range && f.line >= range.first && f.line <= range.last;

  const rows: { part: 'opening' | 'situation' | 'task' | 'action' | 'result'; text: string; rules: string[] }[] = [
    { part: 'opening', text: 'I like cats.', rules: ['opening'] },
    { part: 'situation', text: 'Last winter I was on the help desk when we had to leverage our synergy with a vendor during an outage.', rules: ['jargon'] },
    { part: 'action', text: 'Um, I basically called the vendor. I think I read the router logs, you know, and I kind of found the failed card.', rules: ['filler', 'hedge'] },
    { part: 'result', text: RESULT_NO_NUMBER, rules: ['metric-missing'] },
  ];
  for (const row of rows) {
    it(`a ${row.part} with ${row.rules.join(' and ')}: nudged after it, and check on the saved file reports the same there`, async () => {
      const texts = { opening: OPENING, situation: SITUATION, task: TASK, action: ACTION, result: RESULT, [row.part]: row.text };
      const h = harness(['0', ...typeAndKeep(texts.opening, texts.situation, texts.task, texts.action, texts.result), 'a.md']);
      const out = await practice(setup({ rubric }), h.deps);
      const nudges = nudgesByPart(h.said);
      const final = checkText(h.written.get('a.md')!, 'markdown', registry);
      const lines = renderDraft({ rubric: 'customer-service', question: rubric.questions[0], texts, done: [] }).lines;
      expect(out.report).toEqual(final);
      for (const rule of row.rules) {
        const found = final.findings.filter((f) => f.rule === rule);
        expect(found.length, rule).toBeGreaterThan(0);
        for (const f of found) expect(nudges[row.part], `${rule} after the ${row.part}`).toContain(f.suggestion && !f.message.includes(f.suggestion) ? `${f.message} ${f.suggestion}` : f.message);
      }
      // and every finding the final report places in any part was said after that part
      for (const part of ['opening', 'situation', 'task', 'action', 'result'] as const) {
        const located = final.findings.filter((f) => inPart(f, lines[part]) && f.rule !== 'star-balance');
        for (const f of located) expect(nudges[part], `${f.rule} in the ${part}`).toContain(f.suggestion && !f.message.includes(f.suggestion) ? `${f.message} ${f.suggestion}` : f.message);
      }
    });
  }

  it('an Opening of "I like cats." is told what the opening is missing, not "nothing to fix"', async () => {
    const h = harness(['0', 'I like cats.', 'keep', ...typeAndKeep(SITUATION, TASK, ACTION, RESULT), 'a.md']);
    await practice(setup({ rubric }), h.deps);
    const after = h.said[h.said.findIndex((s) => s.includes('Step 1 of 5')) + 1];
    expect(after).not.toContain('Nothing to fix');
    for (const point of rubric.opening) expect(after).toContain(`${point.name} is missing.`);
  });
});

describe('practice walkthrough: going back, and rewriting from the text as it is', () => {
  it('from the Task, goes back to the Situation, rewrites it, and comes back to the Task as written', async () => {
    const shorter = 'Last winter I ran the help desk when an outage hit our biggest client.';
    const h = harness([
      '0',
      ...typeAndKeep(OPENING, SITUATION),
      TASK,
      'back',
      (step: Step) => {
        expect(step.kind).toBe('back');
        expect(step.kind === 'back' && step.choices.map((c) => c.value)).toEqual(['opening', 'situation']);
        return 'situation';
      },
      (step: Step) => {
        // the review of the Situation again: its text is shown, nothing is typed yet
        expect(step).toMatchObject({ kind: 'review', part: 'situation' });
        return 'rewrite';
      },
      (step: Step) => {
        expect(step).toMatchObject({ kind: 'text', part: 'situation', message: 'Rewrite your Situation', initial: SITUATION });
        return shorter;
      },
      'keep',
      (step: Step) => {
        expect(step).toMatchObject({ kind: 'review', part: 'task' });
        return 'keep';
      },
      ...typeAndKeep(ACTION, RESULT),
      'a.md',
    ]);
    const out = await practice(setup(), h.deps);
    expect(out.markdown).toContain(`## Situation\n\n${shorter}\n\n## Task\n\n${TASK}\n`);
    expect(out.markdown).not.toContain(SITUATION);
    expect(h.said.join('\n')).toContain(`What you wrote so far:\n    ${TASK}`);
    // the first part has nothing before it to go back to
    const first = h.script.steps.find((s) => s.kind === 'review' && s.part === 'opening');
    expect(first && first.kind === 'review' && first.choices.map((c) => c.value)).not.toContain('back');
    expect(h.script.left()).toBe(0);
  });

  it('"Start it over" asks for the part with nothing in it; an emptied rewrite keeps the old text', async () => {
    const h = harness([
      '0',
      OPENING,
      'restart',
      (step: Step) => {
        expect(step).toMatchObject({ kind: 'text', message: 'Write your Opening again', initial: '' });
        return 'Customer service means fixing the problem the customer came with.';
      },
      'rewrite',
      '',
      'keep',
      ...typeAndKeep(SITUATION, TASK, ACTION, RESULT),
      'a.md',
    ]);
    const out = await practice(setup(), h.deps);
    expect(out.markdown).toContain('Customer service means fixing the problem the customer came with.');
  });

  it('the brief gives the length as the rubric\'s own speaking time', () => {
    const short = { ...rubric, expectations: { ...rubric.expectations, words: { min: 50, max: 120 }, 'words-per-minute': 150 } };
    expect(brief('Q?', short, new Chalk({ level: 0 }), 200)).toContain('takes 20–50 seconds to say: about 50–120 words');
    expect(speakingRange(50, 300, 150)).toBe('20 seconds–2 minutes');
    expect(brief('Q?', rubric, new Chalk({ level: 0 }), 200)).toContain('takes 1–2 minutes to say: about 150–300 words');
    expect(speakingRange(200, 450, 150)).toBe('1.5–3 minutes');
  });

  it('lays its text out in the terminal\'s width', async () => {
    const h = harness(['0', ...typeAndKeep(OPENING, SITUATION, TASK, ACTION, RESULT_NO_NUMBER), 'a.md']);
    h.deps.width = 60;
    await practice(setup(), h.deps);
    for (const line of h.said.join('\n').split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
  });
});
