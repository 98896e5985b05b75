import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { RubricsSetup } from '../rubrics.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
// the work is in ../rubrics.js, loaded only when a rubrics command runs
const impl = () => import('../rubrics.js');

export function registerRubrics(program: Command, ctx: CliContext): void {
  const rubrics = program.command('rubrics').description('list, show, check and create rubrics (what a strong answer to a question looks like)');
  const dirOption = (c: Command) => c.option('--rubrics-dir <dir>', 'also read rubrics from this folder (repeatable; shadows others by id)', collect);
  dirOption(rubrics.command('list').description('every rubric found: id, title, question count and where it comes from'))
    .addOption(new Option('-f, --format <format>', 'pretty, or json: each rubric with its id, title, source and questions').choices(['pretty', 'json']).default('pretty'))
    .option('--json', 'the same as --format json')
    .action(async (opts: RubricsSetup & { json?: boolean; format?: 'pretty' | 'json' }) => (await impl()).list(ctx, opts));
  dirOption(rubrics.command('show').description('a rubric\'s questions, pillars with phrases and hints, expectations and weights').argument('<id|path>'))
    .action(async (id: string, opts: RubricsSetup) => (await impl()).show(ctx, id, opts));
  dirOption(rubrics.command('validate').description('check rubric files and print every problem as file:line:col (exit 0 valid, 2 not)').argument('[paths...]', 'rubric files or folders (default: every rubric found)'))
    .action(async (paths: string[], opts: RubricsSetup) => (await impl()).validate(ctx, paths, opts));
  dirOption(
    rubrics
      .command('init')
      .description('write NAME.yaml, a commented rubric that extends the base')
      .argument('<name>', 'the rubric id, e.g. conflict-at-work')
      .option('--dir <dir>', 'folder to write it in', '.')
      .option('--force', 'replace an existing file')
      .option('--shadow', 'NAME is a rubric that exists already: write your own version of it, built on it'),
  ).action(async (name: string, opts: RubricsSetup & { dir?: string; force?: boolean; shadow?: boolean }) => (await impl()).init(ctx, name, opts));
  rubrics.addHelpText(
    'after',
    `
Rubrics are read from the built-in rubrics/, then $XDG_CONFIG_HOME/answer-coach/rubrics,
then ANSWER_COACH_RUBRICS, then the project config's rubrics-dir, then --rubrics-dir; a later
rubric with the same id shadows an earlier one. See docs/rubrics.md for every key.

Examples:
  $ answer-coach rubrics list
  $ answer-coach rubrics list --format json    each rubric's id, title, source and questions
  $ answer-coach rubrics show customer-service
  $ answer-coach rubrics init conflict-at-work && answer-coach rubrics validate conflict-at-work.yaml`,
  );
}
