import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './run.js';

// A command pays at startup only for what it uses: these are the modules that cost the most to
// load, so a static import of one of them is a regression every run of the CLI feels.
const HEAVY = ['/node_modules/yaml/', '/node_modules/tinyglobby/', '/node_modules/@inquirer/', '/node_modules/chalk/', '/dist/cli/practice.js', '/dist/history/'];

/** Runs the built CLI and returns the exit code, stdout and every module path it loaded. */
function traced(args: string[]) {
  const log = join(mkdtempSync(join(tmpdir(), 'answer-coach-trace-')), 'modules.txt');
  const r = run(args, { nodeArgs: ['--import', pathToFileURL(join(FIXTURES, 'trace-modules.mjs')).href], env: { TRACE_MODULES: log } });
  const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((m) => m.replace(/^file:\/\//, '').replace(/\\/g, '/'));
  return { ...r, loaded, heavy: HEAVY.filter((h) => loaded.some((m) => m.includes(h))) };
}

describe('startup loads only what the command needs', () => {
  it('check of one text answer as JSON: no YAML parser (the built-in rubrics come from the build snapshot), no glob matcher, prompts, colours or history', () => {
    const r = traced(['check', 'examples/customer-service-strong.txt', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results).toHaveLength(1);
    // if only yaml is listed, the build's rubric snapshot is missing or stale: run `npm run build`
    expect(r.heavy).toEqual([]);
  });

  it('reads a YAML answer of the usual shape without the YAML parser, and loads it for any other', () => {
    expect(traced(['check', 'examples/behavioral-weak.yaml', '--format', 'json']).heavy).toEqual([]);
    const listed = join(mkdtempSync(join(tmpdir(), 'answer-coach-yaml-')), 'listed.yaml');
    writeFileSync(listed, 'situation: >\n  Last winter a customer was double charged.\naction:\n  - I called the bank.\n  - I refunded the charge.\n');
    expect(traced(['check', listed, '--format', 'json']).heavy).toEqual(['/node_modules/yaml/']);
  });

  it('loads the glob matcher for a quoted glob', () => {
    expect(traced(['check', 'examples/*-strong.txt', '--format', 'json']).heavy).toEqual(['/node_modules/tinyglobby/']);
  });

  it('--help loads no analyzer and no rubrics', () => {
    const r = traced(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: answer-coach');
    expect(r.loaded.filter((m) => /\/dist\/(analyze\/index|rubric\/registry|text\/.*)\.js$/.test(m))).toEqual([]);
    expect(r.heavy).toEqual([]);
  });

  it('rubrics list loads no check and no tagger (the config names rules without loading them)', () => {
    const r = traced(['rubrics', 'list']);
    expect(r.code).toBe(0);
    expect(r.loaded.filter((m) => /\/dist\/(analyze\/checks\/|language\/)|\/node_modules\/wink-/.test(m))).toEqual([]);
  });
});
