import { STAR_PARTS, type StarPart } from '../../answer/types.js';
import type { PhraseSet } from '../../text/phrases.js';
import type { AnswerDocument } from '../document.js';
import { starPieces } from '../star-segment.js';
import type { Check, StarPartSummary } from '../types.js';

const PART_NAMES: Record<StarPart, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };
const pct = (x: number) => `${Math.round(x * 100)}%`;
/** A share against its limit, rounded so it never reads as the limit it breaks: 35.4% over 35% is "36%". */
export const pctOver = (x: number, max: number) => `${Math.max(Math.round(x * 100), Math.floor(max * 100) + 1)}%`;
export const pctUnder = (x: number, min: number) => `${Math.min(Math.round(x * 100), Math.ceil(min * 100) - 1)}%`;

/** STAR structure: which parts are there and how the story's words are spread across them. */
export const starCheck: Check = {
  id: 'star',
  description: 'The answer tells one story with a Situation, Task, Action and Result, in balance.',
  rules: ['star-missing', 'star-no-story', 'star-balance'],
  run({ doc, rubric, phrases, finding }) {
    const words: Record<StarPart, number> = { situation: 0, task: 0, action: 0, result: 0 };
    const first: Partial<Record<StarPart, number>> = {};
    // a sentence can show more than one part ("..., so I phoned his doctor"): count each piece
    const pieces = starPieces(doc);
    if (pieces) {
      for (const p of pieces) {
        const s = doc.sentences[p.sentence];
        words[p.part] += Math.max(1, p.last - p.first);
        first[p.part] ??= s.tokens[p.first]?.start ?? s.start;
      }
    } else {
      for (const s of doc.sentences) {
        if (s.role in words) {
          const part = s.role as StarPart;
          words[part] += s.tokens.length;
          first[part] ??= s.start;
        }
      }
    }
    const total = STAR_PARTS.reduce((n, p) => n + words[p], 0);
    const star = Object.fromEntries(
      STAR_PARTS.map((p) => [p, { present: words[p] > 0, words: words[p], share: total ? words[p] / total : 0 } satisfies StarPartSummary]),
    ) as Record<StarPart, StarPartSummary>;
    const findings = [];
    const missing = STAR_PARTS.filter((p) => !star[p].present);
    if (missing.length === STAR_PARTS.length) {
      // say why, at the words that gave it away: a hypothetical or a habit reads like a story but is none
      const because = noStoryReason(doc, phrases(rubric.star.hypothetical), phrases(rubric.star.habit));
      const message = because
        ? `No story: "${because.text}" ${because.kind === 'hypothetical' ? 'says what you would do' : 'says what you usually do'}. Tell one specific time instead: where you were, what happened, what you did, how it ended.`
        : 'No story: tell one specific time (where you were, what happened, what you did, how it ended), not only what you believe or would do.';
      findings.push(finding('star-no-story', 'error', message, because, rubric.star.situation.hint || undefined));
    } else {
      for (const p of missing) {
        // a section headed as this part that shows none of it: say so, at the section
        const heading = doc.sections.findIndex((sec) => sec.declared === p);
        const inSection = heading >= 0 ? doc.sentences.find((x) => x.section === heading) : undefined;
        const why = !inSection
          ? ''
          : p === 'result'
            ? ' Your Result section says the outcome is unknown or gives an opinion: say what happened.'
            : ` Your ${PART_NAMES[p]} section does not tell what happened in this story.`;
        findings.push(
          finding('star-missing', p === 'task' ? 'warning' : 'error', `${PART_NAMES[p]} is missing.${why} ${rubric.star[p].hint}`.trim(), inSection ? { start: inSection.start, end: inSection.end } : undefined),
        );
      }
      const { 'setup-max': setupMax, 'result-min': resultMin } = rubric.expectations.balance;
      const setup = star.situation.share + star.task.share;
      if (total >= 40 && setup > setupMax) {
        const at = first.situation ?? first.task ?? 0;
        findings.push(finding('star-balance', 'warning', `Situation and Task take ${pctOver(setup, setupMax)} of the story (aim for at most ${pct(setupMax)}): set the scene in fewer words and spend them on what you did.`, { start: at, end: at }));
      }
      if (total >= 40 && star.result.present && star.result.share < resultMin) {
        const at = first.result ?? 0;
        findings.push(finding('star-balance', 'warning', `The Result is ${pctUnder(star.result.share, resultMin)} of the story (aim for at least ${pct(resultMin)}): say what changed, for whom, and by how much.`, { start: at, end: at }));
      }
    }
    const balancePenalty = findings.filter((f) => f.rule === 'star-balance').length * 0.1;
    const score = Math.max(0, (STAR_PARTS.length - missing.length) / STAR_PARTS.length - balancePenalty);
    return { findings, score, report: { star } };
  },
};

function noStoryReason(doc: AnswerDocument, hypothetical: PhraseSet, habit: PhraseSet): { kind: 'hypothetical' | 'habit'; start: number; end: number; text: string } | undefined {
  for (const s of doc.sentences) {
    for (const [kind, set] of [['hypothetical', hypothetical], ['habit', habit]] as const) {
      // quote the speaker's own "I would" rather than the "if a customer" that sets it up
      const ms = set.findAll(s.tokens);
      const m = ms.find((x) => /^(i|we)\b/i.test(doc.text.slice(x.start, x.end))) ?? ms[0];
      if (m) return { kind, start: m.start, end: m.end, text: doc.text.slice(m.start, m.end) };
    }
  }
  return undefined;
}
