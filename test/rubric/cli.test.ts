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
    for (const flag of [['--json'], ['--format', 'json']]) {
      const json = JSON.parse(run(['rubrics', 'list', ...flag, '--rubrics-dir', fx('overlay')], { env, cwd: tmp }).stdout);
      expect(json.rubrics.find((x: { id: string }) => x.id === 'fixture-child')).toMatchObject({
        id: 'fixture-child',
        title: 'Tell me about a time you worked in a team.',
        source: '--rubrics-dir',
        file: fx('overlay/child.yaml'),
        questions: ['Tell me about a time you worked in a team.'],
        shadows: [],
      });
      const builtIn = json.rubrics.find((x: { id: string }) => x.id === 'customer-service');
      expect(builtIn.source).toBe('built-in');
      expect(builtIn.questions).toContain('What does customer service mean to you?');
    }
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
    // at the key that asked for it, with what the parent has that is close
    expect(r.stdout).toContain(`${fx('overlay/child.yaml')}:9:1: warning: jargon- "leverage" removes nothing: the parent has no such item`);
  });

  /** `rubrics validate` of one rubric file with this text, in a folder of its own. */
  const validateOne = (name: string, yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-validate-'));
    writeFileSync(join(dir, name), yaml);
    return { dir, ...run(['rubrics', 'validate', name], { env, cwd: dir }) };
  };

  it('validate refuses a phrase written as a regular expression, at its place', () => {
    const r = validateOne('rx.yaml', 'id: rx\ntitle: Rx\nextends: base\nquestions: [Why?]\npillars:\n  - { id: a, name: A, phrases: ["foo.*bar", "fine*", "24/7", "110%", "exceed _? expectations"] }\n  - { id: b, name: B, phrases: [fix*] }\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('rx.yaml:6:33: pillars[0].phrases[0] "foo.*bar" looks like a regular expression, and phrases are words, not regular expressions: write word* for any ending');
    expect(r.stdout).toMatch(/1 problem$/m); // word*, 24/7, 110% and _? are phrases
  });

  it('validate refuses a rubric that asks for more pillars than it lists, at its pillars', () => {
    const r = validateOne('none.yaml', 'id: none\ntitle: None\nextends: base\nquestions: [Why?]\npillars: []\n');
    const { dir } = r;
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('none.yaml:5:1: a strong answer is to show 2 pillars (expectations.pillars.min), but the rubric lists none: add pillars, or lower expectations.pillars.min');
    // and check says so instead of judging with it
    const c = run(['check', '-', '--rubric', join(dir, 'none.yaml')], { env, cwd: dir, input: 'I helped.' });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('but the rubric lists none');
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
    // the removal its comments show works as written: no "removes nothing"
    const example = /jargon-: \[[^\]]+\]/.exec(text)![0];
    writeFileSync(join(dir, 'conflict-at-work.yaml'), `${text}${example}\n`);
    const v = run(['rubrics', 'validate', 'conflict-at-work.yaml'], { env, cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).not.toContain('warning');
  });

  it('init into a folder that does not exist says so in one line', () => {
    const r = run(['rubrics', 'init', 'conflict-at-work', '--dir', join(tmp, 'missing')], { env, cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`answer-coach: --dir ${join(tmp, 'missing')}: no such folder (create it first, or pick another)`);
  });

  it('init of a built-in id refuses to hide it silently; --shadow writes a version that builds on it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-shadow-'));
    const r = run(['rubrics', 'init', 'customer-service'], { env, cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"customer-service" is already the id of a rubric (built-in): yours would replace it');
    expect(readdirSync(dir)).toEqual([]);
    const s = run(['rubrics', 'init', 'customer-service', '--shadow'], { env, cwd: dir });
    expect(s.code).toBe(0);
    const text = readFileSync(join(dir, 'customer-service.yaml'), 'utf8');
    expect(text).toMatch(/^extends: customer-service$/m);
    expect(run(['rubrics', 'validate', 'customer-service.yaml'], { env, cwd: dir }).code).toBe(0);
  });

  it('init refuses a name that is not an id', () => {
    const r = run(['rubrics', 'init', 'Bad Name'], { env, cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must be lower-case words joined by hyphens');
  });

  it('prints no control sequence or bidi control from a rubric: each is shown as inert text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-escape-'));
    // \u202e (RIGHT-TO-LEFT OVERRIDE) and \u2066 (LEFT-TO-RIGHT ISOLATE) would reorder what follows them (Trojan Source)
    writeFileSync(join(dir, 'evil.yaml'), 'id: evil\ntitle: "Evil \\e[31mred\\e]0;pwned\\a \\u202Egnp.exe\\u2066"\nextends: base\nquestions: ["Why \\e[2J?"]\npillars:\n  - { id: a, name: "A \\e[31m", phrases: [a] }\n  - { id: b, name: B, phrases: [b] }\n');
    const r = run(['rubrics', 'list', '--rubrics-dir', dir], { env, cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Evil \\x1b[31mred\\x1b]0;pwned\\x07 \\u202egnp.exe\\u2066');
    const shown = run(['rubrics', 'show', 'evil', '--rubrics-dir', dir], { env, cwd: dir }).stdout;
    expect(shown).toContain('Why \\x1b[2J?');
    expect(shown).toContain('A \\x1b[31m');
    for (const out of [r.stdout, shown]) expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  });
});
