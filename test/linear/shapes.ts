// Inputs that stress each pass over an answer: the shapes that were super-linear (issue 11), the
// ones near them, and seeded random mixtures of the characters parsers treat specially. Each shape
// is a function of the length wanted, so the same shape is measured at 4 KB and at 256 KB.
import type { AnswerFormat } from '../../src/answer/types.js';
// @ts-expect-error: a plain .mjs script without types
import { rng as seeded } from '../../scripts/gen-corpus.mjs';

/** The corpus's seeded PRNG (mulberry32), so every run builds the same inputs. */
export const rng = seeded as (seed: number) => () => number;

export interface Shape {
  name: string;
  format: AnswerFormat;
  make(length: number): string;
}

const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const PROSE =
  'Last winter I was working at a pharmacy when a regular customer came in and had been double charged. I listened to the whole story and apologised. ' +
  'I called the bank, explained the error and refunded the $35 fee within an hour. She thanked me and came back the next week; our CSAT rose 12% that quarter. ';
const QUESTION = '# What does customer service mean to you?\n\n';
const half = (length: number) => Math.floor(length / 2);

export const SHAPES: Shape[] = [
  { name: 'prose', format: 'text', make: (n) => fill(PROSE, n) },
  { name: 'STAR Markdown', format: 'markdown', make: (n) => `${QUESTION}## Situation\n${fill(PROSE, n / 4)}\n\n## Task\n${fill(PROSE, n / 8)}\n\n## Action\n${fill(PROSE, n / 2)}\n\n## Result\n${fill(PROSE, n / 8)}\n` },
  { name: 'one long token', format: 'text', make: (n) => fill('abcdefghij', n) },
  { name: 'long run of spaces', format: 'text', make: (n) => `I helped ${' '.repeat(n)} a customer.` },
  { name: 'heading of " #"', format: 'markdown', make: (n) => `${QUESTION}## Situation${fill(' #', n)} x\nI helped a customer.\n` },
  { name: 'title of " #"', format: 'markdown', make: (n) => `#${fill(' #', n)} x\n\nI helped a customer.\n` },
  { name: '"$" + "1,"×n', format: 'text', make: (n) => `I saved $${fill('1,', n)} for the customer.` },
  { name: 'digits', format: 'text', make: (n) => `We got ${fill('1', n)} customers.` },
  { name: 'dots', format: 'text', make: (n) => fill('.', n) },
  { name: 'named and unnamed heading', format: 'markdown', make: (n) => `${QUESTION}## Situation\n${fill(PROSE, half(n))}\n\n## Notes\n${fill(PROSE, half(n))}\n` },
  { name: 'named and empty heading', format: 'markdown', make: (n) => `${QUESTION}## Situation\n${fill(PROSE, half(n))}\n\n## \n${fill(PROSE, half(n))}\n` },
  { name: 'question of "?"', format: 'markdown', make: (n) => `# ${'?'.repeat(n)}\n\nI helped a customer.\n` },
  { name: 'story question', format: 'markdown', make: (n) => `# ${fill('describe ', n)}\n\nI helped a customer.\n` },
  { name: 'no sentence end', format: 'text', make: (n) => fill('I helped the customer and then I called the bank and ', n) },
  { name: 'unclosed comments', format: 'markdown', make: (n) => `${fill('<!-- ', n)}\nI helped.\n` },
  { name: 'many headings', format: 'markdown', make: (n) => fill('## Situation\nI helped.\n', n) },
  { name: 'fence lines', format: 'markdown', make: (n) => fill('```\nI helped.\n', n) },
  { name: 'newlines', format: 'text', make: (n) => `${'\n'.repeat(n)}I helped a customer.` },
  { name: 'short sentences', format: 'text', make: (n) => fill('I did. ', n) },
  { name: '"we" sentences', format: 'text', make: (n) => fill('We called them. ', n) },
  { name: 'controls and bidi', format: 'text', make: (n) => fill('I \u202ehelped\u2066 a \u001b[31mcustomer\u200b. ', n) },
  {
    name: 'YAML keys',
    format: 'yaml',
    make: (n) => {
      const out: string[] = [];
      for (let i = 0, size = 0; size < n; i++) size += out[out.push(`k${i}: I helped a customer.\n`) - 1].length;
      return out.join('');
    },
  },
  { name: 'YAML list', format: 'yaml', make: (n) => `action:\n${fill('  - I called the bank.\n', n)}` },
  { name: 'YAML folded', format: 'yaml', make: (n) => `action: >\n${fill('  I called the bank and\n', n)}` },
  { name: 'YAML flow nesting', format: 'yaml', make: (n) => `action: ${'['.repeat(half(n))}${']'.repeat(half(n))}` },
  { name: 'YAML compact nesting', format: 'yaml', make: (n) => `action:\n  ${fill('- ', n)}x\n` },
];

// What the parsers and the analyzer treat specially, mixed at random: headings, fences, comments,
// YAML indicators, numbers, money, sentence ends, question marks, bidi and control characters.
const PIECES = ['# ', '## ', ' #', '#', '```', '~~~', '<!--', '-->', '\n', '\n\n', ' ', '   ', '\t', '- ', '? ', ': ', '[', ']', '{', '}', '|', '>', '"', "'", '$', '1,', '12', '%', '.', '?', '!', ':', 'I', 'we', 'helped', 'Situation', 'Result', 'customer', 'within an hour', '\u202e', '\u001b[2J', '\r', 'é', '東'];

/** A seeded random mixture of PIECES, `length` characters long. */
export function mixture(seed: number, length: number): string {
  const r = rng(seed);
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const piece = PIECES[Math.floor(r() * PIECES.length)];
    // runs: the same piece several times over, as the worst cases are made of
    const times = r() < 0.2 ? 1 + Math.floor(r() * 64) : 1;
    const run = piece.repeat(times);
    out.push(run);
    size += run.length;
  }
  return out.join('').slice(0, length);
}
