// End-to-end: the engine runs in a Web Worker. The first screen loads none of its code
// (it is started once the page is painted and idle);
// a large file shows progress while the page stays responsive; Cancel stops the read and
// goes back to the files before it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import os from 'node:os';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { start, open, shots } from './harness.mjs';

let site;
let big;
before(async () => {
  site = await start();
  // 300,000 rows (7,500 PIs x 40 quarters, about 27 MB): long enough to watch it read.
  const lines = ['code,title,group,period,value,target,polarity,tolerance'];
  for (let i = 0; i < 7500; i++) {
    for (let k = 0; k < 40; k++) {
      const fy = 2014 + Math.floor(k / 4);
      lines.push(`PI${String(i).padStart(6, '0')},Indicator number ${i} measured quarterly,Group ${i % 10},Q${(k % 4) + 1} ${fy}/${String((fy + 1) % 100).padStart(2, '0')},${(100 + ((i * 7 + k * 13) % 50)).toFixed(2)},120,up,5%`);
    }
  }
  big = path.join(mkdtempSync(path.join(os.tmpdir(), 'scorecard-')), 'big.csv');
  writeFileSync(big, lines.join('\n') + '\n');
});
after(async () => { await site?.stop(); });

// The engine is most of the site's bytes. Nothing of it is asked for before the first
// screen is painted: then, once the browser is idle, the page starts its engine (fetched,
// compiled and warmed while the user looks at the first screen) and the service worker
// keeps it for use offline (issue 16). The first file finds the engine ready: it
// downloads nothing more.
test('the first screen comes first; the engine follows once it is up, and the first file finds it ready', async () => {
  const { page, context, errors, requests } = await open(site.browser, site.base);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const painted = await page.evaluate(() => performance.timeOrigin
    + performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 60_000 });
  await page.locator('main[data-engine=ready]').waitFor({ timeout: 60_000 });
  const isEngine = (r) => new URL(r.url()).pathname.includes('engine');
  const early = requests.filter(isEngine);
  // The page starts its small engine; the service worker keeps both builds for use offline.
  const names = (rs) => [...new Set(rs.map((r) => new URL(r.url()).pathname.split('/').pop()))].sort();
  assert.deepEqual(names(early),
    ['engine_csv.js', 'engine_csv_bg.wasm', 'engine_csv_loader.js', 'engine_full.js', 'engine_full_bg.wasm', 'engine_full_loader.js']);
  assert.deepEqual(names(early.filter((r) => !r.serviceWorker())),
    ['engine_csv.js', 'engine_csv_bg.wasm', 'engine_csv_loader.js'], 'the page itself asks for the small engine only');
  for (const r of early) {
    assert.ok(r.timing().startTime > painted, `${r.url()} started ${painted - r.timing().startTime} ms before the first paint`);
  }
  const before = requests.length;
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor();
  const after = requests.slice(before).filter(isEngine);
  assert.deepEqual(after.map((r) => r.url()), [], 'the engine was there before the file');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a large file shows its progress and the page answers while it is read', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  await page.setInputFiles('#file-input', big);
  const bar = page.locator('[data-testid=busy] progress');
  await bar.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(shots, 'reading-progress.png') });
  assert.match(await page.locator('[data-testid=busy] [role=status]').textContent(), /Reading your data: \d+% of \d+ MB/);
  assert.match(await page.locator('.file-list').textContent(), /big\.csv\s*reading…/);
  // The page's own thread is free: a task queued now runs at once.
  const waited = await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    setTimeout(() => resolve(performance.now() - t0), 0);
  }));
  assert.ok(waited < 200, `a timer waited ${waited} ms while the file was read`);
  await page.locator('table.pi-table').first().waitFor({ timeout: 120_000 });
  assert.equal(await page.locator('[data-testid=busy]').count(), 0);
  assert.match(await page.locator('.file-list').textContent(), /big\.csv.*300000 rows/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Cancel stops a long read and goes back to the files before it', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor();
  await page.setInputFiles('#file-input', big);
  await page.locator('[data-testid=busy]').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('[data-testid=busy]').waitFor({ state: 'detached', timeout: 30_000 });
  const files = await page.locator('.file-list li .file-name').allTextContents();
  assert.deepEqual(files, ['complaints-q2-2018-19.csv', 'actions-q2-2018-19.csv']);
  await page.locator('table.pi-table').first().waitFor();
  assert.match(await page.locator('.report-head h2').textContent(), /Q2 2018\/19/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an opened PI shows its whole history, though rows carry only their latest points', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  const lines = ['code,title,period,value,target,polarity'];
  for (let k = 0; k < 12; k++) {
    const fy = 2016 + Math.floor(k / 4);
    lines.push(`H1,Twelve quarters,Q${(k % 4) + 1} ${fy}/${String((fy + 1) % 100).padStart(2, '0')},${50 + k},55,up`);
  }
  const file = path.join(path.dirname(big), 'history.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  await page.setInputFiles('#file-input', file);
  await page.getByRole('button', { name: 'H1 details' }).click();
  const history = page.locator('.detail .history-table tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('.detail .history-table tbody tr').length === 12);
  assert.equal(await history.count(), 12);
  assert.match(await history.first().textContent(), /Q1 2016\/17/);
  assert.deepEqual(errors, []);
  await context.close();
});
