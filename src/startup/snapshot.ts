// The entry of the startup snapshot (scripts/startup-snapshot.mjs bundles it into one script and
// runs `node --build-snapshot` on that). What every `check` would compute at start is done here
// once, at build time, and kept in the snapshot's heap: the tagger's lexicon read, the
// built-in rubrics read from the build's rubric snapshot and resolved, and their phrase sets
// compiled by checking short answers against each. Then the CLI itself checks them, as JSON and
// as a pretty report with --explain, into nothing: V8 keeps the bytecode of every function that
// ran, so a run from the snapshot does not compile them again. bin/answer-coach.js decides
// whether the snapshot can be used.
//
// Nothing here may carry the build's surroundings into the snapshot: the CLI is run with its own
// output, an empty stdin and an environment of its own (HOME and the config folder in a temporary
// folder, no colour), from a working folder the build script makes for it; chalk, prompts and
// the YAML parser are never loaded here; and the CLI touches the process's streams only at run time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startupSnapshot } from 'node:v8';
import { analyzeText } from '../batch/check-file.js';
import { main } from '../cli/main.js';
import { RubricRegistry } from '../rubric/registry.js';

// Three short paragraphs with a situation, actions, a number and a result: enough to walk every
// check (and so compile every phrase set a rubric has) without depending on files outside dist/.
const SITUATION = 'Last spring our support team had a backlog of two hundred tickets and customers waited a week for an answer.';
const ACTION = 'I was asked to bring the wait down before the holiday rush. I sorted the tickets by topic, wrote three reply templates and trained two new colleagues.';
const RESULT = 'Within a month the wait fell from 7 days to 2 days, and our satisfaction score rose by 15%. I learned to fix the process before adding people.';
const TEXT = [SITUATION, ACTION, RESULT].join('\n\n');
const MARKDOWN = `# Tell me about a time you dealt with an angry customer.\n\n## Situation\n\n${SITUATION}\n\n## Action\n\n${ACTION}\n\n## Result\n\n${RESULT}\n`;

/** Loads and compiles what a start needs, and runs `check` once on each format a start is likely to print. */
async function warm(): Promise<void> {
  const registry = new RubricRegistry();
  for (const rubric of registry.resolveAll()) {
    analyzeText(TEXT, 'text', registry, rubric);
    analyzeText(MARKDOWN, 'markdown', registry, rubric);
  }
  const dir = mkdtempSync(join(tmpdir(), 'answer-coach-snapshot-'));
  try {
    writeFileSync(join(dir, 'answer.md'), MARKDOWN);
    writeFileSync(join(dir, 'answer.txt'), TEXT);
    const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1' };
    const io = { stdout: () => {}, stderr: () => {}, stdin: Readable.from([]) };
    for (const format of ['json', 'pretty']) await main(['node', 'answer-coach', 'check', dir, '--format', format, '--explain', '--threads', '1'], io, env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the CLI on this process's arguments (a process started from a snapshot has no script in its argv: a name stands where commander expects one). */
function runCli(): void {
  void main([process.argv[0], 'answer-coach', ...process.argv.slice(1)]).then((code) => {
    process.exitCode = code;
  });
}

if (startupSnapshot.isBuildingSnapshot()) {
  // the builder runs the event loop empty before it takes the snapshot
  void warm().then(() => startupSnapshot.setDeserializeMainFunction(runCli));
}
