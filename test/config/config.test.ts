import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, loadProjectConfig, parseConfigSource } from '../../src/config/index.js';

const problems = (source: string) => parseConfigSource(source, '/p/.answer-coach.yml').problems.map((p) => `${p.line}:${p.column}: ${p.message}`);

describe('.answer-coach.yml', () => {
  it('reads every key, resolving paths against the config file', () => {
    const { value, problems: found } = parseConfigSource(
      'rubric: rubrics/team.yaml\nrubrics-dir: [rubrics, ../shared]\nfail-on: warning\nmin-score: 70\ndisable: [filler]\nrules:\n  hedge: warning\n  jargon: off\n',
      '/p/q/.answer-coach.yml',
    );
    expect(found).toEqual([]);
    expect(value).toEqual({
      file: '/p/q/.answer-coach.yml',
      rubric: '/p/q/rubrics/team.yaml',
      rubricsDirs: ['/p/q/rubrics', '/p/shared'],
      failOn: 'warning',
      minScore: 70,
      rules: { filler: 'off', hedge: 'warning', jargon: 'off' },
      accept: [],
      ignores: [],
    });
  });

  it('reads the linter conventions: max-warnings, accept, ignores, gitignore, and warn / 0 / 1 / 2 as severities', () => {
    const lines = ['fail-on: warn', 'max-warnings: 5', 'accept: [leverage, circle back]', 'ignores: [drafts/, "notes-*.md"]', 'gitignore: false', 'rules:', '  hedge: 1', '  filler: 0', '  jargon: 2', '  length: warn'];
    const parsed = parseConfigSource(lines.map((l) => `${l}\n`).join(''), '/p/.answer-coach.yml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.value).toMatchObject({
      failOn: 'warning',
      maxWarnings: 5,
      accept: ['leverage', 'circle back'],
      ignores: ['drafts/', 'notes-*.md'],
      gitignore: false,
      rules: { hedge: 'warning', filler: 'off', jargon: 'error', length: 'warning' },
    });
    expect(problems('max-warnings: -1\naccept: leverage\nignores: [1]\ngitignore: maybe\nfail-on: 3\n')).toEqual([
      '1:15: max-warnings must be a whole number, 0 or more',
      '2:9: accept must be a list of strings',
      '3:11: each item of ignores must be a non-empty string',
      '4:12: gitignore must be true or false',
      '5:10: fail-on must be one of error, warning, info (or warn, 1, 2), not "3"',
    ]);
  });

  it('keeps a rubric id as an id', () => {
    expect(parseConfigSource('rubric: customer-service\n', '/p/.answer-coach.yml').value!.rubric).toBe('customer-service');
  });

  it('reports every problem with line and column, and a did-you-mean', () => {
    expect(problems('fail_on: warning\nmin-score: 170\nrules:\n  jargn: off\n  hedge: loud\ndisable: [fillers]\n')).toEqual([
      '1:1: unknown key "fail_on" (did you mean "fail-on"?)',
      '2:12: min-score must be a number from 0 to 100',
      expect.stringMatching(/^4:3: unknown rule "jargn" \(did you mean "jargon"\?\); known rules: star-missing/),
      '5:10: rule setting must be one of off, error, warning, info (or warn, 0, 1, 2), not "loud"',
      expect.stringMatching(/^6:11: unknown rule "fillers" \(did you mean "filler"\?\)/),
    ]);
  });

  it('an empty file is an empty config; a list is not a config', () => {
    expect(parseConfigSource('', 'c.yml').value).toEqual({ file: 'c.yml', rubricsDirs: [], rules: {}, accept: [], ignores: [] });
    expect(problems('- a\n')).toEqual(['1:1: the config must be a mapping of keys such as rubric, fail-on, rules']);
  });

  it('is found in the working folder or the nearest folder above it', () => {
    const root = mkdtempSync(join(tmpdir(), 'ac-config-'));
    const deep = join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(root, '.answer-coach.yml'), 'fail-on: info\n');
    expect(findConfigFile(deep)).toBe(join(root, '.answer-coach.yml'));
    writeFileSync(join(root, 'a', '.answer-coach.yaml'), 'fail-on: warning\n');
    expect(findConfigFile(deep)).toBe(join(root, 'a', '.answer-coach.yaml'));
    expect(loadProjectConfig(deep)!.failOn).toBe('warning');
    mkdirSync(join(deep, '.answer-coach.yml')); // a folder with the name is not a config
    expect(findConfigFile(deep)).toBe(join(root, 'a', '.answer-coach.yaml'));
  });

  it('throws a ConfigError with file:line:col when the nearest config is invalid', () => {
    const root = mkdtempSync(join(tmpdir(), 'ac-config-bad-'));
    writeFileSync(join(root, '.answer-coach.yml'), '# team settings\nmin-score: lots\n');
    expect(() => loadProjectConfig(root)).toThrow(ConfigError);
    expect(() => loadProjectConfig(root)).toThrow(`${join(root, '.answer-coach.yml')}:2:12: min-score must be a number from 0 to 100`);
  });
});
