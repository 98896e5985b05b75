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

/** Runs the built CLI as a user would, with no terminal. */
export function run(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Run {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: cleanEnv(options.env),
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
