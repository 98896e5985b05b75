// The HTML report in a real browser: Debian's headless Chromium, driven over the DevTools protocol
// by playwright-core (which never downloads a browser of its own). .ci/run installs chromium; where
// it is missing these tests say so and are skipped, and the rest of the suite still runs.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/run.js';
import { HOSTILE_TEXT } from './html-fixture.js';
// @ts-expect-error: a plain .mjs script without types
import { generateCorpus } from '../../scripts/gen-corpus.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`html-browser.test.ts: SKIPPED — no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does, or set CHROMIUM_PATH)`);

/** 300 generated answers of about 250 words measured 4.1 MB; the budget leaves room, not a second page. */
const BUDGET_300 = 5 * 1024 * 1024;
const HOSTILE_FILE = '"><svg onload=alert(1)>.md';

let dir: string;
let browser: Browser;
let server: Server;
let base: string;
/** Every path the page asked the server for. */
const served: string[] = [];

/** `answer-coach check ARGS --format html > dir/NAME`, as a user would run it. */
function check(args: string[], name: string): void {
  const fd = openSync(join(dir, name), 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, 'check', ...args, '--format', 'html'], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`check failed (${r.status}): ${r.stderr}`);
  } finally {
    closeSync(fd);
  }
}

/** Opens a page served from here and records what it logs, fails on, and asks the network for. */
async function open(name: string, viewport = { width: 1280, height: 1000 }) {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(`${m.type()}: ${m.text()}`) : 0));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${base}/${name}`, { waitUntil: 'load' });
  return { page, problems, requests };
}

const visibleColumn = (page: Page, n: number) => page.$$eval(`#cohort tbody tr:not([hidden]) td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent!.trim()));

describe.skipIf(!HAVE_CHROMIUM)('html report in headless Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'answer-coach-html-'));
    mkdirSync(join(dir, 'hostile'));
    writeFileSync(join(dir, 'hostile', HOSTILE_FILE), HOSTILE_TEXT);
    check(['examples', join(dir, 'hostile')], 'examples.html');
    generateCorpus(join(dir, 'corpus'), 300, 11);
    check([join(dir, 'corpus')], 'corpus.html');
    server = createServer((req, res) => {
      served.push(req.url ?? '');
      const file = join(dir, (req.url ?? '').replace(/^\//, ''));
      if (/^\/\w+\.html$/.test(req.url ?? '') && existsSync(file)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(readFileSync(file));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens with no console error, no request but the page itself, and no blocked load; the screenshot is taken', async () => {
    served.length = 0;
    const { page, problems, requests } = await open('examples.html');
    // give a favicon or any late fetch the chance to happen
    await page.waitForTimeout(500);
    expect(problems).toEqual([]);
    expect(requests).toEqual([`${base}/examples.html`]);
    expect(served).toEqual(['/examples.html']);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    const shot = await page.screenshot({ path: join(dir, 'examples.png') });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    expect(shot.length).toBeGreaterThan(20_000); // a drawn page, not a blank one
    await page.close();
  });

  it('forbids outside loads even to script run in the page', async () => {
    served.length = 0;
    const { page, problems } = await open('examples.html');
    const outcome = await page.evaluate(async (url) => {
      const img = document.createElement('img');
      img.src = url + '/pixel.png';
      document.body.append(img);
      try {
        await fetch(url + '/data.json');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    }, base);
    await page.waitForTimeout(200);
    expect(outcome).toBe('blocked');
    expect(served).toEqual(['/examples.html']);
    expect((await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).map((v) => v.split(' ')[0]).sort()).toEqual(['connect-src', 'img-src']);
    expect(problems.length).toBeGreaterThan(0); // Chromium reports each blocked load: the policy is live
    await page.close();
  });

  it("renders the hostile answer's markup, file name and question as text", async () => {
    const { page } = await open('examples.html');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.images.length)).toBe(0);
    expect(await page.locator('svg[onload]').count()).toBe(0);
    const section = page.locator('section.ans', { has: page.locator('.fn', { hasText: HOSTILE_FILE }) });
    expect(await section.count()).toBe(1);
    const text = await section.locator('.text').innerText();
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('"><img src=x onerror="window.__pwned=2">');
    expect(text).toContain('<b>fixed</b>');
    expect(await section.locator('.q').innerText()).toContain('<script>');
    await page.close();
  });

  it('sorts the table by any column, both ways', async () => {
    const { page } = await open('examples.html');
    const score = page.locator('#cohort thead button', { hasText: 'Score' });
    await score.click();
    const up = (await visibleColumn(page, 4)).map(Number);
    expect(up.length).toBe(13);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.locator('#cohort thead th').nth(3).getAttribute('aria-sort')).toBe('ascending');
    await score.press('Enter'); // the keyboard works the same
    const down = (await visibleColumn(page, 4)).map(Number);
    expect(down).toEqual([...up].reverse().sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(down[down.length - 1]);
    await page.locator('#cohort thead button', { hasText: 'File' }).click();
    const files = await visibleColumn(page, 1);
    expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b)));
    await page.close();
  });

  it('filters by rubric, question and file name, hiding the answers filtered out too', async () => {
    const { page } = await open('examples.html');
    const all = await page.$$eval('#cohort tbody tr', (trs) => trs.map((tr) => ({ rubric: (tr as HTMLElement).dataset.rubric, question: (tr as HTMLElement).dataset.question, i: (tr as HTMLElement).dataset.i })));
    await page.selectOption('#f-rubric', 'behavioral');
    const behavioral = all.filter((r) => r.rubric === 'behavioral');
    expect(behavioral.length).toBeGreaterThan(1);
    expect(await visibleColumn(page, 3)).toEqual(behavioral.map(() => 'behavioral'));
    expect(await page.locator('#f-count').innerText()).toBe(`${behavioral.length} of ${all.length} answers`);
    for (const r of all) expect(await page.locator(`#a${r.i}`).isVisible(), `answer ${r.i}`).toBe(r.rubric === 'behavioral');
    await page.selectOption('#f-question', behavioral[0].question!);
    expect(await visibleColumn(page, 2)).toEqual([behavioral[0].question]);
    await page.selectOption('#f-rubric', '');
    await page.selectOption('#f-question', '');
    await page.fill('#f-file', 'WEAK');
    const weak = await visibleColumn(page, 1);
    expect(weak.length).toBe(4);
    expect(weak.every((f) => f.includes('weak'))).toBe(true);
    await page.fill('#f-file', '');
    expect(await page.locator('#f-count').innerText()).toBe(`${all.length} answers`);
    await page.close();
  });

  it('shows rule and message on focus or hover of a mark, moves on with Tab, hides on Escape; j goes to the next answer', async () => {
    const { page } = await open('examples.html');
    const tip = page.locator('#tip');
    expect(await tip.isVisible()).toBe(false);
    const finding = page.locator('.tx [data-n][tabindex="0"]').first();
    await finding.focus();
    expect(await tip.isVisible()).toBe(true);
    const note = await page.locator(`[id="${(await finding.getAttribute('data-n'))!.split(' ')[0]}"]`).innerText();
    expect(await tip.innerText()).toContain(note);
    expect(note).toMatch(/^(error|warning|info) [a-z-]+ \S/);
    expect(await finding.getAttribute('aria-describedby')).toBe('tip');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-tip') ?? document.activeElement?.getAttribute('data-n'));
    expect(next).toBeTruthy();
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    const evidence = page.locator('.tx .es').first();
    await evidence.hover();
    expect(await tip.innerText()).toMatch(/, shown: /);
    // j from the top: the first answer's heading takes the focus
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.closest('section.ans')?.id)).toBe('a0');
    await page.close();
  });

  it('prints without the controls and the tooltip, each answer on its own page', async () => {
    const { page } = await open('examples.html');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.$eval('#a1', (s) => getComputedStyle(s).breakBefore)).toBe('page');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('keeps a page of 300 answers under its size budget, and it still opens cleanly and sorts', async () => {
    const size = readFileSync(join(dir, 'corpus.html')).length;
    expect(size).toBeLessThan(BUDGET_300);
    const { page, problems, requests } = await open('corpus.html');
    expect(await page.locator('#cohort tbody tr').count()).toBe(300);
    expect(await page.locator('section.ans').count()).toBe(300);
    await page.locator('#cohort thead button', { hasText: 'Score' }).click();
    const scores = (await visibleColumn(page, 4)).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(problems).toEqual([]);
    expect(requests).toEqual([`${base}/corpus.html`]);
    await page.close();
  });
});
