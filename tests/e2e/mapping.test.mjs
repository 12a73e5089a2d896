// End-to-end: the column mapping step. A file whose headers Scorecard cannot place is
// named and offered; mapped with the keyboard alone it gives the report; the mapping is
// kept in this browser and used for the same headers next time, until forgotten; a
// workbook's odd sheet is named and offered beside the good one. axe checks the step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, open, fixtures, tools, shots } from './harness.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

const ODD = 'Ref no,Measure,Qtr,Figure,Goal,Better when\n'
  + 'CMP.01,Complaints received,Q1 2018/19,120,100,down\n'
  + 'CMP.01,Complaints received,Q2 2018/19,95,100,down\n'
  + 'CMP.07,Average working days to respond at stage 2,Q1 2018/19,15.67,20,down\n'
  + 'CMP.07,Average working days to respond at stage 2,Q2 2018/19,15.13,20,down\n'
  + 'CMP.10,Stage 2 complete within 20 working days,Q2 2018/19,75%,95%,up\n';
const oddFile = { name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from(ODD) };

const rows = (page) => page.locator('table.pi-table tbody tr.pi-row');

async function axe(page) {
  await page.addScriptTag({ path: path.join(tools, 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test('odd headers are mapped with the keyboard alone, kept, used again, and forgotten', async () => {
  // axe is injected as a script, which the page's CSP rightly forbids: bypassed for this test.
  const { page, context, errors } = await open(site.browser, site.base, { bypassCSP: true });
  await page.setInputFiles('#file-input', oddFile);
  const step = page.getByRole('group', { name: 'odd.csv' });
  await step.waitFor();
  assert.match(await page.getByRole('alert').first().textContent(),
    /odd\.csv: no header row found: .*the first row reads 'Ref no, Measure, Qtr, Figure, Goal, Better when'\. The table was not read/);
  assert.match(await page.locator('.file-list').textContent(), /not read yet: choose what its columns hold/);
  assert.equal(await rows(page).count(), 0);

  // Open the step from the keyboard: focus lands in it, on the header row.
  await page.getByRole('button', { name: 'Choose what each column holds in odd.csv' }).focus();
  await press(page, 'Enter');
  const header = page.getByLabel('Row holding the headers');
  await header.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), await header.getAttribute('id'));
  assert.equal(await step.locator('table.mapping-preview tbody tr').count(), 5);
  assert.equal(await step.locator('thead th', { hasText: 'Figure' }).count(), 1);

  // Read at once: nothing names the indicator, and the reason is given as text.
  await press(page, 'Tab', 7);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Read with this mapping');
  await press(page, 'Enter');
  const problem = step.locator('.mapping-problem');
  await problem.waitFor();
  assert.match(await problem.textContent(), /Choose the column that holds each indicator's code or its title/);
  assert.deepEqual(await axe(page), []);

  // Back to column A, and a role for each column with the arrow keys.
  await press(page, 'Shift+Tab', 6);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), "Role of column A 'Ref no'");
  const downs = [1, 2, 4, 5, 10, 14]; // PI code, title, period, value, target, polarity
  for (const [i, n] of downs.entries()) {
    if (i > 0) await press(page, 'Tab');
    await press(page, 'ArrowDown', n);
  }
  assert.equal(await step.getByLabel("Role of column F 'Better when'").inputValue(), 'polarity');
  assert.match(await step.locator('.mapping-will').textContent(), /read as indicator values \(long layout\)/);
  await page.screenshot({ path: path.join(shots, 'mapping-step.png'), fullPage: true });
  await press(page, 'Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Read with this mapping');
  await press(page, 'Enter');

  await page.locator('table.pi-table').first().waitFor();
  await page.getByLabel('Report period').selectOption('Q2 2018/19');
  await page.locator('.report h2', { hasText: 'Q2 2018/19' }).waitFor();
  const statuses = await rows(page).locator('.status').allTextContents();
  assert.deepEqual(statuses.map((s) => s.trim()), ['✓ On Target', '✓ On Target', '● Off Target']);
  assert.match(await page.locator('.notices.info').textContent(),
    /odd\.csv: read as indicator values \(long layout\) with the column mapping you chose for these headers/);
  assert.equal(await page.getByRole('group', { name: 'odd.csv' }).count(), 0);
  assert.match(await page.locator('.mapping-kept').textContent(), /Ref no → PI code; Measure → Indicator title; Qtr → Period/);

  // Next time (a reload, the same file again): read at once with the kept mapping.
  await page.reload();
  await page.getByRole('button', { name: 'Try with sample data' }).waitFor();
  await page.setInputFiles('#file-input', oddFile);
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await rows(page).count(), 3);
  assert.match(await page.locator('.notices.info').textContent(), /with the column mapping you chose/);

  // Forgotten: the table is offered again.
  await page.getByRole('button', { name: 'Forget the mapping for headers Ref no, Measure, Qtr, Figure, Goal, Better when' }).focus();
  await press(page, 'Enter');
  await page.getByRole('group', { name: 'odd.csv' }).waitFor();
  assert.equal(await page.locator('table.pi-table').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('scorecard.mappings')), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a workbook's odd sheet is named in a notice and offered beside its good sheet", async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  await page.setInputFiles('#file-input', path.join(fixtures, 'xlsx', 'odd-sheet.xlsx'));
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await rows(page).count(), 1, 'the Values sheet is read');
  assert.match(await page.getByRole('alert').first().textContent(),
    /odd-sheet\.xlsx › Odd one: no header row found: .*'Performance return from the old system'\. The table was not read/);
  assert.match(await page.locator('.notices.info').textContent(), /odd-sheet\.xlsx › Empty: the sheet is empty/);
  const step = page.getByRole('group', { name: 'odd-sheet.xlsx › Odd one' });
  await step.getByRole('button', { name: 'Choose what each column holds in odd-sheet.xlsx › Odd one' }).click();
  // The title row is shown, and the row under it is taken as the header.
  assert.match(await step.getByLabel('Row holding the headers').locator('option:checked').textContent(), /Row 3: Ref no, Measure, Qtr, Figure/);
  for (const [col, role] of [["A 'Ref no'", 'code'], ["B 'Measure'", 'title'], ["C 'Qtr'", 'period'], ["D 'Figure'", 'value']]) {
    await step.getByLabel(`Role of column ${col}`).selectOption(role);
  }
  await step.getByRole('button', { name: 'Read with this mapping' }).click();
  await page.waitForFunction(() => document.querySelectorAll('table.pi-table tbody tr.pi-row').length === 2);
  assert.deepEqual(errors, []);
  await context.close();
});
