import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, run } from './run.js';

// Importing the natural package root takes about a second, prints dotenv's advertising to stdout
// and loads ./.env into the environment. These tests keep it out.
describe('natural hygiene', () => {
  const trap = ['-r', join(FIXTURES, 'trap-dotenv.cjs')];

  it('the .env trap itself fires when a .env file is read', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'answer-coach-env-'));
    writeFileSync(join(cwd, '.env'), 'X=1\n');
    const r = run([], { cwd, nodeArgs: [...trap, '-e', "require('node:fs').readFileSync('.env')", '--'] });
    expect(r.stderr).toContain('TRAP');
  });

  it('check --format json in a folder with a .env prints only JSON and never reads .env', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'answer-coach-env-'));
    writeFileSync(join(cwd, '.env'), 'ANSWER_COACH_LEAK=yes\nDOTENV_CONFIG_DEBUG=true\n');
    writeFileSync(join(cwd, 'a.txt'), 'Last year I worked at a café. I fixed a refund the same day.');
    const r = run(['check', 'a.txt', '--format', 'json'], { cwd, nodeArgs: trap });
    expect(r.stderr).not.toContain('TRAP');
    expect(r.stdout).not.toMatch(/dotenv/i);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('no source file imports the natural package root', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/from ['"]natural['"]|require\(['"]natural['"]\)|import\(['"]natural['"]\)/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
