#!/usr/bin/env node
// Writes docs/rubrics.md from the rubric schema, and docs/rules.md from the rules' metadata (run
// after a build: `npm run docs:rubrics`). Tests fail when a committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { renderRubricDocs } from '../dist/rubric/docs.js';
import { ruleDocs } from '../dist/report/rules.js';

writeFileSync(new URL('../docs/rubrics.md', import.meta.url), renderRubricDocs());
console.log('wrote docs/rubrics.md');
writeFileSync(new URL('../docs/rules.md', import.meta.url), ruleDocs());
console.log('wrote docs/rules.md');
