import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { inquirerAsk, multiline, promptTheme } from '../../src/cli/practice.js';
import type { Step } from '../../src/practice/walkthrough.js';

/** One of the walkthrough's steps, asked through the inquirer adapter on @inquirer/testing's fake terminal. */
const renderStep = (step: Step) => render((s: Step, context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }) => inquirerAsk(context)(s), step);

describe('multi-line prompt', () => {
  it('keeps every line and ends on an empty line', async () => {
    const progress: string[] = [];
    const { answer, events, getScreen } = await render(multiline, { message: 'Your Action', onLine: (t: string) => void progress.push(t) });
    expect(getScreen()).toContain('press Enter on an empty line to finish');
    events.type('I called the vendor.');
    events.keypress('enter');
    events.type('I read the logs.');
    events.keypress('enter');
    expect(getScreen()).toContain('I called the vendor.');
    events.keypress('enter');
    await expect(answer).resolves.toBe('I called the vendor.\nI read the logs.');
    expect(progress).toEqual(['I called the vendor.', 'I called the vendor.\nI read the logs.']);
  });

  it('a blank line followed at once by more text (a pasted paragraph break) does not end the answer', async () => {
    const { answer, events } = await render(multiline, { message: 'Your Situation', finishDelayMs: 200 });
    events.type('First paragraph.');
    events.keypress('enter');
    events.keypress('enter');
    events.type('Second paragraph.');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('First paragraph.\n\nSecond paragraph.');
  });

  it('starts from the text it is given, editable: its last line is the line being edited', async () => {
    const progress: string[] = [];
    const { answer, events, getScreen } = await render(multiline, { message: 'Rewrite your Action', initial: 'I called the vendor.\nI read the logs', onLine: (t: string) => void progress.push(t) });
    expect(getScreen()).toContain('I called the vendor.');
    events.type(' and found the card.');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('I called the vendor.\nI read the logs and found the card.');
    expect(progress).toEqual(['I called the vendor.\nI read the logs and found the card.']);
  });

  it('Backspace on an empty line takes the line above back to edit', async () => {
    const { answer, events } = await render(multiline, { message: 'Your Task', initial: 'I had to fix it.\n' });
    events.keypress('backspace'); // the empty line: back to "I had to fix it."
    for (let i = 0; i < 'fix it.'.length; i++) events.keypress('backspace');
    events.type('get them online.');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('I had to get them online.');
  });

  it('with colour off, the prompt has no escape codes; with it on, it has', async () => {
    const plain = await render(multiline, { message: 'Your Result', theme: promptTheme(false) });
    expect(plain.getScreen({ raw: true })).not.toMatch(/\u001b\[\d+m/);
    const coloured = await render(multiline, { message: 'Your Result', theme: promptTheme(true) });
    expect(coloured.getScreen({ raw: true })).toMatch(/\u001b\[\d+m/);
  });

  it('refuses an empty answer when one is required', async () => {
    const { answer, events, getScreen } = await render(multiline, { message: 'Your Task', required: true });
    events.keypress('enter');
    expect(getScreen()).toContain('Write at least a sentence');
    events.type('I had to fix it.');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('I had to fix it.');
  });
});

describe('inquirer adapter', () => {
  it('asks keep / rewrite / add as a list', async () => {
    const { answer, events, getScreen } = await renderStep({
      kind: 'review',
      part: 'result',
      message: 'Your Result: keep, rewrite or add to it?',
      choices: [
        { name: 'Keep it and go on', value: 'keep' },
        { name: 'Rewrite it', value: 'rewrite' },
        { name: 'Add to it', value: 'add' },
      ],
    });
    expect(getScreen()).toContain('Rewrite it');
    events.keypress('down');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('add');
  });

  it('picks a question from the list', async () => {
    const { answer, events } = await renderStep({ kind: 'question', message: 'Which question?', choices: [{ name: 'One?', value: '0' }, { name: 'Two?', value: '1' }] });
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('1');
  });

  it('takes multi-line text for a part and reports progress', async () => {
    const seen: string[] = [];
    const { answer, events } = await renderStep({ kind: 'text', part: 'action', message: 'Your Action', onProgress: (t) => void seen.push(t) });
    events.type('Line one.');
    events.keypress('enter');
    events.type('Line two.');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Line one.\nLine two.');
    expect(seen.at(-1)).toBe('Line one.\nLine two.');
  });

  it('offers a file name and asks before replacing a file, defaulting to no', async () => {
    const path = await renderStep({ kind: 'path', message: 'Save your answer as', default: 'answer.md' });
    path.events.keypress('enter');
    await expect(path.answer).resolves.toBe('answer.md');
    const replace = await renderStep({ kind: 'overwrite', message: 'answer.md exists. Replace it?', path: 'answer.md' });
    expect(replace.getScreen()).toContain('(y/N)');
    replace.events.keypress('enter');
    await expect(replace.answer).resolves.toBe(false);
  });
});
