// End-to-end: report-shaped tables (as a council publishes them) dropped as a workbook
// and pasted as text give the same PIs, notes and feeder data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { start, open, fixtures } from './harness.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

const rows = (page) => page.locator('table.pi-table tbody tr.pi-row');
const shaped = path.join(fixtures, 'shaped');

async function checkComplaints(page) {
  await page.locator('table.pi-table').first().waitFor();
  await page.locator('.report h2', { hasText: 'Q2 2018/19' }).waitFor();
  assert.equal(await rows(page).count(), 12);
  const notes = (await rows(page).locator('td.col-note').allTextContents()).map((n) => n.trim());
  assert.equal(notes.filter((n) => n.startsWith('Q2 18/19: Data Only')).length, 6);
  assert.equal(notes.filter((n) => n.startsWith('Q2 18/19: On Target')).length, 4);
  assert.ok(notes.includes('Q2 18/19: Off Target 2 of 8 stage 2 complaints off target.'), notes.join('\n'));
  assert.match(await page.locator('.report').first().textContent(), /Provide an efficient complaints service/);
}

test('the complaints table as published, dropped as a workbook', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  await page.setInputFiles('#file-input', path.join(shaped, 'complaints-q2-2018-19-as-published.xlsx'));
  await checkComplaints(page);
  assert.match(await page.locator('.file-list').textContent(), /report-shaped table \(12 PIs\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the complaints table as published, pasted as tab-separated text', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  const text = fs.readFileSync(path.join(shaped, 'complaints-q2-2018-19-as-published.tsv'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await checkComplaints(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('feeder data and their check show in a PI\'s details', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  await page.setInputFiles('#file-input', path.join(shaped, 'illustrative-report-shaped.xlsx'));
  await page.locator('table.pi-table').first().waitFor();
  await page.getByLabel('Search code or title').fill('invoices');
  await page.locator('.filter-count', { hasText: 'Showing 1 of' }).waitFor();
  await rows(page).first().locator('button').first().click();
  const detail = await page.locator('.detail').textContent();
  assert.match(detail, /Number received \(cumulative\)\s*12,500/);
  assert.match(detail, /11,500 of 12,500 is 92%/);
  assert.match(detail, /Priority: 03\. Pay suppliers promptly/);
  assert.deepEqual(errors, []);
  await context.close();
});
