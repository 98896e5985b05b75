import { createHash } from 'node:crypto';

// The page's one stylesheet and one script, inlined; the Content-Security-Policy allows exactly
// these two by their SHA-256 hashes and nothing else (no style attributes, no outside loads).
// Colours: the Okabe–Ito palette (told apart with every common colour-vision deficiency), and
// every colour has a second cue (a letter, a line style, a word) for print in grey.

export const STYLE = `
:root{--s:#56B4E9;--t:#E69F00;--a:#009E73;--r:#0072B2;--o:#CC79A7;--c:#999;--ink:#1b1b1b;--mute:#595959;--line:#d9d9d9;--e:#a33a00;--w:#7a5000;--i:#1d5c87;color-scheme:light}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff;margin:0 auto;max-width:82rem;padding:1rem 1.5rem 4rem}
a{color:#0b5394}
.skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:focus-visible{outline:3px solid var(--r);outline-offset:2px}
h1{font-size:1.6rem;margin:.4rem 0}h2{font-size:1.3rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem}
.top p{margin:0;color:var(--mute)}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.none{color:var(--mute);font-style:italic}
.stats{font-size:1.05rem}
.glance{display:flex;flex-wrap:wrap;gap:2.5rem;align-items:flex-start}
figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}
.gaps{margin:0;padding-left:1.4rem}.gaps li{margin:.15rem 0}
svg text{font-family:inherit;font-size:11px;fill:var(--ink)}
.bar{fill:var(--r)}.bg{fill:#ececec}.ax{font-size:10px;fill:var(--mute)}.axis{stroke:var(--mute)}
.p-situation{fill:var(--s);background:var(--s)}.p-task{fill:var(--t);background:var(--t)}.p-action{fill:var(--a);background:var(--a)}.p-result{fill:var(--r);background:var(--r)}.p-opening{fill:var(--o);background:var(--o)}.p-closing{fill:var(--c);background:var(--c)}
.ps-shown{color:#00664a;fill:var(--a)}.ps-claimed{color:var(--w);fill:var(--t)}.ps-missing{color:#6b6b6b;fill:#c8c8c8}
.se{fill:#D55E00}.sw{fill:var(--t)}.si{fill:var(--s)}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:middle}
caption{text-align:left;font-weight:600;padding:.3rem 0}
#cohort thead th{position:sticky;top:0;background:#fff;box-shadow:0 1px 0 var(--line)}
th button{font:inherit;font-weight:600;background:none;border:0;padding:.1rem 0;cursor:pointer;color:inherit;text-align:left}
th[aria-sort=ascending] .arrow::after{content:" \\25B2"}th[aria-sort=descending] .arrow::after{content:" \\25BC"}
#cohort td:first-child{word-break:break-all;max-width:16rem}
.num{text-align:right;font-variant-numeric:tabular-nums}
.pc{display:inline-block;min-width:1.1em;text-align:center;cursor:help}
.yes,.nope{text-align:center;font-size:1.1rem;font-weight:700}.yes{color:#00664a}.nope{color:var(--e)}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;margin:.5rem 0}
.filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
.filters select,.filters input{font:inherit;font-weight:400;max-width:24rem;padding:.15rem}
#f-count{color:var(--mute)}
.tallies{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:2rem;margin-top:1.5rem}
.tally th[scope=row]{font-weight:400}
.ne,.ne b{color:var(--e)}.nw,.nw b{color:var(--w)}.ni,.ni b{color:var(--i)}
.ce{color:var(--e)}.cw{color:var(--w)}.ci{color:var(--i)}
.errs .fn,.ans .fn{word-break:break-all}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;font-size:.85rem;padding:.5rem .7rem;border:1px solid var(--line);border-radius:4px;align-items:center;line-height:2}
.ans{border-top:2px solid var(--ink);margin-top:2.5rem;padding-top:.5rem}
.ans h3{margin:.2rem 0;font-size:1.15rem}
.q{margin:.1rem 0;font-style:italic}
.meta{margin:.2rem 0}.big{font-size:1.6rem;font-weight:700}.of{color:var(--mute);margin-right:.4rem}
.body{display:grid;grid-template-columns:17rem minmax(0,1fr);gap:1.5rem;margin-top:.6rem}
.side h4{margin:.8rem 0 .3rem;font-size:.92rem}.side h4:first-child{margin-top:0}
.fix{padding-left:1.3rem;margin:0;font-size:.88rem}.fix li{margin-bottom:.4rem}.more{color:var(--mute)}
.pil{list-style:none;padding:0;margin:0;font-size:.88rem}.pil .g{display:inline-block;width:1.1em}.st{color:var(--mute);font-size:.9em}
.l{display:grid;grid-template-columns:2rem 6px 1.5rem minmax(0,1fr) minmax(10rem,15rem);column-gap:.45rem;min-height:.5rem}
.no{grid-column:1;color:var(--mute);font-size:.72rem;text-align:right;padding-top:.35rem;font-variant-numeric:tabular-nums}
.bw{grid-column:2;position:relative}.band{position:absolute;inset:0;width:100%;height:100%;display:block}
.pt{grid-column:3;display:flex;flex-direction:column;gap:2px;padding-top:.2rem}
.pl{display:inline-block;width:1.4rem;height:1.4rem;line-height:1.4rem;text-align:center;font-size:.75rem;font-weight:700;color:#000;border-radius:3px;cursor:help}
.pl.p-result{color:#fff}
.tx{grid-column:4;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.8;padding:.05rem 0}
.m .tx{color:var(--mute)}
.nt{grid-column:5;list-style:none;margin:0;padding:.1rem 0 .1rem .55rem;border-left:3px solid var(--line);font-size:.78rem;line-height:1.35}
.nt li{margin:.1rem 0 .4rem}
.es{text-decoration:underline solid var(--ink) 2px;text-underline-offset:3px}
.ec{text-decoration:underline dashed var(--ink) 2px;text-underline-offset:3px}
.es.ec{text-decoration-style:solid}
.mt{background:#fff1a0;box-shadow:inset 0 0 0 1px #a88f00;border-radius:2px}
.jg{background:#fde3d5;outline:1px dotted #D55E00}
.fe,.fw,.fi{text-decoration-line:underline;text-decoration-style:wavy;text-decoration-thickness:1.5px;text-underline-offset:6px}
.fe{text-decoration-color:#D55E00}.fw{text-decoration-color:#b07800}.fi{text-decoration-color:var(--r)}
[data-tip],[data-n]{cursor:help}
#tip{position:absolute;z-index:10;max-width:28rem;background:var(--ink);color:#fff;padding:.4rem .6rem;border-radius:4px;font-size:.82rem;white-space:pre-line;pointer-events:none}
.keys{color:var(--mute);font-size:.85rem}
@media (max-width:60rem){.body{grid-template-columns:1fr}.l{grid-template-columns:2rem 6px 1.5rem minmax(0,1fr)}.nt{grid-column:4}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0;font-size:10pt}
.filters,#tip,.skip,.keys,.meta a,.arrow{display:none!important}
a{color:inherit;text-decoration:none}
#cohort thead th{position:static;box-shadow:none}
.ans{break-before:page}.l,tr,.side{break-inside:avoid}
.body{grid-template-columns:12rem minmax(0,1fr)}
.l{grid-template-columns:1.6rem 5px 1.3rem minmax(0,1fr) 11rem}
}
`;

export const SCRIPT = `
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const table = $('cohort');
  if (table) {
    const body = table.tBodies[0];
    const heads = [...table.tHead.rows[0].cells];
    table.tHead.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-col]');
      if (!button) return;
      const col = Number(button.dataset.col);
      const th = heads[col];
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const h of heads) h.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', dir);
      const num = th.dataset.type === 'num';
      const sign = dir === 'ascending' ? 1 : -1;
      const rows = [...body.rows];
      rows.sort((a, b) => {
        const x = a.cells[col].dataset.v ?? a.cells[col].textContent;
        const y = b.cells[col].dataset.v ?? b.cells[col].textContent;
        return sign * (num ? Number(x) - Number(y) : x.localeCompare(y)) || Number(a.dataset.i) - Number(b.dataset.i);
      });
      body.append(...rows);
    });
    const rubric = $('f-rubric');
    const question = $('f-question');
    const file = $('f-file');
    const count = $('f-count');
    const filter = () => {
      const r = rubric.value;
      const q = question.value;
      const f = file.value.trim().toLowerCase();
      let shown = 0;
      for (const tr of body.rows) {
        const show = (!r || tr.dataset.rubric === r) && (!q || tr.dataset.question === q) && (!f || tr.cells[0].textContent.toLowerCase().includes(f));
        tr.hidden = !show;
        const section = $('a' + tr.dataset.i);
        if (section) section.hidden = !show;
        if (show) shown++;
      }
      const all = body.rows.length;
      count.textContent = shown === all ? all + (all === 1 ? ' answer' : ' answers') : shown + ' of ' + all + ' answers';
    };
    rubric.addEventListener('change', filter);
    question.addEventListener('change', filter);
    file.addEventListener('input', filter);
  }
  const tip = $('tip');
  const MARK = '[data-tip],[data-n]';
  let owner = null;
  const hide = () => {
    if (owner) owner.removeAttribute('aria-describedby');
    owner = null;
    tip.hidden = true;
  };
  const show = (el) => {
    if (owner === el) return;
    hide();
    const lines = [];
    for (let at = el; at; at = at.parentElement && at.parentElement.closest(MARK)) {
      if (at.dataset.tip) lines.push(at.dataset.tip);
      for (const id of (at.dataset.n || '').split(' ')) if (id && $(id)) lines.push($(id).textContent);
    }
    tip.textContent = lines.join('\\n');
    tip.hidden = false;
    owner = el;
    el.setAttribute('aria-describedby', 'tip');
    const box = el.getBoundingClientRect();
    const left = Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(4, left + window.scrollX) + 'px';
    tip.style.top = box.bottom + window.scrollY + 6 + 'px';
  };
  document.addEventListener('mouseover', (e) => {
    const el = e.target.closest && e.target.closest(MARK);
    if (el) show(el);
    else if (owner && owner !== document.activeElement) hide();
  });
  document.addEventListener('focusin', (e) => {
    const el = e.target.closest && e.target.closest(MARK);
    if (el) show(el);
    else hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') return hide();
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
    if (e.key !== 'j' && e.key !== 'k') return;
    const sections = [...document.querySelectorAll('section.ans:not([hidden])')];
    const y = window.scrollY + 1;
    const next = e.key === 'j' ? sections.find((s) => s.offsetTop > y + 4) : sections.reverse().find((s) => s.offsetTop < y - 4);
    if (next) {
      next.scrollIntoView();
      next.querySelector('h3').setAttribute('tabindex', '-1');
      next.querySelector('h3').focus({ preventScroll: true });
    }
  });
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Nothing loads from anywhere: only this page's own stylesheet and script run. */
export const CSP = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
