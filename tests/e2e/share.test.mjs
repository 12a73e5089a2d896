// End-to-end: results leave Scorecard as users pass reports around: CSV and XLSX
// downloads read back, share links (with and without data, damaged), remembered view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start, open, openYourData, fixtures, root } from './harness.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site?.stop(); });

const HOSTILE = 'code,title,period,value,target,polarity\n'
  + '=1+1,"=HYPERLINK(""http://evil.example"",""click"")",Q2 2018/19,3,5,up\n';

/** A CSV parser for the export's quoting (RFC 4180). */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); } else if (c !== '\r') field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 1);
}

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: dl.suggestedFilename(), path: await dl.path() };
}

async function withSample(page) {
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('table.pi-table').first().waitFor();
}

const screenStatuses = (page) => page.locator('tr.pi-row .status').evaluateAll((els) => els.map((e) => e.textContent.replace(/^\S*\s*/, '').trim()));

test('the CSV download reads back with the statuses on screen', async () => {
  const { page, context, foreign } = await open(site.browser, site.base);
  await withSample(page);
  const file = await download(page, 'Download CSV');
  assert.equal(file.name, 'scorecard-Q2-2018-19.csv');
  const rows = parseCsv(readFileSync(file.path, 'utf8').replace(/^\uFEFF/, ''));
  assert.equal(rows[0][8], 'Status');
  // The PIs end at the empty row; the actions follow with their comments.
  const end = rows.findIndex((r) => r.every((f) => f === ''));
  assert.deepEqual(rows.slice(1, end).map((r) => r[8]), await screenStatuses(page));
  assert.equal(rows[end + 1][6], 'Comment & planned improvement action');
  assert.ok(rows.slice(end + 2).some((r) => r[6].length > 0), 'the actions carry their comments');
  assert.deepEqual(foreign, [], 'a download sends nothing anywhere');
  await context.close();
});

test('the XLSX download reads back through calamine with the same statuses', async () => {
  const { page, context } = await open(site.browser, site.base);
  await withSample(page);
  const file = await download(page, 'Download XLSX');
  assert.equal(file.name, 'scorecard-Q2-2018-19.xlsx');
  const out = execFileSync('cargo', ['run', '-q', '-p', 'scorecard-core', '--example', 'xlsx_cells', '--', file.path], { cwd: root, encoding: 'utf8' });
  const sheet = out.split('## ')[2].split('\n');
  assert.match(sheet[0], /^Provide an efficient complaints/);
  const statuses = sheet.slice(5).filter((l) => l.startsWith('s:CMP')).map((l) => l.split('\t')[5].replace(/^s:\S+\s/, ''));
  assert.deepEqual(statuses, await screenStatuses(page));
  assert.match(out, /s:CMP\.10\ts:Percentage[^\n]*\tn:0\.75\tn:0\.95/, '75% stored as the number 0.75');
  await context.close();
});

test('a hostile title is neutralised in both downloads', async () => {
  const { page, context } = await open(site.browser, site.base);
  await page.setInputFiles('#file-input', { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(HOSTILE) });
  await page.locator('table.pi-table').first().waitFor();
  const csv = parseCsv(readFileSync((await download(page, 'Download CSV')).path, 'utf8').replace(/^\uFEFF/, ''));
  assert.equal(csv[1][1], "'=1+1");
  assert.equal(csv[1][2], '\'=HYPERLINK("http://evil.example","click")');
  const out = execFileSync('cargo', ['run', '-q', '-p', 'scorecard-core', '--example', 'xlsx_cells', '--', (await download(page, 'Download XLSX')).path], { cwd: root, encoding: 'utf8' });
  assert.match(out, /s:'=1\+1\ts:'=HYPERLINK\("http:\/\/evil.example","click"\)/, 'stored as text, never a formula');
  await context.close();
});

test('small numbers are suppressed on screen and in downloads when asked', async () => {
  const { page, context } = await open(site.browser, site.base);
  await withSample(page);
  await page.getByLabel('Suppress small numbers for publication').check();
  const cmp03 = page.locator('tr.pi-row', { hasText: 'CMP.03' });
  assert.equal((await cmp03.locator('td.current').textContent()).trim(), 'c');
  const csv = parseCsv(readFileSync((await download(page, 'Download CSV')).path, 'utf8').replace(/^\uFEFF/, ''));
  assert.deepEqual(csv.find((r) => r[1] === 'CMP.03').slice(4, 6), ['c', 'c']);
  await context.close();
});

test('a share link with the data reproduces the report in a fresh browser', async () => {
  const { page, context } = await open(site.browser, site.base);
  await withSample(page);
  await page.getByLabel('Off Target').check();
  await page.getByRole('button', { name: 'CMP.10 details' }).click();
  await page.getByRole('button', { name: 'Share…' }).click();
  const viewOnly = await page.getByLabel('Share link').inputValue();
  assert.doesNotMatch(viewOnly, /&d=/, 'without the box ticked, no data in the link');
  await page.getByLabel('Put the data in the link too').check();
  const link = await page.getByLabel('Share link').inputValue();
  assert.match(link, /#v=.*&d=/);
  const fresh = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const other = await fresh.newPage();
  const foreign = [];
  other.on('request', (r) => { if (!r.url().startsWith(new URL(site.base).origin)) foreign.push(r.url()); });
  await other.goto(link);
  await other.locator('.detail .reason').waitFor();
  assert.deepEqual(await other.locator('tr.pi-row th.code').allTextContents(), ['CMP.10', 'CMP.11']);
  assert.match(await other.locator('.detail .reason').textContent(), /75\.00% against a target of 95%/);
  assert.deepEqual(foreign, []);
  await fresh.close();
  await context.close();
});

test('a damaged, foreign or old link gives a clear message and an empty, working page', async () => {
  const cases = [
    // Made before links carried a format number.
    ['#v=eyJwZXJpb2Qi&d=eNrt3GkX13Meh', /made by another version of Scorecard/],
    ['#nonsense', /'nonsense' is not part of a Scorecard link/],
    ['#v=2.!!!', /damaged: it holds characters a link cannot/],
    ['#v=2.AAAA', /damaged or incomplete/],
  ];
  for (const [hash, message] of cases) {
    const { page, context, errors } = await open(site.browser, site.base + hash);
    await page.getByRole('alert').filter({ hasText: 'This share link could not be opened' }).waitFor();
    assert.match(await page.getByRole('alert').filter({ hasText: 'share link' }).textContent(), message);
    assert.equal(new URL(page.url()).hash, '', 'the damaged fragment is cleared');
    await withSample(page);
    assert.equal(await page.locator('tr.pi-row').count(), 12);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the view is remembered on this machine, and Clear everything forgets it', async () => {
  const { page, context } = await open(site.browser, site.base);
  await withSample(page);
  await page.getByLabel('Search code or title').fill('stage 2');
  await openYourData(page);
  await page.getByLabel('Keep my data in this browser on this computer').check();
  // The engine packs the data, then the page stores them.
  await page.waitForFunction(() => localStorage.getItem('scorecard.data'));
  await page.reload();
  await page.locator('table.pi-table').first().waitFor();
  assert.equal(await page.getByLabel('Search code or title').inputValue(), 'stage 2');
  assert.equal(await page.locator('tr.pi-row').count(), 2);
  await openYourData(page);
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Try with sample data' }).waitFor();
  assert.equal(await page.locator('table.pi-table').count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k === 'scorecard.data')), []);
  await context.close();
});
