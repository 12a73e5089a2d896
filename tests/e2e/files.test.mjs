// End-to-end: files as users really give them: pasted from Excel, workbooks, broken
// and hostile files, several at once, removed again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, open, openYourData, fixtures, shots } from './harness.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

const rows = (page) => page.locator('table.pi-table tbody tr.pi-row');

test('a range pasted from Excel (tab-separated) is read like a file', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  const text = 'Code\tIndicator\tPeriod\tValue\tTarget\tPolarity\n'
    + 'P1\tPasted indicator\tQ1 2019/20\t97%\t95%\tAim to Maximise\n'
    + 'P2\tAnother\tQ1 2019/20\t12\t10\tAim to Minimise\n';
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await rows(page).count(), 2);
  assert.match(await page.locator('.file-list').textContent(), /Pasted text 1.*long layout.*2 rows/);
  const statuses = await rows(page).locator('.status').allTextContents();
  assert.deepEqual(statuses.map((s) => s.trim()), ['✓ On Target', '● Off Target']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a workbook is read sheet by sheet, each recognised by its columns', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  await page.setInputFiles('#file-input', path.join(fixtures, 'xlsx', 'council-q2.xlsx'));
  await page.locator('table.pi-table').first().waitFor();
  const files = await page.locator('.file-list').textContent();
  assert.match(files, /indicator values \(long layout\): 5 rows; indicator definitions: 3 rows; population table: 1 row; actions: 1 row/);
  await page.getByLabel('Report period').selectOption('Q2 2018/19');
  await page.getByRole('button', { name: 'CMP.10 details' }).click();
  assert.match(await page.locator('.detail .reason').textContent(), /75\.0% against a target of 95%/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('broken and hostile files each get a clear message, the good rows still count', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  const hostile = ['zip-bomb.xlsx', 'truncated.xlsx', 'bad-number.csv', 'many-bad-rows.csv',
    'too-many-fields.csv', 'noise.csv', 'empty.csv'].map((f) => path.join(fixtures, 'hostile', f));
  await page.setInputFiles('#file-input', hostile);
  await page.waitForFunction(() => document.querySelectorAll('.file-list li').length === 7);
  await page.locator('table.pi-table').first().waitFor();
  const alert = await page.getByRole('alert').textContent();
  for (const expected of [
    /zip-bomb\.xlsx: the workbook would expand from .* when opened; it was refused to protect the page/,
    /truncated\.xlsx: this looks like a zip file but it is damaged or truncated/,
    /bad-number\.csv, row 3, column 'value': expected a number such as 1,309, 98% or £15\.8m, found 'twelve'/,
    /many-bad-rows\.csv, column 'value': 995 more rows had the same problem/,
    /too-many-fields\.csv, row 2: this row has 7 fields but the header has 6/,
    /noise\.csv: this does not look like a text \(CSV\) file/,
    /empty\.csv: the file is empty/,
  ]) {
    assert.match(alert, expected);
  }
  // Good rows: A and B from bad-number.csv, OK from many-bad-rows.csv, B from too-many-fields.csv.
  // The thousand PIs whose values were all bad are still listed, with no value; paged.
  // At Q1 2018/19: A (bad-number.csv), B (too-many-fields.csv), OK (many-bad-rows.csv).
  await page.getByLabel('Report period').selectOption('Q1 2018/19');
  await page.locator('.report h2', { hasText: 'Q1 2018/19' }).waitFor();
  const withValues = await page.evaluate(() => [...document.querySelectorAll('tr.pi-row')]
    .filter((r) => r.querySelector('td.current').textContent.trim() !== '-')
    .map((r) => r.querySelector('th.code').textContent.trim()).sort());
  assert.deepEqual(withValues, ['A', 'B']);
  // OK is the 1,001st row of its group, past the first page: the search finds it.
  await page.getByLabel('Search code or title').fill('fine');
  await page.locator('.filter-count', { hasText: 'Showing 1 of' }).waitFor();
  assert.equal((await rows(page).first().locator('td.current').textContent()).trim(), '1');
  await page.getByLabel('Search code or title').fill('');
  assert.match(await page.locator('button.show-more').first().textContent(), /Show 25 more of 100\d indicators/);
  const failed = await page.locator('.file-list li.failed').count();
  assert.equal(failed, 4, 'the four unreadable files are marked');
  await page.screenshot({ path: path.join(shots, 'hostile-files.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a later file replaces earlier values with a notice, and a file can be removed', async () => {
  const { page, context } = await open(site.browser, site.base);
  const csv = (v) => ({ name: `v${v}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`code,period,value\nX,Q1 2019/20,${v}\n`) });
  await page.setInputFiles('#file-input', [csv(5)]);
  await page.locator('table.pi-table').first().waitFor();
  await page.setInputFiles('#file-input', [csv(7)]);
  // Folded away with the files once there is a report; the fold's summary counts it.
  await page.locator('.notices.info', { hasText: 'replaces the one from v5.csv row 2' }).waitFor({ state: 'attached' });
  assert.equal(await page.locator('#your-data > summary').textContent(), 'Your data: 2 files read · 1 notice');
  await openYourData(page);
  assert.equal((await rows(page).first().locator('td.current').textContent()).trim(), '7');
  await page.getByRole('button', { name: 'Remove v7.csv' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.file-list li').length === 1);
  assert.equal((await rows(page).first().locator('td.current').textContent()).trim(), '5');
  assert.equal(await page.locator('.notices.info').count(), 0);
  await context.close();
});
