#!/usr/bin/env node
// The build, step by step: `npm run build` runs this file, and so does `prepare` (after `npm ci`),
// so the two can never build different things. Each step runs in its own node; the first that
// fails stops the build with its exit code.
// Usage: node scripts/build.mjs
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The steps, in order: compile; copy the data files tsc does not (the tagger's lexicon); pre-build the rubrics; the startup snapshot. */
export function buildSteps(tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')) {
  return [[tsc, '-p', 'tsconfig.json'], ['scripts/copy-data.mjs'], ['scripts/rubric-snapshot.mjs'], ['scripts/startup-snapshot.mjs']];
}

/** Runs the steps in ROOT; returns 0, or the exit code of the step that failed. */
export function build(tsc) {
  for (const args of buildSteps(tsc)) {
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(build());
