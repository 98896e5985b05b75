import type { FormatOptions, RunResult } from './types.js';

/** Version of the JSON document's shape; bumped only when a documented field changes meaning or goes. */
export const SCHEMA_VERSION = 1;

/** The JSON contract scripts rely on (README: "JSON output"). One document, always. */
export function formatJson(run: RunResult, options: Pick<FormatOptions, 'version'>): string {
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    tool: 'answer-coach',
    version: options.version,
    results: run.results.map(({ file, report }) => ({ file, ...report })),
    errors: run.errors,
    summary: run.summary,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
