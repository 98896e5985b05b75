// A small run for the CI formatters: one real analyzed answer under a hostile file name, one
// synthetic report whose messages hold the characters each format must escape, and two errors.
import { analyze } from '../../src/analyze/index.js';
import type { Report } from '../../src/analyze/types.js';
import { parseAnswer } from '../../src/answer/index.js';
import { summarize } from '../../src/cli/check.js';
import type { FileError, FileResult, RunResult } from '../../src/report/types.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const rubric = new RubricRegistry().get('customer-service');
const answer =
  '# What does customer service mean to you?\n\n## Situation\nLast May I worked at a bakery and we had to leverage synergy.\n\n## Action\nI called the supplier and explained the delay.\n\n## Result\nWe delivered within an hour.\n';

export const HOSTILE_FILE = 'answers/a, b: 100% <"x"> & \u001b[31mred\u001b[0m\nline.md';
export const HOSTILE_MESSAGE = 'Say 100%, not "a lot" & <more>:\nsecond line\u001b[2J\u0007 done';

export function fixtureRun(): RunResult {
  const real = analyze(parseAnswer(answer, 'markdown'), rubric);
  const synthetic: Report = {
    ...real,
    score: 40,
    findings: [
      { rule: 'jargon', severity: 'error', message: HOSTILE_MESSAGE, line: 3, column: 5, endLine: 3, endColumn: 12, text: 'x' },
      { rule: 'filler', severity: 'info', message: 'plain', line: 1, column: 1 },
    ],
  };
  const results: FileResult[] = [
    { file: 'answers/plain.md', report: real },
    { file: HOSTILE_FILE, report: synthetic },
  ];
  const errors: FileError[] = [
    { file: 'answers/bad.yaml', line: 4, column: 7, message: 'invalid YAML: bad indentation' },
    // a name that looks like a position is a name, not a position
    { file: 'notes:12:3', message: 'permission denied' },
    { file: 'answers/gone & <lost>.txt', message: 'no such file or directory' },
  ];
  return { results, errors, summary: summarize(results, errors, { failOn: 'error' }) };
}
