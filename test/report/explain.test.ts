import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatForPath } from '../../src/answer/index.js';
import { checkText } from '../../src/cli/check.js';
import { formatAnswer, PLAIN } from '../../src/report/pretty.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

// The explain view (check --explain): golden files of the pretty output for two shipped examples,
// reviewed by hand. Regenerate with `npx vitest run test/report/explain.test.ts -u` and read the diff.
const registry = new RubricRegistry();
const report = (name: string) => checkText(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'), formatForPath(name), registry);

describe('check --explain', () => {
  for (const name of ['customer-service-strong.txt', 'difficult-customer-weak.md']) {
    it(`prints every sentence with its part, why, and the evidence in it: ${name}`, async () => {
      await expect(formatAnswer(`examples/${name}`, report(name), PLAIN, 80, true) + '\n').toMatchFileSnapshot(`./__golden__/explain-${name.replace(/\.\w+$/, '')}.txt`);
    });
  }

  it('shows each sentence once, in order, and each piece of evidence under the sentence that holds it', () => {
    const r = report('customer-service-strong.txt');
    const text = formatAnswer('a', r, PLAIN, 200, true);
    const view = text.slice(text.indexOf('How it was read'));
    let at = 0;
    for (const s of r.sentences) {
      const k = view.indexOf(s.text, at);
      expect(k, s.text).toBeGreaterThan(at - 1);
      at = k;
    }
    for (const p of r.pillars) for (const e of p.evidence) expect(view).toContain(`${p.id} ${e.kind}: "${e.text}" — ${e.why}`);
    for (const m of r.metrics) expect(view).toContain(`# metric (${m.kind}): "${m.text}"`);
  });

  it('is off unless asked for', () => {
    expect(formatAnswer('a', report('customer-service-strong.txt'), PLAIN, 80)).not.toContain('How it was read');
  });

  it('the JSON carries the same: sentences with part and why, evidence with its kind', () => {
    const r = report('difficult-customer-weak.md');
    expect(r.sentences.length).toBeGreaterThan(3);
    for (const s of r.sentences) expect(typeof s.why === 'string' && s.why.length > 0 && ['situation', 'task', 'action', 'result', 'opening', 'closing'].includes(s.part)).toBe(true);
    for (const p of r.pillars) for (const e of p.evidence) expect(['shown', 'claimed']).toContain(e.kind);
  });
});
