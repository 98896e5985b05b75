#!/usr/bin/env node
// Regenerates the golden reports: examples/<name>.<ext> → examples/<name>.json, from the built CLI.
// Run `npm run golden:update`, then review `git diff examples/` by hand before committing.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const answers = readdirSync(join(root, 'examples')).filter((f) => /\.(md|txt|ya?ml)$/.test(f)).sort();
let out;
try {
  out = execFileSync(process.execPath, ['bin/answer-coach.js', 'check', ...answers.map((f) => `examples/${f}`), '--format', 'json'], { cwd: root, encoding: 'utf8' });
} catch (e) {
  out = e.stdout; // findings exit 1; the document is still complete
}
const doc = JSON.parse(out);
if (doc.errors.length) throw new Error(`examples that could not be checked: ${JSON.stringify(doc.errors)}`);
for (const result of doc.results) {
  const target = result.file.replace(/\.(md|txt|ya?ml)$/, '.json');
  writeFileSync(join(root, target), JSON.stringify(result, null, 2) + '\n');
  console.log(`${target}  score ${result.score}`);
}
