import { dirname, resolve } from 'node:path';
import { Option, InvalidArgumentError, type Command } from 'commander';
import { SEVERITY_ALIASES } from '../../config/schema.js';
import { SEVERITIES, type Severity } from '../../analyze/types.js';
import type { RubricRegistry } from '../../rubric/registry.js';
import { RubricError, type Rubric } from '../../rubric/types.js';
import { oneLine } from '../../report/sanitize.js';
import { FORMATS, type Format } from '../../batch/formats.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

/**
 * Whether to colour, in Node's own order: --color/--no-color win; then FORCE_COLOR (on, unless it
 * is 0 or false); then NO_COLOR (off when set and not empty; chalk ignores it by itself) and
 * TERM=dumb (off); else colour only on a terminal.
 */
export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !/^(0|false)$/i.test(force);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
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

/** `--fail-on`: a severity, or one as ESLint users write it (warn, 1, 2). */
function parseSeverity(value: string): Severity {
  const v = SEVERITY_ALIASES[value.toLowerCase()] ?? value.toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${SEVERITIES.join(', ')} (or warn, 1, 2).`);
  return v as Severity;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number, 0 or more.');
  return n;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Examples:
  $ answer-coach check answer.md                 one answer, coloured report
  $ answer-coach check answers/ "drafts/**/*.txt" every answer in a folder and a glob
  $ cat answer.txt | answer-coach check -         from stdin
  $ answer-coach check - --stdin-filename answers/a.md < a.md   stdin, named (format and config from the name)
  $ answer-coach check answer.txt --question "Tell me about a difficult customer"
  $ answer-coach check answer.md --explain        each sentence's STAR part and why, and the evidence in it
  $ answer-coach check answers/ --format json     one JSON document for scripts
  $ answer-coach check answers/ --format sarif -o answers.sarif   for code scanning
  $ answer-coach check answers/ --format github   annotations in a GitHub Actions job
  $ answer-coach check answers/ --format html > report.html   one page for a coach: the cohort and every answer marked up
  $ answer-coach check . --ignore "drafts/" --quiet --max-warnings 10
  $ answer-coach check answers/ --fail-on warning --min-score 70
  $ answer-coach check answer.md --rubric above-and-beyond --accept leverage
  $ answer-coach check --print-config answers/a.md   the settings it would use, as JSON

Folders and globs skip what .gitignore, the config's ignores and --ignore name, READMEs and the
like, and rubrics (--no-ignore: skip nothing); a file or folder named here is always checked.

Exit codes: 0 clean, 1 findings at or above --fail-on (or a score under --min-score, or more
warnings than --max-warnings), 2 usage, input or rubric error.`;

interface CheckFlags {
  format: Format;
  threads?: number;
  failOn: Severity;
  minScore?: number;
  maxWarnings?: number;
  rubric?: string;
  color?: boolean;
  record?: boolean;
  rubricsDir?: string[];
  question?: string;
  stdinFilename?: string;
  ignore?: string[] | false;
  quiet?: boolean;
  outputFile?: string;
  accept?: string[];
  printConfig?: string;
  explain?: boolean;
}

export function registerCheck(program: Command, ctx: CliContext): void {
  const { io, env, setExitCode } = ctx;
  program
    .command('check')
    .description('check answer files (Markdown, YAML or plain text) and report what is missing and what hurts')
    .argument('[paths...]', 'files, folders, quoted globs, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format (sarif for code scanning, github for workflow annotations, junit for test reports, line for editors)').choices([...FORMATS]).default('pretty'))
    .addOption(new Option('--fail-on <severity>', `exit 1 when a finding is at least this severe (${SEVERITIES.join(', ')}; warn, 1, 2 as in ESLint)`).argParser(parseSeverity).default('error'))
    .option('--min-score <n>', 'exit 1 when an answer scores under n (0-100)', parseScore)
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('-q, --quiet', 'report errors only')
    .option('--explain', 'pretty: show how each sentence was read (its STAR part and why) and the evidence in it')
    .option('-r, --rubric <id|path>', "rubric for every answer (default: picked by each answer's question)")
    .option('--question <text>', "the question the answers answer: it picks the rubric, in place of a file's own")
    .option('--rubrics-dir <dir>', 'also read rubrics from this folder (repeatable; shadows others by id)', collect)
    .option('--accept <term>', 'a term that is not jargon here, with its inflections (repeatable; adds to the config\'s accept)', collect)
    .option('--ignore <pattern>', 'skip what matches this .gitignore-style pattern in folders and globs (repeatable)', collect)
    .option('--no-ignore', 'skip nothing in folders and globs: no .gitignore, ignores or default skips')
    .option('--stdin-filename <name>', "report stdin's answer under this name; its extension gives the format, its folder the config")
    .option('-o, --output-file <path>', 'write the report to this file instead of stdout (any format)')
    .option('--print-config <path>', 'print the settings check would use for this file, as JSON, and exit')
    .option('--record', 'keep each answer\'s score and findings in your local history (see: answer-coach history)')
    .option('--threads <n>', 'worker threads for a large batch (default: one per free core on more than 2 cores, else 1; most: one per core; 1 = no workers)', parseThreads)
    .option('--color', 'force colour (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR=1, TERM=dumb)')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts: CheckFlags, command: Command) => {
      if (!paths.length && !opts.printConfig && (io.stdin as NodeJS.ReadStream).isTTY) {
        io.stderr('answer-coach: check needs files, folders or globs (or - to read stdin); see answer-coach check --help\n');
        setExitCode(ExitCode.Error);
        return;
      }
      // loaded here, not at startup, so `--help` and the other commands never pay for the analyzer
      const [{ openRubrics }, { runCheck }, { settingsFor, printConfig }, { outputWidth }] = await Promise.all([import('../rubrics.js'), import('../check.js'), import('../check-settings.js'), import('../../report/wrap.js')]);
      // the project config (.answer-coach.yml, from here up, or from --stdin-filename's folder up) gives defaults; flags win
      const configFrom = opts.stdinFilename ? dirname(resolve(opts.stdinFilename)) : process.cwd();
      const opened = openRubrics(env, opts.rubricsDir, { cwd: configFrom });
      const settings = settingsFor(opened, opts, { failOnFromFlag: command.getOptionValueSource('failOn') !== 'default' });
      if (opts.printConfig) {
        io.stdout(printConfig(opts.printConfig, opened, settings));
        return;
      }
      const rubric = settings.rubric ? resolveRubric(opened.registry, settings.rubric) : undefined;
      const toFile = Boolean(opts.outputFile);
      const color = useColor(opts.color, toFile ? {} : process.stdout, env);
      const record = opts.record ? (await import('../../history/index.js')).historyRecorder(env, (m) => io.stderr(`answer-coach: warning: ${oneLine(m)}\n`)) : undefined;
      setExitCode(
        await runCheck(
          paths,
          opened.registry,
          {
            ...settings,
            format: opts.format,
            threads: opts.threads,
            progress: process.stderr,
            rubric,
            color,
            version: ctx.version,
            homepage: ctx.homepage,
            record,
            question: opts.question,
            explain: opts.explain,
            stdinFilename: opts.stdinFilename,
            outputFile: opts.outputFile,
            width: outputWidth(toFile ? undefined : process.stdout, env),
            stepSummaryFile: opts.format === 'github' ? env.GITHUB_STEP_SUMMARY || undefined : undefined,
          },
          io,
        ),
      );
    });
}
