// Shared by the end-to-end tests: serve the built site on 127.0.0.1 and drive Debian's
// Chromium with playwright-core. Nothing here reaches beyond this machine.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import net from 'node:net';

const require = createRequire(import.meta.url);
export const root = path.resolve(import.meta.dirname, '..', '..');
export const tools = path.join(root, 'tools', 'node_modules');
export const fixtures = path.join(root, 'tests', 'fixtures');
export const shots = path.join(root, 'target', 'screenshots');
mkdirSync(shots, { recursive: true });
const { chromium } = require(path.join(tools, 'playwright-core'));

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Serves `dir` (relative to the project) with Python's http.server and starts Chromium.
 * `subPath` is where dist/ appears under the server's root, to check that the site
 * works from any sub-path. Returns { base, browser, stop }.
 */
export async function start({ dir = 'dist', subPath = '' } = {}) {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1',
    '--directory', path.join(root, dir)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/${subPath}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(base)).ok) break; } catch {}
    if (i > 100) throw new Error(`server at ${base} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    base,
    browser,
    stop: async () => { await browser.close(); server.kill(); },
  };
}

/**
 * A fresh page at `base`, recording console errors and every request that leaves the
 * origin, once the app has rendered its first screen. `options` go to the browser context,
 * but for `prepare`, a function of the page run before it opens.
 */
export async function open(browser, base, options = {}) {
  // `prepare(page)` runs before the page opens (routes, say: the engine starts soon after).
  const { prepare, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  if (prepare) await prepare(page);
  const errors = [];
  const foreign = [];
  // Every path the page fetched, from the first request on (workers' requests included).
  const fetched = [];
  // The same, as playwright's requests (who asked, when, answered from where).
  const requests = [];
  context.on('request', (r) => { fetched.push(new URL(r.url()).pathname); requests.push(r); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(new URL(base).origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.goto(base);
  await page.getByRole('button', { name: 'Try with sample data' }).waitFor();
  return { page, context, errors, foreign, fetched, requests };
}

/**
 * Opens "Your data" (the file list, its controls, the local holidays and the notices),
 * which folds into one line once there is a report; as a user would, by its summary.
 */
export async function openYourData(page) {
  const fold = page.locator('details#your-data');
  if (await fold.count() && !(await fold.evaluate((d) => d.open))) await fold.locator('> summary').click();
}
