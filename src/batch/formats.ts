import type { Severity } from '../analyze/types.js';
import { SCHEMA_VERSION } from '../report/json.js';
import type { FileResult } from '../report/types.js';
import { indentJson, type ReportWriter } from '../report/writer.js';

export const FORMATS = ['pretty', 'json', 'sarif', 'github', 'junit', 'line', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Plain data (a worker thread is sent it to make the same writer). */
export interface WriterOptions {
  color: boolean;
  version: string;
  failOn: Severity;
  minScore?: number;
  /** Every rule id the analyzer can report (SARIF lists them as the tool's rules). */
  rules?: readonly string[];
  /** Columns the human format lays its lines out in (the terminal's, or 80). */
  width?: number;
  /** The project's public address, for SARIF's informationUri and each rule's helpUri. */
  homepage?: string;
  /** pretty: also print how each sentence was read and the evidence in it (check --explain). */
  explain?: boolean;
}

/** The JSON document of report/json.ts, written one result at a time (same bytes: see the tests). */
export function jsonWriter(version: string): ReportWriter<string> {
  let count = 0;
  return {
    begin: () => `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "tool": "answer-coach",\n  "version": ${JSON.stringify(version)},\n  "results": [`,
    render: ({ file, report }: FileResult) => indentJson({ file, ...report }, '    '),
    place: (piece) => (count++ ? ',\n    ' : '\n    ') + piece,
    end: (errors, summary) => `${count ? '\n  ]' : ']'},\n  "errors": ${indentJson(errors, '  ')},\n  "summary": ${indentJson(summary, '  ')}\n}\n`,
  };
}

/** Where a format may write besides its output, on the writing thread only (functions: never sent to a worker). */
export interface WriterSinks {
  /** The GitHub job summary ($GITHUB_STEP_SUMMARY), for the github format. */
  stepSummary?: (markdown: string) => void;
}

/**
 * The writer for a format. Each formatter module is imported only when its format is asked for,
 * so `check` loads chalk only for pretty output and nothing for the CI formats it does not print.
 */
export async function createWriter(format: Format, options: WriterOptions, sinks: WriterSinks = {}): Promise<ReportWriter> {
  switch (format) {
    case 'json':
      return jsonWriter(options.version);
    case 'sarif':
      return (await import('../report/sarif.js')).sarifWriter(options);
    case 'github':
      return (await import('../report/github.js')).githubWriter({ stepSummary: sinks.stepSummary });
    case 'junit':
      return (await import('../report/junit.js')).junitWriter(options);
    case 'line':
      return (await import('../report/line.js')).lineWriter();
    case 'html':
      return (await import('../report/html/index.js')).htmlWriter(options);
    default: {
      const { formatAnswer, formatSummary, reportColors } = await import('../report/pretty.js');
      const c = await reportColors(options.color); // chalk only when colour is on
      let count = 0;
      // same bytes as formatPretty: answers and the summary joined by blank lines
      return {
        begin: () => '',
        render: (r: FileResult) => formatAnswer(r.file, r.report, c, options.width, options.explain),
        place: (piece: string) => (count++ ? '\n\n' : '') + piece,
        end: (_errors, summary) => (count ? '\n\n' : '') + formatSummary(summary, c, options.width) + '\n',
      } satisfies ReportWriter<string>;
    }
  }
}
