import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../analyze/types.js';
import { oneLine } from '../report/sanitize.js';
import { RubricRegistry } from '../rubric/registry.js';
import { RubricError, type Rubric } from '../rubric/types.js';
import { runCheck, type Io } from './check.js';
import { ExitCode } from './exit-codes.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Colour only on a terminal, never with NO_COLOR set (chalk ignores NO_COLOR by itself), and --color/--no-color win. */
export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
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

const CHECK_EXAMPLES = `
Examples:
  $ answer-coach check answer.md                 one answer, coloured report
  $ answer-coach check answers/ "drafts/**/*.txt" every answer in a folder and a glob
  $ cat answer.txt | answer-coach check -         from stdin
  $ answer-coach check answers/ --format json     one JSON document for scripts
  $ answer-coach check answers/ --fail-on warning --min-score 70
  $ answer-coach check answer.md --rubric above-and-beyond

Exit codes: 0 clean, 1 findings at or above --fail-on (or a score under --min-score),
2 usage, input or rubric error.`;

export async function main(argv: readonly string[], io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), stdin: process.stdin }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode: number = ExitCode.Clean;
  const program = new Command('answer-coach')
    .description('Coach for behavioral interview answers: STAR structure, pillars, a measurable result, plain words.')
    .version(pkg.version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('check')
    .description('check answer files (Markdown, YAML or plain text) and report what is missing and what hurts')
    .argument('[paths...]', 'files, folders, quoted globs, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe').choices([...SEVERITIES]).default('error'))
    .option('--min-score <n>', 'exit 1 when an answer scores under n (0-100)', parseScore)
    .option('-r, --rubric <id|path>', 'rubric to use for every answer (default: picked by each answer\'s question)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also: NO_COLOR=1)')
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (paths: string[], opts: { format: 'pretty' | 'json'; failOn: Severity; minScore?: number; rubric?: string; color?: boolean }) => {
      if (!paths.length && (io.stdin as NodeJS.ReadStream).isTTY) {
        io.stderr('answer-coach: check needs files, folders or globs (or - to read stdin); see answer-coach check --help\n');
        exitCode = ExitCode.Error;
        return;
      }
      const registry = new RubricRegistry();
      const rubric = opts.rubric ? resolveRubric(registry, opts.rubric) : undefined;
      exitCode = await runCheck(paths, registry, { format: opts.format, failOn: opts.failOn, minScore: opts.minScore, rubric, color: useColor(opts.color, process.stdout, env), version: pkg.version }, io);
    });

  program.addHelpText(
    'after',
    `
Examples:
  $ answer-coach check answer.md
  $ answer-coach check answers/ --format json
  $ answer-coach check --help`,
  );

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? ExitCode.Clean : ExitCode.Error;
    }
    if (e instanceof RubricError) {
      for (const p of e.problems) io.stderr(`answer-coach: rubric ${oneLine(p.file)}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${oneLine(p.message)}\n`);
      return ExitCode.Error;
    }
    io.stderr(`answer-coach: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    return ExitCode.Error;
  }
  return exitCode;
}
