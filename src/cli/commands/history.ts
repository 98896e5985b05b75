import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { HistoryOptions } from '../history.js';

// the work is in ../history.js, loaded only when a history command runs
const impl = () => import('../history.js');

const EXAMPLES = `
Examples:
  $ answer-coach history                                   every question you have practised
  $ answer-coach history --question "customer service"     one question (words it contains)
  $ answer-coach history --rubric customer-service --format json
  $ answer-coach history clear                             delete it all (asks first; --yes for scripts)

Attempts are recorded by answer-coach practice and answer-coach check --record, in
$XDG_DATA_HOME/answer-coach/history.jsonl (default ~/.local/share/answer-coach/history.jsonl).
The history never leaves this machine.`;

export function registerHistory(program: Command, ctx: CliContext): void {
  const history = program
    .command('history')
    .description('your recorded attempts per question: best and latest score, progress, what keeps recurring')
    .addOption(new Option('-q, --question <text>', 'only questions containing these words').conflicts('rubric'))
    .addOption(new Option('-r, --rubric <id>', 'only attempts checked against this rubric').conflicts('question'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also: NO_COLOR=1)')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: HistoryOptions) => (await impl()).showHistory(ctx, opts));

  history
    .command('clear')
    .description('delete every recorded attempt (asks first)')
    .option('-y, --yes', 'delete without asking (for scripts)')
    .action(async (opts: { yes?: boolean }) => (await impl()).clear(ctx, opts));
}
