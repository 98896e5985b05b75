import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { summarize } from '../../src/cli/check.js';
import { Chalk } from 'chalk';
import { formatPretty, PLAIN, reportColors } from '../../src/report/pretty.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const rubric = new RubricRegistry().get('customer-service');
const answer = '# What does customer service mean to you?\n\n## Situation\nLast May I worked at a \u001b[31mbakery\u001b[0m.\n\n## Action\nI called the supplier and explained the delay.\n\n## Result\nWe delivered within an hour.\n';

function render(color: boolean, c = color ? new Chalk({ level: 1 }) : PLAIN, width?: number) {
  const report = analyze(parseAnswer(answer, 'markdown'), rubric);
  const results = [{ file: 'answers/cake.md', report }];
  return { report, text: formatPretty({ results, errors: [], summary: summarize(results, [], { failOn: 'error' }) }, c, width) };
}

describe('pretty report', () => {
  it('has a header with the score, the STAR bar, one mark per pillar, located findings and a summary', () => {
    const { report, text } = render(false, PLAIN, 300);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`answers/cake.md  ${report.score}/100  customer-service · ${report.stats.words} words · ~${report.stats.speakingSeconds}s`);
    // the bar is always 20 cells, and each share as wide as "S 100%", so columns line up between answers
    expect(lines[1]).toMatch(/^ {2}STAR {6}S+A+R+  S +\d+%  T    –  A +\d+%  R +\d+%$/);
    expect(lines[1].slice(12, 32)).toMatch(/^[SAR]{20}$/);
    for (const p of report.pillars) expect(lines[2]).toContain(`${p.present ? '✓' : '✗'} ${p.id}`);
    for (const f of report.findings) expect(text).toContain(`${f.line}:${f.column}`);
    expect(lines.at(-2)).toMatch(/^[✓✗] 1 answer checked, average score \d+, \d+ errors?, \d+ warnings?, \d+ info$/);
  });

  it('has no escape codes with colour off, and some with colour on', () => {
    expect(render(false).text).not.toMatch(/\u001b/);
    expect(render(true).text).toMatch(/\u001b\[/);
  });

  it('without colour, the same bytes as chalk with colour off (so a pipe never needs chalk loaded)', () => {
    expect(render(false, PLAIN).text).toBe(render(false, new Chalk({ level: 0 })).text);
  });

  it('hands out the plain styles from an async loader (they must not look like a promise)', async () => {
    const c = await reportColors(false);
    expect(render(false, c).text).toBe(render(false, new Chalk({ level: 0 })).text);
    expect((await reportColors(true)).level).toBe(1);
  });
});
