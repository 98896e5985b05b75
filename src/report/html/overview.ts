import { SEVERITIES, type Severity } from '../../analyze/types.js';
import { STAR_PARTS } from '../../answer/types.js';
import type { FileError, Summary } from '../types.js';
import { STATUS_GLYPH, type Row } from './answer.js';
import { esc, plural } from './escape.js';
import { countBar, histogram, starBar } from './svg.js';
import { PART_NAME, SEV } from './text.js';

// The cohort at a glance: every answer in a sortable, filterable table, the spread of scores, and
// per pillar and per rule how many answers show or trip it, the commonest gaps first.

interface PillarTally {
  name: string;
  asked: number;
  shown: number;
  claimed: number;
  missing: number;
}

interface RuleTally {
  answers: number;
  findings: number;
  severity: Severity;
}

/** A gap and how many of the answers it could apply to have it. */
export interface Gap {
  n: number;
  of: number;
  text: string;
}

export function tallyPillars(rows: readonly Row[]): Map<string, PillarTally> {
  const out = new Map<string, PillarTally>();
  for (const r of rows)
    for (const p of r.pillars) {
      const t = out.get(p.id) ?? { name: p.name, asked: 0, shown: 0, claimed: 0, missing: 0 };
      t.asked++;
      t[p.status]++;
      out.set(p.id, t);
    }
  return out;
}

export function tallyRules(rows: readonly Row[]): Map<string, RuleTally> {
  const out = new Map<string, RuleTally>();
  for (const r of rows)
    for (const [rule, { n, severity }] of Object.entries(r.rules)) {
      const t = out.get(rule) ?? { answers: 0, findings: 0, severity };
      t.answers++;
      t.findings += n;
      if (SEVERITIES.indexOf(severity) < SEVERITIES.indexOf(t.severity)) t.severity = severity;
      out.set(rule, t);
    }
  return out;
}

/** What the cohort most often lacks, in words: a STAR part, a measurable result, a pillar shown. */
export function commonGaps(rows: readonly Row[]): Gap[] {
  const gaps: Gap[] = [];
  const n = rows.length;
  gaps.push({ n: rows.filter((r) => !r.metric).length, of: n, text: 'have no measurable result' });
  for (const part of STAR_PARTS) gaps.push({ n: rows.filter((r) => r.missing.includes(part)).length, of: n, text: `have no ${PART_NAME[part]}` });
  for (const t of tallyPillars(rows).values()) {
    gaps.push({ n: t.missing, of: t.asked, text: `show no ${t.name}` });
    gaps.push({ n: t.claimed, of: t.asked, text: `only claim ${t.name}, without showing it` });
  }
  return gaps.filter((g) => g.n > 0).sort((a, b) => b.n / b.of - a.n / a.of || b.n - a.n);
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function options(values: Iterable<string>): string {
  return [...new Set(values)].sort(byCodePoint).map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('');
}

function table(rows: readonly Row[]): string {
  const head = [
    ['File', 'text'],
    ['Question', 'text'],
    ['Rubric', 'text'],
    ['Score', 'num'],
    ['STAR', 'num'],
    ['Pillars', 'num'],
    ['Metric', 'num'],
    ['Errors', 'num'],
    ['Warnings', 'num'],
  ]
    .map(([name, type], i) => `<th scope="col" data-type="${type}" aria-sort="none"><button type="button" data-col="${i}">${name}<span class="arrow" aria-hidden="true"></span></button></th>`)
    .join('');
  const body = rows
    .map((r, i) => {
      const shown = r.pillars.filter((p) => p.status === 'shown').length;
      const claimed = r.pillars.filter((p) => p.status === 'claimed').length;
      const cells = r.pillars.map((p) => `<span class="pc ps-${p.status}" title="${esc(`${p.name}: ${p.status}`)}">${STATUS_GLYPH[p.status]}<span class="sr"> ${esc(p.name)} ${p.status};</span></span>`).join('');
      const q = r.question ?? '';
      return (
        `<tr data-i="${i}" data-rubric="${esc(r.rubric)}" data-question="${esc(q)}">` +
        `<td><a href="#a${i}">${esc(r.file)}</a></td>` +
        `<td${q ? '' : ' data-v=""'}>${q ? esc(q) : '<span class="none">none</span>'}</td>` +
        `<td><code>${esc(r.rubric)}</code></td>` +
        `<td data-v="${r.score}" class="num">${r.score}</td>` +
        `<td data-v="${(r.star.action.share + r.star.result.share).toFixed(3)}">${starBar(r.star)}</td>` +
        `<td data-v="${shown * 2 + claimed}">${cells}</td>` +
        `<td data-v="${r.metric ? 1 : 0}" class="${r.metric ? 'yes' : 'nope'}">${r.metric ? '✓<span class="sr"> a number in the result</span>' : '✗<span class="sr"> no number in the result</span>'}</td>` +
        `<td data-v="${r.counts.error}" class="num">${r.counts.error}</td>` +
        `<td data-v="${r.counts.warning}" class="num">${r.counts.warning}</td></tr>`
      );
    })
    .join('\n');
  return (
    `<div class="filters" role="search"><label>Rubric <select id="f-rubric"><option value="">all</option>${options(rows.map((r) => r.rubric))}</select></label>` +
    `<label>Question <select id="f-question"><option value="">all</option>${options(rows.map((r) => r.question ?? ''))}</select></label>` +
    `<label>File <input id="f-file" type="search" placeholder="part of a name" autocomplete="off"></label>` +
    `<output id="f-count" aria-live="polite">${plural(rows.length, 'answer')}</output></div>` +
    `<table id="cohort"><caption>Every answer: choose a column heading to sort by it.</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

function pillarTable(rows: readonly Row[]): string {
  const tallies = [...tallyPillars(rows).entries()].sort(([, a], [, b]) => b.missing / b.asked - a.missing / a.asked || b.claimed / b.asked - a.claimed / a.asked || byCodePoint(a.name, b.name));
  if (!tallies.length) return '';
  const body = tallies
    .map(
      ([id, t]) =>
        `<tr><th scope="row">${esc(t.name)} <code>${esc(id)}</code></th><td class="num">${t.shown}</td><td class="num">${t.claimed}</td><td class="num">${t.missing}</td><td class="num">${t.asked}</td>` +
        `<td>${countBar([{ cls: 'ps-shown', n: t.shown, name: 'shown' }, { cls: 'ps-claimed', n: t.claimed, name: 'claimed' }, { cls: 'ps-missing', n: t.missing, name: 'missing' }], t.asked)}</td></tr>`,
    )
    .join('\n');
  return `<table class="tally"><caption>Pillars: how many answers show each, claim it only, or lack it (of the answers whose rubric asks for it)</caption><thead><tr><th scope="col">Pillar</th><th scope="col">Shown</th><th scope="col">Claimed</th><th scope="col">Missing</th><th scope="col">Asked</th><th scope="col"><span class="sr">Share</span></th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function ruleTable(rows: readonly Row[]): string {
  const tallies = [...tallyRules(rows).entries()].sort(([ra, a], [rb, b]) => b.answers - a.answers || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || byCodePoint(ra, rb));
  if (!tallies.length) return '<p>No answer trips any rule.</p>';
  const body = tallies
    .map(
      ([rule, t]) =>
        `<tr><th scope="row"><code>${esc(rule)}</code></th><td class="n${SEV[t.severity]}">${t.severity}</td><td class="num">${t.answers}</td><td class="num">${t.findings}</td>` +
        `<td>${countBar([{ cls: `s${SEV[t.severity]}`, n: t.answers, name: `of ${rows.length} answers trip it` }], rows.length)}</td></tr>`,
    )
    .join('\n');
  return `<table class="tally"><caption>Rules: how many answers trip each (worst severity seen)</caption><thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Answers</th><th scope="col">Findings</th><th scope="col"><span class="sr">Share</span></th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The overview section: numbers, histogram, common gaps, the table, pillars, rules, unreadable files. */
export function overview(rows: readonly Row[], errors: readonly FileError[], summary: Summary): string {
  const f = summary.findings;
  const stats =
    `<p class="stats">${plural(summary.analyzed, 'answer')} checked` +
    (summary.averageScore === null ? '' : ` · average score <b>${summary.averageScore}</b>`) +
    ` · ${plural(f.error, 'error')}, ${plural(f.warning, 'warning')}, ${f.info} info` +
    (summary.failed ? ` · <a href="#unreadable">${plural(summary.failed, 'file')} could not be checked</a>` : '') +
    '</p>';
  const gaps = commonGaps(rows).slice(0, 8);
  const gapList = gaps.length ? `<ol class="gaps">${gaps.map((g) => `<li><b>${g.n} of ${g.of}</b> answers ${esc(g.text)}</li>`).join('')}</ol>` : '<p>No common gaps.</p>';
  const unreadable = errors.length
    ? `<h3 id="unreadable">Files that could not be checked</h3><ul class="errs">${errors.map((e) => `<li><span class="fn">${esc(e.file)}</span>: ${esc(e.message)}</li>`).join('')}</ul>`
    : '';
  return (
    `<section id="overview" aria-labelledby="overview-h"><h2 id="overview-h">The cohort</h2>${stats}` +
    `<div class="glance"><figure><figcaption>Scores</figcaption>${histogram(rows.map((r) => r.score))}</figure>` +
    `<div><h3>Common gaps</h3>${gapList}</div></div>` +
    `<h3>Answers</h3>${table(rows)}` +
    `<div class="tallies"><div>${pillarTable(rows)}</div><div>${ruleTable(rows)}</div></div>${unreadable}</section>\n`
  );
}
