// docs/compare-timelinejs.png: this timeline beside TimelineJS3 (Knight
// Lab's, the npm package @knight-lab/timelinejs, a dev dependency used
// only here) on the same four 2024 events, both at 960 × 760, English,
// light. TimelineJS is served from node_modules on 127.0.0.1; every
// request to any other host is refused (and listed, if there are any).
// `node scripts/compare-timelinejs.mjs` after `trunk build --release`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage } from '../tests/e2e/harness.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const TL = join(ROOT, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const VIEW = { width: 960, height: 760 };
const FOUR = ['ip-visit-pumch-2024-03', 'pumch-delegation-hkust-2024-04', 'agreement-signed-2024-07-21', 'first-cohort-2024'];

const data = JSON.parse(await readFile(join(ROOT, 'public', 'data', 'timeline.json'), 'utf8'));
const date = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
};
const events = data.events
  .filter((e) => FOUR.includes(e.id))
  .map((e) => ({
    start_date: date(e.date),
    ...(e.end ? { end_date: date(e.end.date) } : {}),
    text: { headline: e.title.en, text: e.summary.en },
  }));
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/tl/css/timeline.css">
<style>html,body{margin:0;height:100%}#tl{height:100%}</style></head>
<body><div id="tl"></div><script src="/tl/js/timeline.js"></script>
<script>new TL.Timeline('tl', ${JSON.stringify({ events })}, { script_path: '/tl/js/', font: null });</script></body></html>`;
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png' };
const host = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  if (path.startsWith('/tl/') && !path.includes('..')) {
    try {
      const body = await readFile(join(TL, path.slice(4)));
      return res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {}
  }
  res.writeHead(404).end();
});
await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
const tlUrl = `http://127.0.0.1:${host.address().port}/`;

const app = await serve();
const browser = await launch();
const refused = [];
async function shot(url, ready) {
  const p = await openPage(browser, { viewport: VIEW, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await p.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
    refused.push(u.href);
    return route.abort();
  });
  await p.goto(url);
  await ready(p);
  await p.evaluate(() => document.fonts.ready);
  const png = await p.screenshot();
  await p.context().close();
  return png.toString('base64');
}
try {
  const ours = await shot(`${app.url}?lang=en&theme=light&filter=kind:visit,kind:delegation,kind:agreement,kind:exchange`, (p) =>
    p.locator('#app .markers [data-event-id]').first().waitFor(),
  );
  // TimelineJS animates into place: let it settle (a screenshot, not a test).
  const theirs = await shot(tlUrl, async (p) => {
    await p.locator('.tl-timemarker').first().waitFor({ state: 'attached' });
    await p.waitForTimeout(1500);
  });
  const side = await openPage(browser, { viewport: { width: 2 * VIEW.width + 48, height: VIEW.height + 64 }, deviceScaleFactor: 1 });
  await side.setContent(`<!doctype html><html><body style="margin:0;font:600 18px system-ui,sans-serif;background:#dfe3e8;display:flex;gap:16px;padding:8px 16px">
    <figure style="margin:0"><figcaption style="padding:4px 0 8px">This timeline (its default view)</figcaption><img src="data:image/png;base64,${ours}" width="${VIEW.width}" height="${VIEW.height}"></figure>
    <figure style="margin:0"><figcaption style="padding:4px 0 8px">TimelineJS3 3.9.11 on the same four events (defaults)</figcaption><img src="data:image/png;base64,${theirs}" width="${VIEW.width}" height="${VIEW.height}"></figure>
    </body></html>`);
  await side.screenshot({ path: join(ROOT, 'docs', 'compare-timelinejs.png') });
  await side.context().close();
  console.log('docs/compare-timelinejs.png');
  if (refused.length) console.log('refused requests to other hosts:', refused);
} finally {
  await browser.close();
  await app.close();
  host.close();
}
