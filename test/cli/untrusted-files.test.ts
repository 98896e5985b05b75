import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, otherUser, run, type RunOptions } from './run.js';

// Paths an untrusted repository or folder can hold: FIFOs (the real mkfifo), a character device
// (the real /dev/zero), symlinks, folders nobody may read. Each is one line on stderr naming the
// path, exit 2, and the rest of the batch still checked; nothing hangs (a run is killed after
// 15 s, and a killed run has no exit code, so a hang fails the test rather than stalling it).
const strong = join(FIXTURES, 'strong.md');
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'answer-coach-untrusted-'));
  env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') };
  execFileSync('mkfifo', [join(dir, 'pipe.md')]);
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (args: string[], options: RunOptions = {}) => run(['check', ...args], { cwd: dir, env, timeout: 15_000, ...options });
const json = (stdout: string) => JSON.parse(stdout) as { results: { file: string }[]; errors: { file: string; message: string }[] };

/** A fresh folder under the test's folder. */
function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('answer files that are not regular files', () => {
  it('a FIFO given as an answer is refused at once; the good file is still checked', () => {
    const r = check([join(dir, 'pipe.md'), strong, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`answer-coach: ${join(dir, 'pipe.md')}: is a named pipe (FIFO), not a regular file`]);
    expect(json(r.stdout).results.map((x) => x.file)).toEqual([strong]);
  });

  it('a FIFO inside a folder is reported, not read and not skipped', () => {
    const answers = folder('with-pipe');
    copyFileSync(strong, join(answers, 'good.md'));
    execFileSync('mkfifo', [join(answers, 'stuck.md')]);
    // (a YAML file is first looked at to tell a rubric from an answer: that look must not block either)
    execFileSync('mkfifo', [join(answers, 'stuck.yaml')]);
    const r = check([answers, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(json(r.stdout).errors).toEqual([
      { file: join(answers, 'stuck.md'), message: 'is a named pipe (FIFO), not a regular file' },
      { file: join(answers, 'stuck.yaml'), message: 'is a named pipe (FIFO), not a regular file' },
    ]);
    expect(json(r.stdout).results.map((x) => x.file)).toEqual([join(answers, 'good.md')]);
  });

  it('/dev/zero as an answer is refused without reading it', () => {
    const r = check(['/dev/zero', strong, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('answer-coach: /dev/zero: is a character device, not a regular file\n');
  });
});

describe('rubric and config paths that are not regular files', () => {
  it('--rubric naming a FIFO or /dev/zero is a rubric error, at once', () => {
    for (const path of [join(dir, 'pipe.yaml'), '/dev/zero']) {
      const r = check([strong, '--rubric', path]);
      expect(r.code, path).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^answer-coach: rubric ${path}: is a (named pipe \\(FIFO\\)|character device), not a regular file\n$`));
    }
  });

  it('`rubric: /dev/zero` in a repository\'s .answer-coach.yml cannot fill memory: one line, exit 2', () => {
    const repo = folder('repo-dev-zero');
    writeFileSync(join(repo, '.answer-coach.yml'), 'rubric: /dev/zero\n');
    copyFileSync(strong, join(repo, 'a.md'));
    // 64 MB of heap is far less than reading /dev/zero to the end would take
    const r = check(['a.md'], { cwd: repo, nodeArgs: ['--max-old-space-size=64'] });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('answer-coach: rubric /dev/zero: is a character device, not a regular file\n');
  });

  it('a FIFO in a rubrics folder is reported by name, by check and by rubrics validate', () => {
    const rubrics = folder('rubrics-with-pipe');
    execFileSync('mkfifo', [join(rubrics, 'stuck.yaml')]);
    const r = check([strong, '--rubrics-dir', rubrics]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rubric ${join(rubrics, 'stuck.yaml')}: is a named pipe (FIFO), not a regular file`);
    const v = run(['rubrics', 'validate', rubrics], { cwd: dir, env, timeout: 15_000 });
    expect(v.code).toBe(2);
    expect(v.stdout).toContain(`${join(rubrics, 'stuck.yaml')}: is a named pipe (FIFO), not a regular file`);
  });

  it('a config file that is a FIFO is a config error, not a hang', () => {
    const repo = folder('repo-fifo-config');
    execFileSync('mkfifo', [join(repo, '.answer-coach.yml')]);
    const r = check([strong], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`answer-coach: config ${join(repo, '.answer-coach.yml')}: is a named pipe (FIFO), not a regular file\n`);
  });
});

describe('the history file', () => {
  it('a history that is a FIFO is one line and exit 2', () => {
    const data = folder('data-fifo');
    mkdirSync(join(data, 'answer-coach'));
    execFileSync('mkfifo', [join(data, 'answer-coach', 'history.jsonl')]);
    const r = run(['history'], { cwd: dir, env: { ...env, XDG_DATA_HOME: data }, timeout: 15_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`answer-coach: cannot read the history ${join(data, 'answer-coach', 'history.jsonl')}: is a named pipe (FIFO), not a regular file\n`);
  });
});

describe('symlinks inside folders', () => {
  it('are followed to answers and folders; a broken one is reported; a link loop ends', () => {
    const answers = folder('links');
    const outside = folder('outside');
    copyFileSync(strong, join(outside, 'real.md'));
    copyFileSync(strong, join(answers, 'own.md'));
    symlinkSync(join(outside, 'real.md'), join(answers, 'linked.md'));
    symlinkSync(outside, join(answers, 'linked-folder'));
    symlinkSync(join(dir, 'gone.md'), join(answers, 'broken.md'));
    symlinkSync(answers, join(answers, 'loop'));
    const r = check([answers, '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = json(r.stdout);
    expect(doc.results.map((x) => x.file)).toEqual([join(answers, 'linked-folder', 'real.md'), join(answers, 'linked.md'), join(answers, 'own.md')]);
    expect(doc.errors).toEqual([{ file: join(answers, 'broken.md'), message: 'broken symbolic link (what it points to does not exist)' }]);
  });
});

describe('a folder that cannot be read', () => {
  const as = otherUser();
  if ('skip' in as) console.warn(`unreadable folder: SKIPPED, ${as.skip}`);

  it.skipIf('skip' in as)('is one error entry; the rest of the batch is checked and the JSON document is whole', () => {
    const prefix = 'prefix' in as ? as.prefix : [];
    const answers = folder('locked-batch');
    copyFileSync(strong, join(answers, 'a.md'));
    mkdirSync(join(answers, 'private'));
    copyFileSync(strong, join(answers, 'private', 'hidden.md'));
    copyFileSync(strong, join(answers, 'z.md'));
    // the other user must reach the folder and the CLI, but not the private folder
    chmodSync(dir, 0o755);
    for (const d of [join(dir, 'locked-batch')]) chmodSync(d, 0o755);
    chmodSync(join(answers, 'private'), 0o000);
    try {
      const r = check([answers, '--format', 'json'], { asUser: prefix });
      expect(r.code).toBe(2);
      const doc = json(r.stdout);
      expect(doc.results.map((x) => x.file)).toEqual([join(answers, 'a.md'), join(answers, 'z.md')]);
      expect(doc.errors).toEqual([{ file: join(answers, 'private'), message: 'folder cannot be read: permission denied' }]);
      expect(r.stderr).toBe(`answer-coach: ${join(answers, 'private')}: folder cannot be read: permission denied\n`);
    } finally {
      chmodSync(join(answers, 'private'), 0o755);
      chmodSync(dir, 0o700);
    }
  });

  it.skipIf('skip' in as)('rubrics validate on a folder that cannot be read: one problem, no internal error', () => {
    const prefix = 'prefix' in as ? as.prefix : [];
    const rubrics = folder('locked-rubrics');
    chmodSync(dir, 0o755);
    chmodSync(rubrics, 0o000);
    try {
      const r = run(['rubrics', 'validate', rubrics], { cwd: dir, env, timeout: 15_000, asUser: prefix });
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(`${rubrics}: folder cannot be read: permission denied`);
      expect(r.stderr).not.toMatch(/internal error/);
    } finally {
      chmodSync(rubrics, 0o755);
      chmodSync(dir, 0o700);
    }
  });
});
