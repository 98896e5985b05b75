// Part of `npm run build`: parses the built-in rubrics once and writes dist/rubric/built-in-rubrics.json,
// which `check` reads instead of running the YAML parser at every start. A rubric edited after the
// build is parsed from its YAML again (the registry compares each file's bytes with the snapshot).
import { BUILT_IN_DIR, BUILT_IN_SNAPSHOT, writeRubricSnapshot } from '../dist/rubric/registry.js';

const { files, problems } = writeRubricSnapshot(BUILT_IN_DIR, BUILT_IN_SNAPSHOT);
if (problems.length) {
  // not a build failure: the rubrics are read from YAML at run time, where the error is reported as ever
  for (const p of problems) console.warn(`rubric-snapshot: ${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`);
  console.warn('rubric-snapshot: no snapshot written; the built-in rubrics will be parsed at run time');
} else {
  console.log(`rubric-snapshot: ${files} built-in rubrics → ${BUILT_IN_SNAPSHOT}`);
}
