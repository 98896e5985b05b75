#!/usr/bin/env node
// Writes docs/rubrics.md from the rubric schema (run after a build: `npm run docs:rubrics`).
// test/rubric/docs.test.ts fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { renderRubricDocs } from '../dist/rubric/docs.js';

const out = new URL('../docs/rubrics.md', import.meta.url);
writeFileSync(out, renderRubricDocs());
console.log('wrote docs/rubrics.md');
