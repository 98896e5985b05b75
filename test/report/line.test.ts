import { describe, expect, it } from 'vitest';
import { formatLine } from '../../src/report/line.js';
import { fileName } from '../../src/report/sanitize.js';
import { fixtureRun } from './ci-fixture.js';

describe('line format', () => {
  const text = formatLine(fixtureRun());
  const lines = text.trimEnd().split('\n');

  it('is one finding a line, as file:line:col: severity rule: message', () => {
    const total = fixtureRun().results.reduce((n, r) => n + r.report.findings.length, 0);
    expect(lines).toHaveLength(total);
    for (const l of lines) expect(l).toMatch(/^.+:\d+:\d+: (error|warning|info) [a-z-]+: .+$/);
    expect(lines).toContain('answers/a, b: 100% <"x"> & \\x1b[31mred\\x1b[0m\\nline.md:3:5: error jargon: Say 100%, not "a lot" & <more>: second line\\x1b[2J\\x07 done');
  });

  it('shows line breaks and tabs in a file name as \\n and \\t, and terminal escapes as inert text', () => {
    expect(fileName('a\tb\r\nc\u001b[2Jd\u0000.md')).toBe('a\\tb\\r\\nc\\x1b[2Jd\\x00.md');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('prints nothing for a clean run (unreadable files are on stderr)', () => {
    const run = fixtureRun();
    expect(formatLine({ ...run, results: [] })).toBe('');
  });
});
