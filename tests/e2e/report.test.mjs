// End-to-end: the report as a performance officer reads, filters, prints and checks it.
// All the published samples together, served as in app.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { start, open, fixtures, shots, tools } from './harness.mjs';

const samples = path.join(fixtures, 'samples');
const ALL = ['complaints-q2-2018-19.csv', 'actions-q2-2018-19.csv', 'referrals-long.csv',
  'child-protection-rates.csv', 'population.csv'].map((f) => path.join(samples, f));

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

async function loaded(options = {}) {
  const { page, context, errors } = await open(site.browser, site.base, options);
  await page.setInputFiles('#file-input', ALL);
  await page.locator('table.pi-table').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.file-list li').length === 5);
  return { page, context, errors };
}

const rows = (page) => page.locator('table.pi-table tbody tr.pi-row');

test('all samples load together, and the period selector changes the report', async () => {
  const { page, context, errors } = await loaded();
  // The latest period with data is the child protection figure's.
  assert.match(await page.locator('.report h2').textContent(), /Q4 2023\/24/);
  assert.equal(await rows(page).count(), 17);
  await page.getByLabel('Report period').selectOption('Q2 2018/19');
  await page.locator('.report h2', { hasText: 'Q2 2018/19' }).waitFor();
  const complaints = page.locator('section.group', { hasText: 'Provide an efficient complaints service' });
  assert.equal(await complaints.locator('tr.pi-row .status', { hasText: 'Off Target' }).count(), 2);
  assert.match(await complaints.locator('.narrative').textContent(), /4 of 6 indicators with a target are on target/);
  assert.match(await page.locator('.action-table').textContent(), /On Target/);
  await page.screenshot({ path: path.join(shots, 'all-samples-q2.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('filters by status, group and search, and sorts by a column', async () => {
  const { page, context } = await loaded();
  await page.getByLabel('Report period').selectOption('Q2 2018/19');
  await page.locator('.report h2', { hasText: 'Q2 2018/19' }).waitFor();
  await page.getByLabel('Off Target').check();
  await page.locator('.filter-count', { hasText: 'Showing 2 of 17' }).waitFor();
  assert.deepEqual(await rows(page).locator('th.code').allTextContents(), ['CMP.10', 'CMP.11']);
  await page.getByLabel('Off Target').uncheck();
  await page.getByLabel('Search code or title').fill('stage 2');
  await page.locator('.filter-count', { hasText: 'Showing 2 of 17' }).waitFor();
  await page.getByLabel('Search code or title').fill('');
  await page.getByLabel('Group').selectOption('Referrals');
  await page.locator('.filter-count', { hasText: 'Showing 4 of 17' }).waitFor();
  await page.getByLabel('Group').selectOption('');
  await page.locator('section.group').first().getByRole('button', { name: /^Status/ }).click();
  const first = await rows(page).first().locator('.status').textContent();
  assert.match(first, /Off Target/);
  assert.equal(await page.locator('section.group').first().locator('th[aria-sort=ascending]').count(), 1);
  await context.close();
});

test('the detail view explains a PI with a chart, its text alternative and its data', async () => {
  const { page, context } = await loaded();
  await page.getByLabel('Report period').selectOption('Q2 2018/19');
  await page.getByRole('button', { name: 'CMP.10 details' }).click();
  const detail = page.locator('.detail');
  await detail.waitFor();
  assert.match(await detail.locator('.reason').textContent(), /75\.00% against a target of 95% \(higher is better\): Off Target/);
  assert.match(await detail.locator('svg.chart').getAttribute('aria-label'), /Q2 2018\/19 75 \(Off Target\)/);
  assert.equal(await detail.locator('.history-table tbody tr').count(), 3, 'the three quarters (2017/18 is a year)');
  await page.getByRole('button', { name: 'CMP.10 details' }).click();
  assert.equal(await page.locator('.detail').count(), 0);
  // The child protection rate shows how it was worked out and which population year it used.
  await page.getByLabel('Report period').selectOption('');
  await page.getByRole('button', { name: 'CP.01 details' }).click();
  assert.match(await page.locator('.detail').textContent(), /42 ÷ 19,090 × 1,000 \(population 0-15, mid-2023 estimate\)/);
  assert.match(await page.locator('.detail').textContent(), /Benchmark: 2\.2 against 2\.3 \(Better\)/);
  await context.close();
});

test('printing gives the report without controls, as an A4 PDF', async () => {
  const { page, context } = await loaded();
  await page.getByLabel('Report period').selectOption('Q2 2018/19');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.dropzone', '.toolbar', '.period-select', '.help']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is hidden in print`);
  }
  assert.ok(await page.locator('table.pi-table').first().isVisible());
  assert.ok(await page.locator('.summary').first().isVisible());
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  writeFileSync(path.join(shots, 'report.pdf'), pdf);
  assert.ok(pdf.length > 10_000);
  await context.close();
});

test('axe-core finds no accessibility violation in the report', async () => {
  // axe is injected as a script, which the page's CSP rightly forbids: bypass it for this check only.
  const { page, context } = await loaded({ bypassCSP: true });
  await page.getByLabel('Report period').selectOption('Q2 2018/19');
  await page.getByRole('button', { name: 'CMP.07 details' }).click();
  await page.locator('.detail').waitFor();
  await page.addScriptTag({ path: path.join(tools, 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, []);
  await context.close();
});

test('on a phone the report is readable', async () => {
  const { page, context } = await loaded({ viewport: { width: 390, height: 844 }, isMobile: true });
  await page.getByLabel('Report period').selectOption('Q2 2018/19');
  await page.screenshot({ path: path.join(shots, 'phone.png'), fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page itself does not scroll sideways (${overflow}px)`);
  await context.close();
});
