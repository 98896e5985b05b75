import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { PracticeOptions } from '../practice.js';

const EXAMPLES = `
Examples:
  $ answer-coach practice                               pick a question from a list
  $ answer-coach practice --question 1 --out answer.md  the first question; save to answer.md
  $ answer-coach practice --random
  $ answer-coach practice --resume                      carry on with the latest draft
  $ answer-coach practice --rubrics-dir my-rubrics      with your own rubrics' questions too

Type each part over as many lines as you like; press Enter on an empty line to finish it.
Rubrics come from the same places as for check (built-in, your rubric folders, the project's
.answer-coach.yml), and the nudges after each part are check's findings for that part.
Drafts are saved after every line in $XDG_DATA_HOME/answer-coach/drafts (or beside --out);
a bare --resume finds the latest of either.
Ctrl-C exits 130 and says how to resume.`;

export function registerPractice(program: Command, { io, env, setExitCode }: CliContext): void {
  program
    .command('practice')
    .description('practise an answer step by step, with a nudge after each STAR part; saves a file `check` reads')
    .option('-r, --rubric <id|path>', 'rubric whose questions and guidance to use (default: the project config\'s, else every rubric\'s questions)')
    .option('--rubrics-dir <dir>', 'also read rubrics from this folder (repeatable), as check does', (v: string, prev: string[] = []) => [...prev, v])
    .option('-q, --question <n|text>', 'a question by its number in the list, or the question itself')
    .option('--random', 'a random question from the list')
    .option('-o, --out <file>', 'save the answer here (asks before replacing a file)')
    .addOption(new Option('--resume [draft]', 'carry on with the latest draft, or the one named'))
    .option('--color', 'force colour (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR=1, TERM=dumb)')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: PracticeOptions) => {
      // the prompts (@inquirer) and the walkthrough are loaded only when practice runs
      const { runPractice } = await import('../practice.js');
      setExitCode(await runPractice(opts, { io, env, stdin: process.stdin, stdout: process.stdout }));
    });
}
