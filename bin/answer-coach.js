#!/usr/bin/env node
// Thin bin: the real entry is the tsc build in dist/ (built by `npm ci` through `prepare`).
//
// `check` starts from the build's startup snapshot when there is one made for this Node, machine,
// folder and build of dist/ (dist/startup/snapshot.json says which): a second node process that
// begins with the English model loaded and the built-in rubrics compiled, instead of loading them
// (the first report comes in about two thirds of the time of a plain start). Every other case
// starts plain, here: another command, a batch of more than a few files (see SNAPSHOT_MAX_FILES),
// node flags given to this process (--inspect, --import …), ANSWER_COACH_SNAPSHOT=0, no snapshot,
// or one for another Node version, machine or folder, or older than dist/ (a `tsc` since the
// build); and so does everything if that process cannot start, or Node refuses the snapshot.
//
// This file is CommonJS (bin/package.json says so): a launcher that only decides and waits starts
// quicker without the ES module loader (~0.2x `node -e 0` of every check from the snapshot); the
// CLI itself is loaded with import().
'use strict';
const { opendirSync, readFileSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

// The snapshot pays for a few answers, not for a batch: its start is ~90 ms shorter, but a run of
// 2,000 answers from it took 5-25% longer and ~15 MB more (measured side by side), and the waiting
// bin is one more process. So a run of more than this many files, a glob or nested folders starts
// plain, unless ANSWER_COACH_SNAPSHOT=1 asks for the snapshot whatever the size.
const SNAPSHOT_MAX_FILES = 50;

/** How many entries a folder has, or -1 when it has more than `max` or a subfolder (read no further than that; a folder that cannot be read throws, and the caller starts plain). */
function entriesUpTo(dir, max) {
  let n = 0;
  const d = opendirSync(dir);
  try {
    for (let e = d.readSync(); e; e = d.readSync()) if (e.isDirectory() || ++n > max) return -1;
  } finally {
    d.closeSync();
  }
  return n;
}

/** Whether the paths of `check …` name a few files: no glob, no nested folders, at most SNAPSHOT_MAX_FILES in all. */
function fewFiles(args) {
  let files = 0;
  for (const arg of args) {
    if (arg.startsWith('-')) continue; // an option, or stdin
    if (/[*?[\]{}]/.test(arg)) return false; // a glob
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      continue; // an option's value ("json"), or a file that is not there (check says so)
    }
    const n = stat.isDirectory() ? entriesUpTo(arg, SNAPSHOT_MAX_FILES - files) : 1;
    if (n < 0 || (files += n) > SNAPSHOT_MAX_FILES) return false;
  }
  return true;
}

/** The blob to start `check` from, or undefined for a plain start (only cheap checks: this runs at every start). */
function startupSnapshot(argv) {
  const wanted = process.env.ANSWER_COACH_SNAPSHOT;
  if (argv[2] !== 'check' || process.execArgv.length || wanted === '0') return undefined;
  try {
    const dir = join(__dirname, '..', 'dist', 'startup');
    const made = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8'));
    const here = made.node === process.version && made.arch === process.arch && made.platform === process.platform && made.root === resolve(dir, '..', '..') && made.cliBuilt === statSync(join(dir, '..', 'cli', 'main.js')).mtimeMs;
    // (the paths are looked at last: without a snapshot there is nothing to decide)
    return here && (wanted === '1' || fewFiles(argv.slice(3))) ? join(dir, made.blob) : undefined;
  } catch {
    return undefined;
  }
}

// Node's exit code when it cannot start from a snapshot (one made by another build of Node, or
// under other flags): it has run nothing of ours, so the plain start can run instead
const SNAPSHOT_REFUSED = 14;

/** Runs `check` in a node started from the snapshot; resolves false when that process could not start. */
async function fromSnapshot(blob, argv) {
  const { spawn } = require('node:child_process');
  // the flags the snapshot was built with (scripts/startup-snapshot.mjs): V8 refuses it under others
  const child = spawn(process.execPath, ['--no-rehash-snapshot', '--snapshot-blob', blob, ...argv.slice(2)], { stdio: 'inherit' });
  // a signal for this process is the child's too (it restores the terminal and exits 128 + n)
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
  const forward = (signal) => child.kill(signal);
  for (const s of signals) process.on(s, forward);
  return new Promise((resolve) => {
    child.on('error', () => resolve(false));
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (code === SNAPSHOT_REFUSED) return resolve(false);
      if (signal) process.kill(process.pid, signal);
      else process.exitCode = code ?? 1;
      resolve(true);
    });
  });
}

async function run() {
  const blob = startupSnapshot(process.argv);
  if (blob && (await fromSnapshot(blob, process.argv))) return;
  let main;
  try {
    ({ main } = await import('../dist/cli/main.js'));
  } catch (e) {
    // not built yet, or installed without its dependencies: say what to run, not a stack trace
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    const root = join(__dirname, '..') + '/';
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(e.message)?.[1] ?? 'a module';
    const what = missing.includes('/dist/') ? 'is not built yet' : `is missing ${missing}`;
    process.stderr.write(`answer-coach: this copy ${what}: run \`npm ci\` in ${root} (it installs the dependencies and builds), then try again\n`);
    process.exit(2);
  }

  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}

run();
