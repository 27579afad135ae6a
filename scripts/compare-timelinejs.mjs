// docs/compare-timelinejs.png: this timeline beside TimelineJS3 (Knight
// Lab's, the npm package @knight-lab/timelinejs, a dev dependency used
// only here) on the same four 2024 events, both at 960 × 760, English,
// light. TimelineJS's page is scripts/timelinejs.mjs's, served by nginx on
// 127.0.0.1; every request to any other host is refused (and listed, if
// there are any).
// `node scripts/compare-timelinejs.mjs` after `trunk build --release`.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage } from '../tests/e2e/harness.mjs';
import { serveTimelineJs, LOCAL_ONLY, offHost } from './timelinejs.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const VIEW = { width: 960, height: 760 };
const host = await serveTimelineJs();
const tlUrl = host.url;

const app = await serve();
const browser = await launch(LOCAL_ONLY);
const refused = [];
async function shot(url, ready) {
  const p = await openPage(browser, { viewport: VIEW, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  offHost(p, refused);
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
  await host.close();
}
