import { SAYING, finiteClauseAt, othersWordsAt, type Clause } from '../../language/index.js';
import { perRubric } from '../../rubric/derived.js';
import type { JargonRule } from '../../rubric/types.js';
import { isMentionOnly } from '../../text/mention.js';
import type { PhraseMatch } from '../../text/phrases.js';
import type { Token } from '../../text/tokens.js';
import type { DocSentence } from '../document.js';
import type { Check, JargonSpan } from '../types.js';

const POS_TAGS = { verb: 'VERB', noun: 'NOUN', adjective: 'ADJ' } as const;
const NOUN_LEADS = new Set(['DET', 'ADJ', 'NUM']);
/** Verbs another person judges the speaker with: what follows is their assessment, not the speaker's words (lemmas, in American spelling). */
const PRAISING = new Set(['praise', 'compliment', 'commend', 'thank', 'applaud', 'credit', 'recognize', 'call', 'describe', 'nominate', 'reward']);

/**
 * Whether the word at k is used as `pos`. The tagger is trusted where it agrees; a word it calls a
 * noun is still a verb unless a determiner or an adjective leads it ("leverage the team" is a
 * verb, "the leverage we had" a noun).
 */
function usedAs(tokens: readonly Token[], k: number, pos: keyof typeof POS_TAGS): boolean {
  const tag = tokens[k].pos;
  if (tag === undefined || tag === POS_TAGS[pos]) return true;
  const lead = tokens[k - 1]?.pos ?? '';
  const nounPhrase = NOUN_LEADS.has(lead) || (lead === 'PRON' && /^(my|our|your|his|her|their|its|any|some|no)$/.test(tokens[k - 1].norm));
  return pos === 'verb' ? !nounPhrase : pos === 'noun' ? nounPhrase : false;
}

/**
 * Whether a match of a jargon phrase is the speaker using it: not quoted or named only to reject it,
 * not advised against, not someone else's words, and in the part of speech the rule names. The
 * pillar check reads a cliché's claim by the same test.
 */
export function isJargonUse(text: string, s: DocSentence, m: PhraseMatch, rule: JargonRule): boolean {
  const clause = finiteClauseAt(s, m.first);
  // a buzzword quoted or named only to reject it is not jargon ("I don't believe the customer is
  // always right", our manager kept saying we needed more "synergy"); quoted in the speaker's own
  // view now and not rejected, it is still used ("Being a 'people person' is an added skill")
  if (isMentionOnly(text, s.tokens, m.first, m.last, !endorsedNow(s, clause, m.first))) return false;
  // advised against: "Don't go to extremes to exceed expectations" ("We didn't have the bandwidth" still uses it)
  if (clause?.negated && clause.mode === 'imperative' && clause.verb <= m.first) return false;
  // a cliché said not to be done stands in for nothing ("nurses can't go above and beyond"; an
  // office buzzword negated is still used: "we didn't have the bandwidth")
  if (rule.claims && clause?.negated && clause.verb <= m.first) return false;
  if (othersWordsAt(s, m.first)) return false;
  // someone else's praise, reported: "my manager often praised me for my strong work ethic"
  if (clause && clause.actor === 'other' && PRAISING.has(clause.lemma) && clause.verb < m.first && !clause.negated) return false;
  // a number in a cliché is its percent ("give 110%", "give it 110 every day"), not a count or a sum
  // ("we gave 100 customers a refund", "gave her 100 dollars back")
  if (/^\d/.test(s.tokens[m.last - 1].norm)) {
    const n = s.numbers.find((x) => x.first < m.last && m.last <= x.last);
    const next = s.tokens[m.last];
    if (n?.kind !== 'percent' && ((n && n.kind !== 'amount' && n.kind !== 'count') || next?.pos === 'NOUN' || next?.pos === 'PROPN')) return false;
    // a cliché that is a number alone is the percent, never a room or a page ("in room 110")
    if (m.last - m.first === 1 && n?.kind !== 'percent') return false;
  }
  // "leverage" the verb is jargon; "the leverage the contract gave us" is plain English
  return !rule.pos || usedAs(s.tokens, m.first, rule.pos);
}

/**
 * Whether a phrase at `k` stands in a statement of the teller's view now: a present clause, not
 * reported, not negated, in a sentence with no verb of saying before it (nor a question).
 */
function endorsedNow(s: DocSentence, clause: Clause | undefined, k: number): boolean {
  if (!clause || clause.reported || clause.negated || clause.question || (clause.mode !== 'present' && clause.mode !== 'habit')) return false;
  for (let j = 0; j < k; j++) if (SAYING.has(s.tokens[j].lemma ?? s.tokens[j].norm)) return false;
  return true;
}

/** The rubric's jargon phrases as one list, made once per rubric: the jargon and pillar checks read it for every answer. */
export const jargonPhrases = perRubric((rubric): readonly string[] => rubric.jargon.map((j) => j.phrase));

/** Jargon: buzzwords and clichés that sound empty to an interviewer, each with a plainer way to say it. */
export const jargonCheck: Check = {
  id: 'jargon',
  description: 'Buzzwords and clichés, each with a plainer alternative or a question that asks for the evidence.',
  rules: ['jargon'],
  run({ doc, rubric, phrases, finding }) {
    const set = phrases(jargonPhrases(rubric));
    const jargon: JargonSpan[] = [];
    const findings = [];
    for (const s of doc.sentences) {
      const ms = set.findAll(s.tokens);
      for (let k = 0; k < ms.length; k++) {
        const m = ms[k];
        if (!isJargonUse(doc.text, s, m, rubric.jargon[m.phrase.index])) continue;
        const { suggestion } = rubric.jargon[m.phrase.index];
        // "%" is not a word, so "give 110%" matches as "give 110": report the whole of it
        const at = { start: m.start, end: doc.text[m.end] === '%' ? m.end + 1 : m.end };
        // the span's fields written out (not spread): the same keys in the same order
        const span = doc.span(at.start, at.end);
        jargon.push({ text: span.text, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn, suggestion });
        findings.push(finding('jargon', 'warning', `"${doc.text.slice(at.start, at.end)}" is jargon: ${suggestion}`, at, suggestion));
      }
    }
    return { findings, score: Math.max(0, 1 - 0.25 * jargon.length), report: { jargon } };
  },
};
