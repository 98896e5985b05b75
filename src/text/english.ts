import type { Token } from './tokens.js';

// English mechanics the STAR segmenter needs, not rubric content: which words are past-tense
// verbs and pronouns. Regular pasts end in -ed; these are the common irregular ones.
const IRREGULAR_PAST = new Set(
  ('was were had did made said went got took came saw knew thought told gave found felt left kept brought bought sent spent ' +
    'stood sat ran met paid lost held heard meant put set let read led began began broke chose drove ate fell forgot ' +
    'grew hid hung hurt lay lent rang rose sang sold shook shot shut slept spoke stole stuck swore swept taught tore threw ' +
    'understood woke wore won wrote became built caught cost dealt drew flew fought froze quit sent sought struck ' +
    "couldn't wasn't weren't didn't hadn't wouldn't").split(/\s+/),
);
const NOT_VERBS_ED = new Set(['need', 'red', 'bed', 'shed', 'feed', 'seed', 'speed', 'bled', 'hundred', 'indeed', 'sacred', 'naked', 'wicked', 'rugged', 'ragged']);

export function isPastVerb(t: Token): boolean {
  const w = t.norm;
  if (IRREGULAR_PAST.has(w)) return true;
  return w.length > 4 && w.endsWith('ed') && !NOT_VERBS_ED.has(w);
}

export const FIRST_SINGULAR = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself']);
export const FIRST_PLURAL = new Set(['we', "we're", "we've", "we'd", "we'll", 'us', 'our', 'ours', 'ourselves']);
