import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { formatHistoryPretty } from '../../src/history/format.js';
import { summarizeHistory } from '../../src/history/summary.js';
import type { Attempt } from '../../src/history/types.js';
import { formatPretty } from '../../src/report/pretty.js';
import { fileName, oneLine, sanitize } from '../../src/report/sanitize.js';
import { summarize } from '../../src/report/summary.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

// Every character that can act on a terminal or hide what text says: none may reach a human format as it is.
const INVISIBLE = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u2060', '\u2061', '\u2064', '\ufeff', '\u00ad', '\u2028', '\u2029', '\u180e', '\ufff9', '\u{e0041}', '\u3164', '\ud800'];
const CONTROLS = ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u007f', '\u0085', '\u009b'];

describe('sanitize', () => {
  it('escapes every control, bidi and invisible format character visibly', () => {
    for (const ch of [...INVISIBLE, ...CONTROLS]) {
      const out = sanitize(`a${ch}b`);
      expect(out, JSON.stringify(ch)).toMatch(/^a\\(x[0-9a-f]{2}|u[0-9a-f]{4}|u\{[0-9a-f]+\}|r)b$/);
      expect(out).toBe(`a${out.slice(1, -1)}b`);
    }
    expect(sanitize('\u202egnp.exe')).toBe('\\u202egnp.exe');
    expect(sanitize('\u001b[2Jtext')).toBe('\\x1b[2Jtext');
    expect(sanitize('tag\u{e0041}')).toBe('tag\\u{e0041}');
  });

  it('keeps text as it is: lines, tabs, accents, scripts, emoji with their joiners', () => {
    const text = 'Café, naïve — 東京, مرحبا, हिन्दी\n\t👩‍💻 👍🏽 ❤️';
    expect(sanitize(text)).toBe(text);
  });

  it('oneLine folds lines; fileName shows them as \\n and keeps the rest of the name', () => {
    expect(oneLine(' a\n\tb\u202e ')).toBe('a b\\u202e');
    expect(fileName('a\nb\tc\rd\u001b[31m.md')).toBe('a\\nb\\tc\\rd\\x1b[31m.md');
  });
});

describe('human formats cannot be faked by what they print', () => {
  const rubric = new RubricRegistry().get('customer-service');

  it('a file name cannot draw a line of its own in the pretty report (a fake "✓ … average score 100")', () => {
    const report = analyze(parseAnswer('I always listen first.', 'text'), rubric);
    const file = 'weak.txt\n✓ 1 answer checked, average score 100, 0 errors\n\u202e';
    const results = [{ file, report }];
    const text = formatPretty({ results, errors: [], summary: summarize(results, [], { failOn: 'error' }) });
    const lines = text.split('\n');
    expect(lines[0].startsWith('weak.txt\\n✓ 1 answer checked, average score 100, 0 errors\\n\\u202e  ')).toBe(true);
    expect(lines.filter((l) => l.includes('average score'))).toHaveLength(2); // the header, and the one true summary
    expect(lines.at(-2)).toMatch(/^✗ 1 answer checked, average score \d+, /);
  });

  it('history: the question, the file, the rubric and the time are sanitized', () => {
    const attempt: Attempt = {
      v: 1,
      // Date.parse accepts a parenthesised comment, so a hand-edited time can carry anything
      at: 'May 1 2024 (\u202eX)',
      source: 'check',
      question: 'Why \u001b[2J?',
      rubric: 'cs\u2066',
      score: 50,
      star: { situation: true, task: false, action: true, result: false },
      pillars: [],
      pillarsMissing: [],
      metric: false,
      findings: { 'constructor': 2 },
      file: '/a\nb.md',
      hash: 'x',
    };
    expect(Number.isNaN(Date.parse(attempt.at))).toBe(false);
    const text = formatHistoryPretty({ path: '/h\n.jsonl', total: 1, skipped: 0, summaries: summarizeHistory([attempt, { ...attempt, question: undefined }]) }, { color: false });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('Why \\x1b[2J?');
    expect(text).toContain('(no question) /a\\nb.md');
    expect(text).toContain('cs\\u2066');
    expect(text).toContain('\\u202eX');
    expect(text).toContain('/h\\n.jsonl');
  });
});
