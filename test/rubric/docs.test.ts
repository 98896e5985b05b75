import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/analyze/checks/index.js';
import { CONFIG_SCHEMA } from '../../src/config/schema.js';
import { renderRubricDocs } from '../../src/rubric/docs.js';
import { RUBRIC_SCHEMA, type FieldSpec } from '../../src/rubric/schema.js';

function paths(fields: Record<string, FieldSpec>, prefix = ''): string[] {
  return Object.entries(fields).flatMap(([name, spec]) => [
    `${prefix}${name}`,
    ...(spec.type === 'object' ? paths(spec.fields, `${prefix}${name}.`) : spec.type === 'list' ? paths(spec.item, `${prefix}${name}[].`) : []),
  ]);
}

describe('docs/rubrics.md', () => {
  const committed = readFileSync(new URL('../../docs/rubrics.md', import.meta.url), 'utf8');

  it('is what the schema generates (run `npm run docs:rubrics` after changing src/rubric/schema.ts)', () => {
    expect(committed).toBe(renderRubricDocs());
  });

  it('documents every rubric key, config key and rule id', () => {
    for (const p of paths(RUBRIC_SCHEMA)) expect(committed).toContain(`| \`${p}\` |`);
    for (const k of CONFIG_SCHEMA) expect(committed).toContain(`| \`${k.key}\` |`);
    for (const rule of CHECKS.flatMap((c) => c.rules)) expect(committed).toContain(`\`${rule}\``);
  });

  it('says rubrics hold no regular expressions', () => {
    expect(committed).toMatch(/no regular expressions/);
  });
});
