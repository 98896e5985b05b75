import { isNegated, isQuoted } from '../../text/mention.js';
import type { PhraseMatch } from '../../text/phrases.js';
import type { Check, PillarResult } from '../types.js';

/** Pillars: the qualities of service the answer shows, by behaviour or stated value. */
export const pillarsCheck: Check = {
  id: 'pillars',
  description: 'The answer shows enough of the rubric\'s pillars (empathy, ownership, …), each by a phrase that shows it.',
  rules: ['pillars-missing', 'pillars-too-many'],
  run({ doc, rubric, phrases, finding }) {
    const jargonSet = phrases(rubric.jargon.map((j) => j.phrase));
    // a buzzword is no evidence of its pillar, used or rejected: "I go above and beyond", "I hate 'above and beyond'"
    const jargonBySentence = doc.sentences.map((s) => jargonSet.findAll(s.tokens));
    const inJargon = (si: number, m: PhraseMatch) => jargonBySentence[si].some((j) => m.first < j.last && j.first < m.last);
    const pillars: PillarResult[] = rubric.pillars.map((p) => {
      const set = phrases(p.phrases);
      // a negated or quoted phrase shows nothing: "the app was not really responsive", "'above and beyond'"
      const evidence = doc.sentences.flatMap((s, si) =>
        set
          .findAll(s.tokens)
          .filter((m) => !isNegated(doc.text, s.tokens, m.first) && !isQuoted(doc.text, m.start, m.end) && !inJargon(si, m))
          .map((m) => ({ ...doc.span(m.start, m.end), kind: 'shown' as const, why: `matches "${m.phrase.source}"` })),
      );
      return { id: p.id, name: p.name, present: evidence.length > 0, status: evidence.length ? 'shown' : 'missing', evidence };
    });
    const { min, max } = rubric.expectations.pillars;
    const shown = pillars.filter((p) => p.present);
    const findings = [];
    if (shown.length < min) {
      // the heaviest first: the pillars this question is really about
      const missing = rubric.pillars.filter((p) => !pillars.find((r) => r.id === p.id)?.present).sort((a, b) => b.weight - a.weight);
      const ideas = missing
        .slice(0, 3)
        .map((p) => (p.hint ? `${p.name} (${p.hint.replace(/\.$/, '')})` : p.name))
        .join('; ');
      findings.push(
        finding('pillars-missing', 'warning', `Shows ${shown.length} of the ${min} pillars a strong answer shows${shown.length ? ` (${shown.map((p) => p.name).join(', ')})` : ''}. Show ${min - shown.length} more, for example: ${ideas}.`),
      );
    } else if (shown.length > max) {
      findings.push(finding('pillars-too-many', 'info', `Touches ${shown.length} pillars; the strongest answers pick ${min}–${Math.min(max, 3)} and show them in the story.`));
    }
    const totalWeight = rubric.pillars.reduce((n, p) => n + p.weight, 0) || 1;
    const shownWeight = rubric.pillars.filter((p) => pillars.find((r) => r.id === p.id)?.present).reduce((n, p) => n + p.weight, 0);
    const meanWeight = totalWeight / (rubric.pillars.length || 1);
    const score = min === 0 ? 1 : Math.min(1, shownWeight / (meanWeight * min));
    return { findings, score, report: { pillars } };
  },
};
