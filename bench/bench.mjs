// Measures the release build as a visitor's browser gets it, served by
// nginx (deploy/nginx.conf) on 127.0.0.1: the bytes of every resource the
// first view loads (raw, gzip -9, brotli, as sent), and the app at scale
// (synthetic data). Writes bench/RESULTS.md with these, the comparison with
// TimelineJS3 (bench/COMPARE.md, from bench/compare.mjs, which times the
// first paint, the largest contentful paint and the app's arrival), the
// last size floor and Lighthouse reports, and bench/DECISIONS.md.
// Not a test: it asserts nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, DIST } from '../tests/e2e/harness.mjs';
import { writeSynthetic } from './synth.mjs';
import { kb, stats } from './figures.mjs';

const SIZES = [10, 100, 1000, 10000];
await writeSynthetic(DIST, SIZES);

const app = await serve();
const browser = await launch();

async function firstView() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bodies = new Map();
  const sent = new Map();
  page.on('response', async (r) => {
    try {
      if (r.url().startsWith(app.url)) bodies.set(new URL(r.url()).pathname, await r.body());
    } catch {}
  });
  // The body as it crossed the wire (encoded), with the encoding nginx chose.
  page.on('requestfinished', async (request) => {
    if (!request.url().startsWith(app.url)) return;
    const { responseBodySize } = await request.sizes();
    const encoding = (await request.response())?.headers()['content-encoding'] ?? 'none';
    sent.set(new URL(request.url()).pathname, { bytes: responseBodySize, encoding });
  });
  await page.goto(app.url);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return { bodies, sent };
}

const { bodies, sent } = await firstView();
const rows = [...bodies].map(([path, body]) => ({
  path,
  sent: sent.get(path)?.bytes ?? NaN,
  encoding: sent.get(path)?.encoding ?? '?',
  raw: body.length,
  gzip: gzipSync(body, { level: 9 }).length,
  brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
}));
rows.sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli, sent: t.sent + r.sent }), { raw: 0, gzip: 0, brotli: 0, sent: 0 });

/** Time to the first marker, JS heap, and time for Next to move the selection, at N events. */
async function scale(n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Only #app's markers: a pre-rendered #static copy shows the shipped
  // data's, not the N events'.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (!window.__marker && document.querySelector('#app .markers [data-event-id]')) window.__marker = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${app.url}?data=bench/data-${n}.json`);
  await page.locator('#app .markers [data-event-id]').first().waitFor({ timeout: 120_000 });
  // From navigation start, and from the data's arrival (parse, validate, render).
  const { first, render } = await page.evaluate((n) => {
    const data = performance.getEntriesByType('resource').find((e) => e.name.endsWith(`bench/data-${n}.json`));
    return { first: window.__marker, render: window.__marker - data.responseEnd };
  }, n);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  // The cost of one Next: the click, Leptos's update (run in microtasks),
  // then style and layout, forced by reading a box. A message-channel task
  // runs after every microtask, without timer clamping or waiting for a frame.
  // 12 moves from the first event: within a page, and across one edge.
  // Chromium's own accounting of the main thread over the same moves:
  // script, style and layout (the app's cost) and all task time (which
  // adds painting, done on the CPU in headless Chromium).
  const counters = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const before = await counters();
  const next = [];
  for (let i = 0; i < 12; i++) {
    next.push(await page.evaluate(() => new Promise((done) => {
      const before = document.querySelector('#app [aria-current="true"]')?.dataset.eventId;
      const t0 = performance.now();
      document.querySelector('#app .pager .next').click();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        document.body.getBoundingClientRect();
        const after = document.querySelector('#app [aria-current="true"]')?.dataset.eventId;
        done(after && after !== before ? performance.now() - t0 : NaN);
      };
      channel.port2.postMessage(0);
    })));
  }
  const after = await counters();
  const moves = next.filter((x) => !Number.isNaN(x)).length;
  const per = (...keys) => (keys.reduce((t, k) => t + after[k] - before[k], 0) * 1000) / moves;
  const work = per('ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration');
  const task = per('TaskDuration');
  await context.close();
  return { first, render, heap, next, work, task };
}
// Several loads per size (SCALE_RUNS): medians of the load times, and of
// every move's cost and of each load's slowest move.
const SCALE_RUNS = Number(process.env.SCALE_RUNS ?? 5);
const scaleRows = [];
for (const n of SIZES) {
  const loads = [];
  for (let i = 0; i < SCALE_RUNS; i++) loads.push(await scale(n));
  scaleRows.push({
    n,
    first: stats(loads.map((l) => l.first)).median,
    render: stats(loads.map((l) => l.render)).median,
    heap: stats(loads.map((l) => l.heap)).median,
    next: stats(loads.flatMap((l) => l.next)).median,
    slowest: stats(loads.map((l) => stats(l.next).max)).median,
    work: stats(loads.map((l) => l.work)).median,
    task: stats(loads.map((l) => l.task)).median,
  });
}
await browser.close();
await app.close();

const chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${kb(totalmem() / 1024)} MB RAM, ${chromium}, Node ${process.version}`;
const table = [
  '| resource | raw KB | gzip KB | brotli KB | as sent KB (encoding) |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| \`${r.path}\` | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${kb(r.sent)} (${r.encoding}) |`),
  `| **first view, total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** | **${kb(total.sent)}** |`,
].join('\n');
const scaling = [
  '| events | first marker ms (from navigation) | data arrived → first marker ms | JS heap MB | Next ms (median of every move) | Next ms, slowest of a load (a page turn) | per move: script + style + layout ms | per move: all main-thread work ms |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...scaleRows.map((r) => `| ${r.n} | ${r.first.toFixed(0)} | ${r.render.toFixed(0)} | ${(r.heap / 1048576).toFixed(1)} | ${r.next.toFixed(1)} | ${r.slowest.toFixed(1)} | ${r.work.toFixed(1)} | ${r.task.toFixed(1)} |`),
].join('\n');
const compare = await readFile(new URL('COMPARE.md', import.meta.url), 'utf8').catch(() => '');
const budget = JSON.parse(await readFile(new URL('budget.json', import.meta.url), 'utf8'));
const report = `# Benchmark results

Measured ${new Date().toISOString().slice(0, 10)} by \`bench/run.sh\` on ${machine}.
Release build served by nginx with \`deploy/nginx.conf\` on 127.0.0.1;
headless Chromium at 1280×800.

## Bytes of the first view

${table}

Budgets (\`bench/budget.json\`, held by \`tests/e2e/budget.test.mjs\`): the
first paint (the page, its style inline) at most ${budget.first_paint_kib} KiB, everything
the default view loads at most ${budget.default_view_kib} KiB, both as sent (the last column).
"gzip" and "brotli" compress each body here at the strongest level; "as
sent" is what nginx put on the wire for Chromium (its \`Accept-Encoding\`
includes brotli): the build's own brotli copies of the hashed files
(\`scripts/precompress.mjs\`), the rest compressed on the fly.

${compare}
## Scale (synthetic data from \`bench/synth.mjs\`, loaded with \`?data=\`; medians of ${SCALE_RUNS} loads, 12 moves each)

${scaling}

Targets (issue "Speed and size"): first render under 300 ms and moving to
the next event under one frame (16 ms) at 10,000 events. "First render" is
read here as the third column, from the data's arrival to the first marker
(parsing, validating and rendering); the second adds loading the page and the
WebAssembly, which no number of events changes. A Next is timed from the
click to the new selection laid out; a frame may be painted in between, so
the last two columns split a move's main-thread time as Chromium counts it:
the app's own work (script, style, layout) and everything (painting
included, which headless Chromium does on the CPU).
`;
const lighthouse = await readFile(new URL('LIGHTHOUSE.md', import.meta.url), 'utf8').catch(() => '');
const floor = await readFile(new URL('FLOOR.md', import.meta.url), 'utf8').catch(() => '');
const decisions = await readFile(new URL('DECISIONS.md', import.meta.url), 'utf8').catch(() => '');
// The comparison was printed by compare.mjs.
console.log(compare ? report.replace(compare, '') : report);
await writeFile(new URL('RESULTS.md', import.meta.url), [report, lighthouse, floor, decisions].filter(Boolean).join('\n'));
