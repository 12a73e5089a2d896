// End-to-end: the release build served on 127.0.0.1, driven in Debian's Chromium with
// playwright-core, as a user would use it. Run by scripts/test.sh after `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start, open as openAt, fixtures, shots } from './harness.mjs';

let site;
let base;

// Served from the folder above dist/ so the app runs under a sub-path, as on a real host.
before(async () => { site = await start({ dir: '.', subPath: 'dist/' }); base = site.base; });
after(async () => { await site?.stop(); });

const open = (options) => openAt(site.browser, base, options);

async function piRows(page) {
  return page.locator('table.pi-table tbody tr.pi-row').count();
}

test('the sample button shows the report, with published statuses', async () => {
  const { page, context, errors, foreign } = await open();
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await piRows(page), 12);
  const headers = await page.locator('table.pi-table thead th').allTextContents();
  for (const h of ['Code', 'Indicator', 'Target', 'Status', 'Short trend', 'Long trend']) {
    assert.ok(headers.includes(h), `header ${h} in ${headers}`);
  }
  // Every computed status matches the one the council published (in the Note column).
  const rows = page.locator('table.pi-table tbody tr.pi-row');
  for (let i = 0; i < 12; i++) {
    const status = (await rows.nth(i).locator('.status').textContent()).replace(/^\S+\s*/, '').trim();
    const note = await rows.nth(i).locator('.col-note').textContent();
    assert.ok(note.includes(`: ${status}`), `row ${i}: computed ${status}, published ${note}`);
  }
  await page.screenshot({ path: path.join(shots, 'sample-report.png'), fullPage: true });
  await page.getByRole('button', { name: 'CMP.07 details' }).click();
  await page.locator('.detail .reason').waitFor();
  assert.match(await page.locator('.detail .reason').textContent(), /15\.13 against a target of 20 \(lower is better\): On Target/);
  await page.screenshot({ path: path.join(shots, 'detail.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('a file chosen through the file input is read', async () => {
  const { page, context, errors, foreign } = await open();
  await page.setInputFiles('#file-input', [
    path.join(fixtures, 'samples', 'referrals-long.csv'),
  ]);
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await piRows(page), 4);
  assert.match(await page.locator('.file-list').textContent(), /referrals-long\.csv.*long layout.*6 rows/);
  assert.match(await page.locator('h2', { hasText: 'Performance report' }).textContent(), /Q1 2021\/22/);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('files dropped on the drop zone are read, and a bad one is named in an alert', async () => {
  const { page, context, errors, foreign } = await open();
  const good = readFileSync(path.join(fixtures, 'samples', 'complaints-q2-2018-19.csv'), 'latin1');
  await page.evaluate(async ({ good }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([good], 'complaints.csv', { type: 'text/csv' }));
    dt.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0])], 'chart.csv'));
    const zone = document.querySelector('[data-testid=dropzone]');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, { good });
  await page.locator('table.pi-table').first().waitFor();
  await page.locator('[role=alert] li').first().waitFor();
  assert.equal(await piRows(page), 12);
  const alert = await page.getByRole('alert').textContent();
  assert.match(alert, /chart\.csv: this looks like a PNG image, not a CSV or XLSX data file/);
  await page.screenshot({ path: path.join(shots, 'drop-with-bad-file.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('bad rows are named by file, row and column while good rows still count', async () => {
  const { page, context, errors } = await open();
  await page.setInputFiles('#file-input', {
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('code,period,value\nA,Q1 2018/19,12\nA,Q2 2018/19,twelve\nB,Q2 2018/19,4\n'),
  });
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await piRows(page), 2);
  assert.match(
    await page.getByRole('alert').textContent(),
    /broken\.csv, row 3, column 'value': expected a number such as 1,309, 98% or £15\.8m, found 'twelve'/,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page is served with a policy that forbids inline script and foreign connections', async () => {
  const html = await (await fetch(base)).text();
  assert.match(html, /Content-Security-Policy/);
  assert.match(html, /connect-src 'self'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
});

test('everything is reachable from the keyboard', async () => {
  const { page, context } = await open();
  const reached = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => {
      const e = document.activeElement;
      return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}:${(e.textContent || '').trim().slice(0, 30)}`;
    }));
  }
  assert.ok(reached.some((r) => r.startsWith('input#file-input')), reached.join(' | '));
  // Enter on the focused sample button loads the sample.
  await page.getByRole('button', { name: 'Try with sample data' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('table.pi-table').first().waitFor();
  await page.getByRole('button', { name: 'CMP.10 details' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.detail .reason').waitFor();
  assert.match(await page.locator('.detail .reason').textContent(), /Off Target/);
  await context.close();
});
