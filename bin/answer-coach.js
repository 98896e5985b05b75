#!/usr/bin/env node
// Thin bin: the real entry is the tsc build in dist/ (built by `npm ci` through `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
