import type { Check, TalkingPointResult } from '../types.js';

/** Opening: the talking points the rubric asks for outside the story (a one-line definition, a tie to the company's values). */
export const openingCheck: Check = {
  id: 'opening',
  description: 'The talking points the rubric asks for around the story, such as a one-line definition.',
  rules: ['opening'],
  run({ doc, rubric, phrases, finding }) {
    const framing = doc.sentences.filter((s) => s.role === 'opening' || s.role === 'closing');
    const opening: TalkingPointResult[] = rubric.opening.map((point) => {
      const set = phrases(point.phrases);
      const evidence = framing.flatMap((s) => set.findAll(s.tokens).map((m) => doc.span(m.start, m.end)));
      return { id: point.id, name: point.name, present: evidence.length > 0, evidence };
    });
    const findings = rubric.opening
      .filter((_, i) => !opening[i].present)
      .map((p) => finding('opening', 'info', `${p.name} is missing.${p.hint ? ` ${p.hint}` : ''}`));
    const score = opening.length ? opening.filter((o) => o.present).length / opening.length : 1;
    return { findings, score, report: { opening } };
  },
};
