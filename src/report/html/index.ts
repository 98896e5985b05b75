import { formatWith, type ReportWriter } from '../writer.js';
import type { FileError, FormatOptions, RunResult, Summary } from '../types.js';
import { renderAnswer, type HtmlPiece, type Row } from './answer.js';
import { CSP, SCRIPT, STYLE } from './assets.js';
import { esc, plural } from './escape.js';
import { overview } from './overview.js';
import { ID } from './text.js';

export type { HtmlPiece, Row } from './answer.js';
export { esc } from './escape.js';

const LEGEND =
  '<div class="legend" role="note" aria-label="How to read the marks">' +
  '<span><span class="pl p-situation">S</span> Situation</span><span><span class="pl p-task">T</span> Task</span><span><span class="pl p-action">A</span> Action</span><span><span class="pl p-result">R</span> Result</span><span><span class="pl p-opening">O</span> Opening</span><span><span class="pl p-closing">C</span> Closing</span>' +
  '<span><span class="es">solid</span>: a pillar shown</span><span><span class="ec">dashed</span>: a pillar only claimed</span>' +
  '<span><span class="mt">40%</span>: a metric</span><span><span class="jg">synergy</span>: jargon</span><span><span class="fw">basically</span>: a finding</span>' +
  '</div><p class="keys">Hover or focus a mark (Tab) to see what it is and why; Esc hides it; j and k go to the next and previous answer.</p>\n';

function page(rows: readonly Row[], sections: readonly string[], errors: readonly FileError[], summary: Summary, version: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    '<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="generator" content="answer-coach ${esc(version)}">\n` +
    `<title>answer-coach: ${plural(summary.analyzed, 'answer')}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    '<a class="skip" href="#answers">Skip to the answers</a>\n' +
    `<header class="top"><h1>Interview answers, as the coach read them</h1><p>answer-coach ${esc(version)} · checked offline; this page loads nothing from anywhere.</p></header>\n<main>\n` +
    overview(rows, errors, summary) +
    `<section id="answers" aria-labelledby="answers-h"><h2 id="answers-h">Each answer</h2>\n${LEGEND}` +
    sections.join('') +
    '</section>\n</main>\n<div id="tip" role="tooltip" hidden></div>\n' +
    `<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}

/**
 * One self-contained HTML page for a whole batch: the cohort overview, then each answer's text
 * with what the analyzer saw drawn on it. The overview comes first and needs every answer, so the
 * answers' sections (not their reports) are kept until the end, as JUnit keeps its test cases;
 * a page meant to be read in a browser holds hundreds of answers, not tens of thousands.
 */
export function htmlWriter(options: Pick<FormatOptions, 'version'>): ReportWriter<HtmlPiece> {
  const rows: Row[] = [];
  const sections: string[] = [];
  return {
    begin: () => '',
    render: renderAnswer,
    place(piece) {
      const id = `a${rows.length}`;
      rows.push(piece.row);
      sections.push(piece.html.replaceAll(ID, id));
      return '';
    },
    end: (errors, summary) => page(rows, sections, errors, summary, options.version),
  };
}

export function formatHtml(run: RunResult, options: Pick<FormatOptions, 'version'>): string {
  return formatWith(htmlWriter(options), run);
}
