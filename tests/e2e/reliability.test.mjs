// End-to-end: no engine trouble leaves the page on "Reading…". An engine that dies is
// restarted with the user's files; a stale one (an older release's script) is replaced;
// one that cannot start at all is given up with a message, and the page keeps answering.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, open, fixtures, shots } from './harness.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

const sample = path.join(fixtures, 'samples', 'referrals-long.csv');

/** The page still answers: a timer set now fires promptly. */
async function answers(page) {
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    setTimeout(() => resolve(performance.now() - t0), 0);
  }));
  assert.ok(ms < 500, `the page took ${ms} ms to answer`);
}

test('an engine that dies while reading is restarted and the file is read after all', async () => {
  const { page, context } = await open(site.browser, site.base);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor();
  // The engine (started once the page was idle, or by the click) is the page's one worker.
  const [worker] = page.workers().filter((w) => w.url().includes('engine_csv_loader'));
  // The engine throws at the next message it gets: a crash the page must notice.
  await worker.evaluate(() => {
    self.onmessage = () => { throw new Error('the engine crashed (test)'); };
  });
  await page.setInputFiles('#file-input', sample);
  await page.getByRole('alert').filter({ hasText: 'engine stopped while reading your files and was restarted; every file has been read again' })
    .waitFor({ timeout: 10_000 });
  await page.locator('[data-testid=busy]').waitFor({ state: 'detached', timeout: 10_000 });
  const files = await page.locator('.file-list li').allTextContents();
  assert.equal(files.length, 3);
  assert.ok(files.every((f) => !/reading…|could not be read/.test(f)), files.join(' | '));
  assert.match(await page.locator('main').textContent(), /referrals/i);
  await answers(page);
  await page.screenshot({ path: path.join(shots, 'engine-restarted.png'), fullPage: true });
  await context.close();
});

// The two tests below stand in for the network with page.route, which a service worker
// answering from its cache would go round (issue 16's offline copy): no service worker here.
const noServiceWorker = { serviceWorkers: 'block' };

test('a stale engine (an older release still cached) is replaced and the files are read', async () => {
  let served = 0;
  // Routed before the page opens: its engine starts as soon as the first screen is up.
  const { page, context } = await open(site.browser, site.base, {
    ...noServiceWorker,
    prepare: (p) => p.route('**/engine_csv_loader.js*', async (route) => {
      if (served++ > 0) return route.fallback();
      // The ready message of protocol 1: postcard's FromEngine::Ready { protocol: 1 }.
      await route.fulfill({ contentType: 'text/javascript', body: 'postMessage(new Uint8Array([0, 1]));' });
    }),
  });
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor({ timeout: 10_000 });
  await page.getByRole('alert').filter({ hasText: 'Scorecard has been updated since this page was opened' }).waitFor();
  assert.equal(served, 2, 'a second, current engine was started');
  assert.equal(await page.locator('tr.pi-row').count(), 12);
  await context.close();
});

test('an engine that cannot start is given up with a message, and the page keeps answering', async () => {
  let asked = 0;
  const { page, context } = await open(site.browser, site.base, {
    ...noServiceWorker,
    prepare: (p) => p.route('**/engine_csv_bg.wasm*', (route) => {
      asked++;
      return route.fulfill({ contentType: 'application/wasm', body: Buffer.from('not a wasm module') });
    }),
  });
  // The engine started once the page is idle fails without a word; the first file meets
  // the failure.
  await page.waitForFunction(() => document.querySelector('main[data-engine]'));
  for (let i = 0; i < 100 && asked === 0; i++) await page.waitForTimeout(100);
  assert.equal(asked, 1, 'the engine was started before the first file');
  await page.waitForTimeout(500);
  assert.deepEqual((await page.getByRole('alert').allTextContents()).filter((t) => t.trim()), []);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByRole('alert').filter({ hasText: 'stopped several times in a row. Reload the page' })
    .waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('[data-testid=busy]').count(), 0, 'not left on "Reading…"');
  await answers(page);
  await page.getByRole('button', { name: 'Remove all files' }).click();
  await context.close();
});
