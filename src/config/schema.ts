import { SEVERITIES } from '../analyze/types.js';

/** One key of `.answer-coach.yml`, as data: the loader checks against it and the docs print it. */
export interface ConfigKey {
  key: string;
  type: string;
  description: string;
}

export const CONFIG_FILE_NAMES = ['.answer-coach.yml', '.answer-coach.yaml'] as const;

export const RULE_SETTINGS = ['off', ...SEVERITIES] as const;

/** Other spellings linter users write for a severity (ESLint's warn, 0, 1, 2), and what each means here. */
export const SEVERITY_ALIASES: Readonly<Record<string, (typeof RULE_SETTINGS)[number]>> = { warn: 'warning', '0': 'off', '1': 'warning', '2': 'error' };

export const CONFIG_SCHEMA: readonly ConfigKey[] = [
  { key: 'rubric', type: 'string', description: 'Rubric for every answer, as `--rubric` gives it: an id, or a path to a rubric file (relative to this file). Leave it out to let each answer\'s question pick.' },
  { key: 'rubrics-dir', type: 'string or list of strings', description: 'Folders of rubrics (relative to this file), read after the user folders and before `--rubrics-dir`.' },
  { key: 'fail-on', type: `one of ${SEVERITIES.join(', ')}`, description: '`check` exits 1 when a finding is at least this severe (default `error`); `--fail-on` wins.' },
  { key: 'min-score', type: 'number, 0–100', description: '`check` exits 1 when an answer scores under this; `--min-score` wins.' },
  { key: 'disable', type: 'list of rule ids', description: 'Rules whose findings are never reported (the same as setting them `off` under `rules`).' },
  { key: 'rules', type: `mapping of rule id to ${RULE_SETTINGS.join(', ')}`, description: 'Per-rule severity: `off` drops the rule\'s findings, a severity replaces the one the rule gives. `warn`, `0` (off), `1` (warning) and `2` (error) are read as ESLint has them.' },
  { key: 'max-warnings', type: 'whole number', description: '`check` exits 1 when there are more warnings than this; `--max-warnings` wins.' },
  { key: 'accept', type: 'list of strings', description: 'Terms that are not jargon here (like Vale\'s accepted vocabulary): `accept: [leverage]` stops "leverage", "leveraged" and "leveraging" from being flagged, whatever the rubric says. `--accept` adds to it.' },
  { key: 'ignores', type: 'list of strings', description: 'Files and folders `check` skips when it walks a folder or expands a glob, as .gitignore patterns relative to this file (`drafts/`, `notes-*.md`). A file named on the command line is always checked.' },
  { key: 'gitignore', type: 'boolean', description: 'Whether `check` skips what .gitignore files ignore when it walks folders (default `true`).' },
];
