// The app beside TimelineJS3 (issue 22): the release build served by nginx
// with deploy/nginx.conf and the build's maps, TimelineJS3's page of the
// same four events and a bare page of one heading (the floor) served by
// nginx from a temporary root (scripts/timelinejs.mjs), all on 127.0.0.1.
// Loads alternate (ours, ours with the app held back, TimelineJS3, the bare
// page, each round starting one further on), so a drift in the machine's
// speed falls on all alike; one warm-up round, then RUNS (7) rounds; medians. Two profiles: desktop
// (1280×800) and a phone (390×844, mobile emulation, 4× CPU slowdown and
// slow 4G: 1.6 Mbps down, 150 ms round trip, by CDP). Then a reader's
// check: a marker link followed in the first paint shows its card, and the
// app keeps that event selected. Prints the section and writes
// bench/COMPARE.md, which bench.mjs puts into RESULTS.md. Asserts nothing.
//
// EXTRA=name=dir,… adds other builds (e.g. a variant of dist/ under test)
// to every round, each served like ours: options measured in the same run.
// PROFILES=desktop,phone,phone-cpu picks the profiles (default: the first
// two); `phone-cpu` is the phone's CPU without its network (4× slowdown,
// no throttling), which parts the bytes' share of a phone's times from the
// CPU's. A run with other profiles than the default prints its section
// without writing bench/COMPARE.md.
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve, launch, PHONE } from '../tests/e2e/harness.mjs';
import { serveTimelineJs, version, LOCAL_ONLY, offHost } from '../scripts/timelinejs.mjs';
import { kb, ms, stats } from './figures.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const ALL_PROFILES = {
  desktop: { label: 'desktop', context: { viewport: { width: 1280, height: 800 } } },
  phone: {
    label: 'phone',
    context: PHONE,
    cpu: 4,
    // 1.6 Mbps down, 750 kbps up (Lighthouse's slow 4G), in bytes per second.
    network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  },
  'phone-cpu': { label: 'phone CPU only', context: PHONE, cpu: 4 },
};
const DEFAULT_PROFILES = 'desktop,phone';
const chosen = process.env.PROFILES ?? DEFAULT_PROFILES;
const PROFILES = Object.fromEntries(chosen.split(',').map((name) => {
  if (!ALL_PROFILES[name]) throw new Error(`PROFILES: no profile ${name} (${Object.keys(ALL_PROFILES).join(', ')})`);
  return [name, ALL_PROFILES[name]];
}));
// What "held back" keeps from arriving: the WebAssembly, the wasm-bindgen
// JS and the boot loader. Blocked in Chromium's network stack
// (Network.setBlockedURLs), so no other request is intercepted.
const HELD = ['*/boot-*.js', '*/hkust-pumch-timeline-*.js', '*/hkust-pumch-timeline-*_bg.wasm'];
const OURS_EVENTS = '#static .markers [data-event-id], #app .markers [data-event-id]';
const OURS_APP = '#app .markers [data-event-id]';

const uptime = () => execFileSync('uptime').toString().trim().replace(/^.*load average:\s*/, '');
const loadBefore = uptime();
const app = await serve();
const tl = await serveTimelineJs();
const extra = [];
for (const spec of (process.env.EXTRA ?? '').split(',').filter(Boolean)) {
  const [name, dir] = spec.split('=');
  extra.push({ name, server: await serve(dir) });
}
const browser = await launch(LOCAL_ONLY);
const refused = [];
const failures = [];

const TARGETS = [
  { name: 'ours', url: app.url, events: OURS_EVENTS, app: OURS_APP },
  { name: 'held', url: app.url, events: OURS_EVENTS, held: true },
  { name: 'timelinejs', url: tl.url, events: '.tl-timemarker', app: '.tl-timemarker' },
  { name: 'bare', url: tl.bare },
  ...extra.map((e) => ({ name: e.name, url: e.server.url, events: OURS_EVENTS, app: OURS_APP })),
];

/** A fresh context and page (an empty cache) in `profile`, throttled as it says. */
async function open(profile) {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  offHost(page, refused);
  const cdp = await context.newCDPSession(page);
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  return { context, page, cdp };
}

/**
 * One load of `target` in `profile`. Returns, in ms from navigation start:
 * fcp, lcp (the last entry once settled), events (the first event in the
 * DOM), app (the app's own first marker), tbt (long tasks' time over 50 ms
 * after FCP, clipped at FCP, as Lighthouse counts it), and bytes (bodies as
 * sent: the page's and every resource's encoded size).
 */
async function load(target, profile) {
  const { context, page, cdp } = await open(profile);
  if (target.held) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setBlockedURLs', { urls: HELD });
  }
  await page.addInitScript(({ events, app }) => {
    const marks = (window.__marks = { longtasks: [], lcp: [] });
    new MutationObserver(() => {
      if (events && !marks.events && document.querySelector(events)) marks.events = performance.now();
      if (app && !marks.app && document.querySelector(app)) marks.app = performance.now();
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longtasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.lcp.push(e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }, { events: target.events, app: target.app });
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    if (target.app) await page.locator(target.app).first().waitFor({ state: 'attached', timeout: 60_000 });
    // Settled: no request for 500 ms, then 500 ms more for a last long task
    // or paint to be reported.
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    await page.waitForTimeout(500);
  } catch (e) {
    // A load that never settles counts as no reading (NaN), and is said.
    console.error(`${target.name}: ${e.message.split('\n')[0]}`);
    failures.push(target.name);
    await context.close();
    return {};
  }
  const r = await page.evaluate(() => {
    const m = window.__marks;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const tbt = m.longtasks.reduce((t, { start, end }) => {
      const d = end - Math.max(start, fcp);
      return d > 50 ? t + d - 50 : t;
    }, 0);
    const bytes = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((t, e) => t + e.encodedBodySize, 0);
    return { fcp, lcp: m.lcp.at(-1), events: m.events, app: m.app, tbt, bytes };
  });
  await context.close();
  return r;
}

/**
 * A reader follows the second marker's link in the first paint as soon as
 * it is painted (at the first contentful paint, by the link's own click()):
 * whether its card showed there, when (ms from navigation, the frame after
 * the click), and whether the app, once running, has that event selected
 * with its card open.
 */
async function follow(profile) {
  const { context, page } = await open(profile);
  await page.addInitScript(() => {
    const f = (window.__follow = {});
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      const a = document.querySelectorAll('#static .markers a[data-event-id]')[1];
      if (!a) return;
      f.id = a.dataset.eventId;
      a.click();
      requestAnimationFrame(() => {
        const card = document.querySelector(`#static [id="${f.id}"]`);
        f.shown = !!card && card.matches(':target') && card.getBoundingClientRect().height > 0;
        f.shownAt = performance.now();
      });
    }).observe({ type: 'paint', buffered: true });
  });
  try {
    await page.goto(app.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => !document.getElementById('static') && document.querySelector('#app .markers [data-event-id]'), null, { timeout: 60_000 });
  } catch (e) {
    console.error(`followed link: ${e.message.split('\n')[0]}`);
    failures.push('followed link');
    await context.close();
    return { clicked: false, inFirstPaint: false, kept: false };
  }
  const r = await page.evaluate(() => {
    const { id, shown, shownAt } = window.__follow;
    const kept = document.querySelector('#app [aria-current="true"]')?.dataset.eventId === id
      && document.querySelector('#app .detail .card h2')?.textContent === document.querySelector(`#app [data-event-id="${id}"] .marker-title`)?.textContent;
    return { clicked: !!id, inFirstPaint: !!shown, shownAt, kept };
  });
  await context.close();
  return r;
}

const results = {};
const followed = {};
for (const [name, profile] of Object.entries(PROFILES)) {
  results[name] = Object.fromEntries(TARGETS.map((t) => [t.name, []]));
  for (const t of TARGETS) await load(t, profile);
  // Each round starts one target further on, so that no target always
  // follows the same one.
  for (let i = 0; i < RUNS; i++) {
    for (let j = 0; j < TARGETS.length; j++) {
      const t = TARGETS[(i + j) % TARGETS.length];
      results[name][t.name].push(await load(t, profile));
    }
  }
  followed[name] = [];
  for (let i = 0; i < 3; i++) followed[name].push(await follow(profile));
}
const loadAfter = uptime();
await browser.close();
await app.close();
await tl.close();
for (const e of extra) await e.server.close();

const median = (profile, target, key) => stats(results[profile][target].map((r) => r[key] ?? NaN)).median;
const ratio = (a, b) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);
const KEYS = [
  ['fcp', 'first contentful paint, ms'],
  ['lcp', 'largest contentful paint, ms'],
  ['events', 'events in the DOM, ms'],
  ['app', 'the app running (its own markers), ms'],
  ['tbt', 'total blocking time, ms'],
  ['bytes', 'bytes as sent, KiB'],
];
const fig = (key, x) => (key === 'bytes' ? (x === undefined ? '—' : kb(x)) : ms(x));
const cells = (target, key) => Object.keys(PROFILES).map((p) => {
  const a = median(p, target, key);
  const b = median(p, 'timelinejs', key);
  return `${fig(key, a)} | ${fig(key, b)} | ${key === 'tbt' ? '' : ratio(a, b)}`;
}).join(' | ');
const labels = Object.values(PROFILES).map((p) => p.label);
const table = [
  `| measure | ${labels.map((l) => `${l}: ours | TimelineJS3 | ratio`).join(' | ')} |`,
  `|---|${labels.map(() => '---:|---:|---:|').join('')}`,
  ...KEYS.map(([key, label]) => `| ${label} | ${cells('ours', key)} |`),
].join('\n');
const per = (f) => Object.keys(PROFILES).map(f).join(' | ');
const floorRows = [
  `| | ${labels.join(' | ')} |`,
  `|---|${labels.map(() => '---:|').join('')}`,
  `| the bare page (one heading): first contentful paint, ms | ${per((p) => ms(median(p, 'bare', 'fcp')))} |`,
  `| our first contentful paint ÷ the bare page's | ${per((p) => ratio(median(p, 'ours', 'fcp'), median(p, 'bare', 'fcp')))} |`,
  `| ours, the app held back: first contentful paint, ms | ${per((p) => ms(median(p, 'held', 'fcp')))} |`,
  `| ours, the app held back: largest contentful paint, ms | ${per((p) => ms(median(p, 'held', 'lcp')))} |`,
  `| largest contentful paint with the app ÷ held back | ${per((p) => ratio(median(p, 'ours', 'lcp'), median(p, 'held', 'lcp')))} |`,
  `| a marker link followed at the first paint: its card shown there, the frame after (ms) | ${per((p) => `${followed[p].filter((r) => r.inFirstPaint).length} of ${followed[p].length} (${ms(stats(followed[p].map((r) => r.shownAt ?? NaN)).median)})`)} |`,
  `| … that event selected, its card open, once the app runs | ${per((p) => `${followed[p].filter((r) => r.clicked && r.kept).length} of ${followed[p].filter((r) => r.clicked).length}`)} |`,
  ...extra.flatMap((e) => KEYS.map(([key, label]) => `| ${e.name}: ${label} (ratio to ours) | ${per((p) => `${fig(key, median(p, e.name, key))} (${ratio(median(p, e.name, key), median(p, 'ours', key))})`)} |`)),
].join('\n');
const chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();

const report = `## Beside TimelineJS3 (\`bench/compare.mjs\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${chromium}: this build and
TimelineJS3 ${await version()} on the same four events (its page:
\`scripts/timelinejs.mjs\`), both served by nginx on 127.0.0.1 with
precompressed brotli. Medians of ${RUNS} loads each, after a warm-up round;
loads alternate (ours, ours held back, TimelineJS3, the bare page; each
round starts one further on). Desktop:
1280×800. Phone: 390×844 with mobile emulation, 4× CPU slowdown and slow
4G (1.6 Mbps down, 150 ms round trip).${PROFILES['phone-cpu'] ? ' Phone CPU only: the phone without its network throttling.' : ''} Load average (1, 5, 15 min): ${loadBefore}
at the start, ${loadAfter} at the end.

${table}

${floorRows}

Ratios are ours ÷ TimelineJS3 (lower is better), except where the row says.
"Events in the DOM": our first paint's first marker (built into the page),
TimelineJS3's first \`.tl-timemarker\`; "the app running": the first marker
of our app (\`#app\`), TimelineJS3's first \`.tl-timemarker\`. Total blocking
time: every long task's time over 50 ms after the first contentful paint
(a task begun before it counted from it), until the page has settled (no
request for 500 ms, then 500 ms more). Bytes: the page's and every
resource's body as sent (encoded). Held back: the app's WebAssembly,
wasm-bindgen JS and loader blocked (\`Network.setBlockedURLs\`). The
followed link: the second marker's, followed at the first contentful paint
(its \`click()\`) in 3 loads per profile; its card not shown there means
the app had taken the first paint over by the next frame; "kept": the app, once it has replaced the first paint, has
that event \`aria-current="true"\` and its card open.${failures.length ? ` Loads that did not settle within 60 s (left out): ${failures.join(', ')}.` : ''}${refused.length ? `\n\nRefused requests to other hosts: ${[...new Set(refused)].join(', ')}.` : ' No request left 127.0.0.1.'}
`;
console.log(report);
if (chosen === DEFAULT_PROFILES) await writeFile(new URL('COMPARE.md', import.meta.url), report);
