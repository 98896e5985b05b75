import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { fixtureRun } from './ci-fixture.js';

describe('github format', () => {
  const text = formatGithub(fixtureRun());
  const lines = text.trimEnd().split('\n');

  it('escapes what would end a property or a command: % , : CR LF, and drops control sequences', () => {
    expect(escapeProperty('a, b: 100%\r\nx')).toBe('a%2C b%3A 100%25%0D%0Ax');
    expect(escapeData('a, b: 100%\nx\u001b[31m')).toBe('a, b: 100%25%0Ax');
  });

  it('writes one workflow command per line, with the file and position as properties', () => {
    const error = lines.find((l) => l.startsWith('::error file=answers/a'))!;
    expect(error).toBe(
      '::error file=answers/a%2C b%3A 100%25 <"x"> & red%0Aline.md,line=3,col=5,endLine=3,endColumn=12,title=answer-coach jargon::Say 100%25, not "a lot" & <more>: second line done',
    );
    expect(lines.filter((l) => l.startsWith('::notice '))).not.toHaveLength(0); // info findings are notices
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^::(error|warning|notice) file=[^,:]+(,[a-zA-Z]+=[^,:]+)*::/);
  });

  it('annotates unreadable files, a malformed one at its line, and ends with a plain summary', () => {
    expect(lines).toContain('::error file=answers/bad.yaml,line=4,col=7,title=answer-coach::invalid YAML: bad indentation');
    expect(lines).toContain('::error file=answers/gone & <lost>.txt,title=answer-coach::no such file or directory');
    expect(lines.at(-1)).toMatch(/^answer-coach: 2 answers checked, average score \d+, /);
  });
});
