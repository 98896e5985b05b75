import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/analyze/types.js';
import { STAR_PARTS } from '../../src/answer/types.js';
import { createWriter, FORMATS } from '../../src/batch/formats.js';
import { STYLE, SCRIPT } from '../../src/report/html/assets.js';
import { formatHtml } from '../../src/report/html/index.js';
import { formatWith } from '../../src/report/writer.js';
import { run } from '../cli/run.js';
import { all, attr, byClass, byId, byTag, classes, coverage, exampleResults, HOSTILE_NAME, HOSTILE_TEXT, hostileResult, parsePage, runOf, syntheticRun, text, type El } from './html-fixture.js';

const SEV = { error: 'fe', warning: 'fw', info: 'fi' } as const;

/** What the report says should be marked, as `line:index` → the classes drawn there. */
function marksOf(report: Report, source: string): Map<string, Set<string>> {
  const lines = source.split('\n').map((l) => l.replace(/\r$/, ''));
  const out = new Map<string, Set<string>>();
  const mark = (s: { line: number; column: number; endLine?: number; endColumn?: number }, cls: string) => {
    if (s.endLine === undefined || s.endColumn === undefined) return;
    for (let l = s.line; l <= s.endLine; l++) {
      const from = l === s.line ? s.column - 1 : 0;
      const to = l === s.endLine ? s.endColumn - 1 : lines[l - 1].length;
      for (let i = from; i < to; i++) {
        const key = `${l}:${i}`;
        if (!out.has(key)) out.set(key, new Set());
        out.get(key)!.add(cls);
      }
    }
  };
  for (const p of report.pillars) for (const e of p.evidence) mark(e, e.kind === 'shown' ? 'es' : 'ec');
  for (const m of report.metrics) mark(m, 'mt');
  for (const j of report.jargon) mark(j, 'jg');
  for (const f of report.findings) mark(f, SEV[f.severity]);
  return out;
}

/** The answer's rows as drawn: each line's number, text, classes per character, parts and notes. */
function rowsOf(section: El) {
  return byClass(section, 'l').map((row) => {
    const tx = byClass(row, 'tx')[0];
    const { text: t, marks } = coverage(tx);
    return {
      no: Number(text(byClass(row, 'no')[0])),
      text: t,
      marks,
      // one part: the band's own colour; several: stacked in an SVG
      parts: [...byClass(row, 'bw').flatMap((b) => classes(b).slice(1)), ...byTag(row, 'rect').map((r) => classes(r)[0])].map((c) => c.replace('p-', '')),
      notes: byTag(row, 'li').map((li) => text(byTag(li, 'code')[0])),
      id: attr(row, 'id'),
    };
  });
}

describe('html format: the shipped examples', () => {
  const results = exampleResults();
  const html = formatHtml(runOf(results), { version: '9.9.9' });
  const page = parsePage(html);

  it('parses without a single HTML error and has one section per answer, in order', () => {
    const sections = byClass(page, 'ans');
    expect(sections.map((s) => attr(s, 'id'))).toEqual(results.map((_, i) => `a${i}`));
    expect(sections.map((s) => text(byClass(s, 'fn')[0]))).toEqual(results.map((r) => r.file));
  });

  it("shows each answer's text exactly as written, line by line, with a number per line", () => {
    results.forEach((r, i) => {
      const rows = rowsOf(byId(page, `a${i}`));
      const lines = r.source!.split('\n').map((l) => l.replace(/\r$/, ''));
      expect(rows.map((row) => row.no)).toEqual(lines.map((_, n) => n + 1));
      expect(rows.map((row) => row.text), r.file).toEqual(lines);
    });
  });

  it('draws every verdict on its own words and nothing anywhere else: evidence by kind, metrics, jargon, findings by severity', () => {
    let drawn = 0;
    results.forEach((r, i) => {
      const want = marksOf(r.report, r.source!);
      const got = new Map<string, Set<string>>();
      for (const row of rowsOf(byId(page, `a${i}`)))
        row.marks.forEach((cls, at) => {
          if (cls.length) got.set(`${row.no}:${at}`, new Set(cls));
        });
      expect(got, r.file).toEqual(want);
      drawn += got.size;
    });
    expect(drawn).toBeGreaterThan(500); // the examples do have verdicts to draw
  });

  it('bands each line with the STAR parts of its sentences, in order, and notes each finding beside its line', () => {
    results.forEach((r, i) => {
      const rows = rowsOf(byId(page, `a${i}`));
      for (const row of rows) {
        const parts: string[] = [];
        for (const s of r.report.sentences) if (s.line <= row.no && row.no <= s.endLine && parts[parts.length - 1] !== s.part) parts.push(s.part);
        expect(row.parts, `${r.file}:${row.no}`).toEqual(parts);
        expect(row.notes, `${r.file}:${row.no}`).toEqual(r.report.findings.filter((f) => f.line === row.no).map((f) => f.rule));
        expect(row.id !== undefined, `${r.file}:${row.no} has an anchor only when it has notes`).toBe(row.notes.length > 0);
      }
    });
  });

  it("gives each answer its score parts as bars and up to three things to improve, errors first, one per rule, linked to their line", () => {
    results.forEach((r, i) => {
      const section = byId(page, `a${i}`);
      const bars = byClass(section, 'pb')[0];
      expect(byClass(bars, 'bg')).toHaveLength(Object.keys(r.report.scoreParts).length);
      const list = byClass(section, 'fix')[0];
      const fixes = list ? byTag(list, 'li') : [];
      const rules = new Set(r.report.findings.map((f) => f.rule));
      expect(fixes).toHaveLength(Math.min(3, rules.size));
      const named = fixes.map((li) => text(byTag(li, 'code')[0]));
      expect(new Set(named).size).toBe(named.length);
      if (r.report.findings.some((f) => f.severity === 'error')) expect(r.report.findings.find((f) => f.rule === named[0])!.severity).toBe('error');
      for (const li of fixes) expect(byId(page, attr(byTag(li, 'a')[0], 'href')!.slice(1)), r.file).toBeDefined();
    });
  });

  it('lists every answer in the overview table with its rubric, question, score, pillars, metric and counts', () => {
    const rows = byTag(byTag(byId(page, 'cohort'), 'tbody')[0], 'tr');
    expect(rows).toHaveLength(results.length);
    rows.forEach((tr, i) => {
      const { report, file } = results[i];
      const cells = byTag(tr, 'td');
      expect(attr(tr, 'data-rubric')).toBe(report.rubric);
      expect(attr(tr, 'data-question')).toBe(report.question ?? '');
      expect(attr(byTag(cells[0], 'a')[0], 'href')).toBe(`#a${i}`);
      expect(text(cells[0])).toBe(file);
      expect(Number(attr(cells[3], 'data-v'))).toBe(report.score);
      expect(byClass(cells[5], 'pc').map((c) => classes(c)[1])).toEqual(report.pillars.map((p) => `ps-${p.status}`));
      expect(attr(cells[6], 'data-v')).toBe(report.metrics.some((m) => m.part === 'result') ? '1' : '0');
      expect(Number(attr(cells[7], 'data-v'))).toBe(report.findings.filter((f) => f.severity === 'error').length);
      expect(Number(attr(cells[8], 'data-v'))).toBe(report.findings.filter((f) => f.severity === 'warning').length);
      // the STAR bar's widths are the parts' shares
      const widths = byTag(cells[4], 'rect').slice(1).map((rc) => Number(attr(rc, 'width')));
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(96 * STAR_PARTS.reduce((n, p) => n + report.star[p].share, 0), 0);
    });
    // the filters offer exactly the cohort's rubrics and questions
    const opts = (id: string) => byTag(byId(page, id), 'option').map((o) => attr(o, 'value'));
    expect(opts('f-rubric')).toEqual(['', ...[...new Set(results.map((r) => r.report.rubric))].sort()]);
    expect(opts('f-question')).toEqual(['', ...[...new Set(results.map((r) => r.report.question ?? ''))].sort()]);
  });

  it('counts the scores into a histogram of tenths and names the commonest gaps first', () => {
    const bins = new Array(10).fill(0);
    for (const r of results) bins[Math.min(9, Math.floor(r.report.score / 10))]++;
    const hg = byClass(page, 'hg')[0];
    expect(text(byTag(hg, 'title')[0])).toBe('Scores: ' + bins.map((n, i) => `${i * 10}–${i === 9 ? 100 : i * 10 + 9}: ${n}`).join(', '));
    const gaps = byTag(byClass(page, 'gaps')[0], 'li').map(text);
    const noMetric = results.filter((r) => !r.report.metrics.some((m) => m.part === 'result')).length;
    expect(gaps).toContain(`${noMetric} of ${results.length} answers have no measurable result`);
    const share = (g: string) => {
      const [, n, of] = /^(\d+) of (\d+)/.exec(g)!;
      return Number(n) / Number(of);
    };
    expect(gaps.map(share)).toEqual(gaps.map(share).sort((a, b) => b - a));
  });

  it('tallies each rule by the answers that trip it, most first', () => {
    const table = byClass(page, 'tally')[1];
    const rows = byTag(byTag(table, 'tbody')[0], 'tr').map((tr) => ({ rule: text(byTag(tr, 'code')[0]), answers: Number(text(byTag(tr, 'td')[1])) }));
    const want = new Map<string, number>();
    for (const r of results) for (const rule of new Set(r.report.findings.map((f) => f.rule))) want.set(rule, (want.get(rule) ?? 0) + 1);
    expect(new Map(rows.map((r) => [r.rule, r.answers]))).toEqual(want);
    expect(rows.map((r) => r.answers)).toEqual(rows.map((r) => r.answers).sort((a, b) => b - a));
  });
});

describe('html format: safe by construction', () => {
  const html = formatHtml(runOf([hostileResult(), ...exampleResults().slice(0, 2)], [{ file: 'bad <b>name</b>.txt', message: 'binary file, not text' }]), { version: '<1>' });
  const page = parsePage(html);

  it('shows markup in an answer, its file name and its question as text, never as elements or handlers', () => {
    expect(byTag(page, 'script')).toHaveLength(1);
    expect(byTag(page, 'img')).toHaveLength(0);
    expect(byTag(page, 'b').every((b) => !text(b).includes('fixed') && !text(b).includes('name'))).toBe(true);
    expect(all(page, (e) => e.attrs.some((a) => /^on/i.test(a.name)))).toEqual([]);
    const section = byId(page, 'a0');
    expect(text(byClass(section, 'fn')[0])).toBe(HOSTILE_NAME);
    const shown = rowsOf(section).map((r) => r.text);
    expect(shown[0]).toContain('<script>window.__pwned=1</script>');
    // the bidi override and the bell are shown as what they are, never obeyed
    expect(shown).toContain('A customer typed "><img src=x onerror="window.__pwned=2"> into our form & said \\u202eevil\\u202c text\\x07.');
    expect(shown).toContain('I listened and <b>fixed</b> it; we cut the wait by 30% using synergy.');
    expect(HOSTILE_TEXT).toContain('\u202e');
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(text(byId(page, 'unreadable').parentNode as El)).toContain('bad <b>name</b>.txt: binary file, not text');
  });

  it('allows only its own inline style and script, by hash, and loads nothing from anywhere', () => {
    const head = byTag(page, 'head')[0];
    const metas = byTag(head, 'meta');
    expect(attr(metas[0], 'charset')).toBe('utf-8');
    expect(attr(metas[1], 'http-equiv')).toBe('Content-Security-Policy');
    const csp = Object.fromEntries(attr(metas[1], 'content')!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    const hash = (el: El) => `'sha256-${createHash('sha256').update(text(el)).digest('base64')}'`;
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['style-src']).toEqual([hash(byTag(page, 'style')[0])]);
    expect(csp['script-src']).toEqual([hash(byTag(page, 'script')[0])]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    // nothing a browser would fetch, and no style attribute the policy would block
    expect(all(page, (e) => e.attrs.some((a) => a.name === 'style'))).toEqual([]);
    expect(all(page, (e) => e.attrs.some((a) => ['src', 'srcset', 'action', 'poster', 'data'].includes(a.name)))).toEqual([]);
    expect(all(page, (e) => e.tagName === 'link' || e.tagName === 'iframe' || e.tagName === 'object' || e.tagName === 'embed')).toEqual([]);
    const hrefs = all(page, (e) => attr(e, 'href') !== undefined).map((e) => attr(e, 'href'));
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter((h) => !h!.startsWith('#'))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//);
  });
});

describe('html format: the golden page', () => {
  it('matches the reviewed page for a hand-made report (update: npx vitest run test/report/html.test.ts -u, then review the diff)', async () => {
    // the stylesheet and script are the formatter's own constants, not data: the golden keeps their place, not their text
    const html = formatHtml(syntheticRun(), { version: '1.2.3' });
    expect(html).toContain(`<style>${STYLE}</style>`);
    expect(html).toContain(`<script>${SCRIPT}</script>`);
    await expect(html.replace(STYLE, '/* the page style */').replace(SCRIPT, '/* the page script */')).toMatchFileSnapshot('./__golden__/synthetic.html');
  });

  it('nests marks that cross, splitting the inner one, and lets only its first piece take the focus', () => {
    const page = parsePage(formatHtml(syntheticRun(), { version: '1.2.3' }));
    const rows = rowsOf(byId(page, 'a0'));
    // "I stay calm under pressure.": claimed evidence over "stay calm under", a hedge over "under pressure"
    const line3 = rows[2];
    expect(line3.text).toBe('I stay calm under pressure.');
    expect(line3.marks.map((m) => m.join(' '))).toEqual([...'I '].map(() => '').concat([...'stay calm '].map(() => 'ec'), [...'under'].map(() => 'ec fi'), [...' pressure'].map(() => 'fi'), ['']));
    const hedge = byTag(byClass(byClass(page, 'l')[2], 'tx')[0], 'span').filter((s) => classes(s).includes('fi'));
    expect(hedge).toHaveLength(2);
    expect(hedge.map((s) => attr(s, 'tabindex'))).toEqual(['0', undefined]);
    // the metric goes on from one line to the next
    expect(rows[3].marks.at(-1)).toEqual(['mt']);
    expect(rows[4].marks[0]).toEqual(['mt']);
    // a CRLF line shows without its \r
    expect(rows[0].text).toBe('# How do you handle pressure?');
    expect(rows[1].text).toBe('');
    // a finding of the whole answer is a note beside line 1; the one on line 3 gets two notes
    expect(rows[0].notes).toEqual(['star-missing']);
    expect(rows[2].notes).toEqual(['hedge', 'length']);
  });
});

describe('html format: in the batch', () => {
  it('is one page on stdout for `check --format html`, exit code as for any format', () => {
    const r = run(['check', 'examples', '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(r.stdout.endsWith('</html>\n')).toBe(true);
    expect(byClass(parsePage(r.stdout), 'ans')).toHaveLength(exampleResults().length);
  });

  it("leaves every other format's output byte-identical whether or not the answer's text comes along", async () => {
    const results = exampleResults();
    const bare = results.map(({ file, report }) => ({ file, report }));
    for (const format of FORMATS.filter((f) => f !== 'html')) {
      const options = { color: false, version: '9.9.9', failOn: 'error' as const };
      const withText = formatWith(await createWriter(format, options), runOf(results));
      expect(withText, format).toBe(formatWith(await createWriter(format, options), runOf(bare)));
    }
  });
});
