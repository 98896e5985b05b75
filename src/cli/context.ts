import type { Command } from 'commander';
import type { Io } from './check.js';

/** What every command is given: where to write and read, the environment, and where to put its exit code. */
export interface CliContext {
  io: Io;
  env: NodeJS.ProcessEnv;
  version: string;
  /** The project's public address (package.json homepage, else repository), when it has one. */
  homepage?: string;
  setExitCode(code: number): void;
}

/** A command module adds its subcommand to the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;
