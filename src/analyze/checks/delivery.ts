import { FIRST_PLURAL, FIRST_SINGULAR } from '../../text/english.js';
import { perRubric } from '../../rubric/derived.js';
import type { Token } from '../../text/tokens.js';
import type { Check, Finding } from '../types.js';

// "like", "so" and "well" are fillers only when set off from the sentence ("it was, like, broken";
// "So, ..."); elsewhere they carry meaning ("I'd like to", "so that", "went well").
const CONTEXTUAL_FILLERS = new Set(['like', 'so', 'well']);

function isContextualFiller(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const after = text.slice(t.end, t.end + 1);
  const before = text.slice(Math.max(0, t.start - 2), t.start);
  if (t.norm === 'like') return after === ',' && /,\s$/.test(before);
  // sentence-initial "So," or "Well,"
  return i === 0 && after === ',';
}

/** The rubric's fillers but the contextual ones, made once per rubric. */
const fillersAlways = perRubric((rubric): readonly string[] => rubric.fillers.filter((f) => !CONTEXTUAL_FILLERS.has(f.toLowerCase())));

/** Whether the rubric lists any of the contextual fillers, worked out once per rubric. */
const hasContextualFillers = perRubric((rubric): boolean => rubric.fillers.some((f) => CONTEXTUAL_FILLERS.has(f.toLowerCase())));

/** A speaking time in the unit that says it best: "40 seconds", "1 minute", "1.5 minutes". */
function spoken(words: number, wpm: number): string {
  const seconds = (words / wpm) * 60;
  if (seconds < 55) return `${Math.max(5, Math.round(seconds / 5) * 5)} seconds`;
  const minutes = Math.round((seconds / 60) * 2) / 2;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The rubric's own length range as a speaking time: "1–2 minutes", "40 seconds–1 minute". */
export function speakingRange(min: number, max: number, wpm: number): string {
  const [from, to] = [spoken(min, wpm), spoken(max, wpm)];
  const unit = (t: string) => t.replace(/^[\d.]+ /, '');
  // "1–2 minutes", not "1 minute–2 minutes"
  return unit(from).replace(/s$/, '') === unit(to).replace(/s$/, '') ? `${from.replace(/ .*/, '')}–${to}` : `${from}–${to}`;
}

/** Delivery: fillers, hedges, "we" where "I" belongs, and length against the time an answer should take. */
export const deliveryCheck: Check = {
  id: 'delivery',
  description: 'Fillers, hedges, "we" instead of "I" in the Action, and length in words and speaking time.',
  rules: ['filler', 'hedge', 'we-action', 'length'],
  run({ doc, rubric, phrases, finding }) {
    const findings: Finding[] = [];
    const fillerSet = phrases(fillersAlways(rubric));
    const hedgeSet = phrases(rubric.hedges);
    const contextual = hasContextualFillers(rubric);
    let fillers = 0;
    let hedges = 0;
    let iCount = 0;
    let weCount = 0;
    let firstWe: Token | undefined;
    for (const s of doc.sentences) {
      for (const m of fillerSet.findAll(s.tokens)) {
        fillers++;
        findings.push(finding('filler', 'info', `Filler "${doc.text.slice(m.start, m.end)}": leave it out.`, m));
      }
      // one pass over the words for the contextual fillers and the Action's "I" and "we" (their
      // findings come after the hedges', as they always did)
      const action = s.role === 'action';
      let contextualAt: number[] | undefined;
      if (contextual || action) {
        for (let i = 0; i < s.tokens.length; i++) {
          const t = s.tokens[i];
          if (contextual && CONTEXTUAL_FILLERS.has(t.norm) && isContextualFiller(doc.text, s.tokens, i)) (contextualAt ??= []).push(i);
          if (!action) continue;
          if (FIRST_SINGULAR.has(t.norm)) iCount++;
          else if (FIRST_PLURAL.has(t.norm)) {
            weCount++;
            firstWe ??= t;
          }
        }
      }
      if (contextualAt) {
        for (const i of contextualAt) {
          const t = s.tokens[i];
          fillers++;
          findings.push(finding('filler', 'info', `Filler "${t.text}": leave it out.`, t));
        }
      }
      for (const m of hedgeSet.findAll(s.tokens)) {
        hedges++;
        findings.push(finding('hedge', 'info', `Hedge "${doc.text.slice(m.start, m.end)}": say it plainly, or drop it.`, m));
      }
    }
    const weShare = weCount / (iCount + weCount || 1);
    if (weCount >= 3 && weShare > rubric.expectations['we-share-max']) {
      findings.push(
        finding('we-action', 'warning', `The Action says "we" ${weCount} times and "I" ${iCount}: say what you did yourself.`, firstWe, 'Tell your own steps with "I"; credit the team in a sentence.'),
      );
    }
    const words = doc.tokens.length;
    const wpm = rubric.expectations['words-per-minute'];
    const speakingSeconds = Math.round((words / wpm) * 60);
    const { min, max } = rubric.expectations.words;
    let lengthPenalty = 0;
    if (words < min) {
      lengthPenalty = Math.min(0.5, (min - words) / min);
      findings.push(finding('length', 'warning', `${words} words (about ${speakingSeconds} s spoken): a strong answer takes ${min}–${max} words, ${speakingRange(min, max, wpm)}. Add the detail a listener needs.`));
    } else if (words > max) {
      lengthPenalty = Math.min(0.5, (words - max) / max);
      findings.push(finding('length', 'warning', `${words} words (about ${speakingSeconds} s spoken): a strong answer takes ${min}–${max} words, ${speakingRange(min, max, wpm)}. Cut the setup first.`));
    }
    const per100 = (n: number) => (words ? (n * 100) / words : 0);
    const score = Math.max(0, 1 - lengthPenalty - Math.min(0.3, per100(fillers) * 0.05) - Math.min(0.2, per100(hedges) * 0.05) - (findings.some((f) => f.rule === 'we-action') ? 0.2 : 0));
    return { findings, score, report: { stats: { words, sentences: doc.sentences.length, speakingSeconds, fillers, hedges } } };
  },
};
