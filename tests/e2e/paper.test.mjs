// End-to-end: the committee paper's parts on the page: PI sets with their Off Target
// lists, narrative sections read from a sheet and written in the page, and a risk
// register with High Risks named; an axe check over all of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, open, fixtures, shots, tools } from './harness.mjs';

const files = ['service-plan-pis.csv', 'commentary.csv', 'risk-register.csv']
  .map((f) => path.join(fixtures, 'paper', f));

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

test('sets, commentary and risks are shown, and a section written in the page joins them', async () => {
  const { page, context, errors } = await open(site.browser, site.base, { bypassCSP: true });
  await page.setInputFiles('#file-input', files);
  await page.locator('table.pi-table').first().waitFor();
  assert.match(await page.locator('.file-list').textContent(), /narrative sections/);
  assert.match(await page.locator('.file-list').textContent(), /risk register/);

  const sets = page.locator('section.sets');
  assert.deepEqual(await sets.locator('h4').allTextContents(),
    ['Corporate PIs (latest)', 'Service Plan PIs (latest)', 'High Risks ▲3']);
  assert.deepEqual(await sets.locator('.set').nth(1).locator('.off-target-list li').allTextContents(),
    ['CLL.01 Qualifications achieved through CLL', 'CLL.02 Amount of funding gained to meet external funding target', 'CS.S3 Number of CHs deferred']);
  assert.match(await sets.locator('.high-risks').textContent(), /CS\.R\.01 Workforce capacity/);

  const narrative = page.locator('section.narrative');
  assert.deepEqual(await narrative.locator('h3').allTextContents(),
    ['01. Progress in delivery of strategic outcomes', '02. Challenges and Risks']);
  assert.equal(await narrative.first().locator('p').count(), 2);

  const risks = page.locator('table.risk-table tbody tr');
  assert.equal(await risks.count(), 5);
  assert.match(await risks.first().textContent(), /High; likelihood 4 × impact 4 = 16: High/);

  // A change in a % PI leads with percentage points (detail view's change sentence).
  await page.getByRole('button', { name: 'CLL.01 details' }).click();
  assert.match(await page.locator('.detail').textContent(), /Fewer courses could run face to face\./);

  // Written in the page, with the keyboard.
  await page.locator('.narrative-writer summary').focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Section title').fill('03. Next steps');
  await page.getByLabel('Text (a blank line starts a new paragraph)').fill('Recruit sessional tutors.');
  await page.getByRole('button', { name: 'Add to the report' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('section.narrative h3', { hasText: '03. Next steps' }).waitFor();
  assert.match(await page.locator('.file-list').textContent(), /Commentary – 03\. Next steps\.csv/);

  await page.screenshot({ path: path.join(shots, 'paper-1280.png'), fullPage: true });
  await page.addScriptTag({ path: path.join(tools, 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, []);
  assert.deepEqual(errors, []);
  await context.close();
});
