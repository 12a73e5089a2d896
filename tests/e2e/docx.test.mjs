// End-to-end: the Word download. The button asks the engine for the document; the file
// saved is a .docx (a zip) whose word/document.xml holds what the page shows: the PIs'
// titles with their statuses as symbol and words, and the committee paper's parts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { start, open, fixtures, shots } from './harness.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

const WORD = 'Download Word (.docx)';

/** The Word download, kept beside the screenshots as `keep` to look at. */
async function download(page, keep) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: WORD }).click()]);
  const file = { name: dl.suggestedFilename(), path: await dl.path() };
  mkdirSync(shots, { recursive: true });
  copyFileSync(file.path, path.join(shots, keep));
  return file;
}

/** The document part's text, its runs joined, as a reader of the XML would see it. */
function documentText(file) {
  assert.deepEqual([...readFileSync(file).subarray(0, 2)], [0x50, 0x4b], 'a zip (PK)');
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.match(xml, /^<\?xml/);
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  // Paragraph by paragraph, each paragraph's runs joined.
  const paragraphs = xml.split(/<\/w:p>/).map((p) => unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
  return { xml, paragraphs, text: paragraphs.join('\n') };
}

test('the Word button downloads a .docx holding each PI with its status', async () => {
  const { page, context, foreign, errors } = await open(site.browser, site.base);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor();
  const file = await download(page, 'sample.docx');
  assert.equal(file.name, 'scorecard-Q2-2018-19.docx');
  const { xml, paragraphs, text } = documentText(file.path);

  const rows = page.locator('table.pi-table tbody tr.pi-row');
  const count = await rows.count();
  assert.ok(count > 3, `${count} rows`);
  for (let i = 0; i < count; i++) {
    const title = (await rows.nth(i).locator('td.col-title').textContent()).trim();
    const status = (await rows.nth(i).locator('.status').textContent()).trim();
    assert.ok(text.includes(title), `the document holds the PI '${title}'`);
    // The status words after the symbol, as on screen (● Off Target, ✓ On Target, …).
    const words = status.replace(/^\S+\s*/, '').replace(/\s*\(.*$/, '');
    assert.ok(paragraphs.some((p) => p.includes(words)), `a status '${words}'`);
  }
  assert.ok(paragraphs.some((p) => /^● Off Target/.test(p)), 'an Off Target cell as symbol + words');
  assert.match(text, /Performance report: Q2 2018\/19/);
  assert.ok(paragraphs.includes('Actions'), 'the actions heading');
  assert.match(text, /MOMO \(Mind Of My Own\) app is being well used\./, 'an action\'s comment');
  assert.ok(paragraphs.includes('Key'), 'the key heading');
  assert.match(xml, /<w:tblHeader ?\/>/, 'table header rows repeat on each page');
  assert.match(xml, /w:orient="landscape"/);
  assert.deepEqual(foreign, [], 'the download sends nothing anywhere');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the committee paper: narrative sections, set summaries and risks', async () => {
  const { page, context, errors } = await open(site.browser, site.base);
  const files = ['service-plan-pis.csv', 'commentary.csv', 'risk-register.csv'].map((f) => path.join(fixtures, 'paper', f));
  await page.setInputFiles('#file-input', files);
  await page.locator('table.pi-table').first().waitFor();
  const { paragraphs, text } = documentText((await download(page, 'paper.docx')).path);
  assert.ok(paragraphs.includes('01. Progress in delivery of strategic outcomes'), 'a narrative heading');
  assert.ok(paragraphs.includes('Corporate PIs (latest)'), 'a set summary heading');
  assert.match(text, /CLL\.01 Qualifications achieved through CLL/, 'in an Off Target list');
  assert.match(text, /CS\.R\.01/);
  assert.match(text, /Workforce capacity/);
  assert.deepEqual(errors, []);
  await context.close();
});
