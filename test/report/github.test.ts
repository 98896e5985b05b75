import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analyze/types.js';
import { summarize } from '../../src/cli/check.js';
import { ANNOTATIONS_PER_KIND, escapeData, escapeProperty, formatGithub, githubWriter } from '../../src/report/github.js';
import { formatWith } from '../../src/report/writer.js';
import { fixtureRun } from './ci-fixture.js';

describe('github format', () => {
  const text = formatGithub(fixtureRun());
  const lines = text.trimEnd().split('\n');

  it('escapes what would end a property or a command: % , : CR LF, and shows control sequences as inert text', () => {
    expect(escapeProperty('a, b: 100%\r\nx')).toBe('a%2C b%3A 100%25%0D%0Ax');
    expect(escapeData('a, b: 100%\nx\u001b[31m\u202e')).toBe('a, b: 100%25%0Ax\\x1b[31m\\u202e');
  });

  it('writes one workflow command per line, with the file and position as properties', () => {
    const error = lines.find((l) => l.startsWith('::error file=answers/a'))!;
    expect(error).toBe(
      '::error file=answers/a%2C b%3A 100%25 <"x"> & \\x1b[31mred\\x1b[0m%0Aline.md,line=3,col=5,endLine=3,endColumn=12,title=answer-coach jargon::Say 100%25, not "a lot" & <more>: second line\\x1b[2J\\x07 done',
    );
    expect(lines.filter((l) => l.startsWith('::notice '))).not.toHaveLength(0); // info findings are notices
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^::(error|warning|notice) file=[^,:]+(,[a-zA-Z]+=[^,:]+)*::/);
  });

  it('annotates unreadable files, a malformed one at its line; the summary line is for stderr, not among the commands', () => {
    expect(lines).toContain('::error file=answers/bad.yaml,line=4,col=7,title=answer-coach::invalid YAML: bad indentation');
    expect(lines).toContain('::error file=answers/gone & <lost>.txt,title=answer-coach::no such file or directory');
    expect(lines).toContain('::error file=notes%3A12%3A3,title=answer-coach::permission denied');
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) /);
    const run = fixtureRun();
    expect(githubWriter().notes!(run.errors, run.summary)).toMatch(/^answer-coach: 2 answers checked, average score \d+, .*\n$/);
  });
});

describe('github format past what GitHub shows', () => {
  // 25 warnings and 3 notices in one answer: GitHub shows 10 of each kind per step and drops the rest
  const base = fixtureRun().results[0].report;
  const findings: Finding[] = [
    ...Array.from({ length: 25 }, (_, i): Finding => ({ rule: 'jargon', severity: 'warning', message: `jargon ${i + 1} | <b>`, line: i + 2, column: 1 })),
    ...Array.from({ length: 3 }, (_, i): Finding => ({ rule: 'filler', severity: 'info', message: `filler ${i + 1}`, line: 40 + i, column: 2 })),
  ];
  const results = [{ file: 'answers/long.md', report: { ...base, findings } }];
  const run = { results, errors: [], summary: summarize(results, [], { failOn: 'error' }) };

  it(`annotates ${ANNOTATIONS_PER_KIND} of each kind, lists every finding in the job summary, and says on stderr what it left out`, () => {
    const summary: string[] = [];
    const writer = githubWriter({ stepSummary: (md) => void summary.push(md) });
    const out = formatWith(writer, run).trimEnd().split('\n');
    expect(out.filter((l) => l.startsWith('::warning '))).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(out.filter((l) => l.startsWith('::notice '))).toHaveLength(3);
    const md = summary.join('');
    expect(md).toContain('### answers/long.md — ');
    expect(md).toContain('| at | severity | message | rule |');
    // every finding, the ones past the limit too, with the Markdown and HTML in messages escaped
    for (let i = 1; i <= 25; i++) expect(md).toContain(`| ${i + 1}:1 | warning | jargon ${i} \\| &lt;b&gt; | \`jargon\` |`);
    expect(md).toContain('| 42:2 | info | filler 3 | `filler` |');
    expect(writer.notes!(run.errors, run.summary)).toMatch(/^answer-coach: 15 findings not annotated \(GitHub shows 10 of each kind per step\); every finding is in the job summary\n/);
  });

  it('without a job summary, stderr says how to see every finding', () => {
    const writer = githubWriter();
    formatWith(writer, run);
    expect(writer.notes!(run.errors, run.summary)).toContain('15 findings not annotated (GitHub shows 10 of each kind per step); run with --format line to see every finding');
  });
});
