import { runPractice } from '../../src/cli/practice.js';
import type { Ask, Step } from '../../src/practice/walkthrough.js';

/**
 * runPractice with its prompts scripted: each reply answers the next step (a reply that throws,
 * or returns a rejected promise, stops the walkthrough there), in the environment given.
 */
export function practiseScripted(replies: ((step: Step) => unknown)[], opts: Parameters<typeof runPractice>[0], env: NodeJS.ProcessEnv, tty = true) {
  const out: string[] = [];
  const err: string[] = [];
  const ask = (async (step: Step) => {
    const next = replies.shift();
    if (!next) throw new Error(`unscripted step ${step.kind}`);
    return next(step);
  }) as Ask;
  const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), stdin: process.stdin };
  const terminal = { io, env, stdin: { isTTY: tty }, stdout: { isTTY: tty } };
  return runPractice({ color: false, ...opts }, terminal, ask).then((code) => ({ code, out: out.join(''), err: err.join('') }));
}
