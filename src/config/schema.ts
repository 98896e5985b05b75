import { SEVERITIES } from '../analyze/types.js';

/** One key of `.answer-coach.yml`, as data: the loader checks against it and the docs print it. */
export interface ConfigKey {
  key: string;
  type: string;
  description: string;
}

export const CONFIG_FILE_NAMES = ['.answer-coach.yml', '.answer-coach.yaml'] as const;

export const RULE_SETTINGS = ['off', ...SEVERITIES] as const;

export const CONFIG_SCHEMA: readonly ConfigKey[] = [
  { key: 'rubric', type: 'string', description: 'Rubric for every answer, as `--rubric` gives it: an id, or a path to a rubric file (relative to this file). Leave it out to let each answer\'s question pick.' },
  { key: 'rubrics-dir', type: 'string or list of strings', description: 'Folders of rubrics (relative to this file), read after the user folders and before `--rubrics-dir`.' },
  { key: 'fail-on', type: `one of ${SEVERITIES.join(', ')}`, description: '`check` exits 1 when a finding is at least this severe (default `error`); `--fail-on` wins.' },
  { key: 'min-score', type: 'number, 0–100', description: '`check` exits 1 when an answer scores under this; `--min-score` wins.' },
  { key: 'disable', type: 'list of rule ids', description: 'Rules whose findings are never reported (the same as setting them `off` under `rules`).' },
  { key: 'rules', type: `mapping of rule id to ${RULE_SETTINGS.join(', ')}`, description: 'Per-rule severity: `off` drops the rule\'s findings, a severity replaces the one the rule gives.' },
];
