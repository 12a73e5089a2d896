// End-to-end: Scorecard after its first visit needs no network. The built site is
// published under a sub-path (team/reports/) beside a file of another folder; the service
// worker keeps that sub-path's own files and nothing else; with the network cut the page
// loads, reads a CSV and a workbook, exports and prints; a second build is picked up on
// the next visit with a quiet message, and Reload switches to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { start, open, fixtures, root, shots } from './harness.mjs';

const served = path.join(root, 'target', 'offline-site');
const folder = path.join(served, 'team', 'reports');
let site;

before(async () => {
  rmSync(served, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(path.join(root, 'dist'), folder, { recursive: true });
  // Another folder of the same host: none of Scorecard's business.
  writeFileSync(path.join(served, 'team', 'outside.txt'), 'another folder\n');
  site = await start({ dir: path.relative(root, served), subPath: 'team/reports/' });
});
after(async () => { await site?.stop(); });

/** A visit that records every URL asked for, the service worker's requests included. */
async function visit() {
  const opened = await open(site.browser, site.base);
  const urls = [];
  opened.context.on('request', (r) => urls.push(r.url()));
  return { ...opened, urls };
}

/** Until the service worker has every file and serves this page. */
async function untilServed(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null
    && navigator.serviceWorker.controller.state === 'activated', null, { timeout: 60_000 });
}

/** Every cache of the origin, with the URLs each holds. */
const cachesOf = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    out[name] = (await (await caches.open(name)).keys()).map((r) => r.url).sort();
  }
  return out;
});

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

async function dropCsv(page, name, text) {
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/csv' }));
    const zone = document.querySelector('[data-testid=dropzone]');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, { name, text });
}

test('after one visit, with the network cut, the page loads, reads files, exports and prints', async () => {
  const { page, context, errors, urls } = await visit();
  await untilServed(page);
  const origin = new URL(site.base).origin;

  // One cache, named for the sub-path, holding this folder's files and only those: the
  // page, its loader, both engines (the small one for CSV; the full one, with the workbook
  // reader and writer), the manifest and icons.
  const kept = await cachesOf(page);
  const names = Object.keys(kept);
  assert.equal(names.length, 1, `caches: ${names}`);
  assert.match(names[0], /^scorecard \/team\/reports\/ [0-9a-f]{16}$/);
  const files = kept[names[0]].map((u) => {
    assert.ok(u.startsWith(site.base), `${u} is outside ${site.base}`);
    return u.slice(site.base.length);
  });
  const built = execFileSync('find', ['.', '-type', 'f', '!', '-name', 'sw.js'], { cwd: folder, encoding: 'utf8' })
    .split('\n').filter(Boolean).map((f) => f.slice(2)).sort();
  assert.deepEqual(files, built);
  for (const f of ['index.html', 'loader.js', 'engine_csv_loader.js', 'engine_csv.js', 'engine_csv_bg.wasm',
    'engine_full_loader.js', 'engine_full.js', 'engine_full_bg.wasm', 'manifest.webmanifest', 'icons/icon-192.png']) {
    assert.ok(files.includes(f), `${f} is kept`);
  }

  await context.setOffline(true);
  // The network really is cut: a file of another folder cannot be had, and the service
  // worker does not answer for it.
  const outside = await page.evaluate(() => fetch('../outside.txt').then((r) => `fetched ${r.status}`, (e) => `failed: ${e.name}`));
  assert.equal(outside, 'failed: TypeError');

  await page.reload();
  await page.getByRole('button', { name: 'Try with sample data' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.onLine), false);

  // A CSV dropped on the page: the engine starts from the kept files and reads it.
  const csv = readFileSync(path.join(fixtures, 'samples', 'complaints-q2-2018-19.csv'), 'latin1');
  await dropCsv(page, 'complaints.csv', csv);
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await page.locator('table.pi-table tbody tr.pi-row').count(), 12);

  // A workbook: the full engine (the reader is there) takes over, from the kept files too.
  await page.setInputFiles('#file-input', path.join(fixtures, 'xlsx', 'council-q2.xlsx'));
  await page.locator('.file-list', { hasText: 'council-q2.xlsx' }).waitFor({ state: 'attached' });
  await page.waitForFunction(() => /council-q2\.xlsx.*indicator values \(long layout\): 5 rows/s.test(document.querySelector('.file-list').textContent));

  // Exports: CSV and XLSX (the workbook writer).
  const exported = await download(page, 'Download CSV');
  assert.match(exported.name, /^scorecard-.*\.csv$/);
  const text = exported.bytes.toString('utf8');
  assert.match(text, /CMP\.07/);
  assert.match(text, /CMP\.10/);
  const workbook = await download(page, 'Download XLSX');
  assert.match(workbook.name, /\.xlsx$/);
  assert.equal(workbook.bytes.subarray(0, 2).toString('latin1'), 'PK');

  // Print.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  writeFileSync(path.join(shots, 'offline-report.pdf'), pdf);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);
  await page.emulateMedia({ media: 'screen' });

  // Nothing went anywhere but this origin, the service worker's requests included.
  const elsewhere = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(elsewhere, []);
  // The browser says, in the console, that it could not check for a new release or
  // fetch the other folder's file while offline; nothing else may go wrong.
  const unexpected = errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to update a ServiceWorker/.test(e));
  assert.deepEqual(unexpected, []);
  await context.close();
});

test('the manifest is linked and served, and Chromium finds the site installable', async () => {
  const { page, context, errors } = await visit();
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  assert.equal(href, 'manifest.webmanifest');
  const manifest = await page.evaluate(async (href) => {
    const r = await fetch(href);
    return { type: r.headers.get('content-type'), body: await r.json() };
  }, href);
  assert.equal(manifest.type, 'application/manifest+json');
  assert.equal(manifest.body.short_name, 'Scorecard');
  assert.equal(manifest.body.start_url, '.');
  assert.equal(manifest.body.scope, '.');
  assert.equal(manifest.body.display, 'standalone');
  // Each icon is served, and a PNG's size (in its header) is the size the manifest says.
  for (const icon of manifest.body.icons) {
    const bytes = Buffer.from(await page.evaluate(async (src) => [...new Uint8Array(await (await fetch(src)).arrayBuffer())], icon.src));
    if (icon.type === 'image/png') {
      assert.equal(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.sizes, icon.src);
    } else {
      assert.match(bytes.toString('utf8'), /^<svg /);
    }
  }
  await untilServed(page);
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.url, `${site.base}manifest.webmanifest`);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A test browser's context is an incognito one, which is never offered installs; that
  // apart, nothing may stand in the way.
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second build is picked up on the next visit: a quiet message, and Reload switches', async () => {
  const { page, context, errors, urls } = await visit();
  await untilServed(page);
  const first = Object.keys(await cachesOf(page));
  assert.equal(first.length, 1);

  // A new release is published into the same folder: a changed page, a new sw.js.
  const index = path.join(folder, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head>\n  <meta name="scorecard-release" content="second" />'));
  execFileSync('python3', [path.join(root, 'scripts', 'make_sw.py'), folder]);

  // The next visit still shows the release it has (the page is never changed unasked)...
  await page.reload();
  await page.getByRole('button', { name: 'Try with sample data' }).waitFor();
  const release = () => page.evaluate(() => document.querySelector('meta[name=scorecard-release]')?.content ?? 'first');
  assert.equal(await release(), 'first');
  // ...and says, quietly, that a new one is ready.
  const notice = page.getByRole('status').filter({ hasText: 'A new version of Scorecard is ready.' });
  await notice.waitFor({ timeout: 60_000 });
  await page.screenshot({ path: path.join(shots, 'new-version-ready.png') });
  assert.equal(await release(), 'first');

  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await page.getByRole('button', { name: 'Try with sample data' }).waitFor();
  assert.equal(await release(), 'second');
  assert.equal(await notice.count(), 0);
  // The new release's cache replaced the old one.
  const second = Object.keys(await cachesOf(page));
  assert.equal(second.length, 1);
  assert.notEqual(second[0], first[0]);
  // And it works: the engine of the new release reads the sample.
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor();
  const origin = new URL(site.base).origin;
  assert.deepEqual(urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(errors, []);
  await context.close();
});
