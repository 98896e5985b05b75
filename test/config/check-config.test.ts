import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/analyze/suppress.js';
import { run } from '../cli/run.js';

const overlay = fileURLToPath(new URL('../fixtures/rubrics/overlay', import.meta.url));
let project: string;
let sub: string;
let env: NodeJS.ProcessEnv;

const write = (config: string) => writeFileSync(join(project, '.answer-coach.yml'), config);
// every rule down to info, jargon off: so fail-on decides the exit code alone
const ALL_INFO = `rules:\n${RULE_IDS.filter((r) => r !== 'jargon').map((r) => `  ${r}: info`).join('\n')}\n  jargon: off\n`;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'ac-project-'));
  sub = join(project, 'answers', 'drafts');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'a.md'), '# What does teamwork mean to you?\n\nUm, we had synergy.\n');
  env = { XDG_CONFIG_HOME: join(project, 'no-user-config'), ANSWER_COACH_RUBRICS: '' };
});

describe('check with a project config', () => {
  it('takes its rubric folder, rubric and rule settings from the nearest .answer-coach.yml above the working folder', () => {
    write(`rubrics-dir: ${overlay}\nrubric: fixture-parent\n${ALL_INFO}`);
    const r = run(['check', 'a.md', '--format', 'json'], { cwd: sub, env });
    expect(r.stderr).not.toContain('answer-coach:');
    const [result] = JSON.parse(r.stdout).results;
    expect(result.rubric).toBe('fixture-parent');
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f: { severity: string }) => f.severity === 'info')).toBe(true);
    expect(result.findings.some((f: { rule: string }) => f.rule === 'jargon')).toBe(false);
    expect(r.code).toBe(0); // default fail-on error
  });

  it('uses its fail-on and min-score, and the flags win over them', () => {
    write(`rubrics-dir: ${overlay}\nrubric: fixture-parent\nfail-on: info\n${ALL_INFO}`);
    expect(run(['check', 'a.md'], { cwd: sub, env }).code).toBe(1);
    expect(run(['check', 'a.md', '--fail-on', 'error'], { cwd: sub, env }).code).toBe(0);
    write(`rubrics-dir: ${overlay}\nrubric: fixture-parent\nmin-score: 99\n${ALL_INFO}`);
    expect(run(['check', 'a.md'], { cwd: sub, env }).code).toBe(1);
    expect(run(['check', 'a.md', '--min-score', '0'], { cwd: sub, env }).code).toBe(0);
  });

  it('--rubric wins over the config rubric; --rubrics-dir adds a folder', () => {
    write(`rubric: fixture-parent\n`);
    const r = run(['check', 'a.md', '--format', 'json', '--rubrics-dir', overlay, '--rubric', 'fixture-child'], { cwd: sub, env });
    expect(JSON.parse(r.stdout).results[0].rubric).toBe('fixture-child');
  });

  it('stops with exit 2 and file:line:col when the config is invalid', () => {
    write('fail-on: warning\nrules:\n  jargn: off\n');
    const r = run(['check', 'a.md'], { cwd: sub, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`answer-coach: config ${join(project, '.answer-coach.yml')}:3:3: unknown rule "jargn" (did you mean "jargon"?)`);
    expect(r.stdout).toBe('');
  });
});
