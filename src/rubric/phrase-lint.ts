// Rubric phrases are words in a small pattern language (word, word*, a|b, _, _?, #), never regular
// expressions. A phrase written as a regular expression is accepted by the matcher as words and
// then never matches, so the validator refuses it with a message that says what to write instead.

// characters that mean something in a regular expression and nothing in a phrase; `.*`, `.+` and
// a `*` that does not end a word are caught apart (a full stop alone is punctuation, "a.m.")
const REGEX_SYNTAX = /[\\^$[\](){}?+]|\.[*+]|\*(?=[^\s|])/;

/** Why a phrase would never match as meant, or undefined when it is a phrase. */
export function regexLike(phrase: string): string | undefined {
  // `_?` (one word or none) is the phrase language's own
  if (!REGEX_SYNTAX.test(phrase.replace(/(^|\s)_\?(?=\s|$)/g, '$1_'))) return undefined;
  return 'looks like a regular expression, and phrases are words, not regular expressions: write word* for any ending, a|b for either word, _ for any one word, _? for one word or none and # for a number';
}

/**
 * Why a phrase would match more than meant, or undefined: one that ends in a slot ("within _?")
 * matches any word there — most often the rest was cut off, because YAML reads an unquoted " #"
 * as the start of a comment.
 */
export function danglingSlot(phrase: string): string | undefined {
  if (!/(^|\s)_\??\s*$/.test(phrase)) return undefined;
  return 'ends in a slot that matches any word; if the phrase went on with a number (#), quote it: YAML reads " #" as the start of a comment';
}

/**
 * Why an alternative can never match, or undefined: words are matched one token at a time, and a
 * hyphen splits a word into tokens, so "top-notch|first-class" is two words that no single
 * token is. Write "top|first notch|class", or give each its own phrase.
 */
export function splitAlternative(phrase: string): string | undefined {
  const bad = phrase
    .split(/\s+/)
    .filter((w) => w.includes('|'))
    .flatMap((w) => w.split('|'))
    .find((o) => /[-\u2010-\u2015/]/.test(o));
  return bad ? `has the alternative "${bad}", which is two words and never matches one; write its words in their own slots ("top|first notch|class") or give it its own phrase` : undefined;
}
