import { clauseAt, OTHERS_OBJECT, PEOPLE_NOUNS, SAYING, type Clause } from '../../language/index.js';
import { isMentionOnly, isNegated, isQuoted } from '../../text/mention.js';
import { anyWordIn, WordClass } from '../../text/tokens.js';
import type { PhraseMatch } from '../../text/phrases.js';
import type { PillarRule } from '../../rubric/types.js';
import type { AnswerDocument, DocSentence } from '../document.js';
import type { Check, Evidence, EvidenceKind, PillarResult } from '../types.js';
import { isJargonUse, jargonPhrases } from './jargon.js';

// A pillar is shown by what the speaker (or their team) did in the story, or claimed: a value, a
// habit, a plan or a self-description. Whose words they are and in what mood they are said comes
// from the language layer; the rubric lists only what shows each pillar.

const STORY = new Set(['situation', 'task', 'action', 'result']);
/** Modes that say what happened, as opposed to what usually happens, would happen or should. */
const HAPPENED = new Set(['narrated', 'background', 'ongoing']);
/** Third-person pronouns: "she listened" is someone else's doing; "service means listening" is a value. */
const PERSON = /^(he|she|they|him|her|them|someone|somebody|everyone|everybody|anyone|people)$/;
/** Verbs that say what someone is like: "she was patient" is about her. */
const COPULAR = new Set(['be', 'seem', 'feel', 'look', 'sound', 'become', 'stay', 'remain', 'get']);

type Source = 'behaviour' | 'quality' | 'outcome' | 'noticed';
const SOURCES: readonly Source[] = ['behaviour', 'quality', 'outcome', 'noticed'];
/** A pillar's phrases of one source. */
const listOf = (p: PillarRule, source: Source): readonly string[] =>
  source === 'behaviour' ? p.phrases : source === 'quality' ? p.qualities : source === 'outcome' ? p.outcomes : p.noticed;

/** Words that give a reason for what came before them: "…, because I could tell they were worried". */
const REASONS = new WordClass(['because', 'since', 'as', 'cause']);

/** Verbs of noticing a feeling: "I could see", "I sensed", "I realised". */
const PERCEIVING = new Set(['see', 'hear', 'notice', 'tell', 'sense', 'realize', 'realise', 'feel', 'know', 'understand', 'recognize', 'recognise', 'pick', 'spot', 'gather', 'guess', 'imagine', 'picture']);
/** Verbs of thinking that only hedge what follows them. */
const HEDGES = new Set(['think', 'guess', 'believe', 'know', 'suppose', 'feel', 'reckon', 'hope']);
/** Words that make a phrase the speaker's whoever the clause is about: "it was my error", "on my own time". */
const SPEAKERS_OWN = new WordClass(['my', 'me', 'myself', 'mine', 'our', 'us', 'ours', 'ourselves']);

/**
 * The clause a match belongs to: the one whose verb it contains, else the one it stands in. Words
 * quoted in the story are their speaker's doing: "she said, 'this is our mistake'" is hers, said
 * when "said" happened.
 */
function clauseOf(doc: AnswerDocument, s: DocSentence, m: PhraseMatch): Clause | undefined {
  let c: Clause | undefined;
  // "(I stayed on it) until the problem was solved": a phrase that opens with "until" belongs to the clause it ends
  if (/^(until|till|before|after|once|so)$/.test(s.tokens[m.first].norm) && m.first > 0) c = clauseAt(s, m.first - 1);
  // "instead of putting in a ticket": a phrase that ends on a preposition is about the verb it leads to
  if (s.tokens[m.last - 1]?.pos === 'ADP') {
    const next = clauseAt(s, m.last);
    if (next && next.first === m.last && !next.finite) c = next;
  }
  for (let k = m.first; k < m.last && !c; k++) if (s.tokens[k].pos === 'VERB' || s.tokens[k].pos === 'AUX') c = clauseAt(s, k);
  c ??= clauseAt(s, m.first);
  // "I told her, like, don't worry": an instruction after a verb of saying is the sayer's words
  if (c && c.mode === 'imperative' && c.actor === 'none') {
    const says = s.clauses.filter((x) => x.finite && x.first < c!.first && SAYING.has(x.lemma) && !x.quoted).at(-1);
    if (says) return { ...c, actor: says.actor, mode: says.mode, reported: false };
  }
  // a line of dialogue is said, in the story, by whoever its label names ("Me: "I'll check the back."");
  // another's words about "you" are about the speaker ("Customer: "You've been so patient""), told,
  // not asked ("Customer: "You're sorry?"" questions it)
  if (c?.quoted && c.saidBy < 0 && s.dialogueBy) {
    const aboutYou = s.dialogueBy === 'other' && !c.question && c.subject >= 0 && /^you/.test(s.tokens[c.subject].norm);
    return { ...c, actor: s.dialogueBy === 'speaker' || aboutYou ? 'speaker' : 'other', quoted: false, reported: false };
  }
  // a quote that is a sentence of its own ("I'm sorry your food is cold.") is said by whoever spoke last
  if (c?.quoted && c.saidBy < 0) {
    const says = lastSaying(doc, s);
    if (says) return { ...c, actor: says.actor, mode: says.mode, quoted: false, reported: false };
    // the later sentences of a quote that runs on ("…the express lane! I'll get you sorted."): said
    // by whoever opened it ("Me: *sighing* "Well, come on down!"), or, in dialogue with no one
    // named, read by their own words
    if (s.inQuote) {
      const opener = quoteOpener(doc, s);
      return opener ? { ...c, actor: opener.actor, mode: opener.mode, quoted: false, reported: false } : { ...c, quoted: false };
    }
  }
  if (c && c.saidBy >= 0) {
    const says = s.clauses[c.saidBy];
    // the customer's words about "you" are about the speaker: "you've got the patience of a saint"
    if (c.quoted && says.actor === 'other' && c.subject >= 0 && /^you/.test(s.tokens[c.subject].norm)) return { ...c, actor: 'speaker', mode: says.mode, quoted: false, reported: false };
    // "I guess my job was to …", "as far as I know he's still a member": a hedge changes nothing
    if (c.reported && HEDGES.has(says.lemma) && says.mode === 'present') return { ...c, reported: false };
    // "I told her the mistake was ours", "she said, 'we'll fix it'": what was said is the sayer's doing, done when it was said
    if (c.quoted || c.actor === 'other' || c.actor === 'none' || says.actor === c.actor) return { ...c, actor: says.actor, mode: says.mode, quoted: false, reported: false };
  }
  return c;
}

/** Whether the match stands in a quotation someone in the story is said to say. */
function attributedQuote(doc: AnswerDocument, s: DocSentence, m: PhraseMatch): boolean {
  const c = clauseAt(s, m.first);
  return Boolean(c?.quoted && (c.saidBy >= 0 || s.dialogueBy || lastSaying(doc, s)));
}

/** The last clause outside quotation marks in the sentence where the quotation running into s opened. */
function quoteOpener(doc: AnswerDocument, s: DocSentence): Clause | undefined {
  let i = s.index - 1;
  while (i > 0 && doc.sentences[i].inQuote) i--;
  return doc.sentences[i]?.clauses.filter((c) => c.finite && !c.quoted).at(-1);
}

/**
 * The last unquoted verb of saying in the three sentences before s (dialogue told a line at a
 * time); for a later sentence of a quotation that runs on, before and in the sentence where it
 * opened ('"I'm sorry your food is cold. Do you want me to warm it up?"' is one line, said once).
 */
function lastSaying(doc: AnswerDocument, s: DocSentence): Clause | undefined {
  let from = s.index - 1;
  if (s.inQuote) {
    from = s.index;
    while (from > 0 && doc.sentences[from].inQuote) from--;
  }
  // (the sentence where it opened, then the three before it, as for that sentence)
  for (let i = from; i >= Math.max(0, from - (s.inQuote ? 3 : 2)); i--) {
    const sayers = doc.sentences[i].clauses.filter((c) => c.finite && !c.quoted && SAYING.has(c.lemma));
    const said = sayers.at(-1);
    if (!said) continue;
    // a question gets its answer from the other one speaking: after '"I won't leave you," he
    // promised, when I asked, "Are you still there?"' the next quote is his
    const other = sayers.find((c) => c.actor !== said.actor);
    if (other && i === s.index - 1 && !s.inQuote && ASKED_LAST.test(doc.sentences[i].text)) return other;
    return said;
  }
  return undefined;
}

/** A sentence that ends on a quoted question: '… when I asked, "Are you still there?"'. */
const ASKED_LAST = /\?["\u201d']\s*$/;

/** Is the clause about the person whose doing counts: the speaker, or the server when the story is told as the customer? */
function bySpeaker(c: Clause | undefined, customerSide: boolean): boolean {
  if (!c) return false;
  return customerSide ? c.actor === 'other' : c.actor === 'speaker' || c.actor === 'team';
}

/** Verbs by which the speaker has someone else do a thing: "got the dispatcher to put her on", "had the kitchen remake it". */
const ARRANGING = new Set(['get', 'have']);

/**
 * Whether a non-finite clause is done by someone the speaker got to do it: "I got the dispatcher
 * to put her on the first route the next morning" is the speaker's doing (the speaker arranged it).
 */
function arrangedBy(s: DocSentence, c: Clause, customerSide: boolean): boolean {
  if (c.finite || c.actor !== 'other' || customerSide) return false;
  const governing = governingClause(s, c);
  return governing !== undefined && bySpeaker(governing, false) && ARRANGING.has(governing.lemma) && governing.verb >= 0 && c.verb - governing.verb <= 5;
}

/** The finite clause a non-finite one stands under: the last one before it. */
function governingClause(s: DocSentence, c: Clause): Clause | undefined {
  let governing: Clause | undefined;
  for (const x of s.clauses) if (x.finite && x.first < c.first) governing = x;
  return governing;
}

/** Pronouns that can stand for a whole clause before them: "…, and that helped build trust". */
const CLAUSE_PRONOUNS = new Set(['that', 'this', 'which']);

/**
 * Whether the clause's subject stands for a step of the speaker's told before it in the sentence:
 * "I listened closely to his fears, and that helped build trust" (not "the form that helped him",
 * where "that" stands for the form).
 */
function ledToBy(s: DocSentence, clause: Clause, customerSide: boolean): boolean {
  // "that helped build trust": the verb under "helped" goes with it
  const c = clause.finite ? clause : governingClause(s, clause);
  if (!c || c.subject <= 0 || !CLAUSE_PRONOUNS.has(s.tokens[c.subject].norm)) return false;
  const before = s.tokens[c.subject - 1];
  if (before.pos === 'NOUN' || before.pos === 'PROPN' || before.pos === 'PRON') return false;
  return s.clauses.some((x) => x.finite && x.first < c.first && x.mode === 'narrated' && bySpeaker(x, customerSide));
}

/**
 * Whether the phrase is the subject of a "be" whose complement is the speaker's step, told right
 * after it: "the solution was, I quickly got her a computer", "the fix was that we reset the line".
 */
function namesStepAfter(s: DocSentence, c: Clause, m: PhraseMatch, customerSide: boolean): boolean {
  if (c.lemma !== 'be' || c.subject < m.first || c.subject >= m.last || c.verb < 0) return false;
  const k = s.tokens[c.verb + 1]?.norm === 'that' ? c.verb + 2 : c.verb + 1;
  const next = s.clauses.find((x) => x.finite && x.first >= c.verb && x.first <= k + 1);
  return next !== undefined && bySpeaker(next, customerSide) && next.mode === c.mode && (next.subject === k || next.first === k);
}

/**
 * Verbs of knowing, noticing and liking: no step is done by them. (Not PERCEIVING: that set holds
 * "tell" and "pick", steps in "I quickly told him", "I picked up the phone at once".)
 */
const MINDING = new Set(['remember', 'recall', 'realize', 'realise', 'recognize', 'recognise', 'notice', 'know', 'understand', 'love', 'like', 'enjoy', 'forget']);

/** Words that open a reason given before what it explains. */
const REASON_LEADS = new WordClass(['because', 'since']);

/** Whether the clause's subject is a person other than the speaker ("she", "the regulars"). */
function aboutSomeone(s: DocSentence, c: Clause): boolean {
  if (c.subject < 0) return false;
  const t = s.tokens[c.subject];
  return PERSON.test(t.norm) || PEOPLE_NOUNS.has((t.lemma ?? t.norm).toLowerCase());
}

/** Whether the clause is about people in general: "someone", "everyone", "a good employee", "customers". */
function anyone(s: DocSentence, c: Clause): boolean {
  if (c.subject < 0) return false;
  const t = s.tokens[c.subject];
  if (/^(someone|somebody|anyone|anybody|everyone|everybody|people|nobody)$/.test(t.norm)) return true;
  // a person noun with no "the", "my", "his": "customers", "a customer", "every employee", "good staff"
  let k = c.subject - 1;
  while (k >= 0 && s.tokens[k].pos === 'ADJ') k--;
  const det = k >= 0 ? s.tokens[k].norm : '';
  return PEOPLE_NOUNS.has((t.lemma ?? t.norm).toLowerCase()) && !/^(the|my|our|his|her|their|this|that|your)$/.test(det) && (det === '' || /^(a|an|every|each|any|all|most|some|good|great)$/.test(det) || t.norm !== (t.lemma ?? t.norm));
}

const REFLEXIVES = new Set(['myself', 'yourself', 'himself', 'herself', 'itself', 'ourselves', 'yourselves', 'themselves']);

/**
 * A reflexive right after a verb or a preposition is its object ("I asked myself what", "you find
 * yourself in a mess", "I drove myself home", "set high goals for myself", "getting ahead of
 * myself"): the speaker talking to, moving or aiming at themselves, not doing the thing themselves
 * ("I rang her back myself"; "by myself" says alone).
 */
function selfAsObject(s: DocSentence, m: PhraseMatch): boolean {
  for (let k = m.first; k < m.last; k++) {
    const prev = s.tokens[k - 1];
    // (a preposition inside the phrase is the phrase's own: "took it on myself")
    if (REFLEXIVES.has(s.tokens[k].norm) && prev && (prev.pos === 'VERB' || prev.pos === 'AUX' || (k === m.first && prev.pos === 'ADP' && prev.norm !== 'by'))) return true;
  }
  return false;
}

/** Whether text[from, to) holds a , ; : ( ) or a dash (read by character code: no slice, no pattern). */
function breaksPhrase(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2013 || c === 0x2014) return true;
  }
  return false;
}

/**
 * What a match shows, if anything: `shown` by something that happened (a step of the speaker's,
 * or of the server's in a story told as the customer), `claimed` by a value, a habit, a plan or a
 * self-description. Someone else's doing, a negated or quoted phrase, and a phrase inside a
 * cliché show nothing.
 */
export function evidenceKind(doc: AnswerDocument, s: DocSentence, m: PhraseMatch, source: Source): { kind: EvidenceKind; why: string } | undefined {
  // a phrase read across a comma or a semicolon is two things ("finding it; and a second server")
  if (breaksPhrase(doc.text, m.start, m.end)) return undefined;
  if (selfAsObject(s, m)) return undefined;
  const c = clauseOf(doc, s, m);
  // a quote nobody is said to say, or a question ("Did the customer notice?"), shows nothing; words
  // someone is said to say are theirs, not a mention ("she said, 'this is our mistake'")
  // (a question said in the story is an offer or a check: "Do you want me to warm this food up?")
  const said = attributedQuote(doc, s, m);
  if (c?.quoted || (c?.question && !said) || (!said && isQuoted(doc.text, m.start, m.end)) || isNegated(doc.text, s.tokens, m.first) || (!said && isMentionOnly(doc.text, s.tokens, m.first, m.last))) return undefined;
  const inStory = STORY.has(s.role);
  // a step told in the past happened, story or not; a present tense only inside a story ("so I ask her")
  const happened = c !== undefined && (HAPPENED.has(c.mode) || (c.mode === 'present' && inStory)) && !c.conditional && (!c.question || said);
  const customerSide = doc.customerSide;
  if (source === 'quality') {
    // "I am patient", "with empathy": a quality named, of the speaker or as a value, is a claim
    // ... but "she was patient" is about her ("they loved the personal attention" is not)
    const mine = /^(my|our)$/.test(s.tokens[m.first - 1]?.norm ?? '');
    // … and a quality owned by someone else is theirs: "a company's commitment to excellence", "her patience"
    const owner = s.tokens[m.first - 1];
    if (owner && (/^(his|her|their|its)$/.test(owner.norm) || (owner.norm.endsWith("'s") && owner.pos !== 'PRON'))) return undefined;
    if (c && c.actor === 'other' && !customerSide && aboutSomeone(s, c) && !mine && COPULAR.has(c.lemma) && m.first > c.verb) return undefined;
    return { kind: 'claimed', why: 'names the quality' };
  }
  if (source === 'outcome') {
    // the customer's response: "she came back", "he felt heard"
    const theirs = c !== undefined && (customerSide ? c.actor === 'speaker' : c.actor === 'other');
    if (!theirs) return undefined;
    // (in the story, a response not told is a purpose or a hope: "so she could come back for it later")
    if (!happened && inStory) return undefined;
    return happened ? { kind: 'shown', why: "the customer's response" } : { kind: 'claimed', why: 'a response you expect, not one told' };
  }
  if (source === 'noticed') {
    // a feeling noticed by the speaker ("I could hear she was scared") or answered because of it
    // ("he was anxious about the cost, so I showed him what could wait"), then answered by a step of
    // the speaker's in the same sentence or the next; not the bare complaint of an angry customer
    // ("she was furious and shouted at me. Finally we called housekeeping")
    const noticed = s.clauses.some((x) => x.first <= m.first && bySpeaker(x, customerSide) && PERCEIVING.has(x.lemma));
    // (or a reason first: "because the guy sounded desperate, I said OK")
    const reasonFirst = c !== undefined && anyWordIn(s.tokens, c.first - 3, c.first + 1, REASON_LEADS);
    const because = s.clauses.find((x) => x.finite && x.first > m.first && bySpeaker(x, customerSide) && (reasonFirst || s.tokens.slice(m.last, x.first + 1).some((t) => t.norm === 'so')));
    const later = doc.sentences[s.index + 1]?.clauses ?? [];
    if (!noticed && !because) {
      // a particular person's feeling told in the story ("She was really anxious, nearly in tears."),
      // answered by the speaker's next step for them ("I helped her retrace her steps")
      // (not a crowd's mood, "lots of the teams were stressed", nor a step for no one in particular:
      // "she was furious and shouted at me. Finally we called housekeeping")
      const felt = !customerSide && inStory && c !== undefined && c.finite && c.actor === 'other' && (c.mode === 'narrated' || c.mode === 'background') && !c.quoted && aboutSomeone(s, c) && !anyone(s, c);
      if (!felt) return undefined;
      const mine = (x: Clause) => x.finite && bySpeaker(x, false);
      const here = s.clauses.find((x) => x.first > m.first && mine(x));
      const where = here ? s : doc.sentences[s.index + 1];
      const step = here ?? later.find(mine);
      const forThem = step !== undefined && step.verb >= 0 && anyWordIn(where.tokens, step.verb, step.last, OTHERS_OBJECT);
      return forThem && step.mode === 'narrated' && !step.conditional ? { kind: 'shown', why: 'a feeling you answered' } : undefined;
    }
    // (or answered before the reason is given: "I stayed calm, because I could tell they were worried")
    const perceiving = (x: Clause) => PERCEIVING.has(x.lemma) && x.first <= m.first;
    const answer =
      because ??
      s.clauses.find((x) => x.finite && x.first > m.first && bySpeaker(x, customerSide)) ??
      later.find((x) => x.finite && bySpeaker(x, customerSide)) ??
      (noticed && anyWordIn(s.tokens, 0, m.first, REASONS) ? s.clauses.find((x) => x.finite && x.first < m.first && bySpeaker(x, customerSide) && !perceiving(x)) : undefined);
    if (!answer) return undefined;
    const answered = (HAPPENED.has(answer.mode) || (answer.mode === 'present' && inStory)) && !answer.conditional;
    return answered ? { kind: 'shown', why: 'a feeling you noticed and answered' } : { kind: 'claimed', why: 'how you would answer a feeling' };
  }
  // an adverb of manner on a verb of knowing or feeling tells how the mind went, not a step:
  // "I immediately remember the lady", "they loved it immediately"
  if (m.last - m.first === 1 && s.tokens[m.first].pos === 'ADV' && c && MINDING.has(c.lemma)) return undefined;
  const own = !customerSide && anyWordIn(s.tokens, m.first, m.last, SPEAKERS_OWN);
  if (c && (bySpeaker(c, customerSide) || own || arrangedBy(s, c, customerSide) || ledToBy(s, c, customerSide) || namesStepAfter(s, c, m, customerSide))) {
    if (happened && !c.reported) return { kind: 'shown', why: customerSide ? 'what they did for you' : inStory ? 'your step in the story' : 'something you did' };
    const mood = c.mode === 'modal' || c.mode === 'future' || c.reported ? 'what you would do' : c.mode === 'habit' ? 'what you usually do' : 'a value you state';
    return { kind: 'claimed', why: mood };
  }
  // a general statement: no person doing it ("Service means listening", "Listen first."), or people
  // in general ("a good employee listens", "staff should explain the fees") — not a particular one
  // (someone's words in the story are theirs, never a value the speaker states: "Customer: "You're sorry?"")
  // (outside the story a present perfect states the world as it is: "it has been proven that keeping existing customers …")
  if (!inStory && (!happened || c?.mode === 'ongoing') && !said && s.dialogueBy !== 'other' && (!c || c.actor === 'none' || (c.actor === 'other' && (!aboutSomeone(s, c) || anyone(s, c))))) return { kind: 'claimed', why: 'a value you state' };
  return undefined;
}

/** Pillars: the qualities of service the answer shows by behaviour, or claims. */
export const pillarsCheck: Check = {
  id: 'pillars',
  description: 'The answer shows enough of the rubric\'s pillars (empathy, ownership, …), each by something the speaker did, or at least claims them.',
  rules: ['pillars-missing', 'pillars-too-many', 'pillars-claimed'],
  run({ doc, rubric, phrases, finding }) {
    const jargonSet = phrases(jargonPhrases(rubric));
    // a buzzword is no evidence of its pillar, used or rejected: "I go above and beyond", "I hate 'above and beyond'"
    const jargonBySentence = doc.sentences.map((s) => jargonSet.findAll(s.tokens));
    const inJargon = (si: number, m: PhraseMatch) => jargonBySentence[si].some((j) => m.first < j.last && j.first < m.last);
    // where each pillar's first piece of evidence is in the document, for a finding about it
    const firstSpans: (PhraseMatch | undefined)[] = [];
    const pillars: PillarResult[] = rubric.pillars.map((p) => {
      const evidence: Evidence[] = [];
      // the match of each piece of evidence, in the order found
      const matches: PhraseMatch[] = [];
      const add = (m: PhraseMatch, kind: EvidenceKind, why: string) => {
        const at = doc.span(m.start, m.end);
        evidence.push({ text: at.text, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, kind, why });
        matches.push(m);
      };
      // (index loops: this runs for every pillar, list and sentence, and most find nothing)
      for (let l = 0; l < SOURCES.length; l++) {
        const source = SOURCES[l];
        const list = listOf(p, source);
        if (!list.length) continue;
        const set = phrases(list);
        for (let si = 0; si < doc.sentences.length; si++) {
          const s = doc.sentences[si];
          const ms = set.findAll(s.tokens);
          for (let k = 0; k < ms.length; k++) {
            const m = ms[k];
            if (inJargon(si, m)) continue;
            const kind = evidenceKind(doc, s, m, source);
            if (!kind) continue;
            add(m, kind.kind, kind.why);
          }
        }
      }
      // a cliché that claims this pillar ("I go the extra mile") is a claim, whatever the mood
      for (let si = 0; si < doc.sentences.length; si++) {
        const js = jargonBySentence[si];
        for (let k = 0; k < js.length; k++) {
          const rule = rubric.jargon[js[k].phrase.index];
          if (rule?.claims !== p.id || !isJargonUse(doc.text, doc.sentences[si], js[k], rule)) continue;
          add(js[k], 'claimed', 'a cliché: say what you did instead');
        }
      }
      // the first after the (stable) sort below: the earliest found of those that start first
      let first = 0;
      for (let k = 1; k < evidence.length; k++) if (evidence[k].line < evidence[first].line || (evidence[k].line === evidence[first].line && evidence[k].column < evidence[first].column)) first = k;
      firstSpans.push(matches[first]);
      if (evidence.length > 1) evidence.sort((a, b) => a.line - b.line || a.column - b.column);
      const status = evidence.some((e) => e.kind === 'shown') ? 'shown' : evidence.length ? 'claimed' : 'missing';
      return { id: p.id, name: p.name, present: evidence.length > 0, status, evidence };
    });
    const { min, max } = rubric.expectations.pillars;
    const present = pillars.filter((p) => p.present);
    const findings = [];
    if (present.length < min) {
      // the heaviest first: the pillars this question is really about
      const missing = rubric.pillars.filter((p) => !pillars.find((r) => r.id === p.id)?.present).sort((a, b) => b.weight - a.weight);
      const ideas = missing
        .slice(0, 3)
        .map((p) => (p.hint ? `${p.name} (${p.hint.replace(/\.$/, '')})` : p.name))
        .join('; ');
      const which = present.length ? ` (${present.map((p) => p.name).join(', ')})` : '';
      findings.push(finding('pillars-missing', 'warning', `Shows ${present.length} of the ${min} pillars a strong answer shows${which}.${ideas ? ` Show ${min - present.length} more, for example: ${ideas}.` : ''}`));
    } else if (present.length > max) {
      findings.push(finding('pillars-too-many', 'info', `Touches ${present.length} pillars; the strongest answers pick ${min}–${Math.min(max, 3)} and show them in the story.`));
    }
    // a claim is coached: every interview guide says show it, don't say it
    for (let k = 0; k < pillars.length; k++) {
      const p = pillars[k];
      if (p.status !== 'claimed') continue;
      const m = firstSpans[k]!;
      findings.push(finding('pillars-claimed', 'info', `${p.name} is claimed, not shown: add the moment you showed it.`, { start: m.start, end: m.end }));
    }
    return { findings, score: pillarScore(rubric.pillars, pillars, min), report: { pillars } };
  },
};

/**
 * The pillar part: pillars shown (by weight) against the rubric's minimum, and claims for half as
 * much — claims alone never earn more than half the part, however many there are.
 */
function pillarScore(rules: readonly PillarRule[], results: readonly PillarResult[], min: number): number {
  if (min === 0) return 1;
  const total = rules.reduce((n, p) => n + p.weight, 0) || 1;
  const meanWeight = total / (rules.length || 1);
  const weightOf = (status: string) => rules.filter((p) => results.find((r) => r.id === p.id)?.status === status).reduce((n, p) => n + p.weight, 0);
  const shown = weightOf('shown') / (meanWeight * min);
  const claimed = weightOf('claimed') / (meanWeight * min);
  return Math.min(1, shown + Math.min(0.5, claimed / 2));
}
