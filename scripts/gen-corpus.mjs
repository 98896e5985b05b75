#!/usr/bin/env node
// Writes a deterministic corpus of generated interview answers for the benchmark: the same seed
// always gives the same files, byte for byte. Usage: node scripts/gen-corpus.mjs DIR COUNT [SEED]
// Answers are about 250 words, a mix of Markdown (STAR headings), YAML and plain text, built from
// sentence pieces so that every check has something to find (metrics, pillars, jargon, hedges).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, well-known seeded PRNG, so the corpus never depends on Math.random. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUESTIONS = [
  'What does customer service mean to you?',
  'Tell me about a time you dealt with an angry customer.',
  'Describe a time you went above and beyond for a customer.',
  'What does great customer service look like?',
  'Tell me about a time you solved a difficult problem.',
];
const PLACES = ['a pharmacy', 'a hotel front desk', 'a bike shop', 'a call centre', 'a grocery store', 'a dental practice', 'a software help desk', 'a car rental counter', 'a library', 'a gym'];
const PEOPLE = ['a regular customer', 'an elderly patient', 'a new member', 'a frustrated caller', 'a small business owner', 'a guest', 'a parent with two kids'];
const PROBLEMS = ['had been double charged', 'was missing an order', 'could not log in to the account', 'had waited forty minutes on hold', 'received the wrong prescription', 'found the room was not ready', 'was about to cancel the contract'];
const OPENINGS = [
  'To me, customer service means making people feel heard and then actually fixing the problem.',
  'Good service is about listening first and following through on every promise.',
  'I think great customer service is treating each person like a regular, even on their first visit.',
  'Honestly, I guess service basically means being kind of patient and really clear.',
];
const SITUATION = [
  'Last winter I was working at {place} when {person} came in and {problem}.',
  'When I worked at {place}, {person} called one morning because they {problem}.',
  'A few months ago at {place}, {person} walked up to the counter and explained that they {problem}.',
  'During my time at {place} I was the only person on shift when {person} {problem}.',
];
const TASK = [
  'I had to sort it out before the end of the day without breaking our refund policy.',
  'My job was to keep them as a customer and find a fix that our manager would approve.',
  'I needed to calm things down and make sure they left with a clear next step.',
  'It was my responsibility to follow up, because I had taken the first call.',
];
const ACTION = [
  'I listened to the whole story without interrupting and apologized for the trouble.',
  'I checked the account history and found the duplicate payment right away.',
  'I explained each step clearly and told them exactly when they would hear back.',
  'I called the warehouse, found the missing box, and arranged a same day courier.',
  'I escalated the case to my supervisor and kept the customer updated by email every few hours.',
  'I stayed calm and polite even when they raised their voice, because I could tell they were worried.',
  'I wrote a short note in the system so the next shift would know what we had promised.',
  'We leveraged our synergy to touch base and circle back with a best-in-class solution.',
  'I personally followed through the next morning to confirm the fix had worked.',
  'I offered a small credit and walked them through how to avoid the problem next time.',
];
const RESULT = [
  'As a result the refund arrived within 24 hours and they thanked me by name.',
  'In the end they stayed with us, and complaints like that dropped by 30% over the next quarter.',
  'They left happy and came back the next week with two friends.',
  'Our satisfaction score for that month went from 4.1 to 4.6 stars.',
  'Since then they have referred three new customers to the store.',
  'Eventually the manager used my note as the template for the whole team.',
];
const FILLER = [
  'It was a busy day and the queue was long.',
  'The system had been slow all week, which did not help.',
  'I remember feeling nervous, but I knew what to do.',
  'My colleague was on a break, so it was just me at the desk.',
  'The store was about to close and the lights were already dimmed in the back.',
];

const words = (s) => s.split(/\s+/).filter(Boolean).length;

function answer(r, i) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const fill = (s) => s.replace('{place}', pick(PLACES)).replace('{person}', pick(PEOPLE)).replace('{problem}', pick(PROBLEMS));
  const question = pick(QUESTIONS);
  const opening = pick(OPENINGS);
  const situation = [fill(pick(SITUATION)), pick(FILLER)];
  const task = [pick(TASK)];
  const action = [];
  const result = [pick(RESULT)];
  // grow the action (most of a good answer) until the whole is about 250 words
  let total = words([opening, ...situation, ...task, ...result].join(' '));
  while (total < 215 + Math.floor(r() * 30)) {
    const s = r() < 0.8 ? pick(ACTION) : pick(FILLER);
    action.push(s);
    total += words(s);
  }
  const kind = i % 3;
  if (kind === 0) {
    return {
      ext: 'md',
      text: `# ${question}\n\n${opening}\n\n## Situation\n${situation.join(' ')}\n\n## Task\n${task.join(' ')}\n\n## Action\n${action.join(' ')}\n\n## Result\n${result.join(' ')}\n`,
    };
  }
  if (kind === 1) {
    const block = (key, lines) => `${key}: >\n  ${lines.join(' ')}\n`;
    return { ext: 'yaml', text: `question: ${question}\n${block('opening', [opening])}${block('situation', situation)}${block('task', task)}${block('action', action)}${block('result', result)}` };
  }
  return { ext: 'txt', text: [opening, situation.join(' '), [...task, ...action].join(' '), result.join(' ')].join('\n\n') + '\n' };
}

/** Writes COUNT answers into DIR (emptied first), in 100-file subfolders like a real answer bank. */
export function generateCorpus(dir, count, seed = 20240601) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  let totalWords = 0;
  for (let i = 0; i < count; i++) {
    const { ext, text } = answer(r, i);
    const sub = join(dir, `set-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `answer-${String(i).padStart(5, '0')}.${ext}`), text);
    totalWords += words(text);
  }
  return { files: count, averageWords: Math.round(totalWords / count), dirs: readdirSync(dir).length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    process.stderr.write('usage: node scripts/gen-corpus.mjs DIR COUNT [SEED]\n');
    process.exit(2);
  }
  const info = generateCorpus(dir, Number(count), seed ? Number(seed) : undefined);
  process.stdout.write(`${info.files} answers (${info.averageWords} words on average) in ${dir}\n`);
}
