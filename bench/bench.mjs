// Browser side of the benchmark (run by scripts/bench.sh): in one headless Chromium,
// (1) the app's Wasm parse + compute alone (in its engine worker, timed there): warm runs,
// the first run of a worker that did its start-up warm-up (what a user gets), and the
// first run of one that did not (cold);
// (2) PapaParse (header, dynamicTyping) plus the same arithmetic in JavaScript;
// (3) first paint of the page (first-contentful-paint), with the engine started once the
// page is idle (as shipped) and without (requestIdleCallback stubbed out, so nothing
// starts before a file);
// (4) the file chosen through the page's file input until the report is on screen, on a
// page whose engine said it is ready ("warm") and on one whose engine starts with the
// file ("cold"), with the longest stall of the page's thread and the browser's peak memory.
// Medians of several runs with their spread; prints JSON.
import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { start, tools } from '../tests/e2e/harness.mjs';

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const text = readFileSync(file, 'latin1');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median, min and max, rounded. */
const spread = (xs) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)), n: xs.length });
// Nothing waits for an idle moment: the page as it was before the warm start.
const noIdle = () => { window.requestIdleCallback = () => 0; };

const site = await start();
const context = await site.browser.newContext({ bypassCSP: true });
const page = await context.newPage();
await page.goto(site.base);
await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_parse_and_compute);
await page.addScriptTag({ path: path.join(tools, 'papaparse', 'papaparse.min.js') });
await page.evaluate((t) => { window.benchText = t; window.benchBytes = new TextEncoder().encode(t); }, text);

const result = await page.evaluate(async (runs) => {
  const w = await window.wasmBindings.bench_parse_and_compute(window.benchBytes, runs, true);
  const wasm = w.times_ms;
  const cold = await window.wasmBindings.bench_parse_and_compute(window.benchBytes, 1, false);
  const rows = w.rows;
  // The JavaScript baseline: PapaParse, then the same arithmetic the core does for each
  // PI at the latest period: status against target with tolerance, short trend.
  const order = (p) => { const m = /^Q(\d) (\d{4})/.exec(p); return m ? Number(m[2]) * 4 + Number(m[1]) : 0; };
  const papaParse = [];
  const papa = [];
  let jsRows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const parsed = window.Papa.parse(window.benchText, { header: true, dynamicTyping: true, skipEmptyLines: true });
    const t1 = performance.now();
    const byCode = new Map();
    let latest = 0;
    for (const r of parsed.data) {
      const k = order(r.period);
      latest = Math.max(latest, k);
      let pi = byCode.get(r.code);
      if (!pi) { pi = { meta: r, values: new Map() }; byCode.set(r.code, pi); }
      pi.values.set(k, r.value);
    }
    const statuses = [];
    for (const { meta, values } of byCode.values()) {
      const v = values.get(latest);
      const prev = values.get(latest - 1);
      const t = meta.target;
      const tol = String(meta.tolerance).endsWith('%') ? Math.abs(t * parseFloat(meta.tolerance) / 100) : Number(meta.tolerance) || 0;
      let s = 'no-data';
      if (v !== undefined && v !== null) {
        const d = Math.round(v * 100) / 100;
        if (meta.polarity === 'up') s = d >= t ? 'on' : d >= t - tol ? 'warn' : 'off';
        else if (meta.polarity === 'down') s = d <= t ? 'on' : d <= t + tol ? 'warn' : 'off';
        else if (meta.polarity === 'band') s = Math.abs(d - t) <= tol ? 'on' : Math.abs(d - t) <= 2 * tol ? 'warn' : 'off';
        else s = 'data-only';
      }
      statuses.push([s, prev === undefined ? '-' : v > prev ? 'up' : v < prev ? 'down' : 'same']);
    }
    jsRows = statuses.length;
    papaParse.push(t1 - t0);
    papa.push(performance.now() - t0);
  }
  return { wasm, rows, papa, papaParse, jsRows, wasmMemory: w.memory_bytes, wasmFirst: wasm[0], wasmCold: cold.times_ms[0] };
}, runs);

// Resident memory of every Chromium process, in bytes (the page and its worker live in
// a renderer process).
// The resident memory of this benchmark's own browser: the processes descended from this
// Node process (other Chromiums on the machine, such as a test run, are not counted).
function browserRss() {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      procs.set(Number(pid), { ppid, rss, chrome: /^Name:\s+(chrom|headless)/m.test(status) });
    } catch { /* the process ended */ }
  }
  const ours = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = procs.get(p)?.ppid ?? 0, hops++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  let total = 0;
  for (const [pid, p] of procs) if (p.chrome && ours(pid)) total += p.rss;
  return total;
}

// First paint: a fresh context each time (a first visit), with and without the idle-time
// engine start.
async function firstPaint(prepare) {
  const ctx = await site.browser.newContext({ serviceWorkers: 'block' });
  const p = await ctx.newPage();
  if (prepare) await p.addInitScript(prepare);
  await p.goto(site.base);
  await p.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const ms = await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await ctx.close();
  return ms;
}
const paintWarm = [];
const paintCold = [];
for (let i = 0; i < runs; i++) {
  paintWarm.push(await firstPaint());
  paintCold.push(await firstPaint(noIdle));
}

// The whole user path: choose the file, see the report. A fresh page each time. Meanwhile
// a timer on the page's thread records its longest stall (how long a click would wait),
// and the browser's memory is sampled every 20 ms.
async function toScreen(warm) {
  const p = await context.newPage();
  if (!warm) await p.addInitScript(noIdle);
  await p.goto(site.base);
  await p.getByRole('button', { name: 'Try with sample data' }).waitFor();
  if (warm) await p.locator('main[data-engine=ready]').waitFor({ timeout: 60_000 });
  await p.evaluate(() => {
    window.benchStall = 0;
    let last = performance.now();
    window.benchTimer = setInterval(() => {
      const now = performance.now();
      window.benchStall = Math.max(window.benchStall, now - last - 10);
      last = now;
    }, 10);
  });
  const base = browserRss();
  let peak = base;
  const sampler = setInterval(() => { peak = Math.max(peak, browserRss()); }, 20);
  const t0 = Date.now();
  await p.setInputFiles('#file-input', file);
  await p.locator('table.pi-table').first().waitFor({ timeout: 300_000 });
  const ms = Date.now() - t0;
  clearInterval(sampler);
  // Whatever the page still does once the table is up (later parts of the report) counts
  // as a stall too.
  await p.waitForTimeout(1_000);
  const stall = await p.evaluate(() => { clearInterval(window.benchTimer); return window.benchStall; });
  await p.close();
  return { ms, stall, memory: peak - base };
}
const screenRuns = Math.max(1, Math.min(runs, 5));
const warmScreens = [];
const coldScreens = [];
for (let i = 0; i < screenRuns; i++) {
  warmScreens.push(await toScreen(true));
  // One cold run is enough to show what the warm start saves on a slow (1M) file.
  if (i < (runs > 3 ? screenRuns : 1)) coldScreens.push(await toScreen(false));
}
await context.close();
await site.stop();
console.log(JSON.stringify({
  wasm: spread(result.wasm), wasm_first_ms: Math.round(result.wasmFirst), wasm_cold_first_ms: Math.round(result.wasmCold),
  rows: result.rows,
  papa_total: spread(result.papa), papa_parse: spread(result.papaParse), js_rows: result.jsRows,
  paint_warm: spread(paintWarm), paint_cold: spread(paintCold),
  screen_warm: spread(warmScreens.map((s) => s.ms)), screen_cold: spread(coldScreens.map((s) => s.ms)),
  stall_warm: spread(warmScreens.map((s) => s.stall)),
  wasm_memory_mb: Math.round(result.wasmMemory / 1048576),
  screen_memory_mb: Math.round(Math.max(...warmScreens.map((s) => s.memory)) / 1048576),
}));
