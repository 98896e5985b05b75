// The entry of the startup snapshot (scripts/startup-snapshot.mjs bundles it into one script and
// runs `node --build-snapshot` on that). What every `check` would compute at start is done here
// once, at build time, and kept in the snapshot's heap: wink-nlp's English model loaded, the
// built-in rubrics read from the build's rubric snapshot and resolved, and their phrase sets
// compiled by checking a short answer against each. A run from the snapshot then starts with all
// of that in memory; bin/answer-coach.js decides whether the snapshot can be used.
//
// Only what is pure is run here: no module that reads the environment, the working folder or the
// terminal when it is loaded (the CLI, chalk, prompts) is evaluated at build time; they are loaded
// when the snapshot's main function runs, as in a plain start.
import { startupSnapshot } from 'node:v8';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeText } from '../batch/check-file.js';
import { provideWink } from '../language/tagger.js';
import { RubricRegistry } from '../rubric/registry.js';

// Three short paragraphs with a situation, actions, a number and a result: enough to walk every
// check (and so compile every phrase set a rubric has) without depending on files outside dist/.
const SAMPLE = [
  'Last spring our support team had a backlog of two hundred tickets and customers waited a week for an answer.',
  'I was asked to bring the wait down before the holiday rush. I sorted the tickets by topic, wrote three reply templates and trained two new colleagues.',
  'Within a month the wait fell from 7 days to 2 days, and our satisfaction score rose by 15%. I learned to fix the process before adding people.',
].join('\n\n');

/** Loads and compiles what a start needs; returns how many rubrics were warmed. */
function warm(): number {
  provideWink(winkNLP as never, model);
  const registry = new RubricRegistry();
  const rubrics = registry.resolveAll();
  for (const rubric of rubrics) analyzeText(SAMPLE, 'text', registry, rubric);
  return rubrics.length;
}

/** The CLI, loaded when the snapshot starts (never at build time), run on this process's arguments. */
function runCli(): void {
  // a process started from a snapshot has no script in its argv: put a name where commander expects one
  const argv = [process.argv[0], 'answer-coach', ...process.argv.slice(1)];
  void import('../cli/main.js').then(({ main }) =>
    main(argv).then((code) => {
      process.exitCode = code;
    }),
  );
}

if (startupSnapshot.isBuildingSnapshot()) {
  warm();
  startupSnapshot.setDeserializeMainFunction(runCli);
}
