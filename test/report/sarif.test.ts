import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/analyze/index.js';
import { artifactLocation, formatSarif } from '../../src/report/sarif.js';
import { RULE_INFO, ruleDocs } from '../../src/report/rules.js';
import { fixtureRun, HOSTILE_FILE } from './ci-fixture.js';

// The SARIF 2.1.0 schema (OASIS, draft-04 JSON Schema), vendored so the test needs no network.
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's patterns are not all valid with the u flag;
addFormats(ajv);
const validate = ajv.compile(schema);

describe('sarif format', () => {
  const text = formatSarif(fixtureRun(), { version: '1.2.3', rules: RULE_IDS, homepage: 'https://github.com/example/answer-coach' });
  const log = JSON.parse(text);

  it('describes every rule for code scanning: full description, help, a docs link and its default level', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: any) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of rules) {
      const info = RULE_INFO[rule.id];
      expect(rule.shortDescription.text).toBe(info.name);
      expect(rule.fullDescription.text).toBe(info.description);
      expect(rule.help.text).toBe(info.help);
      expect(rule.help.markdown).toContain(info.help);
      expect(rule.helpUri).toBe(`https://github.com/example/answer-coach/blob/main/docs/rules.md#${rule.id}`);
      expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[info.level]);
    }
    expect(log.runs[0].tool.driver.informationUri).toBe('https://github.com/example/answer-coach');
  });

  it("carries each answer's score and rubric in its results", () => {
    const byUri = new Map(fixtureRun().results.map((r) => [artifactLocation(r.file).uri, r.report]));
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    for (const result of log.runs[0].results) {
      const report = byUri.get(result.locations[0].physicalLocation.artifactLocation.uri)!;
      expect(result.properties).toEqual({ score: report.score, rubric: report.rubric });
    }
  });

  it('without a public address leaves informationUri and helpUri out rather than pointing nowhere, and still validates', () => {
    const bare = JSON.parse(formatSarif(fixtureRun(), { version: '1.2.3', rules: RULE_IDS }));
    expect(bare.runs[0].tool.driver.informationUri).toBeUndefined();
    for (const rule of bare.runs[0].tool.driver.rules) expect(rule.helpUri).toBeUndefined();
    expect(validate(bare), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('every rule the analyzer reports has its metadata, and docs/rules.md is what it generates (npm run docs:rubrics)', () => {
    for (const id of RULE_IDS) expect(RULE_INFO[id], id).toBeDefined();
    expect(Object.keys(RULE_INFO).sort()).toEqual([...RULE_IDS].sort());
    expect(readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')).toBe(ruleDocs());
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the validator does reject a broken log (so the check above means something)', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('has one result per finding with its rule, level and region, and every rule in the driver', () => {
    const run = log.runs[0];
    const total = fixtureRun().results.reduce((n, r) => n + r.report.findings.length, 0);
    expect(run.results).toHaveLength(total);
    const hostile = run.results.find((r: any) => r.level === 'error');
    expect(hostile.ruleId).toBe('jargon');
    expect(hostile.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 12 });
    expect(hostile.message.text).not.toMatch(/[\u0000-\u001f]/);
    const ids = run.tool.driver.rules.map((r: any) => r.id);
    for (const id of RULE_IDS) expect(ids).toContain(id);
    expect(run.tool.driver).toMatchObject({ name: 'answer-coach', version: '1.2.3' });
  });

  it('encodes file names as relative URIs and reports unreadable files as notifications', () => {
    const uri = log.runs[0].results.find((r: any) => r.level === 'error').locations[0].physicalLocation.artifactLocation;
    expect(uri.uriBaseId).toBe('%SRCROOT%');
    expect(uri.uri).not.toMatch(/[\s<>"]/);
    expect(decodeURIComponent(uri.uri.split('/')[1])).toBe(HOSTILE_FILE.split('/')[1]);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toHaveLength(3);
    expect(notes[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'answers/bad.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 7 } });
    // a file named like a position is that file, with no region
    expect(notes[1].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'notes%3A12%3A3', uriBaseId: '%SRCROOT%' } });
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('is a valid, empty log when nothing was checked', () => {
    const empty = JSON.parse(formatSarif({ results: [], errors: [], summary: { files: 0, analyzed: 0, failed: 0, findings: { error: 0, warning: 0, info: 0 }, averageScore: null, failing: 0 } }, { version: '1.2.3' }));
    expect(validate(empty)).toBe(true);
    expect(empty.runs[0].results).toEqual([]);
  });
});
