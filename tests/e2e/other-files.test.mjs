// End-to-end: files councils already have. An LGBF all-council download asks which
// council is ours (chosen with the keyboard), then shows its ranks, quartiles and
// family averages; the choice is remembered. NRS population estimates give a rate PI
// its per-1,000 figure for that council.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, open, fixtures } from './harness.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

const other = (f) => path.join(fixtures, 'other', f);
const rowText = async (page, code) => (await page.locator('tr.pi-row', {
  has: page.locator('th.code', { hasText: new RegExp(`^\\s*${code.replace('.', '\\.')}\\s*$`) }),
}).first().textContent()).replace(/\s+/g, ' ');

test('an LGBF download asks for our council once, then ranks it; population estimates give a rate', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  await page.setInputFiles('#file-input', [
    other('lgbf-all-councils.csv'), other('lgbf-definitions.csv'), other('lgbf-family-groups.csv'),
  ]);
  const choice = page.getByRole('combobox', { name: 'Which council is yours?' });
  await choice.waitFor();
  assert.match(await page.locator('.area-choice').textContent(), /figures of 32 councils/);
  assert.match(await page.locator('.empty-report').textContent(), /Choose your council above/);

  // The keyboard alone: focus the list, type the name, Tab to the button, Enter.
  await choice.focus();
  await page.keyboard.type('Midlothian');
  assert.equal(await choice.inputValue(), 'Midlothian');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('table.pi-table').first().waitFor();
  assert.match(await page.locator('.area-choice').textContent(), /Reporting for Midlothian/);

  // Worked out by tests/fixtures/other/make_other.py: 2019-20.
  const chn4 = await rowText(page, 'CHN4');
  assert.match(chn4, /56\.8/);
  assert.match(chn4, /Bottom Quartile \(26 of 31\)/);
  assert.match(chn4, /62\.6 Worse/);
  assert.match(chn4, /family group 2: 61\.8/);
  assert.match(await rowText(page, 'SW1'), /Bottom Quartile \(27 of 32\)/);
  assert.match(await page.locator('.notices.info').textContent(), /ranked on ENV2a with the highest value first/);
  assert.equal(await page.evaluate(() => localStorage.getItem('scorecard.area')), 'Midlothian');

  // A rate per 1,000 children aged 0-15 and the NRS estimates: Midlothian's 0-15 is 19,090.
  await page.setInputFiles('#file-input', [
    path.join(fixtures, 'samples', 'child-protection-rates.csv'), other('nrs-mid-2023.csv'),
  ]);
  await page.locator('th.code', { hasText: 'CP.01' }).waitFor();
  const cp = await rowText(page, 'CP.01');
  assert.match(cp, /-2\.2- Data Only/);
  assert.match(cp, /2\.3 Better/);

  // Next time, the remembered council is applied without asking.
  const again = await context.newPage();
  await again.goto(site.base);
  await again.getByRole('button', { name: 'Try with sample data' }).waitFor();
  await again.setInputFiles('#file-input', [other('lgbf-all-councils.csv')]);
  await again.locator('table.pi-table').first().waitFor();
  assert.match(await again.locator('.area-choice').textContent(), /Reporting for Midlothian/);
  assert.match(await rowText(again, 'CHN4'), /Bottom Quartile \(26 of 31\)/);
  assert.deepEqual(errors, []);
  await context.close();
});
