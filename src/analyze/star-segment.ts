import type { Rubric } from '../rubric/types.js';
import { isPastVerb } from '../text/english.js';
import type { PhraseSet } from '../text/phrases.js';
import type { AnswerDocument, DocSentence, Role } from './document.js';

interface Cues {
  situation: PhraseSet;
  task: PhraseSet;
  action: PhraseSet;
  result: PhraseSet;
  hypothetical: PhraseSet;
  habit: PhraseSet;
  unknownOutcome: PhraseSet;
}

function cuesFor(rubric: Rubric, phrases: (l: readonly string[]) => PhraseSet): Cues {
  return {
    situation: phrases(rubric.star.situation.cues),
    task: phrases(rubric.star.task.cues),
    action: phrases(rubric.star.action.cues),
    result: phrases(rubric.star.result.cues),
    hypothetical: phrases(rubric.star.hypothetical),
    habit: phrases(rubric.star.habit),
    unknownOutcome: phrases(rubric.star['unknown-outcome']),
  };
}

const hasPast = (s: DocSentence) => s.tokens.some(isPastVerb);

/**
 * Finds the STAR parts sentence by sentence and writes each sentence's role. Sections whose
 * heading or key names a part keep that part, except where a sentence clearly shows another
 * (a responsibility stated inside the Situation is the Task). Unlabelled text is read in order:
 * the story starts at the first past, concrete setting — never at a hypothetical or a habit.
 */
export function segmentStar(doc: AnswerDocument, rubric: Rubric, phrases: (l: readonly string[]) => PhraseSet): void {
  const cues = cuesFor(rubric, phrases);
  if (doc.structured) {
    for (const s of doc.sentences) {
      if (s.role === 'situation' && cues.task.test(s.tokens)) s.role = 'task';
      else if (s.role === 'result' && cues.unknownOutcome.test(s.tokens)) s.role = 'closing';
    }
    // a Result section in which every sentence says the outcome is unknown, or only offers an opinion, is no result
    return;
  }
  let started = false;
  let seenAction = false;
  let seenResult = false;
  for (const s of doc.sentences) {
    const hyp = cues.hypothetical.test(s.tokens);
    const habit = cues.habit.test(s.tokens);
    const past = hasPast(s);
    let role: Role;
    if (!started) {
      if (cues.situation.test(s.tokens) && !hyp && !habit) {
        started = true;
        role = cues.task.test(s.tokens) ? 'task' : 'situation';
      } else role = 'opening';
    } else if (hyp && !past) {
      role = seenAction ? 'closing' : 'opening';
    } else if (cues.result.test(s.tokens) && (seenAction || past)) {
      role = 'result';
    } else if (cues.task.test(s.tokens) && !seenResult) {
      role = 'task';
    } else if (past || cues.action.test(s.tokens)) {
      role = seenResult ? 'result' : seenAction || cues.action.test(s.tokens) || /\bi\b/i.test(s.text) ? 'action' : 'situation';
    } else {
      role = seenResult || seenAction ? 'closing' : 'situation';
    }
    if (role === 'action') seenAction = true;
    if (role === 'result') seenResult = true;
    s.role = role;
  }
}
