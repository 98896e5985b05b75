import type { StarPart } from '../../answer/types.js';
import { STAR_PARTS } from '../../answer/types.js';
import { esc, pct } from './escape.js';
import { PART_NAME } from './text.js';

// Charts as plain SVG made here: sizes are attributes, colours come from the page's classes (the
// Content-Security-Policy allows no style attributes), and each chart names its numbers in words.

const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

/** A chart's accessible wrapper: an image named by its title, which is also its tooltip. */
function figure(width: number, height: number, label: string, body: string, cls: string): string {
  return `<svg class="${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"><title>${esc(label)}</title>${body}</svg>`;
}

/** The STAR balance as one bar: each part's share of the story's words, in story order. */
export function starBar(star: Record<StarPart, { share: number }>, width = 96, height = 12): string {
  let x = 0;
  let body = `<rect class="bg" width="${width}" height="${height}"/>`;
  for (const part of STAR_PARTS) {
    const w = star[part].share * width;
    if (w > 0) body += `<rect class="p-${part}" x="${f1(x)}" width="${f1(w)}" height="${height}"/>`;
    x += w;
  }
  const label = STAR_PARTS.map((p) => `${PART_NAME[p]} ${pct(star[p].share)}`).join(', ');
  return figure(width, height, label, body, 'sb');
}

/** Horizontal bars, one per named value from 0 to 1, with its percentage beside it. */
export function partBars(values: readonly { name: string; value: number }[], label: string): string {
  const row = 18;
  const barX = 70;
  const barW = 130;
  let body = '';
  values.forEach(({ name, value }, i) => {
    const y = i * row;
    const v = Math.max(0, Math.min(1, value));
    body += `<text x="${barX - 6}" y="${y + 12}" text-anchor="end">${esc(name)}</text>`;
    body += `<rect class="bg" x="${barX}" y="${y + 3}" width="${barW}" height="11"/>`;
    if (v > 0) body += `<rect class="bar" x="${barX}" y="${y + 3}" width="${f1(v * barW)}" height="11"/>`;
    body += `<text x="${barX + barW + 6}" y="${y + 12}">${pct(v)}</text>`;
  });
  const words = values.map((v) => `${v.name} ${pct(v.value)}`).join(', ');
  return figure(barX + barW + 40, values.length * row + 2, `${label}: ${words}`, body, 'pb');
}

/** Counts of shown / claimed / missing (or any named parts) as one stacked bar out of `total`. */
export function countBar(counts: readonly { cls: string; n: number; name: string }[], total: number, width = 120, height = 12): string {
  let x = 0;
  let body = `<rect class="bg" width="${width}" height="${height}"/>`;
  for (const c of counts) {
    const w = total ? (c.n / total) * width : 0;
    if (w > 0) body += `<rect class="${c.cls}" x="${f1(x)}" width="${f1(w)}" height="${height}"/>`;
    x += w;
  }
  return figure(width, height, counts.map((c) => `${c.n} ${c.name}`).join(', '), body, 'cb');
}

/** How many answers scored in each tenth: 0–9, 10–19, … 90–100. */
export function histogram(scores: readonly number[]): string {
  const bins = new Array<number>(10).fill(0);
  for (const s of scores) bins[Math.min(9, Math.max(0, Math.floor(s / 10)))]++;
  const max = Math.max(1, ...bins);
  const w = 30;
  const h = 110;
  const top = 16;
  let body = '';
  bins.forEach((n, i) => {
    const bh = (n / max) * h;
    const x = i * w + 2;
    body += `<rect class="bar" x="${x}" y="${f1(top + h - bh)}" width="${w - 4}" height="${f1(bh)}"/>`;
    if (n) body += `<text class="lb" x="${x + (w - 4) / 2}" y="${f1(top + h - bh - 4)}" text-anchor="middle">${n}</text>`;
    body += `<text class="ax" x="${x + (w - 4) / 2}" y="${top + h + 14}" text-anchor="middle">${i * 10}</text>`;
  });
  body += `<line class="axis" x1="0" x2="${10 * w}" y1="${top + h + 0.5}" y2="${top + h + 0.5}"/>`;
  const label = 'Scores: ' + bins.map((n, i) => `${i * 10}–${i === 9 ? 100 : i * 10 + 9}: ${n}`).join(', ');
  return figure(10 * w, top + h + 20, label, body, 'hg');
}
