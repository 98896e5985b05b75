import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inquirerAsk } from '../../src/cli/practice.js';
import { typeAhead } from '../../src/cli/type-ahead.js';
import type { Step } from '../../src/practice/walkthrough.js';

// The inquirer prompts on a fake terminal: keys are written to it the way a terminal delivers
// them, several in one chunk when they come fast (a paste, or typing straight after Enter).
function fakeTerminal() {
  const raw: boolean[] = [];
  const source = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode: (m: boolean) => void raw.push(m) });
  const output = new Writable({ write: (_c, _e, cb) => cb() });
  return { source, output, raw };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The prompt's answer, or 'lost' when the keys meant for it never reached it. */
const within = <T>(p: Promise<T>, ms = 1500) => Promise.race([p, sleep(ms).then(() => 'lost' as const)]);

const review: Step = { kind: 'review', part: 'task', message: 'Your Task: keep, rewrite or add to it?', choices: [{ name: 'Keep it and go on', value: 'keep' }, { name: 'Rewrite it', value: 'rewrite' }, { name: 'Add to it', value: 'add' }] };
const action: Step = { kind: 'text', part: 'action', message: 'Your Action' };

describe('keys typed ahead', () => {
  it('keys right after the Enter that answers a prompt go to the next prompt, not the finished one', async () => {
    const t = fakeTerminal();
    const keys = typeAhead(t.source);
    const ask = inquirerAsk({ input: keys, output: t.output });
    try {
      const first = ask(review);
      await sleep(20);
      t.source.write('\rI called the vendor.\r'); // Enter on "Keep", then straight on with the Action
      await expect(first).resolves.toBe('keep');
      await sleep(50); // the nudges print; no prompt is open
      t.source.write('I read the logs.\r');
      await sleep(50);
      const second = ask(action);
      await sleep(20);
      t.source.write('\r');
      await expect(within(second)).resolves.toBe('I called the vendor.\nI read the logs.');
      // the terminal is raw only while a prompt is open
      expect(t.raw).toEqual([true, false, true, false]);
    } finally {
      keys.dispose();
    }
  });

  it('a pasted part with a blank line in it is still one answer', async () => {
    const t = fakeTerminal();
    const keys = typeAhead(t.source);
    try {
      const answer = inquirerAsk({ input: keys, output: t.output })(action);
      await sleep(20);
      t.source.write('First paragraph.\r\rSecond paragraph.\r\r');
      await expect(within(answer)).resolves.toBe('First paragraph.\n\nSecond paragraph.');
    } finally {
      keys.dispose();
    }
  });
});
