// End-to-end: a complaints case list dropped on the page becomes the SPSO indicators,
// with the counts behind each figure, and typed local holidays change the working days.
// Answers as worked out by hand in crates/core/tests/complaints.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, open, openYourData, fixtures, shots } from './harness.mjs';

const list = path.join(fixtures, 'complaints', 'two-row-2019-20.csv');

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

const value = (page, code) => page.locator('tr.pi-row', { has: page.locator('th.code', { hasText: code }) })
  .locator('td.current');

test('a case list becomes CMP indicators with their feeder data, and local holidays count', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  await page.setInputFiles('#file-input', [list]);
  await page.locator('table.pi-table').first().waitFor();
  assert.match(await page.locator('.file-list').textContent(), /complaints case list/);
  // The month-first date is named with its row and column.
  assert.match(await page.locator('.notices.has-problems').textContent(),
    /row 13, column 'Date received': expected the date the complaint was received in UK order/);
  await page.getByLabel('Report period').selectOption('Q3 2019/20');
  await page.locator('.report h2', { hasText: 'Q3 2019/20' }).waitFor();
  const group = page.locator('section.group', { hasText: 'Provide an efficient complaints service' });
  assert.match(await group.locator('tr.pi-row').first().textContent(), /Number of complaints received \(cumulative\)/);
  assert.match(await value(page, 'CMP.01').textContent(), /10$/);
  assert.match(await value(page, 'CMP.07').textContent(), /19\.50$/);
  assert.match(await value(page, 'CMP.10').textContent(), /50\.00%$/);
  // The counts behind 50%: 2 stage 2 complaints closed, 1 within 20 working days.
  await page.getByRole('button', { name: 'CMP.10 details' }).click();
  const feeder = page.locator('.detail .feeder-table');
  await feeder.waitFor();
  assert.deepEqual(await feeder.locator('tbody tr').allTextContents(),
    ['Stage 2 complaints closed2', 'Closed within 20 working days1']);
  await page.screenshot({ path: path.join(shots, 'complaints-q3.png'), fullPage: true });
  // A local holiday on Monday 14 October 2019, typed in and applied with the keyboard.
  await openYourData(page);
  await page.locator('#holidays summary').click();
  await page.getByLabel('Local holidays, one a line').fill('14/10/2019 Autumn holiday');
  await page.getByLabel('Local holidays, one a line').press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('.holiday-count', { hasText: '1 local holiday in use.' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('tr.pi-row')]
    .some((r) => r.querySelector('th.code')?.textContent.includes('CMP.06') && r.querySelector('td.current')?.textContent.endsWith('4.80')));
  assert.match(await value(page, 'CMP.07').textContent(), /18\.50$/);
  assert.deepEqual(errors, []);
  await context.close();
});
