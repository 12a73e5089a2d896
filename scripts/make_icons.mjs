// Renders the app icon (src/web/icons/icon.svg) to the PNG sizes browsers want before they
// offer to install Scorecard (Chromium asks for PNG icons of at least 144 px; 192 and 512
// are the usual pair). Run once when the icon changes; the PNGs are committed:
//   node scripts/make_icons.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const { chromium } = require(path.join(root, 'tools', 'node_modules', 'playwright-core'));
const dir = path.join(root, 'src', 'web', 'icons');
const svg = readFileSync(path.join(dir, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>
    <img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
  await page.locator('img').screenshot({ path: path.join(dir, `icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
