import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generateCorpus } from '../../scripts/gen-corpus.mjs';

// End to end through a real pseudo-terminal: tmux runs the built CLI (npm test builds first) and
// the test types into it as a person would.
const BIN = resolve('bin/answer-coach.js');
// one tmux server per describe block: a server just killed can still hold the socket
let sockets = 0;
let SOCKET = `answer-coach-test-${process.pid}`;
const newSocket = () => void (SOCKET = `answer-coach-test-${process.pid}-${++sockets}`);

function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const TMUX = hasTmux();
if (!TMUX) console.warn('practice e2e: SKIPPED, tmux is not installed (apt-get install -y tmux); the pseudo-terminal tests did not run');

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
let data: string;
let session = 0;

interface Session {
  name: string;
  exitFile: string;
}

/** Starts `answer-coach ARGS` in a fresh tmux window; the exit code lands in a file. `colour` replaces NO_COLOR=1. */
function start(args: string, { colour = 'NO_COLOR=1', width = 220 } = {}): Session {
  const name = `s${++session}`;
  const exitFile = join(dir, `${name}.exit`);
  const env = `-u NO_COLOR -u FORCE_COLOR XDG_DATA_HOME='${data}' XDG_CONFIG_HOME='${join(dir, '.config')}' ${colour} HOME='${dir}'`;
  tmux('new-session', '-d', '-x', String(width), '-y', '80', '-s', name, '-c', dir, `env ${env} node '${BIN}' ${args}; echo $? > '${exitFile}'; sleep 60`);
  return { name, exitFile };
}

/** The process a session's shell runs (its child), found in /proc: the command to send a signal to. */
function commandPid(s: Session): number {
  const shell = Number(tmux('display', '-p', '-t', s.name, '#{pane_pid}').trim());
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …: the name may hold spaces and parentheses, so read after the last ")"
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === shell) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no process under the shell of ${s.name}`);
}

const screen = (s: Session) => tmux('capture-pane', '-p', '-J', '-S', '-3000', '-t', s.name);
/** The screen with its colours and styles as escape sequences. */
const styled = (s: Session) => tmux('capture-pane', '-p', '-e', '-S', '-3000', '-t', s.name);
const SGR = /\u001b\[[0-9;]*[1-9][0-9;]*m/;

async function waitFor(s: Session, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen(s);
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    if (Date.now() > until) throw new Error(`timed out waiting for ${String(text)}; screen:\n${shown}`);
    await sleep(80);
  }
}

async function exitCode(s: Session): Promise<number> {
  const until = Date.now() + 15_000;
  while (!existsSync(s.exitFile)) {
    if (Date.now() > until) throw new Error(`did not exit; screen:\n${screen(s)}`);
    await sleep(80);
  }
  return Number(readFileSync(s.exitFile, 'utf8').trim());
}

const keys = (s: Session, ...k: string[]) => tmux('send-keys', '-t', s.name, ...k);

/** Types a part line by line, then the empty line that ends it. */
async function typePart(s: Session, lines: string[]) {
  for (const line of lines) {
    tmux('send-keys', '-t', s.name, '-l', line);
    keys(s, 'Enter');
    await waitFor(s, line);
  }
  keys(s, 'Enter');
}

const OPENING = ['Customer service means leaving every customer better off than they came.'];
const SITUATION = ['Last winter I was on the help desk at a small internet provider', 'when an outage took down our biggest client.'];
const TASK = ['I had to get them back online before their shop opened.'];
const ACTION = ['I called the vendor, read the router logs and found the failed card.', 'I explained each step to the owner and kept her updated.'];
const RESULT_NO_NUMBER = ['The shop opened on time and the owner was happy.'];

/** A describe block's own tmux server and folders, made before its tests and removed after them. */
function tmuxFixture(prepare: () => void = () => {}) {
  beforeAll(() => {
    newSocket();
    dir = mkdtempSync(join(tmpdir(), 'answer-coach-practice-'));
    data = join(dir, 'data');
    prepare();
  });
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // no server left
    }
    rmSync(dir, { recursive: true, force: true });
  });
}

describe.skipIf(!TMUX)('practice in a real terminal (tmux)', () => {
  tmuxFixture();

  it('types a whole answer, is nudged to quantify the Result, saves, and check gives the same report', async () => {
    const s = start('practice --rubric customer-service');
    await waitFor(s, 'Which question do you want to practise?');
    keys(s, 'Enter');
    await waitFor(s, 'In a sentence or two');
    await typePart(s, OPENING);
    for (const [step, lines] of [['Situation', SITUATION], ['Task', TASK], ['Action', ACTION], ['Result', RESULT_NO_NUMBER]] as const) {
      await waitFor(s, /keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
      keys(s, 'Enter');
      await waitFor(s, `Your ${step}`);
      await typePart(s, [...lines]);
    }
    const nudged = await waitFor(s, 'Your Result: keep, rewrite or add to it?');
    expect(nudged).toContain('→ No measurable outcome in the Result. Can you quantify it?');
    keys(s, 'Enter');
    await waitFor(s, 'Save your answer as');
    keys(s, 'Enter');
    const end = await waitFor(s, 'Check it again after editing');
    expect(await exitCode(s)).toBe(0);

    const saved = join(dir, 'what-does-customer-service-mean-to-you.md');
    const text = readFileSync(saved, 'utf8');
    for (const line of [...OPENING, ...SITUATION, ...TASK, ...ACTION, ...RESULT_NO_NUMBER]) expect(text).toContain(line);
    // the same width as the terminal practice ran in, so the report is laid out alike
    const check = spawnSync('node', [BIN, 'check', 'what-does-customer-service-mean-to-you.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '220' } });
    expect(check.status).toBe(1); // the missing number is an error
    const report = check.stdout.trimEnd();
    expect(report).toContain('No measurable outcome in the Result');
    expect(end).toContain(report);
    expect(end).toContain('The three things most worth improving:');
    // the finished answer's draft is gone
    expect(readdirSync(join(data, 'answer-coach', 'drafts'))).toEqual([]);
  }, 60_000);

  it('Ctrl-C after the Action exits 130 and says how to resume; --resume finishes with nothing lost', async () => {
    const s = start('practice --question 1');
    await waitFor(s, 'In a sentence or two');
    await typePart(s, OPENING);
    for (const [step, lines] of [['Situation', SITUATION], ['Task', TASK], ['Action', ACTION]] as const) {
      await waitFor(s, /keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
      keys(s, 'Enter');
      await waitFor(s, `Your ${step}`);
      await typePart(s, [...lines]);
    }
    await waitFor(s, 'Your Action: keep, rewrite or add to it?');
    keys(s, 'C-c');
    expect(await exitCode(s)).toBe(130);
    const stopped = screen(s);
    const drafts = readdirSync(join(data, 'answer-coach', 'drafts'));
    expect(drafts).toHaveLength(1);
    expect(stopped).toContain(`Stopped. Your draft is in ${join(data, 'answer-coach', 'drafts', drafts[0])}; resume with: answer-coach practice --resume`);

    const r = start('practice --resume --out resumed.md');
    const resumed = await waitFor(r, 'Your Action: keep, rewrite or add to it?');
    expect(resumed).toContain('Picking up at the Action');
    for (const line of ACTION) expect(resumed).toContain(line);
    keys(r, 'Enter');
    await waitFor(r, 'Your Result');
    await typePart(r, ['The shop was back online in 40 minutes and renewed its contract for two years.']);
    await waitFor(r, /Your Result: keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
    keys(r, 'Enter');
    await waitFor(r, 'Check it again after editing');
    expect(await exitCode(r)).toBe(0);
    const text = readFileSync(join(dir, 'resumed.md'), 'utf8');
    for (const line of [...OPENING, ...SITUATION, ...TASK, ...ACTION, 'renewed its contract for two years.']) expect(text).toContain(line);
    expect(readdirSync(join(data, 'answer-coach', 'drafts'))).toEqual([]);
  }, 60_000);

  it('Ctrl-C while rewriting keeps both texts in the draft; --resume goes on with the rewrite', async () => {
    const s = start('practice --question 1 --out rw.md');
    await waitFor(s, 'In a sentence or two');
    await typePart(s, OPENING);
    await waitFor(s, /keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
    keys(s, 'Down', 'Down', 'Down', 'Enter'); // start it over
    await waitFor(s, 'Write your Opening again');
    const NEW = ['Customer service means solving the problem the customer came with,', 'and telling them what happens next.'];
    for (const line of NEW) {
      tmux('send-keys', '-t', s.name, '-l', line);
      keys(s, 'Enter');
      await waitFor(s, line);
    }
    keys(s, 'C-c');
    expect(await exitCode(s)).toBe(130);
    const draftFile = join(dir, 'rw.draft.md');
    const onDisk = readFileSync(draftFile, 'utf8');
    for (const line of [...OPENING, ...NEW]) expect(onDisk).toContain(line);

    const r = start(`practice --resume ${draftFile}`);
    const resumed = await waitFor(r, 'You were rewriting your Opening: what now?');
    expect(resumed).toContain(OPENING[0]);
    for (const line of NEW) expect(resumed).toContain(line);
    keys(r, 'Enter'); // go on typing the rewrite
    await waitFor(r, 'Go on with your rewrite of the Opening');
    await typePart(r, ['It is why people come back.']);
    await waitFor(r, /Your Opening: keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
    keys(r, 'C-c');
    expect(await exitCode(r)).toBe(130);
    const after = readFileSync(draftFile, 'utf8');
    expect(after).toContain(`${NEW.join('\n')}\nIt is why people come back.`);
    expect(after).not.toContain(OPENING[0]);
    expect(after).not.toContain('unfinished rewrite');
  }, 60_000);

  it('keys typed straight after choosing "Keep" go to the next part, not the finished list', async () => {
    const s = start('practice --question 1 --out ahead.md');
    await waitFor(s, 'In a sentence or two');
    await typePart(s, OPENING);
    await waitFor(s, /keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
    // one burst, as a fast typist or a paste delivers it: Enter on Keep, then the whole Situation
    keys(s, 'Enter', SITUATION[0], 'Enter', 'Enter');
    await waitFor(s, /Your Situation: keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
    keys(s, 'C-c');
    expect(await exitCode(s)).toBe(130);
    expect(readFileSync(join(dir, 'ahead.draft.md'), 'utf8')).toContain(`## Situation\n\n${SITUATION[0]}\n`);
  }, 60_000);
});

describe.skipIf(!TMUX)('practice and check agree (tmux)', () => {
  tmuxFixture(() => {
    const rubrics = join(dir, '.config', 'answer-coach', 'rubrics');
    mkdirSync(rubrics, { recursive: true });
    writeFileSync(
      join(rubrics, 'teamwork.yaml'),
      [
        'id: teamwork',
        'title: Teamwork',
        'extends: behavioral',
        'questions: [Tell me about a time you disagreed with a teammate.]',
        'jargon+:',
        "  - { phrase: team player, suggestion: 'say what you did for the team.' }",
        '',
      ].join('\n'),
    );
  });

  it('a user rubric is offered, used for the nudges, and check on the saved file gives the report practice showed', async () => {
    const s = start('practice --out teamwork.md');
    await waitFor(s, 'Which question do you want to practise?');
    // type the question's start: the list moves to it (it is the last one, past the first page)
    tmux('send-keys', '-t', s.name, '-l', 'Tell me about a time you disagreed with a team');
    await waitFor(s, /❯ Tell me about a time you disagreed with a teammate\./);
    keys(s, 'Enter');
    await waitFor(s, 'Step 1 of 4 · Situation');
    const parts: [string, string[]][] = [
      ['Situation', ['Last spring a teammate and I disagreed about the release date of our app.']],
      ['Task', ['I had to settle it before the sprint review on Friday.']],
      ['Action', ['I am a team player, so I booked a call, listened to her reasons and showed her the crash reports.', 'I proposed a one-week delay with a daily check-in.']],
      ['Result', ['We shipped a week later with 40% fewer crashes, and she asked me to review her next plan.']],
    ];
    for (const [step, lines] of parts) {
      if (step !== 'Situation') {
        await waitFor(s, /keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
        keys(s, 'Enter');
      }
      await waitFor(s, `Your ${step}`);
      await typePart(s, lines);
    }
    await waitFor(s, /Your Result: keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
    // the user rubric's own jargon was the nudge after the Action
    expect(screen(s)).toContain('→ "team player" is jargon: say what you did for the team.');
    keys(s, 'Enter');
    const end = await waitFor(s, 'Check it again after editing');
    expect(await exitCode(s)).toBe(0);
    // check finds the same rubric by itself: its question picks it
    expect(end).toContain('Check it again after editing: answer-coach check teamwork.md');
    const check = spawnSync('node', [BIN, 'check', 'teamwork.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), NO_COLOR: '1', FORCE_COLOR: '', COLUMNS: '220' } });
    const report = check.stdout.trimEnd();
    expect(report).toMatch(/^teamwork\.md {2}\d+\/100 {2}teamwork · /);
    expect(end).toContain(report);
  }, 60_000);

  for (const [how, args, colour, coloured] of [
    ['--no-color', 'practice --question 1 --no-color', '', false],
    ['NO_COLOR=1', 'practice --question 1', 'NO_COLOR=1', false],
    ['TERM=dumb', 'practice --question 1', 'TERM=dumb', false],
    ['FORCE_COLOR=1', 'practice --question 1', 'FORCE_COLOR=1', true],
    ['--color', 'practice --question 1 --color', 'NO_COLOR=1', true],
  ] as const) {
    it(`${how}: the prompts and the text are ${coloured ? '' : 'not '}coloured, as check's report would be`, async () => {
      const s = start(args, { colour });
      await waitFor(s, 'In a sentence or two');
      await waitFor(s, 'Step 1 of 5');
      if (coloured) expect(styled(s)).toMatch(SGR);
      else expect(styled(s)).not.toMatch(SGR);
      keys(s, 'C-c');
      expect(await exitCode(s)).toBe(130);
    }, 30_000);
  }

  it('check lays its report out in the terminal: at 60 and 100 columns no word is broken', async () => {
    writeFileSync(join(dir, 'weak.txt'), 'Um, I think customer service basically means, like, being really customer-centric and going above and beyond for the customer. I always try to give 110% and treat people the way I would want to be treated.\n');
    for (const width of [60, 100]) {
      const s = start('check weak.txt', { width });
      await exitCode(s);
      const lines = tmux('capture-pane', '-p', '-t', s.name).split('\n');
      const at = lines.findIndex((l) => l.startsWith('weak.txt'));
      const report = lines.slice(at, lines.findIndex((l, i) => i > at && /answers? checked/.test(l)) + 1);
      expect(report.length).toBeGreaterThan(5);
      // a line the terminal broke would fill the width and go on in the next line's first column
      for (const [i, line] of report.entries()) {
        expect(line.length, line).toBeLessThanOrEqual(width);
        if (line.length === width) expect(report[i + 1]?.[0] ?? ' ', `${line} / ${report[i + 1]}`).toBe(' ');
      }
      expect(report.map((l) => l.trim()).join(' ')).toContain('"customer-centric" is jargon: show one thing you did for a customer.');
    }
  }, 60_000);
});

describe.skipIf(!TMUX)('stopped mid-line, mid-batch (tmux)', () => {
  tmuxFixture();

  const drafted = () => {
    const drafts = join(data, 'answer-coach', 'drafts');
    return readdirSync(drafts).map((n) => readFileSync(join(drafts, n), 'utf8'));
  };
  /** The pane's cursor and line-wrap flags: 1 when visible / on. */
  const terminalState = (s: Session) => tmux('display', '-p', '-t', s.name, '#{cursor_flag} #{wrap_flag}').trim();

  it('Ctrl-C in the middle of a line keeps that line in the draft; --resume shows it', async () => {
    rmSync(data, { recursive: true, force: true });
    const s = start('practice --question 1');
    await waitFor(s, 'In a sentence or two');
    await typePart(s, OPENING);
    await waitFor(s, /keep, rewrite or add to it\?\s*\n❯ Keep it and go on/);
    keys(s, 'Enter');
    await waitFor(s, 'Your Situation');
    tmux('send-keys', '-t', s.name, '-l', SITUATION[0]);
    keys(s, 'Enter');
    await waitFor(s, SITUATION[0]);
    // half a line, no Enter
    tmux('send-keys', '-t', s.name, '-l', 'when an outage took down');
    await waitFor(s, 'when an outage took down');
    keys(s, 'C-c');
    expect(await exitCode(s)).toBe(130);
    expect(screen(s)).toMatch(/Stopped\. Your draft is in .*; resume with: answer-coach practice --resume/);
    const [draft] = drafted();
    expect(draft).toContain(`## Situation\n\n${SITUATION[0]}\nwhen an outage took down\n`);

    const r = start('practice --resume');
    const resumed = await waitFor(r, 'Your Situation: keep, rewrite or add to it?');
    expect(resumed).toContain('when an outage took down');
    keys(r, 'C-c');
    expect(await exitCode(r)).toBe(130);
  }, 60_000);

  it('SIGTERM in the middle of a line keeps it too, and gives the terminal back as it was', async () => {
    rmSync(data, { recursive: true, force: true });
    const s = start('practice --question 1');
    await waitFor(s, 'In a sentence or two');
    tmux('send-keys', '-t', s.name, '-l', 'Customer service means the customer');
    await waitFor(s, 'Customer service means the customer');
    process.kill(commandPid(s), 'SIGTERM');
    expect(await exitCode(s)).toBe(143);
    expect(screen(s)).toMatch(/Stopped\. Your draft is in /);
    expect(drafted()[0]).toContain('Customer service means the customer');
    expect(terminalState(s)).toBe('1 1');
  }, 60_000);

  it('SIGTERM at a list (which hides the cursor) shows the cursor again', async () => {
    const s = start('practice');
    await waitFor(s, 'Which question do you want to practise?');
    expect(terminalState(s)).toBe('0 1'); // the list hides the cursor
    process.kill(commandPid(s), 'SIGTERM');
    expect(await exitCode(s)).toBe(143);
    expect(terminalState(s)).toBe('1 1');
  }, 60_000);

  it('Ctrl-C during a batch with a progress bar gives back the cursor and line wrap', async () => {
    generateCorpus(join(dir, 'batch'), 4000, 3);
    const s = start(`check batch --format json > '${join(dir, 'out.json')}'`);
    await waitFor(s, /answer-coach .* \d+\/4000 answers/);
    expect(terminalState(s)).toBe('0 0'); // the bar hides the cursor and turns wrap off
    keys(s, 'C-c');
    expect(await exitCode(s)).toBe(130);
    expect(terminalState(s)).toBe('1 1');
  }, 90_000);
});

describe('practice outside a terminal', () => {
  it('exits 2 at once and points to check', () => {
    const run = spawnSync('node', [BIN, 'practice'], { input: 'piped text\n', encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('answer-coach check FILE');
  });
});
