// End-to-end: the engine comes in two builds. A CSV is read by the small one (no workbook
// reader or writer in it); the full one is fetched only when a workbook arrives or
// "Download XLSX" is pressed, and then it answers right: the files read again, the
// workbook's rows counted, the download a workbook with the report in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, open, fixtures } from './harness.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

// The service worker keeps both engines for use offline, fetching them itself; the page's
// own requests are what is counted here, so none is registered.
const noServiceWorker = { serviceWorkers: 'block' };
const csv = path.join(fixtures, 'samples', 'complaints-q2-2018-19.csv');
const workbook = path.join(fixtures, 'xlsx', 'council-q2.xlsx');

/** The engine files fetched from `from` on, by name. */
const engineFiles = (requests, from = 0) => requests.slice(from)
  .map((r) => new URL(r.url()).pathname.split('/').pop())
  .filter((name) => name.startsWith('engine'))
  .sort();

const small = ['engine_csv.js', 'engine_csv_bg.wasm', 'engine_csv_loader.js'];
const full = ['engine_full.js', 'engine_full_bg.wasm', 'engine_full_loader.js'];

/** The text of every XML part of a workbook. */
function workbookText(file) {
  return execFileSync('python3', ['-c',
    'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print("".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")))',
    file], { encoding: 'utf8' });
}

test('a CSV is read by the small engine; Download XLSX brings the full one, which writes the report', async () => {
  const { page, context, errors, requests } = await open(site.browser, site.base, noServiceWorker);
  await page.setInputFiles('#file-input', csv);
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await page.locator('tr.pi-row').count(), 12);
  const csvDownload = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.match(csvDownload[0].suggestedFilename(), /\.csv$/);
  assert.deepEqual(engineFiles(requests), small, 'a CSV and its CSV download need only the small engine');

  const before = requests.length;
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download XLSX' }).click()]);
  assert.match(dl.suggestedFilename(), /\.xlsx$/);
  const text = workbookText(await dl.path());
  assert.match(text, /CMP\.07/);
  assert.match(text, /CMP\.10/);
  assert.deepEqual(engineFiles(requests, before), full, 'the full engine, once');
  // The full engine read the file again: the report on screen is as before.
  assert.equal(await page.locator('tr.pi-row').count(), 12);
  assert.match(await page.locator('.file-list').textContent(), /complaints-q2-2018-19\.csv/);
  // No message from the engine (the alert region is there, empty).
  assert.deepEqual((await page.getByRole('alert').allTextContents()).filter((t) => t.trim()), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a workbook dropped after a CSV brings the full engine, which reads both', async () => {
  const { page, context, errors, requests } = await open(site.browser, site.base, noServiceWorker);
  await page.setInputFiles('#file-input', csv);
  await page.locator('table.pi-table').first().waitFor();
  assert.deepEqual(engineFiles(requests), small);
  const before = requests.length;
  await page.setInputFiles('#file-input', workbook);
  await page.waitForFunction(() => /council-q2\.xlsx.*indicator values \(long layout\): 5 rows/s
    .test(document.querySelector('.file-list').textContent));
  assert.deepEqual(engineFiles(requests, before), full);
  const list = await page.locator('.file-list').textContent();
  assert.match(list, /complaints-q2-2018-19\.csv/);
  assert.doesNotMatch(list, /could not be read|not supported/i);
  // No message from the engine (the alert region is there, empty).
  assert.deepEqual((await page.getByRole('alert').allTextContents()).filter((t) => t.trim()), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a workbook as the first file is read by the full engine', async () => {
  const { page, context, errors, requests } = await open(site.browser, site.base, noServiceWorker);
  await page.setInputFiles('#file-input', workbook);
  await page.waitForFunction(() => /council-q2\.xlsx.*indicator values \(long layout\): 5 rows/s
    .test(document.querySelector('.file-list')?.textContent ?? ''));
  await page.locator('table.pi-table').first().waitFor();
  // The small engine starts for the first file and hands the workbook on.
  assert.deepEqual(engineFiles(requests), [...small, ...full].sort());
  assert.deepEqual(errors, []);
  await context.close();
});
