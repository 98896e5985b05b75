#!/usr/bin/env node
// The README's screenshots of the HTML report of the shipped examples, taken in headless Chromium
// (Debian's `chromium`, or CHROMIUM_PATH): docs/report.png, the top of the page (the cohort), and
// docs/report-answer.png, one answer as the coach sees it. Run `npm run docs:screenshot`, then look
// at both before committing them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const ANSWER = 'examples/customer-service-strong.txt';
let html;
try {
  html = execFileSync(process.execPath, ['bin/answer-coach.js', 'check', 'examples', '--format', 'html'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
} catch (e) {
  html = e.stdout; // findings exit 1; the page is still complete
}
const dir = mkdtempSync(join(tmpdir(), 'answer-coach-shot-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 1240 } });
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: join(root, 'docs', 'report.png') });
  const answer = page.locator('section.ans', { has: page.locator('.fn', { hasText: ANSWER }) });
  // a mark in focus, to show its note
  await answer.locator('.tx .mt').first().focus();
  await answer.screenshot({ path: join(root, 'docs', 'report-answer.png') });
  console.log('docs/report.png, docs/report-answer.png');
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
