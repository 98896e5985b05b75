import { CHECKS } from '../../analyze/checks/index.js';
import { SEVERITIES, type Finding, type PillarResult, type Report, type Severity } from '../../analyze/types.js';
import { STAR_PARTS, type StarPart } from '../../answer/types.js';
import type { FileResult } from '../types.js';
import { esc, plural } from './escape.js';
import { partBars } from './svg.js';
import { answerText, ID, SEV } from './text.js';

/** What the cohort overview needs of one answer: a worker sends this, not the report. */
export interface Row {
  file: string;
  question?: string;
  rubric: string;
  score: number;
  star: Record<StarPart, { share: number }>;
  /** STAR parts the story lacks. */
  missing: StarPart[];
  pillars: { id: string; name: string; status: PillarResult['status'] }[];
  /** A number in the Result. */
  metric: boolean;
  counts: Record<Severity, number>;
  /** Each rule the answer trips: how often, and its worst severity. */
  rules: Record<string, { n: number; severity: Severity }>;
}

/** One answer's piece of the page: its row of the overview and its section, ids still to be given. */
export interface HtmlPiece {
  row: Row;
  html: string;
}

export const STATUS_GLYPH: Record<PillarResult['status'], string> = { shown: '●', claimed: '◐', missing: '○' };

export function rowOf({ file, report }: FileResult): Row {
  const counts = { error: 0, warning: 0, info: 0 };
  const rules: Row['rules'] = {};
  for (const f of report.findings) {
    counts[f.severity]++;
    const r = (rules[f.rule] ??= { n: 0, severity: f.severity });
    r.n++;
    if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(r.severity)) r.severity = f.severity;
  }
  return {
    file,
    question: report.question,
    rubric: report.rubric,
    score: report.score,
    star: Object.fromEntries(STAR_PARTS.map((p) => [p, { share: report.star[p].share }])) as Row['star'],
    missing: STAR_PARTS.filter((p) => !report.star[p].present),
    pillars: report.pillars.map((p) => ({ id: p.id, name: p.name, status: p.status })),
    metric: report.metrics.some((m) => m.part === 'result'),
    counts,
    rules,
  };
}

let ruleCheck: Map<string, string> | undefined;
/** The score part a rule's check scores (its findings cost points there). */
function scorePartOf(rule: string): string | undefined {
  ruleCheck ??= new Map(CHECKS.flatMap((c) => c.rules.map((r) => [r, c.id] as const)));
  return ruleCheck.get(rule);
}

/**
 * The three things most worth improving: one per rule, the most severe first, then the rule whose
 * part of the score is lowest (the most points to win back), then the earliest in the answer.
 */
export function worthImproving(report: Report, count = 3): { finding: Finding; more: number }[] {
  const byRule = new Map<string, { finding: Finding; more: number }>();
  for (const f of report.findings) {
    const seen = byRule.get(f.rule);
    if (!seen) byRule.set(f.rule, { finding: f, more: 0 });
    else {
      seen.more++;
      if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(seen.finding.severity)) seen.finding = f;
    }
  }
  const part = (f: Finding) => {
    const id = scorePartOf(f.rule) as keyof Report['scoreParts'] | undefined;
    return id !== undefined && id in report.scoreParts ? report.scoreParts[id] : 1;
  };
  return [...byRule.values()]
    .sort((a, b) => SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || part(a.finding) - part(b.finding) || a.finding.line - b.finding.line || a.finding.column - b.finding.column)
    .slice(0, count);
}

const SCORE_PART_NAME: Record<string, string> = { star: 'STAR', pillars: 'Pillars', metric: 'Metric', jargon: 'Plain words', delivery: 'Delivery', opening: 'Opening' };

function header(file: string, report: Report, counts: Record<Severity, number>): string {
  const question = report.question ? `<p class="q">${esc(report.question)}</p>` : '<p class="q none">(no question given)</p>';
  const tally = SEVERITIES.map((s) => `<span class="c${SEV[s]}">${plural(counts[s], s, s === 'info' ? s : undefined)}</span>`).join(' ');
  return (
    `<header><h3 id="${ID}-h"><span class="fn">${esc(file)}</span></h3>${question}` +
    `<p class="meta"><span class="big">${report.score}</span><span class="of">/100</span> rubric <code>${esc(report.rubric)}</code> · ${report.stats.words} words · ${tally} · <a href="#overview">back to the overview</a></p></header>`
  );
}

function side(report: Report): string {
  const parts = Object.entries(report.scoreParts).map(([k, v]) => ({ name: SCORE_PART_NAME[k] ?? k, value: v }));
  const top = worthImproving(report);
  const fixes = top.length
    ? `<ol class="fix">${top.map(({ finding: f, more }) => `<li><a href="#${ID}-L${f.line}">line ${f.line}</a> ${esc(f.message)} <code>${esc(f.rule)}</code>${more ? ` <span class="more">and ${plural(more, 'more like it', 'more like it')}</span>` : ''}</li>`).join('')}</ol>`
    : '<p>Nothing to fix: this answer trips no rule.</p>';
  const pillars = report.pillars.length
    ? `<ul class="pil">${report.pillars.map((p) => `<li class="ps-${p.status}"><span class="g" aria-hidden="true">${STATUS_GLYPH[p.status]}</span> ${esc(p.name)} <span class="st">${p.status}</span></li>`).join('')}</ul>`
    : '';
  return `<aside class="side"><h4>Score parts</h4>${partBars(parts, 'Score parts')}<h4>Worth improving first</h4>${fixes}<h4>Pillars</h4>${pillars}</aside>`;
}

/** One answer's section: header, score parts, what to improve, and its text with the marks. */
export function renderAnswer(r: FileResult): HtmlPiece {
  const row = rowOf(r);
  const { file, report, source } = r;
  const text = source === undefined ? '<p class="none">The answer\'s text was not given to the formatter.</p>' : answerText(source, report);
  const html =
    `<section class="ans" id="${ID}" aria-labelledby="${ID}-h">` +
    header(file, report, row.counts) +
    `<div class="body">${side(report)}<div class="text" role="region" aria-label="${esc(`The answer's text: ${file}`)}">\n${text}</div></div></section>\n`;
  return { row, html };
}
