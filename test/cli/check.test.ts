import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/commands/check.js';
import { FIXTURES, ROOT, run } from './run.js';

const strong = join(FIXTURES, 'strong.md');
const noStory = join(FIXTURES, 'no-story.txt');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'answer-coach-cli-'));
  writeFileSync(join(dir, 'empty.txt'), '  \n\n');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x49, 0x00, 0x01, 0x02, 0xff]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 service means listening.', 'latin1'));
  writeFileSync(join(dir, 'huge.txt'), 'word '.repeat(220_000));
  writeFileSync(join(dir, 'bad.yaml'), 'situation: [unclosed\n');
  writeFileSync(join(dir, 'escape\u001b[31mred.txt'), 'I always listen first.\u001b]0;pwned\u0007 Then I help \u001b[2Jright away.');
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'nested', 'b.txt'), 'Service means listening.');
  writeFileSync(join(dir, 'nested', 'deeper', 'a.md'), '# What does customer service mean to you?\n\nListening.');
  writeFileSync(join(dir, 'nested', 'notes.json'), '{}');
  writeFileSync(join(dir, 'broken-rubric.yaml'), 'id: broken\ntitle: Broken\nextends: base\npilars: []\n');
  writeFileSync(join(dir, 'bomb.yaml'), ['id: bomb', 'title: x', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`)].join('\n') + '\n');
});

const json = (stdout: string) => JSON.parse(stdout) as { schemaVersion: number; tool: string; version: string; results: any[]; errors: { file: string; message: string }[]; summary: any };

describe('answer-coach check', () => {
  it('prints exactly one JSON document with the documented fields', () => {
    const r = run(['check', strong, '--format', 'json']);
    const doc = json(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, tool: 'answer-coach', errors: [] });
    expect(doc.version).toMatch(/^\d+\.\d+\.\d+/);
    const [result] = doc.results;
    expect(result.file).toBe(strong);
    expect(result.rubric).toBe('customer-service');
    expect(typeof result.score).toBe('number');
    for (const part of ['situation', 'task', 'action', 'result']) expect(result.star[part]).toMatchObject({ present: true, words: expect.any(Number) });
    expect(result.pillars.length).toBeGreaterThan(0);
    expect(result.pillars[0]).toMatchObject({ id: expect.any(String), present: expect.any(Boolean), evidence: expect.any(Array) });
    expect(result.metrics[0]).toMatchObject({ text: expect.any(String), line: expect.any(Number), column: expect.any(Number) });
    expect(result.stats).toMatchObject({ words: expect.any(Number), speakingSeconds: expect.any(Number) });
    expect(r.stderr).toBe('');
  });

  it('exits 0 for a strong answer and 1 when findings reach the threshold', () => {
    expect(run(['check', strong]).code).toBe(0);
    const weak = run(['check', noStory]);
    expect(weak.code).toBe(1);
    expect(weak.stdout).toMatch(/error +No story/);
  });

  it('--fail-on and --min-score move the threshold', () => {
    expect(run(['check', strong, '--fail-on', 'info']).code).toBe(1);
    expect(run(['check', strong, '--min-score', '100']).code).toBe(1);
    expect(run(['check', strong, '--min-score', '10']).code).toBe(0);
  });

  it('reports findings with line and column like a linter', () => {
    const r = run(['check', noStory, '--format', 'json']);
    const jargon = json(r.stdout).results[0].jargon;
    expect(jargon.map((j: any) => j.text)).toContain('customer-centric');
    const centric = jargon.find((j: any) => j.text === 'customer-centric');
    expect([centric.line, centric.column]).toEqual([1, 30]);
    expect(centric.suggestion).toBeTruthy();
  });

  it('usage errors exit 2 with a message on stderr and nothing on stdout', () => {
    for (const args of [['check', '--bogus'], ['check', strong, '--format', 'xml'], ['check', strong, '--min-score', '101'], ['frobnicate']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toBe('');
    }
  });

  it('--version and --help exit 0, and help shows examples', () => {
    const v = run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = run(['check', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:');
    expect(h.stdout).toContain('--format');
  });

  it('reads stdin with -', () => {
    const r = run(['check', '-', '--format', 'json'], { input: 'I always listen first and explain our policies clearly.' });
    const doc = json(r.stdout);
    expect(doc.results[0].file).toBe('<stdin>');
    expect(doc.results[0].star.situation.present).toBe(false);
  });

  it('recurses into folders and expands quoted globs, sorted, answer files only', () => {
    const r = run(['check', 'nested', '--format', 'json'], { cwd: dir });
    expect(json(r.stdout).results.map((x: any) => x.file)).toEqual(['nested/b.txt', 'nested/deeper/a.md']);
    const g = run(['check', 'nested/**/*.md', '--format', 'json'], { cwd: dir });
    expect(json(g.stdout).results.map((x: any) => x.file)).toEqual(['nested/deeper/a.md']);
  });
});

describe('bad input: one line on stderr, exit 2, the rest of the batch still checked', () => {
  const cases: [string, RegExp][] = [
    ['missing.txt', /missing\.txt: no such file/],
    ['empty.txt', /empty\.txt: empty file/],
    ['binary.txt', /binary\.txt: binary file/],
    ['latin1.txt', /latin1\.txt: not valid UTF-8/],
    ['huge.txt', /huge\.txt: file is too large/],
    ['bad.yaml', /bad\.yaml:\d+:\d+: invalid YAML/],
  ];
  for (const [name, message] of cases) {
    it(name, () => {
      const r = run(['check', name, strong, '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      const doc = json(r.stdout);
      expect(doc.results.map((x: any) => x.file)).toEqual([strong]);
      expect(doc.errors).toHaveLength(1);
    });
  }

  it('an unknown rubric id', () => {
    const r = run(['check', strong, '--rubric', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rubric nope: unknown rubric \(known: .*customer-service/);
    expect(r.stdout).toBe('');
  });

  it('a malformed rubric names file, line and column, with a suggestion', () => {
    const r = run(['check', strong, '--rubric', join(dir, 'broken-rubric.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken-rubric\.yaml:4:1: unknown key "pilars" \(did you mean "pillars"\?\)/);
  });

  it('a YAML alias bomb in a rubric is refused', () => {
    const r = run(['check', strong, '--rubric', join(dir, 'bomb.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.yaml/);
  });
});

describe('untrusted text is printed safely', () => {
  it('shows terminal control sequences in file names and answer text as inert text', () => {
    const r = run(['check', '.', '--rubric', 'customer-service'], { cwd: dir });
    expect(r.stdout).toContain('escape\\x1b[31mred.txt');
    expect(r.stdout).not.toMatch(/\u001b|\u0007/);
    expect(r.stderr).not.toMatch(/\u001b|\u0007/);
  });
});

describe('pipes', () => {
  it('a reader that closes the pipe early gets no crash or stack trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/answer-coach.js check examples test/fixtures/cli --format json | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});

describe('colour', () => {
  it('is off when stdout is not a terminal', () => {
    expect(run(['check', strong]).stdout).not.toMatch(/\u001b\[/);
  });

  it('--color forces it on, NO_COLOR turns it off on a terminal', () => {
    expect(run(['check', strong, '--color']).stdout).toMatch(/\u001b\[/);
    expect(useColor(undefined, { isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(undefined, { isTTY: true }, {})).toBe(true);
    expect(useColor(undefined, { isTTY: false }, {})).toBe(false);
    expect(useColor(false, { isTTY: true }, {})).toBe(false);
  });
});


describe('install edges', () => {
  it('the bin run before a build says to run npm ci, with no stack trace', () => {
    const copy = mkdtempSync(join(tmpdir(), 'answer-coach-unbuilt-'));
    mkdirSync(join(copy, 'bin'));
    writeFileSync(join(copy, 'package.json'), readFileSync(join(ROOT, 'package.json')));
    // the bin folder as it ships: the launcher and the package.json that makes it CommonJS
    for (const file of ['answer-coach.js', 'package.json']) writeFileSync(join(copy, 'bin', file), readFileSync(join(ROOT, 'bin', file)));
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'answer-coach.js'), 'check', 'x.md'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`answer-coach: this copy is not built yet: run \`npm ci\` in ${copy}/ (it installs the dependencies and builds), then try again`);
  });

  it('prepare without the TypeScript compiler says what to run instead of "tsc: not found"', () => {
    const copy = mkdtempSync(join(tmpdir(), 'answer-coach-fresh-'));
    mkdirSync(join(copy, 'scripts'));
    for (const file of ['prepare.mjs', 'build.mjs']) writeFileSync(join(copy, 'scripts', file), readFileSync(join(ROOT, 'scripts', file)));
    const r = spawnSync(process.execPath, [join(copy, 'scripts', 'prepare.mjs')], { cwd: copy, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm ci && npm install -g .');
  });

  // the README's first command is `npm ci && node bin/answer-coach.js check examples`: what
  // `prepare` builds must be a CLI that works, data files and all, not only what tsc compiles
  it('a clone built by prepare alone (as npm ci does) checks answers', () => {
    const copy = mkdtempSync(join(tmpdir(), 'answer-coach-prepared-'));
    for (const dir of ['src', 'scripts', 'rubrics', 'bin', 'examples']) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    for (const file of ['package.json', 'tsconfig.json']) cpSync(join(ROOT, file), join(copy, file));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const built = spawnSync(process.execPath, [join(copy, 'scripts', 'prepare.mjs')], { cwd: copy, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'answer-coach.js'), 'check', 'examples', '--format', 'json'], { cwd: copy, encoding: 'utf8' });
    const doc = JSON.parse(r.stdout);
    expect(doc.errors).toEqual([]);
    expect(doc.summary.analyzed).toBeGreaterThan(0);
    rmSync(copy, { recursive: true, force: true });
  }, 120_000);
});
