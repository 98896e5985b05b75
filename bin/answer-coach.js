#!/usr/bin/env node
// Thin bin: the real entry is the tsc build in dist/ (built by `npm ci` through `prepare`).
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (e) {
  // not built yet, or installed without its dependencies: say what to run, not a stack trace
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  const root = new URL('..', import.meta.url).pathname;
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(e.message)?.[1] ?? 'a module';
  const what = missing.includes('/dist/') ? 'is not built yet' : `is missing ${missing}`;
  process.stderr.write(`answer-coach: this copy ${what}: run \`npm ci\` in ${root} (it installs the dependencies and builds), then try again\n`);
  process.exit(2);
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
