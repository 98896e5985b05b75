import { isBaseForm, quotedFromOther, STATING, type Clause } from '../language/index.js';
import { anyWordIn, WordClass } from '../text/tokens.js';
import type { DocSentence } from './document.js';

// The Task, read from a sentence's clauses: what the speaker had to achieve, was responsible for,
// set out to do, or had to get past. Grammar, not rubric content: the rubric's task cues add the
// set phrases ("it was up to me").

/**
 * Verbs of aiming: "I wanted to", "we decided to", "I was determined to". Not "try": "I tried to
 * calm her down" tells a step taken, not what the speaker set out to achieve.
 */
const AIMING = new Set(['want', 'decide', 'aim', 'plan', 'intend', 'hope', 'determine', 'resolve', 'commit', 'promise', 'vow', 'set', 'need', 'have', 'mean', 'offer']);
/** What one may want to do and not set out to: "what I wanted to say was …", "I wanted to scream". */
const URGES = new Set(['say', 'scream', 'yell', 'shout', 'cry', 'laugh', 'swear', 'snap', 'hang', 'punch', 'strangle', 'slap', 'quit']);
/** Verbs of wanting and trying, the aims that a present tense puts in the teller's now (isAimNow). */
const PRESENT_AIMS = new Set(['want', 'try', 'hope', 'wish', 'mean', 'plan', 'intend', 'need', 'promise']);

/**
 * An aim in the present ("I want to shout out the small wins", "I want to know what you're going to
 * do!"): in a story told in the past, the teller talking now or a line of dialogue, not the task.
 */
export const isAimNow = (c: Clause): boolean => c.mode === 'present' && PRESENT_AIMS.has(c.lemma);

/** Verbs after "was" that hand the speaker a duty: "I was asked to", "we were required to". */
const DUTY_PASSIVES = new Set(['ask', 'require', 'expect', 'task', 'assign', 'charge', 'tell', 'suppose', 'oblige', 'need', 'give']);
/** Nouns that say a duty or an aim: "serving this table was my job". */
const DUTIES = new Set(['job', 'task', 'goal', 'aim', 'role', 'responsibility', 'priority', 'mission', 'duty', 'objective', 'challenge', 'focus', 'instruction', 'assignment', 'brief', 'remit', 'mandate']);
/** Subjects that impose a rule or a limit: "our policy only allowed refunds", "the system wouldn't let me". */
const RULES = new Set(['policy', 'policies', 'rule', 'rules', 'system', 'contract', 'warranty', 'procedure', 'process', 'law', 'regulation', 'regulations', 'terms', 'budget', 'deadline', 'guidelines']);
/** Verbs of permission or ability that, negated or limited, make an obstacle. */
const PERMIT = new Set(['allow', 'let', 'permit', 'cover', 'include', 'accept']);

/** Verbs by which someone else stands in the way: "the seller refused to take them back", "she resisted taking her medicine". */
const REFUSING = new Set(['refuse', 'decline', 'resist', 'reject', 'deny']);

/** What a business does for its customers: "we don't offer", "we don't usually do deliveries" (negated, an obstacle). */
const SERVICES = new Set(['offer', 'do', 'allow', 'accept', 'provide', 'deliver', 'give', 'refund', 'take', 'stock', 'carry', 'sell', 'ship', 'cover', 'permit', 'serve', 'support', 'exchange', 'honour', 'honor', 'issue', 'waive', 'guarantee']);

/** Verbs that, after "can't", say an attitude, not a limit: "I can't believe", "I can't thank her enough". */
const ATTITUDES = new Set(['believe', 'stand', 'imagine', 'wait', 'help', 'thank', 'deny', 'stress', 'emphasize', 'emphasise', 'overstate', 'recommend', 'complain', 'say']);

/** Verbs of knowing and thinking that, in the present, give the teller's view now: "I know I couldn't do it". */
const VIEWS = new Set(['know', 'think', 'believe', 'guess', 'suppose', 'feel', 'imagine', 'doubt', 'bet']);

/** Verbs that after "I can" say what the speaker perceives, not what they offer to do: "I can see that". */
const PERCEIVED = new Set(['see', 'hear', 'tell', 'understand', 'imagine', 'feel', 'smell', 'sense', 'believe', 'relate', 'guess']);

const ABILITY = new WordClass(['could', "couldn't", 'can', "can't", 'cannot', 'unable']);

/** Nouns of difficulty after "have": "trouble", "difficulty" ("a hard time" is read by troubleAt). */
const TROUBLE = new Set(['trouble', 'difficulty', 'difficulties', 'problems', 'issues']);

/** Whether "have" is followed by a difficulty and a verb in -ing ("trouble getting", "a hard time finding"). */
function troubleAt(t: DocSentence['tokens'], k: number): boolean {
  if (t[k]?.norm === 'a' && (t[k + 1]?.norm === 'hard' || t[k + 1]?.norm === 'tough') && t[k + 2]?.norm === 'time') k += 3;
  else if (t[k] && (TROUBLE.has(t[k].norm) || (t[k].norm === 'some' && TROUBLE.has(t[k + 1]?.norm ?? '')))) k += t[k].norm === 'some' ? 2 : 1;
  else return false;
  if (t[k]?.norm === 'with') return true;
  const v = t[k]?.norm ?? '';
  return v.length > 4 && v.endsWith('ing');
}

const bySpeaker = (c: Clause) => c.actor === 'speaker' || c.actor === 'team';

const ruleSays = (s: DocSentence, c: Clause): boolean => c.subject >= 0 && RULES.has(s.tokens[c.subject].norm) && STATING.has(c.lemma);

const ONLY = new WordClass(['only']);

/** Words that say a thing was hard to do, after "made it". */
const DIFFICULT = new Set(['hard', 'harder', 'difficult', 'impossible', 'tough', 'tougher', 'tricky', 'challenging']);
const DUE_WHEN = new Set(['in', 'by', 'on', 'at', 'tomorrow', 'today', 'that', 'this', 'the', 'next', 'within', 'before']);

/** A deadline among tokens (v, last): "due in 3 days", "due by Friday", "a deadline". */
function dueAfter(t: DocSentence['tokens'], v: number, last: number): boolean {
  for (let k = v + 1; k < last && k < t.length; k++) {
    if (t[k].norm === 'deadline' || t[k].norm === 'deadlines') return true;
    if (t[k].norm === 'due' && DUE_WHEN.has(t[k + 1]?.norm ?? '')) return true;
  }
  return false;
}

/** Whether "to" follows the verb at v, past adverbs and a "not": "told to", "asked explicitly not to". */
function toAfter(t: DocSentence['tokens'], v: number): boolean {
  let k = v + 1;
  while (k < v + 4 && k < t.length && (t[k].pos === 'ADV' || t[k].norm === 'not' || t[k].norm === 'never')) k++;
  return t[k]?.norm === 'to';
}

/** "was my job", "is our priority": a duty noun after "my" or "our" within the three words after the verb at v. */
function dutyAfter(t: DocSentence['tokens'], v: number): boolean {
  for (let k = v + 2; k < v + 4 && k < t.length; k++) if (DUTIES.has(t[k].norm) && (t[k - 1].norm === 'my' || t[k - 1].norm === 'our')) return true;
  return false;
}

/** A purpose after the verb at v: "just to try to make up for it", "in order to get her home"; its "to", or -1. */
function purposeAfter(t: DocSentence['tokens'], v: number): number {
  for (let k = v + 1; k < t.length; k++) {
    if (t[k].norm !== 'to') continue;
    if ((t[k + 1]?.norm === 'try' && t[k + 2]?.norm === 'to') || (t[k - 1]?.norm === 'order' && t[k - 2]?.norm === 'in')) return k;
  }
  return -1;
}

/** What the speaker lacked, after a negated "have": a thing named ("a car", "any stock", "enough staff"), not trouble nor a complaint. */
function lacking(t: DocSentence['tokens'], k: number): boolean {
  if (!/^(a|an|the|any|enough|my|our|his|her|their|that|this|those|these)$/.test(t[k]?.norm ?? '')) return false;
  for (k++; k < t.length && (t[k].pos === 'ADJ' || t[k].pos === 'DET' || t[k].pos === 'NUM' || t[k].pos === 'ADV'); k++);
  const noun = t[k];
  return noun !== undefined && noun.pos === 'NOUN' && !TROUBLE.has(noun.norm) && !COMPLAINTS.has(noun.norm);
}
/** Outcomes a negated "have" tells: "we never had another complaint". */
const COMPLAINTS = new Set(['complaint', 'complaints', 'problem', 'issue', 'incident', 'incidents', 'error', 'errors', 'mistake', 'mistakes', 'return', 'returns', 'refund', 'refunds', 'escalation', 'escalations', 'idea', 'clue']);

/** Whether a word of difficulty and "to" and a verb follow at k, an adverb or two before it allowed: "very hard to resolve". */
function hardTo(t: DocSentence['tokens'], k: number): boolean {
  for (let j = k; j < k + 2 && t[j]?.pos === 'ADV'; j++) k++;
  return DIFFICULT.has(t[k]?.norm ?? '') && t[k + 1]?.norm === 'to' && t[k + 2]?.pos === 'VERB';
}

/** Verbs of wishing in the condition of an offer: "if you want", "if you'd like". */
const WISHING = new Set(['want', 'like', 'need', 'wish', 'prefer']);

/** Whether the condition of the clause at k is the listener's wish ("If you want to wait, I can …"). */
function onTheirWish(s: DocSentence, k: number): boolean {
  if (s.clauses[k].condition) return false;
  // (the condition stands just before: a few clauses back at most, so the pass stays linear)
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const x = s.clauses[j];
    if (x.condition && x.subject >= 0 && s.tokens[x.subject].norm === 'you' && WISHING.has(x.lemma)) return true;
  }
  return false;
}

/** Whether "my" or "our" and a duty noun stand in t[from, to): "My mission, as always, was …". */
function ownDutyBefore(t: DocSentence['tokens'], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (DUTIES.has(t[k].lemma ?? t[k].norm) && (t[k - 1].norm === 'my' || t[k - 1].norm === 'our')) return true;
  return false;
}

/** Verbs of a duty left undone: what was left undone was the speaker's to do. */
const MISSED = new Set(['forget', 'neglect', 'fail']);

/** Verbs that only say a problem was taken on: "deal with", "address", "handle". */
const HANDLING = new Set(['deal', 'address', 'handle', 'tackle', 'approach', 'manage', 'work']);
/** Pronouns that take the problem up as told: "To address it, I …". */
const THE_PROBLEM_SAID = new Set(['it', 'this', 'that', 'things']);
/** Nouns for the problem itself, or for whom a behavioural question asks about ("a difficult customer"). */
const THE_PROBLEM = new Set(['situation', 'issue', 'problem', 'matter', 'complaint', 'concern', 'concerns', 'customer', 'client', 'patient', 'guest', 'caller', 'person', 'conversation', 'call', 'case', 'member', 'coworker', 'colleague', 'manager', 'boss', 'teammate', 'stakeholder']);

/**
 * Where the words after a verb of taking on at `v` end, when they only name the problem ("deal
 * with the situation", "address it", "handle a difficult conversation"), or -1: the verb takes the
 * problem up and names nothing to achieve. `said`: a pronoun or a bare noun may stand for it ("address concerns").
 */
function problemTakenUp(t: readonly DocSentence['tokens'][number][], v: number, said: boolean): number {
  const verb = t[v] && (t[v].lemma ?? t[v].norm);
  // ("work" only with whom: "work with a difficult coworker", not "work on the fix")
  if (!verb || !HANDLING.has(verb) || (verb === 'work' && t[v + 1]?.norm !== 'with')) return -1;
  let k = v + 1;
  if (t[k]?.norm === 'with') k++;
  if (said && (THE_PROBLEM_SAID.has(t[k]?.norm ?? '') || THE_PROBLEM.has(t[k]?.norm ?? ''))) return k + 1;
  if (!/^(a|an|the|one|this|that|some|her|his|their|its)$/.test(t[k]?.norm ?? '')) return -1;
  for (k++; t[k]?.pos === 'ADJ' || t[k]?.pos === 'ADV'; k++);
  // a noun before the noun: "a difficult family member", "an angry hotel guest"
  if (t[k]?.pos === 'NOUN' && t[k + 1]?.pos === 'NOUN') k++;
  return THE_PROBLEM.has(t[k]?.norm ?? '') ? k + 1 : -1;
}

/**
 * "To deal with the situation, I …", "To address it, I …": a purpose that only restates the
 * problem, so no Task; "To smooth their check-in, I …" still is one. `v` is the verb's token.
 */
function handlesIt(t: DocSentence['tokens'], v: number): boolean {
  const end = problemTakenUp(t, v, true);
  return end >= 0 && (t[end] === undefined || t[end].pos === 'PUNCT' || t[end].norm === 'i' || t[end].norm === 'we');
}

/**
 * Whether the aim found at token `at` names nothing to achieve: the question's echo ("I (once) had
 * to handle a difficult conversation") or an urge ("what I wanted to say was …", "I wanted to
 * scream"), read at the first "to" within four words of it.
 */
export function emptyAim(t: readonly DocSentence['tokens'][number][], at: number): boolean {
  for (let k = at; k < at + 5 && k < t.length; k++) {
    if (t[k].norm !== 'to') continue;
    const urge = (t[k - 1]?.lemma ?? t[k - 1]?.norm) === 'want' && URGES.has(t[k + 1]?.lemma ?? t[k + 1]?.norm ?? '');
    // "I once had to handle a difficult conversation with a patient": the question's words
    return urge || problemTakenUp(t, k + 1, false) >= 0;
  }
  return false;
}

/**
 * Token index where a task starts in the sentence, or -1: a duty ("my job was to ...", "it was my
 * responsibility"), an obligation or aim of the speaker's ("I had to", "we were asked to", "I
 * wanted to"), a purpose that opens the sentence ("To smooth their check-in, I ..."), or an
 * obstacle: a rule that limits what the speaker could do ("our policy only allowed refunds",
 * "the fee isn't something we can credit", "I couldn't do refunds myself").
 */
export function clauseTask(s: DocSentence): number {
  const t = s.tokens;
  // "To make their check-in smoother, I arranged ...", "In order to ..."
  const lead = t[0]?.norm === 'in' && t[1]?.norm === 'order' ? 2 : 0;
  // (the tagger may read the verb as an adjective: "To smooth their check-in")
  const verbish = (x: (typeof t)[number] | undefined) => x !== undefined && (x.pos === 'VERB' || ((x.pos === 'ADJ' || x.pos === 'NOUN') && isBaseForm(x)));
  if (t[lead]?.norm === 'to' && verbish(t[lead + 1]) && !handlesIt(t, lead + 1) && s.clauses.some((c) => c.finite && c.first > lead && bySpeaker(c))) return 0;
  for (let ci = 0; ci < s.clauses.length; ci++) {
    const c = s.clauses[ci];
    // (an offer on the listener's wish is still one: '"If you want to wait a bit, I can bring you home."')
    if (!c.finite || c.question || (c.conditional && !(c.quoted && onTheirWish(s, ci)))) continue;
    // someone else's words, quoted: their "I'm trying to work out the price" is their aim
    if (c.quoted && c.saidBy >= 0 && !bySpeaker(s.clauses[c.saidBy])) continue;
    if (c.quoted && c.verb >= 0 && quotedFromOther(s, c.verb)) continue;
    const next = t[c.verb + 1]?.norm;
    const subject = c.subject >= 0 ? t[c.subject] : undefined;
    const subjectWord = (subject?.lemma ?? subject?.norm ?? '').toLowerCase();
    const at = c.subject >= 0 ? Math.min(c.subject, c.first) : c.first;
    // "my job was to ...", "our priority was ...", "serving this table was my job"
    if (DUTIES.has(subjectWord) && (t[c.subject - 1]?.norm === 'my' || t[c.subject - 1]?.norm === 'our')) return at;
    // (the same with an aside before the verb, where no subject was read: "My mission, as always, was to …")
    if (c.subject < 0 && c.lemma === 'be' && t[c.verb + 1]?.norm === 'to' && ownDutyBefore(t, c.first, c.verb)) return c.first;
    if (c.lemma === 'be' && dutyAfter(t, c.verb)) return at;
    // an obstacle beyond the bare complaint: "which made it hard to give them the care they needed"
    if (c.lemma === 'make' && t[c.verb + 1]?.norm === 'it' && DIFFICULT.has(t[c.verb + 2]?.norm ?? '') && (c.mode === 'narrated' || c.mode === 'background')) return at;
    // … and told as it was: "it was very hard to resolve", "the part was difficult to find"
    if (c.lemma === 'be' && (c.mode === 'narrated' || c.mode === 'background') && !c.negated && hardTo(t, c.verb + 1)) return at;
    // a limit the speaker stated to the customer: "I said no, you can't get another one"
    if (c.reported && c.saidBy >= 0 && bySpeaker(s.clauses[c.saidBy]) && subject?.norm === 'you' && c.negated && anyWordIn(t, c.subject + 1, c.verb >= 0 ? c.verb : c.last, ABILITY)) return at;
    // what a rule says, limited: "our store policy said refunds were only given in certain circumstances"
    if (c.reported && c.saidBy >= 0 && ruleSays(s, s.clauses[c.saidBy]) && (c.negated || anyWordIn(t, c.first, c.last, ONLY))) return Math.min(at, s.clauses[c.saidBy].first);
    // someone else in the way, beyond a complaint: "the company refused to honour it", "security
    // wouldn't let the dog stay", "at times they resisted taking their medicine"
    // (not a refusal done to them: "his card got declined")
    // (told in the story, "wouldn't let" is a refusal then, not a hypothetical)
    if (c.actor === 'other' && !c.passive && !(subject && RULES.has(subject.norm))) {
      const told = c.mode === 'narrated' || c.mode === 'background' || c.mode === 'habit';
      if ((told && REFUSING.has(c.lemma) && !c.negated) || ((told || c.mode === 'modal') && PERMIT.has(c.lemma) && c.negated)) return at;
    }
    if (!bySpeaker(c) && !(subject && RULES.has(subject.norm))) continue;
    if (bySpeaker(c)) {
      // the speaker's own words in the story, promising: '"I'll do my best and ask around"'
      if (c.quoted && c.mode === 'future' && !c.negated && (c.verb < 0 || !quotedFromOther(s, c.verb))) return at;
      // … and offering: '"I can fix it right now"' (not '"I can see that"', a perception)
      if (c.quoted && c.mode === 'present' && !c.negated && !c.question && c.verb > 0 && t[c.verb - 1].norm === 'can' && !PERCEIVED.has(c.lemma) && !quotedFromOther(s, c.verb)) return at;
      // "I had to", "we needed to", "I wanted to", "I decided to", "I was determined to"
      // (not a wish denied: "I don't want to overload you")
      // (not the question's own words: "I once had to handle a difficult conversation with a patient")
      if (AIMING.has(c.lemma) && (next === 'to' || (c.lemma === 'set' && next === 'out')) && c.mode !== 'modal' && !(c.negated && c.lemma !== 'have' && c.lemma !== 'need') && !emptyAim(t, c.verb + 1)) return at;
      // a duty missed: "I forgot to do everything that needed doing", "we failed to send the update"
      if (MISSED.has(c.lemma) && next === 'to' && (c.mode === 'narrated' || c.mode === 'background') && !c.negated) return at;
      // (a duty may be a limit: "I'd been told explicitly not to leave my zone")
      if (c.passive && DUTY_PASSIVES.has(c.lemma) && toAfter(t, c.verb)) return at;
      if (c.lemma === 'be' && (next === 'determined' || next === 'responsible' || next === 'required' || next === 'supposed')) return at;
      // "I had a group project due in 3 days", "we had a tight deadline": a deadline to meet
      if (c.lemma === 'have' && !c.negated && (c.mode === 'narrated' || c.mode === 'background') && dueAfter(t, c.verb, c.last)) return at;
      // "I was having trouble getting the card activated", "we had a hard time finding one": an obstacle
      if (c.lemma === 'have' && !c.negated && troubleAt(t, c.verb + 1)) return at;
      // "I didn't have a car with me", "we didn't have her size in stock": something lacking, an obstacle
      // (not no trouble, an outcome: "we didn't have a single complaint after that")
      if (c.lemma === 'have' && c.negated && (c.mode === 'narrated' || c.mode === 'background') && lacking(t, c.verb + 1)) return at;
      // "I needed a birthday card by Friday", "we needed the manager's code": a need to meet
      if ((c.lemma === 'need' || c.lemma === 'want') && c.mode === 'narrated' && !c.negated && /^(a|an|the|my|our|his|her|their|some|it|one|two|three|more|another)$/.test(next ?? '')) return at;
      // "we don't offer linking accounts", "we don't usually do deliveries": what the business won't do, an obstacle
      if (c.actor === 'team' && c.negated && (c.mode === 'present' || c.mode === 'habit') && SERVICES.has(c.lemma)) return at;
      // "... just to try to make up for my mistake", "in order to get her home": the speaker's aim, mid-sentence
      if (c.mode === 'narrated') {
        const purpose = purposeAfter(t, c.verb);
        if (purpose >= 0) return purpose;
      }
      // "I couldn't do refunds myself", "we weren't allowed to", "we can't credit it": a limit on the speaker
      // (not an attitude: "I can't stand it", "I can't believe she remembered", "I can't deny it")
      // (the auxiliaries run up to the verb; a clause with no verb of its own, "I'm not.", reads up to the last token)
      const auxEnd = c.verb >= 0 ? c.verb : t.length - 1;
      // (not the teller's view now: "I know I couldn't do it", of a job they never had)
      const viewNow = c.reported && c.saidBy >= 0 && s.clauses[c.saidBy].mode === 'present' && VIEWS.has(s.clauses[c.saidBy].lemma);
      // (nor emphasis: "I can't tell you how many friendships I have made")
      const emphasis = c.lemma === 'tell' && next === 'you' && t[c.verb + 2]?.norm === 'how';
      if (c.negated && !viewNow && !emphasis && !ATTITUDES.has(c.lemma) && (anyWordIn(t, c.subject >= 0 ? c.subject + 1 : c.first, auxEnd, ABILITY) || (PERMIT.has(c.lemma) && c.passive))) return at;
      continue;
    }
    // a rule that allows no more: "our policy only allowed refunds", "the warranty did not cover it"
    if (PERMIT.has(c.lemma) && (c.negated || anyWordIn(t, c.first, c.verb, ONLY))) return at;
  }
  return -1;
}
