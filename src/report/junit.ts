import { SEVERITIES, type Report, type Severity } from '../analyze/types.js';
import { formatWith, type ReportWriter } from './writer.js';
import { fileName, oneLine } from './sanitize.js';
import type { RunResult } from './types.js';

export interface JunitOptions {
  failOn: Severity;
  minScore?: number;
}

// Characters XML 1.0 cannot hold at all, even escaped: most C0 controls, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text and attribute values, escaped for XML; characters XML cannot represent are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Whether an answer fails the run: a finding at or above --fail-on, or a score under --min-score (as the exit code says). */
export function answerFails(report: Report, options: JunitOptions): boolean {
  const limit = SEVERITIES.indexOf(options.failOn);
  return report.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit) || (options.minScore !== undefined && report.score < options.minScore);
}

/**
 * JUnit XML, one test case per answer: it fails when the answer would make `check` exit 1, with
 * its findings as the failure's text; an unreadable file is an error case. CI systems show these
 * as a test report. Test cases are kept as strings until the end, since the counts lead the file.
 */
/** One answer's test case, and whether it fails. */
export interface JunitPiece {
  testcase: string;
  fails: boolean;
}

export function junitWriter(options: JunitOptions): ReportWriter<JunitPiece> {
  const cases: string[] = [];
  let failures = 0;
  return {
    begin: () => '',
    render({ file, report }) {
      const name = escapeXml(fileName(file));
      const lines = report.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}: ${oneLine(f.message)}`);
      const out = escapeXml(`score ${report.score}/100 (rubric ${report.rubric})\n${lines.join('\n')}`);
      let body = '';
      const fails = answerFails(report, options);
      if (fails) {
        const worst = report.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(options.failOn)).length;
        const why = worst ? `${worst} finding${worst === 1 ? '' : 's'} at or above ${options.failOn}` : `score ${report.score} is under ${options.minScore}`;
        body = `\n      <failure message="${escapeXml(why)}" type="answer-coach">${out}</failure>\n    `;
      } else {
        body = `\n      <system-out>${out}</system-out>\n    `;
      }
      return { testcase: `    <testcase classname="answer-coach" name="${name}" file="${name}">${body}</testcase>\n`, fails };
    },
    place(piece) {
      if (piece.fails) failures++;
      cases.push(piece.testcase);
      return '';
    },
    end(errors) {
      for (const e of errors) {
        const name = escapeXml(fileName(e.file));
        cases.push(`    <testcase classname="answer-coach" name="${name}" file="${name}">\n      <error message="${escapeXml((e.line ? `${e.line}:${e.column ?? 1}: ` : '') + oneLine(e.message))}" type="unreadable"/>\n    </testcase>\n`);
      }
      const counts = `tests="${cases.length}" failures="${failures}" errors="${errors.length}"`;
      return (
        `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="answer-coach" ${counts}>\n  <testsuite name="answer-coach" ${counts}>\n` +
        cases.join('') +
        `  </testsuite>\n</testsuites>\n`
      );
    },
  };
}

export function formatJunit(run: RunResult, options: JunitOptions): string {
  return formatWith(junitWriter(options), run);
}
