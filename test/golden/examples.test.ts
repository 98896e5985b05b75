import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatForPath } from '../../src/answer/index.js';
import { checkText } from '../../src/cli/check.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

// Golden files: every answer in examples/ has its expected report beside it (same name, .json).
// Regenerate with `npm run golden:update` and review the diff by hand.
const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
const answers = readdirSync(dir).filter((f) => /\.(md|txt|ya?ml)$/.test(f)).sort();
const registry = new RubricRegistry();

describe('golden reports for examples/', () => {
  it('has a strong, a middling and a weak answer for every shipped rubric, in all three formats', () => {
    for (const rubric of registry.all()) {
      for (const level of ['strong', 'middling', 'weak']) expect(answers.some((f) => f.startsWith(`${rubric.id}-${level}.`)), `${rubric.id}-${level}`).toBe(true);
    }
    expect(new Set(answers.map(formatForPath))).toEqual(new Set(['markdown', 'yaml', 'text']));
  });

  for (const name of answers) {
    it(name, () => {
      const goldenPath = join(dir, name.replace(/\.(md|txt|ya?ml)$/, '.json'));
      expect(existsSync(goldenPath), `${goldenPath} is missing: run npm run golden:update`).toBe(true);
      const { file, ...expected } = JSON.parse(readFileSync(goldenPath, 'utf8'));
      expect(file).toBe(`examples/${name}`);
      const report = checkText(readFileSync(join(dir, name), 'utf8'), formatForPath(name), registry);
      expect(JSON.parse(JSON.stringify(report))).toEqual(expected);
    });
  }

  it('strong answers outscore middling ones, which outscore weak ones', () => {
    for (const rubric of registry.all()) {
      const score = (level: string) => {
        const name = answers.find((f) => f.startsWith(`${rubric.id}-${level}.`))!;
        return checkText(readFileSync(join(dir, name), 'utf8'), formatForPath(name), registry).score;
      };
      expect(score('strong'), rubric.id).toBeGreaterThan(score('middling'));
      expect(score('middling'), rubric.id).toBeGreaterThan(score('weak'));
    }
  });
});
