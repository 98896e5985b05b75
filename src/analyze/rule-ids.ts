import type { Severity } from './types.js';

// The rule ids, as data of their own, so that reading a config (which names rules) does not load
// every check: `rubrics list`, `history` and `practice`'s start need the names, not the checks.
// A test holds this list to the checks' own `rules`.

/** The rule for problems with the directives themselves (an unknown rule id). */
export const DIRECTIVE_RULE = 'directive';

/** Every rule id a finding can carry: each check's `rules`, in the checks' order, and the directive rule. */
export const RULE_IDS: readonly string[] = [
  'star-missing', 'star-no-story', 'star-balance',
  'pillars-missing', 'pillars-too-many', 'pillars-claimed',
  'metric-missing', 'jargon', 'filler', 'hedge', 'we-action', 'length', 'opening',
  DIRECTIVE_RULE,
];

/** A rule's setting from the project config: off, or the severity its findings get. */
export type RuleSetting = Severity | 'off';
