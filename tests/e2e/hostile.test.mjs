// End-to-end: every class of hostile input in tests/fixtures/hostile/classes.tsv (made by
// tests/fixtures/make_hostile.py), through the page as a user would give it. Each file is
// dropped on the page and each link opened: within seconds the page has finished with it
// (never left on "Reading…"), anything it says names the file, the page answers
// throughout, and a good file added afterwards is read without pressing Cancel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start, open, fixtures } from './harness.mjs';

const dir = path.join(fixtures, 'hostile', 'classes');
const classes = readFileSync(path.join(fixtures, 'hostile', 'classes.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => { const [file, kind, must] = l.split('\t'); return { file, kind, must }; });
const good = path.join(fixtures, 'samples', 'referrals-long.csv');

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

/** The page answers: a timer set now fires promptly. */
async function answers(page) {
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    setTimeout(() => resolve(performance.now() - t0), 0);
  }));
  assert.ok(ms < 500, `the page took ${ms} ms to answer`);
}

/** Waits until the engine is done, checking the page answers meanwhile. */
async function settles(page, what) {
  const t0 = Date.now();
  while (await page.locator('[data-testid=busy]').count()) {
    await answers(page);
    assert.ok(Date.now() - t0 < 15_000, `${what}: still reading after 15 s`);
    await page.waitForTimeout(100);
  }
}

async function goodFileStillCounts(page) {
  await page.setInputFiles('#file-input', good);
  await settles(page, 'the good file');
  await page.getByRole('cell', { name: /Number of referrals/ }).first().waitFor({ timeout: 5_000 });
}

for (const c of classes.filter((c) => !c.file.startsWith('link-'))) {
  test(`${c.file} (${c.kind.split(':')[0]}): the page finishes with it, names it, and keeps working`, async () => {
    const { page, context, errors } = await open(site.browser, site.base);
    await page.setInputFiles('#file-input', path.join(dir, c.file));
    await settles(page, c.file);
    const item = page.locator('.file-list li', { hasText: c.file });
    const what = await item.locator('.file-what').textContent();
    assert.doesNotMatch(what, /reading…/);
    // Whatever the page says about its files names the file.
    const problems = await page.locator('.notices.has-problems li').allTextContents();
    for (const p of problems) assert.ok(p.startsWith(c.file), `"${p}" does not name ${c.file}`);
    if (c.must.startsWith('notice:')) {
      assert.ok(problems.length > 0 || /could not be read/.test(what), `${c.file}: no message (${what})`);
    }
    if (c.must === 'exports') {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download XLSX' }).click();
      assert.match((await download).suggestedFilename(), /\.xlsx$/);
    }
    await goodFileStillCounts(page);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const c of classes.filter((c) => c.file.startsWith('link-'))) {
  test(`${c.file}: the link is refused with its reason and the page keeps working`, async () => {
    const fragment = readFileSync(path.join(dir, c.file), 'utf8').trim();
    const t0 = Date.now();
    const { page, context, errors } = await open(site.browser, `${site.base}#${fragment}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This share link could not be opened' });
    await alert.waitFor({ timeout: 5_000 });
    assert.ok(Date.now() - t0 < 10_000, 'the refusal came within seconds');
    const reason = c.must.replace(/^link-refused:/, '');
    assert.ok((await alert.textContent()).includes(reason), `${await alert.textContent()} lacks ${reason}`);
    await answers(page);
    await goodFileStillCounts(page);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
