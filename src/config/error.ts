import type { Problem } from '../rubric/validate.js';

/** A config error: every problem found, each with file:line:col. (Its own module, so the CLI can catch it without loading the config parser.) */
export class ConfigError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}
