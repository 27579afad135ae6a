// A Chromium trace of the first paint (issue 22, point 2): where the main
// thread's time goes from navigation start to the first contentful paint,
// for the release build with its app held back (the first paint alone)
// and for the bare page of one heading (scripts/timelinejs.mjs), both
// served by nginx on 127.0.0.1. Sums the renderer main thread's events
// (ParseHTML, style recalculation, layout, paint, …) over RUNS loads, and
// lists the CSS selectors that cost most in the style recalculations
// (Chromium's selector statistics). Prints medians of the events' thread
// time (CPU time, which other work on the machine disturbs less than wall
// time); asserts nothing. `node bench/trace.mjs` after `trunk build
// --release`; EXTRA=name=dir,… adds other builds (variants under test),
// served like ours; PHONE=1 for the phone profile.
import { serve, launch, PHONE } from '../tests/e2e/harness.mjs';
import { serveTimelineJs, LOCAL_ONLY } from '../scripts/timelinejs.mjs';
import { stats } from './figures.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const app = await serve();
const tl = await serveTimelineJs();
const browser = await launch(LOCAL_ONLY);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'loading', 'disabled-by-default-blink.debug'];
const HELD = ['*/boot-*.js', '*/hkust-pumch-timeline-*.js', '*/hkust-pumch-timeline-*_bg.wasm'];
const profile = process.env.PHONE ? PHONE : { viewport: { width: 1280, height: 800 } };
const pages = { ours: app.url, bare: tl.bare };
const extra = [];
for (const spec of (process.env.EXTRA ?? '').split(',').filter(Boolean)) {
  const [name, dir] = spec.split('=');
  const server = await serve(dir);
  extra.push(server);
  pages[name] = server.url;
}

async function trace(url) {
  const context = await browser.newContext(profile);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', { urls: HELD });
  if (process.env.PHONE) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  // The renderer main thread of the page's frame.
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === main.pid)?.ts ?? events.find((e) => e.name === 'ParseHTML' && e.pid === main.pid).ts;
  const fcpTs = start + fcp * 1000;
  const sums = {};
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.ts > fcpTs) continue;
    sums[e.name] = (sums[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  }
  // Every thread's busy time before the first paint (top-level slices only),
  // by process and thread name: raster and compositing happen off the main thread.
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const threads = {};
  const open = new Map();
  for (const e of events.filter((e) => e.ph === 'X' && e.ts >= start && e.ts <= fcpTs).sort((a, b) => a.ts - b.ts)) {
    const k = `${e.pid}:${e.tid}`;
    if ((open.get(k) ?? 0) > e.ts) continue;
    open.set(k, e.ts + (e.dur ?? 0));
    const name = `${e.pid === main.pid ? 'renderer' : `pid ${e.pid}`} ${names.get(k) ?? e.tid}`;
    threads[name] = (threads[name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  }
  const selectors = {};
  for (const e of events) {
    const stats = e.name === 'SelectorStats' && e.ts <= fcpTs && e.args?.selector_stats?.selector_timings;
    for (const s of stats || []) {
      const k = s.selector;
      selectors[k] = selectors[k] ?? { us: 0, attempts: 0, matches: 0 };
      selectors[k].us += s['elapsed (us)'];
      selectors[k].attempts += s.match_attempts;
      selectors[k].matches += s.match_count;
    }
  }
  return { fcp, sums, selectors, threads };
}

const out = {};
for (const name of Object.keys(pages)) out[name] = [];
for (let i = 0; i <= RUNS; i++) for (const [name, url] of Object.entries(pages)) {
  const t = await trace(url);
  if (i > 0) out[name].push(t);
}
await browser.close();
await app.close();
await tl.close();
for (const server of extra) await server.close();

const NAMES = ['ParseHTML', 'ParseAuthorStyleSheet', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'EvaluateScript', 'RunTask'];
for (const [name, runs] of Object.entries(out)) {
  console.log(`\n${name}: FCP median ${stats(runs.map((r) => r.fcp)).median.toFixed(0)} ms (wall, traced); thread time before it:`);
  const all = new Set(runs.flatMap((r) => Object.keys(r.sums)));
  for (const n of [...NAMES, ...[...all].filter((n) => !NAMES.includes(n))]) {
    const m = stats(runs.map((r) => r.sums[n] ?? 0)).median;
    if (m >= 0.5 || NAMES.includes(n)) console.log(`  ${n.padEnd(32)} ${m.toFixed(1)} ms`);
  }
  const threadNames = new Set(runs.flatMap((r) => Object.keys(r.threads)));
  for (const n of threadNames) {
    const m = stats(runs.map((r) => r.threads[n] ?? 0)).median;
    if (m >= 0.5) console.log(`  thread ${n.padEnd(40)} ${m.toFixed(1)} ms`);
  }
  const sel = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.selectors)) {
    sel[k] = sel[k] ?? { us: 0, attempts: 0, matches: 0 };
    for (const f of ['us', 'attempts', 'matches']) sel[k][f] += v[f] / runs.length;
  }
  const top = Object.entries(sel).sort((a, b) => b[1].us - a[1].us).slice(0, 15);
  if (top.length) {
    console.log(`  selectors (${Object.keys(sel).length}), the costliest, µs per load / attempts / matches:`);
    for (const [k, v] of top) console.log(`    ${v.us.toFixed(0).padStart(6)} ${v.attempts.toFixed(0).padStart(6)} ${v.matches.toFixed(0).padStart(5)}  ${k}`);
  }
}
