import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/answer-coach.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The test runner's environment without colour settings (Node warns when both are set), plus the test's own. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const key of ['NO_COLOR', 'FORCE_COLOR']) if (!(key in extra)) delete env[key];
  return env;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  nodeArgs?: string[];
  /** Milliseconds before the run is killed (its code is then null). */
  timeout?: number;
  /** A command that runs the rest as another user (see otherUser). */
  asUser?: string[];
  /** Another copy's bin to run instead of this checkout's. */
  bin?: string;
}

/** Runs the built CLI as a user would, with no terminal. */
export function run(args: string[], options: RunOptions = {}): Run {
  const argv = [...(options.asUser ?? []), process.execPath, ...(options.nodeArgs ?? []), options.bin ?? BIN, ...args];
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: cleanEnv(options.env),
    timeout: options.timeout ?? 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * How to run the CLI as a user whom file permissions bind: nothing to add when the tests already
 * run as one; as root (who reads any folder), `setpriv` or `runuser` to `nobody`, when either is
 * there and `nobody` can run the CLI; otherwise undefined, with the reason.
 */
export function otherUser(): { prefix: string[] } | { skip: string } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const candidates = [
    ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--'],
    ['setpriv', '--reuid=nobody', '--regid=nobody', '--clear-groups', '--'],
    ['runuser', '-u', 'nobody', '--'],
  ];
  for (const prefix of candidates) {
    const r = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, BIN, '--version'], { encoding: 'utf8', timeout: 10_000 });
    if (r.status === 0) return { prefix };
  }
  return { skip: 'the tests run as root and neither setpriv nor runuser could run the CLI as nobody' };
}
