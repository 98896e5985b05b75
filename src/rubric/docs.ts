import { CHECKS } from '../analyze/checks/index.js';
import { DIRECTIVE_RULE } from '../analyze/suppress.js';
import { CONFIG_SCHEMA } from '../config/schema.js';
import { RUBRIC_SCHEMA, REQUIRED_RESOLVED, type FieldSpec } from './schema.js';
import { MAX_ALIASES, MAX_RUBRIC_BYTES } from './validate.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(spec: FieldSpec): string {
  switch (spec.type) {
    case 'string':
      return spec.enum ? `one of ${spec.enum.map((e) => `\`${e}\``).join(', ')}` : 'string';
    case 'number': {
      const range = spec.min !== undefined && spec.max !== undefined ? `, ${spec.min}–${spec.max}` : spec.min !== undefined ? `, at least ${spec.min}` : spec.max !== undefined ? `, at most ${spec.max}` : '';
      return `number${range}`;
    }
    case 'phrases':
      return 'list of phrases (`+`/`-`)';
    case 'strings':
      return 'list of strings (`+`/`-`)';
    case 'object':
      return 'mapping';
    case 'list':
      return `list of mappings${spec.key ? `, keyed by \`${spec.key}\`` : ''} (\`+\`/\`-\`)`;
  }
}

function rows(fields: Record<string, FieldSpec>, prefix: string, required: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const path = `${prefix}${name}`;
    const req = required.includes(name) ? ' **Required.**' : '';
    out.push(`| \`${path}\` | ${cell(typeOf(spec))} | ${cell(spec.description)}${req} |`);
    if (spec.type === 'object') out.push(...rows(spec.fields, `${path}.`));
    if (spec.type === 'list') out.push(...rows(spec.item, `${path}[].`, spec.required));
  }
  return out;
}

/**
 * docs/rubrics.md, generated from the schema (src/rubric/schema.ts), the config keys and the
 * checks' rule ids, so the reference cannot drift from what the validator accepts.
 * Regenerate with `npm run docs:rubrics`; a test fails when the file is stale.
 */
export function renderRubricDocs(): string {
  const ruleRows = CHECKS.map((c) => `| \`${c.id}\` | ${c.rules.map((r) => `\`${r}\``).join(', ')} | ${cell(c.description)} |`);
  return `<!-- Generated from src/rubric/schema.ts by \`npm run docs:rubrics\`; do not edit by hand. -->
# Writing rubrics

A rubric is a YAML file that says what a strong answer to a question looks like: the questions
it judges, the pillars (qualities) a strong answer shows and the phrases that show them, how to
find the STAR parts, which words count as a metric, jargon with plainer alternatives, fillers,
hedges, expectations and score weights. Nothing in a rubric is code.

Start from a scaffold and check it:

\`\`\`sh
answer-coach rubrics init conflict-at-work      # writes conflict-at-work.yaml, extending the base
answer-coach rubrics validate conflict-at-work.yaml
answer-coach rubrics show conflict-at-work
answer-coach check answer.md --rubric conflict-at-work.yaml
\`\`\`

\`rubrics validate\` prints every problem at once as \`file:line:col: message\`, with a
did-you-mean for a misspelt key, and exits 0 when every file is valid, 2 when not.

## Phrases

Phrases are words, not regular expressions. A word matches itself and its inflections
("leverage" matches "leveraging"); \`word*\` matches any word that starts so; \`a|b\` either
word; \`_\` any one word; \`#\` a number (digits or a number word). Matching is case-insensitive.

\`\`\`yaml
phrases: [empath*, listen*, in their shoes, kept _ informed, within # hours|days]
\`\`\`

## Keys

After \`extends\` is resolved, a rubric must have ${REQUIRED_RESOLVED.map((k) => `\`${k}\``).join(', ')}.
Any key not listed here is an error.

| Key | Type | Description |
| --- | --- | --- |
${rows(RUBRIC_SCHEMA, '').join('\n')}

## extends and overlays

\`extends: ID\` inherits every key of rubric ID. In the child:

- a key replaces the parent's value (\`fillers: [um]\` drops the parent's fillers);
- a mapping merges key by key (\`expectations: { metric: off }\` keeps the parent's other expectations);
- \`key+:\` adds to the parent's list; in a list keyed by \`id\` or \`phrase\`, an added item with a
  key the parent has is merged over the parent's item, so it may give only what changes
  (\`pillars+: [{ id: empathy, weight: 3 }]\` keeps the parent's name and phrases);
- \`key-:\` removes items from the parent's list, by value for phrases and by key for pillars,
  talking points and jargon (\`pillars-: [loyalty]\`, \`jargon-: [bandwidth]\`). A removal that
  matches nothing is reported by \`rubrics validate\` as a warning.

Overlays work at any depth: \`star: { result: { cues+: [all sorted] } }\`.
A chain of \`extends\` that comes back to itself is an error that names every rubric in the cycle.

## Where rubrics come from

Rubrics are read from these folders, each later one shadowing an earlier rubric with the same id:

1. the built-in \`rubrics/\`;
2. \`$XDG_CONFIG_HOME/answer-coach/rubrics\` (\`~/.config/answer-coach/rubrics\` when unset);
3. each folder in \`ANSWER_COACH_RUBRICS\` (separated like \`PATH\`);
4. \`rubrics-dir\` in the project config;
5. \`--rubrics-dir DIR\` (repeatable).

\`--rubric PATH\` uses one file directly. \`rubrics list\` shows where each rubric comes from and
which ones it shadows. A rubric whose \`extends\` names its own id builds on the rubric it shadows,
so a team can adjust a built-in without copying it:

\`\`\`yaml
id: customer-service
extends: customer-service   # the built-in one
jargon-: [bandwidth]
pillars+:
  - { id: safety, name: Safety, phrases: [safe*, hazard*] }
\`\`\`

## Project config: .answer-coach.yml

\`check\` and \`rubrics\` look for \`.answer-coach.yml\` (or \`.answer-coach.yaml\`) in the working
folder and each folder above it, and use the first one found. Command-line flags win over it.
Problems are reported as \`file:line:col\`, like a rubric's.

| Key | Type | Description |
| --- | --- | --- |
${CONFIG_SCHEMA.map((k) => `| \`${k.key}\` | ${cell(k.type)} | ${cell(k.description)} |`).join('\n')}

\`\`\`yaml
rubric: rubrics/conflict-at-work.yaml
fail-on: warning
min-score: 70
disable: [filler]
rules:
  hedge: warning
  pillars-too-many: off
\`\`\`

## Rule ids

Findings carry a rule id; the project config and inline comments turn rules off by id.

| Check | Rules | What it looks for |
| --- | --- | --- |
${ruleRows.join('\n')}
| (comments) | \`${DIRECTIVE_RULE}\` | An \`answer-coach-disable\` comment that names an unknown rule. |

## Inline suppression

In an answer file, HTML comments turn rules off and on again (in YAML answers, \`# answer-coach-…\`
comments work too). Name one or more rule ids, separated by spaces or commas; name none for every rule.

\`\`\`markdown
<!-- answer-coach-disable jargon -->
We had real synergy on that team.
<!-- answer-coach-enable jargon -->

<!-- answer-coach-disable-next-line filler, hedge -->
Um, I think it went well.
\`\`\`

A finding about the answer as a whole (its length, too few pillars) is suppressed only by a
\`disable\` that is never enabled again. Suppression hides findings (and so the exit code they
cause); it does not change the score.

## Safety

Rubrics are untrusted input, as they come from other people:

- the schema has no regular expressions: phrases use the small syntax above, matched in linear
  time, so no rubric can make matching slow (there is nothing to check for catastrophic backtracking);
- a rubric file over ${MAX_RUBRIC_BYTES / 1024} KiB is refused before it is parsed;
- a rubric with more than ${MAX_ALIASES} YAML aliases is refused, so an alias bomb cannot expand;
- nothing in a rubric is evaluated as code, and its strings are sanitized before they are printed.
`;
}
