import { SEVERITIES, type Severity } from '../analyze/types.js';
import type { FileError, FileResult, Summary } from './types.js';

function failsThreshold(severity: Severity, failOn: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

/** A run's summary: files, findings by severity, average score, and how many answers fail the threshold. */
export function summarize(results: readonly FileResult[], errors: readonly FileError[], options: { failOn: Severity; minScore?: number }): Summary {
  const findings = { error: 0, warning: 0, info: 0 };
  let failing = 0;
  for (const { report } of results) {
    for (const f of report.findings) findings[f.severity]++;
    const fails = report.findings.some((f) => failsThreshold(f.severity, options.failOn)) || (options.minScore !== undefined && report.score < options.minScore);
    if (fails) failing++;
  }
  const averageScore = results.length ? Math.round(results.reduce((n, r) => n + r.report.score, 0) / results.length) : null;
  return { files: results.length + errors.length, analyzed: results.length, failed: errors.length, findings, averageScore, failing };
}
