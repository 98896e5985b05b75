// What `check` runs with: the project config's settings under the flags, and --print-config.
import { dirname, resolve } from 'node:path';
import type { RuleSetting } from '../analyze/suppress.js';
import type { Severity } from '../analyze/types.js';
import { formatForPath, parseAnswer } from '../answer/index.js';
import { rubricForQuestion } from '../batch/check-file.js';
import { IgnoreRules, type PatternGroup } from './ignores.js';
import { readAnswerFile } from './inputs.js';
import type { OpenedRubrics } from './rubrics.js';

/** The flags that settle a setting the config may also give. */
export interface SettingFlags {
  failOn: Severity;
  minScore?: number;
  maxWarnings?: number;
  quiet?: boolean;
  rubric?: string;
  accept?: string[];
  ignore?: string[] | false;
}

export interface CheckSettingsResolved {
  failOn: Severity;
  minScore?: number;
  maxWarnings?: number;
  quiet: boolean;
  /** An id or a path: --rubric, else the config's. */
  rubric?: string;
  rules?: Record<string, RuleSetting>;
  accept: string[];
  /** What walks and globs skip; undefined with --no-ignore. */
  skip?: IgnoreRules;
  ignoreGroups: PatternGroup[];
  gitignore: boolean;
}

/** Flags win over the config; lists (accept, ignores) add up. */
export function settingsFor({ config, sources }: OpenedRubrics, flags: SettingFlags, { failOnFromFlag = true } = {}): CheckSettingsResolved {
  const groups: PatternGroup[] = [];
  if (config?.ignores.length) groups.push({ base: dirname(resolve(config.file)), patterns: config.ignores, from: config.file });
  if (flags.ignore) groups.push({ base: process.cwd(), patterns: flags.ignore, from: '--ignore' });
  const gitignore = config?.gitignore ?? true;
  const skip = flags.ignore === false ? undefined : new IgnoreRules({ groups, gitignore, rubricDirs: sources.map((s) => s.dir) });
  return {
    failOn: failOnFromFlag || !config?.failOn ? flags.failOn : config.failOn,
    minScore: flags.minScore ?? config?.minScore,
    maxWarnings: flags.maxWarnings ?? config?.maxWarnings,
    quiet: Boolean(flags.quiet),
    rubric: flags.rubric ?? config?.rubric,
    rules: config?.rules,
    accept: [...(config?.accept ?? []), ...(flags.accept ?? [])],
    skip,
    ignoreGroups: flags.ignore === false ? [] : groups,
    gitignore: flags.ignore !== false && gitignore,
  };
}

/**
 * `check --print-config PATH`: the settings `check PATH` would use here, as JSON (ESLint's
 * --print-config): the config file, whether a folder walk would skip the file, its format, the
 * rubric that would judge it (when the file can be read), thresholds, rules, accepted terms, ignores.
 */
export function printConfig(path: string, opened: OpenedRubrics, settings: CheckSettingsResolved): string {
  let judgedBy: string | null = null;
  let question: string | null = null;
  const read = readAnswerFile(path);
  if (read.text !== undefined) {
    try {
      const answer = parseAnswer(read.text, formatForPath(path));
      question = answer.question ?? null;
      judgedBy = settings.rubric ?? rubricForQuestion(answer.question, opened.registry).id;
    } catch {
      // a malformed file: check would report it; the settings still hold
    }
  }
  const doc = {
    file: path,
    config: opened.config?.file ?? null,
    ignored: settings.skip?.ignored(path) ?? false,
    format: formatForPath(path),
    question,
    rubric: settings.rubric ?? null,
    judgedBy,
    rubricsDirs: opened.sources.filter((s) => s.origin !== 'built-in').map((s) => ({ dir: s.dir, from: s.origin })),
    failOn: settings.failOn,
    minScore: settings.minScore ?? null,
    maxWarnings: settings.maxWarnings ?? null,
    quiet: settings.quiet,
    rules: settings.rules ?? {},
    accept: settings.accept,
    ignores: settings.ignoreGroups.map((g) => ({ from: g.from, base: g.base, patterns: g.patterns })),
    gitignore: settings.gitignore,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
