// English grammar words the clause reader needs: closed classes (pronouns, auxiliaries, modals,
// conjunctions) and a few verb classes. Mechanics, the same for every rubric; rubric content
// (what shows empathy, what counts as a customer) lives in rubrics/.

import { WordClass } from '../text/tokens.js';

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Subject words and contractions that name the speaker. */
export const SPEAKER = words("i i'm i've i'd i'll myself");
/** … the speaker's team. */
export const TEAM = words("we we're we've we'd we'll ourselves");
/** Object and possessive forms: the speaker in "asked me", "my team". */
export const SPEAKER_OBJECT = words('me my mine myself');
export const TEAM_OBJECT = words('us our ours ourselves');
/** Pronouns that can be a subject and are not the speaker or the team. */
export const OTHER_SUBJECTS = words(
  "he she they it you one he's she's they're it's you're he'd she'd they'd it'd you'd he'll she'll they'll it'll you'll they've you've " +
    'someone somebody everyone everybody anyone anybody nobody noone nothing everything something this that these those who which there',
);
export const NEGATIVE_SUBJECTS = words('nobody nothing noone none neither');
/** Object and possessive forms of someone else: "rang them back", "found her bag" (asked of tokens). */
export const OTHERS_OBJECT = new WordClass(words('him her them his their'));
/** Nouns after "my"/"our" that make the subject the speaker's own aim: "my job was to calm him down". */
export const DUTY_NOUNS = words('job task goal aim role responsibility priority plan focus idea mission instinct approach duty part concern objective first');
/** Nouns after "our" that make the speaker's side: "our hotel couldn't provide it", "our store". */
export const ORG_NOUNS = words('hotel store shop company firm business restaurant office clinic practice bank branch agency team department');
/** Nouns after "my"/"our" that make a team: "my team", "our staff". */
export const TEAM_NOUNS = words('team staff crew department colleagues coworkers co-workers teammates');

/** Contractions that hold a subject and an auxiliary: "I'd" is "I would" or "I had". */
export const CONTRACTED_AUX: ReadonlyMap<string, string> = new Map([
  ["'d", 'would'], ["'ll", 'will'], ["'ve", 'have'], ["'m", 'be'], ["'re", 'be'], ["'s", 'be'],
]);

export const MODALS = words("would could should might may can will shall must ought wouldn't couldn't shouldn't mightn't can't cannot won't shan't mustn't 'd 'll");
/** Modals of a hypothetical or a possibility, not a plan: "would", "could", "might". */
export const HYPOTHETICAL_MODALS = words("would could should might may wouldn't couldn't shouldn't mightn't 'd");
export const FUTURE_MODALS = words("will shall won't shan't 'll");
export const BE = words("be am is are was were been being 'm 're 's isn't aren't wasn't weren't");
export const PAST_BE = words("was were wasn't weren't");
export const HAVE = words("have has had having 've 'd haven't hasn't hadn't");
export const PAST_HAVE = words("had hadn't 'd");
export const DO = words("do does did don't doesn't didn't");
export const PAST_DO = words("did didn't");
export const NEGATORS = words("not never n't no nobody nothing none neither nor cannot");

/** Adverbs of frequency: "I always listen first" states a habit, not an event. */
export const FREQUENCY = words('always usually normally generally typically often frequently regularly constantly sometimes rarely seldom never ever routinely');

/** Verbs of saying or promising: what follows them is reported ("I told him I would call"). */
export const REPORTING = words(
  'tell say promise assure swear explain agree decide know think figure realise realize guess hope reckon write email text reply answer mention warn confirm insist guarantee ask let inform reassure state specify stipulate',
);

/** Verbs a rule or a document says what it holds with: "the policy said", "the contract states that", "the terms read". */
export const STATING = words('say state specify stipulate mean require show note read');

/** Verbs whose object does the next verb: "I let him explain", "she made me wait", "I helped her find it". */
export const CAUSATIVE = words('let make help have get watch see hear ask allow encourage invite tell want need keep leave find');

/**
 * Verbs whose object does a "to" verb after it: "I asked the manager to approve it", "got him to
 * sign". Not "found a way to fix it", "had a chance to call her", "made a point to follow up": there
 * the "to" verb is the subject's.
 */
export const OBJECT_INFINITIVE = words('get help ask tell allow encourage invite want need persuade convince remind urge expect force require teach advise beg order permit enable push pressure');

/** Words that open a subordinate clause of condition or recurrence. */
export const CONDITIONS = words('if unless whenever');
/** Words that join clauses: a new clause may start after them. */
export const CLAUSE_JOINERS = words(
  'and but so or then because since when while as after before until once although though whereas which who whom whose that where if unless whenever however yet',
);
export const COORDINATORS = words('and but or so then yet');

/** Verbs that introduce someone's words: "she said", "I told him", "he shouted", "I apologised". */
export const SAYING = words('say tell ask reply answer explain shout yell promise add insist respond scream write text announce apologise apologize offer reassure go joke exclaim mutter whisper remark comment mention snap sigh laugh');

/** Verbs by which someone else's words or wishes are reported: "my manager kept telling us", "management wanted us to". */
export const TELLING_OR_WANTING = words('say tell want expect ask insist preach teach remind claim instruct demand require encourage push train drill advertise promise call describe brand market');

/** Nouns for people (not the speaker): "the regulars greet me by name" is theirs. */
export const PEOPLE_NOUNS = words(
  'customer client guest patient caller passenger member shopper diner user visitor buyer regular people person man woman lady gentleman guy family couple father mother dad mum mom husband wife son daughter child kid friend neighbour neighbor manager boss supervisor colleague coworker staff employee owner agent clerk cashier waiter waitress driver technician engineer nurse doctor teacher student',
);
