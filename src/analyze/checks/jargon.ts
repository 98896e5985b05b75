import { isMentionOnly } from '../../text/mention.js';
import type { Check, JargonSpan } from '../types.js';

/** Jargon: buzzwords and clichés that sound empty to an interviewer, each with a plainer way to say it. */
export const jargonCheck: Check = {
  id: 'jargon',
  description: 'Buzzwords and clichés, each with a plainer alternative or a question that asks for the evidence.',
  rules: ['jargon'],
  run({ doc, rubric, phrases, finding }) {
    const set = phrases(rubric.jargon.map((j) => j.phrase));
    const jargon: JargonSpan[] = [];
    const findings = [];
    for (const s of doc.sentences) {
      for (const m of set.findAll(s.tokens)) {
        // a buzzword quoted or named only to reject it is not jargon ("I don't believe the customer is always right")
        if (isMentionOnly(doc.text, s.tokens, m.first, m.last)) continue;
        const { suggestion } = rubric.jargon[m.phrase.index];
        // "%" is not a word, so "give 110%" matches as "give 110": report the whole of it
        const at = { start: m.start, end: doc.text[m.end] === '%' ? m.end + 1 : m.end };
        jargon.push({ ...doc.span(at.start, at.end), suggestion });
        findings.push(finding('jargon', 'warning', `"${doc.text.slice(at.start, at.end)}" is jargon: ${suggestion}`, at, suggestion));
      }
    }
    return { findings, score: Math.max(0, 1 - 0.25 * jargon.length), report: { jargon } };
  },
};
