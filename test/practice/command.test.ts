import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPractice } from '../../src/cli/practice.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { parseDraft } from '../../src/practice/draft.js';
import type { Step } from '../../src/practice/walkthrough.js';
import { practiseScripted } from './scripted.js';

// runPractice with the prompts scripted and real files in a temporary data folder.
let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'answer-coach-practice-cmd-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (replies: ((step: Step) => unknown)[], opts: Parameters<typeof runPractice>[0] = {}, tty = true) => practiseScripted(replies, opts, { XDG_DATA_HOME: join(dir, 'data'), HOME: dir }, tty);

const drafts = () => join(dir, 'data', 'answer-coach', 'drafts');
const text = (t: string) => () => t;
const keep = () => 'keep';
const interrupt = () => {
  throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
};

describe('practice command', () => {
  it('exits 2 without prompting when stdin or stdout is not a terminal', async () => {
    const r = await run([], {}, false);
    expect(r.code).toBe(ExitCode.Error);
    expect(r.err).toMatch(/needs an interactive terminal.*answer-coach check FILE/);
  });

  it('Ctrl-C exits 130 with one line naming the draft and how to resume', async () => {
    const r = await run([text('Customer service means helping people.'), keep, interrupt], { question: '1' });
    expect(r.code).toBe(ExitCode.Interrupted);
    const [name] = readdirSync(drafts());
    expect(r.err.trim().split('\n')).toEqual([`Stopped. Your draft is in ${join(drafts(), name)}; resume with: answer-coach practice --resume`]);
    expect(parseDraft(readFileSync(join(drafts(), name), 'utf8')).texts.opening).toBe('Customer service means helping people.');
    expect(statSync(join(drafts(), name)).mode & 0o077).toBe(0); // private to its author
  });

  it('Ctrl-C in the middle of a rewrite keeps the old text and every line of the new one on disk; --resume offers it', async () => {
    const typing = (step: Step) => {
      if (step.kind !== 'text') throw new Error(`expected a text step, got ${step.kind}`);
      step.onProgress?.('Customer service means fixing the problem');
      step.onProgress?.('Customer service means fixing the problem\nand saying what happens next.');
      return interrupt();
    };
    const r = await run([text('Customer service means helping people.'), () => 'rewrite', typing], { question: '1' });
    expect(r.code).toBe(ExitCode.Interrupted);
    const [name] = readdirSync(drafts());
    const onDisk = readFileSync(join(drafts(), name), 'utf8');
    const draft = parseDraft(onDisk);
    expect(draft.texts.opening).toBe('Customer service means helping people.');
    expect(draft.rewrite).toEqual({ part: 'opening', text: 'Customer service means fixing the problem\nand saying what happens next.' });

    let offered: Step | undefined;
    const again = await run([(step) => ((offered = step), 'use'), keep, interrupt], { resume: true });
    expect(again.code).toBe(ExitCode.Interrupted);
    expect(offered).toMatchObject({ kind: 'unfinished', part: 'opening' });
    expect(again.out).toContain('Your unfinished rewrite of it:');
    const after = parseDraft(readFileSync(join(drafts(), name), 'utf8'));
    expect(after.texts.opening).toBe('Customer service means fixing the problem\nand saying what happens next.');
    expect(after.rewrite).toBeUndefined();
  });

  it('an unexpected error exits 2 and leaves the draft', async () => {
    const boom = () => {
      throw new Error('terminal went away');
    };
    const r = await run([text('Customer service means helping people.'), keep, boom], { question: '1' });
    expect(r.code).toBe(ExitCode.Error);
    expect(r.err).toMatch(/internal error: terminal went away\. Your draft is in .*drafts/);
    expect(readdirSync(drafts())).toHaveLength(1);
  });

  it('--resume DRAFT reopens that draft; with --out the draft lives beside the answer', async () => {
    const out = join(dir, 'mine.md');
    const first = await run([text('Customer service means helping people.'), keep, interrupt], { question: '1', out });
    expect(first.code).toBe(ExitCode.Interrupted);
    const draft = join(dir, 'mine.draft.md');
    expect(first.err).toContain(`--resume ${draft}`);
    const steps = ['Last winter I ran the help desk.', 'I had to restore service.', 'I replaced the failed card.', 'Service was back in 40 minutes.'].flatMap((t) => [text(t), keep]);
    const second = await run(steps, { resume: draft });
    expect(second.code).toBe(ExitCode.Clean);
    const saved = readFileSync(out, 'utf8');
    expect(saved).toContain('Customer service means helping people.');
    expect(saved).toContain('## Result\n\nService was back in 40 minutes.');
    expect(readdirSync(dir)).not.toContain('mine.draft.md');
    // the finished answer is in the history
    const history = readFileSync(join(dir, 'data', 'answer-coach', 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ source: 'practice', file: out });
  });

  it('a bare --resume finds a draft kept beside --out, as it finds those in the drafts folder', async () => {
    const out = join(dir, 'answers', 'mine.md');
    const first = await run([text('Customer service means helping people.'), keep, interrupt], { question: '1', out });
    expect(first.code).toBe(ExitCode.Interrupted);
    const steps = ['Last winter I ran the help desk.', 'I had to restore service.', 'I replaced the failed card.', 'Service was back in 40 minutes.'].flatMap((t) => [text(t), keep]);
    const second = await run(steps, { resume: true });
    expect(second.code).toBe(ExitCode.Clean);
    expect(readFileSync(out, 'utf8')).toContain('## Result\n\nService was back in 40 minutes.');
    // finished: gone from beside the answer and from the list
    expect(readdirSync(join(dir, 'answers'))).toEqual(['mine.md']);
    expect((await run([], { resume: true })).err).toContain('no draft to resume');
  });

  it('offers the rubrics check knows: a user rubric is in the list, used, and found again on --resume', async () => {
    const rubrics = join(dir, '.config', 'answer-coach', 'rubrics');
    mkdirSync(rubrics, { recursive: true });
    writeFileSync(join(rubrics, 'teamwork.yaml'), 'id: teamwork\ntitle: Teamwork\nextends: behavioral\nquestions: [Tell me about a time you disagreed with a teammate.]\n');
    let offered: string[] = [];
    const pick = (step: Step) => {
      if (step.kind !== 'question') throw new Error(`expected the question list, got ${step.kind}`);
      offered = step.choices.map((c) => c.name);
      return String(offered.indexOf('Tell me about a time you disagreed with a teammate.'));
    };
    const first = await run([pick, text('Last spring a teammate and I disagreed about a release.'), keep, interrupt]);
    expect(first.code).toBe(ExitCode.Interrupted);
    expect(offered).toContain('Tell me about a time you disagreed with a teammate.');
    const [name] = readdirSync(drafts());
    expect(parseDraft(readFileSync(join(drafts(), name), 'utf8')).rubric).toBe('teamwork');
    const again = await run([text('I had to ship on time.'), keep, interrupt], { resume: true });
    expect(again.code).toBe(ExitCode.Interrupted);
    expect(again.out).toContain('Picking up at the Task');
  });

  it('a rubric given as a path is found again on --resume without naming it', async () => {
    const file = join(dir, 'my-rubric.yaml');
    writeFileSync(file, 'id: from-a-path\ntitle: From a path\nextends: behavioral\nquestions: [Tell me about a time you learned something fast.]\n');
    const first = await run([text('Last spring I had a week to learn a new till system.'), keep, interrupt], { rubric: file, question: '1' });
    expect(first.code).toBe(ExitCode.Interrupted);
    const again = await run([text('I had to train the others too.'), keep, interrupt], { resume: true });
    expect(again.err).not.toContain('not found');
    expect(again.out).toContain('Picking up at the Task');
  });

  it('--resume with no draft says so and exits 2', async () => {
    const r = await run([], { resume: true });
    expect(r.code).toBe(ExitCode.Error);
    expect(r.err).toContain('no draft to resume');
  });

  it('refuses to resume a file that is not a draft', async () => {
    const file = join(dir, 'answer.md');
    writeFileSync(file, '# Q?\n\n## Situation\n\nText.\n');
    const r = await run([], { resume: file });
    expect(r.code).toBe(ExitCode.Error);
    expect(r.err).toContain('not an answer-coach practice draft');
  });
});
