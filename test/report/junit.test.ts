import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/junit.js';
import { fixtureRun, HOSTILE_FILE } from './ci-fixture.js';

describe('junit format', () => {
  const xml = formatJunit(fixtureRun(), { failOn: 'error' });

  it('parses as XML despite file names and messages full of markup and control characters', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('has a test case per answer and per unreadable file, failing exactly the answers that fail the run', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suite = doc.testsuites.testsuite;
    expect(suite).toMatchObject({ tests: '5', failures: '1', errors: '3' });
    const cases = suite.testcase;
    expect(cases).toHaveLength(5);
    const hostile = cases.find((c: any) => c.failure);
    // escapes shown as text, the line break as \n: the name stays one line and cannot recolour the report
    expect(hostile.name).toBe('answers/a, b: 100% <"x"> & \\x1b[31mred\\x1b[0m\\nline.md');
    expect(hostile.failure['#text']).toContain('3:5 error jargon: Say 100%, not "a lot" & <more>: second line');
    expect(cases.filter((c: any) => c.error)).toHaveLength(3);
    expect(cases.find((c: any) => c.name === 'answers/bad.yaml').error.message).toBe('4:7: invalid YAML: bad indentation');
    expect(cases.find((c: any) => c.name === 'notes:12:3').error.message).toBe('permission denied');
  });

  it('fails on a low score when --min-score is set', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(formatJunit(fixtureRun(), { failOn: 'error', minScore: 101 }));
    expect(doc.testsuites.failures).toBe('2');
  });
});
