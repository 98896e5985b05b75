import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The yaml package, loaded on first use: most runs parse no YAML at all (the built-in rubrics come
 * from the build's snapshot), and loading it costs more than the rest of `check` startup. A
 * synchronous require keeps the parsers synchronous; Node resolves 'yaml' to the same CommonJS
 * module whether it is imported or required, so there is never a second copy.
 */
export function yaml(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
