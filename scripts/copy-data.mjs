#!/usr/bin/env node
// Copies the data files the build's modules read beside themselves from src/ into dist/ (tsc
// copies only what it compiles): the tagger's lexicon (src/language/lexicon.txt) and the licence it comes under.
// Usage: node scripts/copy-data.mjs [ROOT]   (ROOT: the checkout, by default this one)
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_FILES = ['language/lexicon.txt', 'language/LICENSE-wink.txt'];

export function copyData(root) {
  for (const f of DATA_FILES) {
    mkdirSync(dirname(join(root, 'dist', f)), { recursive: true });
    copyFileSync(join(root, 'src', f), join(root, 'dist', f));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) copyData(resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url))));
