import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../analyze/types.js';
import { formatWith, indentJson, type ReportWriter } from './writer.js';
import { oneLine } from './sanitize.js';
import { RULE_INFO, ruleHelpUri } from './rules.js';
import type { FormatOptions, RunResult } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions extends Pick<FormatOptions, 'version'> {
  /** Every rule the tool can report; rules seen in findings are added. */
  rules?: readonly string[];
  /** The project's public address (package.json homepage or repository): the tool's informationUri, and the base of each rule's helpUri. */
  homepage?: string;
}

/** A rule as code scanning shows it: its descriptions, help, the docs page and its default level. */
function ruleDescriptor(id: string, homepage: string | undefined): Record<string, unknown> {
  const info = RULE_INFO[id];
  if (!info) return { id, shortDescription: { text: id.replace(/-/g, ' ') } };
  const helpUri = ruleHelpUri(homepage, id);
  return {
    id,
    name: info.name.replace(/[^A-Za-z0-9]+/g, ' ').trim().replace(/ (\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/^\w/, (ch) => ch.toUpperCase()),
    shortDescription: { text: info.name },
    fullDescription: { text: info.description },
    help: { text: info.help, markdown: `${info.help}${helpUri ? `\n\n[More about ${id}](${helpUri})` : ''}` },
    ...(helpUri && { helpUri }),
    defaultConfiguration: { level: LEVEL[info.level] },
  };
}

/**
 * A file's artifact location. Relative paths stay relative to the checkout (%SRCROOT%), as code
 * scanning expects; each path segment is percent-encoded, so spaces and `#` make a valid URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(sep).join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * SARIF 2.1.0 for code scanning: one run, a result per finding with its region. Unreadable files
 * are tool execution notifications. Results are written as they come; the rules, known only at the
 * end, follow them (key order does not matter in JSON).
 */
/** One answer's SARIF results (already indented JSON) and the rules they name. */
export interface SarifPiece {
  rules: string[];
  results: string[];
}

export function sarifWriter(options: SarifOptions): ReportWriter<SarifPiece> {
  const rules = new Set(options.rules ?? []);
  let count = 0;
  return {
    begin: () => `{\n  "$schema": "${SARIF_SCHEMA}",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "columnKind": "utf16CodeUnits",\n      "results": [`,
    render({ file, report }) {
      const piece: SarifPiece = { rules: [], results: [] };
      const location = artifactLocation(file);
      for (const f of report.findings) {
        piece.rules.push(f.rule);
        const region: Record<string, number> = { startLine: f.line, startColumn: f.column };
        if (f.endLine !== undefined && f.endColumn !== undefined) Object.assign(region, { endLine: f.endLine, endColumn: f.endColumn });
        const result = {
          ruleId: f.rule,
          level: LEVEL[f.severity],
          message: { text: oneLine(f.message) },
          locations: [{ physicalLocation: { artifactLocation: location, region } }],
          properties: { score: report.score, rubric: report.rubric },
        };
        piece.results.push(indentJson(result, '        '));
      }
      return piece;
    },
    place(piece) {
      let out = '';
      for (const rule of piece.rules) rules.add(rule);
      for (const result of piece.results) out += (count++ ? ',\n        ' : '\n        ') + result;
      return out;
    },
    end(errors) {
      const notifications = errors.map((e) => {
        const physicalLocation: Record<string, unknown> = { artifactLocation: artifactLocation(e.file) };
        if (e.line) physicalLocation.region = { startLine: e.line, startColumn: e.column ?? 1 };
        return { level: 'error', message: { text: oneLine(e.message) }, locations: [{ physicalLocation }] };
      });
      const invocation = { executionSuccessful: errors.length === 0, toolExecutionNotifications: notifications };
      const tool = {
        driver: {
          name: 'answer-coach',
          version: options.version,
          // only a real address: the package is not on npm, and without one the field is left out
          ...(options.homepage && { informationUri: options.homepage }),
          rules: [...rules].sort().map((id) => ruleDescriptor(id, options.homepage)),
        },
      };
      return `${count ? '\n      ]' : ']'},\n      "invocations": [\n        ${indentJson(invocation, '        ')}\n      ],\n      "tool": ${indentJson(tool, '      ')}\n    }\n  ]\n}\n`;
    },
  };
}

export function formatSarif(run: RunResult, options: SarifOptions): string {
  return formatWith(sarifWriter(options), run);
}
