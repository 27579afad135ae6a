// Measures the release build as a visitor's browser gets it, served by
// nginx (deploy/nginx.conf) on 127.0.0.1: the bytes of every resource the
// first view loads (raw, gzip -9, brotli) and the time from navigation start
// to the first event on screen (the pre-rendered first paint, then the interactive
// marker), over several loads, and the largest contentful paint with the app
// and with the app held back, on a desktop and a phone viewport. Prints a
// table and writes bench/RESULTS.md.
// Not a test: it asserts nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, DIST } from '../tests/e2e/harness.mjs';
import { writeSynthetic } from './synth.mjs';
import { kb, ms, stats } from './figures.mjs';

const SIZES = [10, 100, 1000, 10000];
await writeSynthetic(DIST, SIZES);

const RUNS = Number(process.env.RUNS ?? 9);
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

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

// What "held back" keeps from arriving: the WebAssembly, the wasm-bindgen
// JS and Trunk's boot loader (with their preloads). The page is then what a
// visitor sees while the app is on its way, or never comes: the LCP of the
// HTML and the style sheet alone, the floor the app's own paint is set
// against.
const HELD = /\/(boot|hkust-pumch-timeline)-[^/]*\.js$|\.wasm$/;

/**
 * One load of the default URL at `viewport` in a fresh context (an empty
 * cache), the app `held` back or not. Returns the marks (ms from navigation
 * start; absent when the page never had the element), first-contentful-paint
 * and the largest contentful paint with the element it was.
 */
async function load(viewport, held) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (held) await page.route(HELD, (route) => route.abort());
  await page.addInitScript(() => {
    // Marks by MutationObserver, from the document's start. The app mounts
    // into #app; a pre-rendered copy of the timeline in #static has the
    // same markers but needs no script, so only #app's count as interactive.
    window.__marks = {};
    new MutationObserver(() => {
      const m = window.__marks;
      if (!m.staticMarker && document.querySelector('#static .markers [data-event-id]')) m.staticMarker = performance.now();
      if (!m.marker && document.querySelector('#app .markers [data-event-id]')) m.marker = performance.now();
    }).observe(document, { childList: true, subtree: true });
    // Every LCP candidate, its element named when reported: the app removes
    // the first paint, and an entry read later may have lost its element.
    // A class-less element is named with its parent's (`ol.static-list > li`).
    const name = (e) => e && `${e.localName}${e.getAttribute('class') ? `.${e.getAttribute('class').trim().split(/\s+/).join('.')}` : ''}`;
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        const element = !el ? '(removed)' : el.getAttribute('class') || !el.parentElement ? name(el) : `${name(el.parentElement)} > ${name(el)}`;
        window.__lcp.push({ startTime: e.startTime, size: e.size, element: e.url ? `${element} (${e.url})` : element });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(app.url);
  if (!held) await page.locator('#app .markers [data-event-id]').first().waitFor();
  // Settled: no request for 500 ms, then a little longer for the last
  // frame to be painted and its LCP entry delivered.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const marks = await page.evaluate(() => ({
    ...window.__marks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    lcp: window.__lcp.at(-1),
  }));
  await context.close();
  return marks;
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

// Loads with the app and held back alternate, so that a drift in the
// machine's speed falls on both alike; one warm-up pair per viewport.
const loads = {};
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  await load(viewport, false);
  await load(viewport, true);
  loads[name] = { app: [], held: [] };
  for (let i = 0; i < RUNS; i++) {
    loads[name].app.push(await load(viewport, false));
    loads[name].held.push(await load(viewport, true));
  }
}
const runs = loads.desktop.app;
const staticMarkerT = stats(runs.map((r) => r.staticMarker ?? NaN));
const markerT = stats(runs.map((r) => r.marker ?? NaN));
const paintT = stats(runs.map((r) => r.fcp ?? NaN));
const lcp = Object.fromEntries(Object.entries(loads).map(([name, { app, held }]) => {
  const lcpOf = (ls) => stats(ls.map((l) => l.lcp?.startTime ?? NaN));
  // Which element was the LCP, and in how many of the loads.
  const elements = (ls) => {
    const counts = new Map();
    for (const l of ls) counts.set(l.lcp?.element ?? '(no entry)', (counts.get(l.lcp?.element ?? '(no entry)') ?? 0) + 1);
    return [...counts].map(([element, n]) => `\`${element}\` ×${n}`).join(', ');
  };
  const withApp = lcpOf(app);
  const heldBack = lcpOf(held);
  return [name, {
    app: withApp,
    held: heldBack,
    ratio: withApp.median / heldBack.median,
    marker: stats(app.map((l) => l.marker ?? NaN)),
    appElements: elements(app),
    heldElements: elements(held),
  }];
}));

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
const times = [
  '| from navigation start to | median ms | min ms | max ms |',
  '|---|---:|---:|---:|',
  `| the first pre-rendered marker (\`#static\`, no JS needed) in the page | ${ms(staticMarkerT.median)} | ${ms(staticMarkerT.min)} | ${ms(staticMarkerT.max)} |`,
  `| the first paint with content (first-contentful-paint: the pre-rendered timeline drawn) | ${ms(paintT.median)} | ${ms(paintT.min)} | ${ms(paintT.max)} |`,
  `| the first interactive marker (in \`#app\`) | ${ms(markerT.median)} | ${ms(markerT.min)} | ${ms(markerT.max)} |`,
].join('\n');
const triple = (t) => `${ms(t.median)} | ${ms(t.min)} | ${ms(t.max)}`;
const paints = [
  '| from navigation start to | 1280×800 median ms | min ms | max ms | 390×844 median ms | min ms | max ms |',
  '|---|---:|---:|---:|---:|---:|---:|',
  `| the largest contentful paint, with the app | ${triple(lcp.desktop.app)} | ${triple(lcp.phone.app)} |`,
  `| the largest contentful paint, the app held back | ${triple(lcp.desktop.held)} | ${triple(lcp.phone.held)} |`,
  `| the first interactive marker (in \`#app\`) | ${triple(lcp.desktop.marker)} | ${triple(lcp.phone.marker)} |`,
].join('\n');
const scaling = [
  '| events | first marker ms (from navigation) | data arrived → first marker ms | JS heap MB | Next ms (median of every move) | Next ms, slowest of a load (a page turn) | per move: script + style + layout ms | per move: all main-thread work ms |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...scaleRows.map((r) => `| ${r.n} | ${r.first.toFixed(0)} | ${r.render.toFixed(0)} | ${(r.heap / 1048576).toFixed(1)} | ${r.next.toFixed(1)} | ${r.slowest.toFixed(1)} | ${r.work.toFixed(1)} | ${r.task.toFixed(1)} |`),
].join('\n');
const budget = JSON.parse(await readFile(new URL('budget.json', import.meta.url), 'utf8'));
const report = `# Benchmark results

Measured ${new Date().toISOString().slice(0, 10)} by \`bench/run.sh\` on ${machine}.
Release build served by nginx with \`deploy/nginx.conf\` on 127.0.0.1;
headless Chromium at 1280×800 (and 390×844 for the largest contentful
paint); ${RUNS} loads after one warm-up.

## Bytes of the first view

${table}

Budgets (\`bench/budget.json\`, held by \`tests/e2e/budget.test.mjs\`): the
first paint (the page, its style inline) at most ${budget.first_paint_kib} KiB, everything
the default view loads at most ${budget.default_view_kib} KiB, both as sent (the last column).
"gzip" and "brotli" compress each body here at the strongest level; "as
sent" is what nginx put on the wire for Chromium (its \`Accept-Encoding\`
includes brotli): the build's own brotli copies of the hashed files
(\`scripts/precompress.mjs\`), the rest compressed on the fly.

## Time to the first event

${times}

"In the page" is when the element is in the DOM, as the issue measures it.
Headless Chromium on this machine draws a new page's first frame later: in
separate loads, a bare "Hello" page painted at about 70 ms (median), this
page's HTML without scripts or style sheet at about 120 ms, and with its
style sheet at about 190 ms.

## Largest contentful paint, with the app and held back

${paints}

LCP with the app ÷ held back (medians): ${lcp.desktop.ratio.toFixed(2)} at 1280×800, ${lcp.phone.ratio.toFixed(2)} at 390×844.

The LCP element, with the app: at 1280×800 ${lcp.desktop.appElements}; at 390×844 ${lcp.phone.appElements}.
Held back: at 1280×800 ${lcp.desktop.heldElements}; at 390×844 ${lcp.phone.heldElements}.

Each load is a fresh context (an empty cache); loads with the app and held
back alternate, ${RUNS} of each per viewport after a warm-up pair. "Held
back": the WebAssembly, the wasm-bindgen JS and the \`boot-*.js\` loader are
aborted (\`page.route\`), so the page is its HTML and style sheet alone. The
LCP is the last \`largest-contentful-paint\` entry once the page has settled
(no request for 500 ms, then 300 ms more); its element is named when the
entry is reported, with its parent when it has no class.

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
console.log(report);
await writeFile(new URL('RESULTS.md', import.meta.url), [report, lighthouse, floor, decisions].filter(Boolean).join('\n'));
