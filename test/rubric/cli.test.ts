import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_DIR, RubricRegistry } from '../../src/rubric/registry.js';
import { parseRubricSource } from '../../src/rubric/validate.js';
import { run } from '../cli/run.js';

const fx = (name: string) => fileURLToPath(new URL(`../fixtures/rubrics/${name}`, import.meta.url));
let tmp: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ac-rubrics-'));
  env = { XDG_CONFIG_HOME: join(tmp, 'xdg'), ANSWER_COACH_RUBRICS: '' };
});

describe('shipped rubrics', () => {
  it('every file in rubrics/ validates and resolves', () => {
    const files = readdirSync(BUILT_IN_DIR).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(parseRubricSource(readFileSync(join(BUILT_IN_DIR, f), 'utf8'), f).problems).toEqual([]);
    const registry = new RubricRegistry();
    for (const id of registry.ids()) expect(() => registry.get(id)).not.toThrow();
  });

  it('`rubrics validate` with no paths checks them all and exits 0', () => {
    const r = run(['rubrics', 'validate'], { env, cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ \d+ rubric files? checked: \d+ valid, 0 problems/);
  });
});

describe('answer-coach rubrics', () => {
  it('list shows each rubric, its question count and origin, and what it shadows', () => {
    const r = run(['rubrics', 'list', '--rubrics-dir', fx('user-b')], { env: { ...env, ANSWER_COACH_RUBRICS: [fx('overlay'), fx('user-a')].join(delimiter) }, cwd: tmp });
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('fixture-parent'))!;
    expect(line).toMatch(/fixture-parent\s+What does teamwork mean to you\? \(team B\)\s+1\s+--rubrics-dir: .*user-b\/fixture-parent\.yaml \(shadows ANSWER_COACH_RUBRICS: .*user-a\/fixture-parent\.yaml, ANSWER_COACH_RUBRICS: .*overlay\/parent\.yaml\)/);
    expect(r.stdout).toMatch(/^customer-service\s+.*\s+built-in$/m);
    const json = JSON.parse(run(['rubrics', 'list', '--json', '--rubrics-dir', fx('overlay')], { env, cwd: tmp }).stdout);
    expect(json.rubrics.find((x: { id: string }) => x.id === 'fixture-child')).toMatchObject({ questions: 1, origin: '--rubrics-dir', shadows: [] });
  });

  it('list reports a broken user rubric on stderr and exits 2, still listing the rest', () => {
    const r = run(['rubrics', 'list', '--rubrics-dir', fx('broken')], { env, cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^customer-service/m);
    expect(r.stderr).toContain('unknown-key.yaml:4:1: unknown key "pilars" (did you mean "pillars"?)');
  });

  it('validate prints every problem of every file as file:line:col and exits 2', () => {
    const r = run(['rubrics', 'validate', fx('broken/unknown-key.yaml'), fx('broken/many.yaml'), fx('cycle')], { env, cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${fx('broken/unknown-key.yaml')}:7:3: unknown key "expectations.wrods" (did you mean "words"?)`);
    expect(r.stdout).toContain(`${fx('broken/many.yaml')}:11:5: pillars[1]: duplicate id "a" (first at pillars[0])`);
    expect(r.stdout).toContain(`${fx('cycle/b.yaml')}:3:10: extends cycle: cycle-b → cycle-c → cycle-a → cycle-b`);
    expect(r.stdout).toMatch(/✗ 5 rubric files checked: 0 valid, 10 problems/);
  });

  it('validate exits 0 for valid files and still warns about a removal that removes nothing', () => {
    const r = run(['rubrics', 'validate', fx('overlay')], { env, cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('child.yaml: warning: jargon- "leverage" removes nothing');
  });

  it('show prints questions, pillars with phrases and hints, expectations and weights', () => {
    const r = run(['rubrics', 'show', 'fixture-child', '--rubrics-dir', fx('overlay')], { env, cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('extends  fixture-parent');
    expect(r.stdout).toContain('  listening: Active listening');
    expect(r.stdout).toContain('      phrases: listen*, heard them out');
    expect(r.stdout).toContain('metric in the Result: recommended');
    expect(r.stdout).toContain('Score weights: star 40, pillars 20, metric 20, jargon 10, delivery 10, opening 0');
    expect(run(['rubrics', 'show', 'no-such'], { env, cwd: tmp }).code).toBe(2);
  });

  it('init writes a commented scaffold that extends the base and validates, and will not overwrite it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-init-'));
    const r = run(['rubrics', 'init', 'conflict-at-work'], { env, cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'conflict-at-work.yaml'), 'utf8');
    expect(text).toMatch(/^extends: base$/m);
    expect(text).toMatch(/^# /);
    expect(run(['rubrics', 'validate', 'conflict-at-work.yaml'], { env, cwd: dir }).code).toBe(0);
    expect(run(['rubrics', 'init', 'conflict-at-work'], { env, cwd: dir }).code).toBe(2);
  });

  it('init refuses a name that is not an id', () => {
    const r = run(['rubrics', 'init', 'Bad Name'], { env, cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must be lower-case words joined by hyphens');
  });

  it('prints no control sequences from a rubric', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-escape-'));
    writeFileSync(join(dir, 'evil.yaml'), 'id: evil\ntitle: "Evil \\e[31mred\\e]0;pwned\\a"\nextends: base\nquestions: ["Why \\e[2J?"]\n');
    const r = run(['rubrics', 'list', '--rubrics-dir', dir], { env, cwd: dir });
    expect(r.stdout).toContain('Evil red');
    expect(r.stdout).not.toMatch(/\u001b|\u0007/);
    expect(run(['rubrics', 'show', 'evil', '--rubrics-dir', dir], { env, cwd: dir }).stdout).not.toMatch(/\u001b|\u0007/);
  });
});
