#!/usr/bin/env node
// npm's `prepare` (after `npm ci` / `npm install` here, and for `npm install -g .`): builds dist/.
// The build needs the TypeScript compiler, a dev dependency: where it is not installed (a global
// install from a fresh clone), say what to run instead of failing with "tsc: not found".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from './build.mjs';

const root = new URL('..', import.meta.url);
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (existsSync(new URL('dist/cli/main.js', root))) process.exit(0); // built already (npm ci ran first)
  console.error('answer-coach: cannot build: the TypeScript compiler is not installed here. From the project folder, run\n  npm ci && npm install -g .\n(npm ci installs everything and builds; npm install -g . then puts answer-coach on your PATH).');
  process.exit(1);
}
process.exit(build(tsc));
