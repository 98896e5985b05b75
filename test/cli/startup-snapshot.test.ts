import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_FILES } from '../../src/batch/run.js';
import { FIXTURES, ROOT, run, type RunOptions } from './run.js';

// `check` starts from the build's startup snapshot (bin/answer-coach.js, scripts/startup-snapshot.mjs);
// a user must never see a difference between that start and the plain one.
const MANIFEST = join(ROOT, 'dist', 'startup', 'snapshot.json');

interface Probed {
  execArgv: string[];
  modules: string[];
}

/** Runs the bin with a probe preloaded in every node process; returns the run and what each process reported. */
function probed(args: string[], options: RunOptions = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'answer-coach-probe-')), 'probe.jsonl');
  writeFileSync(file, '');
  const r = run(args, { ...options, env: { ...options.env, PROBE_FILE: file, NODE_OPTIONS: `--require "${join(FIXTURES, 'probe-process.cjs')}"` } });
  const processes = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Probed);
  const snapshot = processes.find((p) => p.execArgv.includes('--snapshot-blob'));
  return { ...r, processes, snapshot };
}

const plain = { ANSWER_COACH_SNAPSHOT: '0' };

/** This checkout's built package copied to another folder (its node_modules linked), as a user might move it. */
function copyOfPackage(prefix: string): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  for (const part of ['bin', 'dist', 'rubrics', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'junction');
  return copy;
}

// a YAML answer whose action is a list: read by the YAML parser, which the snapshot's run requires from node_modules
const listed = join(mkdtempSync(join(tmpdir(), 'answer-coach-yaml-')), 'listed.yaml');
writeFileSync(listed, 'situation: >\n  Last winter a customer was double charged.\naction:\n  - I called the bank.\n  - I refunded the charge.\nresult: The refund reached her in 2 days.\n');

describe('check from the startup snapshot', () => {
  it('the build made a snapshot for this Node and this folder', () => {
    expect(existsSync(MANIFEST)).toBe(true);
    const made = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { node: string };
    expect(made.node).toBe(process.version);
  });

  const cases: [string, string[], RunOptions?][] = [
    ['every example, as JSON', ['check', 'examples', '--format', 'json']],
    ['one Markdown answer, pretty, with --explain', ['check', 'examples/behavioral-strong.md', '--explain']],
    ['a YAML answer with a list (the YAML parser is loaded at run time), as SARIF', ['check', listed, '--format', 'sarif']],
    ['YAML answers of the usual shape', ['check', 'examples/above-and-beyond-weak.yaml', 'examples/behavioral-weak.yaml']],
    ['stdin', ['check', '-', '--format', 'json'], { input: readFileSync(join(ROOT, 'examples', 'customer-service-weak.txt')) }],
    ['a user rubric folder and --rubric', ['check', 'examples/customer-service-strong.txt', '--rubrics-dir', join(FIXTURES, '..', 'rubrics', 'overlay'), '--rubric', 'fixture-child', '--format', 'json']],
    ['a broken rubric folder (exit 2, one line per problem)', ['check', 'examples/customer-service-strong.txt', '--rubrics-dir', join(FIXTURES, '..', 'rubrics', 'broken')]],
    ['a missing file', ['check', 'no-such-answer.md']],
    ['check --help', ['check', '--help']],
    ['an unknown option (usage error)', ['check', '--no-such-option', 'examples']],
  ];
  for (const [name, args, options] of cases) {
    it(`gives the plain start's report, exit code and messages: ${name}`, () => {
      const fast = probed(args, options);
      const slow = probed(args, { ...options, env: plain });
      expect(fast.snapshot, 'the snapshot was not used').toBeDefined();
      expect(slow.snapshot).toBeUndefined();
      expect(fast.stdout).toBe(slow.stdout);
      expect(fast.stderr).toBe(slow.stderr);
      expect(fast.code).toBe(slow.code);
      expect(fast.stdout.length + fast.stderr.length).toBeGreaterThan(0);
    });
  }

  it('gives the plain start\'s report for a batch on two threads (the workers start plain, beside the snapshot\'s process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answer-coach-batch-'));
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => /\.(md|txt|yaml)$/.test(f));
    // enough answers for the batch to use its worker threads (PARALLEL_MIN_FILES)
    for (let i = 0; i < PARALLEL_MIN_FILES; i++) {
      const name = examples[i % examples.length];
      cpSync(join(ROOT, 'examples', name), join(dir, `${String(i).padStart(4, '0')}-${name}`));
    }
    // (the report is larger than a child's stdout buffer here: it goes to a file)
    const report = (name: string) => ['check', dir, '--format', 'json', '--threads', '2', '-o', join(dir, name)];
    // (a batch this size starts plain unless asked: ANSWER_COACH_SNAPSHOT=1 asks)
    const fast = probed(report('fast.json'), { env: { ANSWER_COACH_SNAPSHOT: '1' } });
    const slow = probed(report('slow.json'), { env: plain });
    expect(fast.snapshot).toBeDefined();
    expect(probed(report('default.json')).snapshot, 'a batch of 400 started from the snapshot').toBeUndefined();
    expect(fast.stderr).toBe(slow.stderr);
    expect(fast.code).toBe(slow.code);
    const fastReport = readFileSync(join(dir, 'fast.json'), 'utf8');
    expect(JSON.parse(fastReport).results).toHaveLength(PARALLEL_MIN_FILES);
    expect(fastReport).toBe(readFileSync(join(dir, 'slow.json'), 'utf8'));
    // three batches of 400 answers: a few seconds each, several times that on a busy 2-vCPU host
  }, 90_000);

  it('prints only JSON in a folder with a .env, reads no .env, and loads no package a text answer does not need', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'answer-coach-env-'));
    writeFileSync(join(cwd, '.env'), 'ANSWER_COACH_LEAK=yes\nDOTENV_CONFIG_DEBUG=true\n');
    writeFileSync(join(cwd, 'a.txt'), 'Last year I worked at a café. I fixed a refund the same day.');
    const trap = `--require "${join(FIXTURES, 'trap-dotenv.cjs')}" --require "${join(FIXTURES, 'probe-process.cjs')}"`;
    const file = join(cwd, 'probe.jsonl');
    const r = run(['check', 'a.txt', '--format', 'json'], { cwd, env: { NODE_OPTIONS: trap, PROBE_FILE: file } });
    expect(r.stderr).not.toContain('TRAP');
    expect(JSON.parse(r.stdout).results).toHaveLength(1);
    const child = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Probed).find((p) => p.execArgv.includes('--snapshot-blob'));
    expect(child).toBeDefined();
    const packages = child!.modules.filter((m) => m.includes('node_modules')).map((m) => m.replace(/\\/g, '/'));
    // natural's root would print dotenv's advert and read .env; yaml, globs, prompts, colours, history are for other inputs
    expect(packages.filter((m) => /\/node_modules\/(natural\/(index|lib\/natural\/index)\.js|dotenv|yaml|tinyglobby|@inquirer|chalk)/.test(m))).toEqual([]);
  });

  it('the bundle the snapshot is made from has no natural root and no dotenv in it', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'startup', 'answer-coach.cjs'), 'utf8');
    expect(bundle).not.toMatch(/node_modules\/dotenv\//);
    expect(bundle).not.toMatch(/node_modules\/natural\/(index|lib\/natural\/index)\.js/);
  });

  it('the bundle leaves out the prompts practice uses (and their iconv-lite and chardet): they are required when asked for', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'startup', 'answer-coach.cjs'), 'utf8');
    expect(bundle).not.toMatch(/node_modules\/(@inquirer|iconv-lite|chardet)\//);
    expect(bundle).toContain('createRequire(require("node:path").join(__dirname, "snapshot.js"))("@inquirer/prompts")');
  });

  it('a process started from the snapshot still runs practice: its prompts are required from node_modules when it asks', () => {
    const blob = join(ROOT, 'dist', 'startup', JSON.parse(readFileSync(MANIFEST, 'utf8')).blob);
    // (practice wants a terminal: a preload makes the pipes look like one; the prompt ends with its input)
    const r = spawnSync(process.execPath, ['--no-rehash-snapshot', '--snapshot-blob', blob, 'practice'], { cwd: tmpdir(), input: '', encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require "${join(FIXTURES, 'fake-tty.cjs')}"` } });
    expect(r.stderr).not.toMatch(/Cannot find|Error/);
    expect(r.stdout).toContain('Which question do you want to practise?');
  });
});

describe('a plain start when the snapshot cannot be used', () => {
  const args = ['check', 'examples/difficult-customer-weak.md', '--format', 'json'];

  it('a batch of more than a few files, a quoted glob or nested folders (the snapshot pays for a few answers, not for a batch)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answer-coach-many-'));
    for (let i = 0; i < 51; i++) writeFileSync(join(dir, `a${i}.txt`), 'Last year I fixed a refund the same day.');
    expect(probed(['check', dir, '--format', 'json']).snapshot).toBeUndefined();
    expect(probed(['check', 'examples/*.md', '--format', 'json']).snapshot).toBeUndefined();
    expect(probed(['check', join(ROOT, 'test'), '--format', 'json']).snapshot).toBeUndefined();
    // a few files, or a small folder, do start from it
    expect(probed(['check', 'examples', join(dir, 'a1.txt'), '--format', 'json']).snapshot).toBeDefined();
  });

  it('ANSWER_COACH_SNAPSHOT=0, node flags, or another command', () => {
    expect(probed(args, { env: plain }).snapshot).toBeUndefined();
    expect(probed(args, { nodeArgs: ['--no-warnings'] }).snapshot).toBeUndefined();
    expect(probed(['rubrics', 'list']).snapshot).toBeUndefined();
  });

  it('a copy in another folder, or a snapshot made by another Node version, starts plain with the same report', () => {
    const expected = run(args, { env: plain });
    const copy = copyOfPackage('answer-coach-copy-');
    const bin = join(copy, 'bin', 'answer-coach.js');
    const there = probed(args, { bin });
    expect(there.snapshot).toBeUndefined();
    expect(there.stdout).toBe(expected.stdout);
    // the copy's manifest names the copy and its build, but another Node made it
    const manifest = join(copy, 'dist', 'startup', 'snapshot.json');
    const made = JSON.parse(readFileSync(manifest, 'utf8')) as { root: string; node: string };
    writeFileSync(manifest, JSON.stringify({ ...made, root: realpathSync(copy), node: 'v0.0.0', cliBuilt: statSync(join(copy, 'dist', 'cli', 'main.js')).mtimeMs }));
    const other = probed(args, { bin });
    expect(other.snapshot).toBeUndefined();
    expect(other.stdout).toBe(expected.stdout);
  });

  it('after a tsc alone (dist/ newer than the snapshot) check starts plain, and from the snapshot again once they match', () => {
    const copy = copyOfPackage('answer-coach-rebuilt-');
    const main = join(copy, 'dist', 'cli', 'main.js');
    const manifest = join(copy, 'dist', 'startup', 'snapshot.json');
    const made = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    // the copy's manifest as the copy's own build would write it (its blob still holds this checkout's paths, which exist)
    writeFileSync(manifest, JSON.stringify({ ...made, root: realpathSync(copy), cliBuilt: statSync(main).mtimeMs }));
    const bin = join(copy, 'bin', 'answer-coach.js');
    expect(probed(args, { bin }).snapshot).toBeDefined();
    const later = new Date(Date.now() + 60_000);
    utimesSync(main, later, later);
    const after = probed(args, { bin });
    expect(after.snapshot).toBeUndefined();
    expect(after.stdout).toBe(run(args, { env: plain }).stdout);
  });

  it('a blob Node refuses (made under other flags) is tried, then the plain start gives the report', () => {
    const expected = run(args, { env: plain });
    const copy = copyOfPackage('answer-coach-refused-');
    const manifest = join(copy, 'dist', 'startup', 'snapshot.json');
    const made = JSON.parse(readFileSync(manifest, 'utf8')) as { root: string; blob: string };
    writeFileSync(manifest, JSON.stringify({ ...made, root: realpathSync(copy), cliBuilt: statSync(join(copy, 'dist', 'cli', 'main.js')).mtimeMs }));
    // a snapshot built without --no-rehash-snapshot: V8 refuses it under the flags the bin gives
    const entry = join(copy, 'other.cjs');
    writeFileSync(entry, "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => console.log('not answer-coach'));\n");
    expect(spawnSync(process.execPath, ['--snapshot-blob', join(copy, 'dist', 'startup', made.blob), '--build-snapshot', entry]).status).toBe(0);
    const r = probed(args, { bin: join(copy, 'bin', 'answer-coach.js') });
    // the blob was tried (Node says why it refused it) and ran nothing
    expect(r.stderr).toContain('startup snapshot');
    expect(r.processes.some((p) => p.execArgv.includes('--snapshot-blob'))).toBe(false);
    expect(r.stdout).toBe(expected.stdout);
    expect(r.code).toBe(expected.code);
  });
});
