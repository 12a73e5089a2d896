// End-to-end: the page's layout. At 1280×800 every column of the report is visible with
// no sideways scroll and nothing cut off, and once a file is read the summary and the
// first indicator row are in the first screen ("Your data" folds into one line that the
// keyboard opens); on a 375 px phone the page itself never scrolls sideways; printed, the
// report's tables fit the paper; axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, open, fixtures, shots, tools } from './harness.mjs';

const shaped = ['children-pi-report.xlsx', 'illustrative-report-shaped.xlsx']
  .map((f) => path.join(fixtures, 'shaped', f));

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

async function withSample(page) {
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor();
}

async function withShaped(page) {
  await page.setInputFiles('#file-input', shaped);
  await page.locator('table.pi-table').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table.pi-table').length >= 4);
}

/** What sticks out: the page's sideways scroll, and every shown table cell that runs past
 *  the viewport or its table's box, or whose content runs past the cell. */
function overflow(page) {
  return page.evaluate(() => {
    const de = document.documentElement;
    const cut = [];
    for (const cell of document.querySelectorAll('th, td')) {
      if (!cell.getClientRects().length || cell.closest('.visually-hidden')) continue;
      const r = cell.getBoundingClientRect();
      const wrap = cell.closest('.table-wrap');
      const right = Math.min(de.clientWidth, wrap ? wrap.getBoundingClientRect().right : Infinity);
      if (r.right > right + 1 || cell.scrollWidth > cell.clientWidth + 1) {
        cut.push(`${cell.closest('table').className} ${cell.tagName} "${cell.textContent.trim().slice(0, 24)}" right ${Math.round(r.right)} > ${Math.round(right)}`);
      }
    }
    const wide = [...document.querySelectorAll('.table-wrap')]
      .filter((w) => w.getClientRects().length && w.scrollWidth > w.clientWidth + 1)
      .map((w) => `${w.firstElementChild.className}: ${w.scrollWidth} > ${w.clientWidth}`);
    return { sideways: de.scrollWidth - de.clientWidth, cut, wide };
  });
}

async function axe(page) {
  await page.addScriptTag({ path: path.join(tools, 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('at 1280×800 the sample report shows every column and starts in the first screen', async () => {
  // axe is injected as a script, which the page's CSP rightly forbids: bypassed for this test.
  const { page, context, errors } = await open(site.browser, site.base, { viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await withSample(page);
  await page.screenshot({ path: path.join(shots, 'layout-1280.png') });
  const o = await overflow(page);
  assert.equal(o.sideways, 0, 'no sideways scroll');
  assert.deepEqual(o.cut, [], 'no cell cut off');
  assert.deepEqual(o.wide, [], 'no table scrolls inside its box');
  // Nothing was scrolled: these are places in the first screen.
  const top = (sel) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().toJSON());
  assert.ok((await top('.report > .summary')).bottom <= 800, 'the report summary is in the first screen');
  const first = await top('tr.pi-row');
  assert.ok(first.bottom <= 800, `the first indicator row is in the first screen (it ends at ${Math.round(first.bottom)} px)`);

  // "Your data" is one line saying what was read; the keyboard opens it onto the files.
  const summary = page.locator('#your-data > summary');
  assert.equal(await summary.textContent(), 'Your data: 2 files read');
  assert.equal(await page.locator('.file-list').isVisible(), false);
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.locator('.file-list', { hasText: 'actions-q2-2018-19.csv' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Clear everything' }).isVisible());

  // axe over the open fold and a PI's open detail.
  await page.getByRole('button', { name: 'CMP.07 details' }).click();
  await page.locator('.detail').waitFor();
  assert.deepEqual(await axe(page), []);
  assert.deepEqual((await overflow(page)).sideways, 0, 'an open detail does not widen the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 1280 px the report-shaped tables wrap their long titles and notes instead of cutting them off', async () => {
  const { page, context } = await open(site.browser, site.base, { viewport: { width: 1280, height: 800 } });
  await withShaped(page);
  const o = await overflow(page);
  assert.equal(o.sideways, 0, 'no sideways scroll');
  assert.deepEqual(o.cut, [], 'no cell cut off');
  assert.deepEqual(o.wide, [], 'no table scrolls inside its box');
  // The note column is there, right of the benchmark, with its words.
  const note = page.locator('tr.pi-row td.col-note', { hasText: 'Over 100 f' }).first();
  assert.ok(await note.isVisible());
  await context.close();
});

test('on a 375 px phone the page itself never scrolls sideways', async () => {
  for (const load of [withSample, withShaped]) {
    const { page, context } = await open(site.browser, site.base, { viewport: { width: 375, height: 812 }, isMobile: true });
    await load(page);
    await page.screenshot({ path: path.join(shots, `layout-375-${load.name}.png`) });
    const o = await overflow(page);
    assert.ok(o.sideways <= 0, `${load.name}: the page scrolls sideways by ${o.sideways} px`);
    // A table may scroll inside its own box on a phone, but nothing runs past the screen.
    assert.ok(await page.locator('.table-wrap').first().evaluate((w) => w.getBoundingClientRect().right <= 375));
    await context.close();
  }
});

test('printed, the tools are left out and every table fits the paper', async () => {
  // A4 landscape less the page margins is about 1030 CSS px wide.
  const { page, context } = await open(site.browser, site.base, { viewport: { width: 1030, height: 700 } });
  await withShaped(page);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.intake', '.export-bar', '.narrative-writer', '.toolbar']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is not printed`);
  }
  const o = await overflow(page);
  assert.deepEqual(o.cut, [], 'no cell cut off');
  assert.deepEqual(o.wide, [], 'no table wider than the paper');
  await context.close();
});
