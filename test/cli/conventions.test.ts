import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/commands/check.js';
import { FIXTURES, run } from './run.js';

// What users of ESLint, Vale, textlint and markdownlint-cli2 reach for, through the built CLI.
const strong = readFileSync(join(FIXTURES, 'strong.md'), 'utf8');
const json = (stdout: string) => JSON.parse(stdout) as { results: any[]; errors: any[]; summary: any };
const files = (stdout: string) => json(stdout).results.map((r: any) => r.file);

const DIFFICULT = 'Tell me about a time you dealt with a difficult customer.';
const STORY =
  'Last spring I worked the counter at a bike shop. A commuter came back angry: his wheel had gone out of true for the third time. ' +
  'I had to fix it for good before his ride home. I listened to the whole story, apologized, rebuilt the wheel myself and test-rode it with him. ' +
  'He rode home that evening, and he has sent us three colleagues since.';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'answer-coach-conventions-'));
});

/** A fresh project folder (a git repository when `git` is set) with the files given. */
function project(name: string, layout: Record<string, string>, { git = false } = {}): string {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(layout)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  if (git) mkdirSync(join(root, '.git'), { recursive: true });
  return root;
}

describe('the question', () => {
  it('a plain-text answer that opens with its question picks the rubric, and the question is not analysed', () => {
    const r = run(['check', '-', '--format', 'json', '--stdin-filename', 'a.txt'], { input: `${DIFFICULT}\n${STORY}\n` });
    const [result] = json(r.stdout).results;
    expect(result.rubric).toBe('difficult-customer');
    expect(result.question).toBe(DIFFICULT);
    expect(result.sentences.map((s: any) => s.text)).not.toContain(DIFFICULT);
    expect(result.sentences[0].line).toBe(2);
    // without the question line, the same story is judged as the default rubric
    expect(json(run(['check', '-', '--format', 'json'], { input: STORY }).stdout).results[0].rubric).toBe('customer-service');
  });

  it('--question gives the question for answers that have none, and picks the rubric', () => {
    const r = run(['check', '-', '--format', 'json', '--question', DIFFICULT], { input: STORY });
    expect(json(r.stdout).results[0]).toMatchObject({ rubric: 'difficult-customer', question: DIFFICULT });
  });
});

describe('stdin', () => {
  it('an answer with colons ("Task: I had two jobs: …") is plain text, never a YAML error', () => {
    const input = 'Situation: Last May I ran the till alone: two queues and one of me.\nTask: I had two jobs: serve and restock.\nAction: I called my manager, opened a second till and served the queue.\nResult: Both queues were gone in ten minutes.\n';
    const r = run(['check', '-', '--format', 'json'], { input });
    expect(r.code).not.toBe(2);
    expect(r.stderr).toBe('');
    const [result] = json(r.stdout).results;
    for (const part of ['situation', 'task', 'action', 'result']) expect(result.star[part].present, part).toBe(true);
    // the labels are no words of the answer
    expect(result.sentences.map((s: any) => s.text).join(' ')).not.toMatch(/Situation:|Task:/);
  });

  it('--stdin-filename names the answer, gives its format, and finds the config from its folder', () => {
    const root = project('stdin-name', { 'answers/.answer-coach.yml': 'rules:\n  opening: off\n' });
    const r = run(['check', '-', '--format', 'json', '--stdin-filename', join(root, 'answers', 'a.md')], { input: strong });
    const [result] = json(r.stdout).results;
    expect(result.file).toBe(join(root, 'answers', 'a.md'));
    expect(result.question).toBe('What does customer service mean to you?'); // read as Markdown: the title is the question
    expect(result.findings.map((f: any) => f.rule)).not.toContain('opening'); // the config beside the name applied
    expect(json(run(['check', '-', '--format', 'json'], { input: strong }).stdout).results[0].file).toBe('<stdin>');
  });
});

describe('ignores when walking folders and globs', () => {
  it('respects .gitignore, the config\'s ignores and --ignore, skips READMEs and rubric folders, and always checks a file it is given', () => {
    const root = project(
      'ignores',
      {
        '.gitignore': 'private/\n*.secret.md\n',
        '.answer-coach.yml': 'ignores: [drafts/]\nrubrics-dir: team-rubrics\n',
        'README.md': '# About these answers\n\nRead me.\n',
        'answers/a.md': strong,
        'answers/b.secret.md': strong,
        'answers/notes.txt': 'I always help.',
        'answers/sub/.gitignore': 'local.md\n',
        'answers/sub/local.md': strong,
        'answers/sub/kept.md': strong,
        'private/c.md': strong,
        'drafts/d.md': strong,
        'team-rubrics/team.yaml': 'id: team\ntitle: Team\nextends: base\n',
        'answers/stray-rubric.yaml': 'id: stray\ntitle: Stray\nextends: base\nquestions: [Why?]\n',
        'answers/yaml-answer.yaml': 'question: Why?\nsituation: Last May I ran the till.\n',
      },
      { git: true },
    );
    const all = run(['check', '.', '--format', 'json'], { cwd: root });
    expect(files(all.stdout)).toEqual(['answers/a.md', 'answers/notes.txt', 'answers/sub/kept.md', 'answers/yaml-answer.yaml']);
    expect(files(run(['check', '.', '--format', 'json', '--ignore', '*.txt', '--ignore', '*.yaml'], { cwd: root }).stdout)).toEqual(['answers/a.md', 'answers/sub/kept.md']);
    expect(files(run(['check', 'answers/**/*.md', '--format', 'json'], { cwd: root }).stdout)).toEqual(['answers/a.md', 'answers/sub/kept.md']);
    // --no-ignore: every answer file (the dot-folders and node_modules aside)
    expect(files(run(['check', '.', '--format', 'json', '--no-ignore'], { cwd: root }).stdout)).toEqual(
      expect.arrayContaining(['README.md', 'answers/b.secret.md', 'answers/sub/local.md', 'private/c.md', 'drafts/d.md', 'answers/yaml-answer.yaml']),
    );
    // a file named on the command line is checked whatever the patterns say, and so is a folder
    expect(files(run(['check', 'private/c.md', '--format', 'json'], { cwd: root }).stdout)).toEqual(['private/c.md']);
    expect(files(run(['check', 'private', '--format', 'json'], { cwd: root }).stdout)).toEqual(['private/c.md']);
    // the config can turn .gitignore off
    writeFileSync(join(root, '.answer-coach.yml'), 'ignores: [drafts/]\nrubrics-dir: team-rubrics\ngitignore: false\n');
    expect(files(run(['check', '.', '--format', 'json'], { cwd: root }).stdout)).toContain('private/c.md');
  });

  it('a folder whose every answer is ignored says so, and exits 2', () => {
    const root = project('all-ignored', { '.gitignore': '*.md\n', 'a.md': strong }, { git: true });
    const r = run(['check', '.'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no answer files .* or all of them are ignored/);
  });
});

describe('thresholds and severities', () => {
  const weak = 'Um, I think customer service basically means, like, being really customer-centric and going above and beyond for the customer.';

  it('--quiet reports errors only', () => {
    const loud = json(run(['check', '-', '--format', 'json'], { input: weak }).stdout).results[0].findings;
    expect(loud.some((f: any) => f.severity !== 'error')).toBe(true);
    const quiet = json(run(['check', '-', '--format', 'json', '--quiet'], { input: weak }).stdout);
    expect(quiet.results[0].findings.length).toBeGreaterThan(0);
    expect(quiet.results[0].findings.every((f: any) => f.severity === 'error')).toBe(true);
    expect(quiet.summary.findings).toMatchObject({ warning: 0, info: 0 });
  });

  it('--max-warnings N exits 1 past N warnings, and says why', () => {
    const warnings = json(run(['check', '-', '--format', 'json'], { input: weak }).stdout).summary.findings.warning;
    expect(warnings).toBeGreaterThan(1);
    const over = run(['check', '-', '--fail-on', 'error', '--quiet', '--max-warnings', '0'], { input: strong });
    expect(over.code).toBe(0); // quiet: no warnings counted
    const r = run(['check', '-', '--max-warnings', String(warnings - 1)], { input: weak });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${warnings} warnings, more than the ${warnings - 1} --max-warnings allows`);
    const root = project('max-warnings', { '.answer-coach.yml': `max-warnings: ${warnings}\nfail-on: 2\nrules:\n  star-no-story: warn\n  metric-missing: 1\n` });
    expect(run(['check', '-'], { input: weak, cwd: root }).code).toBe(1); // two errors made warnings: now past the limit
    expect(run(['check', '-', '--max-warnings', '99'], { input: weak, cwd: root }).code).toBe(0); // the flag wins
  });

  it('--fail-on takes warn, 1 and 2 as ESLint users write them', () => {
    expect(run(['check', '-', '--fail-on', 'warn'], { input: strong }).code).toBe(run(['check', '-', '--fail-on', 'warning'], { input: strong }).code);
    expect(run(['check', '-', '--fail-on', '2'], { input: strong }).code).toBe(0);
    const bad = run(['check', '-', '--fail-on', 'loud'], { input: strong });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be one of error, warning, info (or warn, 1, 2)');
  });
});

describe('accepted terms', () => {
  const text = `${STORY} I leveraged the spare parts drawer and we will circle back next spring.`;
  const jargon = (stdout: string) => json(stdout).results[0].jargon.map((j: any) => j.text.toLowerCase());

  it('the config\'s accept and --accept stop a term being flagged, in every inflection, and it costs no points', () => {
    const plain = json(run(['check', '-', '--format', 'json'], { input: text }).stdout).results[0];
    expect(plain.jargon.map((j: any) => j.text.toLowerCase())).toEqual(expect.arrayContaining(['leveraged', 'circle back']));
    const root = project('accept', { '.answer-coach.yml': 'accept: [Leverage]\n' });
    const accepted = run(['check', '-', '--format', 'json'], { input: text, cwd: root });
    expect(jargon(accepted.stdout)).not.toContain('leveraged');
    expect(jargon(accepted.stdout)).toContain('circle back');
    expect(json(accepted.stdout).results[0].scoreParts.jargon).toBeGreaterThan(plain.scoreParts.jargon);
    expect(jargon(run(['check', '-', '--format', 'json', '--accept', 'circle back'], { input: text, cwd: root }).stdout)).toEqual([]);
  });
});

describe('--output-file', () => {
  for (const format of ['pretty', 'json', 'sarif', 'github', 'junit', 'line']) {
    it(`writes the ${format} report to the file, not stdout, and exits as without it`, () => {
      const out = join(dir, 'out', format, 'report.out');
      const direct = run(['check', '-', '--format', format, '--fail-on', 'info'], { input: strong, env: { GITHUB_STEP_SUMMARY: '' } });
      const r = run(['check', '-', '--format', format, '--fail-on', 'info', '--output-file', out], { input: strong, env: { GITHUB_STEP_SUMMARY: '' } });
      expect(r.code).toBe(direct.code);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(direct.stdout);
      expect(readdirSync(join(dir, 'out', format))).toEqual(['report.out']); // no temporary file left
    });
  }

  it('a file that cannot be written is a usage error before anything is checked', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const r = run(['check', '-', '--output-file', join(blocker, 'report.json')], { input: strong });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`answer-coach: --output-file ${join(blocker, 'report.json')}: a part of the path is not a folder`);
  });
});

describe('--print-config', () => {
  it('prints the settings check would use for a file, as JSON, without checking anything', () => {
    const root = project('print-config', {
      '.answer-coach.yml': 'fail-on: warn\nmax-warnings: 3\naccept: [leverage]\nignores: [drafts/]\nrules:\n  hedge: 0\n',
      'answers/a.txt': `${DIFFICULT}\n${STORY}\n`,
      'drafts/b.md': strong,
    });
    const r = run(['check', '--print-config', 'answers/a.txt', '--accept', 'synergy'], { cwd: root });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      file: 'answers/a.txt',
      config: join(root, '.answer-coach.yml'),
      ignored: false,
      format: 'text',
      question: DIFFICULT,
      judgedBy: 'difficult-customer',
      failOn: 'warning',
      maxWarnings: 3,
      rules: { hedge: 'off' },
      accept: ['leverage', 'synergy'],
      ignores: [{ from: join(root, '.answer-coach.yml'), base: root, patterns: ['drafts/'] }],
      gitignore: true,
    });
    expect(JSON.parse(run(['check', '--print-config', 'drafts/b.md'], { cwd: root }).stdout).ignored).toBe(true);
  });
});

describe('github format in a workflow', () => {
  it('annotations on stdout; the summary line on stderr; every finding in $GITHUB_STEP_SUMMARY as a table per answer', () => {
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const r = run(['check', '-', '--format', 'github', '--stdin-filename', 'answers/weak.txt'], { input: 'I always give 110% and circle back with synergy, you know?', env: { GITHUB_STEP_SUMMARY: summary } });
    for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) /);
    expect(r.stderr).toMatch(/^answer-coach: 1 answer checked, average score \d+, \d+ errors/m);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# Earlier step\n')).toBe(true); // appended to, as GitHub expects
    expect(md).toContain('### answers/weak.txt — ');
    expect(md).toContain('| at | severity | message | rule |');
    const annotated = r.stdout.trimEnd().split('\n').length;
    const rows = md.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l)).length;
    expect(rows).toBe(annotated);
  });

  it('without $GITHUB_STEP_SUMMARY the summary line still goes to stderr', () => {
    const r = run(['check', '-', '--format', 'github'], { input: strong, env: { GITHUB_STEP_SUMMARY: '' } });
    expect(r.stderr).toMatch(/^answer-coach: 1 answer checked/);
    expect(r.stdout).not.toContain('answer checked');
  });
});

describe('the pretty report fits the terminal', () => {
  const weak = 'Um, I think customer service basically means, like, being really customer-centric and going above and beyond for the customer. I always try to give 110% and treat people the way I would want to be treated.';
  for (const width of [60, 100]) {
    it(`at ${width} columns: no line is wider, and no word is broken`, () => {
      const r = run(['check', '-', '--stdin-filename', 'answers/weak-answer.txt'], { input: weak, env: { COLUMNS: String(width) } });
      const lines = r.stdout.trimEnd().split('\n');
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
      // words are whole: the messages read the same with the lines joined again
      const joined = lines.map((l) => l.trim()).join(' ');
      for (const phrase of ['"customer-centric" is jargon: show one thing you did for a customer.', 'Hedge "I think": say it plainly, or drop it.']) expect(joined).toContain(phrase);
      // continuation lines of a finding start under its message
      const first = lines.findIndex((l) => /^\s+\d+:\d+ +\w+ +\S/.test(l));
      const column = lines[first].search(/(?<=(error|warning|info) +)\S/);
      const next = lines[first + 1];
      if (!/^\s+\d+:\d+/.test(next)) expect(next.search(/\S/)).toBe(column);
    });
  }
});

describe('colour settings', () => {
  it('FORCE_COLOR forces colour on a pipe, TERM=dumb turns it off on a terminal, flags win over both', () => {
    expect(useColor(undefined, { isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(undefined, { isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(undefined, { isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(useColor(false, { isTTY: true }, { FORCE_COLOR: '1' })).toBe(false);
    expect(useColor(true, { isTTY: false }, { TERM: 'dumb' })).toBe(true);
    expect(run(['check', '-'], { input: strong, env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
  });
});
