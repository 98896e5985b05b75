#!/usr/bin/env node
// Part of `npm run build`, after tsc and the rubric snapshot: builds the startup snapshot that
// `check` starts from (src/startup/snapshot.ts says what it holds, bin/answer-coach.js when it is
// used). Node 20's snapshot builder runs one script that may require only Node's own modules, so
// the build is first bundled into one CommonJS file by esbuild (a devDependency used only here);
// then `node --build-snapshot` runs it and writes the blob, and a small manifest records what the
// blob is good for (this Node version and machine, this folder, this build of dist/).
// Nothing here can fail the build: without esbuild (an install without devDependencies), or where
// the snapshot cannot be built, the manifest is not written and the CLI starts the plain way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'dist', 'startup');
const BUNDLE = join(OUT, 'answer-coach.cjs');
const BLOB = join(OUT, 'answer-coach.blob');
const MANIFEST = join(OUT, 'snapshot.json');

/** Says why there is no snapshot (the CLI still works, only its start is slower) and stops. */
function without(reason) {
  for (const file of [BLOB, BUNDLE]) rmSync(file, { force: true });
  console.warn(`startup-snapshot: ${reason}; check will start without the startup snapshot`);
  process.exit(0);
}

// a stale manifest must never point at a blob of another build
rmSync(MANIFEST, { force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  without('esbuild is not installed (a devDependency)');
}

// Each module's import.meta.url is the address of its own file in dist/, so that what a module
// finds beside itself (package.json, the rubrics, the rubric snapshot, the worker script, packages
// it requires lazily) is found as in the plain build. In the bundle it is rebuilt from the
// bundle's folder and the file's path relative to it.
const metaUrl = {
  name: 'import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(OUT, args.path).split('\\').join('/');
      return { contents: source.replaceAll('import.meta.url', `__answerCoachUrl(${JSON.stringify(rel)})`), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// The prompts (@inquirer/*, and through them iconv-lite and chardet: ~0.7 MB of the bundle) serve
// `practice` and one question of `history`, never `check`, the only command started from the
// snapshot: they stay out of it. Where the bundle would inline them it requires them at run time,
// from node_modules beside dist/, the first time they are asked for (their CommonJS builds; a
// process started from a snapshot can require a package through createRequire, not import one).
const LATER = /^@inquirer\//;
const later = {
  name: 'packages-later',
  setup(build) {
    build.onResolve({ filter: LATER }, (args) => ({ path: args.path, namespace: 'later' }));
    build.onLoad({ filter: /.*/, namespace: 'later' }, (args) => ({
      contents: `module.exports = require("node:module").createRequire(require("node:path").join(__dirname, "snapshot.js"))(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

try {
  await esbuild.build({
    entryPoints: [join(ROOT, 'dist', 'startup', 'snapshot.js')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // a process started from a snapshot has no import(): Node's own modules loaded late are required
    supported: { 'dynamic-import': false },
    logLevel: 'error',
    plugins: [metaUrl, later],
    banner: { js: 'const __answerCoachUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;' },
  });
} catch (e) {
  without(`the bundle could not be built (${String(e?.message ?? e).split('\n')[0]})`);
}

// --no-rehash-snapshot: V8 would otherwise rehash every hash table in the heap at each start with a
// new seed (35 ms of the model's dictionaries); the tables keep the seed this build drew at random.
// The launcher starts the blob with the same flag (V8 refuses a snapshot under other flags).
// the entry runs `check` once (src/startup/snapshot.ts): from an empty folder, so no project config of the build's surroundings is read
const cwd = mkdtempSync(join(tmpdir(), 'answer-coach-build-'));
const built = spawnSync(process.execPath, ['--no-rehash-snapshot', '--snapshot-blob', BLOB, '--build-snapshot', BUNDLE], { cwd, encoding: 'utf8' });
rmSync(cwd, { recursive: true, force: true });
if (built.status !== 0) {
  process.stderr.write(built.stderr);
  without(`node --build-snapshot failed (exit ${built.status ?? built.signal})`);
}

// a blob that cannot start (say the builder ran user code it may not, such as a package required at
// build time) is not kept: one start from it must print check's help and exit 0
const tried = spawnSync(process.execPath, ['--no-rehash-snapshot', '--snapshot-blob', BLOB, 'check', '--help'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
if (tried.status !== 0 || !tried.stdout.startsWith('Usage: answer-coach check')) {
  process.stderr.write(tried.stderr);
  without(`a start from the snapshot failed (exit ${tried.status ?? tried.signal})`);
}

// what the launcher compares before it uses the blob: another Node, machine or folder means a plain start
// cliBuilt: when tsc wrote the CLI's entry (it rewrites every file it emits): after a `tsc` alone
// the snapshot holds older code than dist/, and the launcher starts plain
const manifest = { node: process.version, arch: process.arch, platform: process.platform, root: realpathSync(ROOT), blob: 'answer-coach.blob', cliBuilt: statSync(join(ROOT, 'dist', 'cli', 'main.js')).mtimeMs };
writeFileSync(MANIFEST, JSON.stringify(manifest) + '\n');
console.log(`startup-snapshot: ${relative(ROOT, BLOB)} for Node ${process.version}`);
