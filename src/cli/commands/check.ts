import { Option, InvalidArgumentError, type Command } from 'commander';
import { SEVERITIES, type Severity } from '../../analyze/types.js';
import type { RubricRegistry } from '../../rubric/registry.js';
import { RubricError, type Rubric } from '../../rubric/types.js';
import { oneLine } from '../../report/sanitize.js';
import { FORMATS, type Format } from '../../batch/formats.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

/** Colour only on a terminal, never with NO_COLOR set (chalk ignores NO_COLOR by itself), and --color/--no-color win. */
export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('must be a whole number from 1 to 64.');
  return n;
}

function parseScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('must be a number from 0 to 100.');
  return n;
}

/** `--rubric ID|PATH`: a path if it looks like one, else an id. */
export function resolveRubric(registry: RubricRegistry, value: string): Rubric {
  if (/[\\/]|\.ya?ml$/i.test(value)) return registry.load(value);
  if (!registry.has(value)) throw new RubricError([{ file: value, message: `unknown rubric (known: ${registry.ids().join(', ')})` }]);
  return registry.get(value);
}

const EXAMPLES = `
Examples:
  $ answer-coach check answer.md                 one answer, coloured report
  $ answer-coach check answers/ "drafts/**/*.txt" every answer in a folder and a glob
  $ cat answer.txt | answer-coach check -         from stdin
  $ answer-coach check answers/ --format json     one JSON document for scripts
  $ answer-coach check answers/ --format sarif > answers.sarif   for code scanning
  $ answer-coach check answers/ --format github   annotations in a GitHub Actions job
  $ answer-coach check answers/ --format html > report.html   one page for a coach: the cohort and every answer marked up
  $ answer-coach check answers/ --fail-on warning --min-score 70
  $ answer-coach check answer.md --rubric above-and-beyond

Exit codes: 0 clean, 1 findings at or above --fail-on (or a score under --min-score),
2 usage, input or rubric error.`;

export function registerCheck(program: Command, { io, env, version, setExitCode }: CliContext): void {
  program
    .command('check')
    .description('check answer files (Markdown, YAML or plain text) and report what is missing and what hurts')
    .argument('[paths...]', 'files, folders, quoted globs, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format (sarif for code scanning, github for workflow annotations, junit for test reports, line for editors)').choices([...FORMATS]).default('pretty'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe').choices([...SEVERITIES]).default('error'))
    .option('--min-score <n>', 'exit 1 when an answer scores under n (0-100)', parseScore)
    .option('-r, --rubric <id|path>', "rubric for every answer (default: picked by each answer's question)")
    .option('--rubrics-dir <dir>', 'also read rubrics from this folder (repeatable; shadows others by id)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--record', 'keep each answer\'s score and findings in your local history (see: answer-coach history)')
    .option('--threads <n>', 'worker threads for a large batch (default: one per core; 1 = no workers)', parseThreads)
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also: NO_COLOR=1)')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts: { format: Format; threads?: number; failOn: Severity; minScore?: number; rubric?: string; color?: boolean; record?: boolean; rubricsDir?: string[] }, command: Command) => {
      if (!paths.length && (io.stdin as NodeJS.ReadStream).isTTY) {
        io.stderr('answer-coach: check needs files, folders or globs (or - to read stdin); see answer-coach check --help\n');
        setExitCode(ExitCode.Error);
        return;
      }
      // loaded here, not at startup, so `--help` and the other commands never pay for the analyzer
      const [{ openRubrics }, { runCheck }] = await Promise.all([import('../rubrics.js'), import('../check.js')]);
      // the project config (.answer-coach.yml, from here up) gives defaults; flags win
      const { config, registry } = openRubrics(env, opts.rubricsDir);
      const rubricArg = opts.rubric ?? config?.rubric;
      const rubric = rubricArg ? resolveRubric(registry, rubricArg) : undefined;
      if (command.getOptionValueSource('failOn') === 'default' && config?.failOn) opts.failOn = config.failOn;
      opts.minScore ??= config?.minScore;
      const color = useColor(opts.color, process.stdout, env);
      const record = opts.record ? (await import('../../history/index.js')).historyRecorder(env, (m) => io.stderr(`answer-coach: warning: ${oneLine(m)}\n`)) : undefined;
      setExitCode(await runCheck(paths, registry, { rules: config?.rules, format: opts.format, threads: opts.threads, progress: process.stderr, failOn: opts.failOn, minScore: opts.minScore, rubric, color, version, record }, io));
    });
}
