import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { applyRuleSettings, parseDirectives } from '../../src/analyze/suppress.js';
import type { Finding } from '../../src/analyze/types.js';
import { parseAnswer } from '../../src/answer/index.js';
import { RubricRegistry } from '../../src/rubric/registry.js';

const rubric = new RubricRegistry([fileURLToPath(new URL('../fixtures/rubrics/overlay', import.meta.url))]).get('fixture-parent');
const check = (md: string, options = {}) => analyze(parseAnswer(md, 'markdown'), rubric, options);
const at = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.line);

const STORY = [
  '# What does teamwork mean to you?', // 1
  '', // 2
  'Um, we had synergy in the team.', // 3
  '<!-- answer-coach-disable jargon -->', // 4
  'Um, the synergy was real.', // 5
  '<!-- answer-coach-enable jargon -->', // 6
  'Um, synergy again.', // 7
  '<!-- answer-coach-disable-next-line filler -->', // 8
  'Um, synergy once more.', // 9
  'Um, and synergy.', // 10
].join('\n');

describe('inline suppression', () => {
  it('reads directives with their rules and positions', () => {
    expect(parseDirectives({ source: STORY, format: 'markdown' })).toEqual([
      { kind: 'disable', rules: ['jargon'], line: 4, column: 1, endLine: 4 },
      { kind: 'enable', rules: ['jargon'], line: 6, column: 1, endLine: 6 },
      { kind: 'disable-next-line', rules: ['filler'], line: 8, column: 1, endLine: 8 },
    ]);
  });

  it('drops findings of the named rule between disable and enable, and on the line after disable-next-line', () => {
    const plain = check(STORY.replace(/<!--.*-->/g, ''));
    expect(at(plain.findings, 'jargon')).toEqual([3, 5, 7, 9, 10]);
    const { findings } = check(STORY);
    expect(at(findings, 'jargon')).toEqual([3, 7, 9, 10]);
    expect(at(findings, 'filler')).toEqual([3, 5, 7, 10]);
  });

  it('leaves the score alone: suppression hides findings only', () => {
    expect(check(STORY).score).toBe(check(STORY.replace(/<!--.*-->/g, '')).score);
  });

  it('with no rule named, a disable covers every rule; several rules may be named', () => {
    const md = '# Q\n\n<!-- answer-coach-disable -->\nUm, synergy.\n<!-- answer-coach-enable -->\nUm, synergy.\n<!-- answer-coach-disable-next-line jargon, filler -->\nUm, synergy.\n';
    const { findings } = check(md);
    expect(at(findings, 'jargon')).toEqual([6]);
    expect(at(findings, 'filler')).toEqual([6]);
  });

  it('suppresses a finding about the whole answer only when the rule stays disabled', () => {
    const md = (tail: string) => `# Q\n\n<!-- answer-coach-disable length -->\nUm, synergy.\n${tail}`;
    expect(at(check(md('')).findings, 'length')).toEqual([]);
    expect(at(check(md('<!-- answer-coach-enable length -->\n')).findings, 'length')).toEqual([1]);
  });

  it('warns about an unknown rule id at the directive, with a did-you-mean, and the warning cannot be hidden', () => {
    const { findings } = check('# Q\n\n<!-- answer-coach-disable jargn -->\n<!-- answer-coach-disable -->\nSynergy.\n');
    const directive = findings.filter((f) => f.rule === 'directive');
    expect(directive).toHaveLength(1);
    expect(directive[0]).toMatchObject({ line: 3, column: 1, severity: 'warning', message: expect.stringContaining('unknown rule "jargn" (did you mean "jargon"?)') });
  });

  it('reads # comments in YAML answers', () => {
    const yaml = 'question: Q\nsituation: Um, synergy here.\n# answer-coach-disable-next-line jargon\naction: Synergy there.\n';
    const report = analyze(parseAnswer(yaml, 'yaml'), rubric);
    expect(parseDirectives({ source: yaml, format: 'yaml' })).toMatchObject([{ kind: 'disable-next-line', rules: ['jargon'], line: 3, column: 1 }]);
    expect(at(report.findings, 'jargon')).toEqual([2]);
  });
});

describe('rule settings from the project config', () => {
  it('turns a rule off and changes another rule\'s severity', () => {
    const md = '# Q\n\nUm, synergy.\n';
    const { findings } = check(md, { rules: { filler: 'off', jargon: 'error' } });
    expect(at(findings, 'filler')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'jargon').map((f) => f.severity)).toEqual(['error']);
  });

  it('is pure: the same findings in give the same findings out', () => {
    const f: Finding = { rule: 'jargon', severity: 'warning', message: 'x', line: 2, column: 1 };
    const out = applyRuleSettings([f], { source: 'a\nb', format: 'text' }, { rules: { jargon: 'info' } });
    expect(out).toEqual([{ ...f, severity: 'info' }]);
    expect(f.severity).toBe('warning');
  });
});

describe('the rule ids', () => {
  it('are the checks\' own rules, in their order, and the directive rule', async () => {
    const { CHECKS } = await import('../../src/analyze/checks/index.js');
    const { RULE_IDS, DIRECTIVE_RULE } = await import('../../src/analyze/rule-ids.js');
    expect(RULE_IDS).toEqual([...CHECKS.flatMap((c) => c.rules), DIRECTIVE_RULE]);
  });
});
